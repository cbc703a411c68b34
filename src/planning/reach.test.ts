import { describe, expect, it } from 'vitest';
import {
  hiddenParticipantGroups,
  lowReach,
  reachGroups,
  reachRatio,
  reachSentence,
  reachSentences,
  verdict,
} from './reach.ts';

describe('reach ratio', () => {
  it('matches a hand computation of the delta-method interval', () => {
    // 10 of 115 participants have grundskole; 25 % (SE 2 points) of daily smokers do.
    // ratio = (10/115)/0.25; var(log) = (1 - 10/115)/10 + (0.02/0.25)^2 (computed by hand in Python).
    const r = reachRatio(10 / 115, 115, 0.25, 0.02)!;
    expect(r.ratio).toBeCloseTo(0.347826087, 8);
    expect(r.lo).toBeCloseTo(0.18849341, 7);
    expect(r.hi).toBeCloseTo(0.641842, 7);
  });

  it('has no ratio when a share is zero', () => {
    expect(reachRatio(0, 100, 0.2, 0.01)).toBeNull();
    expect(reachRatio(0.2, 100, 0, 0.01)).toBeNull();
  });
});

describe('suppression', () => {
  it('hides everything below 20 answers, and small counts with a complement', () => {
    expect(
      hiddenParticipantGroups([
        { group: '1', n: 10 },
        { group: '2', n: 9 },
      ]).size,
    ).toBe(2);
    // 3 is below the count floor; the next smallest goes too, so 3 can't be found by subtraction.
    const hidden = hiddenParticipantGroups([
      { group: '1', n: 3 },
      { group: '2', n: 12 },
      { group: '3', n: 30 },
    ]);
    expect([...hidden].sort()).toEqual(['1', '2']);
    expect(
      hiddenParticipantGroups([
        { group: '1', n: 8 },
        { group: '2', n: 30 },
      ]).size,
    ).toBe(0);
  });

  it('suppresses a group whose population cell is hidden', () => {
    const groups = reachGroups(
      'uddannelse',
      [
        { group: '1', label: 'Grundskole', share: null, se: null, suppressed: true },
        { group: '2', label: 'Ungdomsuddannelse', share: 0.5, se: 0.03, suppressed: false },
      ],
      { '1': 10, '2': 40 },
      (g) => g === '1',
    );
    expect(groups[0]).toMatchObject({ suppressed: true, ratio: null, participants: 10 });
    expect(groups[1]!.suppressed).toBe(false);
    expect(groups[1]!.participantShare).toBeCloseTo(0.8, 10);
    expect(groups[1]!.ratio).toBeCloseTo(1.6, 10);
  });
});

describe('sentences', () => {
  const g = { dimension: 'uddannelse', group: '1', groupLabel: 'Grundskole', suppressed: false };

  it('says "færre" only when the interval lies below 1', () => {
    expect(
      reachSentence('Rygestop på aftenhold', { ...g, lo: 0.2, hi: 0.6 }, 'ryger dagligt'),
    ).toBe(
      '«Rygestop på aftenhold» når forholdsvis færre med grundskole som højeste uddannelse, end der er blandt dem, der ryger dagligt, i kommunen.',
    );
    expect(reachSentence('X', { ...g, lo: 1.1, hi: 1.6 }, null)).toBe(
      '«X» når forholdsvis flere med grundskole som højeste uddannelse, end der er i den voksne befolkning i kommunen.',
    );
    expect(reachSentence('X', { ...g, lo: 0.7, hi: 1.3 }, null)).toMatch(/^Det kan ikke afgøres/);
    expect(reachSentence('X', { ...g, suppressed: true, lo: null, hi: null }, null)).toBeNull();
  });

  it('says they can not be told apart when no interval excludes 1', () => {
    const view = {
      name: 'X',
      population: { phrase: null },
      groups: [{ ...g, lo: 0.8, hi: 1.2, targeted: true }],
    };
    expect(reachSentences(view as never)).toEqual([
      'Deltagerne i «X» kan ikke skelnes fra målgruppen i kommunen på nogen af grupperne.',
    ]);
    expect(reachSentences(view as never, 'en')[0]).toMatch(/cannot be told apart/);
  });

  it('flags low reach for a targeted group only', () => {
    const row = { ...g, lo: 0.2, hi: 0.6 };
    expect(verdict(row)).toBe('fewer');
    expect(lowReach({ groups: [{ ...row, targeted: true }] as never })).toBe(true);
    expect(lowReach({ groups: [{ ...row, targeted: false }] as never })).toBe(false);
  });
});
