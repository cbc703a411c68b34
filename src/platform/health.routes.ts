import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from './deps.ts';
import { migrationsCurrent } from '../db/migrate.ts';

/** /healthz: the process answers. /readyz: the database answers and is fully migrated. */
export const healthRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      const current = await migrationsCurrent(db);
      if (!current) return reply.status(503).send({ status: 'migrations pending' });
      return { status: 'ready', engine: db.engine };
    } catch {
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });
};
