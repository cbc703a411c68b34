import { describe, expect, it } from 'vitest';
import {
  approxPeople,
  describeSkipped,
  rankPriorities,
  gapToBest,
  skipReason,
  type PriorityCandidate,
} from './priority.ts';

const smoking = (over: Partial<PriorityCandidate> = {}): PriorityCandidate => ({
  indicatorKey: 'dagligryger',
  indicatorLabel: { da: 'Ryger dagligt', en: 'Smokes daily' },
  phrase: { da: 'ryger dagligt', en: 'smoke daily' },
  favourable: false,
  dimensionKey: 'uddannelse',
  dimensionLabel: { da: 'Uddannelse', en: 'Education' },
  groupLabel: { da: 'Grundskole', en: 'Primary school' },
  bestGroupLabel: { da: 'Lang videregående', en: 'Long-cycle higher education' },
  areaCode: '265',
  areaName: 'Roskilde',
  year: 2021,
  groupEstimate: 28,
  groupLower: 25,
  groupUpper: 31,
  bestEstimate: 7,
  bestLower: 5.5,
  bestUpper: 8.5,
  settingAverage: 14,
  groupPopulation: 9_130,
  suppressed: false,
  ...over,
});

const goodHealth = (over: Partial<PriorityCandidate> = {}): PriorityCandidate =>
  smoking({
    indicatorKey: 'godt_helbred',
    indicatorLabel: { da: 'Godt selvvurderet helbred', en: 'Good self-rated health' },
    phrase: { da: 'vurderer eget helbred som godt', en: 'rate their own health as good' },
    favourable: true,
    dimensionKey: 'arbejdsmarked',
    dimensionLabel: { da: 'Arbejdsmarkedstilknytning', en: 'Labour-market status' },
    groupLabel: { da: 'Kontanthjælp', en: 'Social assistance' },
    bestGroupLabel: { da: 'Beskæftiget', en: 'Employed' },
    groupEstimate: 55,
    groupLower: 50,
    groupUpper: 60,
    bestEstimate: 85,
    bestLower: 84,
    bestUpper: 86,
    groupPopulation: 3_000,
    ...over,
  });

describe('gapToBest', () => {
  it('is positive when the group is worse off, for adverse and favourable indicators', () => {
    expect(gapToBest(smoking())).toBe(21);
    expect(gapToBest(goodHealth())).toBe(30);
    expect(gapToBest(smoking({ groupEstimate: 5 }))).toBe(-2);
  });
});

