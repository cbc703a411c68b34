/**
 * The Done-when on the demo catalog: a hand-held citizen at the job centre who reads
 * Arabic, wants to move more and feels alone, living in 4000 Roskilde, gets at least five
 * matched offers, each with reasons, the first ones in Arabic or with an interpreter.
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { ensurePostcodes } from '../platform/geo/postcode.store.ts';
import { ensureDemoTeams, seedDemo } from '../demo/demo.seed.ts';
import { inTenant } from '../db/db.ts';
import { DEMO_KOMMUNE } from '../demo/demo.data.ts';
import { candidateOffers } from './matching.store.ts';
import { fittingTopics, matchOffers, type MatchCitizen } from './matching.ts';
import { TOPICS } from '../catalog/index.ts';
import { inTeam, systemStaff } from './conversation.store.ts';

eachEngine('matching on the demo catalog', (ctx) => {
  beforeAll(async () => {
    await ensurePostcodes(ctx.db);
    await seedDemo(ctx.db);
  });

  it('gives a hand-held Arabic reader at the job centre five or more offers with reasons', async () => {
    const citizen: MatchCitizen = {
      priorities: ['activity', 'loneliness'],
      riskFactors: ['smoking'],
      severeLoneliness: true,
      socialNeeds: [],
      support: 'handHeld',
      language: 'ar',
      interpreterNeeded: true,
      arena: 'job_centre',
      age: 47,
      bringsChildren: false,
      availability: { days: [], times: [] },
    };
    const offers = await inTeam(ctx.db, systemStaff(DEMO_KOMMUNE), (tx) =>
      candidateOffers(tx, DEMO_KOMMUNE, '4000', 25, fittingTopics(citizen)),
    );
    expect(offers.length).toBeGreaterThan(20);
    const all = await inTeam(ctx.db, systemStaff(DEMO_KOMMUNE), (tx) =>
      candidateOffers(tx, DEMO_KOMMUNE, '4000', 25, TOPICS),
    );
    expect(all.length).toBeGreaterThan(offers.length);
    // Leaving out offers without a fitting topic in SQL changes nothing in the ranking.
    const matches = matchOffers(citizen, offers);
    expect(matchOffers(citizen, all, undefined, { limit: 100 }).map((m) => m.offer.id)).toEqual(
      matchOffers(citizen, offers, undefined, { limit: 100 }).map((m) => m.offer.id),
    );
    expect(matches.length).toBeGreaterThanOrEqual(5);
    for (const m of matches) expect(m.reasons.length).toBeGreaterThan(1);
    for (const m of matches.slice(0, 5)) {
      expect(
        m.reasons.some((r) => r.code === 'language' || r.code === 'interpreter'),
        m.offer.title,
      ).toBe(true);
      expect(
        m.reasons.some(
          (r) => r.code === 'priority' || r.code === 'riskFactor' || r.code === 'community',
        ),
        m.offer.title,
      ).toBe(true);
    }
    // Nearer than the finder's 25 km, and never an offer outside the citizen's age.
    for (const m of matches) {
      if (m.offer.distanceMeters !== null && m.offer.mode === 'in_person')
        expect(m.offer.distanceMeters).toBeLessThanOrEqual(25_000);
      if (m.offer.min_age !== null) expect(m.offer.min_age).toBeLessThanOrEqual(47);
    }
  });

  it('a hand-held citizen who needs an interpreter gets no app and no offer for an illness they did not name', async () => {
    const citizen: MatchCitizen = {
      priorities: ['activity', 'diet'],
      riskFactors: ['smoking', 'inactivity', 'diet'],
      severeLoneliness: false,
      socialNeeds: [],
      support: 'handHeld',
      language: 'ar',
      interpreterNeeded: true,
      arena: 'job_centre',
      age: 52,
      bringsChildren: false,
      availability: { days: [], times: [] },
    };
    const all = await inTeam(ctx.db, systemStaff(DEMO_KOMMUNE), (tx) =>
      candidateOffers(tx, DEMO_KOMMUNE, '4000', 25, TOPICS),
    );
    const titles = (c: MatchCitizen) =>
      matchOffers(c, all, undefined, { limit: 200 }).map((m) => m.offer);
    const offers = titles(citizen);
    expect(offers.length).toBeGreaterThanOrEqual(5);
    expect(offers.map((o) => o.title)).not.toContain('Min sundhedsplan – et digitalt værktøj');
    expect(offers.filter((o) => o.mode === 'online')).toEqual([]);
    expect(offers.filter((o) => o.topics.includes('chronic_illness'))).toEqual([]);
    // Asked for: the app and the diabetes school come back.
    const asked = titles({
      ...citizen,
      priorities: ['activity', 'diet', 'illness'],
      wantsDigital: true,
    });
    expect(asked.map((o) => o.title)).toEqual(
      expect.arrayContaining([
        'Min sundhedsplan – et digitalt værktøj',
        'Diabetesskole på arabisk og tyrkisk',
      ]),
    );
  });

  it('gives an upgraded demo database its teams, and puts the frontline accounts in them once', async () => {
    // A demo made before teams existed: no teams, frontline accounts in none.
    await inTenant(ctx.db, DEMO_KOMMUNE, async (tx) => {
      await tx.query(`update staff_user set team_id = null where role = 'frontline'`);
      await tx.query(`delete from team`);
    });
    await ensureDemoTeams(ctx.db);
    await ensureDemoTeams(ctx.db);
    const rows = await inTenant(ctx.db, DEMO_KOMMUNE, (tx) =>
      tx.query<{ email: string; team: string | null }>(
        `select u.email, t.name as team from staff_user u left join team t on t.id = u.team_id where u.role = 'frontline' order by u.email`,
      ),
    );
    expect(rows).toEqual([
      { email: 'frontline.bolig@demo.lighed.dk', team: 'Boligsocial helhedsplan Musicon' },
      { email: 'frontline@demo.lighed.dk', team: 'Sundhedsteamet i Jobcenter Roskilde' },
    ]);
    expect(
      await inTenant(ctx.db, DEMO_KOMMUNE, (tx) => tx.query('select 1 from team')),
    ).toHaveLength(2);
  });

  it('never suggests the municipality’s in-person offers to a citizen living far away', async () => {
    const citizen: MatchCitizen = {
      priorities: ['activity', 'loneliness', 'wellbeing'],
      riskFactors: [],
      severeLoneliness: false,
      socialNeeds: [],
      support: 'selfHelp',
      language: 'da',
      interpreterNeeded: false,
      arena: 'job_centre',
      age: 40,
      bringsChildren: false,
      availability: { days: [], times: [] },
    };
    const offers = await inTeam(ctx.db, systemStaff(DEMO_KOMMUNE), (tx) =>
      candidateOffers(tx, DEMO_KOMMUNE, '9000', 25, fittingTopics(citizen)),
    );
    // Offers met at a place; some in-person offers (home visits) have none and no distance.
    const placed = offers.filter((o) => o.mode === 'in_person' && o.distanceMeters !== null);
    expect(placed.length).toBeGreaterThan(10);
    for (const o of placed) expect(o.distanceMeters).toBeGreaterThan(150_000); // Aalborg to Roskilde is about 200 km
    const matches = matchOffers(citizen, offers);
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches)
      expect(m.offer.mode === 'in_person' && m.offer.distanceMeters !== null, m.offer.title).toBe(
        false,
      );
  });
});
