/**
 * The municipality's own interventions (issue 12, decision 0023): list, new, one, edit, publish
 * to all municipalities, and links to recommendations. Thin handlers over
 * intervention.service and recommendation.service; planners and admins (the services check the
 * role again).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { submitForm } from '../web/form-post.ts';
import { PlanningStale } from './actor.ts';
import {
  emptyInterventionForm,
  formOfIntervention,
  readInterventionForm,
  type InterventionForm,
} from './intervention.ts';
import {
  getIntervention,
  listInterventions,
  offerChoices,
  publishIntervention,
  saveInterventionForm,
} from './intervention.service.ts';
import {
  linkRecommendation,
  listRecommendations,
  unlinkRecommendation,
} from './recommendation.service.ts';
import { groupChoices, groupLabeller } from './group-choices.service.ts';
import { INTERVENTIONS_PATH } from './paths.ts';
import {
  InterventionDetailPage,
  InterventionFormPage,
  InterventionListPage,
} from './pages/intervention-pages.tsx';
import { actor, body, dept, editors, readers, str, type Id, type Q } from './request.ts';

export const interventionRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get<Q>(INTERVENTIONS_PATH, { preHandler: readers }, async (req, reply) => {
    const department = dept(req.query.afdeling);
    const rows = await listInterventions(db, req.tenant.kommune, department ? { department } : {});
    return sendPage(
      reply,
      <InterventionListPage
        ctx={staffPageContext(req, reply)}
        rows={rows}
        department={department}
        notice={req.query.besked}
      />,
    );
  });

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    form: InterventionForm,
    problems: readonly FieldProblem[] = [],
    status = 200,
    notice?: string,
  ) {
    const ctx = staffPageContext(req, reply);
    const [offers, groups] = await Promise.all([
      offerChoices(db, req.tenant.kommune),
      groupChoices(db, req.tenant.kommune, ctx.lang),
    ]);
    return sendPage(
      reply,
      <InterventionFormPage
        ctx={ctx}
        id={id}
        form={form}
        problems={problems}
        offers={offers}
        groups={groups}
        notice={notice}
      />,
      { status },
    );
  }

  app.get<Q>(`${INTERVENTIONS_PATH}/ny`, { preHandler: editors }, async (req, reply) =>
    formPage(req, reply, null, emptyInterventionForm(dept(req.query.afdeling) ?? '')),
  );

  app.post(`${INTERVENTIONS_PATH}/ny`, { preHandler: editors }, async (req, reply) => {
    const form = readInterventionForm(body(req));
    return submitForm(reply, {
      run: () => saveInterventionForm(db, actor(req), null, form),
      redirect: (r) => `${INTERVENTIONS_PATH}/${r.id}?besked=oprettet`,
      again: (status, { problems }) => formPage(req, reply, null, form, problems, status),
    });
  });

  async function detailPage(
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    notice?: string,
    problems: readonly FieldProblem[] = [],
    status = 200,
  ) {
    const kommune = req.tenant.kommune;
    const i = await getIntervention(db, kommune, req.params.id);
    if (!i) throw notFound('Intervention');
    const ctx = staffPageContext(req, reply);
    const [offers, recommendations, groupLabel] = await Promise.all([
      offerChoices(db, kommune),
      listRecommendations(db, kommune),
      groupLabeller(db, kommune, ctx.lang),
    ]);
    return sendPage(
      reply,
      <InterventionDetailPage
        ctx={ctx}
        i={i}
        offers={offers}
        recommendations={recommendations}
        groupLabel={groupLabel}
        notice={notice}
        problems={problems}
      />,
      { status },
    );
  }

  app.get<Id>(`${INTERVENTIONS_PATH}/:id`, { preHandler: readers }, async (req, reply) =>
    detailPage(req, reply, req.query.besked),
  );

  app.get<Id>(`${INTERVENTIONS_PATH}/:id/rediger`, { preHandler: editors }, async (req, reply) => {
    const i = await getIntervention(db, req.tenant.kommune, req.params.id);
    if (!i) throw notFound('Intervention');
    return formPage(req, reply, i.id, formOfIntervention(i));
  });

  app.post<Id>(`${INTERVENTIONS_PATH}/:id/rediger`, { preHandler: editors }, async (req, reply) => {
    const { id } = req.params;
    const form = readInterventionForm(body(req));
    return submitForm(reply, {
      run: () => saveInterventionForm(db, actor(req), id, form),
      stale: PlanningStale,
      redirect: (r) => `${INTERVENTIONS_PATH}/${r.id}?besked=gemt`,
      again: async (status, { problems, notice }) => {
        if (status === 400) return formPage(req, reply, id, form, problems, 400);
        // Someone saved first: show what was typed against the current version, nothing lost.
        const now = await getIntervention(db, req.tenant.kommune, id);
        const version = String(now?.version ?? form.version);
        return formPage(req, reply, id, { ...form, version }, [], 409, notice);
      },
    });
  });

  app.post<Id>(`${INTERVENTIONS_PATH}/:id/del`, { preHandler: editors }, async (req, reply) => {
    const b = body(req);
    const publish = str(b, 'publish') === 'ja';
    const notice = publish ? 'offentliggjort' : 'tilbagetrukket';
    return submitForm(reply, {
      run: () =>
        publishIntervention(db, actor(req), req.params.id, publish, Number(str(b, 'version'))),
      stale: PlanningStale,
      redirect: `${INTERVENTIONS_PATH}/${req.params.id}?besked=${notice}`,
      again: (status, shown) => detailPage(req, reply, shown.notice, shown.problems, status),
    });
  });

  for (const [suffix, link] of [
    ['kobl', true],
    ['afkobl', false],
  ] as const) {
    app.post<Id>(
      `${INTERVENTIONS_PATH}/:id/${suffix}`,
      { preHandler: editors },
      async (req, reply) => {
        const recommendationId = str(body(req), 'recommendationId');
        try {
          await (link ? linkRecommendation : unlinkRecommendation)(
            db,
            actor(req),
            req.params.id,
            recommendationId,
          );
        } catch (e) {
          // The service refuses an unknown recommendation as invalid input: name it on the page.
          if (e instanceof LighedError && e.code === 'LIGHED_ERR_VALIDATION')
            return detailPage(req, reply, undefined, e.problems, 400);
          throw e;
        }
        const notice = link ? 'koblet' : 'afkoblet';
        return reply.redirect(
          `${INTERVENTIONS_PATH}/${req.params.id}?besked=${notice}#anbefalinger`,
          303,
        );
      },
    );
  }
};
