import { describe, expect, it } from 'vitest';
import { demoCodebook } from '../../monitor/demo/demo-codebook.ts';
import {
  isEmptyReach,
  reachMonth,
  reachProblems,
  readReachAnswers,
  REACH_QUESTIONS,
} from './questions.ts';

describe('reach questions', () => {
  it('use the monitor codebook’s dimensions and category codes', () => {
    const cb = demoCodebook({ table1: false });
    for (const q of REACH_QUESTIONS) {
      const d = cb.dimensions.find((x) => x.key === q.dimension);
      expect(
        d?.categories.map((c) => c.code),
        q.dimension,
      ).toEqual([...q.codes]);
    }
  });

  it('reads the form, names a value it never offers at its field', () => {
    const a = readReachAnswers({ reach_uddannelse: '1', reach_herkomst: 'prefer_not' });
    expect(a).toEqual({ uddannelse: '1', arbejdsmarked: '', herkomst: 'prefer_not' });
    expect(reachProblems(a)).toEqual([]);
    expect(reachProblems({ ...a, arbejdsmarked: '9' })).toEqual([
      { path: 'reach_arbejdsmarked', message: 'reach.error.option' },
    ]);
    expect(isEmptyReach(readReachAnswers(undefined))).toBe(true);
  });

  it('keeps only the month, in Danish time', () => {
    expect(reachMonth(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(reachMonth(new Date('2026-03-15T10:00:00Z'))).toBe('2026-03-01');
  });
});
