/**
 * The DuckDB baseline of the monitor benchmark: the same respondents in an in-memory DuckDB
 * (@duckdb/node-api, dev dependency only), and the same per-dimension GROUP BYs as
 * src/monitor/microdata/aggregate.sql.ts, taken from that very SQL text so the two cannot drift.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { aggregateSql } from '../src/monitor/microdata/aggregate.sql.ts';
import { DIMENSIONS, INDICATORS, type SyntheticData } from './monitor-data.ts';

/**
 * The UNION ALL of per-dimension GROUP BYs inside aggregateSql (the wide rows of sums, before
 * the lateral unpivot), for `table`. With `datasetFilter` the `dataset_id = $1` filter stays
 * (PostgreSQL/PGlite); without it the table holds one dataset (DuckDB).
 */
export function wideGroupBySql(table: string, datasetFilter: boolean): string {
  const full = aggregateSql(DIMENSIONS, INDICATORS);
  const start = full.indexOf('from (\n');
  const end = full.lastIndexOf(') g\n');
  if (start < 0 || end < 0) throw new Error('aggregateSql changed shape: no "from ( ... ) g"');
  let groups = full.slice(start + 'from ('.length, end).trim();
  if (!datasetFilter) {
    const before = groups;
    groups = groups
      .replaceAll('from monitor_respondent where dataset_id = $1 and ', `from ${table} where `)
      .replaceAll(
        'from monitor_respondent where dataset_id = $1 group by',
        `from ${table} group by`,
      );
    if (groups === before || groups.includes('$1'))
      throw new Error('aggregateSql changed shape: dataset filter not found');
  } else if (table !== 'monitor_respondent') {
    groups = groups.replaceAll('from monitor_respondent ', `from ${table} `);
  }
  return groups;
}

export interface DuckDbBaseline {
  conn: DuckDBConnection;
  version: string;
  threads: string;
  loadMs: number;
  close: () => void;
}

export async function loadDuckDb(d: SyntheticData, threads?: number): Promise<DuckDbBaseline> {
  const instance = await DuckDBInstance.create(
    ':memory:',
    threads ? { threads: String(threads) } : {},
  );
  const conn = await instance.connect();
  const cols = [
    'year smallint',
    'area varchar',
    'weight double',
    ...Array.from({ length: DIMENSIONS }, (_, k) => `d${k + 1} smallint`),
    ...Array.from({ length: INDICATORS }, (_, i) => `y${i + 1} smallint`),
  ];
  await conn.run(`create table respondent (${cols.join(', ')})`);
  const t0 = performance.now();
  const app = await conn.createAppender('respondent');
  for (let r = 0; r < d.n; r++) {
    app.appendSmallInt(d.year[r]!);
    app.appendVarchar(d.areas[d.area[r]!]!);
    app.appendDouble(d.weight[r]!);
    for (let k = 0; k < DIMENSIONS; k++) {
      const c = d.dims[r * DIMENSIONS + k]!;
      if (c === 0) app.appendNull();
      else app.appendSmallInt(c);
    }
    for (let i = 0; i < INDICATORS; i++) {
      const v = d.answers[r * INDICATORS + i]!;
      if (v === -1) app.appendNull();
      else app.appendSmallInt(v);
    }
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  const loadMs = performance.now() - t0;
  const [v] = (
    await conn.runAndReadAll(`select version() as v, current_setting('threads')::varchar as t`)
  ).getRowsJS();
  return {
    conn,
    version: typeof v?.[0] === 'string' ? v[0] : '?',
    threads: typeof v?.[1] === 'string' ? v[1] : '?',
    loadMs,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * The same GROUP BYs with `sum(case when ... then ... else 0 end)` instead of `agg(...) filter
 * (where ...)`: the same sums, but DuckDB's cost grows faster than linearly with the number of
 * FILTER aggregates in one query (measured: 1 -> 10 -> 40 indicators of one dimension on 200k
 * rows: 55 -> 616 -> 5,171 ms with FILTER, 25 -> 116 -> 579 ms with CASE), so this is the
 * honest (faster) DuckDB baseline. count(*) filter and count(y) keep their exact integer type.
 */
export function caseWhenSql(groups: string): string {
  const out = groups
    .replace(
      /count\(\*\) filter \(where (y\d+) = 1\)/g,
      'sum(case when $1 = 1 then 1 else 0 end)::int8',
    )
    .replace(
      /coalesce\(sum\(([^()]*(?:\([^()]*\))?[^()]*?)\) filter \(where (y\d+) (is not null|= 1)\), 0\)/g,
      'sum(case when $2 $3 then $1 else 0 end)',
    );
  if (/filter/i.test(out))
    throw new Error('aggregateSql changed shape: a FILTER aggregate was not rewritten');
  return out;
}

export type DuckVariant = 'filter' | 'case';

/** Materialises the wide GROUP BY (about 10,000 wide rows): the bare aggregation. */
export async function duckGroupBy(
  conn: DuckDBConnection,
  variant: DuckVariant = 'filter',
): Promise<number> {
  const groups = wideGroupBySql('respondent', false);
  const sql = `create or replace table agg_wide as ${variant === 'case' ? caseWhenSql(groups) : groups}`;
  const t0 = performance.now();
  await conn.run(sql);
  return performance.now() - t0;
}

export interface CellKey {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  area: string;
}

export interface Sums {
  n: number;
  n1: number;
  sw: number;
  sw2: number;
  swy: number;
  sw2y: number;
}

/** One cell's sums from DuckDB's wide table (undefined: no such group). */
export async function duckCell(conn: DuckDBConnection, c: CellKey): Promise<Sums | undefined> {
  const i = c.indicator;
  const rows = (
    await conn.runAndReadAll(
      `select n_${i} as n, n1_${i} as n1, sw_${i} as sw, sw2_${i} as sw2, swy_${i} as swy, sw2y_${i} as sw2y
         from agg_wide where dim = ${c.dim} and category = ${c.category} and year = ${c.year} and area = '${c.area}'`,
    )
  ).getRowObjectsJS();
  const r = rows[0];
  if (!r) return undefined;
  return {
    n: Number(r.n),
    n1: Number(r.n1),
    sw: Number(r.sw),
    sw2: Number(r.sw2),
    swy: Number(r.swy),
    sw2y: Number(r.sw2y),
  };
}

/** Grand totals over every stored cell (n and swy over all indicators and groups). */
export async function duckTotals(
  conn: DuckDBConnection,
): Promise<{ n: number; swy: number; cells: number }> {
  const nSum = Array.from({ length: INDICATORS }, (_, k) => `sum(n_${k + 1})`).join(' + ');
  const swySum = Array.from({ length: INDICATORS }, (_, k) => `sum(swy_${k + 1})`).join(' + ');
  const cells = Array.from(
    { length: INDICATORS },
    (_, k) => `count(*) filter (where n_${k + 1} > 0)`,
  ).join(' + ');
  const [r] = (
    await conn.runAndReadAll(
      `select ${nSum} as n, ${swySum} as swy, ${cells} as cells from agg_wide`,
    )
  ).getRowObjectsJS();
  return { n: Number(r?.n), swy: Number(r?.swy), cells: Number(r?.cells) };
}
