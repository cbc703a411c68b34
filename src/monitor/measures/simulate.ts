/**
 * Simulation intervals for summary measures without a closed-form variance:
 * draw every subgroup estimate from a normal N(y_j, s_j^2) truncated to the
 * indicator's range [0, scale], recompute the measure, and take the alpha/2 and
 * 1 - alpha/2 sample quantiles (R type 7) of the replicates. Seeded: mulberry32 + Box-Muller.
 */
import { quantileType7, seededNormal } from './random.ts';

export interface SimulationOptions {
  /** Number of replicates; default 2000. */
  repetitions?: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Confidence level as 0.95 (default) or 95. */
  level?: number;
}

/** Draw from N(mean, sd^2) truncated to [lo, hi] by rejection (exact); falls back to clamping after 1000 tries. */
export function truncatedNormal(
  normal: () => number,
  mean: number,
  sd: number,
  lo: number,
  hi: number,
): number {
  if (!(sd > 0)) return Math.min(hi, Math.max(lo, mean));
  for (let i = 0; i < 1000; i++) {
    const v = mean + sd * normal();
    if (v >= lo && v <= hi) return v;
  }
  return Math.min(hi, Math.max(lo, mean));
}

/**
 * Percentile interval of `measure` over replicates of the estimates.
 * Replicates whose measure is not finite are dropped.
 */
export function simulateInterval(
  estimates: readonly number[],
  ses: readonly number[],
  range: readonly [number, number],
  measure: (ys: readonly number[]) => number,
  opts: SimulationOptions = {},
): { lower: number; upper: number; repetitions: number } {
  const reps = opts.repetitions ?? 2000;
  const level = opts.level === undefined ? 0.95 : opts.level > 1 ? opts.level / 100 : opts.level;
  const normal = seededNormal(opts.seed ?? 1);
  const out: number[] = [];
  const draw = new Array<number>(estimates.length).fill(0);
  for (let k = 0; k < reps; k++) {
    for (let j = 0; j < estimates.length; j++) {
      draw[j] = truncatedNormal(normal, estimates[j] ?? 0, ses[j] ?? 0, range[0], range[1]);
    }
    const m = measure(draw);
    if (Number.isFinite(m)) out.push(m);
  }
  out.sort((a, b) => a - b);
  const a = (1 - level) / 2;
  return { lower: quantileType7(out, a), upper: quantileType7(out, 1 - a), repetitions: reps };
}

/**
 * Percentile intervals of several measures from the same replicates: one set of draws is
 * shared, so k measures cost one simulation, not k (HEAT also evaluates all its simulated
 * measures on one set of draws). `range[1]` may be Infinity (HEAT truncates only at 0 for
 * indicators whose scale is not 100).
 */
export function simulateIntervals(
  estimates: readonly number[],
  ses: readonly number[],
  range: readonly [number, number],
  measures: readonly ((ys: readonly number[]) => number)[],
  opts: SimulationOptions = {},
): { lower: number; upper: number }[] {
  const reps = opts.repetitions ?? 2000;
  const level = opts.level === undefined ? 0.95 : opts.level > 1 ? opts.level / 100 : opts.level;
  const normal = seededNormal(opts.seed ?? 1);
  const k = measures.length;
  const values = measures.map(() => new Float64Array(reps));
  const counts = new Array<number>(k).fill(0);
  const draw = new Array<number>(estimates.length).fill(0);
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < estimates.length; j++) {
      draw[j] = truncatedNormal(normal, estimates[j] ?? 0, ses[j] ?? 0, range[0], range[1]);
    }
    for (let m = 0; m < k; m++) {
      const v = (measures[m] as (ys: readonly number[]) => number)(draw);
      if (Number.isFinite(v)) (values[m] as Float64Array)[(counts[m] as number)++] = v;
    }
  }
  const a = (1 - level) / 2;
  return values.map((arr, m) => {
    const sorted = arr.subarray(0, counts[m]).sort();
    return { lower: quantileType7(sorted, a), upper: quantileType7(sorted, 1 - a) };
  });
}
