/**
 * The monitor's figures for other domains (goals, reports, the open API, impact assessment):
 * series, gaps and the priority finder's gaps, read through the same path as the planner pages
 * (the dataset the pages open by default, the same sums, suppression plans and measures), so a
 * number here is the number on the monitor's pages, hidden where the pages hide it.
 *
 * Values are in percent (0–100), as the monitor shows them. D is in percentage points; SII too
 * (the fitted difference between the top and the bottom of the social scale).
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import type { Label } from './microdata/codebook.ts';
import type { DatasetInfo } from './microdata/dataset.store.ts';
import { DEFAULT_METHOD, heatOptionsFor } from './measures/method.ts';
import { loadSums } from './estimates/estimates.store.ts';
import { resolveChoice } from './estimates/choice.service.ts';
import {
  DEFAULT_SETTINGS,
  plansFor,
  scopesFor,
  slotOf,
  type MonitorSettings,
} from './estimates/monitor.service.ts';
import { heatPlusIndicatorView } from './estimates/heatplus-views.ts';
import { prioritiesForArea } from './estimates/priorities.service.ts';
import { heatPlusPriorities } from './estimates/heatplus-views.ts';
import { buildTable, indexSums, type Figure, type Scope, type Table } from './estimates/tables.ts';
import type { Priority, SkipReason } from './publish/priority.ts';

export { monitorSettings } from './estimates/views.service.ts';
export type { MonitorSettings } from './estimates/monitor.service.ts';
export type { Priority } from './publish/priority.ts';

/** One figure of a series: everyone (group null) or one group of the dimension, in one wave. */
export interface SeriesRow {
  year: number;
  /** The group's code in the codebook; null for everyone. */
  group: string | null;
  /** The group's Danish label (labels in both languages in `labels`); null for everyone. */
  groupLabel: string | null;
  labels: Label | null;
  /** Percent (0–100) with its 95 % interval; null when hidden or not estimable. */
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** Respondents behind the figure; 0 when it is hidden (a hidden figure carries no numbers). */
  n: number;
  suppressed: boolean;
  /** The wave is not comparable with the one before (a break in the indicator's method). */
  breakBefore: boolean;
}

export interface GapRow {
  year: number;
  measure: 'D' | 'SII';
  /** Percentage points with the 95 % interval; null when not computed (see `note`). */
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** A group of the dimension is hidden, so the measure is too (it would give the group away). */
  suppressed: boolean;
  note: 'suppressed' | 'no-estimate' | 'not-applicable' | null;
  breakBefore: boolean;
  /** Names the convention and interval method (as the indicator page's table does). */
  method: string | null;
}

export interface IndicatorInfo {
  key: string;
  label: Label;
  /** Verb phrase for plain sentences ("ryger dagligt"), when the codebook gives one. */
  phrase: Label | null;
  /** Higher is better (e.g. physical activity); false: higher is worse (daily smoking). */
  favourable: boolean;
  years: number[];
}

export interface DimensionInfo {
  key: string;
  label: Label;
  /** Social position or demographic (age, sex): the priority finder ranks social gaps only. */
  kind: 'social' | 'demographic';
  /** Ordered dimensions (SII applies) list groups from most disadvantaged to most advantaged. */
  ordered: boolean;
  groups: { code: string; label: Label }[];
}

/** The dataset the monitor's pages open for this municipality, and the areas it covers. */
export interface CurrentDataset {
  id: string;
  fileName: string;
  synthetic: boolean;
  years: number[];
  /** The municipality's own area when the dataset covers it (the pages' default area). */
  area: string;
  areas: { code: string; name: string }[];
}

export interface SeriesQuery {
  kommune: string;
  indicator: string;
  /** A dimension's key: everyone plus each group; omitted: everyone only. */
  dimension?: string | undefined;
  area: string;
}

export interface GapQuery {
  kommune: string;
  indicator: string;
  dimension: string;
  area: string;
  measure: 'D' | 'SII';
}

/** The dataset the planner pages default to (newest shared, else the municipality's own). */
async function current(q: Queryable, kommune: string, area?: string) {
  return resolveChoice(q, area ? { omraade: area } : {}, kommune);
}

export async function currentDataset(db: Db, kommune: string): Promise<CurrentDataset | null> {
  return inTenant(db, kommune, async (tx) => {
    const r = await current(tx, kommune);
    if (!r) return null;
    const d = r.choice.dataset;
    return {
      id: d.id,
      fileName: d.fileName,
      synthetic: d.synthetic,
      years: d.years,
      area: r.choice.area,
      areas: r.areas,
    };
  });
}

