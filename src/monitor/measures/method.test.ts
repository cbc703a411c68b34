/**
 * The intervals of ACI, RCI, SII and RII for survey estimates come from the subgroups' own
 * standard errors (issue 14: HEAT's model-based intervals ignore sampling error), and PHE's
 * convention is reachable through the same switch; checked against PHE's published test data.
 */
import { describe, expect, it } from 'vitest';
import { pheCells } from '../../../test/fixtures/phe/phe.ts';
import { computeAll } from './heat.ts';
import { heatOptionsFor, isMeasureMethod } from './method.ts';
import type { MeasureCode, MeasureResult, Setting } from './types.ts';

const ORDERED: readonly MeasureCode[] = ['ACI', 'RCI', 'SII', 'RII'];

/** Smoking by education from a survey of `n` respondents per group (SE of a proportion, in %). */
function survey(n: number): Setting {
  const shares = [0.2, 0.35, 0.3, 0.15];
  const ps = [0.32, 0.22, 0.15, 0.09];
  return {
    subgroups: ps.map((p, j) => ({
      name: `g${j + 1}`,
      estimate: 100 * p,
      se: 100 * Math.sqrt((p * (1 - p)) / n),
      // The population the survey stands for: the same whatever the sample size.
      population: 120_000 * (shares[j] ?? 0),
      order: j + 1,
    })),
    ordered: true,
    favourable: false,
    scale: 100,
  };
}

const width = (m: MeasureResult) => m.upper - m.lower;
const get = (rs: MeasureResult[], code: MeasureCode): MeasureResult => {
  const r = rs.find((m) => m.code === code);
  if (!r) throw new Error(`no ${code}`);
  return r;
};

describe('intervals of ACI, RCI, SII and RII from the subgroups’ standard errors', () => {
  const opts = { ...heatOptionsFor('survey'), repetitions: 4000, seed: 3 };
  const small = computeAll(survey(100), opts);
  const large = computeAll(survey(1600), opts);

  it('narrow as the sample grows: 16 times the respondents, a quarter of the width', () => {
    for (const code of ORDERED) {
      const ratio = width(get(large, code)) / width(get(small, code));
      expect(ratio, code).toBeGreaterThan(0.2);
      expect(ratio, code).toBeLessThan(0.3);
    }
  });

  it('keep HEAT’s point values', () => {
    const heat = computeAll(survey(100), { ...heatOptionsFor('heat'), repetitions: 200 });
    for (const code of ORDERED)
      expect(get(small, code).value, code).toBeCloseTo(get(heat, code).value, 10);
  });

  it('ACI, linear in the estimates: the interval is ±1.96 × sqrt(Σ (p_j (2X_j − 1))² s_j²)', () => {
    const s = survey(400);
    const res = computeAll(s, { ...heatOptionsFor('survey'), repetitions: 20_000, seed: 5 });
    const total = s.subgroups.reduce((a, g) => a + g.population, 0);
    let cum = 0;
    let v = 0;
    for (const g of s.subgroups) {
      const p = g.population / total;
      const x = cum + p / 2;
      cum += p;
      v += (p * (2 * x - 1) * g.se) ** 2;
    }
    const aci = get(res, 'ACI');
    expect(width(aci) / (2 * 1.959964 * Math.sqrt(v))).toBeCloseTo(1, 1);
    expect(aci.interval).toBe('simulation');
    expect(aci.method).toMatch(/subgroups' SEs/);
  });

  it('HEAT’s model-based intervals stay available, named as such, and ignore the sample size', () => {
    const opts = { ...heatOptionsFor('heat'), repetitions: 200 };
    const a = computeAll(survey(100), opts);
    const b = computeAll(survey(1600), opts);
    for (const code of ORDERED) {
      expect(get(a, code).interval, code).toBe('heat-model');
      // The defect the survey method fixes: same width for 100 and 1,600 per group.
      expect(width(get(b, code)) / width(get(a, code)), code).toBeCloseTo(1, 6);
    }
  });

  it('PHE’s convention: WLS slope, Monte Carlo over the subgroups’ SEs', () => {
    const res = computeAll(survey(400), { ...heatOptionsFor('phe'), repetitions: 2000 });
    expect(get(res, 'SII').method).toMatch(/^phe-wls/);
    expect(get(res, 'SII').interval).toBe('monte-carlo');
    expect(get(res, 'ACI').interval).toBe('simulation');
  });

  it('knows its method names', () => {
    expect(isMeasureMethod('phe')).toBe(true);
    expect(isMeasureMethod('who')).toBe(false);
  });
});

describe('the phe method against PHEindicatormethods’ test data', () => {
  it('reproduces phe_sii’s SII, RII and Monte Carlo limits (life expectancy, both areas)', () => {
    const [header, ...data] = pheCells('testdata_SII.xlsx', 'testdata_SII');
    const names = (header ?? []).map(String);
    const rows = data
      .map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]])))
      .filter((r) =>
        String(r['TestDescription']).startsWith(
          'default (e.g. life expectancy) - default parameters',
        ),
      );
    const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
    const widths: number[] = [];
    for (const area of ['area1', 'area2']) {
      const block = rows.filter((r) => r['Area'] === area);
      expect(block).toHaveLength(10);
      const first = block[0] ?? {};
      const res = computeAll(
        {
          subgroups: block.map((r) => ({
            name: String(r['Quantile']),
            estimate: num(r['Value']),
            se: num(r['StandardError']),
            population: num(r['Population']),
            order: num(r['Quantile']),
          })),
          ordered: true,
          favourable: true,
          scale: 100,
        },
        { ...heatOptionsFor('phe'), repetitions: 20_000, seed: 1 },
      );
      const sii = get(res, 'SII');
      const rii = get(res, 'RII');
      expect(sii.value).toBeCloseTo(num(first['sii']), 6);
      expect(rii.value).toBeCloseTo(num(first['rii']), 6);
      // Monte Carlo limits: within 5 % of PHE's, upstream's own tolerance.
      const close = (a: number, b: number) =>
        expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(0.05);
      close(sii.lower, num(first['sii_lowercl_1']));
      close(sii.upper, num(first['sii_uppercl_1']));
      close(rii.lower, num(first['rii_lowercl_1']));
      close(rii.upper, num(first['rii_uppercl_1']));
      widths.push(width(sii));
    }
    // area2's deciles have SEs a seventh of area1's: its interval is far narrower.
    expect(widths[1]).toBeLessThan((widths[0] ?? 0) / 4);
  });
});
