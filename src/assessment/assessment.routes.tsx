/**
 * Equity impact assessment's pages (issue 13): thin handlers over assessment.service.ts. A
 * stale form (someone else saved first) shows the page again with what was typed and a notice
 * (409); bad input shows it with the problems at their fields (400).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { chromiumPdf, findChromium } from '../platform/pdf.ts';
import { renderDocx } from '../platform/docx.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { listDimensions } from '../monitor/index.ts';
import { cellField, type CellForm, type ProposalForm } from './assessment.ts';
import {
  AssessmentStale,
  actionToIntervention,
  addAction,
  addComment,
  addIndicator,
  areaChoices,
  assessmentView,
  createAssessment,
  figuresFor,
  indicatorToGoal,
  listAssessments,
  loadTemplate,
  recordExport,
  recordReview,
  removeAction,
  removeIndicator,
  resetTemplate,
  saveCells,
  saveConclusion,
  saveScope,
  saveScreening,
  saveTemplateSettings,
  setState,
  updateProposal,
  type AssessmentActor,
  type AssessmentView,
} from './assessment.service.ts';
import {
  ActionsPage,
  ListPage,
  MatrixPage,
  OverviewPage,
  ProposalPage,
  ReportPage,
  ScopePage,
  ScreeningPage,
  TemplatePage,
  cellFormsOf,
  deptName,
  emptyActionForms,
  emptyProposal,
  type ActionForms,
} from './pages/assessment-pages.tsx';
import { reportDocument } from './pages/report-page.tsx';
import { reportBlocks, reportTitle } from './report.ts';
import { readTemplateForm, templateFormOf, textIn } from './template.ts';
import { ASSESSMENTS_PATH, TEMPLATE_PATH, assessmentHref } from './paths.ts';

const workers = requireRole('assessor', 'planner', 'admin');
const templateEditors = requireRole('planner', 'admin');
/** Interventions and goals are planning's work: planners and admins (assessors propose). */
const INTERVENTION_ROLES = ['planner', 'admin'];

type Body = Record<string, unknown>;
type Id = { Params: { id: string }; Querystring: { besked?: string } };
type Sub = { Params: { id: string; sub: string } };

const actor = (req: FastifyRequest): AssessmentActor => ({ staff: req.staff!, requestId: req.id });
const str = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};
const list = (b: Body, k: string): string[] => {
  const v = b[k];
  return typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.filter((x) => typeof x === 'string')
      : [];
};
const version = (b: Body) => Number(str(b, 'version')) || 0;

function proposalFormOf(b: Body): ProposalForm {
  return {
    title: str(b, 'title'),
    proposalType: str(b, 'proposalType'),
    department: str(b, 'department'),
    description: str(b, 'description'),
    decision: str(b, 'decision'),
    decisionDate: str(b, 'decisionDate').trim(),
    objective: str(b, 'objective'),
    area: str(b, 'area'),
  };
}

const proposalOfView = (v: AssessmentView): ProposalForm => ({
  title: v.title,
  proposalType: v.proposalType,
  department: v.department,
  description: v.description,
  decision: v.decision,
  decisionDate: v.decisionDate,
  objective: v.objective,
  area: v.area,
});

