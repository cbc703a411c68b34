/**
 * Issue 11's "Done when", on both engines, through the app's pages and the server's own jobs
 * (src/jobs.ts) against a real SMTP server:
 *  - a citizen reading Arabic signs up for the walking group with an e-mail address while the
 *    SMTP server is down; the confirmation arrives in Arabic once it is back;
 *  - the day before the session a reminder in Arabic; she opens its link and answers "can't
 *    come, I would like a new time", and the provider sees it;
 *  - a referred citizen misses two sessions: the outreach scan puts her in the queue once; the
 *    outreach worker records a home visit, re-engages her with a new offer, and the GP's closing
 *    note says so (the note's e-mail goes out, carrying a link and nothing of the note).
 * Two Lighed processes sending once is src/platform/jobs/jobs-processes.int.test.ts.
 */
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { Client, TEST_PASSWORD } from '../../test/support/app.ts';
import { startSmtp, type ReceivedMail } from '../../test/support/smtp.ts';
import {
  referralAtWalk,
  seedReferralFixture,
  type ReferralFixture,
} from '../../test/support/referrals.ts';
import { buildApp } from '../app.ts';
import { inTenant } from '../db/db.ts';
import { dispatchOutbox } from '../jobs.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { StaffUser } from '../platform/principal.ts';
import { sendSignupReminders } from '../catalog/index.ts';
import { createReferral, type NewReferral, type ReferralActor } from '../referrals/index.ts';
import { hashPassword } from '../staff/password.ts';
import { createUser } from '../staff/staff.store.ts';
import { scanOutreach } from './index.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });
const ARABIC = /[\u0600-\u06ff]/;

/** A free port now, for an SMTP server that is started only later ("stopped" until then). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((res) => s.close(() => res()));
  return port;
}

/** The text/plain part of a MIME message, decoded (nodemailer uses quoted-printable or base64). */
function plainText(raw: string): string {
  // Each part (or the whole message): its headers, a blank line, its body.
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...rest] = part.split(/\r?\n\r?\n/);
    const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
    if (!/^Content-Type: text\/plain/im.test(headers)) continue;
    const body = rest.join('\n\n').split(/\r?\n--/)[0]!;
    const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(headers)?.[1] ?? '7bit';
    if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString();
    if (/quoted-printable/i.test(encoding)) {
      const bytes = body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  }
  throw new Error('no text/plain part');
}

