/**
 * The target population for reach (issue 12, decision 0025): how the people an offer is for
 * (e.g. daily smokers in the municipality) split by a social dimension, from the latest wave
 * of the newest survey that has the dimension. Each group's share comes with its SE, from the
 * same weighted sums the monitor keeps (estimates.store.ts), and the monitor's suppression.
 *
 * A group's share of the target is a ratio of weighted sums, p = Σ w·y·d / Σ w·y (d: in the
 * group); its variance by linearisation, like the monitor's prevalence (estimate.ts):
 * var(p) = n/(n−1) · [(1−p)²·A_g + p²·(A − A_g)] / (Σ w·y)², with A_g = Σ w²·y over the group
 * (y is 0/1, so y² = y) and A over every group.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import type { Label } from './microdata/codebook.ts';
import { listDatasets, type DatasetInfo } from './microdata/dataset.store.ts';
import { loadSums, type SumsRow } from './estimates/estimates.store.ts';
import { DEFAULT_SUPPRESSION, suppressGroups } from './publish/suppression.ts';

export interface TargetShare {
  /** The category code in the monitor's codebook ("1" = grundskole for education). */
  group: string;
  label: Label;
  /** The group's share of the target population, a proportion 0–1; null when suppressed. */
  share: number | null;
  se: number | null;
  /** Respondents in the group who answered the indicator (0 when suppressed). */
  n: number;
  suppressed: boolean;
}

export interface TargetPopulation {
  datasetId: string;
  datasetName: Label;
  synthetic: boolean;
  year: number;
  area: string;
  /** The target indicator's key, or null for the whole adult population. */
  indicator: string | null;
  indicatorLabel: Label | null;
  /** The indicator's plain phrase ("ryger dagligt"), when the codebook has one. */
  indicatorPhrase: Label | null;
  dimension: string;
  dimensionLabel: Label;
  groups: TargetShare[];
  /** The dataset's indicators (the reach page's choice of target). */
  indicators: { key: string; label: Label }[];
}

export interface TargetQuery {
  kommune: string;
  indicator: string | null;
  dimension: string;
  /** A four-digit kommune code (the monitor's area). */
  area: string;
}

/**
 * Each group's share of the target population in the latest wave, or null when no readable
 * survey has the dimension (and the indicator) for the area.
 */
export function targetPopulationShares(db: Db, q: TargetQuery): Promise<TargetPopulation | null> {
  return inTenant(db, q.kommune, (tx) => targetShares(tx, q));
}

export async function targetShares(
  tx: Queryable,
  q: TargetQuery,
): Promise<TargetPopulation | null> {
  const datasets = (await listDatasets(tx, { sharedFirst: true })).filter(
    (d) =>
      d.kind === 'survey' &&
      d.codebook.dimensions.some((x) => x.key === q.dimension) &&
      (q.indicator === null || d.codebook.indicators.some((i) => i.key === q.indicator)),
  );
  for (const d of datasets) {
    const found = await sharesIn(tx, d, q);
    if (found) return found;
  }
  return null;
}

async function sharesIn(
  tx: Queryable,
  d: DatasetInfo,
  q: TargetQuery,
): Promise<TargetPopulation | null> {
  const cb = d.codebook;
  const dimIndex = cb.dimensions.findIndex((x) => x.key === q.dimension);
  const dimension = cb.dimensions[dimIndex]!;
  const indSlot =
    q.indicator === null ? null : cb.indicators.findIndex((i) => i.key === q.indicator) + 1;
  const year = d.years.at(-1);
  if (year === undefined) return null;
  const rows = await loadSums(tx, {
    datasetId: d.id,
    dims: [0, dimIndex + 1],
    years: [year],
    areas: [q.area],
    ...(indSlot !== null ? { indicators: [indSlot] } : {}),
  });
  // The whole population: the indicator most respondents answered, every respondent counted.
  const slot = indSlot ?? mostAnswered(rows);
  if (slot === null) return null;
  const mine = rows.filter((r) => r.indicator === slot);
  const total = mine.find((r) => r.dim === 0);
  if (!total || total.n === 0) return null;
  const everyone = indSlot === null;
  const cells = dimension.categories.map((c, i) => {
    const r = mine.find((x) => x.dim === dimIndex + 1 && x.category === i + 1);
    const n = r?.n ?? 0;
    return {
      code: c.code,
      label: c.label,
      n,
      // In the target: the "yes" answers, or everyone.
      cases: everyone ? n : (r?.n1 ?? 0),
      swy: everyone ? (r?.sw ?? 0) : (r?.swy ?? 0),
      sw2y: everyone ? (r?.sw2 ?? 0) : (r?.sw2y ?? 0),
    };
  });
  // The monitor's rule for the cells these shares come from: a subgroup's prevalence (n
  // respondents, cases "yes") and the everyone-row as their margin. For the whole population
  // there is no "no" count to protect, so only the respondent minimum applies.
  const opts = everyone ? { ...DEFAULT_SUPPRESSION, minCount: 0 } : DEFAULT_SUPPRESSION;
  const hidden = suppressGroups(
    cells.map((c) => ({ id: c.code, n: c.n, cases: c.cases })),
    { id: '(total)', n: total.n, cases: everyone ? total.n : total.n1 },
    opts,
  );
  const T = cells.reduce((s, c) => s + c.swy, 0);
  const A = cells.reduce((s, c) => s + c.sw2y, 0);
  const n = cells.reduce((s, c) => s + c.n, 0);
  const groups: TargetShare[] = cells.map((c) => {
    const suppressed = hidden.has(c.code) || T <= 0 || n < 2;
    if (suppressed)
      return { group: c.code, label: c.label, share: null, se: null, n: 0, suppressed: true };
    const { p, se } = shareWithSe(c.swy, c.sw2y, T, A, n);
    return { group: c.code, label: c.label, share: p, se, n: c.n, suppressed: false };
  });
  const ind = indSlot === null ? null : cb.indicators[indSlot - 1]!;
  return {
    datasetId: d.id,
    datasetName: cb.name,
    synthetic: d.synthetic,
    year,
    area: q.area,
    indicator: ind?.key ?? null,
    indicatorLabel: ind?.label ?? null,
    indicatorPhrase: ind?.phrase ?? null,
    dimension: dimension.key,
    dimensionLabel: dimension.label,
    groups,
    indicators: cb.indicators.map((i) => ({ key: i.key, label: i.label })),
  };
}

/**
 * A group's share of a weighted total and its linearised SE (see the file's comment).
 * `swyG`, `sw2yG`: the group's Σw·y and Σw²·y; `T`, `A`: the same over every group; `n`:
 * respondents behind the sums.
 */
export function shareWithSe(
  swyG: number,
  sw2yG: number,
  T: number,
  A: number,
  n: number,
): { p: number; se: number } {
  const p = swyG / T;
  const v = ((n / (n - 1)) * ((1 - p) ** 2 * sw2yG + p ** 2 * (A - sw2yG))) / T ** 2;
  return { p, se: Math.sqrt(Math.max(0, v)) };
}

function mostAnswered(rows: readonly SumsRow[]): number | null {
  let best: SumsRow | null = null;
  for (const r of rows) if (r.dim === 0 && (!best || r.n > best.n)) best = r;
  return best?.indicator ?? null;
}
