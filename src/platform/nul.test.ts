import { describe, expect, it } from 'vitest';
import { formatPath, NUL, nulPaths } from './nul.ts';

describe('NUL byte paths', () => {
  it('names nested fields and multipart text fields and file names, and leaves file bytes alone', () => {
    const fields: Record<string, unknown> = {};
    Object.assign(fields, {
      label: { type: 'field', fieldname: 'label', value: `a${NUL}`, fields },
      file: { type: 'file', fieldname: 'file', filename: 'x.xlsx', fields, _buf: Buffer.from([0]) },
      other: { type: 'file', fieldname: 'other', filename: `x${NUL}.csv`, fields },
    });
    expect(nulPaths(fields).map(formatPath)).toEqual(['label', 'other']);
    expect(nulPaths({ a: [{ b: 'ok' }, { b: `x${NUL}` }], c: Buffer.from([0]) })).toEqual([
      ['a', 1, 'b'],
    ]);
    expect(formatPath(['a', 1, 'b'])).toBe('a[1].b');
    expect(nulPaths(`${NUL}`)).toEqual([[]]);
    expect(nulPaths({ q: 'fine', n: 3 })).toEqual([]);
  });
});
