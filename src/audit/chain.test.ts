import { describe, expect, it } from 'vitest';
import { ChainChecker, GENESIS, type ChainRow } from './chain.ts';

const h = (n: number) => n.toString(16).padStart(64, '0');
const chain = (count: number): ChainRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: String(100 + i),
    seq: i + 1,
    prevHash: i === 0 ? GENESIS : h(i),
    hash: h(i + 1),
    recomputed: h(i + 1),
  }));

const check = (rows: ChainRow[], head: { seq: number; hash: string } | null, batch = 2) => {
  const c = new ChainChecker();
  for (let i = 0; i < rows.length; i += batch) c.add(rows.slice(i, i + batch));
  return c.finish(head);
};

describe('ChainChecker', () => {
  it('accepts an intact chain across batches, and an empty one', () => {
    expect(check(chain(5), { seq: 5, hash: h(5) })).toBeNull();
    expect(check([], null)).toBeNull();
  });

  it('names a changed row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, recomputed: h(999) };
    expect(check(rows, { seq: 5, hash: h(5) })).toEqual({ seq: 3, id: '102', problem: 'changed' });
  });

  it('names a missing row, a broken link, and a cut-off end', () => {
    const rows = chain(5);
    expect(check([...rows.slice(0, 2), ...rows.slice(3)], { seq: 5, hash: h(5) })).toEqual({
      seq: 3,
      id: null,
      problem: 'missing',
    });
    const relinked = chain(5);
    relinked[3] = { ...relinked[3]!, prevHash: h(777) };
    expect(check(relinked, { seq: 5, hash: h(5) })).toEqual({
      seq: 4,
      id: '103',
      problem: 'relinked',
    });
    expect(check(rows.slice(0, 3), { seq: 5, hash: h(5) })).toEqual({
      seq: 4,
      id: null,
      problem: 'truncated',
    });
    // The first row removed: the chain starts at 2.
    expect(check(rows.slice(1), { seq: 5, hash: h(5) })).toMatchObject({
      seq: 1,
      problem: 'missing',
    });
  });
});
