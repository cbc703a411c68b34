import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATCH_WEIGHTS,
  DISTANCE_HALF_KM,
  fittingTopics,
  matchOffers,
  MatchWeights,
  timeOfDay,
  type Match,
  type MatchCitizen,
  type MatchOffer,
} from './matching.ts';

/** A neutral offer: fits "activity", Danish, in person, paid, no support-level traits. */
function offer(o: Partial<MatchOffer> = {}): MatchOffer {
  return {
    id: o.title ?? 'o',
    title: 'Tilbud',
    topics: ['physical_activity'],
    arena: 'association',
    offer_type: 'group',
    languages: ['da'],
    mode: 'in_person',
    interpreter_available: false,
    free: false,
    price_dkk: 100,
    children_welcome: false,
    childcare: false,
    transport_help: false,
    welcomes_newcomers: false,
    min_age: null,
    max_age: null,
    contact_name: '',
    schedules: [],
    distanceMeters: null,
    ...o,
  };
}

/** A neutral citizen: Danish, guided, wants to move more, no other needs. */
function citizen(c: Partial<MatchCitizen> = {}): MatchCitizen {
  return {
    priorities: ['activity'],
    riskFactors: [],
    severeLoneliness: false,
    socialNeeds: [],
    support: 'guided',
    language: 'da',
    interpreterNeeded: false,
    arena: 'job_centre',
    age: 40,
    bringsChildren: false,
    availability: { days: [], times: [] },
    ...c,
  };
}

const one = (c: MatchCitizen, o: MatchOffer): Match | undefined => matchOffers(c, [o])[0];
const codes = (m: Match | undefined) => m?.reasons.map((r) => r.code);
const reason = (m: Match | undefined, code: string) => m?.reasons.find((r) => r.code === code);
const titles = (ms: Match[]) => ms.map((m) => m.offer.title);
const scoreOf = (c: MatchCitizen, o: MatchOffer) => one(c, o)?.score ?? Number.NaN;

describe('fit to priorities, risk factors and loneliness', () => {
  it.each([
    ['activity', 'physical_activity'],
    ['diet', 'diet'],
    ['diet', 'overweight'],
    ['smoking', 'smoking'],
    ['alcohol', 'alcohol'],
    ['sleep', 'sleep'],
    ['stress', 'mental_wellbeing'],
    ['wellbeing', 'mental_wellbeing'],
    ['loneliness', 'loneliness'],
    ['loneliness', 'community'],
  ] as const)('priority %s matches topic %s', (goal, topic) => {
    const m = one(citizen({ priorities: [goal] }), offer({ topics: [topic] }));
    expect(m?.reasons).toEqual([{ code: 'priority', values: { goal } }]);
  });

  it('socialNeeds as a priority has no topic, so on its own suggests nothing', () => {
    expect(
      matchOffers(citizen({ priorities: ['socialNeeds'] }), [
        offer({ topics: ['physical_activity', 'family'] }),
      ]),
    ).toEqual([]);
  });

  it.each([
    ['smoking', 'smoking'],
    ['alcohol', 'alcohol'],
    ['inactivity', 'physical_activity'],
    ['diet', 'diet'],
  ] as const)('risk factor %s matches topic %s', (factor, topic) => {
    const m = one(citizen({ priorities: [], riskFactors: [factor] }), offer({ topics: [topic] }));
    expect(m?.reasons).toEqual([{ code: 'riskFactor', values: { factor } }]);
  });

  it('a chosen priority weighs more than a risk factor the tool found', () => {
    const c = citizen({ priorities: ['smoking'], riskFactors: ['alcohol'] });
    const ms = matchOffers(c, [
      offer({ title: 'Alkohol', topics: ['alcohol'] }),
      offer({ title: 'Rygestop', topics: ['smoking'] }),
    ]);
    expect(titles(ms)).toEqual(['Rygestop', 'Alkohol']);
    expect(DEFAULT_MATCH_WEIGHTS.priority).toBeGreaterThan(DEFAULT_MATCH_WEIGHTS.riskFactor);
  });

  it('no riskFactor reason for a topic a priority already covers', () => {
    const m = one(
      citizen({ priorities: ['activity'], riskFactors: ['inactivity', 'smoking'] }),
      offer({ topics: ['physical_activity', 'smoking'] }),
    );
    expect(m?.reasons).toEqual([
      { code: 'priority', values: { goal: 'activity' } },
      { code: 'riskFactor', values: { factor: 'smoking' } },
    ]);
    expect(m?.score).toBe(DEFAULT_MATCH_WEIGHTS.priority + DEFAULT_MATCH_WEIGHTS.riskFactor);
  });

  it("several chosen priorities each count, in the citizen's order", () => {
    const m = one(
      citizen({ priorities: ['sleep', 'activity'] }),
      offer({ topics: ['physical_activity', 'sleep'] }),
    );
    expect(m?.reasons.map((r) => r.values.goal)).toEqual(['sleep', 'activity']);
    expect(m?.score).toBe(2 * DEFAULT_MATCH_WEIGHTS.priority);
  });

  it('severe loneliness makes loneliness and community offers fit as "community"', () => {
    const c = citizen({ priorities: [], severeLoneliness: true });
    expect(codes(one(c, offer({ topics: ['community'] })))).toEqual(['community']);
    expect(codes(one(c, offer({ topics: ['loneliness'] })))).toEqual(['community']);
    expect(one(citizen({ priorities: [] }), offer({ topics: ['community'] }))).toBeUndefined();
    // Chosen as a priority, it is said as the citizen's own goal, not twice.
    expect(
      codes(
        one(
          citizen({ priorities: ['loneliness'], severeLoneliness: true }),
          offer({ topics: ['community'] }),
        ),
      ),
    ).toEqual(['priority']);
  });

  it('an offer with no fit reason is not suggested, however good otherwise', () => {
    const great = offer({
      topics: ['family'],
      free: true,
      distanceMeters: 100,
      welcomes_newcomers: true,
    });
    expect(
      matchOffers(citizen({ severeLoneliness: true, riskFactors: ['smoking'] }), [great]),
    ).toEqual([]);
  });
});

