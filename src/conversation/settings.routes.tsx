/**
 * An admin's settings for the health conversation in their municipality: instruments and
 * matching weights, and the frontline teams. The use cases are in settings.service.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { workerOf } from './access.ts';
import {
  currentSettings,
  moveWorker,
  newTeam,
  saveInstruments,
  saveWeights,
  teamsOverview,
  WEIGHT_KEYS,
} from './settings.service.ts';
import { SettingsPage, SETTINGS_PATH, TeamsPage, TEAMS_PATH } from './pages/settings-page.tsx';

type Body = Record<string, unknown>;
const admins = requireRole('admin');
const text = (v: unknown) => (typeof v === 'string' ? v : '');

export const conversationSettingsRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get<{ Querystring: { gemt?: string } }>(
    SETTINGS_PATH,
    { preHandler: admins },
    async (req, reply) => {
      const { off, weights } = await currentSettings(db, workerOf(req));
      return sendPage(
        reply,
        <SettingsPage
          ctx={pageContext(req, reply)}
          off={off}
          weights={weights}
          problems={[]}
          saved={req.query.gemt === 'ja'}
        />,
      );
    },
  );

  app.post<{ Body: Body }>(
    `${SETTINGS_PATH}/instrumenter`,
    { preHandler: admins },
    async (req, reply) => {
      const raw = req.body.instrument;
      const ids = (Array.isArray(raw) ? raw : [raw]).filter(
        (x): x is string => typeof x === 'string',
      );
      await saveInstruments(db, workerOf(req), ids);
      return reply.redirect(`${SETTINGS_PATH}?gemt=ja`, 303);
    },
  );

  app.post<{ Body: Body }>(
    `${SETTINGS_PATH}/vaegte`,
    { preHandler: admins },
    async (req, reply) => {
      const values = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, text(req.body[k]).trim()]));
      const w = workerOf(req);
      const problems = await saveWeights(db, w, values);
      if (problems.length === 0) return reply.redirect(`${SETTINGS_PATH}?gemt=ja`, 303);
      const { off } = await currentSettings(db, w);
      return sendPage(
        reply,
        <SettingsPage
          ctx={pageContext(req, reply)}
          off={off}
          weights={values}
          problems={problems}
          saved={false}
        />,
        { status: 400 },
      );
    },
  );

  // ---- teams ----------------------------------------------------------------------------------

  async function teamPage(
    req: FastifyRequest,
    reply: FastifyReply,
    problems: FieldProblem[],
    values: Record<string, string>,
    status = 200,
  ) {
    const { teams, workers } = await teamsOverview(db, workerOf(req));
    return sendPage(
      reply,
      <TeamsPage
        ctx={pageContext(req, reply)}
        teams={teams}
        workers={workers}
        problems={problems}
        values={values}
        saved={(req.query as { gemt?: string }).gemt === 'ja'}
      />,
      { status },
    );
  }

  app.get(TEAMS_PATH, { preHandler: admins }, async (req, reply) => teamPage(req, reply, [], {}));

  app.post<{ Body: Body }>(TEAMS_PATH, { preHandler: admins }, async (req, reply) => {
    const name = text(req.body.name).trim().slice(0, 200);
    const arena = text(req.body.arena);
    const problems = await newTeam(db, workerOf(req), name, arena);
    if (problems.length === 0) return reply.redirect(`${TEAMS_PATH}?gemt=ja`, 303);
    return teamPage(req, reply, problems, { name, arena }, 400);
  });

  app.post<{ Body: Body }>(
    `${TEAMS_PATH}/medarbejder`,
    { preHandler: admins },
    async (req, reply) => {
      const worker = text(req.body.worker);
      const team = text(req.body.team);
      if (await moveWorker(db, workerOf(req), worker, team))
        return reply.redirect(`${TEAMS_PATH}?gemt=ja`, 303);
      const problems = [{ path: 'worker', message: 'conversation.error.option' }];
      return teamPage(req, reply, problems, { worker, team }, 400);
    },
  );
};