const replyPath = (text: string) =>
  /https:\/\/roskilde\.lighed\.test(\/svar\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

eachEngine('issue 11 done: messages in her language, a reply, the outreach lane', (ctx) => {
  let app: FastifyInstance;
  let config: Config;
  let f: ReferralFixture;
  let dataDir: string;
  let smtpPort: number;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  /** What the SMTP server received (nothing while it is stopped). */
  const received = (): ReceivedMail[] => smtp?.received ?? [];
  let signupId: string;

  const dispatch = () => dispatchOutbox({ db: ctx.db, config, log: silent });
  /** Time passes: every queued message is due now (the outbox's back-off is minutes). */
  const makeDue = () =>
    ctx.db.asOwner((tx) =>
      tx.query(`update outbox set next_attempt_at = now() where status = 'queued'`),
    );

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    dataDir = mkdtempSync(join(tmpdir(), 'lighed-done11-'));
    smtpPort = await freePort();
    config = loadConfig({
      LIGHED_KOMMUNE: '0265',
      LIGHED_LOG_LEVEL: 'silent',
      LIGHED_DATA_DIR: dataDir,
      LIGHED_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LIGHED_PUBLIC_URL: 'https://roskilde.lighed.test',
    });
    app = await buildApp({ db: ctx.db, config, cookieSecret: 'y'.repeat(40), logger: false });
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(`update offer set contact_phone = '+45 4634 1000' where id = $1`, [f.walkId]),
    );
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with the SMTP server stopped, her Arabic confirmation arrives after it comes back', async () => {
    const amal = new Client(app);
    await amal.get('/?lang=ar');
    const posted = await amal.post(`/tilbud/${f.walkId}/tilmeld`, {
      name: 'أمل',
      phone: '',
      email: 'amal.done11@example.dk',
      preferred_language: 'ar',
      consent: 'ja',
      contact_channels: 'email',
    });
    expect(posted.statusCode).toBe(303);
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ id: string }>(`select id from signup where email = 'amal.done11@example.dk'`),
    );
    signupId = row!.id;

    // The server is down: the attempt fails and the message waits, nothing is lost.
    const down = await dispatch();
    expect(down).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    expect(received()).toHaveLength(0);

    smtp = await startSmtp(smtpPort);
    await makeDue();
    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });
    expect(received()).toHaveLength(1);
    expect(received()[0]!.to).toEqual(['amal.done11@example.dk']);
    const text = plainText(received()[0]!.raw);
    expect(text).toMatch(ARABIC);
    expect(text).toContain('10:00');
    expect(replyPath(text)).toBeDefined();
    // No health details: the offer's title is not in the message.
    const [{ title }] = (await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ title: string }>(`select title from offer where id = $1`, [f.walkId]),
    )) as [{ title: string }];
    expect(received()[0]!.raw).not.toContain(title);
    // Sent once: another run sends nothing more.
    expect(await dispatch()).toMatchObject({ sent: 0 });
  });

  it('the day before, a reminder in Arabic; she answers "new time" from its link', async () => {
    // The walk meets on Tuesdays at 10:00: the reminders run on the Monday before the next one.
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
    monday.setUTCHours(15, 0, 0, 0);
    expect(await sendSignupReminders(ctx.db, monday)).toBeGreaterThanOrEqual(1);
    // Run twice (a retried job): still one reminder.
    await sendSignupReminders(ctx.db, monday);
    expect(await dispatch()).toMatchObject({ failed: 0 });
    const reminders = received().filter((m) => m.to[0] === 'amal.done11@example.dk');
    expect(reminders).toHaveLength(2);
    const text = plainText(reminders[1]!.raw);
    expect(text).toMatch(ARABIC);
    const path = replyPath(text)!;
    expect(path).toBeDefined();

    // The link works without signing in, in her language.
    const amal = new Client(app);
    const page = await amal.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/,
    );
    expect(page.body).toContain('value="new_time"');
    const answered = await amal.post(path, { valg: 'new_time' }, path);
    expect(answered.statusCode).toBeLessThan(400);
    const [s] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ status: string; new_time_requested_at: Date | null }>(
        `select status, new_time_requested_at from signup where id = $1`,
        [signupId],
      ),
    );
    expect(s!.new_time_requested_at).not.toBeNull();
    expect(s!.status).not.toBe('cancelled');
    // Single use: the same link again changes nothing and says so.
    expect((await amal.get(path)).statusCode).toBe(410);

    // The provider sees the wish and what was sent.
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    const list = await provider.get('/personale/tilmeldinger');
    expect(list.body).toContain('Ønsker ny tid');
    const detail = await provider.get(`/personale/tilmeldinger/${signupId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Bekræftelse af tilmelding');
    expect(detail.body).toContain('Påmindelse før næste gang');
    expect(detail.body).toMatch(/Sendt \d/);
  });

  it('two missed sessions: in the queue once; a home visit re-engages her; the GP learns it', async () => {
    const t0 = new Date('2026-03-02T08:00:00Z');
    const day = (n: number) => new Date(t0.getTime() + n * 864e5);
    const citizen: NewReferral['citizen'] = {
      name: 'Hanan Done',
      birthDate: '1971-03-04',
      phone: '20 30 40 51',
      email: 'hanan.done11@example.dk',
      preferredLanguage: 'ar',
      interpreterNeeded: true,
    };
    const referral: NewReferral = {
      citizen,
      requestedService: 'afklarende_samtale',
      reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
      needs: {},
      note: '',
      consentAt: t0,
    };
    const r = await referralAtWalk(ctx.db, f, referral, {
      at: t0,
      attendance: ['no_show', 'no_show'],
    });

    const first = await scanOutreach(ctx.db, { at: day(10), kommune: '0265' });
    expect(first.opened).toBe(1);
    const second = await scanOutreach(ctx.db, { at: day(11), kommune: '0265' });
    expect(second).toEqual({ opened: 0, added: 0 });

    // The outreach worker.
    await inTenant(ctx.db, '0265', async (tx) => {
      const [team] = await tx.query<{ id: string }>(
        `insert into team (kommune, name, arena) values ('0265', 'Opsøgende team', 'own_home') returning id`,
      );
      await createUser(tx, {
        kommune: '0265',
        email: 'outreach.done11@test.dk',
        name: 'Opsøger Done',
        role: 'outreach',
        organization_id: null,
        team_id: team!.id,
        password_hash: await hashPassword(TEST_PASSWORD),
      });
    });
    const worker = new Client(app);
    await worker.signIn('outreach.done11@test.dk');
    const queue = await worker.get('/personale/opsoegning');
    expect(queue.statusCode).toBe(200);
    const rows = queue.body.split('<tr').filter((x) => x.includes('Hanan Done'));
    expect(rows).toHaveLength(1);
    const take =
      /action="(\/personale\/opsoegning\/[0-9a-f-]{36})\/tag"[\s\S]*?name="version" value="(\d+)"/.exec(
        rows[0]!,
      )!;
    const casePath = take[1]!;
    expect(
      (await worker.post(`${casePath}/tag`, { version: take[2]! }, '/personale/opsoegning'))
        .statusCode,
    ).toBe(303);

    const versionOn = async () =>
      /name="version" value="(\d+)"/.exec((await worker.get(casePath)).body)![1]!;
    const visit = await worker.post(
      `${casePath}/forsoeg`,
      {
        version: await versionOn(),
        method: 'home_visit',
        reached: 'ja',
        note: 'Hjemmebesøg med tolk.',
      },
      casePath,
    );
    expect(visit.statusCode).toBe(303);

    // She chooses a new offer: the coordinator refers her to it (after the case opened).
    await createReferral(
      ctx.db,
      as(f.users.coordinator),
      { ...referral, requestedService: 'offer', offerId: f.walkId },
      { now: day(12) },
    );
    const casePage = (await worker.get(casePath)).body;
    const select = /<select[^>]*name="newOffer"[\s\S]*?<\/select>/.exec(casePage)![0];
    const choice = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!)[0]!;
    const closed = await worker.post(
      `${casePath}/udfald`,
      {
        version: /name="version" value="(\d+)"/.exec(casePage)![1]!,
        outcome: 'reengaged',
        newOffer: choice,
        outcomeNote: '',
      },
      casePath,
    );
    expect(closed.statusCode).toBe(303);
    expect((await worker.get('/personale/opsoegning')).body).not.toContain('Hanan Done');

    // The GP's referral is closed and its closing note says she was re-engaged, and with what.
    const gp = new Client(app);
    await gp.signIn('gp@test.dk');
    const gpPage = await gp.get(`/personale/henvisninger/${r.id}`);
    expect(gpPage.statusCode).toBe(200);
    expect(gpPage.body).toContain('Genoptaget gennem opsøgende indsats');
    // The closing note's e-mail to the GP: a link, not the note.
    await makeDue();
    await dispatch();
    const toGp = received().filter((m) => m.to.includes('gp@test.dk'));
    expect(toGp.length).toBeGreaterThanOrEqual(1);
    const note = plainText(toGp.at(-1)!.raw);
    expect(note).not.toContain('Genoptaget');
    expect(note).not.toContain('Hanan');
    expect(note).toMatch(/\/personale\/henvisninger\/[0-9a-f-]{36}/);
  });
});