describe('offers tied to a condition', () => {
  const school = offer({
    title: 'Diabetesskole',
    topics: ['chronic_illness', 'diet', 'physical_activity'],
  });

  it('need the citizen to have chosen "living with an illness"; fitting by diet or activity is not enough', () => {
    expect(one(citizen({ priorities: ['diet', 'activity'] }), school)).toBeUndefined();
    expect(one(citizen({ riskFactors: ['diet', 'inactivity'] }), school)).toBeUndefined();
    const m = one(citizen({ priorities: ['illness'] }), school);
    expect(m?.reasons[0]).toEqual({ code: 'priority', values: { goal: 'illness' } });
  });

  it('the illness priority brings condition offers into the candidates', () => {
    expect(
      fittingTopics({ priorities: ['illness'], riskFactors: [], severeLoneliness: false }),
    ).toEqual(['chronic_illness']);
  });
});

describe('hard exclusions', () => {
  it("the citizen's age outside min_age or max_age excludes; unknown age does not", () => {
    const youth = offer({ min_age: 15, max_age: 25 });
    expect(matchOffers(citizen({ age: 14 }), [youth])).toEqual([]);
    expect(matchOffers(citizen({ age: 26 }), [youth])).toEqual([]);
    expect(matchOffers(citizen({ age: 15 }), [youth])).toHaveLength(1);
    expect(matchOffers(citizen({ age: 25 }), [youth])).toHaveLength(1);
    expect(matchOffers(citizen({ age: null }), [youth])).toHaveLength(1);
  });

  it('in-person-only offers beyond maxKm (default 25 km) are excluded; "both" and unknown distance stay', () => {
    const far = offer({ title: 'Langt væk', distanceMeters: 26_000 });
    const farBoth = offer({ title: 'Også online', mode: 'both', distanceMeters: 26_000 });
    const unknown = offer({ title: 'Ukendt', distanceMeters: null });
    const edge = offer({ title: 'Kanten', distanceMeters: 25_000 });
    const ms = matchOffers(citizen(), [far, farBoth, unknown, edge]);
    expect(titles(ms).sort()).toEqual(['Også online', 'Kanten', 'Ukendt'].sort());
    expect(codes(ms.find((m) => m.offer.title === 'Også online'))).not.toContain('distance');
    expect(titles(matchOffers(citizen(), [far, edge], undefined, { maxKm: 30 })).sort()).toEqual([
      'Kanten',
      'Langt væk',
    ]);
    expect(titles(matchOffers(citizen(), [far, edge], undefined, { maxKm: 10 }))).toEqual([]);
  });
});

