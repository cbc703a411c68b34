/**
 * The goal chart's x axis: every wave is named (the first version named only the first and
 * last year), the target year always, and labels that would overlap are thinned.
 */
import { expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { translator } from '../../web/i18n.ts';
import type { GoalView } from '../goal.ts';
import { axisYears, GoalChart } from './goal-pages.tsx';

const wave = (year: number, value: number) => ({
  year,
  value,
  lo: value - 3,
  hi: value + 3,
  suppressed: false,
});

const goal: GoalView = {
  id: 'g',
  kind: 'level',
  indicator: 'dagligryger',
  indicatorLabel: 'Ryger dagligt',
  dimension: 'uddannelse',
  group: '1',
  groupLabel: 'Grundskole',
  area: '0265',
  measure: 'prevalence',
  baseline: { year: 2021, value: 26.6 },
  target: { year: 2030, value: 18 },
  latest: { year: 2025, value: 28.7, lo: 25, hi: 32.3 },
  pathValue: 22.8,
  state: 'behind',
  sentence: '',
  recommendationId: null,
  interventionId: null,
  series: [wave(2010, 35), wave(2013, 31.8), wave(2017, 30.8), wave(2021, 26.6), wave(2025, 28.7)],
  offerId: null,
  higherIsBetter: false,
  trend: { kind: 'no_change', chi2: 0 },
  version: 1,
  labelsEn: { indicator: 'Smokes daily', group: 'Primary school' },
};

it('names every wave and the target year on the x axis', () => {
  const svg = render(<GoalChart g={goal} t={translator('da')} lang="da" />);
  const texts = [...svg.matchAll(/<text[^>]*>(\d{4})<\/text>/g)].map((m) => Number(m[1]));
  expect(texts).toEqual([2010, 2013, 2017, 2021, 2025, 2030]);
  // Scales with its column: a viewBox, and the legend says what the marks are.
  expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
  expect(svg).toContain('Planens sti');
});

it('thins labels that would overlap, keeping the target year', () => {
  const x = (yr: number) => (yr - 2020) * 10;
  expect(axisYears([2020, 2021, 2024, 2028], 2029, x, 30)).toEqual([2020, 2024, 2029]);
  expect(axisYears([2020, 2030], 2030, x, 30)).toEqual([2020, 2030]);
});
