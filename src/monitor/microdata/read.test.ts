import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { codebookSchema, type Codebook, type Respondent } from './codebook.ts';
import {
  checkMicrodata,
  detectDelimiter,
  formatProblem,
  formatProblems,
  readRespondents,
  type MicrodataSource,
} from './read.ts';
import { parseDecimal } from './validate.ts';

const EX = new URL('../../../examples/monitor/', import.meta.url);
const codebook: Codebook = codebookSchema.parse(
  JSON.parse(readFileSync(new URL('codebook.json', EX), 'utf8')),
);

/** A small codebook: no weight column, one dimension, one indicator. */
const small: Codebook = codebookSchema.parse({
  name: { da: 'Lille', en: 'Small' },
  source: 'Test',
  columns: { area: 'Kommune', year: 'AAR' },
  dimensions: [
    {
      key: 'udd',
      column: 'udd',
      label: { da: 'U', en: 'E' },
      ordered: true,
      categories: [1, 2, 3, 4].map((c) => ({ code: String(c), label: { da: `${c}`, en: `${c}` } })),
    },
  ],
  indicators: [
    {
      key: 'ryger',
      column: 'ryger',
      label: { da: 'R', en: 'S' },
      favourable: false,
      yes: ['1'],
      no: ['0'],
      missing: ['9'],
    },
  ],
});

const text = (name: string, s: string, enc: BufferEncoding = 'utf8'): MicrodataSource => ({
  name,
  data: Buffer.from(s, enc),
});
const all = async (src: MicrodataSource, cb = small) => {
  const out: Respondent[] = [];
  for await (const r of readRespondents(src, cb)) out.push(r);
  return out;
};

describe('readRespondents', () => {
  it('reads comma CSV with case-insensitive headers, padded area codes and default weight 1', async () => {
    const rows = await all(
      text('a.csv', ' aar ,KOMMUNE,udd,ryger,extra\n2024,265,2,1,x\n2025,0101,,,\n'),
    );
    expect(rows).toEqual([
      { line: 2, year: 2024, area: '0265', weight: 1, dims: [2], answers: [1] },
      { line: 3, year: 2025, area: '0101', weight: 1, dims: [null], answers: [null] },
    ]);
  });

  it('reads the semicolon example with decimal comma weights', async () => {
    const progress: number[][] = [];
    const rows: Respondent[] = [];
    for await (const r of readRespondents(
      { path: new URL('roskilde-2025.csv', EX).pathname },
      codebook,
      { onProgress: (d, t) => progress.push([d, t]) },
    ))
      rows.push(r);
    expect(rows).toHaveLength(2000);
    expect(rows[0]).toMatchObject({
      line: 2,
      year: 2025,
      area: '0265',
      weight: 1.066,
      dims: [2, 3, 3, 1, 2, 1, 2],
    });
    expect(rows[0]!.answers.slice(0, 6)).toEqual([0, 0, 0, 0, null, 1]);
    expect(progress.at(-1)).toEqual([2000, 2000]);
  });

  it('reports every problem of the example with errors, and yields nothing after the first', async () => {
    const r = await checkMicrodata(
      { path: new URL('roskilde-2025-med-fejl.csv', EX).pathname },
      codebook,
    );
    expect(r.rows).toBe(2000);
    expect(r.problemCount).toBe(5);
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [7, 'uddannelse', 'code_unknown'],
      [43, 'aar', 'year_invalid'],
      [101, 'vaegt', 'weight_invalid'],
      [501, 'kommune', 'area_unknown'],
      [1501, 'dagligryger', 'code_unknown'],
    ]);
    expect(formatProblem(r.problems[0]!, 'da')).toBe(
      'Linje 7, kolonne «uddannelse»: koden «7» findes ikke i kodebogen (tilladt: 1, 2, 3, 4, 9).',
    );
    expect(formatProblem(r.problems[0]!, 'en')).toBe(
      'Line 7, column «uddannelse»: the code «7» is not in the codebook (allowed: 1, 2, 3, 4, 9).',
    );
  });

  it('names each missing column once', async () => {
    const r = await checkMicrodata(text('a.csv', 'aar;kommune\n2024;0265\n'), small);
    expect(r.problems).toEqual([
      { line: 1, column: 'udd', code: 'missing_column', value: '' },
      { line: 1, column: 'ryger', code: 'missing_column', value: '' },
    ]);
    expect(formatProblem(r.problems[0]!, 'da')).toBe(
      'Linje 1, kolonne «udd»: kolonnen mangler i filens første linje.',
    );
  });

  it('counts all problems but keeps the first 1000', async () => {
    const body = Array.from({ length: 1500 }, () => '1989;0265;1;1').join('\n');
    const r = await checkMicrodata(text('a.csv', `aar;kommune;udd;ryger\n${body}`), small);
    expect(r.problemCount).toBe(1500);
    expect(r.problems).toHaveLength(1000);
    expect(formatProblems(r.problems, r.problemCount, 'da', 2).split('\n')).toEqual([
      'Linje 2, kolonne «AAR»: årstallet «1989» er ikke et år mellem 1990 og 2100.',
      'Linje 3, kolonne «AAR»: årstallet «1989» er ikke et år mellem 1990 og 2100.',
      '… og 1.498 flere.',
    ]);
  });

  it('checks area codes', async () => {
    const r = await checkMicrodata(
      text('a.csv', 'aar,kommune,udd,ryger\n2024,abc,1,1\n2024,0999,1,1\n'),
      small,
    );
    expect(r.problems.map((p) => p.code)).toEqual(['area_invalid', 'area_unknown']);
  });

  it('reads Windows-1252 files from Danish Excel and quoted fields', async () => {
    const rows = await all(
      text('a.csv', 'aar;kommune;udd;ryger;note\r\n2024;0265;1;0;"Køge; Ærø"\r\n', 'latin1'),
    );
    expect(rows).toHaveLength(1);
  });

  it('reports broken CSV quoting as a problem', async () => {
    const r = await checkMicrodata(text('a.csv', 'aar,kommune,udd,ryger\n2024,0265,1,"1\n'), small);
    expect(r.problems[0]?.code).toBe('csv_syntax');
  });

  it('reads XLSX by magic bytes, with numeric cells', async () => {
    const data = [
      [{ value: 'aar' }, { value: 'kommune' }, { value: 'udd' }, { value: 'ryger' }],
      [{ value: 2024 }, { value: 265 }, { value: 3 }, { value: 1 }],
      [{ value: 2024 }, { value: '0265' }, { value: '4' }, null],
    ];
    const buf = await writeXlsxFile(data).toBuffer();
    const rows = await all({ name: 'upload.bin', data: buf });
    expect(rows.map((r) => [r.line, r.area, r.dims[0], r.answers[0]])).toEqual([
      [2, '0265', 3, 1],
      [3, '0265', 4, null],
    ]);
  });

  it('reports an empty file', async () => {
    const r = await checkMicrodata(text('a.csv', ''), small);
    expect(r.problems[0]?.code).toBe('empty_file');
  });
});

describe('helpers', () => {
  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('"a;x",b,c')).toBe(',');
    expect(detectDelimiter('a\tb')).toBe('\t');
  });
  it('parses decimal commas', () => {
    expect(parseDecimal('1,25')).toBe(1.25);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('0.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(parseDecimal('abc')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
  });
});
