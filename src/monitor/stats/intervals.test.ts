import { describe, expect, it } from 'vitest';
import {
  byars,
  chiSquareQuantile,
  countInterval,
  exactPoisson,
  normalQuantile,
  proportionEstimate,
  rateEstimate,
  rateInterval,
  regularizedGammaP,
  weightedPrevalence,
  wilson,
  zFor,
} from './intervals.ts';
// Upstream PHEindicatormethods test data, carried as a fixture (test/fixtures/phe/README.md).
import { pheSheet } from '../../../test/fixtures/phe/phe.ts';

/** Relative tolerance against upstream values (closed forms and exact Poisson alike). */
const REL = 1e-10; // everything in fact agrees to 1e-12

function expectClose(actual: number | null, expected: number, rel = REL): void {
  expect(actual).not.toBeNull();
  const a = actual ?? NaN;
  const err = Math.abs(a - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(err <= rel))
    throw new Error(`expected ${expected}, got ${a} (relative error ${err} > ${rel})`);
}

type Row = Record<string, unknown>;

/** Reads one sheet as objects keyed by the header row. */
function sheet(file: string, name: string): Promise<Row[]> {
  return Promise.resolve(pheSheet(file, name));
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

function confidenceOf(v: unknown): number {
  if (v === '95%') return 0.95;
  if (v === '99.8%') return 0.998;
  throw new Error(`unknown confidence ${String(v)}`);
}

describe('special functions (hand-checked values)', () => {
  it('normal quantile (AS 241)', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectClose(normalQuantile(0.999), 3.090232306167813, 1e-15);
    expectClose(normalQuantile(0.025), -1.959963984540054, 1e-15);
    expectClose(normalQuantile(1e-10), -6.361340902404056, 1e-14);
    expect(zFor(0.95)).toBeCloseTo(1.96, 2);
    expect(() => zFor(1)).toThrow(/confidence/);
  });

  it('incomplete gamma and chi-square quantiles', () => {
    // P(1, x) = 1 − e^−x.
    expectClose(regularizedGammaP(1, 2), 1 - Math.exp(-2), 1e-14);
    // P(0.5, z²/2) = 2Φ(z) − 1.
    expectClose(regularizedGammaP(0.5, 1.959963984540054 ** 2 / 2), 0.95, 1e-13);
    // χ²(p; 2) = −2 ln(1 − p).
    expectClose(chiSquareQuantile(0.975, 2), -2 * Math.log(0.025), 1e-13);
    expectClose(chiSquareQuantile(0.95, 1), 1.959963984540054 ** 2, 1e-12);
    // Large df (continued-fraction branch).
    expectClose(regularizedGammaP(50, chiSquareQuantile(0.3, 100) / 2), 0.3, 1e-12);
  });
});