export async function listIndicators(db: Db, kommune: string): Promise<IndicatorInfo[]> {
  return inTenant(db, kommune, async (tx) => {
    const r = await current(tx, kommune);
    if (!r) return [];
    return r.choice.dataset.codebook.indicators.map((i) => ({
      key: i.key,
      label: i.label,
      phrase: i.phrase ?? null,
      favourable: i.favourable,
      years: r.choice.dataset.years,
    }));
  });
}

export async function listDimensions(db: Db, kommune: string): Promise<DimensionInfo[]> {
  return inTenant(db, kommune, async (tx) => {
    const r = await current(tx, kommune);
    if (!r) return [];
    return r.choice.dataset.codebook.dimensions.map((d) => ({
      key: d.key,
      label: d.label,
      kind: d.kind,
      ordered: d.ordered,
      groups: d.categories.map((c) => ({ code: c.code, label: c.label })),
    }));
  });
}

const breaksOf = (dataset: DatasetInfo, indicator: number) => {
  const ind = dataset.codebook.indicators[indicator - 1];
  const years = dataset.years;
  return new Map(
    years.map((y, i) => [
      y,
      i > 0 && (ind?.breaks.some((b) => years[i - 1]! < b.year && y >= b.year) ?? false),
    ]),
  );
};

function rowOf(f: Figure, year: number, everyone: boolean, breakBefore: boolean): SeriesRow {
  const hidden = f.suppressed !== null;
  return {
    year,
    group: everyone ? null : f.code,
    groupLabel: everyone ? null : f.label.da,
    labels: everyone ? null : f.label,
    value: hidden ? null : f.prevalence.value,
    lo: hidden ? null : f.prevalence.lower,
    hi: hidden ? null : f.prevalence.upper,
    n: hidden ? 0 : f.prevalence.n,
    suppressed: hidden,
    breakBefore,
  };
}

/**
 * The area's tables of one indicator along one dimension (0: everyone alone), one per wave, as
 * the indicator page builds its trend: per-wave suppression plans over every area, so a hidden
 * cell stays hidden here. `measures` per wave: null for none.
 */
async function areaTables(
  q: Queryable,
  dataset: DatasetInfo,
  at: { indicator: number; dim: number; area: string },
  measures: readonly ('D' | 'SII')[] | null,
  settings: MonitorSettings,
): Promise<Table[]> {
  const heat = { repetitions: settings.repetitions, ...heatOptionsFor(DEFAULT_METHOD) };
  if (dataset.kind === 'heatplus') {
    // A file's figures and plans come from its own views (heatplus-views.ts).
    const out: Table[] = [];
    for (const year of dataset.years) {
      const view = await heatPlusIndicatorView(
        q,
        dataset,
        { ...at, dim: Math.max(1, at.dim), year, measures: measures ?? [] },
        settings,
      );
      const t = view.current.find((x) => x.scope.kind === 'area');
      if (t)
        out.push({ ...t, measures: measures ? t.measures : null, groups: at.dim ? t.groups : [] });
    }
    return out;
  }
  const scope: Scope = scopesFor(at.area)[0]!;
  const sums = indexSums(
    await loadSums(q, {
      datasetId: dataset.id,
      indicators: [at.indicator],
      dims: at.dim === 0 ? [0] : [0, at.dim],
      areas: [at.area],
    }),
  );
  const plan = await plansFor(
    q,
    dataset,
    dataset.years.map((year) => ({ indicator: at.indicator, dim: at.dim, year })),
    settings,
  );
  // buildTable needs a dimension; with none, the everyone-row's plan (dim 0, the map's) decides.
  const dim = at.dim === 0 ? 1 : at.dim;
  return dataset.years.map((year) => {
    const t = buildTable(
      dataset.codebook,
      sums,
      { indicator: at.indicator, dim, year, scope },
      {
        suppression: settings.suppression,
        plan: plan({ indicator: at.indicator, dim: at.dim, year }),
        measures: at.dim === 0 ? null : measures,
        heat,
      },
    );
    return at.dim === 0 ? { ...t, groups: [] } : t;
  });
}

function resolveSlots(dataset: DatasetInfo, indicator: string, dimension: string | undefined) {
  const ind = slotOf(dataset.codebook, 'indicator', indicator);
  const dim = dimension ? slotOf(dataset.codebook, 'dimension', dimension) : 0;
  return ind === null || dim === null ? null : { indicator: ind, dim };
}

/**
 * One indicator in one area over every wave: everyone, and each group of `dimension` when given.
 * Without a dimension, the everyone-figure is hidden by the everyone-only plan (as on the map);
 * with one, by that dimension's plan (as on the indicator page). Unknown indicator, dimension or
 * area, or no readable dataset: an empty list.
 */
