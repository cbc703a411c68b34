/**
 * The health conversation end to end over HTTP (app.inject), on both engines: consent first,
 * the steps with skip logic and "vil ikke svare", pause and resume, the profile with its
 * support level and override, matched offers, sign-up, print, PDF, team isolation, audit,
 * deletion, settings, FHIR export and retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { GENERAL_SET_ID, setById } from './instruments/sets.ts';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';
import { translator } from '../web/i18n.ts';
import { findChromium } from '../platform/pdf.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { inTeam, systemStaff } from './conversation.store.ts';
import { exportConversationFhir } from './fhir-export.ts';
import { purgeConversations } from './retention.ts';

// A conversation asks the general set's instruments unless another set is chosen.
const ASKED = setById(GENERAL_SET_ID)!.instruments;
const stepOf = (id: string) => ASKED.indexOf(id) + 1;
const STEPS = ASKED.length;
const ar = translator('ar');
const chromium = await findChromium();

eachEngine('health conversation', (ctx) => {
  let app: FastifyInstance;
  let fixture: Awaited<ReturnType<typeof seedFixture>>;
  const clients = new Map<string, Client>();
  // One signed-in client per account: repeated sign-ins would only slow the suite
  // (failed ones are throttled per account, decision 0010).
  const as = async (email: string) => {
    let c = clients.get(email);
    if (!c) {
      c = new Client(app);
      await c.signIn(email);
      clients.set(email, c);
    }
    return c;
  };
  const sys = <T>(fn: Parameters<typeof inTeam<T>>[2]) => inTeam(ctx.db, systemStaff('0265'), fn);
  const conversationIds = () =>
    sys(async (tx) =>
      (await tx.query<{ id: string }>('select id from conversation')).map((r) => r.id),
    );

  beforeAll(async () => {
    fixture = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });
  afterAll(() => app.close());

  describe('who may', () => {
    it('is for frontline workers in a team and admins only', async () => {
      const anon = await new Client(app).get('/personale/samtaler');
      expect(anon.statusCode).toBe(302);
      for (const email of ['provider@test.dk', 'planner@test.dk', 'referrer@test.dk']) {
        expect((await (await as(email)).get('/personale/samtaler')).statusCode, email).toBe(403);
      }
      expect(
        (await (await as('frontline-noteam@test.dk')).get('/personale/samtaler')).statusCode,
      ).toBe(403);
      expect((await (await as('frontline@test.dk')).get('/personale/samtaler')).statusCode).toBe(
        200,
      );
      expect((await (await as('admin@test.dk')).get('/personale/samtaler')).statusCode).toBe(200);
    });
  });

  describe('starting', () => {
    it('consent comes first: a form without it names the field and stores nothing', async () => {
      const c = await as('frontline@test.dk');
      const res = await c.post(
        '/personale/samtaler',
        { mode: 'named', citizen_name: 'Amal Haddad', language: 'ar', arena: 'job_centre' },
        '/personale/samtaler/ny',
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#f-consent"');
      expect(res.body).toContain('Amal Haddad'); // what was typed is kept
      const none = await c.post(
        '/personale/samtaler',
        { language: 'ar', arena: 'job_centre' },
        '/personale/samtaler/ny',
      );
      expect(none.body).toContain('Vælg samtale med samtykke eller anonym samtale');
      expect(await conversationIds()).toEqual([]);
    });
  });

  describe('the job-centre journey (Done when)', () => {
    let id = '';
    let base = '';
    const step = (n: number, fields: Record<string, string | string[]>, go = 'next') =>
      as('frontline@test.dk').then((c) =>
        c.post(`${base}/trin/${n}`, { ...fields, go }, `${base}/trin/${n}`),
      );

    it('starts a conversation in Danish for a citizen who reads Arabic, with consent', async () => {
      const c = await as('frontline@test.dk');
      const res = await c.post(
        '/personale/samtaler',
        {
          mode: 'named',
          consent: 'ja',
          citizen_name: 'Amal Haddad',
          birth_year: '1979',
          sex: 'female',
          postcode: '4000',
          language: 'ar',
          interpreter_needed: 'ja',
          arena: 'job_centre',
          days: ['2', '4'],
          times: 'morgen',
        },
        '/personale/samtaler/ny',
      );
      expect(res.statusCode).toBe(303);
      const m = /\/personale\/samtaler\/([0-9a-f-]{36})\/trin\/1$/.exec(
        String(res.headers.location),
      );
      expect(m).not.toBeNull();
      id = m![1]!;
      base = `/personale/samtaler/${id}`;
      const [row] = await sys((tx) =>
        tx.query<{
          citizen_name: string;
          consent_version: string;
          instruments: string[];
          delete_after: Date;
        }>(
          'select citizen_name, consent_version, instruments, delete_after from conversation where id = $1',
          [id],
        ),
      );
      expect(row).toMatchObject({
        citizen_name: 'Amal Haddad',
        consent_version: expect.stringMatching(/^conversation-consent-/) as unknown,
      });
      expect(row!.instruments).toHaveLength(STEPS);
      expect(row!.delete_after.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    });

    it('shows each question in Danish and beside it in Arabic, right to left, with "vil ikke svare"', async () => {
      const res = await (await as('frontline@test.dk')).get(`${base}/trin/${stepOf('who-5')}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain(
        '<span lang="da" dir="ltr">Jeg har været glad og i godt humør</span>',
      );
      expect(res.body).toMatch(
        /<span lang="ar" dir="rtl" class="lighed-bilingual-other">[^<]*\p{Script=Arabic}/u,
      );
      expect(res.body).toContain(`value="declined"`);
      expect(res.body).toContain(ar('form.declined'));
      // The worker's page is Danish; no name in any link.
      expect(res.body).toContain('<html lang="da"');
      expect(res.body).not.toMatch(/href="[^"]*Amal/);
    });

    it('walks through the steps: skip logic reveals follow-ups, bad numbers are named and kept, nothing is forced', async () => {
      expect((await step(1, { a_srh: 'fair' })).headers.location).toBe(`${base}/trin/2`);
      await step(2, Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`a_who5-${i}`, '1'])));
      const smoking = stepOf('smoking');
      // A daily smoker: the page comes back with "how many a day" revealed.
      const again = await step(smoking, { 'a_smoking-status': 'daily' });
      expect(again.headers.location).toBe(`${base}/trin/${smoking}`);
      const page = await (await as('frontline@test.dk')).get(`${base}/trin/${smoking}`);
      expect(page.body).toContain('name="a_smoking-per-day"');
      expect(
        (await step(smoking, { 'a_smoking-status': 'daily', 'a_smoking-per-day': '20' })).headers
          .location,
      ).toBe(`${base}/trin/${smoking + 1}`);
      // A number it cannot read: named, kept, and nothing saved.
      const units = stepOf('alcohol-units');
      const bad = await step(units, { 'a_alcohol-week': 'ti' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#f-a_alcohol-week"');
      expect(bad.body).toContain('value="ti"');
      expect(bad.body).toMatch(/<title>Fejl:/);
      expect(
        (await step(units, { 'a_alcohol-week': 'declined', 'a_alcohol-max-day': 'declined' }))
          .statusCode,
      ).toBe(303);
      // Nothing is forced: an empty step moves on.
      expect((await step(stepOf('audit-c'), {})).headers.location).toBe(
        `${base}/trin/${stepOf('audit-c') + 1}`,
      );
      const [row] = await sys((tx) =>
        tx.query<{ answers: Record<string, Record<string, unknown>> }>(
          'select answers from conversation where id = $1',
          [id],
        ),
      );
      expect(row!.answers['smoking']).toEqual({
        'smoking-status': { code: 'daily' },
        'smoking-per-day': { value: 20 },
      });
      expect(row!.answers['alcohol-units']).toEqual({
        'alcohol-week': { declined: true },
        'alcohol-max-day': { declined: true },
      });
    });

    it('pauses and resumes where it left off', async () => {
      const at = stepOf('activity');
      const res = await step(at, {}, 'pause');
      expect(res.headers.location).toBe('/personale/samtaler');
      const c = await as('frontline@test.dk');
      const list = await c.get('/personale/samtaler');
      expect(list.body).toContain(`Sat på pause ved trin ${at} af ${STEPS}`);
      const profile = await c.get(base);
      expect(profile.body).toContain(`href="${base}/trin/${at}"`);
      for (let n = at; n < stepOf('loneliness-3'); n++) await step(n, {});
    });

    it('finishes the steps', async () => {
      await step(stepOf('loneliness-3'), {
        'a_lonely-1': 'often',
        'a_lonely-2': 'often',
        'a_lonely-3': 'often',
      });
      await step(stepOf('pss-10'), {});
      await step(stepOf('health-literacy-1'), { a_sils: 'often' });
      await step(stepOf('social-needs'), {});
      await step(stepOf('resources'), {
        'a_resources-energy': ['nature', 'family'],
        'a_resources-successes': 'Jeg lærte dansk på to år',
      });
      await step(stepOf('priorities'), { 'a_priorities-domains': ['activity', 'loneliness'] });
      const motivation = stepOf('motivation-rulers');
      await step(motivation, { a_importance: '8', a_confidence: '2' });
      const last = await step(motivation, {
        a_importance: '8',
        a_confidence: '2',
        'a_importance-why': 'Mine børn',
        'a_confidence-why': 'declined',
      });
      expect(last.headers.location).toBe(base);
    });

    it('shows the profile with resources, priorities and a hand-held level with its reasons', async () => {
      const res = await (await as('frontline@test.dk')).get(base);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Støtteniveau: Håndholdt');
      for (const reason of [
        'Du har nogle gange brug for hjælp til at læse information om sundhed.',
        'Du føler dig tit alene.',
        'Du har brug for tolk.',
        'Din trivsel (WHO-5) er 20 ud af 100',
      ]) {
        expect(res.body).toContain(reason);
      }
      expect(res.body).toContain('At være ude i naturen');
      expect(res.body).toContain('Jeg lærte dansk på to år');
      expect(res.body).toContain('Bevæge mig mere');
      expect(res.body).toContain('Værd at tale om'); // not only colour
      expect(res.body).toContain('Færdig');
    });

    it('lets the worker override the level only with a note', async () => {
      const c = await as('frontline@test.dk');
      const bad = await c.post(`${base}/stoetteniveau`, { level: 'guided', note: ' ' }, base);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#f-note"');
      expect(
        (
          await c.post(
            `${base}/stoetteniveau`,
            { level: 'guided', note: 'Har en mentor i jobcentret' },
            base,
          )
        ).statusCode,
      ).toBe(303);
      const res = await c.get(base);
      expect(res.body).toContain('Støtteniveau: Med vejledning');
      expect(res.body).toContain('Har en mentor i jobcentret');
      await c.post(`${base}/stoetteniveau`, { level: '', note: '' }, base);
      expect((await c.get(base)).body).toContain('Støtteniveau: Håndholdt');
    });

    it('matches offers with reasons, and saves the chosen ones', async () => {
      const c = await as('frontline@test.dk');
      const res = await c.get(`${base}/tilbud`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Gåtur i Æblehaven');
      expect(res.body).toMatch(/Fordi: [^<]*på arabisk/);
      expect(res.body).toMatch(/du har sagt, at du gerne vil bevæge dig mere/);
      expect(res.body).toMatch(/\d+(,\d)? km fra dig/);
      expect(res.body).toMatch(/lang="ar" dir="rtl"/); // the reasons in Arabic too
      expect(res.body).not.toContain('Hemmelig kladde');
      const saved = await c.post(`${base}/tilbud`, { offer: fixture.walkId }, `${base}/tilbud`);
      expect(saved.statusCode).toBe(303);
      // POST-redirect-GET with a success notice (issue 14): the count only, no personal data.
      expect(saved.headers.location).toBe(`${base}/tilbud?gemt=1`);
      const after = await c.get(String(saved.headers.location));
      expect(after.body).toMatch(/role="status"[\s\S]*1 tilbud er gemt i samtalen\./);
      expect(res.body).not.toContain('er gemt i samtalen');
      expect((await c.get(base)).body).toContain(`/tilbud/${fixture.walkId}/tilmeld`);
    });

    it('signs the citizen up with consent, and the sign-up reaches the offer', async () => {
      const c = await as('frontline@test.dk');
      const url = `${base}/tilbud/${fixture.walkId}/tilmeld`;
      const form = await c.get(url);
      expect(form.body).toContain('value="Amal Haddad"');
      const refused = await c.post(url, {
        name: 'Amal Haddad',
        phone: '12345678',
        preferred_language: 'ar',
        needs_interpreter: 'ja',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('href="#f-consent"');
      const sent = await c.post(url, {
        name: 'Amal Haddad',
        phone: '12 34 56 78',
        preferred_language: 'ar',
        needs_interpreter: 'ja',
        consent: 'ja',
      });
      // Redirected after the post, so a reload does not sign up twice.
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`${base}/tilbud/${fixture.walkId}/tilmeldt`);
      const done = await c.get(String(sent.headers.location));
      expect(done.statusCode).toBe(200);
      // Without the cookie there is no receipt to show.
      expect((await new Client(app).get(String(sent.headers.location))).statusCode).toBe(302);
      const code = /Kvitteringsnummer: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(done.body)?.[1];
      expect(code).toBeDefined();
      expect(done.body).not.toContain(`${code}"`); // in no address or attribute, only in the text
      const [signup] = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ name: string; preferred_language: string }>(
          'select name, preferred_language from signup where receipt_code = $1',
          [code],
        ),
      );
      expect(signup).toEqual({ name: 'Amal Haddad', preferred_language: 'ar' });
      expect((await c.get(base)).body).toContain('Tilmeldt');
    });

    it('prints the profile in Arabic, right to left, in plain words', async () => {
      const res = await (await as('frontline@test.dk')).get(`${base}/udskrift?sprog=ar`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('<html lang="ar" dir="rtl">');
      expect(res.body).toContain(ar('print.title'));
      expect(res.body).toContain(ar('support.level.handHeld'));
      // Recorded as a woman: addressed in the feminine ("أنتِ مسجَّلة").
      expect(res.body).toContain(ar('print.signedUp', { sex: 'female' }));
      expect(res.body).toContain('<link rel="stylesheet" href="/assets/print.css"/>');
      const da = await (await as('frontline@test.dk')).get(`${base}/udskrift?sprog=da`);
      expect(da.body).toContain('Min sundhedsprofil');
    });

    it.runIf(chromium !== null || process.env.LIGHED_REQUIRE_BROWSER === '1')(
      'renders the Arabic profile as a PDF with the system Chromium',
      async () => {
        const res = await (await as('frontline@test.dk')).get(`${base}/udskrift.pdf?sprog=ar`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      },
      60_000,
    );

    it('keeps the conversation within the team: another team sees nothing, an admin sees it', async () => {
      const other = await as('frontline2@test.dk');
      for (const path of [base, `${base}/trin/1`, `${base}/tilbud`, `${base}/udskrift?sprog=ar`]) {
        expect((await other.get(path)).statusCode, path).toBe(404);
      }
      expect((await other.get('/personale/samtaler')).body).not.toContain('Amal Haddad');
      const forged = await other.post(`${base}/slet`, {}, '/personale/samtaler');
      expect(forged.statusCode).toBe(404);
      expect((await (await as('admin@test.dk')).get(base)).statusCode).toBe(200);
    });

    it('audits every read and write, without personal data', async () => {
      const rows = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ action: string; summary: string; actor_role: string }>(
          `select action, summary, actor_role from audit_log where entity = 'conversation' and entity_id = $1`,
          [id],
        ),
      );
      const actions = new Set(rows.map((r) => r.action));
      expect(actions).toEqual(
        new Set(
          ['create', 'read', 'update', 'export'].filter((a) => a !== 'export' || chromium !== null),
        ),
      );
      expect(rows.some((r) => r.summary === 'viewed profile')).toBe(true);
      expect(rows.some((r) => r.summary.startsWith('printable profile in ar'))).toBe(true);
      expect(rows.some((r) => r.actor_role === 'admin')).toBe(true);
      expect(JSON.stringify(rows)).not.toMatch(/Amal|Haddad|1979|12345678/);
    });

    it('exports the conversation as FHIR QuestionnaireResponses, audited', async () => {
      const bundle = await exportConversationFhir(ctx.db, '0265', id);
      expect(bundle.resourceType).toBe('Bundle');
      expect(bundle.entry).toHaveLength(STEPS);
      const smoking = bundle.entry.find((e) =>
        e.resource.questionnaire.includes('/smoking|'),
      )?.resource;
      expect(smoking?.status).toBe('completed');
      expect(smoking?.item.find((i) => i.linkId === 'smoking-per-day')?.answer).toEqual([
        { valueDecimal: 20 },
      ]);
      const declined = bundle.entry
        .flatMap((e) => e.resource.item)
        .find((i) => i.linkId === 'alcohol-week');
      expect(declined?.extension?.[0]?.valueCode).toBe('asked-declined');
      expect(JSON.stringify(bundle)).not.toContain('Amal');
      await expect(exportConversationFhir(ctx.db, '0350', id)).rejects.toThrow(/No conversation/);
    });

    it('deletes the conversation on request, and the deletion is audited', async () => {
      const c = await as('frontline@test.dk');
      expect((await c.get(`${base}/slet`)).statusCode).toBe(200);
      expect((await c.post(`${base}/slet`, {}, `${base}/slet`)).headers.location).toBe(
        '/personale/samtaler',
      );
      expect((await c.get(base)).statusCode).toBe(404);
      const del = await inTenant(ctx.db, '0265', (tx) =>
        tx.query(
          `select 1 from audit_log where entity = 'conversation' and entity_id = $1 and action = 'delete'`,
          [id],
        ),
      );
      expect(del).toHaveLength(1);
      // The sign-up stays with the offer.
      const signups = await inTenant(ctx.db, '0265', (tx) =>
        tx.query(`select 1 from signup where name = 'Amal Haddad'`),
      );
      expect(signups).toHaveLength(1);
    });
  });

  describe('an anonymous conversation', () => {
    it('stores nothing personal, lives a day, and is never tied to a sign-up', async () => {
      const c = await as('frontline@test.dk');
      const res = await c.post(
        '/personale/samtaler',
        {
          mode: 'anonymous',
          citizen_name: 'Skrevet ved en fejl',
          birth_year: '1980',
          language: 'so',
          arena: 'job_centre',
        },
        '/personale/samtaler/ny',
      );
      expect(res.statusCode).toBe(303);
      const id = /samtaler\/([0-9a-f-]{36})\//.exec(String(res.headers.location))![1]!;
      const [row] = await sys((tx) =>
        tx.query<{
          citizen_name: string | null;
          birth_year: number | null;
          consent_version: string | null;
          delete_after: Date;
        }>(
          'select citizen_name, birth_year, consent_version, delete_after from conversation where id = $1',
          [id],
        ),
      );
      expect(row).toMatchObject({ citizen_name: null, birth_year: null, consent_version: null });
      expect(row!.delete_after.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600_000 + 60_000);
      expect((await c.get('/personale/samtaler')).body).toContain('Anonym samtale');
      const url = `/personale/samtaler/${id}/tilbud/${fixture.walkId}/tilmeld`;
      expect((await c.get(url)).body).toContain('knyttes ikke til samtalen');
      const sent = await c.post(url, {
        name: 'Ayaan',
        phone: '87654321',
        preferred_language: 'so',
        consent: 'ja',
      });
      expect(sent.statusCode).toBe(303);
      expect((await c.get(String(sent.headers.location))).body).toContain('Kvitteringsnummer');
      // Nothing ties the name to the answers: no link, and no shared request id in the audit log.
      const links = await sys((tx) =>
        tx.query('select 1 from conversation_offer where conversation_id = $1', [id]),
      );
      expect(links).toEqual([]);
      const [signupAudit] = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ request_id: string }>(
          `select a.request_id from audit_log a join signup s on s.id::text = a.entity_id where s.name = 'Ayaan'`,
        ),
      );
      const sameRequest = await inTenant(ctx.db, '0265', (tx) =>
        tx.query(`select 1 from audit_log where entity = 'conversation' and request_id = $1`, [
          signupAudit!.request_id,
        ]),
      );
      expect(sameRequest).toEqual([]);
      const named = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ summary: string }>(
          `select summary from audit_log where entity = 'conversation' and entity_id = $1`,
          [id],
        ),
      );
      expect(named.map((r) => r.summary).join(' ')).not.toContain(fixture.walkId);
    });

    it('is deleted by retention once its day is over', async () => {
      const [old] = await sys((tx) =>
        tx.query<{ id: string }>('select id from conversation where anonymous limit 1'),
      );
      await sys((tx) =>
        tx.query(
          `update conversation set delete_after = now() - interval '1 minute' where anonymous`,
        ),
      );
      // Past its date it is gone at once, before the daily purge removes the row.
      expect(
        (await (await as('frontline@test.dk')).get(`/personale/samtaler/${old!.id}`)).statusCode,
      ).toBe(404);
      const before = (await conversationIds()).length;
      expect(await purgeConversations(ctx.db)).toBeGreaterThan(0);
      expect((await conversationIds()).length).toBeLessThan(before);
      const audited = await inTenant(ctx.db, '0265', (tx) =>
        tx.query(
          `select 1 from audit_log where entity = 'conversation' and summary = 'retention period ended'`,
        ),
      );
      expect(audited.length).toBeGreaterThan(0);
    });
  });

  describe('settings', () => {
    it('are for admins; switching an instrument off leaves it out of new conversations', async () => {
      expect(
        (await (await as('frontline@test.dk')).get('/personale/samtaler/indstillinger')).statusCode,
      ).toBe(403);
      const admin = await as('admin@test.dk');
      const page = await admin.get('/personale/samtaler/indstillinger');
      expect(page.statusCode).toBe(200);
      const on = INSTRUMENTS.map((i) => i.id).filter((i) => i !== 'pss-10');
      expect(
        (
          await admin.post(
            '/personale/samtaler/indstillinger/instrumenter',
            { instrument: on },
            '/personale/samtaler/indstillinger',
          )
        ).statusCode,
      ).toBe(303);
      const c = await as('frontline@test.dk');
      const res = await c.post(
        '/personale/samtaler',
        { mode: 'anonymous', language: 'da', arena: 'job_centre' },
        '/personale/samtaler/ny',
      );
      const id = /samtaler\/([0-9a-f-]{36})\//.exec(String(res.headers.location))![1]!;
      const [row] = await sys((tx) =>
        tx.query<{ instruments: string[] }>('select instruments from conversation where id = $1', [
          id,
        ]),
      );
      expect(row!.instruments).toHaveLength(STEPS - 1);
      expect(row!.instruments).not.toContain('pss-10');
      await admin.post(
        '/personale/samtaler/indstillinger/instrumenter',
        { instrument: INSTRUMENTS.map((i) => i.id) },
        '/personale/samtaler/indstillinger',
      );
    });

    it("offers the health visitor's set once its questions are switched on, and asks them", async () => {
      const admin = await as('admin@test.dk');
      const switchOn = (instrument: string[]) =>
        admin.post(
          '/personale/samtaler/indstillinger/instrumenter',
          { instrument },
          '/personale/samtaler/indstillinger',
        );
      const general = setById(GENERAL_SET_ID)!.instruments;
      const pregnancy = setById('pregnancy-first')!.instruments;
      const start = { mode: 'anonymous', language: 'da', arena: 'job_centre' };
      const c = await as('frontline@test.dk');

      expect((await switchOn([...general])).statusCode).toBe(303);
      expect((await c.get('/personale/samtaler/ny')).body).not.toContain('name="set"');
      const refused = await c.post(
        '/personale/samtaler',
        { ...start, set: 'pregnancy-first' },
        '/personale/samtaler/ny',
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('href="#f-set"');

      expect((await switchOn(INSTRUMENTS.map((i) => i.id))).statusCode).toBe(303);
      expect((await c.get('/personale/samtaler/ny')).body).toContain('value="pregnancy-first"');
      const res = await c.post(
        '/personale/samtaler',
        { ...start, set: 'pregnancy-first' },
        '/personale/samtaler/ny',
      );
      expect(res.statusCode).toBe(303);
      const id = /samtaler\/([0-9a-f-]{36})\//.exec(String(res.headers.location))![1]!;
      const [row] = await sys((tx) =>
        tx.query<{ instruments: string[] }>('select instruments from conversation where id = $1', [
          id,
        ]),
      );
      expect(row!.instruments).toEqual([...pregnancy]);
    });

    it('validates the matching weights by field and keeps the old ones on error', async () => {
      const admin = await as('admin@test.dk');
      const page = await admin.get('/personale/samtaler/indstillinger');
      const fields = Object.fromEntries(
        [...page.body.matchAll(/name="([a-zA-Z]+)" type="text" value="([^"]*)"/g)].map((m) => [
          m[1]!,
          m[2]!,
        ]),
      );
      expect(Object.keys(fields)).toContain('distance');
      const bad = await admin.post(
        '/personale/samtaler/indstillinger/vaegte',
        { ...fields, distance: '11' },
        '/personale/samtaler/indstillinger',
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#f-distance"');
      const ok = await admin.post(
        '/personale/samtaler/indstillinger/vaegte',
        { ...fields, distance: '6,5' },
        '/personale/samtaler/indstillinger',
      );
      expect(ok.statusCode).toBe(303);
      expect((await admin.get('/personale/samtaler/indstillinger')).body).toContain(
        'name="distance" type="text" value="6,5"',
      );
    });
  });

  describe('teams', () => {
    it('an admin creates a team and moves a worker into it; the worker then sees only that team', async () => {
      const admin = await as('admin@test.dk');
      expect(
        (await (await as('frontline@test.dk')).get('/personale/samtaler/teams')).statusCode,
      ).toBe(403);
      const dup = await admin.post('/personale/samtaler/teams', {
        name: 'Jobcenter Roskilde',
        arena: 'job_centre',
      });
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toContain('Der er allerede et team med det navn');
      expect(
        (
          await admin.post('/personale/samtaler/teams', {
            name: 'Værestedet Vindrosen',
            arena: 'drop_in_centre',
          })
        ).statusCode,
      ).toBe(303);
      const page = await admin.get('/personale/samtaler/teams');
      const team = /<option value="([0-9a-f-]{36})"[^>]*>Værestedet Vindrosen<\/option>/.exec(
        page.body,
      )?.[1];
      const worker = /<option value="([0-9a-f-]{36})"[^>]*>frontline-noteam \(/.exec(
        page.body,
      )?.[1];
      expect(team && worker).toBeTruthy();
      expect(
        (
          await admin.post(
            '/personale/samtaler/teams/medarbejder',
            { worker: worker!, team: team! },
            '/personale/samtaler/teams',
          )
        ).statusCode,
      ).toBe(303);
      // A fresh session picks up the team.
      const moved = new Client(app);
      await moved.signIn('frontline-noteam@test.dk');
      const list = await moved.get('/personale/samtaler');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Værestedet Vindrosen');
      expect((await moved.get('/personale/samtaler/ny')).body).toContain(
        '<option value="drop_in_centre" selected',
      );
    });
  });
});
