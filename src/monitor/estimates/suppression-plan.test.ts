import { describe, expect, it } from 'vitest';
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
