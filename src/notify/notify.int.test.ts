/**
 * Notices and reply links on both engines: channels by consent, one link per notice, dedupe,
 * and the reply page over HTTP with a fake subject (single use under concurrency, expiry,
 * forged links refused without a query, audit as the citizen, rollback when the subject's
 * domain fails).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client } from '../../test/support/app.ts';
import { buildApp } from '../app.ts';
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { loadConfig } from '../platform/config.ts';
import { tenantResolver } from '../platform/tenant.ts';
import { fixedClock } from '../platform/clock.ts';
import { offlineGeocoder } from '../platform/geo/geocoder.ts';
import { audit } from '../platform/audit.store.ts';
import { issueToken } from './link.ts';
import type { ReplyChoice } from './notice.ts';
import { forgetNotices, purgeReplyLinks, sendNotice } from './notify.service.ts';
import type { ReplyFacts, ReplyHandler } from './reply.ts';
import { replyRoutes } from './reply.routes.tsx';
import { notifySettings } from './settings.ts';

const KOMMUNE = '0265';
const now = new Date('2027-01-05T10:00:00Z');
const startsAt = new Date('2027-01-07T09:00:00Z');
const facts = {
  placeName: 'Sundhedscenter Roskilde',
  address: 'Køgevej 3, 4000 Roskilde',
  startsAt,
  contactPhone: '46 31 00 00',
};

/** A subject of our own: describes from memory, records what it was told (in the database too). */
function fakeHandler() {
  const subjects = new Map<string, ReplyFacts>();
  const applied: { id: string; choice: ReplyChoice; note: string | undefined }[] = [];
  let failNext = false;
  const handler: ReplyHandler = {
    subject: 'signup',
    acceptsNote: true,
    describe: (_tx, _kommune, id) => Promise.resolve(subjects.get(id) ?? null),
    async apply(tx: Queryable, kommune, id, choice, _at, note) {
      await audit(
        tx,
        { kommune, actorId: null, actorRole: 'citizen', requestId: 'fake' },
        {
          action: 'update',
          entity: 'signup',
          entityId: id,
          summary: `fake ${choice}`,
        },
      );
      if (failNext) {
        failNext = false;
        throw new Error('the subject could not be changed');
      }
      applied.push({ id, choice, note });
    },
  };
  return {
    handler,
    subjects,
    applied,
    failOnce() {
      failNext = true;
    },
  };
}

/** The app with the reply routes under /t (whatever app.ts registers at /svar). */
async function appWith(db: Db, handlers: ReplyHandler[], clock = fixedClock(now)) {
  const config = loadConfig({ LIGHED_KOMMUNE: KOMMUNE, LIGHED_LOG_LEVEL: 'silent' });
  const cookieSecret = 'x'.repeat(40);
  const app = await buildApp({ db, config, cookieSecret, logger: false, clock });
  await app.register(replyRoutes, {
    prefix: '/t',
    db,
    config,
    clock,
    geocoder: offlineGeocoder(db),
    tenants: tenantResolver(db, KOMMUNE, clock),
    replyHandlers: handlers,
    cookieSecret,
  });
  return app;
}

const tokenOf = (text: string) => /\/svar\/([A-Za-z0-9_-]{75})/.exec(text)?.[1] ?? '';

