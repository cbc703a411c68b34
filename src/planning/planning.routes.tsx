/**
 * The planning pages of interventions and recommendations (issue 12, decision 0023): thin
 * handlers over intervention.service and recommendation.service. Planners and admins read and
 * edit (the services check the role again). Every route names its roles.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { listDimensions } from '../monitor/index.ts';
import { PLANNING_EDITORS, PLANNING_READERS, PlanningStale, type PlanningActor } from './actor.ts';
import {
  emptyInterventionForm,
  formOfIntervention,
  isDepartment,
  readInterventionForm,
  type Department,
  type InterventionForm,
} from './intervention.ts';
import {
  copyPublishedIntervention,
  getIntervention,
  getPublishedIntervention,
  listInterventions,
  listPublishedInterventions,
  offerChoices,
  publishIntervention,
  saveInterventionForm,
} from './intervention.service.ts';
import {
  addOwnRecommendation,
  adoptFramework,
  getRecommendation,
  linkRecommendation,
  listFrameworks,
  listRecommendations,
  unlinkRecommendation,
  updateRecommendationForm,
} from './recommendation.service.ts';
import {
  formOfRecommendation,
  readOwnRecommendationForm,
  readRecommendationForm,
  type RecommendationForm,
} from './recommendation.ts';
import { INTERVENTIONS_PATH, PLANNING_PATH, RECOMMENDATIONS_PATH } from './paths.ts';
import { PlanningStartPage } from './pages/planning-start-page.tsx';
import {
  InterventionDetailPage,
  InterventionFormPage,
  InterventionListPage,
  SHARED_PATH,
  SharedDetailPage,
  SharedListPage,
  type GroupChoice,
} from './pages/intervention-pages.tsx';
import {
  COMMITTEE_PATH,
  CommitteePage,
  LinkInterventionPage,
  OwnRecommendationPage,
  RecommendationPage,
  RecommendationsPage,
} from './pages/recommendation-pages.tsx';

const readers = requireRole(...PLANNING_READERS);
const editors = requireRole(...PLANNING_EDITORS);

type Q = { Querystring: { afdeling?: string; besked?: string } };
type Id = { Params: { id: string }; Querystring: { besked?: string } };

const actor = (req: FastifyRequest): PlanningActor => ({ staff: req.staff!, requestId: req.id });
const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const str = (b: Record<string, unknown>, k: string) => (typeof b[k] === 'string' ? b[k] : '');
const dept = (v: string | undefined): Department | undefined => (isDepartment(v) ? v : undefined);

export const planningRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  /** The monitor's social groups as `dimension:group` choices, labelled in the page's language. */
  async function groupChoices(kommune: string, lang: 'da' | 'en'): Promise<GroupChoice[]> {
    const dims = await listDimensions(db, kommune).catch(() => []);
    return dims
      .filter((d) => d.kind === 'social')
      .flatMap((d) =>
        d.groups.map((g) => ({
          value: `${d.key}:${g.code}`,
          label: `${d.label[lang]}: ${g.label[lang]}`,
        })),
      );
  }
  const groupLabeller = async (kommune: string, lang: 'da' | 'en') => {
    const choices = await groupChoices(kommune, lang);
    return (code: string) => choices.find((c) => c.value === code)?.label ?? code;
  };

  app.get(PLANNING_PATH, { preHandler: readers }, async (req, reply) =>
    sendPage(reply, <PlanningStartPage ctx={staffPageContext(req, reply)} />),
  );

  // ---- interventions -----------------------------------------------------------------------------

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
      groupChoices(req.tenant.kommune, ctx.lang),
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
    const r = await saveInterventionForm(db, actor(req), null, form);
    if (!r.ok) return formPage(req, reply, null, form, r.problems, 400);
    return reply.redirect(`${INTERVENTIONS_PATH}/${r.id}?besked=oprettet`, 303);
  });

  app.get<Id>(`${INTERVENTIONS_PATH}/:id`, { preHandler: readers }, async (req, reply) =>
    detailPage(req, reply, req.query.besked),
  );

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
      groupLabeller(kommune, ctx.lang),
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

  app.get<Id>(`${INTERVENTIONS_PATH}/:id/rediger`, { preHandler: editors }, async (req, reply) => {
    const i = await getIntervention(db, req.tenant.kommune, req.params.id);
    if (!i) throw notFound('Intervention');
    return formPage(req, reply, i.id, formOfIntervention(i));
  });

  app.post<Id>(`${INTERVENTIONS_PATH}/:id/rediger`, { preHandler: editors }, async (req, reply) => {
    const form = readInterventionForm(body(req));
    try {
      const r = await saveInterventionForm(db, actor(req), req.params.id, form);
      if (!r.ok) return await formPage(req, reply, req.params.id, form, r.problems, 400);
      return reply.redirect(`${INTERVENTIONS_PATH}/${r.id}?besked=gemt`, 303);
    } catch (e) {
      if (!(e instanceof PlanningStale)) throw e;
      // Someone saved first: show what was typed against the current version, nothing lost.
      const now = await getIntervention(db, req.tenant.kommune, req.params.id);
      return formPage(
        req,
        reply,
        req.params.id,
        { ...form, version: String(now?.version ?? form.version) },
        [],
        409,
        'forældet',
      );
    }
  });

  app.post<Id>(`${INTERVENTIONS_PATH}/:id/del`, { preHandler: editors }, async (req, reply) => {
    const b = body(req);
    const publish = str(b, 'publish') === 'ja';
    try {
      await publishIntervention(db, actor(req), req.params.id, publish, Number(str(b, 'version')));
    } catch (e) {
      if (e instanceof PlanningStale) return detailPage(req, reply, 'forældet', [], 409);
      throw e;
    }
    const notice = publish ? 'offentliggjort' : 'tilbagetrukket';
    return reply.redirect(`${INTERVENTIONS_PATH}/${req.params.id}?besked=${notice}`, 303);
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

  // ---- shared between municipalities -------------------------------------------------------------

  app.get<Q>(SHARED_PATH, { preHandler: readers }, async (req, reply) => {
    const department = dept(req.query.afdeling);
    const rows = await listPublishedInterventions(
      db,
      req.tenant.kommune,
      department ? { department } : {},
    );
    return sendPage(
      reply,
      <SharedListPage
        ctx={staffPageContext(req, reply)}
        rows={rows}
        ownKommune={req.tenant.kommune}
        department={department}
      />,
    );
  });

  app.get<Id>(`${SHARED_PATH}/:id`, { preHandler: readers }, async (req, reply) => {
    const i = await getPublishedIntervention(db, req.tenant.kommune, req.params.id);
    if (!i) throw notFound('Intervention');
    const ctx = staffPageContext(req, reply);
    return sendPage(
      reply,
      <SharedDetailPage
        ctx={ctx}
        i={i}
        ownKommune={req.tenant.kommune}
        groupLabel={await groupLabeller(req.tenant.kommune, ctx.lang)}
      />,
    );
  });

  app.post<Id>(`${SHARED_PATH}/:id/kopier`, { preHandler: editors }, async (req, reply) => {
    const id = await copyPublishedIntervention(db, actor(req), req.params.id);
    return reply.redirect(`${INTERVENTIONS_PATH}/${id}?besked=kopieret`, 303);
  });

  // ---- recommendations ---------------------------------------------------------------------------

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

  app.get(`${RECOMMENDATIONS_PATH}/egen`, { preHandler: editors }, async (req, reply) =>
    sendPage(
      reply,
      <OwnRecommendationPage
        ctx={staffPageContext(req, reply)}
        form={{ title: '', text: '', departments: [] }}
        problems={[]}
      />,
    ),
  );

  app.post(`${RECOMMENDATIONS_PATH}/egen`, { preHandler: editors }, async (req, reply) => {
    const form = readOwnRecommendationForm(body(req));
    const r = await addOwnRecommendation(db, actor(req), form);
    if (r.ok) return reply.redirect(`${RECOMMENDATIONS_PATH}/${r.id}?besked=oprettet`, 303);
    return sendPage(
      reply,
      <OwnRecommendationPage
        ctx={staffPageContext(req, reply)}
        form={form}
        problems={r.problems}
      />,
      { status: 400 },
    );
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
    try {
      const r = await updateRecommendationForm(db, actor(req), req.params.id, form, clock.now());
      if (!r.ok)
        return await recommendationPage(req, reply, { form, problems: r.problems, status: 400 });
    } catch (e) {
      if (e instanceof PlanningStale)
        return recommendationPage(req, reply, { form, notice: 'forældet', status: 409 });
      throw e;
    }
    return reply.redirect(`${RECOMMENDATIONS_PATH}/${req.params.id}?besked=gemt`, 303);
  });

  app.get<Id>(`${RECOMMENDATIONS_PATH}/:id/kobl`, { preHandler: editors }, async (req, reply) => {
    const r = await getRecommendation(db, req.tenant.kommune, req.params.id);
    if (!r) throw notFound('Recommendation');
    const interventions = await listInterventions(db, req.tenant.kommune);
    return sendPage(
      reply,
      <LinkInterventionPage
        ctx={staffPageContext(req, reply)}
        r={r}
        interventions={interventions}
        problems={[]}
      />,
    );
  });

  app.post<Id>(`${RECOMMENDATIONS_PATH}/:id/kobl`, { preHandler: editors }, async (req, reply) => {
    const interventionId = str(body(req), 'interventionId');
    const kommune = req.tenant.kommune;
    const known = interventionId && (await getIntervention(db, kommune, interventionId));
    if (!known) {
      const r = await getRecommendation(db, kommune, req.params.id);
      if (!r) throw notFound('Recommendation');
      return sendPage(
        reply,
        <LinkInterventionPage
          ctx={staffPageContext(req, reply)}
          r={r}
          interventions={await listInterventions(db, kommune)}
          problems={[{ path: 'interventionId', message: 'planning.error.intervention' }]}
        />,
        { status: 400 },
      );
    }
    await linkRecommendation(db, actor(req), interventionId, req.params.id);
    return reply.redirect(`${RECOMMENDATIONS_PATH}/${req.params.id}?besked=koblet`, 303);
  });

  // ---- the committee view ------------------------------------------------------------------------

  app.get<Q>(COMMITTEE_PATH, { preHandler: readers }, async (req, reply) => {
    const department = dept(req.query.afdeling) ?? 'health';
    const kommune = req.tenant.kommune;
    const [recommendations, interventions] = await Promise.all([
      listRecommendations(db, kommune, { department }),
      listInterventions(db, kommune, { department }),
    ]);
    return sendPage(
      reply,
      <CommitteePage
        ctx={staffPageContext(req, reply)}
        department={department}
        recommendations={recommendations}
        interventions={interventions}
      />,
    );
  });
};
