/**
 * Recommendations (decision 0023): the frameworks to adopt, the municipality's own ones, one
 * recommendation's state, departments and dated note, and links to interventions. Thin
 * handlers over recommendation.service; planners and admins.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { notFound, type FieldProblem } from '../platform/errors.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { submitForm } from '../web/form-post.ts';
import { PlanningStale } from './actor.ts';
import { getIntervention, listInterventions } from './intervention.service.ts';
import {
  addOwnRecommendation,
  adoptFramework,
  getRecommendation,
  linkRecommendation,
  listFrameworks,
  listRecommendations,
  updateRecommendationForm,
} from './recommendation.service.ts';
import {
  formOfRecommendation,
  readOwnRecommendationForm,
  readRecommendationForm,
  type OwnRecommendationForm,
  type RecommendationForm,
} from './recommendation.ts';
import { RECOMMENDATIONS_PATH } from './paths.ts';
import {
  LinkInterventionPage,
  OwnRecommendationPage,
  RecommendationPage,
  RecommendationsPage,
} from './pages/recommendation-pages.tsx';
import { actor, body, dept, editors, readers, str, type Id, type Q } from './request.ts';

export const recommendationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  app.get<Q>(RECOMMENDATIONS_PATH, { preHandler: readers }, async (req, reply) => {
    const department = dept(req.query.afdeling);
    const kommune = req.tenant.kommune;
    const [frameworks, rows] = await Promise.all([
      listFrameworks(db, kommune),
      listRecommendations(db, kommune, department ? { department } : {}),
    ]);
    return sendPage(
      reply,
      <RecommendationsPage
        ctx={staffPageContext(req, reply)}
        frameworks={frameworks}
        rows={rows}
        department={department}
        notice={req.query.besked}
      />,
    );
  });

  app.post(`${RECOMMENDATIONS_PATH}/vedtag`, { preHandler: editors }, async (req, reply) => {
    await adoptFramework(db, actor(req), str(body(req), 'framework'));
    return reply.redirect(`${RECOMMENDATIONS_PATH}?besked=vedtaget`, 303);
  });

  const ownPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    form: OwnRecommendationForm,
    problems: readonly FieldProblem[] = [],
    status = 200,
  ) =>
    sendPage(
      reply,
      <OwnRecommendationPage ctx={staffPageContext(req, reply)} form={form} problems={problems} />,
      { status },
    );

  app.get(`${RECOMMENDATIONS_PATH}/egen`, { preHandler: editors }, async (req, reply) =>
    ownPage(req, reply, { title: '', text: '', departments: [] }),
  );

  app.post(`${RECOMMENDATIONS_PATH}/egen`, { preHandler: editors }, async (req, reply) => {
    const form = readOwnRecommendationForm(body(req));
    return submitForm(reply, {
      run: () => addOwnRecommendation(db, actor(req), form),
      redirect: (r) => `${RECOMMENDATIONS_PATH}/${r.id}?besked=oprettet`,
      again: async (status, { problems }) => ownPage(req, reply, form, problems, status),
    });
  });

  async function recommendationPage(
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    opts: {
      form?: RecommendationForm;
      problems?: readonly FieldProblem[];
      notice?: string | undefined;
      status?: number;
    },
  ) {
    const kommune = req.tenant.kommune;
    const r = await getRecommendation(db, kommune, req.params.id);
    if (!r) throw notFound('Recommendation');
    const interventions = await listInterventions(db, kommune);
    // After a stale save the form keeps what was typed, against the version stored now.
    const form = opts.form
      ? { ...opts.form, version: opts.status === 409 ? String(r.version) : opts.form.version }
      : formOfRecommendation(r);
    return sendPage(
      reply,
      <RecommendationPage
        ctx={staffPageContext(req, reply)}
        r={r}
        form={form}
        interventions={interventions}
        problems={opts.problems ?? []}
        notice={opts.notice}
      />,
      { status: opts.status ?? 200 },
    );
  }

  app.get<Id>(`${RECOMMENDATIONS_PATH}/:id`, { preHandler: readers }, async (req, reply) =>
    recommendationPage(req, reply, { notice: req.query.besked }),
  );

  app.post<Id>(`${RECOMMENDATIONS_PATH}/:id`, { preHandler: editors }, async (req, reply) => {
    const form = readRecommendationForm(body(req));
    return submitForm(reply, {
      run: () => updateRecommendationForm(db, actor(req), req.params.id, form, clock.now()),
      stale: PlanningStale,
      redirect: `${RECOMMENDATIONS_PATH}/${req.params.id}?besked=gemt`,
      again: (status, shown) => recommendationPage(req, reply, { form, ...shown, status }),
    });
  });

  async function linkPage(
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    problems: readonly FieldProblem[] = [],
    status = 200,
  ) {
    const r = await getRecommendation(db, req.tenant.kommune, req.params.id);
    if (!r) throw notFound('Recommendation');
    const interventions = await listInterventions(db, req.tenant.kommune);
    return sendPage(
      reply,
      <LinkInterventionPage
        ctx={staffPageContext(req, reply)}
        r={r}
        interventions={interventions}
        problems={problems}
      />,
      { status },
    );
  }

  app.get<Id>(`${RECOMMENDATIONS_PATH}/:id/kobl`, { preHandler: editors }, async (req, reply) =>
    linkPage(req, reply),
  );

  app.post<Id>(`${RECOMMENDATIONS_PATH}/:id/kobl`, { preHandler: editors }, async (req, reply) => {
    const interventionId = str(body(req), 'interventionId');
    const known = interventionId && (await getIntervention(db, req.tenant.kommune, interventionId));
    if (!known) {
      const problem = { path: 'interventionId', message: 'planning.error.intervention' };
      return linkPage(req, reply, [problem], 400);
    }
    await linkRecommendation(db, actor(req), interventionId, req.params.id);
    return reply.redirect(`${RECOMMENDATIONS_PATH}/${req.params.id}?besked=koblet`, 303);
  });
};
