/**
 * Stores a microdata file: the dataset, its respondent rows and their sums, bound to the
 * importing municipality (row-level security). They are written in short transactions (so
 * embedded PGlite, one transaction at a time, keeps answering other requests), and the dataset
 * becomes `ready`, visible to any reader, only in the last one: a failed or invalid import
 * leaves nothing visible and is deleted, and one cut short by a crash is deleted at the next
 * start (discardUnfinished). Import jobs let a page poll an import's progress.
 *
 * Microdata are pseudonymous personal data: imports and deletions are audited.
 */
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { audit, type AuditActor } from '../../platform/audit.store.ts';
import { isUuid } from '../../platform/ids.ts';
import { inTenant, type Db, type Queryable } from '../../db/db.ts';
import { groupsSql, unpivotSql } from './aggregate.sql.ts';
import type { Codebook, Respondent } from './codebook.ts';
import type { AggregateRow } from './aggregate.memory.ts';
import {
  chunkSource,
  formatSums,
  nextBatchRows,
  restAfter,
  WRITE_LIMITS,
  type ChunkSize,
  type ChunkSource,
  type RespondentRecords,
  type SumRecords,
  type WriteLimits,
} from './import.batch.ts';
import type { RowProblem } from './validate.ts';

export type { DatasetChunk } from './import.batch.ts';
import type { DatasetChunk } from './import.batch.ts';

export type ImportPhase = 'reading' | 'inserting' | 'aggregating' | 'done';

export interface ImportInput {
  kommune: string;
  codebook: Codebook;
  fileName: string;
  respondents: AsyncIterable<Respondent> | Iterable<Respondent>;
  createdBy?: string | null;
  /** Who imports, for the audit log; the system when absent (the CLI, the demo). */
  actor?: AuditActor;
  /** A national dataset: every municipality may read its sums (never its rows). */
  shared?: boolean;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

const systemActor = (kommune: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'system',
  requestId: 'monitor-import',
});

/**
 * `insert ... select from unnest($3::monitor_respondent[])`: one array of the table's own
 * records (import.batch.ts formatRespondents), unnested once. Only the codebook's slots are
 * listed; the others stay NULL. Checked by the table's policy (WITH CHECK) like any insert.
 */
function insertSql(dims: number, inds: number): string {
  const cols = ['line', 'year', 'area', 'weight'];
  for (let k = 1; k <= dims; k++) cols.push(`d${k}`);
  for (let i = 1; i <= inds; i++) cols.push(`y${i}`);
  return `insert into monitor_respondent (dataset_id, kommune, ${cols.join(', ')})
    select $1, $2, ${cols.map((c) => `u.${c}`).join(', ')} from unnest($3::monitor_respondent[]) u`;
}

/**
 * Writes at once on each engine: PGlite runs one statement at a time on the event loop's thread;
 * PostgreSQL runs each in its own server process, so two use both cores of a small server
 * (bench/README.md, issue 16: import speed).
 */
export const WRITE_PARALLEL: Record<Db['engine'], number> = { pglite: 1, postgres: 2 };

/** Respondents given as one literal of records (import.batch.ts formatRespondents). */
async function insertRespondents(
  tx: Queryable,
  sql: string,
  datasetId: string,
  kommune: string,
  batch: RespondentRecords,
) {
  await tx.query(sql, [datasetId, kommune, batch.literal]);
}

const SUM_COLUMNS = 'indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y';
const SUMS_SQL = `insert into monitor_aggregate (dataset_id, kommune, ${SUM_COLUMNS})
     select $1, $2, ${SUM_COLUMNS.split(', ')
       .map((c) => `u.${c}`)
       .join(', ')} from unnest($3::monitor_aggregate[]) u`;

/** Sums given as one literal of records (formatSums). */
async function insertSumRecords(tx: Queryable, datasetId: string, kommune: string, b: SumRecords) {
  await tx.query(SUMS_SQL, [datasetId, kommune, b.literal]);
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
    for (let i = 0; i < input.rows.length; i += step)
      await insertSumRecords(
        tx,
        datasetId,
        input.kommune,
        formatSums(input.rows.slice(i, i + step)),
      );
    await audit(tx, systemActor(input.kommune), {
      action: 'create',
      entity: 'monitor_dataset',
      entityId: datasetId,
      summary: `imported aggregates (${input.rows.length} rows from ${input.respondents} respondents)`,
    });
    return { datasetId };
  });
}

