/**
 * A small RFC 4180 CSV reader and writer for the HSDS tabular data package.
 *
 * Reading: fields are separated by commas and records by CRLF, LF or CR; a field in double
 * quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte-order mark is
 * dropped, blank lines are skipped, and a final line break does not make an empty record.
 * Malformed input (an unterminated quote, text after a closing quote) is reported with its line
 * rather than guessed at. A stray quote inside an unquoted field is kept as text, as most
 * spreadsheet programs do.
 *
 * Each record carries the physical line it starts on, so an importer can say
 * "locations.csv line 7" even when an earlier field spans several lines.
 */

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

/** Parses CSV text into records. Throws CsvSyntaxError on malformed quoting. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let atFieldStart = true;
  // False only while nothing at all has been read on the current record (a blank line).
  let touched = false;

  const endRecord = () => {
    fields.push(field);
    if (touched) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
    touched = false;
  };

  while (i < s.length) {
    const c = s[i];
    if (c === '"' && atFieldStart) {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= s.length) throw new CsvSyntaxError(startLine, 'a quoted field is not closed');
        const d = s[i];
        if (d === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        // A line break inside quotes is kept as written; CRLF counts as one line.
        if (d === '\n' || (d === '\r' && s[i + 1] !== '\n')) line++;
        field += d;
        i++;
      }
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(
          line,
          `unexpected text after a closing quote: ${JSON.stringify(s.slice(i, i + 10))}`,
        );
      }
      atFieldStart = false;
      touched = true;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      touched = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    atFieldStart = false;
    touched = true;
    i++;
  }
  if (touched) endRecord();
  return records;
}

/** Parses a CSV table with a header row into objects keyed by column name. */
export function parseCsvTable(text: string): {
  header: string[];
  rows: { line: number; values: Record<string, string> }[];
} {
  const records = parseCsv(text);
  const [head, ...body] = records;
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

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One CSV field: quoted when it holds a comma, quote, line break or edge whitespace. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a table with a header row. Records end with CRLF, as RFC 4180 says. */
export function writeCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
