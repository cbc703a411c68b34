/** The admin's page of API clients: list them, revoke one (its tokens stop working at once). */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { listClients, revokeClient } from './oauth.service.ts';
import { API_CLIENTS_PATH, ApiClientsPage } from './pages/api-clients-page.tsx';

const admin = requireRole('admin');

export const apiClientRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get(API_CLIENTS_PATH, { preHandler: admin }, async (req, reply) => {
    const clients = await listClients(db, req.tenant.kommune);
    const revoked = (req.query as Record<string, unknown>).tilbagekaldt === '1';
    return sendPage(
      reply,
      <ApiClientsPage ctx={staffPageContext(req, reply)} clients={clients} revoked={revoked} />,
    );
  });

  app.post<{ Params: { id: string } }>(
    `${API_CLIENTS_PATH}/:id/tilbagekald`,
    { preHandler: admin },
    async (req, reply) => {
      await revokeClient(db, actorOf(req), req.params.id);
      return reply.redirect(`${API_CLIENTS_PATH}?tilbagekaldt=1`, 303);
    },
  );
};