/**
 * Writes a dataset from its chunks, each in its own short transaction, yielding to the event
 * loop between them; each chunk is as large as fits the engine's time budget for one write
 * (import.batch.ts WRITE_LIMITS, nextBatchRows). The dataset is not `ready` (invisible to every
 * reader) until the last transaction, which also audits the import; if anything fails on the
 * way, what was written is deleted again (and discardUnfinished removes it after a crash).
 */
export async function writeDataset(
  db: Db,
  input: Omit<ImportInput, 'respondents'> & {
    source: ChunkSource;
    /** Each write's rows and milliseconds (the benchmark's record). */
    onWrite?: (kind: keyof ChunkSize, rows: number, ms: number) => void;
    /** Called with the new dataset's id before its rows are written (the job links it). */
    onCreated?: (datasetId: string) => Promise<void>;
  },
): Promise<{ datasetId: string; rows: number }> {
  const { kommune, codebook, onProgress } = input;
  const dims = codebook.dimensions.length;
  const inds = codebook.indicators.length;
  const [ds] = await inTenant(db, kommune, (tx) =>
    tx.query<{ id: string }>(
      `insert into monitor_dataset (kommune, shared, codebook, synthetic, file_name, row_count, years, created_by, ready)
       values ($1, $2, $3::jsonb, $4, $5, 0, '{}', $6, false) returning id`,
      [
        kommune,
        input.shared ?? false,
        JSON.stringify(codebook),
        codebook.synthetic,
        input.fileName,
        input.createdBy ?? null,
      ],
    ),
  );
  const datasetId = ds!.id;
  try {
    await input.onCreated?.(datasetId);
    const sql = insertSql(dims, inds);
    const years = new Set<number>();
    const limits = WRITE_LIMITS[db.engine];
    const size: ChunkSize = { respondents: limits.respondents.start, sums: limits.sums.start };
    let rows = 0;
    let sums = 0;
    let summing = false;
    // On PostgreSQL the writes run in the server's processes: while one is written the next is
    // read and formatted, and WRITE_PARALLEL writes go at once (one per core). On PGlite one
    // write at a time, each followed by its rest.
    const parallel = WRITE_PARALLEL[db.engine];
    const inFlight = new Set<Promise<void>>();
    const errors: Error[] = [];
    const rethrow = (): void => {
      const e: Error | undefined = errors[0];
      if (e !== undefined) throw e;
    };
    const write = async (chunk: DatasetChunk): Promise<number> => {
      const t0 = performance.now();
      if ('respondents' in chunk) {
        await inTenant(db, kommune, (tx) =>
          insertRespondents(tx, sql, datasetId, kommune, chunk.respondents),
        );
        for (const y of chunk.respondents.years) years.add(y);
        rows += chunk.respondents.rows;
        onProgress?.('inserting', rows, rows);
        return adapt(
          size,
          'respondents',
          limits.respondents,
          chunk.respondents.rows,
          t0,
          input.onWrite,
        );
      }
      await inTenant(db, kommune, (tx) => insertSumRecords(tx, datasetId, kommune, chunk.sums));
      sums += chunk.sums.rows;
      onProgress?.('aggregating', sums, sums);
      return adapt(size, 'sums', limits.sums, chunk.sums.rows, t0, input.onWrite);
    };
    for (;;) {
      rethrow();
      const chunk = await input.source.next(size);
      if (!chunk) break;
      if (!('respondents' in chunk) && !summing) {
        // the respondents' writes end before the sums' phase begins (progress reads in order)
        await Promise.all(inFlight);
        rethrow();
        onProgress?.('aggregating', 0, 1);
        summing = true;
      }
      if (parallel > 1) {
        const p: Promise<void> = write(chunk).then(
          () => void inFlight.delete(p),
          (e: unknown) => {
            inFlight.delete(p);
            errors.push(e instanceof Error ? e : new Error(String(e)));
          },
        );
        inFlight.add(p);
        if (inFlight.size >= parallel) await Promise.race(inFlight);
        continue;
      }
      const rest = await write(chunk);
      // Let waiting requests run (on PGlite they queue for the one connection).
      if (rest > 0) await sleep(rest);
      else await setImmediate();
    }
    await Promise.all(inFlight);
    rethrow();
    await inTenant(db, kommune, async (tx) => {
      await tx.query(
        `update monitor_dataset set row_count = $2, years = $3::smallint[], ready = true where id = $1`,
        [datasetId, rows, [...years].sort((a, b) => a - b)],
      );
      await audit(tx, input.actor ?? systemActor(kommune), {
        action: 'create',
        entity: 'monitor_dataset',
        entityId: datasetId,
        summary: `imported microdata (${rows} rows)`,
      });
    });
    onProgress?.('done', rows, rows);
    return { datasetId, rows };
  } catch (e) {
    await discardDataset(db, kommune, datasetId).catch(() => undefined);
    throw e;
  }
}

