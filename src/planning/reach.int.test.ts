/**
 * Reach (issue 12, decision 0025) on both engines: the anonymous answers stored apart from the
 * sign-up, in its transaction; the target population's shares against the survey's own
 * weighted sums; the reach view and its page.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { seedSurvey, testCodebook, testRespondents } from '../../test/support/monitor.ts';
import { inTenant } from '../db/db.ts';
import { recordReachAnswers, setReachOfferTarget } from '../catalog/index.ts';
import { targetPopulationShares } from '../monitor/index.ts';
import { lowReach, REACH_PATH } from './reach.ts';
import { createUser } from '../staff/index.ts';
import { createIntervention } from './intervention.service.ts';
import { reachForIntervention, reachForOffer } from './reach.service.ts';

const signupForm = (name: string) => ({
  name,
  phone: '12345678',
  preferred_language: 'da',
  consent: 'ja',
});

/** Daily smokers' (or everyone's) shares by education in Roskilde 2021, by hand from the rows. */
function handShares(indicator: 'dagligryger' | null) {
  const cb = testCodebook();
  const edu = cb.dimensions.findIndex((d) => d.key === 'uddannelse');
  const smoke = cb.indicators.findIndex((i) => i.key === 'dagligryger');
  const rows = testRespondents(cb).filter((r) => r.area === '0265' && r.year === 2021);
  const inTarget = (r: (typeof rows)[number]) => (indicator ? r.answers[smoke] === 1 : true);
  const T = rows.filter(inTarget).reduce((s, r) => s + r.weight, 0);
  const n = rows.length;
  return [1, 2, 3, 4].map((g) => {
    const p =
      rows.filter((r) => inTarget(r) && r.dims[edu] === g).reduce((s, r) => s + r.weight, 0) / T;
    // Linearisation over the individuals: u = w·y·(d − p)/T, var = n/(n−1)·Σu².
    const su2 = rows
      .filter(inTarget)
      .reduce((s, r) => s + (r.weight * ((r.dims[edu] === g ? 1 : 0) - p)) ** 2, 0);
    return { p, se: Math.sqrt((n / (n - 1)) * su2) / T };
  });
}

