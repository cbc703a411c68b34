import { describe, expect, it } from 'vitest';
import { computeAll, NON_ORDERED_MEASURES, ORDERED_MEASURES } from './heat.ts';
import { normalQuantile } from './normal.ts';
import type { MeasureCode, MeasureResult, Setting, Subgroup } from './types.ts';

const Z = 1.959963984540054;

// Ordered dimension (e.g. education), given out of order on purpose.
const ORDERED_GROUPS: Subgroup[] = [
  { name: 'Q3', estimate: 60, se: 3, population: 250, order: 3 },
  { name: 'Q1 (most disadvantaged)', estimate: 40, se: 2, population: 300, order: 1 },
  { name: 'Q4 (most advantaged)', estimate: 70, se: 1.5, population: 250, order: 4 },
  { name: 'Q2', estimate: 50, se: 2.5, population: 200, order: 2 },
];
const ordered = (favourable: boolean, extra: Partial<Setting> = {}): Setting => ({
  subgroups: ORDERED_GROUPS,
  ordered: true,
  favourable,
  scale: 100,
  ...extra,
});

// Non-ordered dimension (e.g. region); shares given as fractions.
const REGIONS: Subgroup[] = [
  { name: 'A', estimate: 30, se: 1.2, population: 0.1 },
  { name: 'B', estimate: 45, se: 1.5, population: 0.4, reference: true },
  { name: 'C', estimate: 25, se: 2.0, population: 0.2 },
  { name: 'D', estimate: 50, se: 1.8, population: 0.3 },
];
const nonOrdered = (
  favourable: boolean,
  subgroups: Subgroup[] = REGIONS,
  extra: Partial<Setting> = {},
): Setting => ({
  subgroups,
  ordered: false,
  favourable,
  scale: 100,
  ...extra,
});

function get(results: MeasureResult[], code: MeasureCode): MeasureResult {
  const r = results.find((m) => m.code === code);
  if (!r) throw new Error(`no ${code}`);
  return r;
}

// Direct computations for the ordered setting (sorted by order: 40, 50, 60, 70).
const oy = [40, 50, 60, 70];
const os = [2, 2.5, 3, 1.5];
const op = [0.3, 0.2, 0.25, 0.25];
const ox = [0.15, 0.4, 0.625, 0.875];
const omu = 0.3 * 40 + 0.2 * 50 + 0.25 * 60 + 0.25 * 70; // 54.5

describe('normal quantile helper', () => {
  it('matches known values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
  });
});

