/**
 * One suppression pattern per indicator x dimension x year, over every area, region and the
 * country at once. Subgroup figures add up across areas (areas to region, regions to country),
 * so suppressing each table on its own would let a hidden group be recovered as the region's
 * figure minus the other areas'. Every table, map and download of that indicator, dimension and
 * year takes its hidden cells from this one plan.
 *
 * Datasets never change after import, so plans are cached by dataset and thresholds.
 */
import type { Queryable } from '../../db/db.ts';
import { KOMMUNER } from '../microdata/kommuner.ts';
import {
  suppressLeastLoss,
  type Cell,
  type SuppressionOptions,
  type SuppressionReason,
} from '../publish/suppression.ts';
import { type Margin } from '../publish/margin.ts';
import { loadSums, type SumsRow } from './estimates.store.ts';

export const COUNTRY_CODE = 'DK';

export interface SuppressionPlan {
  /** Why the figure of `category` (0 = everyone) in an area, region or the country is hidden, or null. */
  reason(scopeCode: string, category: number): SuppressionReason | null;
}

const id = (scope: string, category: number) => `${scope}:${category}`;

/**
 * Pure: the plan from per-area sums of one indicator and year, for the everyone-row (dim 0) and
 * one dimension's `categories` (omit for the everyone-row only, e.g. a map of totals).
 */
export function planFromRows(
  rows: readonly SumsRow[],
  categories: number,
  opts: SuppressionOptions,
): SuppressionPlan {
  const counts = new Map<string, { n: number; cases: number }>();
  const add = (key: string, n: number, cases: number) => {
    const c = counts.get(key) ?? { n: 0, cases: 0 };
    counts.set(key, { n: c.n + n, cases: c.cases + cases });
  };
  const regionOf = new Map(KOMMUNER.map((k) => [k.code, k.region]));
  const areas = new Set<string>();
  for (const r of rows) {
    if (!r.area) continue;
    const cat = r.dim === 0 ? 0 : r.category;
    if (cat > categories) continue;
    areas.add(r.area);
    const region = regionOf.get(r.area) ?? 'unknown-region';
    for (const scope of [r.area, region, COUNTRY_CODE]) add(id(scope, cat), r.n, r.n1);
  }
  const regions = new Set([...areas].map((a) => regionOf.get(a) ?? 'unknown-region'));
  const scopes = [...areas, ...regions, COUNTRY_CODE];
  const cells: Cell[] = [];
  const margins: Margin[] = [];
  const cats = Array.from({ length: categories }, (_, i) => i + 1);

  for (const scope of scopes) {
    const total = counts.get(id(scope, 0)) ?? { n: 0, cases: 0 };
    cells.push({ id: id(scope, 0), ...total });
    if (categories === 0) continue;
    for (const c of cats)
      cells.push({ id: id(scope, c), ...(counts.get(id(scope, c)) ?? { n: 0, cases: 0 }) });
    // Respondents of unknown category (in the total, in no group) are not a cell of their own:
    // they are never shown and can't be tied to anyone, and protecting them would hide a whole
    // group wherever a few people skipped a question. The margin still treats the total as the
    // sum of the groups, which only over-protects the groups. See docs/decisions/0006.
    const parts = cats.map((c) => id(scope, c));
    margins.push({ total: id(scope, 0), parts });
  }
  // Areas add up to their region and regions to the country, category by category.
  for (const c of [0, ...cats]) {
    for (const region of regions) {
      const inRegion = [...areas].filter((a) => (regionOf.get(a) ?? 'unknown-region') === region);
      margins.push({
        total: id(region, c),
        parts: inRegion.map((a) => id(a, c)),
        aggregate: true,
      });
    }
    margins.push({
      total: id(COUNTRY_CODE, c),
      parts: [...regions].map((r) => id(r, c)),
      aggregate: true,
    });
  }
  // Complements fall on a region or the country rather than a municipality where that protects
  // as well and loses less of the municipalities' own figures (decision 0006).
  // The everyone-row is published in every dimension's tables and on the map (the plan without
  // a dimension): a dimension's plan hides at least what that plan hides of it, so no two
  // pages show the two halves of a subtraction.
  const everyone = categories === 0 ? null : planFromRows(rows, 0, opts);
  const preset = everyone
    ? scopes.filter((s) => everyone.reason(s, 0) === 'complementary').map((s) => id(s, 0))
    : [];
  const hidden = suppressLeastLoss(
    cells,
    margins,
    (cell) => areas.has(cell.split(':')[0] ?? ''),
    opts,
    [],
    preset,
  );
  return { reason: (scope, category) => hidden.get(id(scope, category)) ?? null };
}

const cache = new Map<string, SuppressionPlan>();
const CACHE_LIMIT = 20_000;

export interface PlanKey {
  indicator: number;
  /** 0: the everyone-row only. */
  dim: number;
  year: number;
}

const keyOf = (datasetId: string, k: PlanKey, opts: SuppressionOptions) =>
  [datasetId, k.indicator, k.dim, k.year, opts.minRespondents, opts.minCount].join(':');

/**
 * Plans for several indicator x dimension x year combinations of a dataset, with one SQL query
 * for those not cached. `categories(dim)` is the number of categories of a dimension slot.
 */
export async function loadPlans(
  q: Queryable,
  datasetId: string,
  keys: readonly PlanKey[],
  categories: (dim: number) => number,
  opts: SuppressionOptions,
): Promise<(k: PlanKey) => SuppressionPlan> {
  const missing = keys.filter((k) => !cache.has(keyOf(datasetId, k, opts)));
  if (missing.length > 0) {
    const uniq = <T>(xs: T[]) => [...new Set(xs)];
    const rows = await loadSums(q, {
      datasetId,
      indicators: uniq(missing.map((k) => k.indicator)),
      dims: uniq([0, ...missing.map((k) => k.dim)]),
      years: uniq(missing.map((k) => k.year)),
      byArea: true,
    });
    const grouped = new Map<string, SumsRow[]>();
    for (const r of rows) {
      const g = `${r.indicator}:${r.year}`;
      grouped.set(g, [...(grouped.get(g) ?? []), r]);
    }
    if (cache.size + missing.length > CACHE_LIMIT) cache.clear();
    for (const k of missing) {
      const forKey = (grouped.get(`${k.indicator}:${k.year}`) ?? []).filter(
        (r) => r.dim === 0 || r.dim === k.dim,
      );
      cache.set(
        keyOf(datasetId, k, opts),
        planFromRows(forKey, k.dim === 0 ? 0 : categories(k.dim), opts),
      );
    }
  }
  return (k) => {
    const plan = cache.get(keyOf(datasetId, k, opts));
    if (!plan) throw new Error(`No suppression plan for ${keyOf(datasetId, k, opts)}`);
    return plan;
  };
}
