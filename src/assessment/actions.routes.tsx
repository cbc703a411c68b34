/**
 * An assessment's actions page: mitigations (and making one an intervention in planning),
 * indicators (and making one a goal), and the conclusion. Every form on it posts here and comes
 * back to it; planners and admins alone hand work to planning.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { staffPageContext } from '../web/context.ts';
import { formText, submitForm, type Again } from '../web/form-post.ts';
import {
  AssessmentStale,
  actionToIntervention,
  addAction,
  addIndicator,
  assessmentView,
  figuresFor,
  indicatorToGoal,
  removeAction,
  removeIndicator,
  saveConclusion,
} from './assessment.service.ts';
import { ActionsPage, emptyActionForms, type ActionForms } from './pages/assessment-pages.tsx';
import { ASSESSMENTS_PATH, assessmentHref } from './paths.ts';
import {
  INTERVENTION_ROLES,
  actor,
  interventionMakers,
  noticeOf,
  page,
  versionOf,
  workers,
  type Body,
  type Id,
  type Sub,
} from './request.ts';

const ACTIONS = `${ASSESSMENTS_PATH}/:id/handlinger`;
const INDICATORS = `${ASSESSMENTS_PATH}/:id/indikatorer`;
const back = (id: string, notice: string) => `${assessmentHref(id)}/handlinger?besked=${notice}`;

export const assessmentActionRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const actionsPage = async (
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: Partial<Again> & { forms?: Partial<ActionForms> },
    status = 200,
  ) => {
    const v = await assessmentView(db, actor(req), req.params.id, clock.now());
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
  /** A change from the actions page: back to it, or it again with `forms` as typed. */
  const change = (
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    run: () => Promise<{ ok: true } | { ok: false; problems: Again['problems'] } | void>,
    done: string,
    forms: Partial<ActionForms> = {},
  ) =>
    submitForm(reply, {
      run,
      stale: AssessmentStale,
      redirect: done,
      again: (status, shown) => actionsPage(req, reply, { ...shown, forms }, status),
    });

  app.get<Id>(ACTIONS, { preHandler: workers }, async (req, reply) =>
    actionsPage(req, reply, noticeOf(req.query)),
  );
  app.post<Id>(ACTIONS, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const action = {
      kind: formText(b, 'actionKind'),
      text: formText(b, 'actionText'),
      group: formText(b, 'actionGroup'),
    };
    const run = () => addAction(db, actor(req), req.params.id, action, versionOf(b));
    return change(req, reply, run, back(req.params.id, 'gemt'), { action });
  });
  app.post<Sub>(`${ACTIONS}/:sub/slet`, { preHandler: workers }, async (req, reply) => {
    const { id, sub } = req.params;
    const run = () => removeAction(db, actor(req), id, sub, versionOf(req.body as Body));
    return change(req, reply, run, back(id, 'gemt'));
  });
  app.post<Sub>(
    `${ACTIONS}/:sub/indsats`,
    { preHandler: interventionMakers },
    async (req, reply) => {
      const { id, sub } = req.params;
      const run = async () => {
        await actionToIntervention(db, actor(req), id, sub, versionOf(req.body as Body));
      };
      return change(req, reply, run, back(id, 'indsats'));
    },
  );

  app.post<Id>(INDICATORS, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    const indicator = {
      indicator: formText(b, 'indicator'),
      dimension: formText(b, 'indicatorDimension'),
      description: formText(b, 'indicatorDescription'),
    };
    const run = () => addIndicator(db, actor(req), req.params.id, indicator, versionOf(b));
    return change(req, reply, run, back(req.params.id, 'gemt'), { indicator });
  });
  app.post<Sub>(`${INDICATORS}/:sub/slet`, { preHandler: workers }, async (req, reply) => {
    const { id, sub } = req.params;
    const run = () => removeIndicator(db, actor(req), id, sub, versionOf(req.body as Body));
    return change(req, reply, run, back(id, 'gemt'));
  });
  app.post<Sub>(
    `${INDICATORS}/:sub/maal`,
    { preHandler: interventionMakers },
    async (req, reply) => {
      const { id, sub } = req.params;
      const b = req.body as Body;
      const goal = {
        id: sub,
        targetValue: formText(b, `goal_${sub}_value`),
        targetYear: formText(b, `goal_${sub}_year`),
      };
      const run = () => indicatorToGoal(db, actor(req), id, sub, goal, versionOf(b), clock.now());
      return change(req, reply, run, back(id, 'maal'), { goal });
    },
  );

  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/konklusion`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const conclusion = {
        conclusion: formText(b, 'conclusion'),
        reviewDate: formText(b, 'reviewDate').trim(),
      };
      const run = () => saveConclusion(db, actor(req), req.params.id, conclusion, versionOf(b));
      return change(req, reply, run, `${assessmentHref(req.params.id)}?besked=gemt`, {
        conclusion,
      });
    },
  );
};
