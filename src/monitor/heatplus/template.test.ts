import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTemplateCsv, readTemplateFile, readTemplateXlsx } from './template.read.ts';
import { effectiveSe, TEMPLATE_COLUMNS, templateRows, type TemplateRow } from './template.ts';
import { formatTemplateProblem, hasErrors, parseNumber } from './template.validate.ts';
import { writeTemplateCsv, writeTemplateXlsx } from './template.write.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const HEADER = TEMPLATE_COLUMNS.join(',');

/** One valid row as cells keyed by column, to be varied per test. */
const base: Record<string, string> = {
  setting: 'Roskilde',
  date: '2021',
  source: 'Sundhedsprofilen',
  indicator_abbr: 'ryg',
  indicator_name: 'Daglig rygning (%)',
  dimension: 'Uddannelse',
  subgroup: 'Grundskole',
  estimate: '20',
  se: '1.5',
  ci_lb: '',
  ci_ub: '',
  population: '1000',
  note: '',
  setting_average: '15',
  iso3: 'DNK',
  favourable_indicator: '0',
  indicator_scale: '100',
  ordered_dimension: '1',
  subgroup_order: '1',
  reference_subgroup: '0',
};
const csv = (rows: Record<string, string>[]): string =>
  [HEADER, ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? '').join(','))].join('\n');
const edu = (extra: Record<string, string>[] = []): Record<string, string>[] => [
  base,
  { ...base, subgroup: 'Erhvervsfaglig', estimate: '15', subgroup_order: '2' },
  { ...base, subgroup: 'Lang videregående', estimate: '8', subgroup_order: '3' },
  ...extra,
];

describe('HEAT Plus template: reading', () => {
  it('reads the ordered fixture into groups per setting x date x indicator x dimension', async () => {
    const res = await readTemplateFile(fixture('anc-wealth.csv'));
    expect(res.problems).toEqual([]);
    expect(res.rows).toHaveLength(10);
    expect(res.groups.map((g) => g.date)).toEqual([2014, 2008]);
    const g = res.groups[0];
    expect(g?.indicator_abbr).toBe('anc4');
    expect(g?.iso3).toBe('GHA');
    expect(g?.setting_average).toBe(87.3);
    expect(g?.measureSetting?.ordered).toBe(true);
    expect(g?.measureSetting?.favourable).toBe(true);
    expect(g?.measureSetting?.subgroups.map((s) => s.order)).toEqual([1, 2, 3, 4, 5]);
    expect(g?.rows[0]?.line).toBe(2);
  });

  it('reads semicolon CSV with decimal commas, commas inside fields, and derives se from the limits', async () => {
    const res = await readTemplateFile(fixture('smoking-region.csv'));
    expect(res.problems).toEqual([]);
    const g = res.groups[0];
    expect(g?.indicator_name).toBe('Daglig rygning, 16+ år (%)');
    expect(g?.rows[0]?.estimate).toBe(14.2);
    expect(g?.rows[0]?.se).toBeNull();
    // se = (14.9 - 13.5) / (2 x 1.96)
    expect(g?.measureSetting?.subgroups[0]?.se).toBeCloseTo(1.4 / 3.92, 12);
    expect(g?.measureSetting?.subgroups[0]?.reference).toBe(true);
    expect(g?.measureSetting?.subgroups[2]?.se).toBe(0.45);
    expect(g?.measureSetting?.ordered).toBe(false);
  });

  it('parses numbers with a dot or a decimal comma only', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('1.000,5')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
    expect(effectiveSe({ se: null, ci_lb: 10, ci_ub: 13.92 })).toBeCloseTo(1, 12);
    expect(effectiveSe({ se: null, ci_lb: null, ci_ub: 3 })).toBeNull();
  });
});

