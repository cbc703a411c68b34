import { describe, expect, it } from 'vitest';
import {
  ageBand,
  buildOverview,
  caseState,
  defaultPeriod,
  falloutCounts,
  funnelCounts,
  groupCounts,
  languageGroup,
  NONE,
  OUTREACH_EVENTS,
  readPeriod,
  referralStep,
  periodBounds,
  type CaseFact,
  type ReferralFact,
  type Shown,
  type ShownCases,
} from './overview.ts';

const person = {
  sex: 'female' as const,
  age: 40,
  preferredLanguage: 'da',
  interpreterNeeded: false,
  offerId: 'o1',
  offerTitle: 'Gåtur',
  arena: 'health_centre',
};

const referral = (over: Partial<ReferralFact> = {}): ReferralFact => ({
  ...person,
  answered: false,
  reached: false,
  started: false,
  completed: false,
  ...over,
});

const kase = (over: Partial<CaseFact> = {}): CaseFact => ({
  ...person,
  reason: 'missed_sessions',
  status: 'open',
  outcome: null,
  ...over,
});

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);
const count = (value: number): Shown => ({ kind: 'count', value });
const FEW: Shown = { kind: 'few' };
const HIDDEN: Shown = { kind: 'hidden' };

describe('the funnel from rows', () => {
  it('nests the steps whatever the record says', () => {
    expect(referralStep(referral())).toBe('received');
    expect(referralStep(referral({ answered: true }))).toBe('answered');
    // Attendance recorded without contact: the citizen was reached.
    expect(referralStep(referral({ started: true }))).toBe('started');
    expect(referralStep(referral({ completed: true }))).toBe('completed');
  });

  it('counts how many reached each step', () => {
    const rows = [
      referral(),
      referral({ answered: true }),
      referral({ answered: true, reached: true }),
      referral({ started: true }),
      referral({ answered: true, reached: true, started: true, completed: true }),
    ];
    expect(funnelCounts(rows)).toEqual({
      received: 5,
      answered: 4,
      reached: 3,
      started: 2,
      completed: 1,
    });
  });
});

describe('fall-out and groups from rows', () => {
  it('maps reasons to steps and cases to states', () => {
    const f = falloutCounts([
      kase({ reason: 'referral_unanswered' }),
      kase({ reason: 'missed_sessions', status: 'closed', outcome: 'reengaged' }),
      kase({ reason: 'cancelled_no_new_time', status: 'closed', outcome: 'declined' }),
      kase({ reason: 'rejected_no_alternative', status: 'closed', outcome: null }),
    ]);
    expect(f.not_answered).toMatchObject({ cases: 1, open: 1 });
    expect(f.dropped_out).toMatchObject({ cases: 2, reengaged: 1, declined: 1 });
    expect(f.rejected).toMatchObject({ cases: 1, unrecorded: 1 });
    expect(f.handheld.cases).toBe(0);
    expect(caseState({ status: 'closed', outcome: 'unreachable' })).toBe('unreachable');
    expect(caseState({ status: 'open', outcome: null })).toBe('open');
  });

  it('bands age, language and interpreter from the record', () => {
    expect([29, 30, 49, 50, 64, 65, null].map(ageBand)).toEqual([
      '0-29',
      '30-49',
      '30-49',
      '50-64',
      '50-64',
      '65+',
      NONE,
    ]);
    expect(languageGroup({ preferredLanguage: 'da', interpreterNeeded: false })).toBe('da');
    expect(languageGroup({ preferredLanguage: 'ar', interpreterNeeded: false })).toBe('other');
    expect(languageGroup({ preferredLanguage: 'ar', interpreterNeeded: true })).toBe('interpreter');
  });

  it('groups referrals and cases, fixed categories first and "none" last', () => {
    const sex = groupCounts(
      'sex',
      [referral({ sex: null }), referral({ sex: 'male' })],
      [kase({ sex: 'male' })],
    );
    expect(sex.map((g) => [g.key, g.referrals, g.cases])).toEqual([
      ['female', 0, 0],
      ['male', 1, 1],
      [NONE, 1, 0],
    ]);
    const offers = groupCounts(
      'offer',
      [
        referral({ offerId: 'b', offerTitle: 'Yoga' }),
        referral({ offerId: 'a', offerTitle: 'Boksning' }),
      ],
      [kase({ offerId: null, offerTitle: null })],
    );
    expect(offers.map((g) => g.title ?? g.key)).toEqual(['Boksning', 'Yoga', NONE]);
  });
});

