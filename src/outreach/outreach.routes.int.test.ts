/**
 * The outreach lane's pages over HTTP: who may see the queue, a case and the rules; taking a
 * case, recording an attempt, a stale form (409, input kept) and the outcome; the markup.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, testApp, TEST_PASSWORD } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import {
  referralAtWalk,
  seedReferralFixture,
  type ReferralFixture,
} from '../../test/support/referrals.ts';
import { inTenant } from '../db/db.ts';
import { hashPassword } from '../staff/password.ts';
import { createUser } from '../staff/staff.store.ts';
import { scanOutreach } from './outreach.service.ts';

const monday = new Date('2026-01-05T08:00:00Z');
const day = (n: number) => new Date(monday.getTime() + n * 864e5);
const QUEUE = '/personale/opsoegning';
const RULES = '/personale/opsoegning/regler';

eachEngine('outreach pages', (ctx) => {
  let app: FastifyInstance;
  let f: ReferralFixture;
  const c: Record<string, Client> = {};
  let caseUrl = '';

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    const hash = await hashPassword(TEST_PASSWORD);
    await inTenant(ctx.db, '0265', async (tx) => {
      const [team] = await tx.query<{ id: string }>(
        `insert into team (kommune, name, arena) values ('0265', 'Opsøgende team', 'own_home') returning id`,
      );
      for (const email of ['outreach@test.dk', 'outreach2@test.dk'])
        await createUser(tx, {
          kommune: '0265',
          email,
          name: email === 'outreach@test.dk' ? 'Opsøger Lise' : 'Opsøger Ole',
          role: 'outreach',
          organization_id: null,
          team_id: team!.id,
          password_hash: hash,
        });
    });
    // A citizen under way with two no-shows in a row: the scan puts her in the queue.
    await referralAtWalk(
      ctx.db,
      f,
      {
        citizen: {
          name: 'Birgit Udeblevet',
          birthDate: '1955-05-05',
          phone: '22 33 44 55',
          email: 'birgit@example.dk',
          preferredLanguage: 'da',
          interpreterNeeded: false,
        },
        requestedService: 'afklarende_samtale',
        reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
        needs: {},
        note: '',
        consentAt: monday,
      },
      { at: monday, attendance: ['no_show', 'no_show'] },
    );
    await scanOutreach(ctx.db, { at: day(14), kommune: '0265' });

    app = await testApp(ctx.db);
    for (const email of [
      'outreach@test.dk',
      'outreach2@test.dk',
      'coordinator@test.dk',
      'admin@test.dk',
      'frontline@test.dk',
      'provider@test.dk',
      'gp@test.dk',
    ]) {
      c[email] = new Client(app);
      await c[email].signIn(email);
    }
  });
  afterAll(() => app?.close());

  it('the queue: the outreach worker and the coordinator see it, others get 403', async () => {
    const page = await c['outreach@test.dk']!.get(QUEUE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Birgit Udeblevet');
    expect(page.body).toContain('Udeblev fra gange i træk');
    expect(page.body).toContain('<main');
    expect(page.body).toMatch(/<h1[^>]*>Opsøgende indsats<\/h1>/);
    caseUrl = /href="(\/personale\/opsoegning\/[0-9a-f-]{36})"/.exec(page.body)![1]!;
    expect((await c['coordinator@test.dk']!.get(QUEUE)).statusCode).toBe(200);
    expect((await c['admin@test.dk']!.get(QUEUE)).statusCode).toBe(200);
    for (const who of ['frontline@test.dk', 'provider@test.dk', 'gp@test.dk']) {
      expect((await c[who]!.get(QUEUE)).statusCode, who).toBe(403);
      expect((await c[who]!.get(caseUrl)).statusCode, who).toBe(403);
      expect((await c[who]!.get(RULES)).statusCode, who).toBe(403);
    }
  });

  it('the case: outreach and coordinator 200; the markup labels its fields', async () => {
    const page = await c['outreach@test.dk']!.get(caseUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<main');
    expect(page.body).toMatch(/<h1[^>]*>Opsøgende sag:/);
    expect(page.body).toContain('22 33 44 55');
    for (const name of ['method', 'reached', 'note', 'outcome', 'newOffer', 'outcomeNote']) {
      const id = new RegExp(`<(select|textarea|input)[^>]*name="${name}"[^>]*id="([^"]+)"`).exec(
        page.body,
      )?.[2];
      const idFirst = new RegExp(
        `<(select|textarea|input)[^>]*id="([^"]+)"[^>]*name="${name}"`,
      ).exec(page.body)?.[2];
      const fieldId = id ?? idFirst;
      expect(fieldId, name).toBeTruthy();
      expect(page.body, name).toContain(`for="${fieldId}"`);
    }
    expect((await c['coordinator@test.dk']!.get(caseUrl)).statusCode).toBe(200);
    expect((await c['outreach@test.dk']!.get(`${QUEUE}/not-a-uuid`)).statusCode).toBe(404);
  });

  it('the rules: coordinator 200, outreach 403; a bad threshold is named in the summary', async () => {
    expect((await c['outreach@test.dk']!.get(RULES)).statusCode).toBe(403);
    const page = await c['coordinator@test.dk']!.get(RULES);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<main');
    expect(page.body).toMatch(/<h1[^>]*>Regler for opsøgende indsats<\/h1>/);
    const fields: Record<string, string> = {};
    for (const [k, v] of [
      ['referral_unanswered', '0'],
      ['not_reached', '5'],
      ['missed_sessions', '11'],
      ['cancelled_no_new_time', '3'],
      ['handheld_no_contact', '30'],
      ['rejected_no_alternative', '5'],
    ]) {
      fields[`${k}.threshold`] = v!;
      fields[`${k}.enabled`] = 'ja';
    }
    const bad = await c['coordinator@test.dk']!.post(RULES, fields);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Udeblivelser i træk: skriv et helt tal i det tilladte interval');
    expect(bad.body).toContain('href="#f-missed_sessions-threshold"');
    expect(bad.body).toContain('value="11"');
    const ok = await c['coordinator@test.dk']!.post(RULES, {
      ...fields,
      'missed_sessions.threshold': '2',
    });
    expect(ok.statusCode).toBe(303);
  });

  it('take the case, record an attempt; errors name the fields', async () => {
    const queue = await c['outreach@test.dk']!.get(QUEUE);
    const caseId = caseUrl.split('/').pop()!;
    const version = new RegExp(
      `action="${QUEUE}/${caseId}/tag"[\\s\\S]*?name="version" value="(\\d+)"`,
    ).exec(queue.body)![1]!;
    const take = await c['outreach@test.dk']!.post(`${caseUrl}/tag`, { version }, QUEUE);
    expect(take.statusCode).toBe(303);
    expect(take.headers.location).toBe(`${caseUrl}?besked=taget`);
    // A second take with the old version: the case changed meanwhile.
    const again = await c['outreach2@test.dk']!.post(`${caseUrl}/tag`, { version }, QUEUE);
    expect(again.headers.location).toBe(`${QUEUE}?besked=forældet`);

    const bad = await c['outreach@test.dk']!.post(
      `${caseUrl}/forsoeg`,
      { method: '', reached: '', note: 'Ringede kl. 10', version },
      caseUrl,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vælg hvordan du prøvede at få kontakt');
    expect(bad.body).toContain('Vælg om du fik kontakt');
    expect(bad.body).toContain('Ringede kl. 10');
    const ok = await c['outreach@test.dk']!.post(
      `${caseUrl}/forsoeg`,
      { method: 'phone', reached: 'nej', note: 'Ringede kl. 10', version },
      caseUrl,
    );
    expect(ok.statusCode).toBe(303);
    const page = await c['outreach@test.dk']!.get(caseUrl);
    expect(page.body).toContain('Ringede kl. 10');
    expect(page.body).toContain('Opsøger Lise');
  });

  it('a stale outcome form: 409, the input kept; then the outcome closes the case', async () => {
    const page = await c['outreach@test.dk']!.get(caseUrl);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const stale = await c['outreach@test.dk']!.post(
      `${caseUrl}/udfald`,
      {
        outcome: 'declined',
        newOffer: '',
        outcomeNote: 'Siger nej tak i telefonen',
        version: String(Number(version) - 1),
      },
      caseUrl,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Sagen er ændret af en anden imens');
    expect(stale.body).toContain('Siger nej tak i telefonen');
    const missing = await c['outreach@test.dk']!.post(
      `${caseUrl}/udfald`,
      { outcome: '', newOffer: '', outcomeNote: '', version },
      caseUrl,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Vælg hvordan sagen endte');
    const ok = await c['outreach@test.dk']!.post(
      `${caseUrl}/udfald`,
      { outcome: 'declined', newOffer: '', outcomeNote: 'Siger nej tak', version },
      caseUrl,
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${QUEUE}?besked=lukket`);
    const queue = await c['outreach@test.dk']!.get(`${QUEUE}?besked=lukket`);
    expect(queue.body).toContain('Sagen er lukket.');
    expect(queue.body).not.toContain('Birgit Udeblevet');
    // The worker who took it still sees the closed case (through the team's citizen access).
    const closed = await c['outreach@test.dk']!.get(caseUrl);
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain('Borgeren siger nej tak');
    // An attempt posted from a form opened before the case closed: 409, the text shown.
    const late = await c['outreach2@test.dk']!.post(
      `${caseUrl}/forsoeg`,
      { method: 'letter', reached: 'nej', note: 'Brev sendt i går', version },
      QUEUE,
    );
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Sagen blev lukket imens');
    expect(late.body).toContain('Brev sendt i går');
  });
});
