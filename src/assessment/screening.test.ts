import { describe, expect, it } from 'vitest';
import { screen } from './screening.ts';
import { DEFAULT_TEMPLATE } from './template.ts';

const Q = DEFAULT_TEMPLATE.questions;
const all = (a: string) => Object.fromEntries(Q.map((q) => [q.key, a]));

describe('the screening', () => {
  it('has about ten questions, at least one decisive', () => {
    expect(Q.length).toBeGreaterThanOrEqual(8);
    expect(Q.length).toBeLessThanOrEqual(12);
    expect(Q.some((q) => q.decisive)).toBe(true);
    expect(new Set(Q.map((q) => q.key)).size).toBe(Q.length);
  });

  it('draws no conclusion while a question is unanswered', () => {
    const answers = all('no');
    delete answers.many;
    answers.cuts = 'maybe';
    expect(screen(Q, answers)).toEqual({ status: 'incomplete', unanswered: ['cuts', 'many'] });
  });

  it('needs no full assessment when every answer is no, and says so', () => {
    expect(screen(Q, all('no'))).toEqual({
      status: 'not_needed',
      reasons: [{ kind: 'few', yes: 0, unsure: 0 }],
    });
  });

  it('asks for a full assessment on one decisive yes, naming the question', () => {
    const r = screen(Q, { ...all('no'), disadvantaged: 'yes' });
    expect(r).toEqual({
      status: 'full',
      reasons: [{ kind: 'decisive', question: 'disadvantaged' }],
    });
  });

  it('one ordinary yes is not enough; two are', () => {
    expect(screen(Q, { ...all('no'), many: 'yes' }).status).toBe('not_needed');
    expect(screen(Q, { ...all('no'), many: 'yes', surroundings: 'yes' })).toEqual({
      status: 'full',
      reasons: [{ kind: 'several', count: 2 }],
    });
  });

  it('three "don\'t know" call for a full assessment (too little is known)', () => {
    const two = { ...all('no'), many: 'unsure', work: 'unsure' };
    expect(screen(Q, two)).toEqual({
      status: 'not_needed',
      reasons: [{ kind: 'few', yes: 0, unsure: 2 }],
    });
    expect(screen(Q, { ...two, habits: 'unsure' })).toEqual({
      status: 'full',
      reasons: [{ kind: 'unknown', count: 3 }],
    });
  });

  it('gives every reason that applies, decisive first', () => {
    const r = screen(Q, { ...all('yes') });
    expect(r.status).toBe('full');
    if (r.status !== 'full') return;
    expect(r.reasons.filter((x) => x.kind === 'decisive')).toHaveLength(3);
    expect(r.reasons.at(-1)).toEqual({ kind: 'several', count: Q.length - 3 });
  });

  it("follows a municipality's own questions", () => {
    const own = [{ key: 'x', text: { da: 'X?', en: 'X?' }, decisive: true }];
    expect(screen(own, { x: 'yes', disadvantaged: 'no' }).status).toBe('full');
    expect(screen(own, { x: 'no' }).status).toBe('not_needed');
  });
});
