/**
 * Pure: a HEAT Plus dataset's figures as the monitor's tables (estimates/tables.ts `Table`), so
 * the indicator page, overview, charts and downloads show them as they show a survey's.
 *
 * - Estimates and 95 % intervals are the file's own; where the file gives only a standard error
 *   the interval is estimate ± 1.96 × se (as HEAT Plus does), kept within 0–100 %; where it
 *   gives only limits, the se is (upper − lower) / (2 × 1.96) (template.ts effectiveSe).
 * - Small cells: where the file gives populations, they are the counts, and a subgroup's cases
 *   are estimate × population; the survey's thresholds apply (fewer than 20 people, or fewer
 *   than 5 with or without the outcome), with complementary cells within the setting and, where
 *   the file holds a region (or Denmark) and places within it, across them as well (an
 *   unpublished remainder stands for the places the file lacks). Without populations nothing
 *   can be counted: the file's figures are shown as it gives them (decision 0011).
 * - The summary measures are HEAT's, over the subgroups with an estimate, computed only when
 *   every subgroup is published and has a population; without every se, without intervals.
 */
import { KOMMUNER, regionOf } from '../microdata/kommuner.ts';
import type { Codebook } from '../microdata/codebook.ts';
import { computeAll, type HeatOptions } from '../measures/heat.ts';
import type { MeasureCode, MeasureResult, Setting } from '../measures/types.ts';
import {
  suppressLeastLoss,
  type Cell,
  type SuppressionOptions,
  type SuppressionReason,
} from '../publish/suppression.ts';
import type { Margin } from '../publish/margin.ts';
import type { Prevalence } from '../estimates/estimate.ts';
import type { SuppressionPlan } from '../estimates/suppression-plan.ts';
import { EVERYONE, type Figure, type Scope, type Table } from '../estimates/tables.ts';
import { COUNTRY_SETTING, type HeatPlusEstimate } from './dataset.ts';
import { HEAT_Z } from './template.ts';

const id = (area: string, category: number) => `${area}:${category}`;

/** A figure's counts, when the file gives its population: people, and people with the outcome. */
function countsOf(e: HeatPlusEstimate): { n: number; cases: number } | null {
  if (e.population === null || e.estimate === null) return null;
  return { n: e.population, cases: Math.round((e.estimate / 100) * e.population) };
}

/**
 * The hidden cells of one indicator x dimension x year over every place in the file. `rows`
 * are that key's figures (subgroups and setting averages) of every place.
 */
export function heatPlusPlan(
  rows: readonly HeatPlusEstimate[],
  opts: SuppressionOptions,
): SuppressionPlan {
  const byArea = new Map<string, HeatPlusEstimate[]>();
  for (const r of rows) byArea.set(r.area, [...(byArea.get(r.area) ?? []), r]);
  const cells: Cell[] = [];
  const margins: Margin[] = [];
  const unpublished: string[] = [];
  // Places whose every figure has a count; the others cannot be counted and are shown as given.
  const counted = new Map<string, Map<number, { n: number; cases: number }>>();
  for (const [area, list] of byArea) {
    const counts = list.map((e) => [e.category, countsOf(e)] as const);
    if (counts.some(([, c]) => c === null)) continue;
    const m = new Map(counts.map(([cat, c]) => [cat, c!]));
    counted.set(area, m);
    for (const [cat, c] of m) cells.push({ id: id(area, cat), ...c });
    const parts = [...m.keys()].filter((c) => c > 0);
    if (m.has(0) && parts.length > 0)
      margins.push({ total: id(area, 0), parts: parts.map((c) => id(area, c)) });
  }
  // A region is the sum of its municipalities, the country of its regions (or municipalities):
  // where the file holds both, the places it lacks are one unpublished remainder.
  const categories = [...new Set(rows.map((r) => r.category))];
  const within = (outer: string): string[] =>
    [...counted.keys()].filter((a) =>
      outer === COUNTRY_SETTING
        ? a !== COUNTRY_SETTING &&
          (KOMMUNER.some((k) => k.code === a) ? !counted.has(regionOf(a) ?? '') : true)
        : regionOf(a) === outer,
    );
  for (const outer of counted.keys()) {
    if (KOMMUNER.some((k) => k.code === outer)) continue;
    const inner = within(outer);
    if (inner.length === 0) continue;
    for (const cat of categories) {
      const total = counted.get(outer)?.get(cat);
      const parts = inner.map((a) => counted.get(a)?.get(cat));
      if (!total || parts.some((p) => !p)) continue;
      const rest = {
        n: total.n - parts.reduce((s, p) => s + p!.n, 0),
        cases: total.cases - parts.reduce((s, p) => s + p!.cases, 0),
      };
      // Figures from different sources need not add up; no margin where they visibly don't.
      if (rest.n < 0 || rest.cases < 0 || rest.cases > rest.n) continue;
      const partIds = inner.map((a) => id(a, cat));
      if (rest.n > 0) {
        const restId = id(`${outer}-rest`, cat);
        cells.push({ id: restId, ...rest });
        unpublished.push(restId);
        partIds.push(restId);
      }
      margins.push({ total: id(outer, cat), parts: partIds, aggregate: true });
    }
  }
  const isMunicipality = (cell: string) =>
    KOMMUNER.some((k) => k.code === (cell.split(':')[0] ?? ''));
  const hidden: Map<string, SuppressionReason> =
    cells.length > 0
      ? suppressLeastLoss(cells, margins, isMunicipality, opts, unpublished)
      : new Map<string, SuppressionReason>();
  return { reason: (scope, category) => hidden.get(id(scope, category)) ?? null };
}

