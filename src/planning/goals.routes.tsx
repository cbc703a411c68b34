/** Goals' pages: the list, the form that sets one, and one goal (planners and admins). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { submitForm } from '../web/form-post.ts';
import { monitorSettings } from '../monitor/index.ts';
import { EMPTY_FORM, readGoalForm, type GoalForm, type GoalView } from './goal.ts';
import {
  createGoalFromForm,
  editGoal,
  getGoal,
  goalFormOptions,
  GoalStale,
  listGoals,
} from './goal.service.ts';
import { GOALS_PATH, GoalPage, GoalsPage, NewGoalPage } from './pages/goal-pages.tsx';

const planners = requireRole('planner', 'admin');
type Id = { Params: { id: string }; Querystring: { besked?: string } };

const formOf = (g: GoalView): GoalForm => ({
  ...EMPTY_FORM,
  kind: g.kind,
  targetValue: String(g.target.value).replace('.', ','),
  targetYear: String(g.target.year),
  recommendationId: g.recommendationId ?? '',
  interventionId: g.interventionId ?? '',
  version: String(g.version),
});

export const goalsRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock, config }) => {
  const settings = monitorSettings(config);

  app.get<{ Querystring: { besked?: string } }>(
    GOALS_PATH,
    { preHandler: planners },
    async (req, reply) => {
      const goals = await listGoals(db, req.tenant.kommune, { now: clock.now(), settings });
      return sendPage(
        reply,
        <GoalsPage
          ctx={staffPageContext(req, reply)}
          goals={goals}
          canEdit
          notice={req.query.besked}
        />,
      );
    },
  );

  const newGoalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: GoalForm,
    problems: readonly FieldProblem[] = [],
    status = 200,
  ) => {
    const options = await goalFormOptions(db, req.tenant.kommune);
    return sendPage(
      reply,
      <NewGoalPage
        ctx={staffPageContext(req, reply)}
        options={options}
        form={form}
        // The page takes a mutable list (goal-pages.tsx); a copy keeps the caller's intact.
        problems={[...problems]}
      />,
      { status },
    );
  };

  app.get(`${GOALS_PATH}/ny`, { preHandler: planners }, async (req, reply) =>
    newGoalPage(req, reply, EMPTY_FORM),
  );

  app.post(GOALS_PATH, { preHandler: planners }, async (req, reply) => {
    const form = readGoalForm((req.body ?? {}) as Record<string, unknown>);
    return submitForm(reply, {
      run: () =>
        createGoalFromForm(db, req.staff!, form, { now: clock.now(), requestId: req.id, settings }),
      redirect: `${GOALS_PATH}?besked=oprettet`,
      again: (status, { problems }) => newGoalPage(req, reply, form, problems, status),
    });
  });

  async function detail(
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { form?: GoalForm; problems?: readonly FieldProblem[]; notice?: string },
    status = 200,
  ) {
    const kommune = req.tenant.kommune;
    const goal = await getGoal(db, kommune, req.params.id, { now: clock.now(), settings });
    const options = await goalFormOptions(db, kommune);
    const fresh = formOf(goal);
    return sendPage(
      reply,
      <GoalPage
        ctx={staffPageContext(req, reply)}
        goal={goal}
        options={options}
        canEdit
        // After a stale save, the form shows what is stored now (with its new version).
        form={extra.form ? { ...extra.form, version: extra.form.version } : fresh}
        problems={[...(extra.problems ?? [])]}
        notice={extra.notice ?? req.query.besked}
      />,
      { status },
    );
  }

  app.get<Id>(`${GOALS_PATH}/:id`, { preHandler: planners }, (req, reply) =>
    detail(req, reply, {}),
  );

  app.post<Id>(`${GOALS_PATH}/:id`, { preHandler: planners }, async (req, reply) => {
    const form = readGoalForm((req.body ?? {}) as Record<string, unknown>);
    return submitForm(reply, {
      run: () =>
        editGoal(db, req.staff!, req.params.id, form, { now: clock.now(), requestId: req.id }),
      stale: GoalStale,
      redirect: `${GOALS_PATH}/${req.params.id}?besked=gemt`,
      // A stale save shows the goal as stored now (its new version), with the notice.
      again: (status, shown) =>
        detail(req, reply, status === 400 ? { form, problems: shown.problems } : shown, status),
    });
  });
};
