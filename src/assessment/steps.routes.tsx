/**
 * An assessment's steps in order: the proposal, the screening, the scope (groups and layers) and
 * the matrix of impacts. Each page shows the stored answers, or what was typed when a save was
 * refused (400) or stale (409).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { staffPageContext } from '../web/context.ts';
import { formText, formTexts, submitForm, type Again } from '../web/form-post.ts';
import { cellField, type CellForm, type ProposalForm } from './assessment.ts';
import {
  AssessmentStale,
  areaChoices,
  assessmentView,
  figuresFor,
  saveCells,
  saveScope,
  saveScreening,
  updateProposal,
} from './assessment.service.ts';
import {
  MatrixPage,
  ProposalPage,
  ScopePage,
  ScreeningPage,
  cellFormsOf,
} from './pages/assessment-pages.tsx';
import { assessmentHref, ASSESSMENTS_PATH } from './paths.ts';
import {
  actor,
  noticeOf,
  page,
  proposalFormOf,
  proposalOfView,
  versionOf,
  workers,
  type Body,
  type Id,
} from './request.ts';

type Extra<T> = Partial<Again> & T;

export const assessmentStepRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const view = (req: FastifyRequest<Id>) =>
    assessmentView(db, actor(req), req.params.id, clock.now());

  const proposalPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: Extra<{ form?: ProposalForm }>,
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
    proposalPage(req, reply, noticeOf(req.query)),
  );
  app.post<Id>(`${ASSESSMENTS_PATH}/:id/forslag`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const form = proposalFormOf(b);
    return submitForm(reply, {
      run: () => updateProposal(db, actor(req), req.params.id, form, versionOf(b)),
      stale: AssessmentStale,
      redirect: `${assessmentHref(req.params.id)}?besked=gemt`,
      again: (status, shown) => proposalPage(req, reply, { ...shown, form }, status),
    });
  });

  const screeningPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: Extra<{ answers?: Record<string, string> }>,
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
    screeningPage(req, reply, noticeOf(req.query)),
  );
  app.post<Id>(`${ASSESSMENTS_PATH}/:id/screening`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const answers: Record<string, string> = {};
    for (const k of Object.keys(b)) if (k.startsWith('s_')) answers[k.slice(2)] = formText(b, k);
    return submitForm(reply, {
      run: () => saveScreening(db, actor(req), req.params.id, answers, versionOf(b)),
      stale: AssessmentStale,
      redirect: `${assessmentHref(req.params.id)}/screening?besked=gemt`,
      again: (status, shown) => screeningPage(req, reply, { ...shown, answers }, status),
    });
  });

  const scopePage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: Extra<{ groups?: string[]; layers?: string[] }>,
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
  const SCOPE = `${ASSESSMENTS_PATH}/:id/afgraensning`;
  app.get<Id>(SCOPE, { preHandler: workers }, async (req, reply) =>
    scopePage(req, reply, noticeOf(req.query)),
  );
  app.post<Id>(SCOPE, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const groups = formTexts(b, 'groups');
    const layers = formTexts(b, 'layers');
    return submitForm(reply, {
      run: () => saveScope(db, actor(req), req.params.id, groups, layers, versionOf(b)),
      stale: AssessmentStale,
      redirect: `${assessmentHref(req.params.id)}/vurdering?besked=gemt`,
      again: (status, shown) => scopePage(req, reply, { ...shown, groups, layers }, status),
    });
  });

  const matrixPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: Extra<{ cells?: CellForm[] }>,
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
    matrixPage(req, reply, noticeOf(req.query)),
  );
  app.post<Id>(`${ASSESSMENTS_PATH}/:id/vurdering`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const v = await view(req);
    const cell = (group: string, layer: string, k: 'impact' | 'evidence' | 'confidence') =>
      formText(b, cellField(group, layer, k));
    const cells: CellForm[] = v.groups.flatMap((group) =>
      v.layers.map((layer) => ({
        group,
        layer,
        impact: cell(group, layer, 'impact'),
        evidence: cell(group, layer, 'evidence'),
        confidence: cell(group, layer, 'confidence'),
      })),
    );
    return submitForm(reply, {
      run: () => saveCells(db, actor(req), req.params.id, cells, versionOf(b)),
      stale: AssessmentStale,
      redirect: `${assessmentHref(req.params.id)}/handlinger?besked=gemt`,
      again: (status, shown) => matrixPage(req, reply, { ...shown, cells }, status),
    });
  });
};