describe('suppression of the overview', () => {
  it('shows counts of five and more, and shares where both are shown', () => {
    const rows = [
      ...times(20, () => referral({ answered: true, reached: true })),
      ...times(10, () => referral({ answered: true })),
      ...times(10, () => referral()),
    ];
    const o = buildOverview(rows, []);
    expect(o.funnel.slice(0, 3).map((r) => r.count)).toEqual([count(40), count(30), count(20)]);
    expect(o.funnel[1]!.share).toBe(0.75);
    expect(o.funnel[0]!.share).toBeNull();
  });

  it('hides a count of 1 to 4 and the share on it, and shows a zero', () => {
    const rows = [
      ...times(3, () => referral({ answered: true, reached: true })),
      ...times(7, () => referral({ answered: true })),
      ...times(5, () => referral()),
    ];
    const o = buildOverview(rows, []);
    expect(o.funnel.map((r) => r.count)).toEqual([count(15), count(10), FEW, count(0), count(0)]);
    expect(o.funnel[2]!.share).toBeNull();
    expect(o.funnel[3]!.share).toBe(0);
  });

  it('hides the complement that would give a small step drop away', () => {
    // 50 received, 48 answered: 2 not answered must not follow from 50 − 48.
    const rows = [
      ...times(30, () =>
        referral({ answered: true, reached: true, started: true, completed: true }),
      ),
      ...times(18, () => referral({ answered: true, reached: true, started: true })),
      ...times(2, () => referral()),
    ];
    const o = buildOverview(rows, []);
    const step = (s: string) => o.funnel.find((r) => r.step === s)!.count;
    expect(step('received')).toEqual(count(50));
    expect(step('answered')).toEqual(HIDDEN);
    // answered (48) = reached (48) + 0 lost: reached hides too, or answered follows from it.
    expect(step('reached')).not.toEqual(count(48));
  });

  it('hides a complement in a row: cases = outcomes + open', () => {
    const cases = [
      ...times(10, () => kase({ status: 'closed', outcome: 'reengaged' })),
      ...times(6, () => kase({ status: 'closed', outcome: 'declined' })),
      ...times(3, () => kase({ status: 'closed', outcome: 'unreachable' })),
      ...times(7, () => kase()),
    ];
    const o = buildOverview([], cases);
    const dropped = o.fallout.find((f) => f.step === 'dropped_out')!.cases;
    expect(dropped.cases).toEqual(count(26));
    expect(dropped.unreachable).toEqual(FEW);
    // The next smallest part of the row (6 declined) goes as the complement.
    expect(dropped.declined).toEqual(HIDDEN);
    expect(dropped.reengaged).toEqual(count(10));
    expect(dropped.reengagedShare).toBeCloseTo(10 / 26);
    // The total row is the same row here (one step only): the same cells hidden.
    expect(o.total.unreachable).toEqual(FEW);
    expect(o.total.declined).toEqual(HIDDEN);
  });

  it('protects a small group across the groups and the total', () => {
    const cases = [
      ...times(12, () => kase({ sex: 'female', status: 'closed', outcome: 'reengaged' })),
      ...times(2, () => kase({ sex: 'male', status: 'closed', outcome: 'reengaged' })),
      ...times(9, () => kase({ sex: 'male' })),
    ];
    const o = buildOverview([], cases);
    const sex = o.groups.find((g) => g.dimension === 'sex')!.rows;
    const male = sex.find((r) => r.key === 'male')!;
    const female = sex.find((r) => r.key === 'female')!;
    expect(male.reengaged).toEqual(FEW);
    // Shown beside the total (14 brought back), the women's 12 would give the men's 2 away.
    expect([female.reengaged, o.total.reengaged]).toContainEqual(HIDDEN);
    expect(male.reengagedShare).toBeNull();
  });

  it('never shows a closed case with no outcome, and protects it when small', () => {
    const cases = [
      ...times(10, () => kase({ status: 'closed', outcome: 'reengaged' })),
      ...times(10, () => kase({ status: 'closed', outcome: 'declined' })),
      ...times(10, () => kase({ status: 'closed', outcome: 'unreachable' })),
      ...times(10, () => kase()),
      ...times(1, () => kase({ status: 'closed', outcome: null })),
    ];
    const o = buildOverview([], cases);
    const row = o.fallout.find((f) => f.step === 'dropped_out')!.cases;
    expect(row.cases).toEqual(count(41));
    // 41 − 40 = 1 would follow: one of the parts is hidden as its complement.
    const parts = [row.reengaged, row.declined, row.unreachable, row.open];
    expect(parts.filter((p) => p.kind === 'hidden')).toHaveLength(1);
  });

  it('shows an empty overview as zeros and counts what it hid', () => {
    const empty = buildOverview([], []);
    expect(empty.hidden).toEqual({ few: 0, complementary: 0 });
    expect(empty.total.cases).toEqual(count(0));
    const o = buildOverview(
      [],
      [...times(3, () => kase()), ...times(9, () => kase({ sex: 'male' }))],
    );
    expect(o.hidden.few).toBeGreaterThan(0);
    expect(o.hidden.complementary).toBeGreaterThan(0);
  });
});