/** Sets the next write's size of `kind` from this write's rows and time; the rest to take. */
function adapt(
  size: ChunkSize,
  kind: keyof ChunkSize,
  limits: WriteLimits,
  rows: number,
  t0: number,
  onWrite?: (kind: keyof ChunkSize, rows: number, ms: number) => void,
): number {
  const ms = performance.now() - t0;
  onWrite?.(kind, rows, ms);
  size[kind] = nextBatchRows(limits, rows, ms);
  return restAfter(limits, ms);
}

/**
 * Imports respondents read in this thread (tests, the benchmark, fixtures); the server and the
 * CLI read in a worker (import.service.ts). If the iterable throws (an invalid file) nothing is
 * stored.
 */
export async function importMicrodata(
  db: Db,
  input: ImportInput,
): Promise<{ datasetId: string; rows: number }> {
  const { respondents, ...rest } = input;
  return writeDataset(db, { ...rest, source: chunkSource(input.codebook, respondents) });
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

/**
 * Heap pages visited per transaction, for the same reason as the writes (import.batch.ts): on
 * PGlite as many as fit the time budget (at most 64 pages, about 3,000 rows), on PostgreSQL a
 * fixed number (about 5,000 rows).
 */
export const DELETE_LIMITS: Record<Db['engine'], WriteLimits> = {
  pglite: { max: 64, min: 1, start: 4, targetMs: 15, rest: 1 },
  postgres: { max: 100, min: 100, start: 100, targetMs: null, rest: 0 },
};

/**
 * Deletes a dataset's rows and sums in short transactions, then the dataset row itself (which
 * removes by its foreign keys anything written meanwhile).
 *
 * The deletion walks the table's heap pages a few at a time (a TID range scan reads only those
 * pages), so every step costs about the same and none is long. Deleting "the first n rows of
 * the dataset" by its index instead steps over every row already deleted on each step
 * (quadratic in the rows), and finding where a dataset's pages begin and end costs a scan of
 * all its rows in one statement (seconds on PGlite for 400,000 sums).
 */
export async function discardDataset(db: Db, kommune: string, id: string): Promise<void> {
  const limits = DELETE_LIMITS[db.engine];
  for (const table of ['monitor_respondent', 'monitor_aggregate'] as const) {
    const [size] = await inTenant(db, kommune, (tx) =>
      tx.query<{ pages: number }>(
        `select (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int as pages`,
        [table],
      ),
    );
    const last = size?.pages ?? 0;
    let pages = limits.start;
    for (let page = 0; page < last;) {
      const t0 = performance.now();
      await inTenant(db, kommune, (tx) =>
        tx.query(
          `delete from ${table} where ctid >= $2::tid and ctid < $3::tid and dataset_id = $1`,
          [id, `(${page},0)`, `(${page + pages},0)`],
        ),
      );
      const ms = performance.now() - t0;
      page += pages;
      const rest = restAfter(limits, ms);
      if (rest > 0) await sleep(rest);
      else await setImmediate();
      pages = nextBatchRows(limits, pages, ms);
    }
  }
  await inTenant(db, kommune, (tx) =>
    tx.query('delete from monitor_dataset where id = $1 and kommune = $2', [id, kommune]),
  );
}

export type DeleteOutcome = 'deleted' | 'notFound' | 'shared';

/**
 * Deletes one of this municipality's datasets with its rows and sums. A shared (national)
 * dataset belongs to no single municipality: only the operator's CLI (`shared: 'allow'`)
 * removes it, never a planner's page. The dataset disappears from every reader in the first,
 * audited transaction; its rows then go in short ones.
 */
export async function deleteDataset(
  db: Db,
  kommune: string,
  id: string,
  opts: { actor?: AuditActor | null; shared?: 'refuse' | 'allow' } = {},
): Promise<DeleteOutcome> {
  if (!isUuid(id)) return 'notFound';
  const outcome = await inTenant(db, kommune, async (tx): Promise<DeleteOutcome> => {
    // RLS lets a kommune see shared datasets but change only its own.
    const [ds] = await tx.query<{ shared: boolean; row_count: number }>(
      'select shared, row_count from monitor_dataset where id = $1 and kommune = $2 and ready',
      [id, kommune],
    );
    if (!ds) return 'notFound';
    if (ds.shared && opts.shared !== 'allow') return 'shared';
    await tx.query('update monitor_dataset set ready = false where id = $1', [id]);
    await audit(tx, opts.actor ?? systemActor(kommune), {
      action: 'delete',
      entity: 'monitor_dataset',
      entityId: id,
      summary: `deleted microdata (${ds.row_count} rows)`,
    });
    return 'deleted';
  });
  if (outcome === 'deleted') await discardDataset(db, kommune, id);
  return outcome;
}

export type JobStatus = 'running' | 'failed' | 'done';

/** Why a job failed: the file's problems, the process running it stopped, or our own error. */
export type JobFailure = 'invalid' | 'interrupted' | 'internal';

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
  failure: JobFailure | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * A running job's heartbeat is renewed every few seconds (import.service.ts); one that has not
 * beaten for this long belongs to a process that is gone.
 */
export const JOB_STALE_SECONDS = 60;

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

/** Progress of a running job; also its heartbeat. */
export async function updateJob(
  db: Db,
  kommune: string,
  jobId: string,
  p: { phase: string; rowsDone: number; rowsTotal?: number | null },
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      `update monitor_import_job set phase = $2, rows_done = $3, rows_total = $4, heartbeat_at = now()
        where id = $1 and status = 'running'`,
      [jobId, p.phase, p.rowsDone, p.rowsTotal ?? null],
    ),
  );
}