describe('language and interpreter', () => {
  const ar = citizen({ language: 'ar' });

  it('held in the citizen\'s language: "language" with the code', () => {
    const m = one(ar, offer({ languages: ['da', 'ar'], interpreter_available: true }));
    expect(reason(m, 'language')).toEqual({ code: 'language', values: { language: 'ar' } });
    expect(codes(m)).not.toContain('interpreter');
  });

  it('else an interpreter: "interpreter"', () => {
    expect(codes(one(ar, offer({ interpreter_available: true })))).toEqual([
      'priority',
      'interpreter',
    ]);
  });

  it('else a penalty, not an exclusion', () => {
    const ms = matchOffers(ar, [
      offer({ title: 'Dansk' }),
      offer({ title: 'Tolk', interpreter_available: true }),
      offer({ title: 'Arabisk', languages: ['ar'] }),
    ]);
    expect(titles(ms)).toEqual(['Arabisk', 'Tolk', 'Dansk']);
    expect(ms[2]?.score).toBe(
      DEFAULT_MATCH_WEIGHTS.priority - DEFAULT_MATCH_WEIGHTS.languageMissing,
    );
  });

  it('Danish readers get no language reason; an interpreter counts only if they need one', () => {
    const o = offer({ languages: ['da'], interpreter_available: true });
    expect(codes(one(citizen(), o))).toEqual(['priority']);
    expect(codes(one(citizen({ interpreterNeeded: true }), o))).toEqual([
      'priority',
      'interpreter',
    ]);
  });

  it('an offer without languages is taken to be in Danish', () => {
    expect(scoreOf(ar, offer({ languages: [] }))).toBe(
      DEFAULT_MATCH_WEIGHTS.priority - DEFAULT_MATCH_WEIGHTS.languageMissing,
    );
  });
});

describe('distance', () => {
  it('gives meters and km for the message, for offers one goes to', () => {
    expect(reason(one(citizen(), offer({ distanceMeters: 1234 })), 'distance')?.values).toEqual({
      meters: 1234,
      km: 1.2,
    });
    expect(
      reason(one(citizen(), offer({ mode: 'both', distanceMeters: 800 })), 'distance')?.values,
    ).toEqual({ meters: 800, km: 0.8 });
  });

  it('nearer scores higher, smoothly: full weight at 0 km, half at the half distance', () => {
    const scores = [0, 500, 1000, 2000, 5000, 10_000, 25_000].map(
      (d) => scoreOf(citizen(), offer({ distanceMeters: d })) - DEFAULT_MATCH_WEIGHTS.priority,
    );
    expect(scores[0]).toBeCloseTo(DEFAULT_MATCH_WEIGHTS.distance);
    expect(
      scoreOf(citizen(), offer({ distanceMeters: DISTANCE_HALF_KM * 1000 })) -
        DEFAULT_MATCH_WEIGHTS.priority,
    ).toBeCloseTo(DEFAULT_MATCH_WEIGHTS.distance / 2, 2);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1] ?? 0);
    expect(scores.at(-1)).toBeGreaterThan(0);
  });

  it('online-only offers and unknown distances get no distance reason', () => {
    expect(codes(one(citizen(), offer({ mode: 'online', distanceMeters: 300 })))).not.toContain(
      'distance',
    );
    expect(codes(one(citizen(), offer({ distanceMeters: null })))).not.toContain('distance');
  });
});