describe('suppression over many random municipalities', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const offers = Array.from({ length: 12 }, (_, i) => ({
    id: `o${i}`,
    title: `Tilbud ${i}`,
    arena: pick(['job_centre', 'housing_area', 'health_centre', 'online']),
  }));
  const somebody = () => {
    const o = rnd() < 0.2 ? null : pick(offers);
    return {
      sex: pick(['female', 'male', null] as const),
      age: Math.floor(rnd() * 90),
      preferredLanguage: pick(['da', 'da', 'ar']),
      interpreterNeeded: rnd() < 0.1,
      offerId: o?.id ?? null,
      offerTitle: o?.title ?? null,
      arena: o?.arena ?? null,
    };
  };
  const isHidden = (s: Shown) => s.kind !== 'count';
  const lone = (cells: readonly Shown[]) => cells.filter(isHidden).length === 1;

  it('never leaves a hidden figure alone in a row or column', () => {
    for (let run = 0; run < 40; run++) {
      const refs = times(Math.floor(rnd() * 200), () => {
        const a = rnd();
        return referral({
          ...somebody(),
          answered: a < 0.9,
          reached: a < 0.8,
          started: a < 0.6,
          completed: a < 0.4,
        });
      });
      const cases = times(Math.floor(rnd() * 60), () => {
        const open = rnd() < 0.3;
        return kase({
          ...somebody(),
          reason: pick(OUTREACH_EVENTS),
          status: open ? 'open' : 'closed',
          outcome: open ? null : pick(['reengaged', 'declined', 'unreachable'] as const),
        });
      });
      const o = buildOverview(refs, cases);
      const row = (c: ShownCases) => [c.cases, c.reengaged, c.declined, c.unreachable, c.open];
      const tables = [o.fallout.map((f) => f.cases), ...o.groups.map((g) => g.rows)];
      for (const rows of tables) {
        for (const r of [...rows, o.total]) expect(lone(row(r))).toBe(false);
        for (let col = 0; col < 5; col++)
          expect(lone([...rows, o.total].map((r) => row(r)[col]!))).toBe(false);
      }
      for (const g of o.groups)
        expect(lone([...g.rows.map((r) => r.referrals), o.funnel[0]!.count])).toBe(false);
      // Hidden shares: none rests on a hidden figure.
      for (const f of o.funnel)
        if (f.share !== null)
          expect(f.count.kind === 'count' && o.funnel[0]!.count.kind === 'count').toBe(true);
    }
  });
});

describe('the period', () => {
  const now = new Date('2025-03-15T12:00:00Z');

  it('defaults to the last twelve months', () => {
    expect(defaultPeriod(now)).toEqual({ from: '2024-04', to: '2025-03' });
    expect(readPeriod({}, now)).toMatchObject({
      ok: true,
      period: { from: '2024-04', to: '2025-03' },
    });
    // New Year's Eve at 23:30 UTC is January in Copenhagen.
    expect(defaultPeriod(new Date('2024-12-31T23:30:00Z')).to).toBe('2025-01');
  });

  it('takes months and names the field in error', () => {
    expect(readPeriod({ fra: '2024-01', til: '2024-06' }, now)).toMatchObject({
      ok: true,
      period: { from: '2024-01', to: '2024-06' },
    });
    expect(readPeriod({ fra: '2024-1' }, now)).toMatchObject({
      ok: false,
      problems: [{ path: 'fra', message: 'outreach.overview.error.fromFormat' }],
    });
    expect(readPeriod({ fra: '2024-06', til: '2024-01' }, now)).toMatchObject({
      ok: false,
      problems: [{ path: 'til', message: 'outreach.overview.error.order' }],
    });
    expect(readPeriod({ fra: '2000-01', til: '2024-01' }, now)).toMatchObject({
      ok: false,
      problems: [{ path: 'fra', message: 'outreach.overview.error.tooLong' }],
    });
    expect(readPeriod({ fra: ['x'] }, now)).toMatchObject({ ok: true });
  });

  it('gives the bounds as local dates, the end exclusive', () => {
    expect(periodBounds({ from: '2024-01', to: '2024-12' })).toEqual({
      start: '2024-01-01',
      end: '2025-01-01',
    });
  });
});
