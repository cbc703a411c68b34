/**
 * CSV for the whole tree, on csv-parse and csv-stringify (decision 0009). Small tables (the HSDS
 * data package, HEAT Plus files) are read whole with `parseCsv`/`parseCsvTable`; the survey
 * importer streams with csv-parse directly (monitor/microdata/read.ts).
 *
 * Reading: RFC 4180 with CRLF, LF or CR line ends; a UTF-8 byte-order mark is dropped, blank
 * lines are skipped. Each record carries the physical line it starts on, so an importer can say
 * "locations.csv line 7" even when an earlier field spans several lines. An unclosed quote or
 * text after a closing quote is reported with its line rather than guessed at. A stray quote
 * inside an unquoted field (`5" screen`) is kept as text, as spreadsheet programs do: the file
 * is read strictly first, and again with csv-parse's `relax_quotes` only when that was the
 * one complaint.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Finds the line a record starts on from its byte offset (csv-parse reports bytes), walking the
 * bytes once from the front; CRLF counts as one line break.
 */
function lineCounter(bytes: Uint8Array) {
  let at = 0;
  let line = 1;
  return {
    /** The line of the first byte at or after `offset` that is not a line break. */
    lineAt(offset: number): number {
      let start = offset;
      while (start < bytes.length && (bytes[start] === LF || bytes[start] === CR)) start++;
      for (; at < start; at++) {
        const c = bytes[at];
        if (c === LF || (c === CR && bytes[at + 1] !== LF)) line++;
      }
      return line;
    },
  };
}

function read(bytes: Uint8Array, relaxQuotes: boolean): CsvRecord[] {
  const lines = lineCounter(bytes);
  let offset = 0;
  const records: CsvRecord[] = [];
  try {
    parse(bytes, {
      relax_quotes: relaxQuotes,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields, context) => {
        records.push({ line: lines.lineAt(offset), fields });
        offset = context.bytes;
        return fields;
      },
    });
    return records;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const where = lines.lineAt(offset);
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new CsvSyntaxError(where, 'a quoted field is not closed');
    if (code === 'CSV_INVALID_CLOSING_QUOTE')
      throw new CsvSyntaxError(where, 'unexpected text after a closing quote');
    if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_OPENING_QUOTE')
      throw new StrayQuote();
    throw new CsvSyntaxError(where, e instanceof Error ? e.message : String(e));
  }
}

class StrayQuote extends Error {}

/** Every record of a CSV text, with the line each starts on. */
export function parseCsv(text: string): CsvRecord[] {
  const body = Buffer.from(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'utf8');
  try {
    return read(body, false);
  } catch (e) {
    if (e instanceof StrayQuote) return read(body, true);
    throw e;
  }
}

/** Parses a CSV table with a header row into objects keyed by column name. */
export function parseCsvTable(text: string): {
  header: string[];
  rows: { line: number; values: Record<string, string> }[];
} {
  const [head, ...body] = parseCsv(text);
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new CsvSyntaxError(head.line, 'the header has an empty column name');
    if (seen.has(h)) throw new CsvSyntaxError(head.line, `the header names column "${h}" twice`);
    seen.add(h);
  }
  const rows = body.map((r) => {
    if (r.fields.length !== header.length) {
      throw new CsvSyntaxError(
        r.line,
        `expected ${header.length} fields (as the header), found ${r.fields.length}`,
      );
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = r.fields[k] ?? '';
    });
    return { line: r.line, values };
  });
  return { header, rows };
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet opening our CSV runs a cell that
 * begins with `=`, `+`, `-` or `@` as a formula, and tab or carriage return hide such a start.
 * Provider-edited and codebook text reaches our files, so every text cell that begins so is
 * written with a leading `'`, which spreadsheets show as text. A number as people write it
 * (a sign, digits, spaces, one decimal point or comma: `-1.5`, `+45 33 12 34 56`) is left as it
 * is: it can neither call a function nor reference a cell. Cells that are JavaScript numbers
 * are never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]? ?\d[\d ]*(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

const needsQuote = (text: string): boolean => FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);

/**
 * The text as `writeCsv` writes it: with a `'` before a formula start. Text that already begins
 * with apostrophes before such a start gets one more, so `readNeutralisedCell` gives back
 * exactly the original (`'=x` is written `''=x` and read back `'=x`).
 */
export function neutraliseCell(text: string): string {
  return needsQuote(text.replace(/^'+/, '')) ? `'${text}` : text;
}

/** Undoes `neutraliseCell`, for importers of files we wrote (the HSDS data package). */
export function readNeutralisedCell(text: string): string {
  return text.startsWith("'") && needsQuote(text.replace(/^'+/, '')) ? text.slice(1) : text;
}

export interface WriteCsvOptions {
  /** `;` for Danish Excel; `,` (RFC 4180) otherwise. */
  delimiter?: ',' | ';';
  /** Numbers with a decimal comma (Danish Excel). */
  decimalComma?: boolean;
}

/**
 * Writes a table with a header row: every CSV we write goes through here. Records end with
 * CRLF, as RFC 4180 says; a field is quoted when it holds the delimiter, a quote, a line break
 * or white space at either end; objects are JSON; text that a spreadsheet would run as a
 * formula is neutralised (`neutraliseCell`).
 */
export function writeCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  opts: WriteCsvOptions = {},
): string {
  return stringify([columns, ...rows.map((row) => columns.map((c) => row[c]))], {
    delimiter: opts.delimiter ?? ',',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: {
      string: (v) => neutraliseCell(v),
      number: (v) => (opts.decimalComma ? String(v).replace('.', ',') : String(v)),
      boolean: (v) => String(v),
      date: (v) => v.toISOString(),
      object: (v) => neutraliseCell(JSON.stringify(v)),
    },
  });
}