describe('cost, children, transport, newcomers', () => {
  it('free gives "free"; a citizen short of money gets a bigger bonus and paid offers a penalty', () => {
    const free = offer({ free: true, price_dkk: null });
    const paid = offer({ free: false, price_dkk: 300 });
    const w = DEFAULT_MATCH_WEIGHTS;
    expect(codes(one(citizen(), free))).toContain('free');
    expect(codes(one(citizen(), paid))).not.toContain('free');
    const money = citizen({ socialNeeds: ['money'] });
    expect(scoreOf(citizen(), free) - scoreOf(citizen(), paid)).toBe(w.free);
    expect(scoreOf(money, free) - scoreOf(money, paid)).toBe(w.free + 2 * w.moneyNeed);
  });

  it('children welcome or childcare gives "children" when the citizen brings children', () => {
    const c = citizen({ bringsChildren: true });
    expect(codes(one(c, offer({ children_welcome: true })))).toContain('children');
    expect(codes(one(c, offer({ childcare: true })))).toContain('children');
    expect(codes(one(c, offer()))).not.toContain('children');
    expect(codes(one(citizen(), offer({ children_welcome: true })))).not.toContain('children');
  });

  it('transport help counts for a citizen with a transport need', () => {
    expect(
      codes(one(citizen({ socialNeeds: ['transport'] }), offer({ transport_help: true }))),
    ).toContain('transportHelp');
    expect(codes(one(citizen(), offer({ transport_help: true })))).not.toContain('transportHelp');
  });

  it('"newcomers" for a citizen reading another language or severely lonely', () => {
    const o = offer({ welcomes_newcomers: true });
    expect(codes(one(citizen({ language: 'uk' }), o))).toContain('newcomers');
    expect(codes(one(citizen({ severeLoneliness: true }), o))).toContain('newcomers');
    expect(codes(one(citizen(), o))).not.toContain('newcomers');
  });
});

describe('support level', () => {
  const hh = citizen({ support: 'handHeld', arena: 'job_centre' });

  it('hand-held: individual, named contact and the same arena each give a reason and a bonus', () => {
    const m = one(
      hh,
      offer({ offer_type: 'individual', contact_name: 'Fatima Ali', arena: 'job_centre' }),
    );
    expect(m?.reasons.slice(1)).toEqual([
      { code: 'individual', values: {} },
      { code: 'namedContact', values: {} },
      { code: 'sameArena', values: { arena: 'job_centre' } },
    ]);
    const w = DEFAULT_MATCH_WEIGHTS;
    expect(m?.score).toBe(w.priority + w.individual + w.namedContact + w.sameArena);
    expect(codes(one(hh, offer({ contact_name: '  ' })))).toEqual(['priority']);
  });

  it('hand-held: online-only offers are left out unless the citizen asks; asked for, penalised', () => {
    expect(one(hh, offer({ mode: 'online' }))).toBeUndefined();
    expect(one({ ...hh, wantsDigital: false }, offer({ mode: 'online' }))).toBeUndefined();
    // An offer that can also be attended in person stays.
    expect(one(hh, offer({ mode: 'both' }))).toBeDefined();
    const asked = { ...hh, wantsDigital: true };
    expect(scoreOf(asked, offer({ mode: 'online' }))).toBe(
      DEFAULT_MATCH_WEIGHTS.priority - DEFAULT_MATCH_WEIGHTS.onlineForHandHeld,
    );
    expect(codes(one(asked, offer({ mode: 'online' })))).not.toContain('online');
  });

  it('guided and self-help citizens still get online-only offers', () => {
    expect(one(citizen({ support: 'guided' }), offer({ mode: 'online' }))).toBeDefined();
    expect(one(citizen({ support: 'selfHelp' }), offer({ mode: 'online' }))).toBeDefined();
  });

  it('self-help: online and self-start offers', () => {
    const sh = citizen({ support: 'selfHelp' });
    expect(
      codes(one(sh, offer({ mode: 'online', offer_type: 'individual', contact_name: 'A' }))),
    ).toEqual(['priority', 'online']);
    expect(
      codes(one(sh, offer({ mode: 'both', offer_type: 'structural', contact_name: 'A' }))),
    ).toEqual(['priority', 'online', 'selfStart']);
    expect(codes(one(sh, offer({ offer_type: 'group', contact_name: '' })))).toEqual([
      'priority',
      'selfStart',
    ]);
    // A group with a named contact to call first is not "come as you are".
    expect(codes(one(sh, offer({ offer_type: 'group', contact_name: 'Bo' })))).toEqual([
      'priority',
    ]);
    // Self-help citizens get no hand-held reasons.
    expect(
      codes(one(sh, offer({ offer_type: 'individual', contact_name: 'Bo', arena: 'job_centre' }))),
    ).toEqual(['priority']);
  });

  it('guided sits between: hand-held reasons at half weight, no online penalty, no self-help bonus', () => {
    const g = citizen({ support: 'guided' });
    const w = DEFAULT_MATCH_WEIGHTS;
    const m = one(g, offer({ offer_type: 'individual', contact_name: 'Bo', arena: 'job_centre' }));
    expect(codes(m)).toEqual(['priority', 'individual', 'namedContact', 'sameArena']);
    expect(m?.score).toBe(w.priority + (w.individual + w.namedContact + w.sameArena) / 2);
    expect(codes(one(g, offer({ mode: 'online' })))).toEqual(['priority']);
    expect(scoreOf(g, offer({ mode: 'online' }))).toBe(w.priority);
  });
});