describe('rankPriorities', () => {
  it('ranks by people concerned, then by the gap', () => {
    const a = smoking({ areaCode: 'a', areaName: 'A', groupPopulation: 1_000 }); // 21 pp -> 210
    const b = goodHealth({ areaCode: 'b', areaName: 'B', groupPopulation: 1_000 }); // 30 pp -> 300
    const c = smoking({ areaCode: 'c', areaName: 'C', groupPopulation: 10_000 }); // 21 pp -> 2,100
    // Same people as a (210) with a larger gap: ranked above a.
    const d = smoking({
      areaCode: 'd',
      areaName: 'D',
      groupEstimate: 37,
      groupLower: 33,
      groupUpper: 41,
      groupPopulation: 700,
    });
    const { rows, skipped } = rankPriorities([a, b, c, d]);
    expect(rows.map((r) => [r.rank, r.areaCode])).toEqual([
      [1, 'c'],
      [2, 'b'],
      [3, 'd'],
      [4, 'a'],
    ]);
    expect(rows[0]?.people).toBeCloseTo(2_100, 6);
    expect(rows[2]?.gap).toBe(30);
    expect(rows[2]?.people).toBeCloseTo(rows[3]?.people ?? 0, 6);
    expect(skipped).toEqual({ suppressed: 0, 'no-gap': 0, overlap: 0 });
  });

  it('skips suppressed figures, unclear gaps and no gap, and counts why', () => {
    const cands = [
      smoking({ areaCode: 'ok' }),
      smoking({ areaCode: 's', suppressed: true }),
      smoking({ areaCode: 'o1', groupLower: 8, groupEstimate: 12, groupUpper: 16 }), // touches 8.5
      smoking({ areaCode: 'o2', groupLower: 8.5, groupEstimate: 12, groupUpper: 16 }), // touches at the limit
      smoking({ areaCode: 'best', groupEstimate: 7, groupLower: 5.5, groupUpper: 8.5 }),
      goodHealth({ areaCode: 'better', groupEstimate: 90, groupLower: 88, groupUpper: 92 }),
    ];
    expect(skipReason(cands[2] ?? smoking())).toBe('overlap');
    const { rows, skipped } = rankPriorities(cands);
    expect(rows.map((r) => r.areaCode)).toEqual(['ok']);
    expect(skipped).toEqual({ suppressed: 1, 'no-gap': 2, overlap: 2 });
  });

  it('keeps the top rows with a limit but counts every skipped candidate', () => {
    const cands = [1, 2, 3, 4, 5, 6].map((i) =>
      smoking({ areaCode: `${i}`, groupPopulation: i * 1000 }),
    );
    const { rows, skipped } = rankPriorities([...cands, smoking({ suppressed: true })], 5);
    expect(rows.map((r) => r.areaCode)).toEqual(['6', '5', '4', '3', '2']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(skipped.suppressed).toBe(1);
  });

  it('orders exact ties the same way every time', () => {
    const x = smoking({ areaCode: 'x' });
    const y = smoking({ areaCode: 'y' });
    expect(rankPriorities([y, x]).rows.map((r) => r.areaCode)).toEqual(['x', 'y']);
    expect(rankPriorities([x, y]).rows.map((r) => r.areaCode)).toEqual(['x', 'y']);
  });
});

describe('explanations', () => {
  it('explains an adverse gap in Danish and English, people rounded to two significant figures', () => {
    // 21 pp of 9,130 = 1,917.3 -> "1.900" / "1,900"
    const [row] = rankPriorities([smoking()]).rows;
    expect(row?.explanation.da).toBe(
      'I Roskilde er det 28 % af borgerne i gruppen »Grundskole« (uddannelse), der ryger dagligt, ' +
        'mod 7 % i gruppen »Lang videregående«. Med samme andel ville der være omkring 1.900 færre, der ryger dagligt.',
    );
    expect(row?.explanation.en).toBe(
      'In Roskilde, 28% of people in the group ‘Primary school’ (education) smoke daily, ' +
        'against 7% in the group ‘Long-cycle higher education’. At the same rate, about 1,900 fewer people would smoke daily.',
    );
  });

  it('says "flere"/"more" for a favourable indicator', () => {
    const [row] = rankPriorities([goodHealth()]).rows;
    expect(row?.explanation.da).toBe(
      'I Roskilde er det 55 % af borgerne i gruppen »Kontanthjælp« (arbejdsmarkedstilknytning), der vurderer eget helbred som godt, ' +
        'mod 85 % i gruppen »Beskæftiget«. Med samme andel ville der være omkring 900 flere, der vurderer eget helbred som godt.',
    );
    expect(row?.explanation.en).toBe(
      'In Roskilde, 55% of people in the group ‘Social assistance’ (labour-market status) rate their own health as good, ' +
        'against 85% in the group ‘Employed’. At the same rate, about 900 more people would rate their own health as good.',
    );
  });

  it('formats large and small numbers without false precision', () => {
    const big = rankPriorities([smoking({ groupPopulation: 123_456 })]).rows[0]?.explanation; // 25,925.8
    expect(big?.da).toContain('omkring 26.000 færre');
    expect(big?.en).toContain('about 26,000 fewer');
    const small = rankPriorities([smoking({ groupPopulation: 451 })]).rows[0]?.explanation; // 94.7
    expect(small?.da).toContain('omkring 95 færre');
  });

  it('shows a decimal when whole percents would look equal', () => {
    const c = smoking({
      groupEstimate: 7.4,
      groupLower: 7.3,
      groupUpper: 7.5,
      bestEstimate: 6.6,
      bestLower: 6.5,
      bestUpper: 6.7,
    });
    const [row] = rankPriorities([c]).rows;
    expect(row?.explanation.da).toContain('er det 7,4 % af');
    expect(row?.explanation.da).toContain('mod 6,6 % i');
    expect(row?.explanation.en).toContain('7.4% of people');
  });
});

describe('approxPeople', () => {
  it('keeps two significant figures', () => {
    expect([1_937, 25_925.8, 94.7, 0.44, 0, Number.NaN].map(approxPeople)).toEqual([
      1_900, 26_000, 95, 0.44, 0, 0,
    ]);
  });
});

describe('describeSkipped', () => {
  it('names each reason with its count', () => {
    expect(describeSkipped({ suppressed: 3, overlap: 12, 'no-gap': 0 })).toEqual({
      da: 'Udeladt: 3 med for få svar og 12 hvor forskellen ikke er tydelig (sikkerhedsintervallerne overlapper).',
      en: 'Left out: 3 with too few responses and 12 where the gap is not clear (the confidence intervals overlap).',
    });
    expect(describeSkipped({ suppressed: 0, overlap: 0, 'no-gap': 0 }).da).toBe(
      'Ingen er udeladt.',
    );
    expect(describeSkipped({ suppressed: 1, overlap: 1, 'no-gap': 1000 }).da).toBe(
      'Udeladt: 1 med for få svar, 1 hvor forskellen ikke er tydelig (sikkerhedsintervallerne overlapper) og 1.000 uden forskel til den bedst stillede gruppe.',
    );
  });
});
