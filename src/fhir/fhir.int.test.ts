/**
 * The FHIR API end to end over app.inject: OAuth client credentials (good, wrong secret,
 * revoked, expired), the CapabilityStatement, HealthcareService, and the referral round trip in
 * both roles (a referrer's system posts, a provider's system reads and updates with If-Match,
 * the referrer reads the closing note), with 401/404/412/422, isolation between municipalities
 * and organisations, and conditional create.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   FHIR answers are read as untyped JSON here on purpose: the assertions (and the zod schemas
   below) are what check their shape. */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.ts';
import { inTenant } from '../db/db.ts';
import { fixedClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { forwardToProvider, getReferral } from '../referrals/index.ts';
import { Client } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import { referralBundle } from '../../test/support/fhir.ts';
import { createDemoApiClients } from './index.ts';
import { createApiClient } from './oauth.service.ts';
import {
  CLOSING_NOTE_SYSTEM,
  STATUS_REASON_SYSTEM,
  TASK_CODE_SYSTEM,
  TOPIC_SYSTEM,
} from './vocabulary.ts';

const system = { actorId: null, actorRole: 'system', requestId: 'test' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** The CapabilityStatement's shape as FHIR R4 requires it (the parts clients rely on). */
const capabilitySchema = z.object({
  resourceType: z.literal('CapabilityStatement'),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  kind: z.enum(['instance', 'capability', 'requirements']),
  fhirVersion: z.literal('4.0.1'),
  format: z.array(z.string()).min(1),
  rest: z
    .array(
      z.object({
        mode: z.literal('server'),
        security: z.object({
          service: z.array(z.object({ coding: z.array(z.object({ code: z.literal('OAuth') })) })),
          extension: z.array(
            z.object({
              url: z.literal(
                'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              ),
              extension: z.array(z.object({ url: z.literal('token'), valueUri: z.url() })),
            }),
          ),
        }),
        resource: z.array(
          z.object({
            type: z.string(),
            interaction: z.array(
              z.object({
                code: z.enum([
                  'read',
                  'vread',
                  'update',
                  'patch',
                  'delete',
                  'history-instance',
                  'history-type',
                  'create',
                  'search-type',
                ]),
              }),
            ),
          }),
        ),
      }),
    )
    .length(1),
});

/** A Task as the SDOH Clinical Care referral profile requires it. */
const taskSchema = z.object({
  resourceType: z.literal('Task'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  meta: z.object({ versionId: z.string(), lastUpdated: z.string() }),
  status: z.enum([
    'draft',
    'requested',
    'accepted',
    'rejected',
    'cancelled',
    'in-progress',
    'on-hold',
    'failed',
    'completed',
    'entered-in-error',
  ]),
  intent: z.literal('order'),
  code: z.object({
    coding: z.array(z.object({ system: z.literal(TASK_CODE_SYSTEM), code: z.literal('fulfill') })),
  }),
  focus: z.object({ reference: z.string().regex(/^ServiceRequest\//) }),
  for: z.object({ reference: z.string().regex(/^Patient\//) }),
  authoredOn: z.string(),
  identifier: z.array(z.object({ system: z.string(), value: z.string() })).optional(),
  statusReason: z
    .object({ coding: z.array(z.object({ system: z.string(), code: z.string() })) })
    .optional(),
  output: z
    .array(
      z.object({
        type: z.object({ coding: z.array(z.object({ system: z.string(), code: z.string() })) }),
      }),
    )
    .optional(),
});

eachEngine('FHIR API', (ctx) => {
  let f: ReferralFixture;
  let app: FastifyInstance;
  const clock = fixedClock(new Date());
  const creds: Record<
    'referrer' | 'provider' | 'other' | 'lejre',
    { client_id: string; client_secret: string }
  > = {} as never;

  const token = async (who: keyof typeof creds, host = 'localhost') => {
    const res = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        host,
        authorization: basic(creds[who].client_id, creds[who].client_secret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ access_token: string }>().access_token;
  };

  const fhir = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    bearer: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    await ctx.db.asOwner((tx) =>
      tx.query(`update tenant set hostnames = '{lejre.test}' where kommune = '0350'`),
    );
    const k = { kommune: '0265', ...system };
    creds.referrer = await createApiClient(ctx.db, k, {
      kommune: '0265',
      name: 'EPJ Lægehuset',
      role: 'referrer',
      organizationId: f.gpOrgId,
    });
    creds.provider = await createApiClient(ctx.db, k, {
      kommune: '0265',
      name: 'Sundhedscenter',
      role: 'provider',
      organizationId: f.orgId,
    });
    creds.other = await createApiClient(ctx.db, k, {
      kommune: '0265',
      name: 'Ældre Sagen',
      role: 'provider',
      organizationId: f.otherOrgId,
    });
    creds.lejre = await createApiClient(
      ctx.db,
      { ...system, kommune: '0350' },
      { kommune: '0350', name: 'EPJ Lejre', role: 'referrer' },
    );
    const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent' });
    app = await buildApp({
      db: ctx.db,
      config,
      cookieSecret: 'x'.repeat(40),
      logger: false,
      clock,
    });
  });

  describe('OAuth 2.0 client credentials', () => {
    it('issues a short-lived bearer token for HTTP Basic (and client_secret_post)', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basic(creds.referrer.client_id, creds.referrer.client_secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body).toEqual({
        access_token: expect.stringMatching(/^[\w-]{43}$/),
        token_type: 'Bearer',
        expires_in: 900,
      });
      const post = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          ...creds.referrer,
        }).toString(),
      });
      expect(post.statusCode).toBe(200);
      // Only the hash is stored.
      const rows = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ token_hash: string }>('select token_hash from api_token'),
      );
      expect(rows.map((r) => r.token_hash)).not.toContain(body.access_token);
    });

    it('refuses a wrong secret, an unknown client, a bad grant and a missing one per RFC 6749 §5.2', async () => {
      const ask = (authorization: string | undefined, payload: string) =>
        app.inject({
          method: 'POST',
          url: '/oauth/token',
          headers: {
            ...(authorization ? { authorization } : {}),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload,
        });
      const wrong = await ask(
        basic(creds.referrer.client_id, 'x'.repeat(43)),
        'grant_type=client_credentials',
      );
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Basic/);
      expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
      const unknown = await ask(
        basic('00000000-0000-4000-8000-000000000000', creds.referrer.client_secret),
        'grant_type=client_credentials',
      );
      expect(unknown.json()).toMatchObject({ error: 'invalid_client' });
      const none = await ask(undefined, 'grant_type=client_credentials');
      expect(none.statusCode).toBe(401);
      const grant = await ask(
        basic(creds.referrer.client_id, creds.referrer.client_secret),
        'grant_type=password',
      );
      expect([grant.statusCode, grant.json().error]).toEqual([400, 'unsupported_grant_type']);
      const missing = await ask(
        basic(creds.referrer.client_id, creds.referrer.client_secret),
        'scope=x',
      );
      expect([missing.statusCode, missing.json().error]).toEqual([400, 'invalid_request']);
      const json = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basic(creds.referrer.client_id, creds.referrer.client_secret),
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect([json.statusCode, json.json().error]).toEqual([400, 'invalid_request']);
      // Another municipality's host does not know this client.
      const elsewhere = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          host: 'lejre.test',
          authorization: basic(creds.referrer.client_id, creds.referrer.client_secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      });
      expect(elsewhere.statusCode).toBe(401);
    });

    it('stops an expired token', async () => {
      const t = await token('referrer');
      expect((await fhir('GET', '/fhir/Task', t)).statusCode).toBe(200);
      const now = clock.now();
      clock.set(new Date(now.getTime() + 901_000));
      try {
        const res = await fhir('GET', '/fhir/Task', t);
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer .*invalid_token/);
      } finally {
        clock.set(now);
      }
    });

    it('stops a revoked client at once, and its new tokens; the admin revokes on the page (audited)', async () => {
      const doomed = await createApiClient(
        ctx.db,
        { kommune: '0265', ...system },
        { kommune: '0265', name: 'Gammelt system', role: 'referrer' },
      );
      const t = await (async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/oauth/token',
          headers: {
            authorization: basic(doomed.client_id, doomed.client_secret),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: 'grant_type=client_credentials',
        });
        return res.json<{ access_token: string }>().access_token;
      })();
      expect((await fhir('GET', '/fhir/Task', t)).statusCode).toBe(200);

      const provider = new Client(app);
      await provider.signIn('provider@test.dk');
      expect((await provider.get('/personale/api-klienter')).statusCode).toBe(403);

      const admin = new Client(app);
      await admin.signIn('admin@test.dk');
      const page = await admin.get('/personale/api-klienter');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Gammelt system');
      expect(page.body).not.toContain(doomed.client_secret);
      const res = await admin.post(
        `/personale/api-klienter/${doomed.client_id}/tilbagekald`,
        {},
        '/personale/api-klienter',
      );
      expect(res.statusCode).toBe(303);
      expect((await fhir('GET', '/fhir/Task', t)).statusCode).toBe(401);
      const again = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basic(doomed.client_id, doomed.client_secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      });
      expect(again.statusCode).toBe(401);
      const audits = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ action: string; actor_role: string }>(
          `select action, actor_role from audit_log where entity = 'api_client' and entity_id = $1 order by id`,
          [doomed.client_id],
        ),
      );
      expect(audits).toEqual([
        { action: 'create', actor_role: 'system' },
        { action: 'update', actor_role: 'admin' },
      ]);
    });
  });

  it('makes the demo one API client per role, whose printed credentials work', async () => {
    const demo = await createDemoApiClients(ctx.db, '0265', { referrerOrganizationId: f.gpOrgId });
    expect(demo.map((c) => c.role)).toEqual(['referrer', 'provider']);
    for (const c of demo) {
      const res = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basic(c.client_id, c.client_secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      });
      expect(res.statusCode).toBe(200);
    }
    const orgs = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ organization_id: string | null }>(
        `select organization_id from api_client where id = any($1::uuid[]) order by role desc`,
        [demo.map((c) => c.client_id)],
      ),
    );
    expect(orgs.map((o) => o.organization_id)).toEqual([f.gpOrgId, f.orgId]);
  });

  describe('FHIR R4', () => {
    it('serves a CapabilityStatement without a token, as application/fhir+json', async () => {
      const res = await fhir('GET', '/fhir/metadata', undefined);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const cs = capabilitySchema.parse(res.json());
      expect(cs.rest[0]!.security.extension[0]!.extension[0]!.valueUri).toBe(
        'http://localhost/oauth/token',
      );
      expect(
        cs.rest[0]!.resource.find((r) => r.type === 'Task')?.interaction.map((i) => i.code),
      ).toEqual(['read', 'update', 'search-type']);
    });

    it('answers 401 with an OperationOutcome without a token, or with a made-up one', async () => {
      for (const bearer of [undefined, 'x'.repeat(43)]) {
        const res = await fhir('GET', '/fhir/Task', bearer);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'login' }],
        });
      }
      const post = await fhir(
        'POST',
        '/fhir',
        undefined,
        referralBundle({ identifier: 'x', service: 'afklarende-samtale' }),
      );
      expect(post.statusCode).toBe(401);
    });

    it('reads and searches HealthcareService: published offers (HSDS ids) and the afklarende samtale', async () => {
      const t = await token('referrer');
      const walk = await fhir('GET', `/fhir/HealthcareService/${f.walkId}`, t);
      expect(walk.statusCode).toBe(200);
      expect(walk.json()).toMatchObject({
        resourceType: 'HealthcareService',
        id: f.walkId,
        name: 'Gåtur i Æblehaven',
      });
      const hsds = await app.inject({ method: 'GET', url: `/api/hsds/services/${f.walkId}` });
      expect(hsds.json().id).toBe(f.walkId);
      expect(
        (await fhir('GET', '/fhir/HealthcareService/afklarende-samtale', t)).json(),
      ).toMatchObject({ name: 'Afklarende samtale' });
      expect((await fhir('GET', `/fhir/HealthcareService/${f.draftId}`, t)).statusCode).toBe(404);
      const byName = await fhir('GET', '/fhir/HealthcareService?name=gåtur', t);
      expect(byName.json()).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
      const smoking = (
        await fhir(
          'GET',
          `/fhir/HealthcareService?service-category=${encodeURIComponent(`${TOPIC_SYSTEM}|smoking`)}`,
          t,
        )
      ).json();
      expect(smoking.entry.map((e: { resource: { name: string } }) => e.resource.name)).toEqual([
        'Afklarende samtale',
        'Rygestop online',
      ]);
      expect((await fhir('GET', '/fhir/HealthcareService?colour=blue', t)).statusCode).toBe(400);
      // Lejre's client does not see Roskilde's offers.
      const lejre = await token('lejre', 'lejre.test');
      expect(
        (
          await fhir('GET', `/fhir/HealthcareService/${f.walkId}`, lejre, undefined, {
            host: 'lejre.test',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('names the element at fault in OperationOutcome.issue.expression', async () => {
      const t = await token('referrer');
      const bad = referralBundle({ identifier: 'bad-1', service: 'afklarende-samtale' });
      (bad.entry[2]!.resource as Record<string, unknown>).intent = 'plan';
      const res = await fhir('POST', '/fhir', t, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().issue).toContainEqual(
        expect.objectContaining({ expression: ['Bundle.entry[2].resource.intent'] }),
      );
      const cpr = await fhir(
        'POST',
        '/fhir',
        t,
        referralBundle({ identifier: 'bad-2', service: 'afklarende-samtale', cpr: '3213711234' }),
      );
      expect(cpr.statusCode).toBe(422);
      expect(cpr.json().issue[0].expression).toEqual([
        'Bundle.entry[0].resource.identifier[0].value',
      ]);
      const unknown = await fhir(
        'POST',
        '/fhir',
        t,
        referralBundle({ identifier: 'bad-3', service: f.draftId }),
      );
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().issue[0].expression).toEqual(['Bundle.entry[1].resource.performer[0]']);
      const provider = await token('provider');
      expect(
        (
          await fhir(
            'POST',
            '/fhir',
            provider,
            referralBundle({ identifier: 'bad-4', service: 'afklarende-samtale' }),
          )
        ).statusCode,
      ).toBe(403);
    });

    it('round trip: the GP system posts, the provider system accepts and completes with If-Match, the GP system reads the closing note', async () => {
      const gp = await token('referrer');
      const bundle = referralBundle({
        identifier: `epj-${Date.now()}`,
        service: 'afklarende-samtale',
      });
      const posted = await fhir('POST', '/fhir', gp, bundle);
      expect(posted.statusCode, posted.body).toBe(200);
      const response = posted.json();
      expect(response).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
      expect(
        response.entry.map((e: { response: { status: string } }) => e.response.status),
      ).toEqual(['201 Created', '201 Created', '201 Created']);
      const taskLocation: string = response.entry[2].response.location;
      const id = /^Task\/([0-9a-f-]{36})\/_history\/1$/.exec(taskLocation)![1]!;

      // Conditional create: the same POST again makes nothing new.
      const count = () =>
        inTenant(ctx.db, '0265', (tx) =>
          tx.query<{ n: number }>('select count(*)::int as n from referral'),
        ).then((r) => r[0]!.n);
      const before = await count();
      const again = await fhir('POST', '/fhir', gp, bundle);
      expect(again.statusCode).toBe(200);
      expect(
        again
          .json()
          .entry.map((e: { response: { status: string; location: string } }) => e.response.status),
      ).toEqual(['200 OK', '200 OK', '200 OK']);
      expect(again.json().entry[2].response.location).toBe(taskLocation);
      expect(await count()).toBe(before);

      // The referral as the referrals domain holds it: interpreter need and language carried.
      const gpTask = await fhir('GET', `/fhir/Task/${id}`, gp);
      expect(gpTask.statusCode).toBe(200);
      expect(gpTask.headers.etag).toBe('W/"1"');
      taskSchema.parse(gpTask.json());
      expect(gpTask.json()).toMatchObject({
        status: 'requested',
        identifier: [{ value: bundle.entry[2]!.resource.identifier![0]!.value }],
      });

      // The coordinator routes it to the walking group (the provider's organisation).
      const coordinator = { kind: 'staff' as const, staff: f.users.coordinator, requestId: 'test' };
      const v1 = await getReferral(ctx.db, coordinator, id);
      expect(v1.needs).toMatchObject({
        interpreter: true,
        interpreterLanguage: 'ar',
        handHeld: true,
      });
      expect(v1.reason).toMatchObject({
        topics: ['physical_activity'],
        conditions: ['type2_diabetes'],
      });
      expect(v1.citizen).toMatchObject({
        interpreterNeeded: true,
        preferredLanguage: 'ar',
      });
      await forwardToProvider(ctx.db, coordinator, id, {
        expectedVersion: v1.version,
        offerId: f.walkId,
      });

      // The other organisation's system, and another municipality's, see nothing.
      expect((await fhir('GET', `/fhir/Task/${id}`, await token('other'))).statusCode).toBe(404);
      const lejre = await token('lejre', 'lejre.test');
      expect(
        (await fhir('GET', `/fhir/Task/${id}`, lejre, undefined, { host: 'lejre.test' }))
          .statusCode,
      ).toBe(404);
      expect(
        (await fhir('GET', '/fhir/Task', lejre, undefined, { host: 'lejre.test' })).json().total,
      ).toBe(0);
      expect(
        (await fhir('GET', '/fhir/Task/00000000-0000-4000-8000-000000000000', gp)).statusCode,
      ).toBe(404);

      const provider = await token('provider');
      const inbox = (await fhir('GET', '/fhir/Task?status=requested', provider)).json();
      expect(inbox.entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(id);
      const read = await fhir('GET', `/fhir/Task/${id}`, provider);
      const version = read.headers.etag as string;
      const task = read.json();
      const put = (body: unknown, ifMatch?: string) =>
        fhir('PUT', `/fhir/Task/${id}`, provider, body, ifMatch ? { 'if-match': ifMatch } : {});

      const accepted = await put({ ...task, status: 'accepted' }, version);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().status).toBe('accepted');
      // The same If-Match again is stale now: 412, nothing changed.
      const stale = await put({ ...task, status: 'in-progress' }, version);
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ code: 'conflict' }],
      });
      expect((await put({ ...task, status: 'accepted' })).statusCode).toBe(412);

      // accepted → completed skips in-progress: 422 naming the transition.
      const skip = await put({ ...task, status: 'completed' }, accepted.headers.etag);
      expect(skip.statusCode).toBe(422);
      expect(skip.json().issue[0]).toMatchObject({
        code: 'business-rule',
        expression: ['Task.status'],
      });
      expect(skip.json().issue[0].diagnostics).toMatch(/accepted → completed/);

      const started = await put({ ...task, status: 'in-progress' }, accepted.headers.etag);
      expect(started.statusCode, started.body).toBe(200);
      const noNote = await put({ ...task, status: 'completed' }, started.headers.etag);
      expect(noNote.statusCode).toBe(422);
      expect(noNote.json().issue[0].expression).toEqual(['Task.output']);
      const done = await put(
        {
          ...task,
          status: 'completed',
          output: [
            {
              type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'outcome' }] },
              valueCodeableConcept: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'goal_met' }] },
            },
            {
              type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'sessions-attended' }] },
              valueInteger: 2,
            },
            {
              type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'agreed' }] },
              valueString: 'Går med i gågruppen hver tirsdag.',
            },
            {
              type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'next-step' }] },
              valueString: 'Fortsætter på egen hånd.',
            },
          ],
        },
        started.headers.etag,
      );
      expect(done.statusCode, done.body).toBe(200);

      // The GP's system reads the closing note.
      const closed = await fhir('GET', `/fhir/Task/${id}`, gp);
      const closedTask = taskSchema.parse(closed.json());
      expect(closedTask.status).toBe('completed');
      expect(closed.json().output).toEqual([
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'outcome' }] },
          valueCodeableConcept: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'goal_met' }] },
        },
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'sessions-attended' }] },
          valueInteger: 2,
        },
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'agreed' }] },
          valueString: 'Går med i gågruppen hver tirsdag.',
        },
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'next-step' }] },
          valueString: 'Fortsætter på egen hånd.',
        },
      ]);
      const since = new Date(Date.now() - 3600_000).toISOString();
      const polled = (
        await fhir(
          'GET',
          `/fhir/Task?status=completed&_lastUpdated=ge${encodeURIComponent(since)}`,
          gp,
        )
      ).json();
      expect(polled.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([id]);
      expect((await fhir('GET', '/fhir/Task?status=finished', gp)).statusCode).toBe(400);
    });

    it('carries the CPR number (urn:oid:1.2.208.176.1.2) into the citizen record, masked', async () => {
      const gp = await token('referrer');
      const posted = await fhir(
        'POST',
        '/fhir',
        gp,
        referralBundle({
          identifier: `epj-cpr-${Date.now()}`,
          service: 'afklarende-samtale',
          cpr: '040371-4444',
        }),
      );
      expect(posted.statusCode, posted.body).toBe(200);
      const id = /^Task\/([0-9a-f-]{36})\//.exec(
        posted.json().entry[2].response.location as string,
      )![1]!;
      const coordinator = { kind: 'staff' as const, staff: f.users.coordinator, requestId: 'test' };
      expect((await getReferral(ctx.db, coordinator, id)).citizen?.cprMasked).toBe('040371-xxxx');
    });

    it('a provider rejects with a statusReason the referrer reads back', async () => {
      const gp = await token('referrer');
      const posted = await fhir(
        'POST',
        '/fhir',
        gp,
        referralBundle({ identifier: `epj-r-${Date.now()}`, service: 'afklarende-samtale' }),
      );
      const id = /^Task\/([0-9a-f-]{36})\//.exec(
        posted.json().entry[2].response.location as string,
      )![1]!;
      const coordinator = { kind: 'staff' as const, staff: f.users.coordinator, requestId: 'test' };
      const v = await getReferral(ctx.db, coordinator, id);
      await forwardToProvider(ctx.db, coordinator, id, {
        expectedVersion: v.version,
        offerId: f.walkId,
      });
      const provider = await token('provider');
      const read = await fhir('GET', `/fhir/Task/${id}`, provider);
      const task = read.json();
      const noReason = await fhir(
        'PUT',
        `/fhir/Task/${id}`,
        provider,
        { ...task, status: 'rejected' },
        { 'if-match': read.headers.etag as string },
      );
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().issue[0].expression).toEqual(['Task.statusReason']);
      const rejected = await fhir(
        'PUT',
        `/fhir/Task/${id}`,
        provider,
        {
          ...task,
          status: 'rejected',
          statusReason: { coding: [{ system: STATUS_REASON_SYSTEM, code: 'no_capacity' }] },
        },
        { 'if-match': read.headers.etag as string },
      );
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect((await fhir('GET', `/fhir/Task/${id}`, gp)).json()).toMatchObject({
        status: 'rejected',
        statusReason: { coding: [{ system: STATUS_REASON_SYSTEM, code: 'no_capacity' }] },
      });
    });
  });
});
