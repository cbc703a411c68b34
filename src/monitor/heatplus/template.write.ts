/**
 * Writes template rows back in the HEAT Plus layout (the 20 columns in order), as CSV
 * (RFC 4180, comma, dot decimals: what HEAT Plus reads) or XLSX (write-excel-file), so
 * planners can take any result into WHO's own tool.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell } from 'write-excel-file/node';
import { writeCsv } from '../../platform/csv.ts';
import { TEMPLATE_COLUMNS, type TemplateRow } from './template.ts';

export function writeTemplateCsv(rows: readonly TemplateRow[]): string {
  return writeCsv(
    TEMPLATE_COLUMNS,
    rows.map((r) => ({ ...r })),
  );
}

const cell = (v: string | number | null): Cell =>
  v === null
    ? null
    : typeof v === 'number'
      ? { value: v, type: Number }
      : { value: v, type: String };

export async function writeTemplateXlsx(rows: readonly TemplateRow[]): Promise<Buffer> {
  const header: Cell[] = TEMPLATE_COLUMNS.map((c) => ({
    value: c,
    type: String,
    fontWeight: 'bold',
  }));
  const data = rows.map((r) => TEMPLATE_COLUMNS.map((c) => cell(r[c])));
  const out = await writeXlsxFile([header, ...data], { sheet: 'data' }).toBuffer();
  return Buffer.from(out);
}