describe('schedule', () => {
  const tue = (starts_at: string) => ({ weekday: 2, starts_at, ends_at: '23:00' });

  it('times of day: morgen before 12, eftermiddag 12:00-16:59, aften from 17', () => {
    expect(['08:00', '11:59', '12:00', '16:59', '17:00', '21:30'].map(timeOfDay)).toEqual([
      'morgen',
      'morgen',
      'eftermiddag',
      'eftermiddag',
      'aften',
      'aften',
    ]);
  });

  it('a meeting on an available day and time gives "schedule"; none gives a penalty; no schedules is neutral', () => {
    const c = citizen({ availability: { days: [2, 4], times: ['aften'] } });
    const w = DEFAULT_MATCH_WEIGHTS;
    const fits = one(c, offer({ schedules: [tue('10:00'), tue('17:30')] }));
    expect(codes(fits)).toEqual(['priority', 'schedule']);
    expect(fits?.score).toBe(w.priority + w.schedule);
    expect(
      scoreOf(
        c,
        offer({ schedules: [tue('10:00'), { weekday: 3, starts_at: '18:00', ends_at: '19:00' }] }),
      ),
    ).toBe(w.priority - w.scheduleMiss);
    expect(scoreOf(c, offer({ schedules: [] }))).toBe(w.priority);
  });

  it('only days or only times: the other is any', () => {
    expect(
      codes(
        one(
          citizen({ availability: { days: [2], times: [] } }),
          offer({ schedules: [tue('07:00')] }),
        ),
      ),
    ).toContain('schedule');
    expect(
      codes(
        one(
          citizen({ availability: { days: [], times: ['morgen'] } }),
          offer({ schedules: [tue('07:00')] }),
        ),
      ),
    ).toContain('schedule');
  });

  it('no availability given: neutral', () => {
    expect(scoreOf(citizen(), offer({ schedules: [tue('07:00')] }))).toBe(
      DEFAULT_MATCH_WEIGHTS.priority,
    );
  });
});

describe('ordering', () => {
  it('reasons: fit, language, support level, distance, free, children, schedule, then others', () => {
    const c = citizen({
      priorities: ['activity'],
      riskFactors: ['smoking'],
      severeLoneliness: true,
      language: 'so',
      support: 'handHeld',
      bringsChildren: true,
      socialNeeds: ['transport'],
      availability: { days: [1], times: [] },
    });
    const o = offer({
      topics: ['community', 'smoking', 'physical_activity'],
      languages: ['so'],
      offer_type: 'individual',
      contact_name: 'Bo',
      arena: 'job_centre',
      distanceMeters: 900,
      free: true,
      children_welcome: true,
      transport_help: true,
      welcomes_newcomers: true,
      schedules: [{ weekday: 1, starts_at: '10:00', ends_at: '11:00' }],
    });
    expect(codes(one(c, o))).toEqual([
      'priority',
      'riskFactor',
      'community',
      'language',
      'individual',
      'namedContact',
      'sameArena',
      'distance',
      'free',
      'children',
      'schedule',
      'transportHelp',
      'newcomers',
    ]);
  });

  it('equal scores: nearest first, unknown distance last, then title in Danish order', () => {
    // Equal score needs equal distance bonus, so compare distance only where both are unknown or equal.
    const ms = matchOffers(citizen(), [
      offer({ id: 'a', title: 'Åbent hus' }),
      offer({ id: 'b', title: 'Zumba' }),
      offer({ id: 'c', title: 'Ældreklub' }),
      offer({ id: 'd', title: 'Bold' }),
    ]);
    expect(titles(ms)).toEqual(['Bold', 'Zumba', 'Ældreklub', 'Åbent hus']);
    // A zero distance weight makes near and far score alike; distance still breaks the tie.
    const flat = MatchWeights.parse({ distance: 0 });
    const ms2 = matchOffers(
      citizen(),
      [
        offer({ id: 'x', title: 'A', distanceMeters: null }),
        offer({ id: 'y', title: 'B', distanceMeters: 5000 }),
        offer({ id: 'z', title: 'C', distanceMeters: 1000 }),
      ],
      flat,
    );
    expect(titles(ms2)).toEqual(['C', 'B', 'A']);
  });

  it('is deterministic: any input order gives the same result', () => {
    const catalog = scenarioCatalog();
    const c = scenarioCitizen();
    const first = matchOffers(c, catalog);
    for (let k = 1; k < catalog.length; k++) {
      const rotated = [...catalog.slice(k), ...catalog.slice(0, k)];
      expect(matchOffers(c, rotated)).toEqual(first);
      expect(matchOffers(c, rotated.reverse())).toEqual(first);
    }
  });

  it('limits to 10 by default, or as asked', () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      offer({ id: `o${i}`, title: `Hold ${String(i).padStart(2, '0')}` }),
    );
    expect(matchOffers(citizen(), many)).toHaveLength(10);
    expect(matchOffers(citizen(), many, undefined, { limit: 3 }).map((m) => m.offer.id)).toEqual([
      'o0',
      'o1',
      'o2',
    ]);
  });
});

