import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_INDICATORS, parseCodebook, type Codebook } from './codebook.ts';

const example = (): Codebook =>
  JSON.parse(
    readFileSync(new URL('../../../examples/monitor/codebook.json', import.meta.url), 'utf8'),
  ) as Codebook;

const problems = (json: unknown) => {
  const r = parseCodebook(json);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('parseCodebook', () => {
  it('accepts the example codebook', () => {
    const r = parseCodebook(example());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.codebook.dimensions.map((d) => d.key)).toEqual([
      'uddannelse',
      'arbejdsmarked',
      'indkomst',
      'herkomst',
      'koen',
      'aldersgruppe',
      'samliv',
    ]);
    expect(r.codebook.indicators.filter((i) => i.favourable).map((i) => i.key)).toEqual([
      'godt_helbred',
    ]);
    expect(r.codebook.synthetic).toBe(true);
  });

  it('reports duplicate category codes', () => {
    const cb = example();
    cb.dimensions[0]!.categories[1]!.code = '1';
    expect(problems(cb)).toContainEqual({
      path: 'dimensions.0.categories',
      message: 'codebook.duplicate_code',
    });
  });

  it('names a field holding a NUL character instead of failing to store it', () => {
    const cb = example();
    cb.dimensions[0]!.label = { da: 'Køn\u0000', en: 'Sex' };
    expect(problems(cb)).toEqual([{ path: 'dimensions.0.label.da', message: 'codebook.nul' }]);
  });

  it('reports an unknown reference subgroup', () => {
    const cb = example();
    cb.dimensions[1]!.reference = '42';
    expect(problems(cb)).toContainEqual({
      path: 'dimensions.1.reference',
      message: 'codebook.unknown_reference',
    });
  });

  it('reports too many indicators', () => {
    const cb = example();
    const base = cb.indicators[0]!;
    cb.indicators = Array.from({ length: MAX_INDICATORS + 1 }, (_, i) => ({
      ...base,
      key: `i${i}`,
      column: `c${i}`,
    }));
    expect(problems(cb).map((p) => p.path)).toContain('indicators');
  });

  it('reports a code that is both yes and no, duplicate keys and columns', () => {
    const cb = example();
    cb.indicators[0]!.no = ['1'];
    cb.indicators[1]!.key = cb.indicators[2]!.key;
    cb.indicators[3]!.column = 'KOMMUNE';
    const p = problems(cb);
    expect(p).toContainEqual({ path: 'indicators.0.yes', message: 'codebook.duplicate_code' });
    expect(p).toContainEqual({ path: 'indicators', message: 'codebook.duplicate_key' });
    expect(p).toContainEqual({ path: 'columns', message: 'codebook.duplicate_column' });
  });

  it('reports a wrong shape with its path', () => {
    expect(problems({}).map((p) => p.path)).toEqual(
      expect.arrayContaining(['name', 'source', 'columns', 'dimensions', 'indicators']),
    );
    expect(problems(null)).toHaveLength(1);
  });
});