describe('HEAT measures: ordered dimension', () => {
  const fav = computeAll(ordered(true), { seed: 11 });
  const adv = computeAll(ordered(false), { seed: 11 });

  it('reports exactly the ordered measures', () => {
    expect(fav.map((m) => m.code)).toEqual([...ORDERED_MEASURES]);
    expect(new Set([...ORDERED_MEASURES, ...NON_ORDERED_MEASURES]).size).toBe(21);
  });

  it('D and R: most advantaged vs most disadvantaged, sign by favourable/adverse, analytic CIs', () => {
    const d = get(fav, 'D');
    expect(d.value).toBeCloseTo(70 - 40, 12);
    const seD = Math.sqrt(1.5 ** 2 + 2 ** 2);
    expect(d.lower).toBeCloseTo(30 - Z * seD, 8);
    expect(d.upper).toBeCloseTo(30 + Z * seD, 8);
    const r = get(fav, 'R');
    expect(r.value).toBeCloseTo(70 / 40, 12);
    const seLog = Math.sqrt((1.5 / 70) ** 2 + (2 / 40) ** 2);
    expect(r.lower).toBeCloseTo(Math.exp(Math.log(70 / 40) - Z * seLog), 8);
    expect(r.upper).toBeCloseTo(Math.exp(Math.log(70 / 40) + Z * seLog), 8);
    expect(get(adv, 'D').value).toBeCloseTo(40 - 70, 12);
    expect(get(adv, 'R').value).toBeCloseTo(40 / 70, 12);
    expect(d.method).toMatch(/favourable/);
    expect(get(adv, 'D').method).toMatch(/adverse/);
  });

  it('ACI and RCI from the relative ranks', () => {
    const aci = op.reduce((t, p, j) => t + p * (2 * (ox[j] ?? 0) - 1) * (oy[j] ?? 0), 0);
    expect(get(fav, 'ACI').value).toBeCloseTo(aci, 12);
    const se = Math.sqrt(
      op.reduce((t, p, j) => t + (p * (2 * (ox[j] ?? 0) - 1) * (os[j] ?? 0)) ** 2, 0),
    );
    expect(get(fav, 'ACI').lower).toBeCloseTo(aci - Z * se, 8);
    expect(get(fav, 'ACI').upper).toBeCloseTo(aci + Z * se, 8);
    expect(get(fav, 'RCI').value).toBeCloseTo(aci / omu, 12);
    expect(aci).toBeGreaterThan(0); // favourable indicator concentrated among the advantaged
  });

  it('PAR and PAF against the most advantaged subgroup; zero when the sign is wrong', () => {
    expect(get(fav, 'PAR').value).toBeCloseTo(70 - omu, 12);
    expect(get(fav, 'PAF').value).toBeCloseTo(((70 - omu) / omu) * 100, 12);
    const se = Math.sqrt(
      op.reduce((t, p, j) => t + ((j === 3 ? 1 : 0) - p) ** 2 * (os[j] ?? 0) ** 2, 0),
    );
    expect(get(fav, 'PAR').lower).toBeCloseTo(70 - omu - Z * se, 8);
    // adverse indicator, yet the most advantaged subgroup is above the mean: wrong sign -> 0
    for (const code of ['PAR', 'PAF'] as const) {
      const m = get(adv, code);
      expect([m.value, m.lower, m.upper]).toEqual([0, 0, 0]);
      expect(m.method).toMatch(/wrong sign/);
    }
  });

  it('uses the setting average as mu when given', () => {
    const res = computeAll(ordered(true, { settingAverage: 60 }), { seed: 3 });
    expect(get(res, 'PAR').value).toBeCloseTo(10, 12);
    expect(get(res, 'PAF').value).toBeCloseTo((10 / 60) * 100, 12);
    const aci = op.reduce((t, p, j) => t + p * (2 * (ox[j] ?? 0) - 1) * (oy[j] ?? 0), 0);
    expect(get(res, 'RCI').value).toBeCloseTo(aci / 60, 12);
    expect(get(res, 'PAR').upper - get(res, 'PAR').value).toBeCloseTo(Z * 1.5, 8); // var = s_ref^2
  });

  it('SII/RII: heat-logit by default, phe-wls on request; positive slope for a rising gradient', () => {
    const sii = get(fav, 'SII');
    expect(sii.method).toMatch(/^heat-logit/);
    expect(sii.value).toBeGreaterThan(0);
    expect(get(fav, 'RII').value).toBeGreaterThan(1);
    const wls = computeAll(ordered(true), { siiConvention: 'phe-wls', seed: 2 });
    // direct WLS slope with weights p
    const xbar = op.reduce((t, p, j) => t + p * (ox[j] ?? 0), 0);
    const sxy = op.reduce((t, p, j) => t + p * ((ox[j] ?? 0) - xbar) * ((oy[j] ?? 0) - omu), 0);
    const sxx = op.reduce((t, p, j) => t + p * ((ox[j] ?? 0) - xbar) ** 2, 0);
    const slope = sxy / sxx;
    const f0 = omu - slope * xbar;
    expect(get(wls, 'SII').value).toBeCloseTo(slope, 10);
    expect(get(wls, 'RII').value).toBeCloseTo((f0 + slope) / f0, 10);
    expect(get(wls, 'SII').method).toMatch(/^phe-wls/);
  });

  it('every interval contains its point estimate', () => {
    for (const m of [...fav, ...adv]) {
      expect(m.lower, m.code).toBeLessThanOrEqual(m.value);
      expect(m.upper, m.code).toBeGreaterThanOrEqual(m.value);
    }
  });

  it('rejects an ordered dimension without subgroup orders', () => {
    const bad = ORDERED_GROUPS.map(({ order: _o, ...g }) => g);
    expect(() => computeAll({ ...ordered(true), subgroups: bad })).toThrow(/needs an order/);
  });
});