describe('weights', () => {
  it('defaults are all in [0, 10] and a municipality passes only what it changes', () => {
    for (const v of Object.values(DEFAULT_MATCH_WEIGHTS)) expect(v >= 0 && v <= 10).toBe(true);
    expect(MatchWeights.parse({ distance: 6 })).toEqual({ ...DEFAULT_MATCH_WEIGHTS, distance: 6 });
  });

  it('rejects out-of-range values, unknown keys, and a risk factor outweighing a chosen priority', () => {
    expect(() => MatchWeights.parse({ free: 11 })).toThrow();
    expect(() => MatchWeights.parse({ free: -1 })).toThrow();
    expect(() => MatchWeights.parse({ distanse: 3 })).toThrow();
    expect(() => MatchWeights.parse({ priority: 2, riskFactor: 2 })).toThrow(/priority/);
    expect(() =>
      matchOffers(citizen(), [offer()], { ...DEFAULT_MATCH_WEIGHTS, free: 42 }),
    ).toThrow();
  });

  it('changing one weight changes the order', () => {
    const near = offer({ title: 'Nær, betaler', distanceMeters: 300 });
    const free = offer({ title: 'Gratis, længere væk', distanceMeters: 8000, free: true });
    expect(titles(matchOffers(citizen(), [near, free]))).toEqual([
      'Nær, betaler',
      'Gratis, længere væk',
    ]);
    expect(titles(matchOffers(citizen(), [near, free], MatchWeights.parse({ free: 5 })))).toEqual([
      'Gratis, længere væk',
      'Nær, betaler',
    ]);
  });
});

/** A hand-held Arabic reader at the job centre who wants to move more and is lonely. */
function scenarioCitizen(): MatchCitizen {
  return citizen({
    priorities: ['activity'],
    riskFactors: ['inactivity', 'smoking'],
    severeLoneliness: true,
    socialNeeds: ['money'],
    support: 'handHeld',
    language: 'ar',
    interpreterNeeded: true,
    arena: 'job_centre',
    age: 42,
  });
}

