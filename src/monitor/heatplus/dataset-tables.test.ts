import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPRESSION } from '../publish/suppression.ts';
import type { Scope } from '../estimates/tables.ts';
import { templateDataset, type HeatPlusEstimate } from './dataset.ts';
import { heatPlusPlan, heatPlusTable, indexEstimates, prevalenceOf } from './dataset-tables.ts';
import { groupMeasures } from './measures.ts';
import { readTemplateCsv } from './template.read.ts';

const demoText = readFileSync(new URL('fixtures/demo-registers.csv', import.meta.url), 'utf8');
const demo = (() => {
  const r = templateDataset(readTemplateCsv(demoText));
  if (!r.ok) throw new Error('demo file invalid');
  return r.dataset;
})();
const scope = (code: string, kind: Scope['kind'] = 'area'): Scope => ({
  kind,
  code,
  name: { da: code, en: code },
});
const est = (over: Partial<HeatPlusEstimate>): HeatPlusEstimate => ({
  indicator: 1,
  dim: 1,
  category: 1,
  year: 2021,
  area: '0265',
  estimate: 20,
  se: null,
  lower: null,
  upper: null,
  population: null,
  source: 'x',
  note: '',
  line: 2,
  ...over,
});
const keyRows = (indicator: number, dim: number, year: number) =>
  demo.estimates.filter((e) => e.indicator === indicator && e.dim === dim && e.year === year);

describe('a HEAT Plus dataset as the monitor’s tables', () => {
  it('keeps the file’s interval, or builds one from the se (within 0–100), or the se from the limits', () => {
    expect(prevalenceOf(est({ lower: 18, upper: 23, se: 1 }))).toMatchObject({
      value: 20,
      lower: 18,
      upper: 23,
      se: 1,
      method: 'heatplus',
    });
    const fromSe = prevalenceOf(est({ estimate: 2, se: 2 }));
    expect(fromSe.lower).toBe(0);
    expect(fromSe.upper).toBeCloseTo(2 + 1.96 * 2, 10);
    expect(prevalenceOf(est({ lower: 18.04, upper: 21.96 })).se).toBeCloseTo(1, 10);
    const none = prevalenceOf(est({}));
    expect([none.se, none.lower, none.upper]).toEqual([null, null, null]);
  });

  it('hides Lejre’s small origin groups and keeps Roskilde’s figures', () => {
    const plan = heatPlusPlan(keyRows(1, 2, 2019), DEFAULT_SUPPRESSION);
    expect(plan.reason('0350', 3)).toBe('few-respondents'); // 11 children
    expect(plan.reason('0350', 2)).not.toBeNull(); // 24 children, 4 without the outcome
    expect(plan.reason('0350', 1)).toBeNull();
    for (const c of [0, 1, 2, 3]) expect(plan.reason('0265', c)).toBeNull();
    const table = heatPlusTable(
      demo.codebook,
      indexEstimates(demo.estimates),
      { indicator: 1, dim: 2, year: 2019, scope: scope('0350') },
      { plan },
    );
    expect(table.groups[2]?.suppressed).toBe('few-respondents');
    expect(table.groups[2]?.prevalence.value).toBeNull();
    expect(table.measures).toBeNull();
    expect(table.measuresNote).toBe('suppressed');
  });

  it('protects a hidden place against its region minus the others, when the file holds them all', () => {
    // A region of two municipalities (Lejre, Roskilde) that add up exactly: Lejre's 8 children
    // would be the region's minus Roskilde's.
    const rows = [
      ...[
        ['0350', 8, 50],
        ['0265', 400, 40],
        ['1085', 408, 40.2],
      ].flatMap(([area, pop, e]) => [
        est({ area: String(area), category: 1, population: Number(pop), estimate: Number(e) }),
        est({ area: String(area), category: 0, population: Number(pop), estimate: Number(e) }),
      ]),
    ];
    const plan = heatPlusPlan(rows, DEFAULT_SUPPRESSION);
    expect(plan.reason('0350', 1)).toBe('few-respondents');
    // The region (an aggregate beside the page's municipalities) is hidden, not Roskilde.
    expect(plan.reason('1085', 1)).toBe('complementary');
    expect(plan.reason('0265', 1)).toBeNull();
  });

  it('shows figures as the file gives them when it has no populations, without measures', () => {
    const rows = [
      est({ category: 1, estimate: 30, se: 2 }),
      est({ category: 2, estimate: 10, se: 1 }),
      est({ category: 0, estimate: 15 }),
    ];
    const codebook = {
      ...demo.codebook,
      dimensions: [demo.codebook.dimensions[0]!],
    };
    const table = heatPlusTable(
      codebook,
      indexEstimates(rows),
      { indicator: 1, dim: 1, year: 2021, scope: scope('0265') },
      { plan: heatPlusPlan(rows, DEFAULT_SUPPRESSION) },
    );
    expect(table.groups.map((g) => g.prevalence.value)).toEqual([30, 10, null]);
    expect(table.groups.every((g) => g.suppressed === null)).toBe(true);
    expect(table.measuresNote).toBe('no-population');
  });

  it('gives the same summary measures as `lighed measures` on the same file and method', () => {
    const parsed = readTemplateCsv(demoText);
    const group = parsed.groups.find(
      (g) =>
        g.setting === 'Roskilde' &&
        g.date === 2023 &&
        g.indicator_abbr === 'mfr2' &&
        g.dimension === 'Forældres uddannelse',
    )!;
    const cli = groupMeasures(group, { repetitions: 200 });
    const table = heatPlusTable(
      demo.codebook,
      indexEstimates(demo.estimates),
      { indicator: 1, dim: 1, year: 2023, scope: scope('0265') },
      { plan: heatPlusPlan(keyRows(1, 1, 2023), DEFAULT_SUPPRESSION), heat: { repetitions: 200 } },
    );
    expect(table.measuresNote).toBeNull();
    for (const code of ['D', 'R', 'SII', 'RII', 'ACI', 'RCI', 'PAF'] as const) {
      const a = cli.measures.find((m) => m.code === code)!;
      const b = table.measures!.find((m) => m.code === code)!;
      expect(b.value, code).toBeCloseTo(a.value!, 8);
      expect(b.lower, code).toBeCloseTo(a.lower!, 8);
      expect(b.upper, code).toBeCloseTo(a.upper!, 8);
    }
  });

  it('drops the intervals of the measures when a subgroup has no se', () => {
    const rows = [
      est({ category: 1, estimate: 30, se: 2, population: 500 }),
      est({ category: 2, estimate: 20, population: 500 }),
      est({ category: 3, estimate: 10, se: 1, population: 500 }),
      est({ category: 0, estimate: 20, population: 1500 }),
    ];
    const table = heatPlusTable(
      demo.codebook,
      indexEstimates(rows),
      { indicator: 1, dim: 1, year: 2021, scope: scope('0265') },
      { plan: heatPlusPlan(rows, DEFAULT_SUPPRESSION), measures: ['D'] },
    );
    expect(table.measures?.[0]).toMatchObject({ code: 'D', interval: 'none' });
    expect(Number.isNaN(table.measures?.[0]?.lower)).toBe(true);
  });
});
