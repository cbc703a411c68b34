/**
 * The limits that keep a parsing worker's work bounded (upload.ts): rows, columns and an XLSX
 * workbook's unpacked size, for survey files and HEAT Plus templates. Each is one clear problem.
 */
import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { measureTemplateData } from './heatplus/template.measure.ts';
import { codebookSchema } from './microdata/codebook.ts';
import { formatProblem } from './microdata/problems.ts';
import { checkMicrodata, MicrodataInvalid, readRespondents } from './microdata/read.ts';
import { HEATPLUS_LIMITS, SURVEY_LIMITS } from './upload.ts';
import { zipContents } from './zip.ts';

const EX = new URL('../../examples/monitor/', import.meta.url);
const codebook = codebookSchema.parse(
  JSON.parse(readFileSync(new URL('codebook.json', EX), 'utf8')),
);
const example = { path: new URL('roskilde-2025.csv', EX).pathname };
const anc = readFileSync(new URL('heatplus/fixtures/anc-wealth.csv', import.meta.url));

describe('survey file limits', () => {
  it('stops at the row limit with one problem', async () => {
    const res = await checkMicrodata(example, codebook, {
      limits: { ...SURVEY_LIMITS, rows: 100 },
    });
    expect(res.problems).toEqual([{ line: 102, column: '', code: 'too_many_rows', value: '100' }]);
    expect(formatProblem(res.problems[0]!, 'da')).toBe(
      'Linje 102: Filen har flere end 100 rækker, og mere kan ikke indlæses ad gangen. Del filen, fx pr. år.',
    );
    // Within the limit the same file is read whole.
    expect((await checkMicrodata(example, codebook, { limits: SURVEY_LIMITS })).rows).toBe(2000);
  });

  it('refuses more columns than the limit', async () => {
    const res = await checkMicrodata(example, codebook, {
      limits: { ...SURVEY_LIMITS, columns: 10 },
    });
    expect(res.problems.map((p) => p.code)).toEqual(['too_many_columns']);
  });

  it('refuses a workbook whose unpacked size is over the limit, before reading it', async () => {
    const rows = readFileSync(example.path, 'utf8')
      .trim()
      .split('\n')
      .slice(0, 50)
      .map((l) => l.split(';').map((v) => ({ value: v })));
    const data = await writeXlsxFile(rows).toBuffer();
    const zip = zipContents(data)!;
    expect(zip.entries).toBeGreaterThan(2);
    expect(zip.uncompressed).toBeGreaterThan(data.length);
    const source = { name: 'x.xlsx', data };
    const over = await readRespondents(source, codebook, {
      limits: { ...SURVEY_LIMITS, xlsxUncompressedBytes: zip.uncompressed - 1 },
    })
      .next()
      .catch((e: unknown) => e);
    expect(over).toBeInstanceOf(MicrodataInvalid);
    expect((over as MicrodataInvalid).problems[0]?.code).toBe('xlsx_too_large');
    expect(
      (await checkMicrodata(source, codebook, { limits: SURVEY_LIMITS })).problems,
    ).not.toContainEqual(expect.objectContaining({ code: 'xlsx_too_large' }));
  });

  it('reads no zip directory from a file that is not a zip', () => {
    expect(zipContents(Buffer.from('PK not really a zip'))).toBeNull();
  });
});

describe('HEAT Plus limits', () => {
  it('refuses more rows than the limit, naming the CLI for large files', async () => {
    const res = await measureTemplateData('anc.csv', anc, { ...HEATPLUS_LIMITS, rows: 5 });
    expect(res.status).toBe(422);
    expect(res.problems[0]?.da).toMatch(
      /Filen har 10 rækker; her kan højst 5 beregnes.*lighed measures/,
    );
    expect(res.results).toBeUndefined();
  });

  it('refuses more groups than one page shows', async () => {
    const res = await measureTemplateData('anc.csv', anc, { ...HEATPLUS_LIMITS, groups: 1 });
    expect(res.status).toBe(422);
    expect(res.problems[0]?.en).toMatch(/has 2 groups.*at most 1/);
  });

  it('measures a file within the limits', async () => {
    const res = await measureTemplateData('anc.csv', anc);
    expect(res.status).toBe(200);
    expect(res.results?.length).toBe(2);
  });
});
