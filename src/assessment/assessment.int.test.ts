/**
 * Equity impact assessment over HTTP on both engines: who may work on assessments (the new
 * assessor role, planners; not frontline staff), bad input at its field, a stale form (409,
 * what was typed kept), comments and history, states, the municipality's template, the review
 * shown on the owner's staff home when due, and the audit rows.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, seedFixture, testApp, TEST_PASSWORD } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { inTenant } from '../db/db.ts';
import { hashPassword } from '../staff/password.ts';
import { createUser } from '../staff/staff.store.ts';
import { addMonths } from './assessment.ts';
import { DEFAULT_TEMPLATE } from './template.ts';

const BASE = '/personale/lighedsvurderinger';
const idOf = (location: unknown) =>
  /lighedsvurderinger\/([0-9a-f-]{36})/.exec(String(location))![1]!;
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const today = new Date().toISOString().slice(0, 10);
const proposal = (over: Record<string, string> = {}) => ({
  title: 'Ny skolepolitik',
  proposalType: 'policy',
  department: 'schools',
  description: 'Færre skoler, større klasser.',
  decision: 'Børne- og Skoleudvalget',
  decisionDate: addMonths(today, -8),
  objective: '',
  area: '0265',
  ...over,
});
const allNo = () => Object.fromEntries(DEFAULT_TEMPLATE.questions.map((q) => [`s_${q.key}`, 'no']));

eachEngine('equity impact assessment pages', (ctx) => {
  let app: FastifyInstance;
  const assessor = () => new Client(app);
  let a: Client;
  let id = '';

  beforeAll(async () => {
    await seedFixture(ctx.db);
    const hash = await hashPassword(TEST_PASSWORD);
    await inTenant(ctx.db, '0265', (tx) =>
      createUser(tx, {
        kommune: '0265',
        email: 'assessor@test.dk',
        name: 'Vurderer Vera',
        role: 'assessor',
        organization_id: null,
        team_id: null,
        password_hash: hash,
      }),
    );
    app = await testApp(ctx.db);
    a = assessor();
    await a.signIn('assessor@test.dk');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets an assessor start one; keeps frontline staff out; names bad fields', async () => {
    const frontline = new Client(app);
    await frontline.signIn('frontline@test.dk');
    expect((await frontline.get(BASE)).statusCode).toBe(403);

    const home = await a.get('/personale');
    expect(home.body).toContain(`href="${BASE}"`);
    expect((await a.get(BASE)).body).toContain('Der er ingen vurderinger endnu');

    const bad = await a.post(`${BASE}/ny`, proposal({ title: '', decisionDate: '15/9' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv forslagets titel');
    expect(bad.body).toContain('id="f-decisionDate-error"');
    expect(bad.body).toContain('Færre skoler, større klasser.');

    const ok = await a.post(`${BASE}/ny`, proposal());
    expect(ok.statusCode).toBe(303);
    id = idOf(ok.headers.location);
    const page = await a.get(`${BASE}/${id}`);
    expect(page.body).toContain('Ny skolepolitik');
    expect(page.body).toContain('Oprettede vurderingen');
    expect(page.body).toContain('Screening');
  });

  it('screens: unanswered questions at their field, then "not needed" with the reason', async () => {
    const url = `${BASE}/${id}/screening`;
    const v = versionOf((await a.get(url)).body);
    const half = await a.post(url, { version: v, s_many: 'yes' });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('id="f-s_cuts-error"');
    // What was answered stays checked.
    expect(half.body).toMatch(/name="s_many" value="yes" checked/);
    expect((await a.post(url, { version: v, ...allNo() })).statusCode).toBe(303);
    const after = await a.get(url);
    expect(after.body).toContain('behøver ikke en fuld vurdering');
    expect(after.body).toContain('Ingen ja-svar');
  });

  it('refuses a stale form with 409, keeping what was typed', async () => {
    const url = `${BASE}/${id}/forslag`;
    const old = versionOf((await a.get(url)).body);
    const other = new Client(app);
    await other.signIn('planner@test.dk');
    expect(
      (await other.post(url, { version: old, ...proposal({ title: 'Skolepolitik 2027' }) }))
        .statusCode,
    ).toBe(303);
    const stale = await a.post(url, {
      version: old,
      ...proposal({ objective: 'Mit eget formål' }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('En anden har ændret vurderingen');
    expect(stale.body).toContain('Mit eget formål');
    const page = await a.get(`${BASE}/${id}`);
    expect(page.body).toContain('Skolepolitik 2027');
    expect(page.body).toContain('planner');
  });

  it("comments, states and the review on the owner's home when due", async () => {
    expect(
      (await a.post(`${BASE}/${id}/kommentar`, { comment: '' }, `${BASE}/${id}`)).statusCode,
    ).toBe(400);
    expect(
      (
        await a.post(
          `${BASE}/${id}/kommentar`,
          { comment: 'Husk høringssvarene.' },
          `${BASE}/${id}`,
        )
      ).statusCode,
    ).toBe(303);
    let page = await a.get(`${BASE}/${id}`);
    expect(page.body).toContain('Husk høringssvarene.');
    expect(page.body).toContain('Skrev en kommentar');

    // Screened out: final needs a conclusion first.
    let v = versionOf(page.body);
    const early = await a.post(
      `${BASE}/${id}/status`,
      { version: v, state: 'final' },
      `${BASE}/${id}`,
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Skriv en konklusion.');

    const actions = `${BASE}/${id}/handlinger`;
    v = versionOf((await a.get(actions)).body);
    const outside = await a.post(
      `${BASE}/${id}/konklusion`,
      {
        version: v,
        conclusion: 'Politikken rammer ikke skævt.',
        reviewDate: addMonths(today, 6),
      },
      actions,
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('6–12 måneder efter beslutningen');
    const reviewDate = addMonths(addMonths(today, -8), 6);
    expect(
      (
        await a.post(
          `${BASE}/${id}/konklusion`,
          { version: v, conclusion: 'Politikken rammer ikke skævt.', reviewDate },
          actions,
        )
      ).statusCode,
    ).toBe(303);
    page = await a.get(`${BASE}/${id}`);
    expect(
      (
        await a.post(
          `${BASE}/${id}/status`,
          { version: versionOf(page.body), state: 'final' },
          `${BASE}/${id}`,
        )
      ).statusCode,
    ).toBe(303);
    page = await a.get(`${BASE}/${id}`);
    expect(page.body).toContain('Det er tid til opfølgning');

    const home = await a.get('/personale');
    expect(home.body).toContain('Tid til opfølgning på vurderingen af');
    expect(home.body).toContain(`href="${BASE}/${id}"`);

    page = await a.get(`${BASE}/${id}`);
    expect(
      (
        await a.post(
          `${BASE}/${id}/opfoelgning`,
          { version: versionOf(page.body), reviewNote: 'Som ventet.' },
          `${BASE}/${id}`,
        )
      ).statusCode,
    ).toBe(303);
    expect((await a.get('/personale')).body).not.toContain('Tid til opfølgning');
  });

  it('lets planners adjust the template; new assessments use it; assessors cannot edit it', async () => {
    expect((await a.get(`${BASE}/skabelon`)).statusCode).toBe(403);
    const p = new Client(app);
    await p.signIn('planner@test.dk');
    const page = await p.get(`${BASE}/skabelon`);
    expect(page.statusCode).toBe(200);
    const fields: Record<string, string> = {
      version: '0',
      questionRows: '2',
      groupRows: '1',
      q0_key: '',
      q0_da: 'Lukker forslaget et mødested?',
      q0_en: 'Does the proposal close a meeting place?',
      q0_extra: 'ja',
      q1_key: '',
      q1_da: 'Kun dansk',
      q1_en: '',
      g0_key: '',
      g0_da: 'Beboere i almene boliger',
      g0_en: 'Social housing tenants',
      g0_extra: '',
    };
    const bad = await p.post(`${BASE}/skabelon`, fields);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="f-q1_en-error"');
    expect(bad.body).toContain('Lukker forslaget et mødested?');
    const ok = await p.post(`${BASE}/skabelon`, { ...fields, q1_da: '' });
    expect(ok.statusCode).toBe(303);
    expect((await p.get(`${BASE}/skabelon`)).body).toContain('Kommunen bruger sin egen skabelon');

    const created = await p.post(`${BASE}/ny`, proposal({ title: 'Lukning af bibliotek' }));
    const newId = idOf(created.headers.location);
    const screening = await p.get(`${BASE}/${newId}/screening`);
    expect(screening.body).toContain('Lukker forslaget et mødested?');
    expect(screening.body).not.toContain(DEFAULT_TEMPLATE.questions[0]!.text.da);
    // The assessment under way keeps the template it started with.
    expect((await p.get(`${BASE}/${id}/screening`)).body).toContain(
      DEFAULT_TEMPLATE.questions[0]!.text.da,
    );
  });

  it('writes audit rows for the changes and the role is labelled', async () => {
    const rows = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; entity: string; summary: string }>(
        `select action, entity, summary from audit_log where entity like 'assessment%' order by id`,
      ),
    );
    expect(rows.filter((r) => r.entity === 'assessment' && r.action === 'create')).toHaveLength(2);
    expect(rows.some((r) => r.summary === 'assessment final')).toBe(true);
    expect(rows.some((r) => r.entity === 'assessment_template' && r.action === 'update')).toBe(
      true,
    );
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    const audit = await admin.get('/personale/audit');
    expect(audit.body).toContain('konsekvensvurderer');
  });
});