export const assessmentRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const chromium = await findChromium();
  const pdf = chromium ? chromiumPdf(chromium) : null;
  const page = (reply: FastifyReply, node: VNode, status = 200) =>
    sendPage(reply, node, { status, personal: true });
  const view = (req: FastifyRequest<{ Params: { id: string } }>) =>
    assessmentView(db, actor(req), req.params.id, clock.now());

  /** Runs a change; a stale version gives `onStale`'s page with status 409. */
  async function attempt<T>(
    run: () => Promise<T>,
    onStale: () => Promise<unknown>,
  ): Promise<{ done: T } | { stale: unknown }> {
    try {
      return { done: await run() };
    } catch (e) {
      if (e instanceof AssessmentStale) return { stale: await onStale() };
      throw e;
    }
  }

  // ---- list, new, template ---------------------------------------------------------------------

  app.get(ASSESSMENTS_PATH, { preHandler: workers }, async (req, reply) => {
    const rows = await listAssessments(db, actor(req));
    const role = req.staff!.role;
    return page(
      reply,
      <ListPage
        ctx={staffPageContext(req, reply)}
        rows={rows}
        canSettings={role === 'planner' || role === 'admin'}
      />,
    );
  });

  app.get(`${ASSESSMENTS_PATH}/ny`, { preHandler: workers }, async (req, reply) => {
    const areas = await areaChoices(db, req.tenant.kommune);
    return page(
      reply,
      <ProposalPage
        ctx={staffPageContext(req, reply)}
        form={emptyProposal(areas[0]!.code)}
        problems={[]}
        areas={areas}
      />,
    );
  });

  app.post(`${ASSESSMENTS_PATH}/ny`, { preHandler: workers }, async (req, reply) => {
    const form = proposalFormOf(req.body as Body);
    const r = await createAssessment(db, actor(req), form);
    if (r.ok) return reply.redirect(`${assessmentHref(r.id)}?besked=oprettet`, 303);
    const areas = await areaChoices(db, req.tenant.kommune);
    return page(
      reply,
      <ProposalPage
        ctx={staffPageContext(req, reply)}
        form={form}
        problems={r.problems}
        areas={areas}
      />,
      400,
    );
  });

  const templatePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      form?: ReturnType<typeof readTemplateForm>;
      problems?: FieldProblem[];
      notice?: string;
    },
    status = 200,
  ) => {
    const [t, dims] = await Promise.all([
      loadTemplate(db, actor(req)),
      listDimensions(db, req.tenant.kommune),
    ]);
    const ctx = staffPageContext(req, reply);
    return page(
      reply,
      <TemplatePage
        ctx={ctx}
        form={extra.form ?? templateFormOf(t.template, t.version)}
        custom={t.custom}
        dimensions={dims.map((d) => ({ key: d.key, label: textIn(d.label, ctx.lang) }))}
        problems={extra.problems ?? []}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<{ Querystring: { besked?: string } }>(
    TEMPLATE_PATH,
    { preHandler: templateEditors },
    async (req, reply) =>
      templatePage(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );

  app.post(TEMPLATE_PATH, { preHandler: templateEditors }, async (req, reply) => {
    const form = readTemplateForm(req.body as Body);
    const r = await attempt(
      () => saveTemplateSettings(db, actor(req), form),
      () => templatePage(req, reply, { form, notice: 'forældet' }, 409),
    );
    if ('stale' in r) return r.stale;
    if (r.done.ok) return reply.redirect(`${TEMPLATE_PATH}?besked=gemt`, 303);
    return templatePage(req, reply, { form, problems: r.done.problems }, 400);
  });

  app.post(`${TEMPLATE_PATH}/standard`, { preHandler: templateEditors }, async (req, reply) => {
    const r = await attempt(
      () => resetTemplate(db, actor(req), version(req.body as Body)),
      () => templatePage(req, reply, { notice: 'forældet' }, 409),
    );
    if ('stale' in r) return r.stale;
    return reply.redirect(`${TEMPLATE_PATH}?besked=gemt`, 303);
  });

  // ---- one assessment --------------------------------------------------------------------------

  const overview = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { problems?: FieldProblem[]; notice?: string; comment?: string; reviewNote?: string },
    status = 200,
  ) =>
    page(
      reply,
      <OverviewPage
        ctx={staffPageContext(req, reply)}
        view={await view(req)}
        problems={extra.problems ?? []}
        notice={extra.notice}
        {...(extra.comment !== undefined ? { comment: extra.comment } : {})}
        {...(extra.reviewNote !== undefined ? { reviewNote: extra.reviewNote } : {})}
      />,
      status,
    );

  app.get<Id>(`${ASSESSMENTS_PATH}/:id`, { preHandler: workers }, async (req, reply) =>
    overview(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );

  app.post<Id>(`${ASSESSMENTS_PATH}/:id/kommentar`, { preHandler: workers }, async (req, reply) => {
    const comment = str(req.body as Body, 'comment');
    const r = await addComment(db, actor(req), req.params.id, comment);
    if (r.ok)
      return reply.redirect(`${assessmentHref(req.params.id)}?besked=kommentar#comments`, 303);
    return overview(req, reply, { problems: r.problems, comment }, 400);
  });

  app.post<Id>(`${ASSESSMENTS_PATH}/:id/status`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const r = await attempt(
      () => setState(db, actor(req), req.params.id, str(b, 'state'), version(b), clock.now()),
      () => overview(req, reply, { notice: 'forældet' }, 409),
    );
    if ('stale' in r) return r.stale;
    if (r.done.ok) return reply.redirect(`${assessmentHref(req.params.id)}?besked=status`, 303);
    return overview(req, reply, { problems: r.done.problems }, 400);
  });

  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/opfoelgning`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const note = str(b, 'reviewNote');
      const r = await attempt(
        () => recordReview(db, actor(req), req.params.id, note, version(b), clock.now()),
        () => overview(req, reply, { notice: 'forældet', reviewNote: note }, 409),
      );
      if ('stale' in r) return r.stale;
      if (r.done.ok)
        return reply.redirect(`${assessmentHref(req.params.id)}?besked=opfoelgning`, 303);
      return overview(req, reply, { problems: r.done.problems, reviewNote: note }, 400);
    },
  );

  // The proposal
  const proposalPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { form?: ProposalForm; problems?: FieldProblem[]; notice?: string },
    status = 200,
  ) => {
    const [v, areas] = await Promise.all([view(req), areaChoices(db, req.tenant.kommune)]);
    return page(
      reply,
      <ProposalPage
        ctx={staffPageContext(req, reply)}
        form={extra.form ?? proposalOfView(v)}
        problems={extra.problems ?? []}
        areas={areas}
        edit={{ id: v.id, title: v.title, version: v.version }}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<Id>(`${ASSESSMENTS_PATH}/:id/forslag`, { preHandler: workers }, async (req, reply) =>
    proposalPage(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );
  app.post<Id>(`${ASSESSMENTS_PATH}/:id/forslag`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const form = proposalFormOf(b);
    const r = await attempt(
      () => updateProposal(db, actor(req), req.params.id, form, version(b)),
      () => proposalPage(req, reply, { form, notice: 'forældet' }, 409),
    );
    if ('stale' in r) return r.stale;
    if (r.done.ok) return reply.redirect(`${assessmentHref(req.params.id)}?besked=gemt`, 303);
    return proposalPage(req, reply, { form, problems: r.done.problems }, 400);
  });

  // The screening
  const screeningPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { answers?: Record<string, string>; problems?: FieldProblem[]; notice?: string },
    status = 200,
  ) => {
    const v = await view(req);
    return page(
      reply,
      <ScreeningPage
        ctx={staffPageContext(req, reply)}
        view={v}
        answers={extra.answers ?? v.answers}
        problems={extra.problems ?? []}
        notice={extra.notice}
      />,
      status,
    );
  };
  app.get<Id>(`${ASSESSMENTS_PATH}/:id/screening`, { preHandler: workers }, async (req, reply) =>
    screeningPage(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );
  app.post<Id>(`${ASSESSMENTS_PATH}/:id/screening`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const answers: Record<string, string> = {};
    for (const k of Object.keys(b)) if (k.startsWith('s_')) answers[k.slice(2)] = str(b, k);
    const r = await attempt(
      () => saveScreening(db, actor(req), req.params.id, answers, version(b)),
      () => screeningPage(req, reply, { answers, notice: 'forældet' }, 409),
    );
    if ('stale' in r) return r.stale;
    if (r.done.ok)
      return reply.redirect(`${assessmentHref(req.params.id)}/screening?besked=gemt`, 303);
    return screeningPage(req, reply, { answers, problems: r.done.problems }, 400);
  });

  // The scope
  const scopePage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { groups?: string[]; layers?: string[]; problems?: FieldProblem[]; notice?: string },
    status = 200,
  ) => {
    const v = await view(req);
    return page(
      reply,
      <ScopePage
        ctx={staffPageContext(req, reply)}
        view={v}
        groups={extra.groups ?? v.groups}
        layers={extra.layers ?? v.layers}
        problems={extra.problems ?? []}
        notice={extra.notice}
      />,
      status,
    );
  };
  app.get<Id>(`${ASSESSMENTS_PATH}/:id/afgraensning`, { preHandler: workers }, async (req, reply) =>
    scopePage(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );
  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/afgraensning`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const groups = list(b, 'groups');
      const layers = list(b, 'layers');
      const r = await attempt(
        () => saveScope(db, actor(req), req.params.id, groups, layers, version(b)),
        () => scopePage(req, reply, { groups, layers, notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      if (r.done.ok)
        return reply.redirect(`${assessmentHref(req.params.id)}/vurdering?besked=gemt`, 303);
      return scopePage(req, reply, { groups, layers, problems: r.done.problems }, 400);
    },
  );

  // The matrix
  const matrixPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { cells?: CellForm[]; problems?: FieldProblem[]; notice?: string },
    status = 200,
  ) => {
    const v = await view(req);
    const figures = await figuresFor(db, req.tenant.kommune, v);
    return page(
      reply,
      <MatrixPage
        ctx={staffPageContext(req, reply)}
        view={v}
        figures={figures}
        cells={extra.cells ?? cellFormsOf(v)}
        problems={extra.problems ?? []}
        notice={extra.notice}
      />,
      status,
    );
  };
  app.get<Id>(`${ASSESSMENTS_PATH}/:id/vurdering`, { preHandler: workers }, async (req, reply) =>
    matrixPage(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );
  app.post<Id>(`${ASSESSMENTS_PATH}/:id/vurdering`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const v = await view(req);
    const cells: CellForm[] = v.groups.flatMap((group) =>
      v.layers.map((layer) => ({
        group,
        layer,
        impact: str(b, cellField(group, layer, 'impact')),
        evidence: str(b, cellField(group, layer, 'evidence')),
        confidence: str(b, cellField(group, layer, 'confidence')),
      })),
    );
    const r = await attempt(
      () => saveCells(db, actor(req), req.params.id, cells, version(b)),
      () => matrixPage(req, reply, { cells, notice: 'forældet' }, 409),
    );
    if ('stale' in r) return r.stale;
    if (r.done.ok)
      return reply.redirect(`${assessmentHref(req.params.id)}/handlinger?besked=gemt`, 303);
    return matrixPage(req, reply, { cells, problems: r.done.problems }, 400);
  });

  // Actions, indicators, conclusion
  const actionsPage = async (
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { forms?: Partial<ActionForms>; problems?: FieldProblem[]; notice?: string },
    status = 200,
  ) => {
    const v = await view(req);
    const figures = await figuresFor(db, req.tenant.kommune, v);
    return page(
      reply,
      <ActionsPage
        ctx={staffPageContext(req, reply)}
        view={v}
        figures={figures}
        forms={{ ...emptyActionForms(v), ...extra.forms }}
        problems={extra.problems ?? []}
        notice={extra.notice}
        canMakeIntervention={INTERVENTION_ROLES.includes(req.staff!.role)}
        canMakeGoal={INTERVENTION_ROLES.includes(req.staff!.role)}
      />,
      status,
    );
  };
  const back = (id: string, notice: string) => `${assessmentHref(id)}/handlinger?besked=${notice}`;

  app.get<Id>(`${ASSESSMENTS_PATH}/:id/handlinger`, { preHandler: workers }, async (req, reply) =>
    actionsPage(req, reply, { ...(req.query.besked ? { notice: req.query.besked } : {}) }),
  );
  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/handlinger`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const action = {
        kind: str(b, 'actionKind'),
        text: str(b, 'actionText'),
        group: str(b, 'actionGroup'),
      };
      const r = await attempt(
        () => addAction(db, actor(req), req.params.id, action, version(b)),
        () => actionsPage(req, reply, { forms: { action }, notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      if (r.done.ok) return reply.redirect(back(req.params.id, 'gemt'), 303);
      return actionsPage(req, reply, { forms: { action }, problems: r.done.problems }, 400);
    },
  );
  app.post<Sub>(
    `${ASSESSMENTS_PATH}/:id/handlinger/:sub/slet`,
    { preHandler: workers },
    async (req, reply) => {
      const r = await attempt(
        () =>
          removeAction(db, actor(req), req.params.id, req.params.sub, version(req.body as Body)),
        () => actionsPage(req, reply, { notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      return reply.redirect(back(req.params.id, 'gemt'), 303);
    },
  );
  app.post<Sub>(
    `${ASSESSMENTS_PATH}/:id/handlinger/:sub/indsats`,
    { preHandler: requireRole('planner', 'admin') },
    async (req, reply) => {
      const r = await attempt(
        () =>
          actionToIntervention(
            db,
            actor(req),
            req.params.id,
            req.params.sub,
            version(req.body as Body),
          ),
        () => actionsPage(req, reply, { notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      return reply.redirect(back(req.params.id, 'indsats'), 303);
    },
  );
  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/indikatorer`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const indicator = {
        indicator: str(b, 'indicator'),
        dimension: str(b, 'indicatorDimension'),
        description: str(b, 'indicatorDescription'),
      };
      const r = await attempt(
        () => addIndicator(db, actor(req), req.params.id, indicator, version(b)),
        () => actionsPage(req, reply, { forms: { indicator }, notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      if (r.done.ok) return reply.redirect(back(req.params.id, 'gemt'), 303);
      return actionsPage(req, reply, { forms: { indicator }, problems: r.done.problems }, 400);
    },
  );
  app.post<Sub>(
    `${ASSESSMENTS_PATH}/:id/indikatorer/:sub/slet`,
    { preHandler: workers },
    async (req, reply) => {
      const r = await attempt(
        () =>
          removeIndicator(db, actor(req), req.params.id, req.params.sub, version(req.body as Body)),
        () => actionsPage(req, reply, { notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      return reply.redirect(back(req.params.id, 'gemt'), 303);
    },
  );
  app.post<Sub>(
    `${ASSESSMENTS_PATH}/:id/indikatorer/:sub/maal`,
    { preHandler: requireRole('planner', 'admin') },
    async (req, reply) => {
      const b = req.body as Body;
      const goal = {
        id: req.params.sub,
        targetValue: str(b, `goal_${req.params.sub}_value`),
        targetYear: str(b, `goal_${req.params.sub}_year`),
      };
      const r = await attempt(
        () =>
          indicatorToGoal(
            db,
            actor(req),
            req.params.id,
            req.params.sub,
            goal,
            version(b),
            clock.now(),
          ),
        () => actionsPage(req, reply, { forms: { goal }, notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      if (r.done.ok) return reply.redirect(back(req.params.id, 'maal'), 303);
      return actionsPage(req, reply, { forms: { goal }, problems: r.done.problems }, 400);
    },
  );
  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/konklusion`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const conclusion = {
        conclusion: str(b, 'conclusion'),
        reviewDate: str(b, 'reviewDate').trim(),
      };
      const r = await attempt(
        () => saveConclusion(db, actor(req), req.params.id, conclusion, version(b)),
        () => actionsPage(req, reply, { forms: { conclusion }, notice: 'forældet' }, 409),
      );
      if ('stale' in r) return r.stale;
      if (r.done.ok) return reply.redirect(`${assessmentHref(req.params.id)}?besked=gemt`, 303);
      return actionsPage(req, reply, { forms: { conclusion }, problems: r.done.problems }, 400);
    },
  );

  // The report
  const report = async (req: FastifyRequest<Id>, reply: FastifyReply) => {
    const ctx = staffPageContext(req, reply);
    const v = await view(req);
    const figures = await figuresFor(db, req.tenant.kommune, v);
    const blocks = reportBlocks({
      view: v,
      figures,
      t: ctx.t,
      lang: ctx.lang,
      departmentName: deptName(v.department, ctx.t),
      municipality: req.tenant.name,
    });
    return { ctx, view: v, blocks };
  };
  app.get<Id>(`${ASSESSMENTS_PATH}/:id/rapport`, { preHandler: workers }, async (req, reply) => {
    const r = await report(req, reply);
    return page(
      reply,
      <ReportPage ctx={r.ctx} view={r.view} blocks={r.blocks} pdf={pdf !== null} />,
    );
  });
  app.get<Id>(
    `${ASSESSMENTS_PATH}/:id/rapport.pdf`,
    { preHandler: workers },
    async (req, reply) => {
      if (!pdf) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No PDF renderer: install chromium');
      const r = await report(req, reply);
      const file = await pdf.render(
        reportDocument({
          lang: r.ctx.lang,
          title: reportTitle(r.ctx.t),
          subtitle: r.view.title,
          municipality: req.tenant.name,
          blocks: r.blocks,
        }),
      );
      await recordExport(db, actor(req), r.view.id, 'pdf');
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          'attachment; filename="konsekvenser-for-lighed-i-sundhed.pdf"',
        )
        .type('application/pdf')
        .send(file);
    },
  );
  app.get<Id>(
    `${ASSESSMENTS_PATH}/:id/rapport.docx`,
    { preHandler: workers },
    async (req, reply) => {
      const r = await report(req, reply);
      const file = await renderDocx({
        title: reportTitle(r.ctx.t),
        subtitle: `${r.view.title} · ${req.tenant.name}`,
        lang: r.ctx.lang,
        blocks: r.blocks,
      });
      await recordExport(db, actor(req), r.view.id, 'docx');
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          'attachment; filename="konsekvenser-for-lighed-i-sundhed.docx"',
        )
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(file);
    },
  );
};
