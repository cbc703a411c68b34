/**
 * The monitor's views of a HEAT Plus dataset (heatplus/dataset.ts): the same shapes the survey's
 * views return (monitor.service.ts), so the overview, indicator page, priority finder, charts
 * and downloads show a file's figures as they show a survey's. A file's places are its own
 * settings: a municipality, a region or Denmark, each a figure of its own (never a sum of
 * others), so a region is named as itself and compared as the file gives it.
 */
import type { Queryable } from '../../db/db.ts';
import type { DatasetInfo } from '../microdata/dataset.store.ts';
import { regionOf } from '../microdata/kommuner.ts';
import type { MeasureCode } from '../measures/types.ts';
import { DEFAULT_METHOD, heatOptionsFor, type MeasureMethod } from '../measures/method.ts';
import { rankPriorities, type PriorityResult } from '../publish/priority.ts';
import {
  COUNTRY_SETTING,
  settingLevel,
  settingName,
  type HeatPlusEstimate,
} from '../heatplus/dataset.ts';
import {
  heatPlusPlan,
  heatPlusTable,
  indexEstimates,
  prevalenceOf,
} from '../heatplus/dataset-tables.ts';
import { estimateAreas, loadEstimates } from '../heatplus/dataset.store.ts';
import { compareByOverlap, type Comparison } from './estimate.ts';
import type { GapTrendRow, IndicatorView, MapValue, MonitorSettings } from './monitor.service.ts';
import { candidatesOf } from './priorities.service.ts';
import type { SuppressionPlan } from './suppression-plan.ts';
import type { Scope, Table } from './tables.ts';

/** The file's places, municipalities first, then regions, then Denmark. */
export async function heatPlusAreas(q: Queryable, datasetId: string): Promise<string[]> {
  const areas = await estimateAreas(q, datasetId);
  return areas.sort((a, b) => settingLevel(a) - settingLevel(b) || a.localeCompare(b));
}

const scopeOf = (code: string, kind: Scope['kind']): Scope => ({
  kind,
  code,
  name: settingName(code),
});

/** The chosen place, and (where the file has them) its region and Denmark beside it. */
export function heatPlusScopes(area: string, areas: readonly string[]): Scope[] {
  const region = regionOf(area);
  return [
    scopeOf(area, 'area'),
    ...(region && areas.includes(region) ? [scopeOf(region, 'region')] : []),
    ...(area !== COUNTRY_SETTING && areas.includes(COUNTRY_SETTING)
      ? [scopeOf(COUNTRY_SETTING, 'country')]
      : []),
  ];
}

type Key = { indicator: number; dim: number; year: number };

/** Plans per indicator x dimension x year, from every place's figures of that key. */
function plansOf(rows: readonly HeatPlusEstimate[], settings: MonitorSettings) {
  const byKey = new Map<string, HeatPlusEstimate[]>();
  const k = (x: Key) => `${x.indicator}:${x.dim}:${x.year}`;
  for (const r of rows) byKey.set(k(r), [...(byKey.get(k(r)) ?? []), r]);
  const plans = new Map<string, SuppressionPlan>();
  return (key: Key): SuppressionPlan => {
    let plan = plans.get(k(key));
    if (!plan) {
      plan = heatPlusPlan(byKey.get(k(key)) ?? [], settings.suppression);
      plans.set(k(key), plan);
    }
    return plan;
  };
}

const heatOf = (settings: MonitorSettings, method: MeasureMethod | undefined) => ({
  repetitions: settings.repetitions,
  ...heatOptionsFor(method ?? DEFAULT_METHOD),
});

export async function heatPlusIndicatorView(
  q: Queryable,
  dataset: DatasetInfo,
  at: {
    indicator: number;
    dim: number;
    area: string;
    year: number;
    measures?: readonly MeasureCode[] | undefined;
    method?: MeasureMethod | undefined;
  },
  settings: MonitorSettings,
): Promise<IndicatorView> {
  const scopes = heatPlusScopes(at.area, await heatPlusAreas(q, dataset.id));
  const rows = await loadEstimates(q, {
    datasetId: dataset.id,
    indicators: [at.indicator],
    dims: [at.dim],
  });
  const index = indexEstimates(rows);
  const plan = plansOf(rows, settings);
  const current: Table[] = [];
  const trend: IndicatorView['trend'] = { area: [], country: [] };
  for (const scope of scopes)
    for (const year of dataset.years) {
      const key = { indicator: at.indicator, dim: at.dim, year };
      const isCurrent = year === at.year;
      const t = heatPlusTable(
        dataset.codebook,
        index,
        { ...key, scope },
        {
          plan: plan(key),
          measures: isCurrent ? (at.measures ?? undefined) : null,
          heat: heatOf(settings, at.method),
        },
      );
      if (isCurrent) current.push(t);
      if (scope.kind === 'area') trend.area.push(t);
      if (scope.kind === 'country') trend.country.push(t);
    }
  const own = current.find((t) => t.scope.kind === 'area');
  const against = (kind: 'region' | 'country'): Comparison => {
    const other = current.find((t) => t.scope.kind === kind);
    if (!own || !other || own.total.suppressed || other.total.suppressed) return 'unknown';
    return compareByOverlap(own.total.prevalence, other.total.prevalence);
  };
  return {
    dataset,
    scopes,
    year: at.year,
    current,
    trend,
    comparison: { region: against('region'), country: against('country') },
    standardised: null,
    standardisedComparison: 'unknown',
  };
}

