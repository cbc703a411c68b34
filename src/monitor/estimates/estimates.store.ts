/**
 * Reads the monitor's sums. Every figure starts here: the GROUP BY runs in SQL (sums of sums
 * over areas for a region or the country), the statistics are finished in TypeScript.
 */
import type { Queryable } from '../../db/db.ts';
import type { CellSums } from './estimate.ts';

export interface SumsRow extends CellSums {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  /** Present when grouped by area. */
  area?: string;
}

export interface SumsQuery {
  datasetId: string;
  /** Indicator slots (1-based); all when omitted. */
  indicators?: readonly number[];
  /** Dimension slots (0 = everyone); all when omitted. */
  dims?: readonly number[];
  years?: readonly number[];
  /** Areas to sum over; all (the country) when omitted. */
  areas?: readonly string[];
  /** Keep one row per area instead of summing over them (the map). */
  byArea?: boolean;
  /** Only this category (with `dims` of one slot): a subgroup's map. */
  category?: number;
}

interface RawSums {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  area?: string;
  n: string | number;
  n1: string | number;
  sw: number;
  sw2: number;
  swy: number;
  sw2y: number;
}

/** Sums per indicator x dimension x category x year (x area), summed in SQL over the chosen areas. */
export async function loadSums(q: Queryable, s: SumsQuery): Promise<SumsRow[]> {
  const params: unknown[] = [s.datasetId];
  const where = ['dataset_id = $1'];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (s.indicators) add((p) => `indicator = any(${p}::smallint[])`, s.indicators);
  if (s.dims) add((p) => `dim = any(${p}::smallint[])`, s.dims);
  if (s.years) add((p) => `year = any(${p}::smallint[])`, s.years);
  if (s.areas) add((p) => `area = any(${p}::bpchar[])`, s.areas);
  if (s.category !== undefined) add((p) => `category = ${p}::smallint`, s.category);
  const keys = `indicator, dim, category, year${s.byArea ? ', area' : ''}`;
  const rows = await q.query<RawSums>(
    `select ${keys}, sum(n)::int8 as n, sum(n1)::int8 as n1, sum(sw) as sw, sum(sw2) as sw2,
            sum(swy) as swy, sum(sw2y) as sw2y
       from monitor_aggregate where ${where.join(' and ')} group by ${keys}`,
    params,
  );
  return rows.map((r) => ({
    indicator: r.indicator,
    dim: r.dim,
    category: r.category,
    year: r.year,
    ...(r.area !== undefined ? { area: r.area } : {}),
    n: Number(r.n),
    n1: Number(r.n1),
    sw: Number(r.sw),
    sw2: Number(r.sw2),
    swy: Number(r.swy),
    sw2y: Number(r.sw2y),
  }));
}

/** Which areas a dataset covers (the map and the area picker show only these). */
export async function datasetAreas(q: Queryable, datasetId: string): Promise<string[]> {
  const rows = await q.query<{ area: string }>(
    `select distinct area from monitor_aggregate where dataset_id = $1 and indicator = 1 and dim = 0 order by area`,
    [datasetId],
  );
  return rows.map((r) => r.area);
}
