/**
 * A HEAT Plus dataset's SQL: the dataset row (kind 'heatplus', not ready until its figures are
 * in) and its figures in monitor_heatplus_estimate (0013_heatplus_dataset.sql). Row-level
 * security decides who reads them, so every function runs in the caller's tenant transaction.
 * Deletion is the survey's (microdata/import.store.ts deleteDataset): the figures go with
 * the dataset row (on delete cascade).
 */
import type { Queryable } from '../../db/db.ts';
import type { Codebook } from '../microdata/codebook.ts';
import type { HeatPlusEstimate } from './dataset.ts';

export async function createHeatPlusDataset(
  tx: Queryable,
  d: {
    kommune: string;
    codebook: Codebook;
    fileName: string;
    rowCount: number;
    years: readonly number[];
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into monitor_dataset (kommune, shared, kind, codebook, synthetic, file_name, row_count, years, created_by, ready)
     values ($1, false, 'heatplus', $2::jsonb, $3, $4, $5, $6::smallint[], $7, false) returning id`,
    [
      d.kommune,
      JSON.stringify(d.codebook),
      d.codebook.synthetic,
      d.fileName,
      d.rowCount,
      d.years,
      d.createdBy,
    ],
  );
  return row!.id;
}

export async function insertEstimates(
  tx: Queryable,
  datasetId: string,
  kommune: string,
  b: readonly HeatPlusEstimate[],
): Promise<void> {
  await tx.query(
    `insert into monitor_heatplus_estimate (dataset_id, kommune, indicator, dim, category, year, area,
       estimate, se, lower, upper, population, source, note, line)
     select $1, $2, * from unnest($3::smallint[], $4::smallint[], $5::smallint[], $6::smallint[],
       $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[],
       $13::text[], $14::text[], $15::int[])`,
    [
      datasetId,
      kommune,
      b.map((e) => e.indicator),
      b.map((e) => e.dim),
      b.map((e) => e.category),
      b.map((e) => e.year),
      b.map((e) => e.area),
      b.map((e) => e.estimate),
      b.map((e) => e.se),
      b.map((e) => e.lower),
      b.map((e) => e.upper),
      b.map((e) => e.population),
      b.map((e) => e.source),
      b.map((e) => e.note),
      b.map((e) => e.line),
    ],
  );
}

/** The dataset is complete: every reader sees it from now on. */
export async function markReady(tx: Queryable, datasetId: string): Promise<void> {
  await tx.query('update monitor_dataset set ready = true where id = $1', [datasetId]);
}

export interface EstimateQuery {
  datasetId: string;
  indicators?: readonly number[];
  dims?: readonly number[];
  years?: readonly number[];
  areas?: readonly string[];
}

interface EstimateRow {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  area: string;
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  population: number | null;
  source: string;
  note: string;
  line: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The figures of a dataset, filtered by slot, year and place. */
export async function loadEstimates(q: Queryable, s: EstimateQuery): Promise<HeatPlusEstimate[]> {
  const params: unknown[] = [s.datasetId];
  const where = ['dataset_id = $1'];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (s.indicators) add((p) => `indicator = any(${p}::smallint[])`, s.indicators);
  if (s.dims) add((p) => `dim = any(${p}::smallint[])`, s.dims);
  if (s.years) add((p) => `year = any(${p}::smallint[])`, s.years);
  if (s.areas) add((p) => `area = any(${p}::text[])`, s.areas);
  const rows = await q.query<EstimateRow>(
    `select indicator, dim, category, year, area, estimate, se, lower, upper, population, source,
            note, line
       from monitor_heatplus_estimate where ${where.join(' and ')}
      order by indicator, dim, year, area, category`,
    params,
  );
  return rows.map((r) => ({
    indicator: r.indicator,
    dim: r.dim,
    category: r.category,
    year: r.year,
    area: r.area,
    estimate: num(r.estimate),
    se: num(r.se),
    lower: num(r.lower),
    upper: num(r.upper),
    population: num(r.population),
    source: r.source,
    note: r.note,
    line: r.line,
  }));
}

/** The places a dataset has figures for (codes: municipality, region, 'DK'). */
export async function estimateAreas(q: Queryable, datasetId: string): Promise<string[]> {
  const rows = await q.query<{ area: string }>(
    'select distinct area from monitor_heatplus_estimate where dataset_id = $1 order by area',
    [datasetId],
  );
  return rows.map((r) => r.area);
}