/** The job's heartbeat alone, while a step gives no progress to report. */
export async function beatJob(db: Db, kommune: string, jobId: string): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      `update monitor_import_job set heartbeat_at = now() where id = $1 and status = 'running'`,
      [jobId],
    ),
  );
}

/** The (not yet ready) dataset a job writes, so an interrupted job's rows can be found. */
export async function linkJobDataset(
  db: Db,
  kommune: string,
  jobId: string,
  datasetId: string,
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query('update monitor_import_job set dataset_id = $2 where id = $1', [jobId, datasetId]),
  );
}

export async function finishJob(
  db: Db,
  kommune: string,
  jobId: string,
  r: {
    status: 'done' | 'failed';
    failure?: JobFailure;
    datasetId?: string | null;
    problems?: RowProblem[];
    problemCount?: number;
  },
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      `update monitor_import_job set status = $2, phase = $2, dataset_id = $3, problems = $4::jsonb,
         problem_count = $5, failure = $6, finished_at = now() where id = $1`,
      [
        jobId,
        r.status,
        r.datasetId ?? null,
        r.problems ? JSON.stringify(r.problems) : null,
        r.problemCount ?? r.problems?.length ?? 0,
        r.status === 'failed' ? (r.failure ?? 'invalid') : null,
      ],
    ),
  );
}

/**
 * Marks this municipality's running jobs whose heartbeat is older than `staleSeconds` as
 * interrupted, and returns the unfinished datasets no running job is writing (an interrupted
 * import's, or a deletion cut short): the caller discards them.
 */
export async function failStaleJobs(
  db: Db,
  kommune: string,
  staleSeconds: number,
): Promise<{ jobs: number; unfinished: string[] }> {
  return inTenant(db, kommune, async (tx) => {
    const jobs = await tx.query<{ id: string }>(
      `update monitor_import_job
          set status = 'failed', phase = 'failed', failure = 'interrupted', finished_at = now()
        where status = 'running' and heartbeat_at <= now() - $1 * interval '1 second'
        returning id`,
      [staleSeconds],
    );
    const unfinished = await tx.query<{ id: string }>(
      `select d.id from monitor_dataset d
        where d.kommune = $1 and not d.ready
          and not exists (select 1 from monitor_import_job j
                           where j.dataset_id = d.id and j.status = 'running')`,
      [kommune],
    );
    return { jobs: jobs.length, unfinished: unfinished.map((d) => d.id) };
  });
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
      failure: JobFailure | null;
      stale: boolean;
      created_at: Date;
      finished_at: Date | null;
    }>(
      `select *, heartbeat_at < now() - $2 * interval '1 second' as stale
         from monitor_import_job where id = $1`,
      [jobId, JOB_STALE_SECONDS],
    ),
  );
  if (!r) return undefined;
  const problems =
    typeof r.problems === 'string'
      ? (JSON.parse(r.problems) as RowProblem[])
      : ((r.problems ?? []) as RowProblem[]);
  // A job whose process is gone shows as interrupted even before the next start records it.
  const interrupted = r.status === 'running' && r.stale;
  return {
    id: r.id,
    status: interrupted ? 'failed' : r.status,
    phase: interrupted ? 'failed' : r.phase,
    rowsDone: r.rows_done,
    rowsTotal: r.rows_total,
    fileName: r.file_name,
    problems,
    problemCount: r.problem_count,
    datasetId: interrupted ? null : r.dataset_id,
    failure: interrupted ? 'interrupted' : r.failure,
    createdAt: new Date(r.created_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
}