eachEngine('notify', (ctx) => {
  let app: FastifyInstance;
  const fake = fakeHandler();
  const clock = fixedClock(now);

  beforeAll(async () => {
    await ctx.db.asOwner((tx) =>
      tx.query(`insert into tenant (kommune, name) values ('0265', 'Roskilde'), ('0350', 'Lejre')
                on conflict do nothing`),
    );
    app = await appWith(ctx.db, [fake.handler], clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  const outbox = (about: string) =>
    inTenant(ctx.db, KOMMUNE, (tx) =>
      tx.query<{
        channel: string;
        to_address: string;
        body_text: string;
        body_html: string | null;
        subject: string;
      }>(
        `select channel, to_address, body_text, body_html, subject from outbox
          where about_id = $1 order by channel`,
        [about],
      ),
    );
  const links = (about: string) =>
    inTenant(ctx.db, KOMMUNE, (tx) =>
      tx.query<{
        choices: string[];
        language: string;
        used_at: Date | null;
        used_choice: string | null;
        expires_at: Date;
      }>(
        `select choices, language, used_at, used_choice, expires_at from reply_link where subject_id = $1`,
        [about],
      ),
    );

  /** Sends a reminder by e-mail about a fresh subject; returns its id and the link's token. */
  async function notice(lang = 'da', choices: ReplyChoice[] = ['confirm', 'cancel', 'new_time']) {
    const id = randomUUID();
    fake.subjects.set(id, { ...facts, open: true });
    await inTenant(ctx.db, KOMMUNE, (tx) =>
      sendNotice(tx, {
        kommune: KOMMUNE,
        kind: 'signup.reminder',
        recipient: { email: 'amal@example.dk', channels: ['email'], language: lang },
        facts,
        about: { type: 'signup', id },
        reply: choices,
        now,
      }),
    );
    const [mail] = await outbox(id);
    return { id, token: tokenOf(mail!.body_text) };
  }

  it("forgets the messages and links about erased records, and nobody else's", async () => {
    const erased = await notice();
    const kept = await notice();
    expect(await outbox(erased.id)).toHaveLength(1);
    await inTenant(ctx.db, KOMMUNE, (tx) => forgetNotices(tx, 'signup', [erased.id]));
    expect(await outbox(erased.id)).toHaveLength(0);
    expect(await links(erased.id)).toHaveLength(0);
    expect(await outbox(kept.id)).toHaveLength(1);
    expect(await links(kept.id)).toHaveLength(1);
  });

  it('sends nothing without consent, and skips a channel without an address', async () => {
    const id = randomUUID();
    const none = await inTenant(ctx.db, KOMMUNE, (tx) =>
      sendNotice(tx, {
        kommune: KOMMUNE,
        kind: 'signup.confirmation',
        recipient: { email: 'a@example.dk', phone: '+4512345678', channels: [], language: 'da' },
        facts,
        about: { type: 'signup', id },
        reply: ['cancel'],
        now,
      }),
    );
    expect(none).toEqual({ queued: 0 });
    const noPhone = await inTenant(ctx.db, KOMMUNE, (tx) =>
      sendNotice(tx, {
        kommune: KOMMUNE,
        kind: 'signup.confirmation',
        recipient: { email: undefined, channels: ['sms', 'email'], language: 'da' },
        facts,
        about: { type: 'signup', id },
        reply: ['cancel'],
        now,
      }),
    );
    expect(noPhone).toEqual({ queued: 0 });
    expect(await outbox(id)).toEqual([]);
    expect(await links(id)).toEqual([]);
  });

  it('e-mail and SMS: two messages in the citizen’s language sharing one link', async () => {
    const id = randomUUID();
    const out = await inTenant(ctx.db, KOMMUNE, (tx) =>
      sendNotice(tx, {
        kommune: KOMMUNE,
        kind: 'signup.confirmation',
        recipient: {
          email: 'amal@example.dk',
          phone: '12 34 56 78',
          channels: ['email', 'sms'],
          language: 'ar',
        },
        facts,
        about: { type: 'signup', id },
        reply: ['cancel', 'new_time'],
        now,
      }),
    );
    expect(out).toEqual({ queued: 2 });
    const [email, sms] = await outbox(id);
    expect(email).toMatchObject({
      channel: 'email',
      to_address: 'amal@example.dk',
      subject: 'تم تسجيلك',
    });
    expect(email!.body_html).toContain('<html lang="ar" dir="rtl">');
    expect(sms).toMatchObject({ channel: 'sms', to_address: '+4512345678', body_html: null });
    expect(sms!.body_text.length).toBeLessThanOrEqual(480);
    expect(tokenOf(sms!.body_text)).toBe(tokenOf(email!.body_text));
    expect(email!.body_text).toContain('http://localhost:3000/svar/');
    const [link] = await links(id);
    expect(link).toMatchObject({ choices: ['cancel', 'new_time'], language: 'ar', used_at: null });
    // A day after the session.
    expect(link!.expires_at).toEqual(new Date('2027-01-08T09:00:00Z'));
  });

  it('queues a repeat with the same dedupe key once, and stores no link for it', async () => {
    const id = randomUUID();
    const send = () =>
      inTenant(ctx.db, KOMMUNE, (tx) =>
        sendNotice(tx, {
          kommune: KOMMUNE,
          kind: 'signup.reminder',
          recipient: {
            email: 'a@example.dk',
            citizenId: randomUUID(),
            channels: ['email', 'digital_post'],
            language: 'uk',
          },
          facts,
          about: { type: 'signup', id },
          reply: ['confirm', 'cancel'],
          dedupeKey: `signup.reminder:${id}:2027-01-07`,
          now,
        }),
      );
    expect(await send()).toEqual({ queued: 2 });
    expect(await send()).toEqual({ queued: 0 });
    expect(await outbox(id)).toHaveLength(2);
    expect(await links(id)).toHaveLength(1);
  });

  it('is written in the caller’s transaction: rolled back, nothing is queued', async () => {
    const id = randomUUID();
    await expect(
      inTenant(ctx.db, KOMMUNE, async (tx) => {
        await sendNotice(tx, {
          kommune: KOMMUNE,
          kind: 'referral.received',
          recipient: { email: 'a@example.dk', channels: ['email'], language: 'da' },
          facts,
          about: { type: 'referral', id },
          reply: ['confirm'],
          now,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await outbox(id)).toEqual([]);
    expect(await links(id)).toEqual([]);
  });

  it('shows place and time in the link’s language, then applies the choice once', async () => {
    const { id, token } = await notice('ar');
    const c = new Client(app);
    const page = await c.get(`/t/svar/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('Sundhedscenter Roskilde');
    expect(page.body).toContain('الخميس');
    expect(page.body).toContain('name="valg"');
    // Opening it is a read of the subject, as the citizen.
    const reads = await inTenant(ctx.db, KOMMUNE, (tx) =>
      tx.query<{ actor_role: string; action: string }>(
        `select actor_role, action from audit_log where entity_id = $1 order by id`,
        [id],
      ),
    );
    expect(reads).toEqual([{ actor_role: 'citizen', action: 'read' }]);

    const done = await c.post(
      `/t/svar/${token}?lang=ar`,
      { valg: 'new_time', oenske: 'بعد الظهر' },
      `/t/svar/${token}`,
    );
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('شكرًا. سنجد لك موعدًا جديدًا');
    expect(fake.applied.filter((a) => a.id === id)).toEqual([
      { id, choice: 'new_time', note: 'بعد الظهر' },
    ]);
    expect((await links(id))[0]).toMatchObject({ used_choice: 'new_time' });

    const again = await c.get(`/t/svar/${token}`);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('لقد رددت بالفعل');
    expect(again.body).toContain('tel:46310000');
    // Posted from a form still open in another tab (its CSRF token is still good).
    const other = await notice('da');
    const twice = await c.post(`/t/svar/${token}`, { valg: 'cancel' }, `/t/svar/${other.token}`);
    expect(twice.statusCode).toBe(410);
    expect(fake.applied.filter((a) => a.id === id)).toHaveLength(1);
  });

  it('keeps the language switch working on the reply page', async () => {
    const { token } = await notice('ar');
    const c = new Client(app);
    const en = await c.get(`/t/svar/${token}?lang=en`);
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('What would you like to do?');
    expect(en.body).toContain(`action="/t/svar/${token}?lang=en"`);
  });

  it('names the missing choice in the reader’s language and changes nothing', async () => {
    const { id, token } = await notice('da');
    const c = new Client(app);
    const res = await c.post(`/t/svar/${token}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Vælg, hvad du vil gøre');
    expect(res.body).toContain('href="#f-valg"');
    expect((await links(id))[0]!.used_at).toBeNull();
    // A choice the link does not offer is no choice.
    const { id: id2, token: t2 } = await notice('da', ['cancel']);
    const res2 = await c.post(`/t/svar/${t2}`, { valg: 'confirm' });
    expect(res2.statusCode).toBe(400);
    expect((await links(id2))[0]!.used_at).toBeNull();
  });

  it('two answers at once: exactly one wins', async () => {
    const { id, token } = await notice('da');
    const a = new Client(app);
    const b = new Client(app);
    const csrf = async (c: Client) =>
      /name="_csrf" value="([^"]+)"/.exec((await c.get(`/t/svar/${token}`)).body)?.[1] ?? '';
    const [ta, tb] = [await csrf(a), await csrf(b)];
    const [ra, rb] = await Promise.all([
      a.postRaw(`/t/svar/${token}`, { _csrf: ta, valg: 'cancel' }),
      b.postRaw(`/t/svar/${token}`, { _csrf: tb, valg: 'confirm' }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 410]);
    expect(fake.applied.filter((x) => x.id === id)).toHaveLength(1);
  });

  it('leaves the link unused when the subject’s domain fails', async () => {
    const { id, token } = await notice('da');
    const c = new Client(app);
    fake.failOnce();
    const res = await c.post(`/t/svar/${token}`, { valg: 'cancel' });
    expect(res.statusCode).toBe(500);
    expect((await links(id))[0]!.used_at).toBeNull();
    const audits = await inTenant(ctx.db, KOMMUNE, (tx) =>
      tx.query(`select 1 from audit_log where entity_id = $1 and summary = 'fake cancel'`, [id]),
    );
    expect(audits).toEqual([]);
    expect((await c.post(`/t/svar/${token}`, { valg: 'cancel' })).statusCode).toBe(200);
  });

  it('an expired link says so (410) with the number to call', async () => {
    const { token } = await notice('da');
    const late = await appWith(
      ctx.db,
      [fake.handler],
      fixedClock(new Date('2027-01-09T00:00:00Z')),
    );
    try {
      const c = new Client(late);
      const res = await c.get(`/t/svar/${token}`);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('Linket virker ikke længere');
      expect(res.body).toContain('46 31 00 00');
      expect(res.body).not.toContain('name="valg"');
    } finally {
      await late.close();
    }
  });

  it('a subject that is gone or closed cannot be answered (410)', async () => {
    const { id, token } = await notice('da');
    fake.subjects.set(id, { ...facts, open: false });
    const c = new Client(app);
    const open = `/t/svar/${(await notice('da')).token}`;
    expect((await c.get(`/t/svar/${token}`)).statusCode).toBe(410);
    expect((await c.post(`/t/svar/${token}`, { valg: 'cancel' }, open)).statusCode).toBe(410);
    fake.subjects.delete(id);
    const gone = await c.get(`/t/svar/${token}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Du kan ikke længere svare her');
    expect((await links(id))[0]!.used_at).toBeNull();
  });

  it('refuses a forged or altered link with 404 before any query about links', async () => {
    const { token } = await notice('da');
    const forged = issueToken(Buffer.alloc(32, 1), KOMMUNE, new Date('2027-02-01T00:00:00Z')).token;
    const altered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    // A valid signature for a link that was never stored: also 404, the same page.
    const unknown = issueToken(
      notifySettings().linkSecret,
      KOMMUNE,
      new Date('2027-02-01T00:00:00Z'),
    ).token;
    const seen: string[] = [];
    const spy: Db = {
      ...ctx.db,
      engine: ctx.db.engine,
      query: (text, params) => {
        seen.push(text);
        return ctx.db.query(text, params);
      },
      transaction: (fn) =>
        ctx.db.transaction((tx) =>
          fn({
            query: (text, params) => {
              seen.push(text);
              return tx.query(text, params);
            },
          }),
        ),
      asOwner: (fn) => ctx.db.asOwner(fn),
      execAsOwner: (sql) => ctx.db.execAsOwner(sql),
      close: () => Promise.resolve(),
    };
    const spied = await appWith(spy, [fake.handler], clock);
    try {
      const c = new Client(spied);
      const pages: string[] = [];
      for (const t of [forged, altered, 'kort', `${token}x`]) {
        seen.length = 0;
        const res = await c.get(`/t/svar/${t}`);
        expect(res.statusCode, t).toBe(404);
        expect(
          seen.filter((q) => /reply_link/.test(q)),
          t,
        ).toEqual([]);
        pages.push(res.body.replace(/name="_csrf" value="[^"]+"/, ''));
        const post = await c.post(`/t/svar/${t}`, { valg: 'cancel' }, `/t/svar/${token}`);
        expect(post.statusCode).toBe(404);
      }
      const res = await c.get(`/t/svar/${unknown}`);
      expect(res.statusCode).toBe(404);
      // The same page whether or not such a link ever existed.
      expect(res.body.replace(/name="_csrf" value="[^"]+"/, '')).toContain('Linket virker ikke');
      expect(new Set(pages.map((p) => p.replace(/\/t\/svar\/[^"?]*/g, ''))).size).toBe(1);
    } finally {
      await spied.close();
    }
  });

  it('keeps the token out of the log lines', async () => {
    const { token } = await notice('da');
    const lines: string[] = [];
    const config = loadConfig({ LIGHED_KOMMUNE: KOMMUNE, LIGHED_LOG_LEVEL: 'info' });
    const logged = await buildApp({
      db: ctx.db,
      config,
      cookieSecret: 'x'.repeat(40),
      clock,
      logStream: { write: (l) => lines.push(l) },
    });
    try {
      await logged.inject({ method: 'GET', url: `/svar/${token}` });
      expect(lines.join('\n')).not.toContain(token);
      expect(lines.join('\n')).toContain('/svar/:token');
    } finally {
      await logged.close();
    }
  });

  it('purges links a month after they expired', async () => {
    const { id } = await notice('da');
    expect(await purgeReplyLinks(ctx.db, new Date('2027-02-01T00:00:00Z'))).toBe(0);
    expect(await links(id)).toHaveLength(1);
    expect(await purgeReplyLinks(ctx.db, new Date('2027-02-08T00:00:00Z'))).toBeGreaterThan(0);
    expect(await links(id)).toEqual([]);
  });
});