function scenarioCatalog(): MatchOffer[] {
  return [
    offer({
      id: 'walk',
      title: 'Gåtur med Samira',
      topics: ['physical_activity', 'community'],
      languages: ['da', 'ar'],
      offer_type: 'group',
      contact_name: 'Samira Haddad',
      arena: 'job_centre',
      free: true,
      price_dkk: null,
      distanceMeters: 400,
      welcomes_newcomers: true,
    }),
    offer({
      id: 'coach',
      title: 'Sundhedscoach på jobcentret',
      topics: ['physical_activity', 'smoking'],
      offer_type: 'individual',
      interpreter_available: true,
      contact_name: 'Mette Holm',
      arena: 'job_centre',
      free: true,
      price_dkk: null,
      distanceMeters: 1200,
    }),
    offer({
      id: 'cafe',
      title: 'Kvindecafé',
      topics: ['community', 'loneliness'],
      languages: ['ar', 'da'],
      contact_name: 'Nour',
      arena: 'housing_area',
      free: true,
      price_dkk: null,
      distanceMeters: 2100,
      welcomes_newcomers: true,
    }),
    offer({
      id: 'stop',
      title: 'Rygestop i grupper',
      topics: ['smoking'],
      interpreter_available: true,
      contact_name: 'Jens',
      arena: 'health_centre',
      free: true,
      price_dkk: null,
      distanceMeters: 3500,
    }),
    offer({
      id: 'swim',
      title: 'Svømning for kvinder',
      topics: ['physical_activity'],
      languages: ['da'],
      arena: 'association',
      free: false,
      price_dkk: 200,
      distanceMeters: 5000,
    }),
    offer({
      id: 'app',
      title: 'Træn hjemme-app',
      topics: ['physical_activity'],
      mode: 'online',
      languages: ['da', 'ar', 'en'],
      offer_type: 'structural',
      free: true,
      price_dkk: null,
    }),
    offer({
      id: 'park',
      title: 'Udendørs fitness i parken',
      topics: ['physical_activity'],
      offer_type: 'structural',
      free: true,
      price_dkk: null,
      distanceMeters: 900,
    }),
    offer({
      id: 'diet',
      title: 'Madklub',
      topics: ['diet'],
      languages: ['ar'],
      contact_name: 'Ali',
      free: true,
      price_dkk: null,
      distanceMeters: 700,
    }),
    offer({
      id: 'far',
      title: 'Motion langt væk',
      topics: ['physical_activity'],
      languages: ['ar'],
      free: true,
      price_dkk: null,
      distanceMeters: 40_000,
    }),
    offer({
      id: 'youth',
      title: 'Ungeidræt',
      topics: ['physical_activity'],
      interpreter_available: true,
      free: true,
      price_dkk: null,
      max_age: 25,
      distanceMeters: 600,
    }),
  ];
}

describe('Done when: the hand-held Arabic reader', () => {
  it('gets at least five explained suggestions, led by Arabic or interpreter, individual or named contact, near, free offers', () => {
    const ms = matchOffers(scenarioCitizen(), scenarioCatalog());
    expect(ms.length).toBeGreaterThanOrEqual(5);
    // Excluded: no fit (diet), too far (in person, 40 km), too old (youth).
    expect(ms.map((m) => m.offer.id).some((id) => ['diet', 'far', 'youth'].includes(id))).toBe(
      false,
    );
    for (const m of ms) expect(m.reasons.length).toBeGreaterThan(0);
    for (const m of ms.slice(0, 3)) {
      const c = codes(m) ?? [];
      expect(c.some((x) => x === 'language' || x === 'interpreter')).toBe(true);
      expect(c.some((x) => x === 'individual' || x === 'namedContact')).toBe(true);
      expect(c).toContain('distance');
      expect(c).toContain('free');
    }
    expect(ms[0]?.offer.id).toBe('walk');
    expect(ms[0]?.reasons).toEqual([
      { code: 'priority', values: { goal: 'activity' } },
      { code: 'community', values: {} },
      { code: 'language', values: { language: 'ar' } },
      { code: 'namedContact', values: {} },
      { code: 'sameArena', values: { arena: 'job_centre' } },
      { code: 'distance', values: { meters: 400, km: 0.4 } },
      { code: 'free', values: {} },
      { code: 'newcomers', values: {} },
    ]);
    // The paid, Danish-only swim comes last.
    expect(ms.at(-1)?.offer.id).toBe('swim');
  });
});

describe('fittingTopics', () => {
  it('names exactly the topics that can give an offer a fit reason', () => {
    expect(
      fittingTopics({
        priorities: ['activity', 'socialNeeds'],
        riskFactors: ['smoking'],
        severeLoneliness: true,
      }),
    ).toEqual(['community', 'loneliness', 'physical_activity', 'smoking']);
    expect(fittingTopics({ priorities: [], riskFactors: [], severeLoneliness: false })).toEqual([]);
  });
});
