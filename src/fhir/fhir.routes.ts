/**
 * The FHIR R4 API at /fhir and its OAuth 2.0 token endpoint. No cookies and no CSRF token: a
 * client authenticates every call with a bearer token (app.ts leaves /fhir and /oauth out of
 * the form posts' CSRF check). Answers are application/fhir+json; every failure is an
 * OperationOutcome (outcome.ts), the token endpoint's per RFC 6749 §5.2.
 *
 *   POST /oauth/token                client credentials → bearer token
 *   GET  /fhir/metadata              CapabilityStatement (no token needed)
 *   GET  /fhir/HealthcareService[/:id]
 *   POST /fhir                       transaction Bundle: Patient + ServiceRequest + Task
 *   GET  /fhir/Task[/:id]            the client's referrals
 *   PUT  /fhir/Task/:id              status change, If-Match: W/"version"
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { capabilityStatement } from './capability.ts';
import { OAuthError } from './credentials.ts';
import {
  postReferralBundle,
  readHealthcareService,
  readTask,
  searchHealthcareServices,
  searchset,
  searchTasks,
  updateTask,
  type FhirCall,
} from './fhir.service.ts';
import { authenticate, issueToken, type ApiPrincipal } from './oauth.service.ts';
import { fhirError, FHIR_JSON, toFhirError } from './outcome.ts';
import { etagOf, versionFromIfMatch } from './task.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiClient: ApiPrincipal | null;
  }
}

type Id = { Params: { id: string } };
const REALM = 'Bearer realm="lighed-fhir"';

const base = (req: FastifyRequest) => `${req.protocol}://${req.host}/fhir`;

const send = (reply: FastifyReply, body: unknown, status = 200) =>
  reply.status(status).type(FHIR_JSON).header('cache-control', 'no-store').send(body);

export const fhirRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const { db, clock } = deps;

  // ---- POST /oauth/token ----------------------------------------------------------------------
  await app.register(async (oauth) => {
    oauth.setErrorHandler((err, _req, reply) => {
      const e =
        err instanceof OAuthError
          ? err
          : new OAuthError('invalid_request', 'Send application/x-www-form-urlencoded');
      if (e.status === 401) reply.header('www-authenticate', 'Basic realm="lighed"');
      return reply
        .status(e.status)
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .send({ error: e.error, error_description: e.description });
    });
    // No attempt limit is needed against guessing: a secret is 256 random bits.
    oauth.post('/oauth/token', async (req, reply) => {
      if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? ''))
        throw new OAuthError('invalid_request', 'Send application/x-www-form-urlencoded');
      const token = await issueToken(
        db,
        req.tenant.kommune,
        clock,
        req.headers.authorization,
        req.body,
      );
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token);
    });
  });

  // ---- /fhir ------------------------------------------------------------------------------------
  await app.register(
    async (fhir) => {
      fhir.decorateRequest('apiClient', null);
      fhir.addContentTypeParser(
        'application/fhir+json',
        { parseAs: 'string', bodyLimit: 1024 * 1024 },
        fhir.getDefaultJsonParser('error', 'error'),
      );
      fhir.setErrorHandler((err, req, reply) => {
        const e = toFhirError(err);
        if (e.status >= 500) {
          // The error's class and request id, never its message (it may quote a citizen's data).
          req.log.error({ err: { type: (err as Error).name } }, 'fhir request failed');
          if (process.env.LIGHED_DEBUG_ERRORS === '1') console.error(err);
        }
        if (e.status === 401) reply.header('www-authenticate', `${REALM}, error="invalid_token"`);
        return send(reply, e.outcome, e.status);
      });
      fhir.setNotFoundHandler((req, reply) =>
        send(
          reply,
          fhirError(
            404,
            'not-found',
            `No FHIR interaction at ${req.method} ${req.url.split('?')[0]}`,
          ).outcome,
          404,
        ),
      );
      // Every interaction but the CapabilityStatement needs a live token of this municipality.
      fhir.addHook('preHandler', async (req) => {
        if (req.url.split('?')[0] === '/fhir/metadata') return;
        req.apiClient =
          (await authenticate(db, req.tenant.kommune, clock, req.headers.authorization)) ?? null;
        if (!req.apiClient) throw fhirError(401, 'login', 'A valid bearer token is required');
      });
      const call = (req: FastifyRequest): FhirCall => ({
        db,
        client: req.apiClient!,
        requestId: req.id,
        kommuneName: req.tenant.name,
        base: base(req),
      });

      fhir.get('/metadata', async (req, reply) =>
        send(
          reply,
          capabilityStatement({
            baseUrl: base(req),
            date: '2026-12-01',
            kommune: req.tenant.kommune,
          }),
        ),
      );

      fhir.get('/HealthcareService', async (req, reply) => {
        const found = await searchHealthcareServices(
          call(req),
          req.query as Record<string, unknown>,
        );
        return send(
          reply,
          searchset(base(req), `${base(req)}${req.url.slice(5)}`, found, 'HealthcareService'),
        );
      });

      fhir.get<Id>('/HealthcareService/:id', async (req, reply) =>
        send(reply, await readHealthcareService(call(req), req.params.id)),
      );

      fhir.post('/', async (req, reply) => {
        const { bundle } = await postReferralBundle(call(req), req.body);
        return send(reply, bundle);
      });

      fhir.get('/Task', async (req, reply) => {
        const tasks = await searchTasks(call(req), req.query as Record<string, unknown>);
        return send(reply, searchset(base(req), `${base(req)}${req.url.slice(5)}`, tasks, 'Task'));
      });

      fhir.get<Id>('/Task/:id', async (req, reply) => {
        const { task, version } = await readTask(call(req), req.params.id);
        return send(
          reply
            .header('etag', etagOf(version))
            .header('last-modified', new Date(task.meta.lastUpdated).toUTCString()),
          task,
        );
      });

      fhir.put<Id>('/Task/:id', async (req, reply) => {
        const ifMatch = versionFromIfMatch(req.headers['if-match']);
        const { task, version } = await updateTask(call(req), req.params.id, ifMatch, req.body);
        return send(reply.header('etag', etagOf(version)), task);
      });
    },
    { prefix: '/fhir' },
  );
};