export async function indicatorSeries(
  db: Db,
  q: SeriesQuery,
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<SeriesRow[]> {
  return inTenant(db, q.kommune, async (tx) => {
    const r = await current(tx, q.kommune, q.area);
    if (!r || r.choice.area !== q.area) return [];
    const dataset = r.choice.dataset;
    const slots = resolveSlots(dataset, q.indicator, q.dimension);
    if (!slots) return [];
    const breaks = breaksOf(dataset, slots.indicator);
    const tables = await areaTables(tx, dataset, { ...slots, area: q.area }, null, settings);
    return tables.flatMap((t) => {
      const b = breaks.get(t.year) ?? false;
      return [rowOf(t.total, t.year, true, b), ...t.groups.map((g) => rowOf(g, t.year, false, b))];
    });
  });
}

/**
 * The gap along a dimension in one area over every wave: HEAT's difference D (the pair the
 * monitor shows) or the slope index of inequality SII (ordered dimensions only), with the
 * intervals of the monitor's default method. Hidden when any group is hidden.
 */
export async function gapSeries(
  db: Db,
  q: GapQuery,
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<GapRow[]> {
  return inTenant(db, q.kommune, async (tx) => {
    const r = await current(tx, q.kommune, q.area);
    if (!r || r.choice.area !== q.area) return [];
    const dataset = r.choice.dataset;
    const slots = resolveSlots(dataset, q.indicator, q.dimension);
    if (!slots || slots.dim === 0) return [];
    const breaks = breaksOf(dataset, slots.indicator);
    const ordered = dataset.codebook.dimensions[slots.dim - 1]?.ordered ?? false;
    const blank = (year: number, note: GapRow['note']): GapRow => ({
      year,
      measure: q.measure,
      value: null,
      lo: null,
      hi: null,
      suppressed: note === 'suppressed',
      note,
      breakBefore: breaks.get(year) ?? false,
      method: null,
    });
    if (q.measure === 'SII' && !ordered)
      return dataset.years.map((y) => blank(y, 'not-applicable'));
    const tables = await areaTables(tx, dataset, { ...slots, area: q.area }, [q.measure], settings);
    return tables.map((t) => {
      const m = t.measures?.find((x) => x.code === q.measure);
      if (!m || !Number.isFinite(m.value))
        return blank(t.year, t.measuresNote === 'suppressed' ? 'suppressed' : 'no-estimate');
      const finite = (v: number) => (Number.isFinite(v) ? v : null);
      return {
        year: t.year,
        measure: q.measure,
        value: m.value,
        lo: finite(m.lower),
        hi: finite(m.upper),
        suppressed: false,
        note: null,
        breakBefore: breaks.get(t.year) ?? false,
        method: m.method,
      };
    });
  });
}

export interface AreaGaps {
  year: number;
  rows: Priority[];
  skipped: Record<SkipReason, number>;
  /** True when the figures are crude (not age-standardised), as the priority page says. */
  crude: boolean;
}

/**
 * The gaps that matter most in an area in the latest wave (or `year`): the priority finder run
 * along each social dimension (or one), ranked together by people concerned. Null without data.
 */
export async function areaGaps(
  db: Db,
  kommune: string,
  area: string,
  opts: { dimension?: string; year?: number; limit?: number } = {},
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<AreaGaps | null> {
  return inTenant(db, kommune, async (tx) => {
    const r = await current(tx, kommune, area);
    if (!r || r.choice.area !== area) return null;
    const dataset = r.choice.dataset;
    const year =
      opts.year !== undefined && dataset.years.includes(opts.year) ? opts.year : r.choice.year;
    const cb = dataset.codebook;
    const dims = cb.dimensions
      .map((d, i) => ({ d, slot: i + 1 }))
      .filter(({ d }) => (opts.dimension ? d.key === opts.dimension : d.kind === 'social'));
    const find = dataset.kind === 'heatplus' ? heatPlusPriorities : prioritiesForArea;
    const rows: Omit<Priority, 'rank'>[] = [];
    const skipped: Record<SkipReason, number> = { suppressed: 0, 'no-gap': 0, overlap: 0 };
    let crude = false;
    for (const { slot } of dims) {
      const res = await find(tx, dataset, { area, year, dim: slot }, settings);
      rows.push(...res.rows);
      for (const k of Object.keys(skipped) as SkipReason[]) skipped[k] += res.skipped[k];
      crude ||= res.crude;
    }
    // Same order as the finder: people concerned, then the gap (ties kept stable).
    rows.sort((a, b) => b.people - a.people || b.gap - a.gap);
    const limited = rows.slice(0, opts.limit ?? Infinity).map((x, i) => ({ ...x, rank: i + 1 }));
    return { year, rows: limited, skipped, crude };
  });
}
