/**
 * Stores a microdata file: the dataset, its respondent rows and their sums, in one transaction
 * bound to the importing municipality (row-level security), so a failed or invalid import
 * leaves nothing behind. Import jobs are kept outside that transaction so a page can poll them.
 *
 * Microdata are pseudonymous personal data: imports and deletions are audited.
 */
import { audit } from '../../platform/audit.store.ts';
import { isUuid } from '../../platform/ids.ts';
import { inTenant, type Db, type Queryable } from '../../db/db.ts';
import { groupsSql, unpivotSql } from './aggregate.sql.ts';
import type { Codebook, Respondent } from './codebook.ts';
import type { AggregateRow } from './aggregate.memory.ts';
import type { RowProblem } from './validate.ts';

export type ImportPhase = 'reading' | 'aggregating' | 'done';

export interface ImportInput {
  kommune: string;
  codebook: Codebook;
  fileName: string;
  respondents: AsyncIterable<Respondent> | Iterable<Respondent>;
  createdBy?: string | null;
  /** A national dataset: every municipality may read its sums (never its rows). */
  shared?: boolean;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

/** Rows per INSERT; one array parameter per column, so the statement size stays fixed. */
const BATCH = 5000;

const actor = (kommune: string, createdBy: string | null | undefined) => ({
  kommune,
  actorId: createdBy ?? null,
  actorRole: createdBy ? 'staff' : 'system',
  requestId: 'monitor-import',
});

/** `insert ... select from unnest(...)`: one array per column, fast on both engines. */
function insertSql(dims: number, inds: number): string {
  const cols = ['line', 'year', 'area', 'weight'];
  const types = ['int[]', 'smallint[]', 'text[]', 'float8[]'];
  for (let k = 1; k <= dims; k++) {
    cols.push(`d${k}`);
    types.push('smallint[]');
  }
  for (let i = 1; i <= inds; i++) {
    cols.push(`y${i}`);
    types.push('smallint[]');
  }
  const params = types.map((t, j) => `$${j + 3}::${t}`).join(', ');
  return `insert into monitor_respondent (dataset_id, kommune, ${cols.join(', ')})
    select $1, $2, * from unnest(${params})`;
}

async function insertBatch(
  tx: Queryable,
  sql: string,
  datasetId: string,
  kommune: string,
  batch: Respondent[],
  dims: number,
  inds: number,
) {
  const columns: unknown[][] = [
    batch.map((r) => r.line),
    batch.map((r) => r.year),
    batch.map((r) => r.area),
    batch.map((r) => r.weight),
  ];
  for (let k = 0; k < dims; k++) columns.push(batch.map((r) => r.dims[k] ?? null));
  for (let i = 0; i < inds; i++) columns.push(batch.map((r) => r.answers[i] ?? null));
  await tx.query(sql, [datasetId, kommune, ...columns]);
}

/**
 * Stores a dataset that arrives as sums only (see aggregate.memory.ts), in one transaction:
 * the demo's national survey. It has no respondent rows, so it can never be recomputed.
 */
export async function importAggregates(
  db: Db,
  input: {
    kommune: string;
    codebook: Codebook;
    fileName: string;
    rows: readonly AggregateRow[];
    respondents: number;
    years: readonly number[];
    shared?: boolean;
  },
): Promise<{ datasetId: string }> {
  return inTenant(db, input.kommune, async (tx) => {
    const [ds] = await tx.query<{ id: string }>(
      `insert into monitor_dataset (kommune, shared, codebook, synthetic, file_name, row_count, years)
       values ($1, $2, $3::jsonb, $4, $5, $6, $7::smallint[]) returning id`,
      [
        input.kommune,
        input.shared ?? false,
        JSON.stringify(input.codebook),
        input.codebook.synthetic,
        input.fileName,
        input.respondents,
        input.years,
      ],
    );
    const datasetId = ds!.id;
    const step = 10_000;
    for (let i = 0; i < input.rows.length; i += step) {
      const b = input.rows.slice(i, i + step);
      await tx.query(
        `insert into monitor_aggregate (dataset_id, kommune, indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y)
         select $1, $2, * from unnest($3::smallint[], $4::smallint[], $5::smallint[], $6::smallint[], $7::text[],
           $8::int[], $9::int[], $10::float8[], $11::float8[], $12::float8[], $13::float8[])`,
        [
          datasetId,
          input.kommune,
          b.map((r) => r.indicator),
          b.map((r) => r.dim),
          b.map((r) => r.category),
          b.map((r) => r.year),
          b.map((r) => r.area),
          b.map((r) => r.n),
          b.map((r) => r.n1),
          b.map((r) => r.sw),
          b.map((r) => r.sw2),
          b.map((r) => r.swy),
          b.map((r) => r.sw2y),
        ],
      );
    }
    await audit(tx, actor(input.kommune, null), {
      action: 'create',
      entity: 'monitor_dataset',
      entityId: datasetId,
      summary: `imported aggregates (${input.rows.length} rows from ${input.respondents} respondents)`,
    });
    return { datasetId };
  });
}

/** Imports validated respondents; if the iterable throws (an invalid file) nothing is stored. */
export async function importMicrodata(
  db: Db,
  input: ImportInput,
): Promise<{ datasetId: string; rows: number }> {
  const { kommune, codebook, onProgress } = input;
  const dims = codebook.dimensions.length;
  const inds = codebook.indicators.length;
  return inTenant(db, kommune, async (tx) => {
    const [ds] = await tx.query<{ id: string }>(
      `insert into monitor_dataset (kommune, shared, codebook, synthetic, file_name, row_count, years, created_by)
       values ($1, $2, $3::jsonb, $4, $5, 0, '{}', $6) returning id`,
      [
        kommune,
        input.shared ?? false,
        JSON.stringify(codebook),
        codebook.synthetic,
        input.fileName,
        input.createdBy ?? null,
      ],
    );
    const datasetId = ds!.id;
    const sql = insertSql(dims, inds);
    let rows = 0;
    let batch: Respondent[] = [];
    for await (const r of input.respondents) {
      batch.push(r);
      if (batch.length === BATCH) {
        await insertBatch(tx, sql, datasetId, kommune, batch, dims, inds);
        rows += batch.length;
        batch = [];
        onProgress?.('reading', rows, rows);
      }
    }
    if (batch.length > 0) await insertBatch(tx, sql, datasetId, kommune, batch, dims, inds);
    rows += batch.length;
    onProgress?.('reading', rows, rows);
    onProgress?.('aggregating', 0, 1);
    await recomputeAggregates(tx, datasetId, codebook, db.engine);
    onProgress?.('aggregating', 1, 1);
    await tx.query(
      `update monitor_dataset set row_count = $2,
         years = coalesce((select array_agg(distinct year order by year) from monitor_respondent where dataset_id = $1), '{}')
       where id = $1`,
      [datasetId, rows],
    );
    await audit(tx, actor(kommune, input.createdBy), {
      action: 'create',
      entity: 'monitor_dataset',
      entityId: datasetId,
      summary: `imported microdata (${rows} rows)`,
    });
    onProgress?.('done', rows, rows);
    return { datasetId, rows };
  });
}

/**
 * Replaces a dataset's sums from its respondent rows. Runs inside the caller's tenant
 * transaction. The rows were just inserted, so the planner has no statistics and picks
 * sort-based grouping that spills to disk (64 s instead of 32 s for 1M rows x 13 indicators x
 * 7 dimensions); hashing is forced with enable_sort = off. On PostgreSQL JIT is also turned
 * off (compiling this wide query cost more than running it); PGlite has no JIT.
 */
export async function recomputeAggregates(
  tx: Queryable,
  datasetId: string,
  codebook: Codebook,
  engine: Db['engine'] = 'pglite',
): Promise<void> {
  if (engine === 'postgres') await tx.query('set local jit = off');
  await tx.query('set local enable_sort = off');
  await tx.query('delete from monitor_aggregate where dataset_id = $1', [datasetId]);
  const [ds] = await tx.query<{ kommune: string }>(
    'select kommune from monitor_dataset where id = $1',
    [datasetId],
  );
  if (!ds) throw new Error(`monitor dataset ${datasetId} not found`);
  // Two statements: PostgreSQL never runs an INSERT ... SELECT in parallel, but it does run a
  // CREATE TABLE AS in parallel (2 workers halved the GROUP BY in the benchmark).
  await tx.query(
    `create temp table monitor_wide_sums on commit drop as ${groupsSql(codebook.dimensions.length, codebook.indicators.length)}`,
    [datasetId],
  );
  await tx.query(unpivotSql(codebook.indicators.length, 'monitor_wide_sums g'), [
    datasetId,
    ds.kommune,
  ]);
  await tx.query('drop table monitor_wide_sums');
}

/** Deletes one of this municipality's datasets with its rows and sums; false when there is none. */
export async function deleteDataset(
  db: Db,
  kommune: string,
  id: string,
  deletedBy: string | null = null,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  return inTenant(db, kommune, async (tx) => {
    // RLS lets a kommune see shared datasets but change only its own.
    const gone = await tx.query<{ id: string; row_count: number }>(
      'delete from monitor_dataset where id = $1 and kommune = $2 returning id, row_count',
      [id, kommune],
    );
    if (gone.length === 0) return false;
    // No foreign keys on these (migration 0004): the rows go with their dataset, here.
    await tx.query('delete from monitor_respondent where dataset_id = $1', [id]);
    await tx.query('delete from monitor_aggregate where dataset_id = $1', [id]);
    await audit(tx, actor(kommune, deletedBy), {
      action: 'delete',
      entity: 'monitor_dataset',
      entityId: id,
      summary: `deleted microdata (${gone[0]!.row_count} rows)`,
    });
    return true;
  });
}

export type JobStatus = 'running' | 'failed' | 'done';

export interface ImportJob {
  id: string;
  status: JobStatus;
  phase: string;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string;
  problems: RowProblem[];
  problemCount: number;
  datasetId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function startJob(
  db: Db,
  kommune: string,
  fileName: string,
  createdBy: string | null = null,
): Promise<string> {
  const [row] = await inTenant(db, kommune, (tx) =>
    tx.query<{ id: string }>(
      'insert into monitor_import_job (kommune, file_name, created_by) values ($1, $2, $3) returning id',
      [kommune, fileName, createdBy],
    ),
  );
  return row!.id;
}

export async function updateJob(
  db: Db,
  kommune: string,
  jobId: string,
  p: { phase: string; rowsDone: number; rowsTotal?: number | null },
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      'update monitor_import_job set phase = $2, rows_done = $3, rows_total = $4 where id = $1',
      [jobId, p.phase, p.rowsDone, p.rowsTotal ?? null],
    ),
  );
}