describe('HEAT Plus template: validation names line and column', () => {
  const problemsOf = (text: string) => readTemplateCsv(text).problems;
  const at = (text: string) =>
    problemsOf(text).map((p) => `${p.severity} ${p.line} ${p.column ?? ''}`);

  it('reports missing columns', () => {
    const text = csv(edu()).replace(',iso3', ',country');
    expect(at(text)).toContain('error 1 iso3');
  });

  it('reports non-numbers, bad flags, bad years, negative se, zero population', () => {
    const text = csv(
      edu().map((r, k) =>
        k === 0
          ? { ...r, estimate: 'tyve', favourable_indicator: '2', se: '-1' }
          : k === 1
            ? { ...r, date: '21', population: '0' }
            : r,
      ),
    );
    const found = at(text);
    for (const e of [
      'error 2 estimate',
      'error 2 favourable_indicator',
      'error 2 se',
      'error 3 date',
      'error 3 population',
    ])
      expect(found).toContain(e);
    const p = problemsOf(text).find((q) => q.column === 'estimate');
    expect(p && formatTemplateProblem(p, 'da')).toBe(
      'Linje 2, kolonne «estimate»: «tyve» er ikke et tal.',
    );
    expect(p && formatTemplateProblem(p, 'en')).toBe(
      'Line 2, column «estimate»: «tyve» is not a number.',
    );
  });

  it('checks consistency within a group: flags, unique subgroups, orders 1..n, one reference', () => {
    const bad = csv(
      edu().map((r, k) =>
        k === 1
          ? { ...r, favourable_indicator: '1', subgroup_order: '3' }
          : k === 2
            ? { ...r, subgroup: 'Grundskole' }
            : r,
      ),
    );
    const found = at(bad);
    expect(found).toContain('error 3 favourable_indicator');
    expect(found).toContain('error 4 subgroup');
    expect(found).toContain('error 2 subgroup_order');
    const regions = csv(
      ['A', 'B', 'C'].map((s) => ({
        ...base,
        subgroup: s,
        ordered_dimension: '0',
        subgroup_order: '0',
        reference_subgroup: '1',
      })),
    );
    expect(at(regions)).toContain('error 3 reference_subgroup');
    const orderedRef = csv(edu().map((r, k) => (k === 0 ? { ...r, reference_subgroup: '1' } : r)));
    expect(at(orderedRef)).toContain('error 2 reference_subgroup');
    const orderNotZero = csv(
      ['A', 'B'].map((s, k) => ({
        ...base,
        subgroup: s,
        ordered_dimension: '0',
        subgroup_order: String(k + 1),
      })),
    );
    expect(at(orderNotZero)).toContain('error 2 subgroup_order');
  });

  it('warns (without failing) on an estimate outside [0, scale], a missing se or population', () => {
    const text = csv(
      edu().map((r, k) => (k === 0 ? { ...r, estimate: '120', se: '', population: '' } : r)),
    );
    const res = readTemplateCsv(text);
    expect(hasErrors(res.problems)).toBe(false);
    expect(res.problems.map((p) => `${p.severity} ${p.column ?? ''}`)).toEqual([
      'warning estimate',
      'warning se',
      'warning population',
    ]);
    expect(res.groups[0]?.measureSetting).toBeUndefined();
    expect(res.groups[0]?.seKnown).toBe(false);
  });

  it('reports an unterminated quote with its line, and an empty file', () => {
    expect(at(`${HEADER}\n"Roskilde,2021`)).toEqual(['error 2 ']);
    expect(readTemplateCsv(HEADER).problems[0]?.en).toMatch(/no data rows/);
  });
});

describe('HEAT Plus template: writing and round trips', () => {
  const rows: TemplateRow[] = templateRows({
    setting: 'Roskilde',
    date: 2021,
    source: 'Sundhedsprofilen (syntetisk)',
    indicatorAbbr: 'ryg',
    indicatorName: 'Daglig rygning, 16+ år (%)',
    dimension: 'Uddannelse',
    favourable: false,
    scale: 100,
    ordered: true,
    settingAverage: 14.1,
    iso3: 'DNK',
    note: 'syntetiske data "demo"',
    subgroups: [
      {
        name: 'Grundskole',
        estimate: 23.4,
        se: 1.2,
        lower: 21.05,
        upper: 25.75,
        population: 12000,
        order: 1,
      },
      {
        name: 'Erhvervsfaglig',
        estimate: 15.1,
        se: null,
        lower: 13.9,
        upper: 16.3,
        population: 30000,
        order: 2,
      },
      {
        name: 'Lang videregående',
        estimate: 6.2,
        se: 0.5,
        lower: null,
        upper: null,
        population: 9000,
        order: 3,
      },
    ],
  });

  it('builds rows with 0/1 flags and the ordered rules', () => {
    expect(rows[0]?.favourable_indicator).toBe(0);
    expect(rows.map((r) => r.subgroup_order)).toEqual([1, 2, 3]);
    expect(rows.every((r) => r.reference_subgroup === 0)).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toEqual([...TEMPLATE_COLUMNS]);
  });

  it('CSV round trip', () => {
    const text = writeTemplateCsv(rows);
    expect(text.split('\r\n')[0]).toBe(HEADER);
    const back = readTemplateCsv(text);
    expect(back.problems).toEqual([]);
    expect(back.rows.map(({ line: _l, ...r }) => r)).toEqual(rows);
  });

  it('XLSX round trip', async () => {
    const buf = await writeTemplateXlsx(rows);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const back = await readTemplateXlsx(buf);
    expect(back.problems).toEqual([]);
    expect(back.rows.map(({ line: _l, ...r }) => r)).toEqual(rows);
    expect(back.rows[0]?.line).toBe(2);
  });

  it('fixture -> XLSX -> rows keeps every value', async () => {
    const csvRows = readTemplateCsv(await readFile(fixture('anc-wealth.csv'), 'utf8')).rows.map(
      ({ line: _l, ...r }) => r,
    );
    const back = await readTemplateXlsx(await writeTemplateXlsx(csvRows));
    expect(back.rows.map(({ line: _l, ...r }) => r)).toEqual(csvRows);
  });

  it('reports a file that is not a workbook', async () => {
    const res = await readTemplateXlsx(Buffer.from('not a zip'));
    expect(hasErrors(res.problems)).toBe(true);
  });
});
