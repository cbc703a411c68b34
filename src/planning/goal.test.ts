import { describe, expect, it } from 'vitest';
import {
  goalSentence,
  goalState,
  higherIsBetter,
  pathValue,
  readGoalForm,
  recentTrend,
  validateGoalForm,
} from './goal.ts';

const baseline = { year: 2021, value: 27 };
const target = { year: 2030, value: 18 };

describe('the path', () => {
  it('runs straight from baseline to target, flat outside them', () => {
    expect(pathValue(baseline, target, 2021)).toBe(27);
    expect(pathValue(baseline, target, 2024)).toBeCloseTo(24);
    expect(pathValue(baseline, target, 2030)).toBe(18);
    expect(pathValue(baseline, target, 2035)).toBe(18);
  });
});

describe('the state of a wave', () => {
  const w = (value: number, lo: number, hi: number) => ({ value, lo, hi });
  it('lower is better (daily smoking): behind when the whole interval is above the path', () => {
    expect(goalState(w(27, 25.5, 28.5), 24, false)).toBe('behind');
    expect(goalState(w(22, 20, 23.5), 24, false)).toBe('ahead');
    expect(goalState(w(24.5, 23, 26), 24, false)).toBe('on_track');
  });
  it('higher is better (physical activity, reach): the mirror image', () => {
    expect(goalState(w(27, 25.5, 28.5), 24, true)).toBe('ahead');
    expect(goalState(w(22, 20, 23.5), 24, true)).toBe('behind');
    expect(goalState(w(24.5, 23, 26), 24, true)).toBe('on_track');
  });
  it('no data when hidden or missing', () => {
    expect(goalState(null, 24, false)).toBe('no_data');
    expect(goalState({ value: null, lo: null, hi: null, suppressed: true }, 24, false)).toBe(
      'no_data',
    );
  });
  it('gap goals: better is towards the target, whatever the sign', () => {
    expect(higherIsBetter('gap', { favourable: false, baseline: 20, target: 10 })).toBe(false);
    expect(higherIsBetter('gap', { favourable: false, baseline: -20, target: -10 })).toBe(true);
    // SII of -20 towards -10: a wave at -18 (-19.5 to -16.5) against a path of -15 is behind.
    expect(goalState(w(-18, -19.5, -16.5), -15, true)).toBe('behind');
    expect(higherIsBetter('level', { favourable: true, baseline: 0, target: 1 })).toBe(true);
    expect(higherIsBetter('reach', { favourable: false, baseline: 0.6, target: 1 })).toBe(true);
  });
});

describe('the sentence', () => {
  it('says where the goal stands, with the interval, in plain Danish', () => {
    const s = goalSentence({
      kind: 'level',
      measure: 'prevalence',
      subject: 'Andelen, der ryger dagligt, blandt gruppen »Grundskole«',
      latest: { year: 2024, value: 27, lo: 25.5, hi: 28.5, suppressed: false },
      pathValue: 24,
      state: 'behind',
      target,
    });
    expect(s).toContain('var 27,0 % i 2024 (95 % sikkerhedsinterval 25,5 % til 28,5 %)');
    expect(s).toContain('bagud');
    const none = goalSentence({
      kind: 'level',
      measure: 'prevalence',
      subject: 'Andelen',
      latest: { year: 2024, value: null, lo: null, hi: null, suppressed: true },
      pathValue: 24,
      state: 'no_data',
      target,
    });
    expect(none).toContain('for få svar');
  });
});

describe('Fingertips’ recent trend', () => {
  const pts = (n: number) => [10, 12, 14, 16, 18].map((value, i) => ({ year: 2015 + i, value, n }));
  it('matches a hand-computed chi-square for trend', () => {
    // n = 100 each: N 500, X 70, p 0.14, sum n t 1500, sum n t² 5500, sum x t 230:
    // (230 - 0.14 x 1500)² / (0.14 x 0.86 x (5500 - 1500²/500)) = 400 / 120.4 = 3.322
    const small = recentTrend(pts(100), false);
    expect(small.kind).toBe('no_change');
    expect(small.kind !== 'not_calculated' && small.chi2).toBeCloseTo(3.3223, 3);
    // n = 1000 each: 40000 / 1204 = 33.22, above 9.5495: increasing, and for smoking worse.
    const big = recentTrend(pts(1000), false);
    expect(big).toMatchObject({ kind: 'increasing', better: false });
    expect(big.kind !== 'not_calculated' && big.chi2).toBeCloseTo(33.223, 2);
  });
  it('could not be calculated with fewer than five points or a hidden one', () => {
    expect(recentTrend(pts(1000).slice(1), false).kind).toBe('not_calculated');
    const hidden = pts(1000).map((p, i) => (i === 2 ? { ...p, value: null } : p));
    expect(recentTrend(hidden, false).kind).toBe('not_calculated');
  });
});

describe('the form', () => {
  it('names the field of each problem', () => {
    const r = validateGoalForm(
      readGoalForm({ kind: 'level', indicator: '', targetValue: 'abc', targetYear: '2020' }),
      { year: 2025 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.path).sort()).toEqual([
        'indicator',
        'targetValue',
        'targetYear',
      ]);
  });
  it('reads Danish decimals', () => {
    const r = validateGoalForm(
      readGoalForm({
        kind: 'level',
        indicator: 'dagligryger',
        dimension: 'uddannelse',
        group: '1',
        targetValue: '18,5',
        targetYear: '2030',
      }),
      { year: 2025 },
    );
    expect(r.ok && r.input.targetValue).toBe(18.5);
  });
});
