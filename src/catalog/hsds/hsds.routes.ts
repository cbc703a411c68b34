/**
 * The public, read-only HSDS 3.0 API (the standard's openapi.json): published offers of every
 * municipality, optionally one (`?kommune=0265`). No cookies, no tenant: rows come through
 * row-level security as the application role, which sees published offers only.
 *
 *   GET /api/hsds/                            API metadata (version, profile, openapi_url)
 *   GET /api/hsds/services                    page of services (`full=true`: fully nested; `minimal=true`: id + last_modified)
 *   GET /api/hsds/services/:id                one fully nested service
 *   GET /api/hsds/organizations               page of organizations (`full=true`: with locations)
 *   GET /api/hsds/organizations/:id           organization with locations and services (`full_service=true`: nested)
 *   GET /api/hsds/service_at_locations        page of service_at_locations (`postcode`, `proximity` in metres)
 *   GET /api/hsds/service_at_locations/:id    one service_at_location with its location and service
 *
 * Each route parses its query (hsds.query.ts), calls one use case (hsds.service.ts) and sends JSON.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { RouteDeps } from '../../platform/deps.ts';
import {
  parseOrganizationQuery,
  parseServiceAtLocationQuery,
  parseServiceQuery,
} from './hsds.query.ts';
import {
  getOrganization,
  getService,
  getServiceAtLocation,
  hsdsMeta,
  listOrganizations,
  listServiceAtLocations,
  listServices,
} from './hsds.service.ts';

const send = (reply: FastifyReply, body: unknown) =>
  reply
    .type('application/json; charset=utf-8')
    // Open data: any site may read it; there are no cookies or personal data here.
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'public, max-age=60')
    .send(body);

export const hsdsRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  const meta = async (_req: unknown, reply: FastifyReply) => send(reply, hsdsMeta());
  app.get('/api/hsds', meta);
  app.get('/api/hsds/', meta);

  app.get('/api/hsds/services', async (req, reply) => {
    const q = parseServiceQuery(req.query);
    return send(reply, await listServices(db, q));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/services/:id', async (req, reply) =>
    send(reply, await getService(db, req.params.id)),
  );

  app.get('/api/hsds/organizations', async (req, reply) => {
    const q = parseOrganizationQuery(req.query);
    return send(reply, await listOrganizations(db, q));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/organizations/:id', async (req, reply) => {
    const q = parseOrganizationQuery(req.query);
    return send(reply, await getOrganization(db, req.params.id, q));
  });

  app.get('/api/hsds/service_at_locations', async (req, reply) => {
    const q = parseServiceAtLocationQuery(req.query);
    return send(reply, await listServiceAtLocations(db, q));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/service_at_locations/:id', async (req, reply) =>
    send(reply, await getServiceAtLocation(db, req.params.id)),
  );
};
