import { describe, expect, it } from 'vitest';
import {
  interventionFlags,
  isIsoDate,
  offerFlags,
  readDecisionForm,
  sortPortfolio,
  type PortfolioItem,
} from './portfolio.ts';
import { goalChartRows, goalDepartments, readYear } from './report.ts';

const now = new Date('2026-06-01T10:00:00Z');

describe('portfolio flags', () => {
  it('flags an offer with few sign-ups, low reach and details older than a year', () => {
    const old = new Date('2025-05-01T00:00:00Z');
    expect(offerFlags({ offerType: 'group', signups: 2, lastConfirmedAt: old }, true, now)).toEqual(
      ['low_participation', 'low_reach', 'not_confirmed'],
    );
    expect(
      offerFlags({ offerType: 'group', signups: 9, lastConfirmedAt: now }, false, now),
    ).toEqual([]);
    // Never confirmed counts as not confirmed; a structural offer has no sign-up to count.
    expect(
      offerFlags({ offerType: 'structural', signups: 0, lastConfirmedAt: null }, false, now),
    ).toEqual(['not_confirmed']);
  });

  it('flags an intervention by evidence and evaluation only where they are expected', () => {
    const base = {
      type: 'group',
      status: 'running',
      evidenceLevel: 'weak',
      hasEvaluation: false,
    } as const;
    expect(interventionFlags(base, 3, false)).toEqual([
      'low_participation',
      'weak_evidence',
      'no_evaluation',
    ]);
    expect(
      interventionFlags({ ...base, status: 'idea', evidenceLevel: 'strong' }, null, false),
    ).toEqual([]);
    expect(
      interventionFlags({ ...base, type: 'structural', hasEvaluation: true }, 0, true),
    ).toEqual(['low_reach', 'weak_evidence']);
  });

  it('sorts the most flagged first', () => {
    const item = (name: string, n: number) =>
      ({ name, flags: Array(n).fill('weak_evidence') }) as unknown as PortfolioItem;
    expect(sortPortfolio([item('b', 0), item('a', 1), item('c', 2)]).map((i) => i.name)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });
});

describe('decision form', () => {
  it('names each bad field and keeps what was typed', () => {
    const r = readDecisionForm(
      { decision: 'maybe', reason: ' ', decidedOn: '2026-13-01' },
      '2026-06-01',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['decision', 'reason', 'decidedOn']);
    expect(r.form.decision).toBe('maybe');
    expect(
      readDecisionForm({ decision: 'stop', reason: 'x', decidedOn: '2026-06-02' }, '2026-06-01').ok,
    ).toBe(false);
  });

  it('reads a good decision with its version', () => {
    const r = readDecisionForm(
      { decision: 'adjust', reason: 'Når for få', decidedOn: '2026-05-30', seen: '2' },
      '2026-06-01',
    );
    expect(r.ok && r.input).toEqual({
      decision: 'adjust',
      reason: 'Når for få',
      decidedOn: '2026-05-30',
      seen: 2,
    });
    expect(isIsoDate('2026-02-30')).toBe(false);
  });
});

describe('committee report rules', () => {
  it('draws the path from baseline to target across every wave and the target year', () => {
    const rows = goalChartRows({
      baseline: { year: 2017, value: 27 },
      target: { year: 2030, value: 18 },
      series: [
        { year: 2017, value: 27, lo: 25, hi: 29, suppressed: false },
        { year: 2021, value: null, lo: null, hi: null, suppressed: true },
      ],
    });
    expect(rows.map((r) => r.year)).toEqual([2017, 2021, 2030]);
    expect(rows[0]!.path).toBe(27);
    expect(rows[1]!.measured?.value).toBeNull();
    expect(rows[2]).toEqual({ year: 2030, measured: null, path: 18 });
  });

  it('gives a goal to its intervention’s department, else its recommendation’s, else health', () => {
    const dep = () => 'schools' as const;
    const recs = () => ['employment', 'social'] as const;
    expect(goalDepartments({ interventionId: 'i', recommendationId: 'r' }, dep, recs)).toEqual([
      'schools',
    ]);
    expect(goalDepartments({ interventionId: null, recommendationId: 'r' }, dep, recs)).toEqual([
      'employment',
      'social',
    ]);
    expect(goalDepartments({ interventionId: null, recommendationId: null }, dep, recs)).toEqual([
      'health',
    ]);
    expect([readYear(undefined, 2026), readYear('1999', 2026), readYear('20x6', 2026)]).toEqual([
      2026,
      null,
      null,
    ]);
  });
});
