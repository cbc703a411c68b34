/**
 * Reads a HEAT Plus template from CSV (comma or semicolon, as Danish Excel writes it) or XLSX
 * (first sheet, read-excel-file) into validated rows and groups. I/O only; the rules are in
 * template.validate.ts.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { CsvSyntaxError, parseCsv } from '../../platform/csv.ts';
import { zipContents } from '../zip.ts';
import { validateTemplate, type TemplateParse, type TemplateProblem } from './template.validate.ts';

const swapCommaSemicolon = (s: string): string =>
  s.replace(/[,;]/g, (c) => (c === ',' ? ';' : ','));

const unreadable = (message: string, line = 0): TemplateParse => ({
  rows: [],
  groups: [],
  problems: [
    {
      severity: 'error',
      line,
      da: `Filen kan ikke læses (${message}).`,
      en: `The file cannot be read (${message}).`,
    } satisfies TemplateProblem,
  ],
});

/** How much a template may hold: rows (without the header) and columns. */
export interface TemplateLimits {
  rows: number;
  columns: number;
}

const NO_LIMITS: TemplateLimits = { rows: Infinity, columns: Infinity };

/** A file over a limit, in the planner's words; nothing of it is used. */
function tooLarge(header: number, rows: number, limits: TemplateLimits): TemplateParse | null {
  const problem = (da: string, en: string): TemplateParse => ({
    rows: [],
    groups: [],
    problems: [{ severity: 'error', line: 0, da, en }],
  });
  if (rows > limits.rows)
    return problem(
      `Filen har ${rows} rækker; her kan højst ${limits.rows} beregnes ad gangen. Del filen, eller brug kommandoen lighed measures.`,
      `The file has ${rows} rows; at most ${limits.rows} can be computed here at a time. Split the file, or use the command lighed measures.`,
    );
  if (header > limits.columns)
    return problem(
      `Filen har ${header} kolonner; skabelonen har 20 (højst ${limits.columns} læses).`,
      `The file has ${header} columns; the template has 20 (at most ${limits.columns} are read).`,
    );
  return null;
}

/**
 * Parses template CSV text. The delimiter is taken from the header line: with `;` the text is
 * read by our RFC 4180 reader after swapping `,` and `;` everywhere (a bijection, so quoted
 * fields survive) and each field is swapped back.
 */
export function readTemplateCsv(text: string, limits: TemplateLimits = NO_LIMITS): TemplateParse {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const semicolon = firstLine.includes(';') && !firstLine.includes(',');
  let records;
  try {
    records = parseCsv(semicolon ? swapCommaSemicolon(text) : text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return unreadable(e.message, e.line);
    throw e;
  }
  const fix = semicolon ? swapCommaSemicolon : (s: string): string => s;
  const [head, ...body] = records;
  if (!head) return unreadable('empty file');
  const over = tooLarge(head.fields.length, body.length, limits);
  if (over) return over;
  return validateTemplate({
    header: head.fields.map(fix),
    rows: body.map((r) => ({ line: r.line, cells: r.fields.map(fix) })),
  });
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return String(v.getFullYear());
  if (typeof v === 'string') return v;
  return typeof v === 'boolean' ? (v ? '1' : '0') : '';
};

/** Parses the first sheet of a template workbook; the line of a row is its sheet row. */
export async function readTemplateXlsx(
  data: Buffer,
  limits: TemplateLimits = NO_LIMITS,
): Promise<TemplateParse> {
  let sheet;
  try {
    sheet = await readSheet(data);
  } catch (e) {
    return unreadable(e instanceof Error ? e.message : 'not an XLSX workbook');
  }
  const [head, ...body] = sheet;
  if (!head) return unreadable('empty sheet');
  const over = tooLarge(head.length, body.length, limits);
  if (over) return over;
  const rows = body
    .map((r, k) => ({ line: k + 2, cells: r.map(cellText) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return validateTemplate({ header: head.map(cellText), rows });
}

/**
 * Reads a template from its bytes: XLSX when they start as a zip ("PK"), else CSV. A workbook
 * whose directory says it unpacks beyond the limit is refused before it is read.
 */
export async function readTemplateBytes(
  data: Uint8Array,
  limits: TemplateLimits & { xlsxUncompressedBytes: number },
): Promise<TemplateParse> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!(data[0] === 0x50 && data[1] === 0x4b))
    return readTemplateCsv(buffer.toString('utf8'), limits);
  const zip = zipContents(data);
  if (zip && zip.uncompressed > limits.xlsxUncompressedBytes) {
    const mb = Math.round(limits.xlsxUncompressedBytes / (1024 * 1024));
    return {
      rows: [],
      groups: [],
      problems: [
        {
          severity: 'error',
          line: 0,
          da: `Regnearket fylder over ${mb} MB udpakket. Gem det som CSV, eller del det.`,
          en: `The workbook takes more than ${mb} MB unpacked. Save it as CSV, or split it.`,
        },
      ],
    };
  }
  return readTemplateXlsx(buffer, limits);
}

/** Reads a template file by extension: .xlsx, else CSV (.csv, .txt). */
export async function readTemplateFile(path: string): Promise<TemplateParse> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    return unreadable(e instanceof Error ? e.message : String(e));
  }
  if (extname(path).toLowerCase() === '.xlsx') return readTemplateXlsx(data);
  return readTemplateCsv(data.toString('utf8'));
}
