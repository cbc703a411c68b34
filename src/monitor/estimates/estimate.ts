/**
 * From the sums SQL returns (monitor_aggregate rows, or their sums over a region or the country)
 * to published subgroup estimates: weighted prevalence with its linearised SE and 95 % interval,
 * in percent. The statistics live in ../stats; this file only shapes them for the monitor.
 */
import { weightedPrevalence, wilson } from '../stats/intervals.ts';

/** Sums of one cell: n answers, n1 "yes", and the weight sums (see 0003_monitor.sql). */
export interface CellSums {
  n: number;
  n1: number;
  sw: number;
  sw2: number;
  swy: number;
  sw2y: number;
}

export const EMPTY_SUMS: CellSums = { n: 0, n1: 0, sw: 0, sw2: 0, swy: 0, sw2y: 0 };

export function addSums(a: CellSums, b: CellSums): CellSums {
  return {
    n: a.n + b.n,
    n1: a.n1 + b.n1,
    sw: a.sw + b.sw,
    sw2: a.sw2 + b.sw2,
    swy: a.swy + b.swy,
    sw2y: a.sw2y + b.sw2y,
  };
}

/** A subgroup's prevalence in percent, or only its counts when there is no estimate. */
export interface Prevalence {
  /** Respondents who answered, and of them how many said "yes": the suppression rules use these. */
  n: number;
  cases: number;
  /** Estimated number of people (sum of weights): HEAT's population and the priority finder's. */
  population: number;
  value: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  /** Relative standard error, se / value: above 0.3 the figure is flagged as uncertain. */
  rse: number | null;
  /** `heatplus`: the figure and its interval are a HEAT Plus file's own (heatplus/dataset-tables.ts). */
  method: 'weighted-linearised' | 'wilson' | 'heatplus' | null;
}

/** The RSE above which a figure is shown with a warning (a common statistics-office rule). */
export const HIGH_RSE = 0.3;

/**
 * Weighted data (weights vary) get the linearised variance; unweighted data (every weight 1, as
 * when a codebook has no weight column) get a Wilson interval, which behaves at 0 % and 100 %.
 */
export function prevalence(c: CellSums): Prevalence {
  // Flat object literals: a spread here cost 10–20 µs a call on Node 20, and the benchmark
  // builds about a million of these (bench/README.md, equity monitor).
  const { n, n1: cases, sw: population } = c;
  const unweighted = n > 0 && Math.abs(c.sw - n) < 1e-9 && Math.abs(c.sw2 - n) < 1e-9;
  if (unweighted) {
    const ci = wilson(cases, n);
    const p = cases / n;
    const se = Math.sqrt((p * (1 - p)) / n);
    return {
      n,
      cases,
      population,
      value: 100 * p,
      se: 100 * se,
      lower: 100 * ci.lower,
      upper: 100 * ci.upper,
      rse: p > 0 ? se / p : null,
      method: 'wilson',
    };
  }
  const w = weightedPrevalence({
    n,
    sw: c.sw,
    sw2: c.sw2,
    swy: c.swy,
    sw2y: c.sw2y,
    sw2y2: c.sw2y,
  });
  if (!w)
    return {
      n,
      cases,
      population,
      value: null,
      se: null,
      lower: null,
      upper: null,
      rse: null,
      method: null,
    };
  return {
    n,
    cases,
    population,
    value: 100 * w.p,
    se: 100 * w.se,
    lower: 100 * w.lower,
    upper: 100 * w.upper,
    rse: w.p > 0 ? w.se / w.p : null,
    method: 'weighted-linearised',
  };
}

export type Comparison = 'higher' | 'lower' | 'similar' | 'unknown';

/**
 * Fingertips' benchmark rule: an area differs from its benchmark when their 95 % intervals
 * do not overlap. Conservative (overlapping intervals can still differ), but easy to explain.
 */
export function compareByOverlap(
  a: { lower: number | null; upper: number | null },
  b: { lower: number | null; upper: number | null },
): Comparison {
  if (a.lower === null || a.upper === null || b.lower === null || b.upper === null)
    return 'unknown';
  if (a.lower > b.upper) return 'higher';
  if (a.upper < b.lower) return 'lower';
  return 'similar';
}