describe('HEAT measures: non-ordered dimension', () => {
  const y = REGIONS.map((g) => g.estimate);
  const p = REGIONS.map((g) => g.population);
  const mu = y.reduce((t, v, j) => t + v * (p[j] ?? 0), 0); // 41
  const fav = computeAll(nonOrdered(true), { seed: 5 });
  const adv = computeAll(nonOrdered(false), { seed: 5 });
  const noRef = computeAll(
    nonOrdered(
      true,
      REGIONS.map(({ reference: _r, ...g }) => g),
    ),
    { seed: 5 },
  );

  it('reports the non-ordered measures (MDRU/MDRW only with a reference subgroup)', () => {
    expect(fav.map((m) => m.code)).toEqual([...NON_ORDERED_MEASURES]);
    expect(noRef.map((m) => m.code)).toEqual(
      NON_ORDERED_MEASURES.filter((c) => c !== 'MDRU' && c !== 'MDRW'),
    );
  });

  it('D and R: reference vs the subgroup furthest from it; highest vs lowest without a reference', () => {
    expect(get(fav, 'D').value).toBeCloseTo(45 - 25, 12);
    expect(get(fav, 'R').value).toBeCloseTo(45 / 25, 12);
    expect(get(noRef, 'D').value).toBeCloseTo(50 - 25, 12);
    expect(get(noRef, 'R').value).toBeCloseTo(50 / 25, 12);
    const se = Math.sqrt(1.8 ** 2 + 2 ** 2);
    expect(get(noRef, 'D').upper).toBeCloseTo(25 + Z * se, 8);
  });

  it('BGV, BGSD, COV, MDM, IDIS, TI, MLD by direct computation', () => {
    const bgv = y.reduce((t, v, j) => t + (p[j] ?? 0) * (v - mu) ** 2, 0);
    expect(get(fav, 'BGV').value).toBeCloseTo(bgv, 10);
    expect(get(fav, 'BGSD').value).toBeCloseTo(Math.sqrt(bgv), 10);
    expect(get(fav, 'COV').value).toBeCloseTo((Math.sqrt(bgv) / mu) * 100, 10);
    const mdmu = y.reduce((t, v) => t + Math.abs(v - mu), 0) / 4;
    const mdmw = y.reduce((t, v, j) => t + (p[j] ?? 0) * Math.abs(v - mu), 0);
    expect(get(fav, 'MDMU').value).toBeCloseTo(mdmu, 10);
    expect(get(fav, 'MDMW').value).toBeCloseTo(mdmw, 10);
    expect(get(fav, 'IDISU').value).toBeCloseTo((mdmu / mu) * 100, 10);
    expect(get(fav, 'IDISW').value).toBeCloseTo((mdmw / mu) * 100, 10);
    const ti = y.reduce((t, v, j) => t + (p[j] ?? 0) * (v / mu) * Math.log(v / mu), 0);
    const mld = y.reduce((t, v, j) => t - (p[j] ?? 0) * Math.log(v / mu), 0);
    expect(get(fav, 'TI').value).toBeCloseTo(1000 * ti, 8);
    expect(get(fav, 'MLD').value).toBeCloseTo(1000 * mld, 8);
    expect(
      computeAll(nonOrdered(true), { theilScale: 1 }).find((m) => m.code === 'TI')?.value,
    ).toBeCloseTo(ti, 12);
  });

  it('mean differences from the best subgroup depend on favourable/adverse; from the reference', () => {
    const mdbu = (b: number): number => y.reduce((t, v) => t + Math.abs(v - b), 0) / 4;
    const mdbw = (b: number): number => y.reduce((t, v, j) => t + (p[j] ?? 0) * Math.abs(v - b), 0);
    expect(get(fav, 'MDBU').value).toBeCloseTo(mdbu(50), 10);
    expect(get(fav, 'MDBW').value).toBeCloseTo(mdbw(50), 10);
    expect(get(adv, 'MDBU').value).toBeCloseTo(mdbu(25), 10);
    expect(get(adv, 'MDBW').value).toBeCloseTo(mdbw(25), 10);
    expect(get(fav, 'MDRU').value).toBeCloseTo(mdbu(45), 10);
    expect(get(fav, 'MDRW').value).toBeCloseTo(mdbw(45), 10);
  });

  it('PAR/PAF against the best subgroup; zero when a setting average flips the sign', () => {
    expect(get(fav, 'PAR').value).toBeCloseTo(50 - mu, 12);
    expect(get(fav, 'PAF').value).toBeCloseTo(((50 - mu) / mu) * 100, 12);
    expect(get(adv, 'PAR').value).toBeCloseTo(25 - mu, 12);
    expect(get(adv, 'PAF').value).toBeCloseTo(((25 - mu) / mu) * 100, 12);
    const flipped = computeAll(nonOrdered(true, REGIONS, { settingAverage: 55 }), { seed: 5 });
    expect(get(flipped, 'PAR').value).toBe(0);
    expect(get(flipped, 'PAF').value).toBe(0);
  });

  it('every interval contains its point estimate; equal subgroups give zero inequality', () => {
    for (const m of [...fav, ...adv, ...noRef]) {
      expect(m.lower, m.code).toBeLessThanOrEqual(m.value);
      expect(m.upper, m.code).toBeGreaterThanOrEqual(m.value);
    }
    const flat = computeAll(
      nonOrdered(
        true,
        REGIONS.map((g) => ({ ...g, estimate: 40 })),
      ),
      { seed: 1 },
    );
    for (const code of ['BGV', 'TI', 'MLD', 'MDMU', 'IDISW', 'PAR'] as const)
      expect(get(flat, code).value).toBeCloseTo(0, 12);
  });

  it('simulation intervals are reproducible with the seed and change with it', () => {
    const a = computeAll(nonOrdered(true), { seed: 42, repetitions: 500 });
    const b = computeAll(nonOrdered(true), { seed: 42, repetitions: 500 });
    const c = computeAll(nonOrdered(true), { seed: 43, repetitions: 500 });
    expect(b).toEqual(a);
    expect(get(c, 'BGV').lower).not.toBe(get(a, 'BGV').lower);
    expect(get(a, 'BGV').method).toMatch(
      /simulation \(500 truncated-normal reps in \[0, 100\], seed 42\)/,
    );
  });

  it('simulation draws stay inside the indicator range (estimates near the bound)', () => {
    const near: Subgroup[] = [
      { name: 'a', estimate: 99, se: 5, population: 1 },
      { name: 'b', estimate: 1, se: 5, population: 1 },
      { name: 'c', estimate: 50, se: 5, population: 1 },
    ];
    const res = computeAll(nonOrdered(true, near), { seed: 9, repetitions: 500 });
    // MLD needs every y > 0: with draws truncated to [0, 100] it stays finite
    expect(Number.isFinite(get(res, 'MLD').upper)).toBe(true);
    expect(get(res, 'BGSD').upper).toBeLessThanOrEqual(50);
  });
});
