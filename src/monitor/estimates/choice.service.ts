/**
 * What a monitor page shows, read from its query string: the dataset, area, year, dimension,
 * measures (and indicator). Every planner page and download starts here, in one tenant
 * transaction, so the figures and the picker agree.
 */
import { inTenant, type Db, type Queryable } from '../../db/db.ts';
import { listDatasets, readableDataset, type DatasetInfo } from '../microdata/dataset.store.ts';
import { NON_ORDERED_MEASURES, ORDERED_MEASURES } from '../measures/heat.ts';
import type { MeasureCode } from '../measures/types.ts';
import { DEFAULT_METHOD, isMeasureMethod, type MeasureMethod } from '../measures/method.ts';
import { datasetAreas } from './estimates.store.ts';
import { settingName } from '../heatplus/dataset.ts';
import { heatPlusAreas } from './heatplus-views.ts';
import { areaName, slotOf } from './monitor.service.ts';

export interface Choice {
  dataset: DatasetInfo;
  area: string;
  year: number;
  /** 1-based dimension slot. */
  dim: number;
  /** 1-based indicator slot (indicator page only). */
  indicator?: number;
  measures: MeasureCode[];
  /** How the summary measures and their intervals are computed (measures/method.ts). */
  method: MeasureMethod;
}

/** A choice with what the picker offers: the readable datasets and the dataset's areas by name. */
export interface ResolvedChoice {
  choice: Choice;
  datasets: DatasetInfo[];
  areas: { code: string; name: string }[];
}

export type ChoiceQuery = Record<string, string | string[] | undefined>;
export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

const DEFAULT_MEASURES: MeasureCode[] = ['D', 'R', 'SII', 'RII', 'PAF'];

/**
 * Reads the view from the query, defaulting to the newest shared dataset, the planner's own
 * municipality, the latest year and the first ordered dimension. Unknown values fall back to
 * defaults rather than failing: a stale bookmark still opens.
 */
export async function resolveChoice(
  q: Queryable,
  query: ChoiceQuery,
  kommune: string,
  opts: { indicator?: boolean } = {},
): Promise<ResolvedChoice | null> {
  const datasets = await listDatasets(q, { sharedFirst: true });
  const wanted = first(query.datasaet);
  const dataset = (wanted && (await readableDataset(q, wanted))) || datasets[0];
  if (!dataset) return null;
  // A HEAT Plus file's places are its settings: municipalities, regions, Denmark.
  const heatplus = dataset.kind === 'heatplus';
  const areas = heatplus ? await heatPlusAreas(q, dataset.id) : await datasetAreas(q, dataset.id);
  const areaParam = first(query.omraade);
  const area =
    areaParam && areas.includes(areaParam)
      ? areaParam
      : areas.includes(kommune)
        ? kommune
        : (areas[0] ?? kommune);
  const yearParam = Number(first(query.aar));
  const year = dataset.years.includes(yearParam) ? yearParam : (dataset.years.at(-1) ?? 0);
  const cb = dataset.codebook;
  const dimParam = first(query.dimension);
  const dim =
    (dimParam && slotOf(cb, 'dimension', dimParam)) ||
    cb.dimensions.findIndex((d) => d.ordered) + 1 ||
    1;
  const applicable = cb.dimensions[dim - 1]?.ordered ? ORDERED_MEASURES : NON_ORDERED_MEASURES;
  const asked = all(query.maal).filter((m): m is MeasureCode =>
    (applicable as readonly string[]).includes(m),
  );
  const measures =
    asked.length > 0 ? asked : DEFAULT_MEASURES.filter((m) => applicable.includes(m));
  const methodParam = first(query.metode);
  const method = isMeasureMethod(methodParam) ? methodParam : DEFAULT_METHOD;
  const indParam = first(query.indikator);
  const indicator = opts.indicator
    ? (indParam && slotOf(cb, 'indicator', indParam)) || 1
    : undefined;
  return {
    choice: {
      dataset,
      area,
      year,
      dim,
      measures,
      method,
      ...(indicator !== undefined ? { indicator } : {}),
    },
    datasets,
    areas: heatplus
      ? areas.map((code) => ({ code, name: settingName(code).da }))
      : areas
          .map((code) => ({ code, name: areaName(code) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'da')),
  };
}

/** Resolves the choice and runs `fn` on it in one tenant transaction; null when there is no data. */
export function withChoice<T>(
  db: Db,
  kommune: string,
  query: ChoiceQuery,
  opts: { indicator?: boolean },
  fn: (tx: Queryable, r: ResolvedChoice) => Promise<T>,
): Promise<T | null> {
  return inTenant(db, kommune, async (tx) => {
    const r = await resolveChoice(tx, query, kommune, opts);
    return r ? fn(tx, r) : null;
  });
}
