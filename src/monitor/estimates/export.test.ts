import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { FORMULA_PAYLOADS } from '../../../test/support/payloads.ts';
import { xlsxParts } from '../../../test/support/xlsx.ts';
import { writeTemplateCsv, writeTemplateXlsx } from '../heatplus/template.write.ts';
import type { TemplateRow } from '../heatplus/template.ts';
import { plainCsv, plainXlsx } from './export.ts';

/** Area, breakdown and group names from a codebook, one payload each, with negative figures. */
const plain = FORMULA_PAYLOADS.map((p) => [
  p,
  2025,
  'Rygning',
  p,
  p,
  -1.5,
  -2.25,
  0.5,
  0.125,
  120,
  3400,
  '',
]);

const heat = (p: string): TemplateRow => ({
  setting: p,
  date: 2025,
  source: p,
  indicator_abbr: 'ryg',
  indicator_name: p,
  dimension: p,
  subgroup: p,
  estimate: -1.5,
  se: 0.2,
  ci_lb: -2.25,
  ci_ub: 0.5,
  population: 3400,
  note: p,
  setting_average: -0.75,
  iso3: 'DNK',
  favourable_indicator: 0,
  indicator_scale: 100,
  ordered_dimension: 0,
  subgroup_order: 0,
  reference_subgroup: 0,
});

const records = (text: string, delimiter: string): string[][] => {
  const all: unknown = parse(text, { bom: true, delimiter });
  return (all as string[][]).slice(1);
};

describe('formula injection in the monitor downloads', () => {
  it('writes the Danish and English CSV with neutralised text, numbers as numbers', () => {
    for (const [lang, delimiter, numbers] of [
      ['da', ';', ['-1,5', '-2,25', '0,5', '0,125', '120', '3400']],
      ['en', ',', ['-1.5', '-2.25', '0.5', '0.125', '120', '3400']],
    ] as const) {
      const rows = records(plainCsv(plain, lang), delimiter);
      expect(rows).toHaveLength(FORMULA_PAYLOADS.length);
      rows.forEach((r, i) => {
        const p = `'${FORMULA_PAYLOADS[i]}`;
        expect(r).toEqual([p, '2025', 'Rygning', p, p, ...numbers, '']);
      });
    }
  });

  it('writes the HEAT Plus CSV with neutralised text and negative estimates as numbers', () => {
    const rows = records(writeTemplateCsv(FORMULA_PAYLOADS.map(heat)), ',');
    rows.forEach((r, i) => {
      const p = `'${FORMULA_PAYLOADS[i]}`;
      expect(r.slice(0, 14)).toEqual([
        p,
        '2025',
        p,
        'ryg',
        p,
        p,
        p,
        '-1.5',
        '0.2',
        '-2.25',
        '0.5',
        '3400',
        p,
        '-0.75',
      ]);
    });
  });

  it('writes XLSX text as text cells, never formulas, and gives it back unchanged', async () => {
    // The column of the negative estimate: share_pct in the plain table, estimate in HEAT Plus.
    for (const [file, estimate] of [
      [await plainXlsx(plain, 'da'), 5],
      [await writeTemplateXlsx(FORMULA_PAYLOADS.map(heat)), 7],
    ] as const) {
      const sheet = xlsxParts(file).get('xl/worksheets/sheet1.xml') ?? '';
      expect(sheet).toContain('<sheetData>');
      expect(sheet).not.toMatch(/<f[\s>]/);
      const [, ...cells] = await readSheet(file, { trim: false });
      expect(cells.map((r) => r[0])).toEqual(FORMULA_PAYLOADS);
      expect(cells.map((r) => r[estimate])).toEqual(FORMULA_PAYLOADS.map(() => -1.5));
    }
  });
});
