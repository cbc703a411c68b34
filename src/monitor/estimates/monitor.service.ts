/**
 * What the planner pages, exports and the priority finder ask for, composed from the sums
 * (estimates.store.ts) and the pure tables (tables.ts). Area, region and country are three
 * SQL sums over the same aggregate rows.
 */
import type { Queryable } from '../../db/db.ts';
import type { Codebook } from '../microdata/codebook.ts';
import { KOMMUNER, REGIONS, kommune, regionOf } from '../microdata/kommuner.ts';
import type { MeasureCode, MeasureResult } from '../measures/types.ts';
import { DEFAULT_METHOD, heatOptionsFor, type MeasureMethod } from '../measures/method.ts';
import { DEFAULT_SUPPRESSION, type SuppressionOptions } from '../publish/suppression.ts';
import { datasetAreas, loadSums } from './estimates.store.ts';
import { type DatasetInfo } from '../microdata/dataset.store.ts';
import { compareByOverlap, prevalence, type Comparison, type Prevalence } from './estimate.ts';
import { buildTable, indexSums, sumsKey, type Scope, type Table } from './tables.ts';
import { directlyStandardise, type Standardised } from './standardise.ts';
import { loadPlans, type PlanKey, type SuppressionPlan } from './suppression-plan.ts';
import { cellsInput, computeAllCells } from './all-cells.ts';
import { decodeBlock, encodeBlock, type StoredCell } from './results.ts';
import { loadResultBlock, saveResultBlock, type ResultKey } from './results.store.ts';

/** Plans for these keys of a dataset (see suppression-plan.ts). */
export function plansFor(
  q: Queryable,
  dataset: DatasetInfo,
  keys: readonly PlanKey[],
  settings: MonitorSettings,
) {
  return loadPlans(
    q,
    dataset.id,
    keys,
    (dim) => dataset.codebook.dimensions[dim - 1]?.categories.length ?? 0,
    settings.suppression,
  );
}

/**
 * Every area's measures of one indicator x dimension x wave of a survey dataset: read from
 * monitor_result, or computed in one pass (all-cells.ts) with the pages' plan and heat options
 * and stored for the next request (decision 0030). Only the dataset's own municipality stores
 * (a reader of a shared dataset computes). Null for a HEAT Plus dataset.
 */
export async function storedMeasures(
  q: Queryable,
  dataset: DatasetInfo,
  at: { indicator: number; dim: number; year: number },
  method: MeasureMethod,
  plan: (k: PlanKey) => SuppressionPlan,
  settings: MonitorSettings,
): Promise<Map<string, StoredCell> | null> {
  if (dataset.kind !== 'survey') return null;
  const key: ResultKey = {
    datasetId: dataset.id,
    method,
    repetitions: settings.repetitions,
    suppression: `${settings.suppression.minRespondents}:${settings.suppression.minCount}`,
    ...at,
  };
  const body = await loadResultBlock(q, key);
  if (body) return decodeBlock(body);
  const rows = await loadSums(q, {
    datasetId: dataset.id,
    indicators: [at.indicator],
    dims: [0, at.dim],
    years: [at.year],
    byArea: true,
  });
  const cells = computeAllCells(cellsInput(dataset.codebook, rows), {
    suppression: settings.suppression,
    heat: { repetitions: settings.repetitions, ...heatOptionsFor(method) },
    plan,
    only: at,
  });
  const encoded = encodeBlock(cells);
  await saveResultBlock(q, key, dataset.kommune, encoded);
  return decodeBlock(encoded);
}

export interface MonitorSettings {
  suppression: SuppressionOptions;
  /** Replicates for simulated intervals on pages (benchmarks and exports may ask for more). */
  repetitions: number;
}

export const DEFAULT_SETTINGS: MonitorSettings = {
  suppression: DEFAULT_SUPPRESSION,
  repetitions: 1000,
};

export const COUNTRY: Scope = {
  kind: 'country',
  code: 'DK',
  name: { da: 'Hele landet', en: 'All of Denmark' },
};

export function areaName(code: string): string {
  return kommune(code)?.name ?? code;
}

/**
 * The country as a dataset covers it: "Hele landet" only when every municipality is in it;
 * otherwise named for what the figure is, the sum of the dataset's municipalities.
 */