const BLANK: Prevalence = {
  n: 0,
  cases: 0,
  population: 0,
  value: null,
  se: null,
  lower: null,
  upper: null,
  rse: null,
  method: null,
};

const clamp = (v: number) => Math.min(100, Math.max(0, v));

/** A file figure as the monitor's prevalence: the file's interval, or ± 1.96 se. */
export function prevalenceOf(e: HeatPlusEstimate): Prevalence {
  if (e.estimate === null) return { ...BLANK, population: e.population ?? 0 };
  const se =
    e.se ?? (e.lower !== null && e.upper !== null ? (e.upper - e.lower) / (2 * HEAT_Z) : null);
  const given = e.lower !== null && e.upper !== null;
  const counts = countsOf(e);
  return {
    n: counts?.n ?? 0,
    cases: counts?.cases ?? 0,
    population: e.population ?? 0,
    value: e.estimate,
    se,
    lower: given ? e.lower : se !== null ? clamp(e.estimate - HEAT_Z * se) : null,
    upper: given ? e.upper : se !== null ? clamp(e.estimate + HEAT_Z * se) : null,
    rse: se !== null && e.estimate > 0 ? se / e.estimate : null,
    method: 'heatplus',
  };
}

export type HeatPlusIndex = Map<string, HeatPlusEstimate>;

export const estimateKey = (
  indicator: number,
  dim: number,
  category: number,
  year: number,
  area: string,
) => `${indicator}:${dim}:${category}:${year}:${area}`;

export function indexEstimates(rows: readonly HeatPlusEstimate[]): HeatPlusIndex {
  return new Map(rows.map((r) => [estimateKey(r.indicator, r.dim, r.category, r.year, r.area), r]));
}

/** One table of a HEAT Plus dataset: the scope's subgroups, its average and the measures. */
export function heatPlusTable(
  codebook: Codebook,
  index: HeatPlusIndex,
  at: { indicator: number; dim: number; year: number; scope: Scope },
  opts: {
    plan: SuppressionPlan;
    /** null: none (trend years); all applicable when omitted. */
    measures?: readonly MeasureCode[] | null | undefined;
    heat?: HeatOptions | undefined;
  },
): Table {
  const indicator = codebook.indicators[at.indicator - 1];
  const dimension = codebook.dimensions[at.dim - 1];
  if (!indicator || !dimension)
    throw new Error(`No indicator ${at.indicator} or dimension ${at.dim}`);
  const estimate = (category: number) =>
    index.get(estimateKey(at.indicator, at.dim, category, at.year, at.scope.code));
  const figure = (category: number, code: string, label: Figure['label'], reference: boolean) => {
    const e = estimate(category);
    const suppressed = e ? opts.plan.reason(at.scope.code, category) : null;
    return {
      category,
      code,
      label,
      reference,
      suppressed,
      prevalence: suppressed || !e ? BLANK : prevalenceOf(e),
    } satisfies Figure;
  };
  const total = figure(0, '', EVERYONE, false);
  const groups = dimension.categories.map((c, i) =>
    figure(i + 1, c.code, c.label, !dimension.ordered && dimension.reference === c.code),
  );
  const table: Table = {
    scope: at.scope,
    year: at.year,
    indicator,
    dimension,
    total,
    groups,
    measures: null,
    measuresNote: null,
  };
  if (opts.measures === null) return table;
  if (groups.some((g) => g.suppressed)) return { ...table, measuresNote: 'suppressed' };
  const present = groups
    .map((g) => ({ g, e: estimate(g.category) }))
    .filter((x) => x.e && x.e.estimate !== null);
  if (present.length < 2) return { ...table, measuresNote: 'no-estimate' };
  if (present.some((x) => x.e!.population === null || !(x.e!.population > 0)))
    return { ...table, measuresNote: 'no-population' };
  const seKnown = present.every((x) => x.g.prevalence.se !== null);
  const setting: Setting = {
    subgroups: present.map(({ g, e }) => ({
      name: g.label.da,
      estimate: e!.estimate!,
      se: g.prevalence.se ?? 0,
      population: e!.population!,
      order: g.category,
      reference: g.reference,
    })),
    ordered: dimension.ordered,
    favourable: indicator.favourable,
    scale: 100,
    ...(total.prevalence.value !== null ? { settingAverage: total.prevalence.value } : {}),
  };
  const all = computeAll(
    setting,
    opts.measures ? { ...opts.heat, measures: opts.measures } : opts.heat,
  );
  const measures: MeasureResult[] = seKnown
    ? all
    : all.map((m) => ({ ...m, lower: NaN, upper: NaN, interval: 'none' }));
  return { ...table, measures };
}