eachEngine('reach', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  const counts = () =>
    inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ context: string; month: string; uddannelse: string; n: number }>(
        `select context, to_char(month, 'YYYY-MM-DD') as month, uddannelse, n
           from reach_answer_count order by uddannelse`,
      ),
    );
  const signups = async () =>
    (
      await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ n: number }>(`select count(*)::int as n from signup`),
      )
    )[0]!.n;

  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    await seedSurvey(ctx.db);
    app = await testApp(ctx.db);
  });

  it('stores the answers apart: no person, sign-up or referral id, no timestamp', async () => {
    const cols = await ctx.db.asOwner((tx) =>
      tx.query<{ column_name: string; data_type: string }>(
        `select column_name, data_type from information_schema.columns
          where table_name = 'reach_answer_count' order by ordinal_position`,
      ),
    );
    expect(cols.map((c) => c.column_name)).toEqual([
      'kommune',
      'offer_id',
      'context',
      'month',
      'uddannelse',
      'arbejdsmarked',
      'herkomst',
      'n',
    ]);
    expect(cols.find((c) => c.column_name === 'month')?.data_type).toBe('date');
  });

  it('counts answers with the sign-up, none without them, and refuses a value never offered', async () => {
    const citizen = new Client(app);
    const url = `/tilbud/${fx.walkId}/tilmeld`;
    const form = await citizen.get(url);
    expect(form.body).toContain('name="reach_uddannelse"');
    expect(form.body).toContain('Vil ikke svare');

    const bad = await citizen.post(url, { ...signupForm('Uden Svar'), reach_uddannelse: '7' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vælg et af svarene på listen');
    expect(bad.body).toContain('value="Uden Svar"');
    expect(await signups()).toBe(0);

    const withAnswers = await citizen.post(url, {
      ...signupForm('Med Svar'),
      reach_uddannelse: '1',
      reach_arbejdsmarked: 'prefer_not',
      reach_herkomst: '1',
    });
    expect(withAnswers.statusCode).toBe(303);
    const without = await citizen.post(url, signupForm('Uden Svar'));
    expect(without.statusCode).toBe(303);
    expect(await signups()).toBe(2);
    const rows = await counts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ context: 'signup', uddannelse: '1', n: 1 });
    expect(rows[0]!.month).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('gives target shares that match the survey’s weighted sums, suppressed by the monitor’s rules', async () => {
    for (const indicator of ['dagligryger', null] as const) {
      const pop = await targetPopulationShares(ctx.db, {
        kommune: '0265',
        indicator,
        dimension: 'uddannelse',
        area: '0265',
      });
      expect(pop?.year).toBe(2021);
      const hand = handShares(indicator);
      pop!.groups.forEach((g, i) => {
        expect(g.suppressed).toBe(false);
        expect(g.share).toBeCloseTo(hand[i]!.p, 10);
        expect(g.se).toBeCloseTo(hand[i]!.se, 10);
      });
      expect(pop!.groups.reduce((s, g) => s + g.share!, 0)).toBeCloseTo(1, 10);
    }
    // Three non-Western respondents in Roskilde: hidden, and a complement with them.
    const origin = await targetPopulationShares(ctx.db, {
      kommune: '0265',
      indicator: 'dagligryger',
      dimension: 'herkomst',
      area: '0265',
    });
    expect(origin!.groups.filter((g) => g.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it('shows an offer’s reach against daily smokers and finds too few with grundskole', async () => {
    const answer = (uddannelse: string, n: number) =>
      inTenant(ctx.db, '0265', async (tx) => {
        for (let i = 0; i < n; i++)
          await recordReachAnswers(
            tx,
            '0265',
            { offerId: fx.walkId, context: 'referral' },
            { uddannelse, arbejdsmarked: '1', herkomst: '1' },
          );
      });
    await answer('1', 6);
    await answer('2', 30);
    await answer('3', 40);
    await answer('4', 30);
    await inTenant(ctx.db, '0265', (tx) =>
      setReachOfferTarget(tx, '0265', fx.walkId, 'dagligryger', 0),
    );
    const view = await reachForOffer(ctx.db, '0265', fx.walkId);
    expect(view.indicator).toBe('dagligryger');
    expect(view.answers).toBe(107);
    const grundskole = view.groups.find((g) => g.dimension === 'uddannelse' && g.group === '1')!;
    expect(grundskole.participants).toBe(7);
    expect(grundskole.targeted).toBe(true);
    expect(grundskole.hi!).toBeLessThan(1);
    expect(lowReach(view)).toBe(true);
    expect(view.sentences.join(' ')).toContain(
      'når forholdsvis færre med grundskole som højeste uddannelse, end der er blandt dem, der ryger dagligt, i kommunen',
    );

    const planner = new Client(app);
    await planner.signIn('planner@test.dk');
    const page = await planner.get(`${REACH_PATH}/tilbud/${fx.walkId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('forholdsvis færre med grundskole');
    const stale = await planner.post(
      `${REACH_PATH}/tilbud/${fx.walkId}/maalgruppe`,
      { indicator: 'fysisk_inaktiv', version: '0' },
      `${REACH_PATH}/tilbud/${fx.walkId}`,
    );
    expect(stale.statusCode).toBe(409);
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    expect((await provider.get(REACH_PATH)).statusCode).toBe(403);
  });

  it('measures an intervention against the indicator of its risk factor (catalog topic)', async () => {
    const planner = await inTenant(ctx.db, '0265', (tx) =>
      createUser(tx, {
        kommune: '0265',
        email: 'planner-reach@test.dk',
        name: 'Planner',
        role: 'planner',
        organization_id: null,
        password_hash: null,
      }),
    );
    const intervention = (riskFactor: string) =>
      createIntervention(ctx.db, planner, {
        name: `Indsats ${riskFactor}`,
        purpose: 'Rækkevidde',
        department: 'health',
        type: 'group',
        offerIds: [fx.walkId],
        targetGroups: [{ dimension: 'uddannelse', group: '1', riskFactor }],
      });
    const smoking = await reachForIntervention(ctx.db, '0265', await intervention('smoking'));
    expect(smoking.indicator).toBe('dagligryger');
    const family = await reachForIntervention(ctx.db, '0265', await intervention('family'));
    expect(family.indicator).toBeNull();
  });
});