export function countryScope(covered?: readonly string[]): Scope {
  const k = covered?.length ?? KOMMUNER.length;
  if (k >= KOMMUNER.length) return COUNTRY;
  return {
    ...COUNTRY,
    name: {
      da: `de ${k} kommuner i datasættet`,
      en: `the ${k} municipalities in the dataset`,
    },
    coverage: { areas: k, of: KOMMUNER.length },
  };
}

/**
 * The area, its region and the country, leaving out a wider scope that the dataset covers no
 * more of than the narrower one (a municipality's own survey has no region to compare with).
 * A region or country the dataset covers only in part is named by what it sums ("de 2 kommuner
 * i datasættet i Region Sjælland"), never as the whole region or country (issue 14).
 */
export function scopesFor(area: string, covered?: readonly string[]): Scope[] {
  const name = areaName(area);
  const region = REGIONS.find((r) => r.code === regionOf(area));
  const inRegion = covered?.filter((a) => regionOf(a) === region?.code).length ?? Infinity;
  const regions = covered ? new Set(covered.map(regionOf)).size : Infinity;
  const ofRegion = KOMMUNER.filter((k) => k.region === region?.code).length;
  const regionScope = (r: NonNullable<typeof region>): Scope =>
    inRegion >= ofRegion
      ? { kind: 'region', code: r.code, name: r.name }
      : {
          kind: 'region',
          code: r.code,
          name: {
            da: `de ${inRegion} kommuner i datasættet i ${r.name.da}`,
            en: `the ${inRegion} municipalities in the dataset in ${r.name.en}`,
          },
          coverage: { areas: inRegion, of: ofRegion },
        };
  return [
    { kind: 'area', code: area, name: { da: name, en: name } },
    ...(region && inRegion > 1 ? [regionScope(region)] : []),
    ...(regions > 1 || (!region && (covered?.length ?? 2) > 1) ? [countryScope(covered)] : []),
  ];
}

/** The areas a scope sums over; undefined for the country (all of them). */
export function areasOf(scope: Scope): string[] | undefined {
  if (scope.kind === 'area') return [scope.code];
  if (scope.kind === 'region')
    return KOMMUNER.filter((k) => k.region === scope.code).map((k) => k.code);
  return undefined;
}

export function slotOf(
  codebook: Codebook,
  kind: 'indicator' | 'dimension',
  key: string,
): number | null {
  const list = kind === 'indicator' ? codebook.indicators : codebook.dimensions;
  const i = list.findIndex((x) => x.key === key);
  return i < 0 ? null : i + 1;
}

export interface IndicatorView {
  dataset: DatasetInfo;
  scopes: Scope[];
  year: number;
  /** The chosen year, per scope, with summary measures. */
  current: Table[];
  /** Every year for the area (and the country), prevalences only: the trend. */
  trend: { area: Table[]; country: Table[] };
  /** The area's everyone-figure against its region and the country, by interval overlap. */
  comparison: { region: Comparison; country: Comparison };
  /** Directly age-standardised to the country's age distribution, when the codebook names an age dimension. */
  standardised: { scope: Scope; crude: Prevalence; value: Standardised | null }[] | null;
  standardisedComparison: Comparison;
}

