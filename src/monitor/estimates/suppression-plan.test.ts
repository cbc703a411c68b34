import { describe, expect, it } from 'vitest';
import { recoverableCells } from '../publish/audit.ts';
import type { Margin } from '../publish/margin.ts';
import { DEFAULT_SUPPRESSION } from '../publish/suppression.ts';
import type { SumsRow } from './estimates.store.ts';
import { COUNTRY_CODE, planFromRows } from './suppression-plan.ts';

/** Sums rows for one indicator and year: per area, the everyone-row and three origin groups. */
function rows(areas: Record<string, [number, number][]>): SumsRow[] {
  const out: SumsRow[] = [];
  for (const [area, groups] of Object.entries(areas)) {
    const total = groups.reduce((a, [n, c]) => [a[0] + n, a[1] + c], [0, 0]);
    const row = (dim: number, category: number, n: number, n1: number): SumsRow => ({
      indicator: 1,
      dim,
      category,
      year: 2021,
      area,
      n,
      n1,
      sw: n,
      sw2: n,
      swy: n1,
      sw2y: n1,
    });
    out.push(row(0, 0, total[0], total[1]));
    groups.forEach(([n, c], i) => out.push(row(4, i + 1, n, c)));
  }
  return out;
}

// Roskilde (0265) and Lejre (0350) are in Region Sjælland (1085); København (0101) in 1084.
const SJ = '1085';
const HS = '1084';
const areaCells = {
  '0265': [
    [400, 80],
    [390, 60],
    [3, 1],
  ] as [number, number][],
  '0350': [
    [300, 50],
    [280, 40],
    [30, 8],
  ] as [number, number][],
  '0101': [
    [500, 90],
    [450, 70],
    [60, 15],
  ] as [number, number][],
};

describe('one suppression plan across areas, regions and the country', () => {
  const plan = planFromRows(rows(areaCells), 3, DEFAULT_SUPPRESSION);
  const hidden = (scope: string, c: number) => plan.reason(scope, c) !== null;

  it('hides the 3-respondent group', () => {
    expect(plan.reason('0265', 3)).toBe('few-respondents');
  });

  it('leaves no hidden group recoverable from the region minus the other areas', () => {
    // Region Sjælland's non-Western figure = Roskilde's + Lejre's. With Lejre (30) and the
    // region (33) both published, Roskilde's 3 would follow by subtraction.
    expect(hidden(SJ, 3) || hidden('0350', 3)).toBe(true);
    // And the country's = the two regions': the region must not follow from country minus 1084.
    if (hidden(SJ, 3)) expect(hidden(COUNTRY_CODE, 3) || hidden(HS, 3)).toBe(true);
  });

  it('leaves no margin with exactly one hidden cell', () => {
    const scopes = ['0265', '0350', '0101', SJ, HS, COUNTRY_CODE];
    // Within each scope: everyone = the three groups.
    for (const s of scopes) {
      const count = [0, 1, 2, 3].filter((c) => hidden(s, c)).length;
      expect(count === 0 || count >= 2, `${s}: ${count}`).toBe(true);
    }
    // Across areas, per category: region = its areas, country = the regions.
    for (const c of [0, 1, 2, 3]) {
      for (const [total, parts] of [
        [SJ, ['0265', '0350']],
        [HS, ['0101']],
        [COUNTRY_CODE, [SJ, HS]],
      ] as const) {
        const count = [total, ...parts].filter((s) => hidden(s, c)).length;
        expect(count === 0 || count >= 2, `${total} category ${c}: ${count}`).toBe(true);
      }
    }
  });

  it('shows the everyone-row where nothing small is in it', () => {
    expect(plan.reason('0101', 0)).toBeNull();
  });
});

describe('the complement falls on the region, not the planner’s municipality (issue 14)', () => {
  // Roskilde: 1,400 respondents; Lejre: 12. Both in Region Sjælland, nothing else in the dataset.
  const data = {
    '0265': [
      [600, 120],
      [500, 90],
      [300, 40],
    ] as [number, number][],
    '0350': [
      [5, 1],
      [4, 1],
      [3, 1],
    ] as [number, number][],
  };
  const all = rows(data);
  const plan = planFromRows(all, 3, DEFAULT_SUPPRESSION);
  const hidden = (scope: string, c: number) => plan.reason(scope, c) !== null;

  it('hides Lejre and shows every Roskilde figure', () => {
    for (const c of [0, 1, 2, 3]) {
      expect(hidden('0350', c), `Lejre ${c}`).toBe(true);
      expect(plan.reason('0265', c), `Roskilde ${c}`).toBeNull();
    }
  });

  it('hides the region (Roskilde plus 12 people) and the country instead', () => {
    for (const c of [0, 1, 2, 3]) {
      expect(plan.reason(SJ, c), `region ${c}`).toBe('complementary');
      expect(hidden(COUNTRY_CODE, c), `country ${c}`).toBe(true);
    }
  });

  it('still leaves nothing recoverable, by one margin or by all of them together', () => {
    const cats = [1, 2, 3];
    const margins: Margin[] = [];
    for (const s of ['0265', '0350', SJ, COUNTRY_CODE])
      margins.push({ total: `${s}:0`, parts: cats.map((c) => `${s}:${c}`) });
    for (const c of [0, ...cats]) {
      margins.push({ total: `${SJ}:${c}`, parts: [`0265:${c}`, `0350:${c}`] });
      margins.push({ total: `${COUNTRY_CODE}:${c}`, parts: [`${SJ}:${c}`] });
    }
    const isHidden = (cell: string) => {
      const [scope, c] = cell.split(':');
      return hidden(scope ?? '', Number(c));
    };
    for (const m of margins) {
      const n = [m.total, ...m.parts].filter(isHidden).length;
      expect(n === 0 || n >= 2, m.total).toBe(true);
    }
    expect(recoverableCells(margins, isHidden).size).toBe(0);
  });

  it('the everyone-row hides the same areas with or without a dimension (the map agrees)', () => {
    const everyone = planFromRows(all, 0, DEFAULT_SUPPRESSION);
    for (const scope of ['0265', '0350', SJ, COUNTRY_CODE])
      if (everyone.reason(scope, 0) !== null) expect(hidden(scope, 0), scope).toBe(true);
    expect(everyone.reason('0265', 0)).toBeNull();
  });

  it('keeps the old choice where hiding an aggregate would cost a municipality more', () => {
    // The first scenario of this file: the 3-respondent group in Roskilde costs a small cell
    // elsewhere, not the region's and the country's whole column.
    const p = planFromRows(rows(areaCells), 3, DEFAULT_SUPPRESSION);
    expect(p.reason('0265', 3)).toBe('few-respondents');
    expect(p.reason('0265', 0)).toBeNull();
    expect(p.reason('0101', 0)).toBeNull();
  });
});
