/**
 * Reads a microdata file (CSV or XLSX) into validated respondents, one row at a time.
 *
 * CSV is streamed (csv-parse), so a million rows never sit in memory; Danish Excel writes `;`
 * with decimal commas and often Windows-1252, so the delimiter is taken from the header line
 * and the encoding falls back to Latin-1 when the start of the file is not UTF-8. XLSX files
 * are read whole (read-excel-file), which their own size limit allows.
 *
 * Every row is checked and every problem counted. Rows are yielded until the first problem;
 * after that the rest is only checked, and the generator ends by throwing MicrodataInvalid, so
 * an import that consumes it inside a transaction rolls back and stores nothing.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { readSheet } from 'read-excel-file/node';
import { zipContents } from '../zip.ts';
import type { Codebook, Respondent } from './codebook.ts';
import { planRows, validateRow, type RowPlan, type RowProblem } from './validate.ts';

export { formatProblem, formatProblems } from './problems.ts';
export type { RowProblem } from './validate.ts';

/** A file on disk, or an upload held in memory. */
export type MicrodataSource = { path: string } | { name: string; data: Uint8Array };

/** How much a file may hold (upload.ts sizes them); a file over a limit is one problem. */
export interface ReadLimits {
  rows: number;
  columns: number;
  xlsxUncompressedBytes: number;
}

export interface ReadOptions {
  /** Called every few thousand rows; rowsTotal is estimated from the bytes read until the end. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Rows between progress calls (5000 unless said). */
  progressEvery?: number;
  limits?: ReadLimits;
}

/** A file over a limit: reading stops at once with this one problem. */
class OverLimit extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.code);
  }
}

export const MAX_STORED_PROBLEMS = 1000;

export class MicrodataInvalid extends Error {
  constructor(
    /** The first MAX_STORED_PROBLEMS problems. */
    readonly problems: RowProblem[],
    /** All problems, also those not kept. */
    readonly problemCount: number,
    readonly rows: number,
  ) {
    super(`microdata has ${problemCount} problem(s)`);
    this.name = 'MicrodataInvalid';
  }
}

export interface CheckResult {
  rows: number;
  problems: RowProblem[];
  problemCount: number;
}

const PROGRESS_EVERY = 5000;

/** A file-level row source: the header, then each row with its line. */
interface RowSource {
  header: string[];
  rows: AsyncIterable<{ line: number; cells: string[]; fraction: number }>;
}

export type MicrodataFormat = 'csv' | 'xlsx';

/** XLSX is a zip file ("PK\x03\x04"); otherwise the extension decides, and CSV is the default. */
export function detectFormat(name: string, head: Uint8Array): MicrodataFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  return /\.xlsx$/i.test(name) ? 'xlsx' : 'csv';
}

/** The delimiter that occurs most often in the header line (outside quotes): `;`, `,` or tab. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

async function head(source: MicrodataSource, bytes: number): Promise<Uint8Array> {
  if ('data' in source) return source.data.subarray(0, bytes);
  const f = await open(source.path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await f.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await f.close();
  }
}

const nameOf = (s: MicrodataSource) => ('data' in s ? s.name : s.path);

/** Whether `bytes` is UTF-8, ignoring a character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(0, bytes.length - 4 > 0 ? bytes.length - 4 : bytes.length),
    );
    return true;
  } catch {
    return false;
  }
}

async function csvRows(source: MicrodataSource, start: Uint8Array): Promise<RowSource> {
  const encoding: BufferEncoding = isUtf8(start) ? 'utf8' : 'latin1';
  const text = Buffer.from(start).toString(encoding);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const size = 'data' in source ? source.data.length : (await stat(source.path)).size;
  const input =
    'data' in source
      ? Readable.from([
          Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength),
        ])
      : createReadStream(source.path);
  const parser = input.pipe(
    parse({
      delimiter: detectDelimiter(firstLine),
      bom: true,
      encoding,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  input.on('error', (e: Error) => parser.destroy(e));
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number; bytes: number };
  }>;
  const first = await it.next();
  if (first.done) return { header: [], rows: (async function* () {})() };
  return {
    header: first.value.record,
    rows: (async function* () {
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield {
          line: r.value.info.lines,
          cells: r.value.record,
          fraction: size > 0 ? r.value.info.bytes / size : 1,
        };
      }
    })(),
  };
}

/** A cell as text: codes may come as numbers (265 → "265"), dates as ISO dates. */
const cellText = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return '';
};