export async function indicatorView(
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
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<IndicatorView> {
  const scopes = scopesFor(at.area, await datasetAreas(q, dataset.id));
  const tableOpts = {
    suppression: settings.suppression,
    heat: { repetitions: settings.repetitions, ...heatOptionsFor(at.method ?? DEFAULT_METHOD) },
  };
  const current: Table[] = [];
  const trend: IndicatorView['trend'] = { area: [], country: [] };
  const plan = await plansFor(
    q,
    dataset,
    dataset.years.map((year) => ({ indicator: at.indicator, dim: at.dim, year })),
    settings,
  );
  const method = at.method ?? DEFAULT_METHOD;
  const stored =
    at.measures === null
      ? null
      : await storedMeasures(
          q,
          dataset,
          { indicator: at.indicator, dim: at.dim, year: at.year },
          method,
          plan,
          settings,
        );
  for (const scope of scopes) {
    const areas = areasOf(scope);
    const rows = await loadSums(q, {
      datasetId: dataset.id,
      indicators: [at.indicator],
      dims: [0, at.dim],
      ...(areas ? { areas } : {}),
    });
    const sums = indexSums(rows);
    for (const year of dataset.years) {
      const isCurrent = year === at.year;
      const own = isCurrent && scope.kind === 'area' ? stored?.get(scope.code) : undefined;
      const t = buildTable(
        dataset.codebook,
        sums,
        { indicator: at.indicator, dim: at.dim, year, scope },
        {
          ...tableOpts,
          plan: plan({ indicator: at.indicator, dim: at.dim, year }),
          measures: isCurrent ? (at.measures ?? undefined) : null,
          stored: own,
        },
      );
      if (isCurrent) current.push(t);
      if (scope.kind === 'area') trend.area.push(t);
      if (scope.kind === 'country') trend.country.push(t);
    }
  }
  const standardised = await standardisedView(q, dataset, { ...at, scopes }, settings);
  const own = current.find((t) => t.scope.kind === 'area');
  const against = (kind: 'region' | 'country'): Comparison => {
    const other = current.find((t) => t.scope.kind === kind);
    if (!own || !other || own.total.suppressed || other.total.suppressed) return 'unknown';
    return compareByOverlap(own.total.prevalence, other.total.prevalence);
  };
  const stdOwn = standardised?.find((s) => s.scope.kind === 'area')?.value;
  const stdCountry = standardised?.find((s) => s.scope.kind === 'country')?.value;
  return {
    dataset,
    scopes,
    year: at.year,
    current,
    trend,
    comparison: { region: against('region'), country: against('country') },
    standardised,
    standardisedComparison: stdOwn && stdCountry ? compareByOverlap(stdOwn, stdCountry) : 'unknown',
  };
}

/**
 * Each scope's everyone-figure directly age-standardised to the country's age distribution of
 * the same year. Age groups come from the same suppression plan as every other table: a hidden
 * age group means no standardised figure for that scope.
 */
async function standardisedView(
  q: Queryable,
  dataset: DatasetInfo,
  at: { indicator: number; year: number; scopes: Scope[] },
  settings: MonitorSettings,
): Promise<IndicatorView['standardised']> {
  const ageKey = dataset.codebook.ageDimension;
  const ageDim = ageKey ? slotOf(dataset.codebook, 'dimension', ageKey) : null;
  if (!ageDim) return null;
  const key = { indicator: at.indicator, dim: ageDim, year: at.year };
  const plan = (await plansFor(q, dataset, [key], settings))(key);
  const tables = [];
  for (const scope of at.scopes) {
    const areas = areasOf(scope);
    const sums = indexSums(
      await loadSums(q, {
        datasetId: dataset.id,
        indicators: [at.indicator],
        dims: [0, ageDim],
        years: [at.year],
        ...(areas ? { areas } : {}),
      }),
    );
    tables.push(
      buildTable(
        dataset.codebook,
        sums,
        { ...key, scope },
        { suppression: settings.suppression, measures: null, plan },
      ),
    );
  }
  // The standard: the country's estimated population per age group (sums of weights).
  const countrySums = indexSums(
    await loadSums(q, {
      datasetId: dataset.id,
      indicators: [at.indicator],
      dims: [ageDim],
      years: [at.year],
    }),
  );
  const categories = dataset.codebook.dimensions[ageDim - 1]?.categories.length ?? 0;
  const standard = Array.from(
    { length: categories },
    (_, i) => countrySums.get(sumsKey(at.indicator, ageDim, i + 1, at.year))?.sw ?? 0,
  );
  return tables.map((t) => ({
    scope: t.scope,
    crude: t.total.prevalence,
    value: directlyStandardise(
      t.groups.map((g) => ({
        value: g.suppressed ? null : g.prevalence.value,
        se: g.suppressed ? null : g.prevalence.se,
      })),
      standard,
    ),
  }));
}

/** One table per indicator for the area and year: the overview's rows. */
export async function overviewTables(
  q: Queryable,
  dataset: DatasetInfo,
  at: {
    dim: number;
    area: string;
    year: number;
    measures: readonly MeasureCode[];
    method?: MeasureMethod | undefined;
  },
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<{ area: Table[]; country: Table[] }> {
  const scopeArea = scopesFor(at.area)[0] ?? COUNTRY;
  const country = countryScope(await datasetAreas(q, dataset.id));
  const out = { area: [] as Table[], country: [] as Table[] };
  const indicators = dataset.codebook.indicators.map((_, i) => i + 1);
  const plan = await plansFor(
    q,
    dataset,
    indicators.map((indicator) => ({ indicator, dim: at.dim, year: at.year })),
    settings,
  );
  for (const [scope, key] of [
    [scopeArea, 'area'],
    [country, 'country'],
  ] as const) {
    const areas = areasOf(scope);
    const sums = indexSums(
      await loadSums(q, {
        datasetId: dataset.id,
        dims: [0, at.dim],
        years: [at.year],
        ...(areas ? { areas } : {}),
      }),
    );
    dataset.codebook.indicators.forEach((_, i) => {
      out[key].push(
        buildTable(
          dataset.codebook,
          sums,
          { indicator: i + 1, dim: at.dim, year: at.year, scope },
          {
            suppression: settings.suppression,
            plan: plan({ indicator: i + 1, dim: at.dim, year: at.year }),
            measures: key === 'area' ? at.measures : null,
            heat: {
              repetitions: settings.repetitions,
              ...heatOptionsFor(at.method ?? DEFAULT_METHOD),
            },
          },
        ),
      );
    });
  }
  return out;
}

/** Is the gap closing? Per indicator, the area's difference D (HEAT's pair) in every wave. */
export interface GapTrendRow {
  indicator: Table['indicator'];
  /** Same order as `years`; null where a group is hidden or there is no estimate. */
  gaps: (MeasureResult | null)[];
  /** Waves that are not comparable with the wave before (a break in the series). */
  breakBefore: boolean[];
}

export async function gapTrend(
  q: Queryable,
  dataset: DatasetInfo,
  at: { dim: number; area: string },
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<{ years: number[]; rows: GapTrendRow[] }> {
  const scope = scopesFor(at.area)[0] ?? COUNTRY;
  const years = dataset.years;
  const indicators = dataset.codebook.indicators.map((_, i) => i + 1);
  const plan = await plansFor(
    q,
    dataset,
    indicators.flatMap((indicator) => years.map((year) => ({ indicator, dim: at.dim, year }))),
    settings,
  );
  const sums = indexSums(
    await loadSums(q, { datasetId: dataset.id, dims: [0, at.dim], areas: [at.area] }),
  );
  const rows = indicators.map((indicator) => {
    const ind = dataset.codebook.indicators[indicator - 1]!;
    const gaps = years.map((year) => {
      const t = buildTable(
        dataset.codebook,
        sums,
        { indicator, dim: at.dim, year, scope },
        {
          suppression: settings.suppression,
          plan: plan({ indicator, dim: at.dim, year }),
          measures: ['D'],
        },
      );
      return t.measures?.[0] ?? null;
    });
    const breakBefore = years.map(
      (y, i) => i > 0 && ind.breaks.some((b) => years[i - 1]! < b.year && y >= b.year),
    );
    return { indicator: ind, gaps, breakBefore };
  });
  return { years, rows };
}

export interface MapValue {
  area: string;
  name: string;
  prevalence: Prevalence | null;
  suppressed: boolean;
}

/**
 * Every area's figure for one indicator and year (everyone, or one subgroup), hidden by the same
 * plan as every other table: a hidden area can't be recovered as the country minus the others.
 */
export async function mapValues(
  q: Queryable,
  dataset: DatasetInfo,
  at: { indicator: number; year: number; dim?: number; category?: number },
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<MapValue[]> {
  const dim = at.dim ?? 0;
  const category = dim === 0 ? 0 : (at.category ?? 1);
  const rows = await loadSums(q, {
    datasetId: dataset.id,
    indicators: [at.indicator],
    dims: [dim],
    years: [at.year],
    category,
    byArea: true,
  });
  const plan = (
    await plansFor(q, dataset, [{ indicator: at.indicator, dim, year: at.year }], settings)
  )({
    indicator: at.indicator,
    dim,
    year: at.year,
  });
  return rows
    .map((r) => {
      const area = r.area ?? '';
      const suppressed = plan.reason(area, category) !== null;
      return {
        area,
        name: areaName(area),
        suppressed,
        prevalence: suppressed ? null : prevalence(r),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
