import { describe, expect, it } from 'vitest';
import {
  CsvSyntaxError,
  neutraliseCell,
  parseCsv,
  parseCsvTable,
  readNeutralisedCell,
  writeCsv,
} from './csv.ts';
import { FORMULA_PAYLOADS } from '../../test/support/payloads.ts';

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line one\nline two",\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'line one\nline two', ''] },
    ]);
  });

  it('numbers records by the line they start on, across multi-line fields', () => {
    const text = 'id,note\n1,"a\r\nb\r\nc"\n2,plain\n\n3,"x"\n';
    expect(parseCsv(text).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'id'],
      [2, '1'],
      [5, '2'],
      [7, '3'],
    ]);
  });

  it('handles LF, CRLF and CR endings, no final newline, a BOM and empty fields', () => {
    expect(parseCsv('\uFEFFa,b\rc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(parseCsv(',,\n""\n')).toEqual([
      { line: 1, fields: ['', '', ''] },
      { line: 2, fields: [''] },
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('5" screen,ok')).toEqual([{ line: 1, fields: ['5" screen', 'ok'] }]);
  });

  it('reports an unclosed quote and text after a closing quote with their line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow('line 2: a quoted field is not closed');
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(
      'line 2: unexpected text after a closing quote',
    );
  });

  it('reads a table with a header and rejects ragged rows and duplicate columns', () => {
    expect(parseCsvTable('id,name\n1,"A, B"\n').rows).toEqual([
      { line: 2, values: { id: '1', name: 'A, B' } },
    ]);
    expect(() => parseCsvTable('id,name\n1\n')).toThrow(
      'line 2: expected 2 fields (as the header), found 1',
    );
    expect(() => parseCsvTable('id,id\n1,2\n')).toThrow('names column "id" twice');
  });

  it('writes what it reads back unchanged', () => {
    const rows = [
      { a: 'plain', b: 'comma, here', c: 'quote " here' },
      { a: ' padded ', b: 'two\nlines', c: 'crlf\r\nlines' },
      { a: '', b: 42, c: null },
    ];
    const text = writeCsv(['a', 'b', 'c'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsvTable(text).rows.map((r) => r.values)).toEqual([
      { a: 'plain', b: 'comma, here', c: 'quote " here' },
      { a: ' padded ', b: 'two\nlines', c: 'crlf\r\nlines' },
      { a: '', b: '42', c: '' },
    ]);
  });
});

describe('formula injection', () => {
  it('writes every OWASP payload as text, with a leading apostrophe', () => {
    const text = writeCsv(
      ['v'],
      FORMULA_PAYLOADS.map((v) => ({ v })),
    );
    const cells = parseCsvTable(text).rows.map((r) => r.values.v ?? '');
    expect(cells).toEqual(FORMULA_PAYLOADS.map((p) => `'${p}`));
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves numbers, and text that is only a number, as they are', () => {
    const rows = [
      { v: -1.5 },
      { v: -0.000123 },
      { v: '-1.5' },
      { v: '-1,5' },
      { v: '+45 33 12 34 56' },
      { v: '-2e-3' },
      { v: 'Roskilde' },
      { v: "'quoted already" },
    ];
    const cells = parseCsvTable(writeCsv(['v'], rows)).rows.map((r) => r.values.v);
    expect(cells).toEqual([
      '-1.5',
      '-0.000123',
      '-1.5',
      '-1,5',
      '+45 33 12 34 56',
      '-2e-3',
      'Roskilde',
      "'quoted already",
    ]);
  });

  it('neutralises text in the Danish layout too, and keeps decimal commas on numbers', () => {
    const text = writeCsv(['a', 'b'], [{ a: '=1+1', b: -12.5 }], {
      delimiter: ';',
      decimalComma: true,
    });
    expect(text).toBe("a;b\r\n'=1+1;-12,5\r\n");
  });

  it('reads back exactly the text it was given', () => {
    for (const original of [
      ...FORMULA_PAYLOADS,
      "'=already quoted",
      "''@twice",
      "'plain",
      '-1.5',
      'plain',
      '',
    ]) {
      expect(readNeutralisedCell(neutraliseCell(original))).toBe(original);
    }
    expect(neutraliseCell("'=x")).toBe("''=x");
  });
});
