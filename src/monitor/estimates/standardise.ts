/**
 * Direct age standardisation of prevalences: each area's age-specific prevalences weighted by
 * one standard age distribution (the country's), so areas with older or younger populations
 * compare fairly. var = Σ W_a² se_a² (age groups are independent samples); normal limits,
 * clamped to 0–100 %.
 */
import { zFor } from '../stats/intervals.ts';

export interface AgeFigure {
  /** Percent, or null when the age group's figure is hidden or missing. */
  value: number | null;
  se: number | null;
}

export interface Standardised {
  value: number;
  se: number;
  lower: number;
  upper: number;
}

/** Null when any age group lacks a figure: a rate over some ages only would mislead. */
export function directlyStandardise(
  groups: readonly AgeFigure[],
  standard: readonly number[],
  confidence = 0.95,
): Standardised | null {
  if (groups.length === 0 || groups.length !== standard.length) return null;
  const total = standard.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  let value = 0;
  let variance = 0;
  for (let a = 0; a < groups.length; a++) {
    const g = groups[a]!;
    if (g.value === null || g.se === null) return null;
    const w = standard[a]! / total;
    value += w * g.value;
    variance += w * w * g.se * g.se;
  }
  const se = Math.sqrt(variance);
  const z = zFor(confidence);
  return { value, se, lower: Math.max(0, value - z * se), upper: Math.min(100, value + z * se) };
}
