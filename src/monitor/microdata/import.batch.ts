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
 * The rows arrive from the reading worker already written as one PostgreSQL array literal of
 * the table's own row type (formatRespondents, formatSums): handing over one flat string costs
 * the event loop almost nothing, where thousands of row objects cost a structured clone and then
 * the driver's own array serialisation, both on the event loop. One array of records, unnested
 * once, costs the server a third of what one array per column did: `unnest(a, b, …)` over 50
 * arrays materialises each of them apart (bench/README.md, issue 16, 2026-12-07).
 *
 * Everything here is pure (no I/O), so it runs the same in the worker and in tests.
 */
import type { Db } from '../../db/db.ts';
import { SumAccumulator, type AggregateRow } from './aggregate.memory.ts';
import { MAX_DIMENSIONS, MAX_INDICATORS, type Codebook, type Respondent } from './codebook.ts';

/** Respondent rows as one array literal of monitor_respondent records (import.store.ts). */
export interface RespondentRecords {
  rows: number;
  /** The distinct survey years among these rows. */
  years: number[];
  /** `{"(,,line,year,area,weight,d1,…,d8,y1,…,y64)",…}`: dataset and kommune left empty. */
  literal: string;
}

/** Sum rows as one array literal of monitor_aggregate records. */
export interface SumRecords {
  rows: number;
  /** `{"(,,indicator,dim,category,year,area,n,n1,sw,sw2,swy,sw2y)",…}`. */
  literal: string;
}

/** What a dataset is written from: batches of respondents, then their sums. */
export type DatasetChunk = { respondents: RespondentRecords } | { sums: SumRecords };

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

// Inside a record (which is itself an element of an array literal) an empty field is NULL.
const SMALL = Array.from({ length: 256 }, (_, i) => String(i));
const int = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const t = Math.trunc(v);
  return t >= 0 && t < 256 ? SMALL[t]! : String(t);
};
const float = (v: number) => (Number.isFinite(v) ? String(v) : '');
const PLAIN = /^[0-9A-Za-z]+$/;
/**
 * A text field of a record that is an element of an array: quoted and escaped for the record,
 * then escaped again for the array element the record sits in (PostgreSQL's array and record
 * syntax). Area codes are four digits and need neither.
 */
const text = (s: string) =>
  PLAIN.test(s) ? s : `"${s.replace(/[\\"]/g, '\\$&')}"`.replace(/[\\"]/g, '\\$&');
/** Commas for the slots a codebook leaves empty (NULL), up to the table's fixed slots. */
const empties = (used: number, slots: number) => ','.repeat(Math.max(0, slots - used));

/** One literal for `unnest($1::monitor_respondent[])` (columns in the table's order). */
export function formatRespondents(
  batch: readonly Respondent[],
  dims: number,
  inds: number,
): RespondentRecords {
  const n = batch.length;
  const years = new Set<number>();
  const dimRest = empties(dims, MAX_DIMENSIONS);
  const indRest = empties(inds, MAX_INDICATORS);
  // Each record's fields in one reused array, joined per record, then the records joined: one
  // join over a whole chunk's fields cost 5 × this (bench/README.md, issue 16, 2026-12-07).
  const fields = new Array<string>(4 + dims + inds);
  const records = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = batch[i]!;
    years.add(r.year);
    let at = 0;
    fields[at++] = `"(,,${int(r.line)}`;
    fields[at++] = int(r.year);
    fields[at++] = text(r.area);
    fields[at++] = float(r.weight);
    for (let k = 0; k < dims; k++) fields[at++] = int(r.dims[k]);
    fields[at - 1] += dimRest;
    for (let j = 0; j < inds; j++) fields[at++] = int(r.answers[j]);
    fields[at - 1] += indRest + ')"';
    records[i] = fields.join(',');
  }
  return { rows: n, years: [...years], literal: `{${records.join(',')}}` };
}

/** One literal for `unnest($1::monitor_aggregate[])`, full float precision. */
export function formatSums(b: Iterable<AggregateRow>): SumRecords {
  const records: string[] = [];
  for (const r of b)
    records.push(
      `"(,,${int(r.indicator)},${int(r.dim)},${int(r.category)},${int(r.year)},${text(r.area)},` +
        `${int(r.n)},${int(r.n1)},${float(r.sw)},${float(r.sw2)},${float(r.swy)},${float(r.sw2y)})"`,
    );
  return { rows: records.length, literal: `{${records.join(',')}}` };
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
  // The sums, once every respondent is read; taken a chunk at a time.
  let sums: Iterator<AggregateRow> | null = null;
  return {
    async next(size) {
      if (sums === null) {
        const batch: Respondent[] = [];
        while (batch.length < Math.max(1, size.respondents)) {
          const r = await it.next();
          if (r.done) {
            sums = acc.each();
            break;
          }
          acc.add(r.value);
          batch.push(r.value);
        }
        if (batch.length > 0) return { respondents: formatRespondents(batch, dims, inds) };
      }
      if (sums === null) return null;
      const part: AggregateRow[] = [];
      for (let r = sums.next(); !r.done; r = sums.next()) {
        part.push(r.value);
        if (part.length >= Math.max(1, size.sums)) break;
      }
      return part.length > 0 ? { sums: formatSums(part) } : null;
    },
  };
}