/** One table per indicator for the place and Denmark: the overview's rows. */
export async function heatPlusOverview(
  q: Queryable,
  dataset: DatasetInfo,
  at: {
    dim: number;
    area: string;
    year: number;
    measures: readonly MeasureCode[];
    method?: MeasureMethod | undefined;
  },
  settings: MonitorSettings,
): Promise<{ area: Table[]; country: Table[] }> {
  const rows = await loadEstimates(q, { datasetId: dataset.id, dims: [at.dim], years: [at.year] });
  const index = indexEstimates(rows);
  const plan = plansOf(rows, settings);
  const out = { area: [] as Table[], country: [] as Table[] };
  const scopes = [
    ['area', scopeOf(at.area, 'area')],
    ['country', scopeOf(COUNTRY_SETTING, 'country')],
  ] as const;
  for (const [kind, scope] of scopes)
    dataset.codebook.indicators.forEach((_, i) => {
      const key = { indicator: i + 1, dim: at.dim, year: at.year };
      out[kind].push(
        heatPlusTable(
          dataset.codebook,
          index,
          { ...key, scope },
          {
            plan: plan(key),
            measures: kind === 'area' ? at.measures : null,
            heat: heatOf(settings, at.method),
          },
        ),
      );
    });
  return out;
}

/** Is the gap closing? The place's difference D in every year of the file. */
export async function heatPlusGapTrend(
  q: Queryable,
  dataset: DatasetInfo,
  at: { dim: number; area: string },
  settings: MonitorSettings,
): Promise<{ years: number[]; rows: GapTrendRow[] }> {
  const rows = await loadEstimates(q, { datasetId: dataset.id, dims: [at.dim] });
  const index = indexEstimates(rows);
  const plan = plansOf(rows, settings);
  const scope = scopeOf(at.area, 'area');
  const years = dataset.years;
  return {
    years,
    rows: dataset.codebook.indicators.map((indicator, i) => ({
      indicator,
      gaps: years.map((year) => {
        const key = { indicator: i + 1, dim: at.dim, year };
        const t = heatPlusTable(
          dataset.codebook,
          index,
          { ...key, scope },
          { plan: plan(key), measures: ['D'] },
        );
        return t.measures?.[0] ?? null;
      }),
      breakBefore: years.map(() => false),
    })),
  };
}

/** Every municipality's everyone-figure in the file (along the chosen dimension's groups). */
export async function heatPlusMap(
  q: Queryable,
  dataset: DatasetInfo,
  at: { indicator: number; dim: number; year: number },
  settings: MonitorSettings,
): Promise<MapValue[]> {
  const rows = await loadEstimates(q, {
    datasetId: dataset.id,
    indicators: [at.indicator],
    dims: [at.dim],
    years: [at.year],
  });
  const plan = heatPlusPlan(rows, settings.suppression);
  return rows
    .filter((r) => r.category === 0 && settingLevel(r.area) === 0)
    .map((r) => {
      const suppressed = plan.reason(r.area, 0) !== null;
      return {
        area: r.area,
        name: settingName(r.area).da,
        suppressed,
        prevalence: suppressed ? null : prevalenceOf(r),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/**
 * The priority finder over a file: the place's groups against the best-off group, per
 * indicator, along the chosen dimension. The file's figures are as it gives them (crude or
 * not, the file says; the page says they come from the file).
 */
export async function heatPlusPriorities(
  q: Queryable,
  dataset: DatasetInfo,
  at: { area: string; year: number; dim: number },
  settings: MonitorSettings,
): Promise<PriorityResult & { crude: boolean }> {
  const rows = await loadEstimates(q, { datasetId: dataset.id, dims: [at.dim], years: [at.year] });
  const index = indexEstimates(rows);
  const plan = plansOf(rows, settings);
  const scope = scopeOf(at.area, 'area');
  const candidates = dataset.codebook.indicators.flatMap((_, i) => {
    const key = { indicator: i + 1, dim: at.dim, year: at.year };
    const table = heatPlusTable(
      dataset.codebook,
      index,
      { ...key, scope },
      { plan: plan(key), measures: null },
    );
    return candidatesOf(table, scope.name.da);
  });
  return { ...rankPriorities(candidates), crude: false };
}

/** The tables a download holds, as exportedTables (export.ts) does for a survey. */
export async function heatPlusExportTables(
  q: Queryable,
  dataset: DatasetInfo,
  at: { area: string; year: number; dim: number; indicator?: number | undefined },
  scope: 'all' | 'indicator',
  settings: MonitorSettings,
): Promise<Table[]> {
  const cb = dataset.codebook;
  const years = scope === 'indicator' ? dataset.years : [at.year];
  const indicators =
    scope === 'indicator' ? [at.indicator ?? 1] : cb.indicators.map((_, i) => i + 1);
  const dims = scope === 'indicator' ? [at.dim] : cb.dimensions.map((_, i) => i + 1);
  const rows = await loadEstimates(q, { datasetId: dataset.id, indicators, dims, years });
  const index = indexEstimates(rows);
  const plan = plansOf(rows, settings);
  const out: Table[] = [];
  for (const s of heatPlusScopes(at.area, await heatPlusAreas(q, dataset.id)))
    for (const year of years)
      for (const indicator of indicators)
        for (const dim of dims) {
          const key = { indicator, dim, year };
          out.push(
            heatPlusTable(cb, index, { ...key, scope: s }, { plan: plan(key), measures: null }),
          );
        }
  return out;
}