async function xlsxRows(source: MicrodataSource, limits?: ReadLimits): Promise<RowSource> {
  if (limits) {
    // Read whole by read-excel-file: refuse by the zip directory's size before inflating.
    const bytes = 'data' in source ? source.data : await readFile(source.path);
    const zip = zipContents(bytes);
    if (zip && zip.uncompressed > limits.xlsxUncompressedBytes)
      throw new OverLimit({
        line: 0,
        column: '',
        code: 'xlsx_too_large',
        value: String(Math.round(limits.xlsxUncompressedBytes / (1024 * 1024))),
      });
  }
  const input =
    'data' in source
      ? Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength)
      : source.path;
  const data = await readSheet(input);
  const header = (data[0] ?? []).map(cellText);
  return {
    header,
    rows: (async function* () {
      for (let i = 1; i < data.length; i++) {
        const cells = (data[i] ?? []).map(cellText);
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line: i + 1, cells, fraction: i / (data.length - 1) };
      }
    })(),
  };
}

async function openRows(source: MicrodataSource, limits?: ReadLimits): Promise<RowSource> {
  const start = await head(source, 64 * 1024);
  return detectFormat(nameOf(source), start) === 'xlsx'
    ? xlsxRows(source, limits)
    : csvRows(source, start);
}

/** The line a csv-parse error points at, when it says. */
function errorLine(e: unknown): number {
  const lines = (e as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : 0;
}

/**
 * Yields validated respondents. Throws MicrodataInvalid at the end when any row (or the header)
 * was wrong; rows are not yielded after the first problem.
 */
export async function* readRespondents(
  source: MicrodataSource,
  codebook: Codebook,
  opts: ReadOptions = {},
): AsyncGenerator<Respondent> {
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const add = (p: RowProblem) => {
    problemCount++;
    if (problems.length < MAX_STORED_PROBLEMS) problems.push(p);
  };
  let rows = 0;
  let src: RowSource;
  try {
    src = await openRows(source, opts.limits);
  } catch (e) {
    if (e instanceof OverLimit) {
      add(e.problem);
      throw new MicrodataInvalid(problems, problemCount, 0);
    }
    add({
      line: errorLine(e),
      column: '',
      code: errorLine(e) > 0 ? 'csv_syntax' : 'unreadable_file',
      value: e instanceof Error ? e.message : String(e),
    });
    throw new MicrodataInvalid(problems, problemCount, 0);
  }
  if (src.header.length === 0) {
    add({ line: 0, column: '', code: 'empty_file', value: '' });
    throw new MicrodataInvalid(problems, problemCount, 0);
  }
  const limits = opts.limits;
  if (limits && src.header.length > limits.columns) {
    add({ line: 1, column: '', code: 'too_many_columns', value: String(limits.columns) });
    throw new MicrodataInvalid(problems, problemCount, 0);
  }
  const planned = planRows(codebook, src.header);
  if ('problems' in planned) {
    planned.problems.forEach(add);
    throw new MicrodataInvalid(problems, problemCount, 0);
  }
  const plan: RowPlan = planned.plan;
  try {
    for await (const row of src.rows) {
      rows++;
      if (limits && rows > limits.rows) {
        add({ line: row.line, column: '', code: 'too_many_rows', value: String(limits.rows) });
        rows--;
        break;
      }
      const r = validateRow(plan, row.line, row.cells, add);
      if (r && problemCount === 0) yield r;
      if (rows % (opts.progressEvery ?? PROGRESS_EVERY) === 0)
        opts.onProgress?.(rows, Math.max(rows, Math.round(rows / Math.max(row.fraction, 1e-9))));
    }
  } catch (e) {
    if (e instanceof MicrodataInvalid) throw e;
    add({
      line: errorLine(e),
      column: '',
      code: 'csv_syntax',
      value: e instanceof Error ? e.message : String(e),
    });
  }
  opts.onProgress?.(rows, rows);
  if (problemCount > 0) throw new MicrodataInvalid(problems, problemCount, rows);
}

/** Checks a whole file without storing it: the row count and every problem. */
export async function checkMicrodata(
  source: MicrodataSource,
  codebook: Codebook,
  opts: ReadOptions = {},
): Promise<CheckResult> {
  let rows = 0;
  try {
    for await (const r of readRespondents(source, codebook, opts)) if (r) rows++;
  } catch (e) {
    if (e instanceof MicrodataInvalid)
      return { rows: e.rows, problems: e.problems, problemCount: e.problemCount };
    throw e;
  }
  return { rows, problems: [], problemCount: 0 };
}