describe('intervals (hand-computed values)', () => {
  it('Wilson for 65/100 at 95% and edge cases', () => {
    const z = 1.959963984540054;
    const root = z * Math.sqrt(z * z + 4 * 65 * 0.35);
    const ci = wilson(65, 100);
    expectClose(ci.lower, (130 + z * z - root) / (2 * (100 + z * z)), 1e-14);
    expectClose(ci.upper, (130 + z * z + root) / (2 * (100 + z * z)), 1e-14);
    expect(wilson(0, 10).lower).toBe(0);
    expect(wilson(10, 10).upper).toBeCloseTo(1, 14);
    expect(() => wilson(11, 10)).toThrow(/x <= n/);
  });

  it("Byar's at x = 100 and exact Poisson at x = 0 and 1", () => {
    const z = 1.959963984540054;
    const ci = byars(100);
    expectClose(ci.lower, 100 * (1 - 1 / 900 - z / 30) ** 3, 1e-14);
    expectClose(ci.upper, 101 * (1 - 1 / 909 + z / (3 * Math.sqrt(101))) ** 3, 1e-14);
    expect(exactPoisson(0)).toEqual({
      lower: 0,
      upper: expect.closeTo(-Math.log(0.025), 12) as number,
    });
    // x = 1: lower solves P(X ≥ 1) = e^−λ... = 0.025, i.e. λ = −ln(0.975).
    expectClose(exactPoisson(1).lower, -Math.log(0.975), 1e-12);
    expect(countInterval(9).method).toBe('Exact');
    expect(countInterval(10).method).toBe('Byars');
    const r = rateInterval(20, 1000, 1000);
    expectClose(r.lower, byars(20).lower, 1e-14);
  });

  it("exact Poisson and Byar's converge for large counts", () => {
    for (const x of [100, 5000, 1e6]) {
      const e = exactPoisson(x, 0.998);
      const b = byars(x, 0.998);
      expectClose(e.lower, b.lower, 1e-3);
      expectClose(e.upper, b.upper, 1e-3);
    }
  });

  it('no estimate for missing or invalid inputs', () => {
    expect(proportionEstimate({ numerator: null, denominator: 100 }).value).toBeNull();
    expect(proportionEstimate({ numerator: 5, denominator: 0 }).value).toBeNull();
    expect(proportionEstimate({ numerator: 11, denominator: 10 }).lower).toBeNull();
    expect(proportionEstimate({ numerator: -1, denominator: 10 }).upper).toBeNull();
    expect(rateEstimate({ numerator: 5, denominator: undefined }).value).toBeNull();
    expect(rateEstimate({ numerator: 250, denominator: 220, multiplier: 100 }).value).toBeCloseTo(
      113.636,
      3,
    );
    expect(proportionEstimate({ numerator: 5, denominator: 10, multiplier: 100 })).toMatchObject({
      value: 50,
      method: 'Wilson',
    });
  });
});

describe('weightedPrevalence', () => {
  const w = [1.2, 0.8, 2.5, 1, 0.5, 3, 1.7, 0.9];
  const y = [1, 0, 1, 1, 0, 0, 1, 0];

  it('matches a direct computation on raw data', () => {
    const n = w.length;
    let sw = 0,
      sw2 = 0,
      swy = 0,
      sw2y = 0,
      sw2y2 = 0;
    w.forEach((wi, i) => {
      const yi = y[i] ?? 0;
      sw += wi;
      sw2 += wi * wi;
      swy += wi * yi;
      sw2y += wi * wi * yi;
      sw2y2 += wi * wi * yi * yi;
    });
    const res = weightedPrevalence({ n, sw, sw2, swy, sw2y, sw2y2 });
    // Direct: p = Σwy/Σw; var = n/(n−1) Σ w²(y−p)² / (Σw)².
    const p = w.reduce((a, wi, i) => a + wi * (y[i] ?? 0), 0) / w.reduce((a, wi) => a + wi, 0);
    const ss = w.reduce((a, wi, i) => a + wi * wi * ((y[i] ?? 0) - p) ** 2, 0);
    const se = Math.sqrt(((n / (n - 1)) * ss) / sw ** 2);
    expect(res).not.toBeNull();
    expectClose(res?.p ?? null, p, 1e-14);
    expectClose(res?.se ?? null, se, 1e-12);
    expectClose(res?.lower ?? null, p - 1.959963984540054 * se, 1e-12);
    expectClose(res?.upper ?? null, p + 1.959963984540054 * se, 1e-12);
    // Hand value: p = (1.2 + 2.5 + 1 + 1.7) / 11.6.
    expectClose(res?.p ?? null, 6.4 / 11.6, 1e-14);
  });

  it('clamps to [0, 1] and refuses too little data', () => {
    const res = weightedPrevalence({ n: 3, sw: 3, sw2: 3, swy: 3, sw2y: 3, sw2y2: 3 });
    expect(res).toMatchObject({ p: 1, se: 0, upper: 1 });
    const low = weightedPrevalence({ n: 2, sw: 2, sw2: 2, swy: 0.2, sw2y: 0.2, sw2y2: 0.2 });
    expect(low?.lower).toBe(0);
    expect(weightedPrevalence({ n: 1, sw: 1, sw2: 1, swy: 1, sw2y: 1, sw2y2: 1 })).toBeNull();
    expect(weightedPrevalence({ n: 5, sw: 0, sw2: 0, swy: 0, sw2y: 0, sw2y2: 0 })).toBeNull();
  });
});