export async function finishJob(
  db: Db,
  kommune: string,
  jobId: string,
  r: {
    status: 'done' | 'failed';
    datasetId?: string | null;
    problems?: RowProblem[];
    problemCount?: number;
  },
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      `update monitor_import_job set status = $2, phase = $2, dataset_id = $3, problems = $4::jsonb,
         problem_count = $5, finished_at = now() where id = $1`,
      [
        jobId,
        r.status,
        r.datasetId ?? null,
        r.problems ? JSON.stringify(r.problems) : null,
        r.problemCount ?? r.problems?.length ?? 0,
      ],
    ),
  );
}

export async function getJob(
  db: Db,
  kommune: string,
  jobId: string,
): Promise<ImportJob | undefined> {
  if (!isUuid(jobId)) return undefined;
  const [r] = await inTenant(db, kommune, (tx) =>
    tx.query<{
      id: string;
      status: JobStatus;
      phase: string;
      rows_done: number;
      rows_total: number | null;
      file_name: string;
      problems: unknown;
      problem_count: number;
      dataset_id: string | null;
      created_at: Date;
      finished_at: Date | null;
    }>('select * from monitor_import_job where id = $1', [jobId]),
  );
  if (!r) return undefined;
  const problems =
    typeof r.problems === 'string'
      ? (JSON.parse(r.problems) as RowProblem[])
      : ((r.problems ?? []) as RowProblem[]);
  return {
    id: r.id,
    status: r.status,
    phase: r.phase,
    rowsDone: r.rows_done,
    rowsTotal: r.rows_total,
    fileName: r.file_name,
    problems,
    problemCount: r.problem_count,
    datasetId: r.dataset_id,
    createdAt: new Date(r.created_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
}
