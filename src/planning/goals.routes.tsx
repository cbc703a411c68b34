/** Goals' pages: the list, the form that sets one, and one goal (planners and admins). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
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

  app.get(`${GOALS_PATH}/ny`, { preHandler: planners }, async (req, reply) => {
    const options = await goalFormOptions(db, req.tenant.kommune);
    return sendPage(
      reply,
      <NewGoalPage
        ctx={staffPageContext(req, reply)}
        options={options}
        form={EMPTY_FORM}
        problems={[]}
      />,
    );
  });

  app.post(GOALS_PATH, { preHandler: planners }, async (req, reply) => {
    const form = readGoalForm((req.body ?? {}) as Record<string, unknown>);
    const r = await createGoalFromForm(db, req.staff!, form, {
      now: clock.now(),
      requestId: req.id,
      settings,
    });
    if (r.ok) return reply.redirect(`${GOALS_PATH}?besked=oprettet`, 303);
    const options = await goalFormOptions(db, req.tenant.kommune);
    return sendPage(
      reply,
      <NewGoalPage
        ctx={staffPageContext(req, reply)}
        options={options}
        form={form}
        problems={r.problems}
      />,
      { status: 400 },
    );
  });

  async function detail(
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { form?: GoalForm; problems?: { path: string; message: string }[]; notice?: string },
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
        problems={extra.problems ?? []}
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
    try {
      const r = await editGoal(db, req.staff!, req.params.id, form, {
        now: clock.now(),
        requestId: req.id,
      });
      if (r.ok) return reply.redirect(`${GOALS_PATH}/${req.params.id}?besked=gemt`, 303);
      return detail(req, reply, { form, problems: r.problems }, 400);
    } catch (e) {
      if (e instanceof GoalStale) return detail(req, reply, { notice: 'forældet' }, 409);
      throw e;
    }
  });
};
