/**
 * The outbox's channels against real counterparts, on both engines: a local HTTP server plays
 * GatewayAPI (the exact request, failures, delivery reports through the webhook route), Digital
 * Post goes through the development adapter with a CPR resolver, and the admin's page lists and
 * retries failed messages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, seedFixture } from '../../../test/support/app.ts';
import { eachEngine } from '../../../test/support/db.ts';
import { buildApp } from '../../app.ts';
import { inTenant, type Db } from '../../db/db.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { offlineGeocoder } from '../geo/geocoder.ts';
import { tenantResolver } from '../tenant.ts';
import { outboxRoutes } from '../../web/outbox.routes.tsx';
import { OUTBOX_PATH } from '../../web/message-log.tsx';
import {
  channelsFor,
  enqueueMessage,
  messagesAbout,
  sendPending,
  SMS_WEBHOOK_PATH,
  type OutboundMessage,
} from './index.ts';
import { signJwtHs256, smsTransportFor, gatewayApiTransport } from './sms.ts';
import { noTransport } from './transport.ts';

const K = '0265';
const SIGNUP = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const CITIZEN = '33333333-3333-4333-8333-333333333333';
const SECRET = 'webhook-secret-0123456789';

interface Hit {
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A stand-in for GatewayAPI's /rest/mtsms: answers `status` and records what it got. */
async function gateway() {
  const hits: Hit[] = [];
  let status = 200;
  let nextId = 1000;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200
            ? { ids: [nextId++], usage: { total_cost: 0.3 } }
            : { code: '0x0203', message: 'Invalid recipient +4512345678' },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/rest/mtsms`,
    hits,
    setStatus: (s: number) => (status = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const sms = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  kommune: K,
  channel: 'sms',
  to: '+4512345678',
  kind: 'signup.reminder',
  subject: 'Påmindelse',
  text: 'Husk i morgen tirsdag kl. 10 hos Sundhedscenter Roskilde. Svar: https://x.dk/svar/abc',
  about: { type: 'signup', id: SIGNUP },
  ...over,
});

const queue = (db: Db, m: OutboundMessage) => inTenant(db, K, (tx) => enqueueMessage(tx, m));

async function row(db: Db, id: string) {
  const [r] = await inTenant(db, K, (tx) =>
    tx.query<{
      status: string;
      attempts: number;
      last_error: string | null;
      provider_ref: string | null;
      delivered_at: Date | null;
    }>(
      `select status, attempts, last_error, provider_ref, delivered_at from outbox where id = $1`,
      [id],
    ),
  );
  return r!;
}

eachEngine('outbox channels', (ctx) => {
  let gw: Awaited<ReturnType<typeof gateway>>;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    await seedFixture(ctx.db);
    gw = await gateway();
    dir = mkdtempSync(join(os.tmpdir(), 'lighed-channels-'));
    const config = loadConfig({
      LIGHED_KOMMUNE: K,
      LIGHED_LOG_LEVEL: 'silent',
      LIGHED_SMS_WEBHOOK_SECRET: SECRET,
    });
    app = await buildApp({ db: ctx.db, config, cookieSecret: 'x'.repeat(40), logger: false });
    // Until app.ts registers the routes (the integrator), the test does.
    if (!app.hasRoute({ method: 'GET', url: OUTBOX_PATH }))
      await app.register(outboxRoutes, {
        db: ctx.db,
        config,
        clock: systemClock,
        geocoder: offlineGeocoder(ctx.db),
        tenants: tenantResolver(ctx.db, K, systemClock),
      });
  });
  afterAll(async () => {
    await app.close();
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await ctx.db.asOwner((tx) => tx.query('delete from outbox'));
    gw.hits.length = 0;
    gw.setStatus(200);
  });

  it('queues a message once per dedupe key, without failing the transaction', async () => {
    const out = await inTenant(ctx.db, K, async (tx) => {
      const a = await enqueueMessage(
        tx,
        sms({ dedupeKey: `signup.reminder:${SIGNUP}:2026-01-07` }),
      );
      const b = await enqueueMessage(
        tx,
        sms({ dedupeKey: `signup.reminder:${SIGNUP}:2026-01-07` }),
      );
      const c = await enqueueMessage(
        tx,
        sms({ dedupeKey: `signup.reminder:${SIGNUP}:2026-01-14` }),
      );
      // The transaction is still usable after the skipped insert.
      const [n] = await tx.query<{ n: number }>('select count(*)::int as n from outbox');
      return { a, b, c, n: n!.n };
    });
    expect(typeof out.a?.id).toBe('string');
    expect(out.b).toBeNull();
    expect(out.c).not.toBeNull();
    expect(out.n).toBe(2);
    // Another municipality may use the same key.
    const lejre = await inTenant(ctx.db, '0350', (tx) =>
      enqueueMessage(
        tx,
        sms({ kommune: '0350', dedupeKey: `signup.reminder:${SIGNUP}:2026-01-07` }),
      ),
    );
    expect(lejre).not.toBeNull();
  });

  it('lists what was sent about one case, oldest first, without addresses', async () => {
    const first = await queue(
      ctx.db,
      sms({ channel: 'email', to: 'a@example.dk', kind: 'signup.confirmation' }),
    );
    await queue(ctx.db, sms({ about: { type: 'signup', id: OTHER } }));
    const second = await queue(ctx.db, sms());
    const list = await inTenant(ctx.db, K, (tx) =>
      messagesAbout(tx, { type: 'signup', id: SIGNUP }),
    );
    expect(list.map((m) => m.id)).toEqual([first!.id, second!.id]);
    expect(list[0]).toMatchObject({
      channel: 'email',
      kind: 'signup.confirmation',
      status: 'queued',
      attempts: 0,
      sentAt: null,
      deliveredAt: null,
      lastError: null,
    });
    expect(list[0]!.createdAt).toBeInstanceOf(Date);
    expect(Object.keys(list[0]!)).not.toContain('to');
    expect(
      await inTenant(ctx.db, '0350', (tx) => messagesAbout(tx, { type: 'signup', id: SIGNUP })),
    ).toEqual([]);
    expect(
      await inTenant(ctx.db, K, (tx) => messagesAbout(tx, { type: 'signup', id: 'x' })),
    ).toEqual([]);
  });

  it('sends an SMS to GatewayAPI: the exact JSON, the token, and the gateway id kept', async () => {
    const m = await queue(ctx.db, sms());
    const t = gatewayApiTransport({ url: gw.url, token: 'gw-token', sender: 'Roskilde' });
    expect(await sendPending(ctx.db, { email: noTransport, sms: t })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(gw.hits).toHaveLength(1);
    const hit = gw.hits[0]!;
    expect(hit.headers.authorization).toBe(`Basic ${Buffer.from('gw-token:').toString('base64')}`);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.body).toEqual({
      sender: 'Roskilde',
      message: sms().text,
      recipients: [{ msisdn: 4512345678 }],
      userref: `${K}:${m!.id}`,
    });
    expect(await row(ctx.db, m!.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      provider_ref: '1000',
    });
    // E-mail has no transport here: an e-mail stays queued while the SMS goes.
    const mail = await queue(ctx.db, sms({ channel: 'email', to: 'a@example.dk' }));
    expect(await sendPending(ctx.db, { email: noTransport, sms: t })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect((await row(ctx.db, mail!.id)).status).toBe('queued');
  });

  it('fails an SMS for good on a 400, and retries it on a 503', async () => {
    const t = gatewayApiTransport({ url: gw.url, token: 'gw-token' });
    gw.setStatus(400);
    const bad = await queue(ctx.db, sms());
    expect(await sendPending(ctx.db, { sms: t })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(ctx.db, bad!.id)).toMatchObject({
      status: 'failed',
      last_error: 'SMS 400 0x0203',
    });
    // No sender configured: the field is left out.
    expect(Object.keys(gw.hits[0]!.body as object)).not.toContain('sender');

    gw.setStatus(503);
    const later = await queue(ctx.db, sms());
    expect(await sendPending(ctx.db, { sms: t })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(ctx.db, later!.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'SMS 503 0x0203',
    });
  });

  it('retries an SMS when the gateway does not answer', async () => {
    const t = gatewayApiTransport({ url: 'http://127.0.0.1:1/rest/mtsms', token: 'x' });
    const m = await queue(ctx.db, sms());
    expect(await sendPending(ctx.db, { sms: t })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await row(ctx.db, m!.id)).last_error).toMatch(/^E[A-Z]+$/);
  });

  it('sets delivered from a signed report, and refuses a badly signed one (401)', async () => {
    const t = gatewayApiTransport({ url: gw.url, token: 'gw-token' });
    const a = await queue(ctx.db, sms());
    const b = await queue(ctx.db, sms());
    await sendPending(ctx.db, { sms: t });
    const refA = (await row(ctx.db, a!.id)).provider_ref!;
    const refB = (await row(ctx.db, b!.id)).provider_ref!;
    const time = 1767780000;
    const report = (claims: object, signature?: string) =>
      app.inject({
        method: 'POST',
        url: SMS_WEBHOOK_PATH,
        headers: signature ? { 'x-gwapi-signature': signature } : {},
        payload: claims,
      });

    const forged = signJwtHs256(
      { id: Number(refA), status: 'DELIVERED', userref: `${K}:${a!.id}` },
      'wrong-secret-0123456789',
    );
    expect((await report({ id: Number(refA), status: 'DELIVERED' }, forged)).statusCode).toBe(401);
    expect(
      (await report({ id: Number(refA), status: 'DELIVERED', userref: `${K}:${a!.id}` }))
        .statusCode,
    ).toBe(401);
    expect(await row(ctx.db, a!.id)).toMatchObject({ status: 'sent', delivered_at: null });

    const claims = {
      id: Number(refA),
      msisdn: 4512345678,
      time,
      status: 'DELIVERED',
      userref: `${K}:${a!.id}`,
    };
    const res = await report(claims, signJwtHs256(claims, SECRET));
    expect(res.statusCode).toBe(204);
    const r = await row(ctx.db, a!.id);
    expect(r.status).toBe('delivered');
    expect(new Date(r.delivered_at!).getTime()).toBe(time * 1000);

    // Without our reference the gateway's id finds the message; UNDELIVERABLE fails it.
    const fail = {
      id: Number(refB),
      time,
      status: 'UNDELIVERABLE',
      code: '0x0203',
      error: 'invalid +4512345678',
    };
    expect((await report(fail, signJwtHs256(fail, SECRET))).statusCode).toBe(204);
    expect(await row(ctx.db, b!.id)).toMatchObject({
      status: 'failed',
      last_error: 'DLR UNDELIVERABLE 0x0203',
    });

    // A report for a message we do not have: accepted (2xx), nothing changes.
    const gone = { id: 999999, status: 'DELIVERED' };
    expect((await report(gone, signJwtHs256(gone, SECRET))).statusCode).toBe(204);
    const list = await inTenant(ctx.db, K, (tx) =>
      messagesAbout(tx, { type: 'signup', id: SIGNUP }),
    );
    expect(list.map((m) => m.status)).toEqual(['delivered', 'failed']);
    expect(list[0]!.deliveredAt).toEqual(new Date(time * 1000));
  });

  it('sends Digital Post through the development adapter with the CPR resolver, never writing the CPR', async () => {
    const asked: [string, string][] = [];
    const resolveCpr = (kommune: string, citizenId: string) => {
      asked.push([kommune, citizenId]);
      return Promise.resolve(citizenId === CITIZEN ? '0101901234' : null);
    };
    const config = { ...loadConfig({}), dataDir: dir };
    const letter = await queue(
      ctx.db,
      sms({ channel: 'digital_post', to: CITIZEN, subject: 'Din aftale' }),
    );
    const unknown = await queue(ctx.db, sms({ channel: 'digital_post', to: OTHER }));
    // Without a resolver the letters wait.
    const without = channelsFor(config);
    expect(without.digitalPost.kind).toBe('none');
    expect(await sendPending(ctx.db, { digitalPost: without.digitalPost })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const c = channelsFor(config, { resolveCpr });
    expect(await sendPending(ctx.db, { digitalPost: c.digitalPost })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 1,
    });
    expect(asked.sort()).toEqual(
      [
        [K, CITIZEN],
        [K, OTHER],
      ].sort(),
    );
    const files = readdirSync(join(dir, 'digital-post'));
    expect(files).toEqual([`${letter!.id}.txt`]);
    const text = readFileSync(join(dir, 'digital-post', files[0]!), 'utf8');
    expect(text).toContain(CITIZEN);
    expect(text).toContain('Din aftale');
    expect(text).not.toContain('0101901234');
    expect(await row(ctx.db, unknown!.id)).toMatchObject({
      status: 'failed',
      last_error: 'DP NO_CPR',
    });
  });

  it('writes SMS as files without a gateway outside production, and keeps them queued in production', async () => {
    const m = await queue(ctx.db, sms());
    const prod = smsTransportFor({
      sms: { url: undefined, token: undefined, sender: undefined, webhookSecret: undefined },
      dataDir: dir,
      production: true,
    });
    expect(prod.kind).toBe('none');
    expect(await sendPending(ctx.db, { sms: prod })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const dev = channelsFor({ ...loadConfig({}), dataDir: dir });
    expect(dev.sms.kind).toBe('files');
    expect(await sendPending(ctx.db, { sms: dev.sms })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    const [file] = readdirSync(join(dir, 'sms'));
    expect(readFileSync(join(dir, 'sms', file!), 'utf8')).toContain(sms().text);
    expect((await row(ctx.db, m!.id)).status).toBe('sent');
  });

  describe('the admin page', () => {
    it('lists failed messages with masked recipients and retries one (admin only, audited)', async () => {
      const t = gatewayApiTransport({ url: gw.url, token: 'gw-token' });
      gw.setStatus(400);
      const m = await queue(ctx.db, sms({ to: '+4598765432' }));
      await sendPending(ctx.db, { sms: t });

      const planner = new Client(app);
      await planner.signIn('planner@test.dk');
      expect((await planner.get(OUTBOX_PATH)).statusCode).toBe(403);

      const admin = new Client(app);
      await admin.signIn('admin@test.dk');
      const page = await admin.get(OUTBOX_PATH);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('+45•••••32');
      expect(page.body).not.toContain('98765432');
      expect(page.body).toContain('SMS 400 0x0203');
      expect(page.body).toContain('Prøv igen');

      // The planner cannot retry, even with a valid form token.
      const token = /name="_csrf" value="([^"]+)"/.exec((await planner.get('/')).body)?.[1] ?? '';
      expect(
        (await planner.postRaw(`${OUTBOX_PATH}/${m!.id}/igen`, { _csrf: token })).statusCode,
      ).toBe(403);
      expect((await row(ctx.db, m!.id)).status).toBe('failed');

      const res = await admin.post(`${OUTBOX_PATH}/${m!.id}/igen`, {}, OUTBOX_PATH);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${OUTBOX_PATH}?igen=1`);
      expect(await row(ctx.db, m!.id)).toMatchObject({
        status: 'queued',
        attempts: 0,
        last_error: null,
      });
      const audit = await inTenant(ctx.db, K, (tx) =>
        tx.query<{ action: string; summary: string }>(
          `select action, summary from audit_log where entity = 'outbox' and entity_id = $1`,
          [m!.id],
        ),
      );
      expect(audit).toEqual([
        { action: 'update', summary: 'queued a failed sms message (signup.reminder) again' },
      ]);
      // Not failed any more: a second retry is a 404.
      expect((await admin.post(`${OUTBOX_PATH}/${m!.id}/igen`, {}, OUTBOX_PATH)).statusCode).toBe(
        404,
      );

      gw.setStatus(200);
      expect(await sendPending(ctx.db, { sms: t })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const after = await admin.get(`${OUTBOX_PATH}?igen=1`);
      expect(after.body).toContain('Beskeden venter igen');
      expect(after.body).not.toContain('+45•••••32');
    });
  });
});
