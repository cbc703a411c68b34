/**
 * The open, read-only API (issue 12, decision 0026): /api/v1/*, its OpenAPI 3.1 document at
 * /api/openapi.json and the reference page at /api. One encapsulated plugin: @fastify/swagger
 * registered here sees only the routes declared here, so the document describes this API and
 * nothing else. The route schemas validate the query, serialize the answer and make the document.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import swagger from '@fastify/swagger';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError } from '../platform/errors.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import {
  API_PREFIX,
  CACHE_CONTROL,
  OPENAPI_PATH,
  REFERENCE_PATH,
  validationProblem,
} from './api.ts';
import {
  errorResponses,
  figuresQuery,
  figuresResponse,
  goalsResponse,
  indicatorsResponse,
  interventionsResponse,
  kommuneQuery,
  recommendationsResponse,
} from './api.schemas.ts';
import {
  admitApiRequest,
  apiFigures,
  apiGoals,
  apiIndicators,
  apiInterventions,
  apiRecommendations,
  municipalityOf,
  type Municipality,
} from './api.service.ts';
import { ReferencePage, type OpenApiDocument } from './pages/reference-page.tsx';

type Query = { kommune?: string; indicator?: string; dimension?: string; area?: string };

const route = (operationId: string, summary: string, querystring: object, ok: object) => ({
  schema: {
    operationId,
    summary,
    tags: ['v1'],
    querystring,
    response: { 200: { description: 'OK', ...ok }, ...errorResponses },
  } as FastifySchema,
  schemaErrorFormatter: validationProblem,
});

const openHeaders = (reply: FastifyReply) =>
  reply
    // Open data: any site may read it; there are no cookies or personal data here.
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', CACHE_CONTROL)
    .header('vary', 'host');

export const apiRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lighed open API',
        version: '1.0.0',
        summary: "A municipality's goals, recommendations, interventions and monitor figures.",
        description:
          'Read-only and open: no key, no cookies, no personal data. Figures are suppressed by the monitor’s small-cell rules. The municipality is the host’s, or ?kommune=.',
        license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' },
      },
      servers: [{ url: '/' }],
      tags: [{ name: 'v1', description: 'Version 1' }],
    },
    hideUntagged: true,
  });

  // Every request counts against its address, the OpenAPI document and the page too.
  app.addHook('onRequest', async (req, reply) => {
    const wait = await admitApiRequest(db, clock, req.ip);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new LighedError('LIGHED_ERR_RATE_LIMITED', 'Too many requests');
    }
  });

  const where = (req: FastifyRequest<{ Querystring: Query }>): Promise<Municipality> =>
    municipalityOf(db, req.tenant, req.query.kommune);

  const list = (
    path: string,
    operationId: string,
    summary: string,
    ok: object,
    get: (m: Municipality) => Promise<unknown>,
  ) =>
    app.get<{ Querystring: Query }>(
      `${API_PREFIX}/${path}`,
      route(operationId, summary, kommuneQuery, ok),
      async (req, reply) => openHeaders(reply).send(await get(await where(req))),
    );

  list(
    'goals',
    'listGoals',
    'Goals with baseline, target, latest value and state',
    goalsResponse,
    (m) => apiGoals(db, m),
  );
  list(
    'recommendations',
    'listRecommendations',
    'Recommendations of the adopted frameworks, with their states',
    recommendationsResponse,
    (m) => apiRecommendations(db, m),
  );
  list(
    'interventions',
    'listInterventions',
    'Published interventions',
    interventionsResponse,
    (m) => apiInterventions(db, m),
  );
  list(
    'indicators',
    'listIndicators',
    "The monitor's indicators and social dimensions",
    indicatorsResponse,
    (m) => apiIndicators(db, m),
  );

  app.get<{ Querystring: Query & { indicator: string } }>(
    `${API_PREFIX}/figures`,
    route(
      'listFigures',
      "One indicator's published figures by wave, for everyone and each group",
      figuresQuery,
      figuresResponse,
    ),
    async (req, reply) =>
      openHeaders(reply).send(await apiFigures(db, await where(req), req.query)),
  );

  app.get(OPENAPI_PATH, { schema: { hide: true } }, async (_req, reply) =>
    openHeaders(reply).type('application/json; charset=utf-8').send(app.swagger()),
  );

  app.get(REFERENCE_PATH, { schema: { hide: true } }, async (req, reply) =>
    sendPage(
      reply,
      <ReferencePage
        ctx={staffPageContext(req, reply)}
        doc={app.swagger() as unknown as OpenApiDocument}
      />,
    ),
  );
};
