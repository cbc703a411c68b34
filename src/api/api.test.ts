/** The API's rounding: as the pages write numbers (Intl.NumberFormat, halves away from zero). */
import { expect, it } from 'vitest';
import { goalDigits, roundOrNull, roundTo } from './api.ts';

it('rounds as the pages do, halves away from zero, decimal halves included', () => {
  expect(roundTo(28.674249871038484, 1)).toBe(28.7);
  expect(roundTo(0.15, 1)).toBe(0.2);
  expect(roundTo(-0.25, 1)).toBe(-0.3);
  expect(roundTo(1.005, 2)).toBe(1.01);
  expect(roundTo(-0.04, 1)).toBe(0);
  expect(Object.is(roundTo(-0.04, 1), -0)).toBe(false);
  expect(roundTo(1e-7, 1)).toBe(0);
  expect(roundOrNull(null, 1)).toBeNull();
  // Each agrees with the page's own formatting.
  const page = (v: number, d: number) =>
    Number(new Intl.NumberFormat('en', { maximumFractionDigits: d, useGrouping: false }).format(v));
  for (const v of [26.55102298128314, 0.287123456, 12.25, 3.45, 99.95])
    expect(roundTo(v, 1), String(v)).toBe(page(v, 1));
});

it('gives ratios two decimals and percentages or points one', () => {
  expect(goalDigits('reach_ratio')).toBe(2);
  expect(goalDigits('prevalence')).toBe(1);
  expect(goalDigits('D')).toBe(1);
  expect(goalDigits('SII')).toBe(1);
});
