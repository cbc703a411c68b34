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

  it("ACI and RCI: values from the relative ranks, SE from HEAT's convenient regression", () => {
    const aci = op.reduce((t, p, j) => t + p * (2 * (ox[j] ?? 0) - 1) * (oy[j] ?? 0), 0);
    expect(get(fav, 'ACI').value).toBeCloseTo(aci, 12);
    expect(get(fav, 'RCI').value).toBeCloseTo(aci / omu, 12);
    expect(aci).toBeGreaterThan(0); // favourable indicator concentrated among the advantaged
    // OLS of lhs = 2 sigma^2 (y/mu) sqrt(N) on [X sqrt(N), sqrt(N)], as HEAT's glm(gaussian)
    const N = [300, 200, 250, 250];
    const sigma2 = op.reduce((t, p, j) => t + p * ((ox[j] ?? 0) - 0.5) ** 2, 0);
    const rows = N.map((n, j) => ({
      lhs: 2 * sigma2 * ((oy[j] ?? 0) / omu) * Math.sqrt(n),
      a: (ox[j] ?? 0) * Math.sqrt(n),
      b: Math.sqrt(n),
    }));
    const saa = rows.reduce((t, r) => t + r.a * r.a, 0);
    const sab = rows.reduce((t, r) => t + r.a * r.b, 0);
    const sbb = rows.reduce((t, r) => t + r.b * r.b, 0);
    const say = rows.reduce((t, r) => t + r.a * r.lhs, 0);
    const sby = rows.reduce((t, r) => t + r.b * r.lhs, 0);
    const det = saa * sbb - sab * sab;
    const beta = (sbb * say - sab * sby) / det;
    const alpha = (saa * sby - sab * say) / det;
    const rss = rows.reduce((t, r) => t + (r.lhs - beta * r.a - alpha * r.b) ** 2, 0);
    const seBeta = Math.sqrt((rss / (4 - 2)) * (sbb / det));
    expect(beta).toBeCloseTo(aci / omu, 12);
    expect(get(fav, 'RCI').upper - get(fav, 'RCI').value).toBeCloseTo(Z * seBeta, 10);
    expect(get(fav, 'ACI').upper - get(fav, 'ACI').value).toBeCloseTo(Z * seBeta * omu, 8);
    expect(get(fav, 'RCI').method).toMatch(/convenient regression/);
  });

  it('PAR and PAF against the most advantaged subgroup, Walter (1978) SE; zero when the sign is wrong', () => {
    expect(get(fav, 'PAR').value).toBeCloseTo(70 - omu, 12);
    expect(get(fav, 'PAF').value).toBeCloseTo(((70 - omu) / omu) * 100, 12);
    // HEAT's counts: c = 0.70 * 250, d = 250 - c, a = 0.545 * 1000 - c, b = 1000 - a - 250
    const c = 175;
    const d = 75;
    const a = 545 - 175;
    const b = 1000 - a - 250;
    const se = Math.sqrt(
      (c * 1000 * (a * d * (1000 - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3),
    );
    expect(get(fav, 'PAF').upper - get(fav, 'PAF').value).toBeCloseTo(Z * 100 * se, 8);
    expect(get(fav, 'PAR').upper - get(fav, 'PAR').value).toBeCloseTo(Z * omu * se, 8);
    const heat = computeAll(ordered(true), { heatCodeScaling: true, measures: ['PAF'] });
    expect(heat.map((m) => m.code)).toEqual(['PAF']);
    expect((heat[0]?.upper ?? 0) - (heat[0]?.value ?? 0)).toBeCloseTo(Z * se, 10);
    // adverse indicator, yet the most advantaged subgroup is above the mean: wrong sign -> 0,
    // the interval stays around 0 as in HEAT
    for (const code of ['PAR', 'PAF'] as const) {
      const m = get(adv, code);
      expect(m.value).toBe(0);
      expect(m.lower).toBeCloseTo(-m.upper, 12);
      expect(m.method).toMatch(/wrong sign/);
    }
  });

  it('ignores the setting average when populations are known (HEAT: population-weighted mean)', () => {
    const res = computeAll(ordered(true, { settingAverage: 60 }), { seed: 3 });
    expect(get(res, 'PAR').value).toBeCloseTo(70 - omu, 12);
    expect(get(res, 'RCI').value).toBeCloseTo(get(fav, 'RCI').value, 12);
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

  it('PAR/PAF against the reference subgroup when flagged, else the best subgroup', () => {
    expect(get(fav, 'PAR').value).toBeCloseTo(45 - mu, 12);
    expect(get(fav, 'PAF').value).toBeCloseTo(((45 - mu) / mu) * 100, 12);
    expect(get(noRef, 'PAR').value).toBeCloseTo(50 - mu, 12);
    // adverse with reference 45 > mu 41: wrong sign -> 0
    expect(get(adv, 'PAR').value).toBe(0);
    const advNoRef = computeAll(
      nonOrdered(
        false,
        REGIONS.map(({ reference: _r, ...g }) => g),
      ),
      { seed: 5 },
    );
    expect(get(advNoRef, 'PAR').value).toBeCloseTo(25 - mu, 12);
    expect(get(advNoRef, 'PAF').value).toBeCloseTo(((25 - mu) / mu) * 100, 12);
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
    expect(get(c, 'BGSD').lower).not.toBe(get(a, 'BGSD').lower);
    expect(get(a, 'BGSD').method).toMatch(
      /simulation \(500 truncated-normal reps in \[0, 100\), seed 42/,
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

describe('HEAT analytic intervals (hand-computed)', () => {
  // Three regions, populations as counts
  const G: Subgroup[] = [
    { name: 'a', estimate: 20, se: 2, population: 200 },
    { name: 'b', estimate: 30, se: 3, population: 300 },
    { name: 'c', estimate: 50, se: 4, population: 500 },
  ];
  const p = [0.2, 0.3, 0.5];
  const y = [20, 30, 50];
  const s = [2, 3, 4];
  const mu = 0.2 * 20 + 0.3 * 30 + 0.5 * 50; // 38
  const res = computeAll(nonOrdered(true, G), { seed: 1, repetitions: 200 });
  const half = (m: MeasureResult): number => (m.upper - m.lower) / 2;

  it('BGV: Ahn et al. variance', () => {
    const bgv = 0.2 * 18 ** 2 + 0.3 * 8 ** 2 + 0.5 * 12 ** 2; // 156
    expect(get(res, 'BGV').value).toBeCloseTo(bgv, 10);
    let t1 = 0;
    let s2 = 0;
    let s4 = 0;
    let t4 = 0;
    for (let j = 0; j < 3; j++) {
      const pj = p[j] ?? 0;
      const v = (s[j] ?? 0) ** 2;
      t1 += pj ** 2 * v * ((y[j] ?? 0) - mu) ** 2;
      s2 += pj ** 2 * v;
      s4 += pj ** 4 * v ** 2;
      t4 += pj ** 2 * (1 - pj) ** 2 * v ** 2;
    }
    // t1 = 0.04*4*324 + 0.09*9*64 + 0.25*16*144 = 51.84 + 51.84 + 576 = 679.68
    expect(t1).toBeCloseTo(679.68, 10);
    expect(half(get(res, 'BGV'))).toBeCloseTo(Z * Math.sqrt(4 * t1 + 2 * (s2 ** 2 - s4 + t4)), 8);
  });

  it('TI and MLD: delta-method SE, scaled x1000 with the value (HEAT code scaling on request)', () => {
    const r = y.map((v) => v / mu);
    const ti = r.reduce((t, rj, j) => t + (p[j] ?? 0) * rj * Math.log(rj), 0);
    const mld = r.reduce((t, rj, j) => t - (p[j] ?? 0) * Math.log(rj), 0);
    const su = r.reduce((t, rj, j) => t + (p[j] ?? 0) * rj * (1 + Math.log(rj)), 0);
    const seTi = Math.sqrt(
      r.reduce(
        (t, rj, j) =>
          t + ((1 + Math.log(rj) - su) ** 2 * ((p[j] ?? 0) * (s[j] ?? 0)) ** 2) / mu ** 2,
        0,
      ),
    );
    const seMld = Math.sqrt(
      r.reduce(
        (t, rj, j) => t + (((p[j] ?? 0) * (s[j] ?? 0)) ** 2 / mu ** 2) * (1 - 1 / rj) ** 2,
        0,
      ),
    );
    expect(get(res, 'TI').value).toBeCloseTo(1000 * ti, 8);
    expect(get(res, 'MLD').value).toBeCloseTo(1000 * mld, 8);
    expect(half(get(res, 'TI'))).toBeCloseTo(Z * 1000 * seTi, 8);
    expect(half(get(res, 'MLD'))).toBeCloseTo(Z * 1000 * seMld, 8);
    const heat = computeAll(nonOrdered(true, G), {
      heatCodeScaling: true,
      measures: ['TI', 'MLD'],
    });
    expect(half(get(heat, 'TI'))).toBeCloseTo(Z * seTi, 10);
    expect(half(get(heat, 'MLD'))).toBeCloseTo(Z * seMld, 10);
    expect(get(heat, 'TI').method).toMatch(/unscaled SE/);
  });

  it('D and R with a reference among more than two subgroups follow HEAT', () => {
    const withRef = G.map((g) => (g.name === 'b' ? { ...g, reference: true } : g));
    const f = computeAll(nonOrdered(true, withRef), { measures: ['D', 'R'] });
    expect(get(f, 'D').value).toBe(30 - 20); // reference - lowest other
    const a = computeAll(nonOrdered(false, withRef), { measures: ['D', 'R'] });
    expect(get(a, 'D').value).toBe(50 - 30); // highest other - reference
    expect(get(a, 'R').value).toBeCloseTo(50 / 30, 12);
    expect(a.map((m) => m.code)).toEqual(['D', 'R']);
  });

  it('MDBU divides by all n subgroups; MDRU/MDRW need a reference', () => {
    expect(get(res, 'MDBU').value).toBeCloseTo((30 + 20 + 0) / 3, 12);
    expect(res.some((m) => m.code === 'MDRU')).toBe(false);
  });

  it('simulation truncates at 0 only when the scale is not 100', () => {
    const rate: Subgroup[] = [
      { name: 'a', estimate: 990, se: 50, population: 1 },
      { name: 'b', estimate: 10, se: 5, population: 1 },
      { name: 'c', estimate: 500, se: 5, population: 1 },
    ];
    const r = computeAll(
      { subgroups: rate, ordered: false, favourable: false, scale: 1000 },
      { repetitions: 400, measures: ['MDMU'] },
    );
    expect(get(r, 'MDMU').method).toMatch(/\[0, inf\)/);
  });
});

describe('HEAT SII/RII analytic (HC1 sandwich)', () => {
  it('matches an independent sandwich computation on rounded counts', () => {
    const res = computeAll(ordered(true), { measures: ['SII', 'RII'] });
    const N = [300, 200, 250, 250];
    const ev = [120, 100, 150, 175]; // round(y/100 N)
    const yy = ev.map((e, j) => e / (N[j] ?? 1));
    const x = [0.15, 0.4, 0.625, 0.875];
    // IRLS with weights N^2
    let b0 = 0;
    let b1 = 0;
    const ex = (t: number): number => 1 / (1 + Math.exp(-t));
    const info = (): number[] => {
      let a = 0;
      let b = 0;
      let c = 0;
      x.forEach((xj, j) => {
        const pi = ex(b0 + b1 * xj);
        const w = (N[j] ?? 0) ** 2 * pi * (1 - pi);
        a += w;
        b += w * xj;
        c += w * xj * xj;
      });
      return [a, b, c];
    };
    for (let it = 0; it < 50; it++) {
      let g0 = 0;
      let g1 = 0;
      x.forEach((xj, j) => {
        const r = (N[j] ?? 0) ** 2 * ((yy[j] ?? 0) - ex(b0 + b1 * xj));
        g0 += r;
        g1 += r * xj;
      });
      const [a, b, c] = info() as [number, number, number];
      const det = a * c - b * b;
      b0 += (c * g0 - b * g1) / det;
      b1 += (a * g1 - b * g0) / det;
    }
    const [a, b, c] = info() as [number, number, number];
    const det = a * c - b * b;
    const inv = [
      [c / det, -b / det],
      [-b / det, a / det],
    ];
    const meat = [
      [0, 0],
      [0, 0],
    ];
    x.forEach((xj, j) => {
      const r = (N[j] ?? 0) ** 2 * ((yy[j] ?? 0) - ex(b0 + b1 * xj));
      const v = [r, r * xj];
      for (let k = 0; k < 2; k++)
        for (let l = 0; l < 2; l++)
          (meat[k] as number[])[l] = ((meat[k] as number[])[l] ?? 0) + (v[k] ?? 0) * (v[l] ?? 0);
    });
    const mul = (A: number[][], B: number[][]): number[][] =>
      A.map((row) =>
        [0, 1].map((l) => row.reduce((t, v, k) => t + v * ((B[k] as number[])[l] ?? 0), 0)),
      );
    const V = mul(mul(inv, meat), inv).map((row) => row.map((v) => (v * 4) / 2));
    const p0 = ex(b0);
    const p1 = ex(b0 + b1);
    const g = [p1 * (1 - p1) - p0 * (1 - p0), p1 * (1 - p1)];
    const q = (gg: number[]): number =>
      gg.reduce(
        (t, gi, k) => t + gg.reduce((u, gl, l) => u + gi * gl * ((V[k] as number[])[l] ?? 0), 0),
        0,
      );
    const sii = get(res, 'SII');
    expect(sii.value).toBeCloseTo(100 * (p1 - p0), 8);
    expect(sii.upper - sii.value).toBeCloseTo(100 * Z * Math.sqrt(q(g)), 6);
    const rii = get(res, 'RII');
    expect(rii.value).toBeCloseTo(p1 / p0, 10);
    expect(Math.log(rii.upper) - Math.log(rii.value)).toBeCloseTo(
      Z * Math.sqrt(q([p0 - p1, 1 - p1])),
      8,
    );
    expect(sii.method).toMatch(/HC1/);
  });
});

describe('computeAll options for bulk use', () => {
  it('repetitions 0 switches simulation off: values kept, intervals NaN, said in method', () => {
    const res = computeAll(nonOrdered(true), { repetitions: 0 });
    const full = computeAll(nonOrdered(true), { repetitions: 200 });
    expect(res.map((m) => m.code)).toEqual(full.map((m) => m.code));
    expect(res.map((m) => m.value)).toEqual(full.map((m) => m.value));
    const bgsd = get(res, 'BGSD');
    expect(Number.isNaN(bgsd.lower)).toBe(true);
    expect(bgsd.method).toMatch(/simulation off/);
    expect(get(res, 'BGV').lower).toBe(get(full, 'BGV').lower); // analytic intervals unaffected
  });

  it('measures picks a subset in the standard order; inapplicable codes are ignored', () => {
    const res = computeAll(ordered(true), { measures: ['PAR', 'D', 'BGV'] });
    expect(res.map((m) => m.code)).toEqual(['D', 'PAR']);
  });
});
