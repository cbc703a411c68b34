/**
 * How a survey import is cut into writes that never hold up the server (issue 15; figures in
 * bench/README.md, "Import stalls").
 *
 * Embedded PGlite runs every statement on the event loop's thread, and a transaction runs to
 * its end without yielding: each write is a stall for every other request. So the writer asks
 * for as many rows as fit in a time budget (WRITE_LIMITS), measured on each write and adapted
 * (nextBatchRows: shrinks at once when a write was slow, on a loaded machine too, and grows at
 * most twofold), never more than a fixed bound, and rests as long as the write took before the
 * next (restAfter), so the requests that queued for the database meanwhile are served first:
 * the import takes at most half of the time. On PostgreSQL the statement runs in the
 * server's process; only sending it costs the event loop, so batches are larger and fixed.
 *
 * The rows arrive from the reading worker already written as PostgreSQL array literals, one
 * string per column (formatRespondents, formatSums): handing over a few flat strings costs the
 * event loop almost nothing, where thousands of row objects cost a structured clone and then
 * the driver's own array serialisation, both on the event loop.
 *
 * Everything here is pure (no I/O), so it runs the same in the worker and in tests.
 */
import type { Db } from '../../db/db.ts';
import { SumAccumulator, type AggregateRow } from './aggregate.memory.ts';
import type { Codebook, Respondent } from './codebook.ts';

/** Respondent rows as one array literal per column of monitor_respondent (import.store.ts). */
export interface RespondentColumns {
  rows: number;
  /** The distinct survey years among these rows. */
  years: number[];
  /** line, year, area, weight, d1..dN, y1..yM: each a literal like `{1,2,NULL}`. */
  columns: string[];
}

/** Sum rows as one array literal per column of monitor_aggregate after dataset and kommune. */
export interface SumColumns {
  rows: number;
  /** indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y. */
  columns: string[];
}

/** What a dataset is written from: batches of respondents, then their sums. */
export type DatasetChunk = { respondents: RespondentColumns } | { sums: SumColumns };

/** How many rows the writer asks for next, of each kind. */
export interface ChunkSize {
  respondents: number;
  sums: number;
}

/** Hands out a file's rows in chunks of the size asked for; null when all are given. */
export interface ChunkSource {
  next(size: ChunkSize): Promise<DatasetChunk | null>;
}

export interface WriteLimits {
  /** Rows per write, at most (the regression guard: import.batch.test.ts). */
  max: number;
  /** Rows per write, at least (the per-write overhead stays small). */
  min: number;
  /** The first write's rows, before anything is measured. */
  start: number;
  /** The time one write may hold the event loop; null: not adapted (PostgreSQL). */
  targetMs: number | null;
  /**
   * After a write, the writer rests this share of the write's time (at most REST_MAX_MS):
   * requests that arrived meanwhile get the database (PGlite runs one statement at a time, and
   * a page makes several) before the next write; 0: only a turn of the event loop.
   */
  rest: number;
}

export const REST_MAX_MS = 50;

/** Milliseconds to rest after a write that took `ms`. */
export function restAfter(limits: WriteLimits, ms: number): number {
  if (limits.rest <= 0 || !Number.isFinite(ms)) return 0;
  return Math.min(REST_MAX_MS, Math.max(1, Math.round(ms * limits.rest)));
}

/**
 * PGlite: a write of 40 respondent columns costs about 0.05-0.1 ms a row on an idle core
 * (several times that on a loaded one), a sum row about a third of that, plus a fixed cost per
 * transaction that the minimum keeps small. A page waits for at most one write per query it
 * makes, so 15 ms a write keeps it well within the 100 ms the issue asks for.
 * PostgreSQL: what the event loop spends is only sending the literals.
 */
export const WRITE_LIMITS: Record<Db['engine'], Record<keyof ChunkSize, WriteLimits>> = {
  pglite: {
    respondents: { max: 500, min: 50, start: 200, targetMs: 15, rest: 1 },
    sums: { max: 1000, min: 100, start: 400, targetMs: 15, rest: 1 },
  },
  postgres: {
    respondents: { max: 5000, min: 5000, start: 5000, targetMs: null, rest: 0 },
    sums: { max: 10_000, min: 10_000, start: 10_000, targetMs: null, rest: 0 },
  },
};