describe('PHE reference: testdata_Byars_Wilson.xlsx', () => {
  it('matches every Byars and Wilson limit', async () => {
    const rows = await sheet('testdata_Byars_Wilson.xlsx', 'testdata_B_W');
    expect(rows.length).toBe(13);
    for (const r of rows) {
      const x = num(r['x']) ?? NaN;
      const conf = confidenceOf(r['confidence']);
      const ci = r['method'] === 'Wilson' ? wilson(x, num(r['n']) ?? NaN, conf) : byars(x, conf);
      const lower = num(r['lowercl']);
      // Upstream leaves the lower limit empty where Byar's formula goes negative (x = 1, 99.8%).
      if (lower === null) expect(ci.lower).toBe(0);
      else expectClose(ci.lower, lower);
      expectClose(ci.upper, num(r['uppercl']) ?? NaN);
    }
  });
});

type Estimator = typeof proportionEstimate | typeof rateEstimate;

/** One reference sheet with 95% and 99.8% columns: values, limits and method per row. */
async function checkTwoLevels(file: string, name: string, rowCount: number, estimate: Estimator) {
  const rows = await sheet(file, name);
  expect(rows.length).toBe(rowCount);
  for (const r of rows) {
    const base = {
      numerator: num(r['Numerator']),
      denominator: num(r['Denominator']),
      multiplier: num(r['multiplier']) ?? NaN,
    };
    for (const [conf, lo, up] of [
      [0.95, 'lower95_0cl', 'upper95_0cl'],
      [0.998, 'lower99_8cl', 'upper99_8cl'],
    ] as const) {
      const est = estimate({ ...base, confidence: conf });
      const value = num(r['value']);
      if (value === null) {
        expect(est, String(r['Area'])).toMatchObject({ value: null, lower: null, upper: null });
        continue;
      }
      expectClose(est.value, value);
      expectClose(est.lower, num(r[lo]) ?? NaN);
      expectClose(est.upper, num(r[up]) ?? NaN);
      expect(est.method).toBe(r['method']);
    }
  }
}

/** A `_g` sheet: one confidence level per row, in its `confidence` column. */
async function checkPerRowLevel(
  file: string,
  name: string,
  rowCount: number,
  estimate: Estimator,
  checkMethod: boolean,
) {
  const rows = await sheet(file, name);
  expect(rows.length).toBe(rowCount);
  for (const r of rows) {
    const est = estimate({
      numerator: num(r['Numerator']),
      denominator: num(r['Denominator']),
      multiplier: num(r['multiplier']) ?? NaN,
      confidence: confidenceOf(r['confidence']),
    });
    const value = num(r['value']);
    if (value === null) {
      expect(est).toMatchObject({ value: null, lower: null, upper: null });
      continue;
    }
    expectClose(est.value, value);
    expectClose(est.lower, num(r['lowercl']) ?? NaN);
    expectClose(est.upper, num(r['uppercl']) ?? NaN);
    if (checkMethod) expect(est.method).toBe(r['method']);
  }
}

describe('PHE reference: testdata_Proportion.xlsx', () => {
  it('testdata_Prop at 95% and 99.8%, including no-estimate rows', () =>
    checkTwoLevels('testdata_Proportion.xlsx', 'testdata_Prop', 19, proportionEstimate));
  it('testdata_Prop_g', () =>
    checkPerRowLevel('testdata_Proportion.xlsx', 'testdata_Prop_g', 11, proportionEstimate, false));
});

describe('PHE reference: testdata_Rate.xlsx', () => {
  it('testdata_Rate at 95% and 99.8% (Exact below 10, Byars from 10)', () =>
    checkTwoLevels('testdata_Rate.xlsx', 'testdata_Rate', 20, rateEstimate));
  it('testdata_Rate_g', () =>
    checkPerRowLevel('testdata_Rate.xlsx', 'testdata_Rate_g', 12, rateEstimate, true));
});
