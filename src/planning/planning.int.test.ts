import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { createUser } from '../staff/index.ts';
import { PlanningStale } from './actor.ts';
import { formOfIntervention } from './intervention.ts';
import {
  copyPublishedIntervention,
  createIntervention,
  getIntervention,
  getPublishedIntervention,
  listInterventions,
  listPublishedInterventions,
  publishIntervention,
  saveInterventionForm,
} from './intervention.service.ts';
import {
  addOwnRecommendation,
  adoptFramework,
  linkRecommendation,
  listRecommendations,
  unlinkRecommendation,
  updateRecommendationForm,
} from './recommendation.service.ts';
import { seedPlanningFrameworksDemo } from './demo-frameworks.seed.ts';

const NOW = new Date('2026-03-02T10:00:00Z');

eachEngine('planning: interventions and recommendations', (ctx) => {
  let f: Fixture;
  let planner: StaffUser;
  let provider: StaffUser;
  let lejre: StaffUser;

  beforeAll(async () => {
    f = await seedFixture(ctx.db);
    const user = (
      kommune: string,
      email: string,
      role: StaffUser['role'],
      org: string | null = null,
    ) =>
      inTenant(ctx.db, kommune, (tx) =>
        createUser(tx, {
          kommune,
          email,
          name: email,
          role,
          organization_id: org,
          password_hash: null,
        }),
      );
    planner = await user('0265', 'planner-p1@test.dk', 'planner');
    provider = await user('0265', 'prov-p@test.dk', 'provider', f.orgId);
    lejre = await user('0350', 'planner@lejre.dk', 'planner');
  });

  let smokeFree: string;

  it('creates an intervention with the minimal input and links an own offer', async () => {
    smokeFree = await createIntervention(ctx.db, planner, {
      name: 'Røgfri skoletid',
      purpose: 'Ingen rygning i skoletiden',
      department: 'schools',
      type: 'structural',
    });
    const walk = await createIntervention(ctx.db, planner, {
      name: 'Gåture i Æblehaven',
      purpose: 'Bevægelse i boligområdet',
      department: 'health',
      type: 'group',
      arenas: ['housing_area'],
      offerIds: [f.walkId],
      targetGroups: [
        { dimension: 'uddannelse', group: 'grundskole', riskFactor: 'physical_activity' },
      ],
      evidenceLevel: 'moderate',
    });
    const d = await getIntervention(ctx.db, '0265', walk);
    expect(d).toMatchObject({ offerIds: [f.walkId], status: 'idea', published: false, version: 1 });
    expect(d!.targetGroups).toEqual([
      { dimension: 'uddannelse', group: 'grundskole', riskFactor: 'physical_activity' },
    ]);
    expect(
      (await listInterventions(ctx.db, '0265', { department: 'schools' })).map((i) => i.name),
    ).toEqual(['Røgfri skoletid']);
    const audits = await ctx.db.asOwner((tx) =>
      tx.query(
        `select 1 from audit_log where entity = 'planning_intervention' and entity_id = $1`,
        [walk],
      ),
    );
    expect(audits).toHaveLength(1);
  });

  it('refuses bad input at the field, a structural intervention with offers, and other roles', async () => {
    await expect(
      createIntervention(ctx.db, planner, {
        name: '',
        purpose: 'x',
        department: 'health',
        type: 'group',
      }),
    ).rejects.toMatchObject({ code: 'LIGHED_ERR_VALIDATION', problems: [{ path: 'name' }] });
    await expect(
      createIntervention(ctx.db, planner, {
        name: 'x',
        purpose: 'x',
        department: 'health',
        type: 'structural',
        offerIds: [f.walkId],
      }),
    ).rejects.toMatchObject({
      problems: [{ path: 'offerIds', message: 'planning.error.structuralOffers' }],
    });
    await expect(
      createIntervention(ctx.db, provider, {
        name: 'x',
        purpose: 'x',
        department: 'health',
        type: 'group',
      }),
    ).rejects.toMatchObject({ code: 'LIGHED_ERR_FORBIDDEN' });
    // Another municipality's offer is not the planner's to link.
    await expect(
      createIntervention(ctx.db, lejre, {
        name: 'x',
        purpose: 'x',
        department: 'health',
        type: 'group',
        offerIds: [f.walkId],
      }),
    ).rejects.toMatchObject({ problems: [{ path: 'offerIds' }] });
  });

  it('checks the version on concurrent edits', async () => {
    const d = (await getIntervention(ctx.db, '0265', smokeFree))!;
    const form = formOfIntervention(d);
    const r = await saveInterventionForm(ctx.db, planner, smokeFree, {
      ...form,
      status: 'running',
    });
    expect(r.ok).toBe(true);
    await expect(
      saveInterventionForm(ctx.db, planner, smokeFree, { ...form, status: 'ended' }),
    ).rejects.toBeInstanceOf(PlanningStale);
    expect((await getIntervention(ctx.db, '0265', smokeFree))!).toMatchObject({
      status: 'running',
      version: 2,
    });
  });

  it('shares a published intervention: others see and copy it, never the unpublished', async () => {
    expect(await getPublishedIntervention(ctx.db, '0350', smokeFree)).toBeNull();
    expect(await getIntervention(ctx.db, '0350', smokeFree)).toBeNull();
    // Row-level security: Lejre's transaction sees no Roskilde row that is not published.
    const seen = await inTenant(ctx.db, '0350', (tx) =>
      tx.query(`select id from planning_intervention where kommune = '0265'`),
    );
    expect(seen).toEqual([]);

    const d = (await getIntervention(ctx.db, '0265', smokeFree))!;
    await saveInterventionForm(ctx.db, planner, smokeFree, {
      ...formOfIntervention(d),
      evaluation: 'Færre unge ryger i skoletiden',
    });
    await publishIntervention(ctx.db, planner, smokeFree, true, d.version + 1);
    const shared = await listPublishedInterventions(ctx.db, '0350');
    expect(shared.map((s) => [s.name, s.tenantName, s.evaluation])).toEqual([
      ['Røgfri skoletid', 'Roskilde', 'Færre unge ryger i skoletiden'],
    ]);
    // Lejre may read it but not change it.
    const changed = await inTenant(ctx.db, '0350', (tx) =>
      tx.query(`update planning_intervention set name = 'x' where id = $1 returning id`, [
        smokeFree,
      ]),
    );
    expect(changed).toEqual([]);

    const copy = await copyPublishedIntervention(ctx.db, lejre, smokeFree);
    const c = (await getIntervention(ctx.db, '0350', copy))!;
    expect(c).toMatchObject({
      name: 'Røgfri skoletid',
      status: 'idea',
      published: false,
      copiedFrom: { kommune: '0265', id: smokeFree },
    });
    expect(c.evaluation).toContain('Færre unge ryger');
    expect((await listInterventions(ctx.db, '0350')).map((i) => i.id)).toEqual([copy]);
    expect((await listInterventions(ctx.db, '0265')).some((i) => i.id === copy)).toBe(false);
  });

  it('adopts a framework once, sets state and a dated note, links interventions', async () => {
    await adoptFramework(ctx.db, planner, 'roskilde');
    await adoptFramework(ctx.db, planner, 'roskilde');
    const recs = await listRecommendations(ctx.db, '0265');
    expect(recs.filter((r) => !r.code.includes('.'))).toHaveLength(8);
    expect(recs.find((r) => r.code === '7')).toMatchObject({
      title: 'Sæt ambitiøse mål for sundhed',
      state: 'not_started',
      departments: ['health'],
    });
    const r7 = recs.find((r) => r.code === '7.2')!;
    const up = await updateRecommendationForm(
      ctx.db,
      planner,
      r7.id,
      {
        state: 'under_way',
        note: 'Røgfri skoletid på alle skoler',
        noteDate: '',
        departments: ['schools'],
        version: String(r7.version),
      },
      NOW,
    );
    expect(up.ok).toBe(true);
    await expect(
      updateRecommendationForm(
        ctx.db,
        planner,
        r7.id,
        { state: 'in_place', note: '', noteDate: '', departments: [], version: String(r7.version) },
        NOW,
      ),
    ).rejects.toBeInstanceOf(PlanningStale);
    const bad = await updateRecommendationForm(
      ctx.db,
      planner,
      r7.id,
      { state: 'done', note: '', noteDate: '2026-13-01', departments: [], version: '2' },
      NOW,
    );
    expect(bad).toMatchObject({ ok: false });

    await linkRecommendation(ctx.db, planner, smokeFree, r7.id);
    await linkRecommendation(ctx.db, planner, smokeFree, r7.id);
    const schools = await listRecommendations(ctx.db, '0265', { department: 'schools' });
    const after = schools.find((r) => r.id === r7.id)!;
    expect(after).toMatchObject({
      state: 'under_way',
      note: 'Røgfri skoletid på alle skoler',
      noteDate: '2026-03-02',
      interventionIds: [smokeFree],
    });
    expect((await getIntervention(ctx.db, '0265', smokeFree))!.recommendationIds).toEqual([r7.id]);
    // Lejre cannot link its copy to Roskilde's recommendation, nor Roskilde's published one to its own.
    await expect(linkRecommendation(ctx.db, lejre, smokeFree, r7.id)).rejects.toMatchObject({
      code: 'LIGHED_ERR_NOT_FOUND',
    });
    await unlinkRecommendation(ctx.db, planner, smokeFree, r7.id);
    expect((await getIntervention(ctx.db, '0265', smokeFree))!.recommendationIds).toEqual([]);
    expect(await listRecommendations(ctx.db, '0350')).toEqual([]);
  });

  it('adds own recommendations numbered after the last', async () => {
    const a = await addOwnRecommendation(ctx.db, planner, {
      title: 'Sunde boligområder',
      text: '',
      departments: ['social'],
    });
    const b = await addOwnRecommendation(ctx.db, planner, {
      title: 'Tolk til alle',
      text: '',
      departments: [],
    });
    expect(a.ok && b.ok).toBe(true);
    const own = await listRecommendations(ctx.db, '0265', { frameworkKey: 'own' });
    expect(own.map((r) => [r.code, r.title])).toEqual([
      ['1', 'Sunde boligområder'],
      ['2', 'Tolk til alle'],
    ]);
  });

  it('seeds the demo frameworks and interventions (idempotent)', async () => {
    await ctx.db.asOwner((tx) =>
      tx.query(
        `insert into tenant (kommune, name) values ('0253', 'Greve') on conflict do nothing`,
      ),
    );
    await seedPlanningFrameworksDemo(ctx.db, '0253');
    await seedPlanningFrameworksDemo(ctx.db, '0253');
    const list = await listInterventions(ctx.db, '0253');
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list.filter((i) => i.type === 'structural').length).toBeGreaterThanOrEqual(3);
    expect(list.filter((i) => i.published).length).toBe(1);
    const recs = await listRecommendations(ctx.db, '0253', { frameworkKey: 'roskilde' });
    expect(
      new Set(recs.filter((r) => !r.code.includes('.')).map((r) => r.state)).size,
    ).toBeGreaterThan(1);
    expect(recs.some((r) => r.interventionIds.length > 0)).toBe(true);
  });

  describe('over HTTP', () => {
    let client: Client;
    beforeAll(async () => {
      const app = await testApp(ctx.db);
      client = new Client(app);
      await client.signIn('planner@test.dk');
    });

    it('creates through the form, keeps input on an error, refuses other roles', async () => {
      const bad = await client.post('/personale/planlaegning/indsatser/ny', {
        name: '',
        purpose: 'Formål her',
        department: 'health',
        type: 'group',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Skriv indsatsens navn');
      expect(bad.body).toContain('Formål her');
      const ok = await client.post('/personale/planlaegning/indsatser/ny', {
        name: 'Rygestop i boligområdet',
        purpose: 'Rygestop tæt på hjemmet',
        department: 'health',
        type: 'group',
        arenas: ['housing_area'],
        riskFactors: ['smoking'],
      });
      expect(ok.statusCode).toBe(303);
      const page = await client.get(ok.headers.location as string);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Rygestop i boligområdet');

      const other = new Client(await testApp(ctx.db));
      await other.signIn('referrer@test.dk');
      expect((await other.get('/personale/planlaegning/indsatser')).statusCode).toBe(403);
      expect(
        (await other.postRaw('/personale/planlaegning/indsatser/ny', { name: 'x' })).statusCode,
      ).toBe(403);
    });

    it('shows the start page, recommendations, committee and shared pages', async () => {
      for (const url of [
        '/personale/planlaegning',
        '/personale/planlaegning/anbefalinger?afdeling=schools',
        '/personale/planlaegning/udvalg?afdeling=schools',
        '/personale/planlaegning/delte-indsatser',
        `/personale/planlaegning/delte-indsatser/${smokeFree}`,
      ])
        expect((await client.get(url)).statusCode, url).toBe(200);
      const committee = await client.get('/personale/planlaegning/udvalg?afdeling=schools');
      expect(committee.body).toContain('Røgfri skoletid');
    });
  });
});