/**
 * The rows for the next write, from the last write's rows and time: the number that would
 * have taken `targetMs` at the measured speed, at most twice the last (one fast write on an
 * idle moment does not jump to the bound), within [min, max].
 */
export function nextBatchRows(limits: WriteLimits, lastRows: number, lastMs: number): number {
  if (limits.targetMs === null) return limits.max;
  const clamp = (n: number) => Math.max(limits.min, Math.min(limits.max, Math.floor(n)));
  if (lastRows <= 0 || !Number.isFinite(lastMs)) return clamp(limits.start);
  const perRow = Math.max(lastMs, 0.01) / lastRows;
  return clamp(Math.min(limits.targetMs / perRow, lastRows * 2));
}

const int = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? 'NULL' : String(Math.trunc(v));
const float = (v: number) => (Number.isFinite(v) ? String(v) : 'NULL');
/** A text element: always quoted, backslash and double quote escaped (PostgreSQL array syntax). */
const text = (s: string) => `"${s.replace(/[\\"]/g, '\\$&')}"`;
const literal = (items: string[]) => `{${items.join(',')}}`;

export function formatRespondents(
  batch: readonly Respondent[],
  dims: number,
  inds: number,
): RespondentColumns {
  const n = batch.length;
  const line = new Array<string>(n);
  const year = new Array<string>(n);
  const area = new Array<string>(n);
  const weight = new Array<string>(n);
  const years = new Set<number>();
  const d = Array.from({ length: dims }, () => new Array<string>(n));
  const y = Array.from({ length: inds }, () => new Array<string>(n));
  for (let i = 0; i < n; i++) {
    const r = batch[i]!;
    line[i] = int(r.line);
    year[i] = int(r.year);
    years.add(r.year);
    area[i] = text(r.area);
    weight[i] = float(r.weight);
    for (let k = 0; k < dims; k++) d[k]![i] = int(r.dims[k]);
    for (let j = 0; j < inds; j++) y[j]![i] = int(r.answers[j]);
  }
  return {
    rows: n,
    years: [...years],
    columns: [line, year, area, weight, ...d, ...y].map(literal),
  };
}

export function formatSums(b: readonly AggregateRow[]): SumColumns {
  const col = (f: (r: AggregateRow) => string) => literal(b.map(f));
  return {
    rows: b.length,
    columns: [
      col((r) => int(r.indicator)),
      col((r) => int(r.dim)),
      col((r) => int(r.category)),
      col((r) => int(r.year)),
      col((r) => text(r.area)),
      col((r) => int(r.n)),
      col((r) => int(r.n1)),
      col((r) => float(r.sw)),
      col((r) => float(r.sw2)),
      col((r) => float(r.swy)),
      col((r) => float(r.sw2y)),
    ],
  };
}

/**
 * The chunks of a file's respondents, summed as they pass: respondents first, then the sums,
 * each chunk as large as asked for. Throws what the respondents throw (an invalid file).
 */
export function chunkSource(
  codebook: Codebook,
  respondents: AsyncIterable<Respondent> | Iterable<Respondent>,
): ChunkSource {
  const dims = codebook.dimensions.length;
  const inds = codebook.indicators.length;
  const acc = new SumAccumulator(codebook);
  const it =
    Symbol.asyncIterator in respondents
      ? respondents[Symbol.asyncIterator]()
      : respondents[Symbol.iterator]();
  let sums: AggregateRow[] | null = null;
  let at = 0;
  return {
    async next(size) {
      if (sums === null) {
        const batch: Respondent[] = [];
        while (batch.length < Math.max(1, size.respondents)) {
          const r = await it.next();
          if (r.done) {
            sums = acc.rows();
            break;
          }
          acc.add(r.value);
          batch.push(r.value);
        }
        if (batch.length > 0) return { respondents: formatRespondents(batch, dims, inds) };
      }
      if (sums === null || at >= sums.length) return null;
      const part = sums.slice(at, at + Math.max(1, size.sums));
      at += part.length;
      return { sums: formatSums(part) };
    },
  };
}
