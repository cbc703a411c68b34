/**
 * Simulation intervals for summary measures without a closed-form variance:
 * draw every subgroup estimate from a normal N(y_j, s_j^2) truncated to the
 * indicator's range [0, scale], recompute the measure, and take the alpha/2 and
 * 1 - alpha/2 sample quantiles (R type 7) of the replicates. Seeded: mulberry32 + Box-Muller.
 */
import { quantileType7, seededNormal } from './random.ts';

// One stream of standard normals per seed, computed once and shared by every cell: a cell's
// simulation reads it from the start, exactly the sequence seededNormal(seed) would give, so
// results are those of a fresh generator per cell without Box-Muller and closure calls per
// draw (issue 16). Rejected truncated draws consume normals as before.
const streams = new Map<number, Float64Array>();

/** The first `atLeast` (or more) standard normals of seededNormal(seed), shared. */
export function normalStream(seed: number, atLeast: number): Float64Array {
  const have = streams.get(seed);
  if (have && have.length >= atLeast) return have;
  const length = Math.max(atLeast, 2 * (have?.length ?? 0), 8192);
  const z = new Float64Array(length);
  const normal = seededNormal(seed);
  for (let i = 0; i < length; i++) z[i] = normal();
  if (!have && streams.size >= 16) streams.clear();
  streams.set(seed, z);
  return z;
}

/**
 * `reps` x n draws (row r from r * n) of every estimate from N(y_j, s_j^2) truncated to
 * [lo, hi], by rejection with the clamped mean after 1000 tries (truncatedNormal's rule), from
 * the shared stream of `seed`. Writes into `into` when it is large enough.
 */
export function drawMatrix(
  estimates: ArrayLike<number>,
  ses: ArrayLike<number>,
  lo: number,
  hi: number,
  reps: number,
  seed: number,
  into?: Float64Array,
): Float64Array {
  const n = estimates.length;
  const out = into && into.length >= reps * n ? into : new Float64Array(reps * n);
  let z = normalStream(seed, 2 * reps * n + 64);
  let c = 0;
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < n; j++) {
      const mean = estimates[j] ?? 0;
      const sd = ses[j] ?? 0;
      let v = Math.min(hi, Math.max(lo, mean));
      if (sd > 0) {
        for (let i = 0; i < 1000; i++) {
          if (c >= z.length) z = normalStream(seed, 2 * z.length);
          const d = mean + sd * (z[c++] as number);
          if (d >= lo && d <= hi) {
            v = d;
            break;
          }
        }
      }
      out[r * n + j] = v;
    }
  }
  return out;
}

/**
 * The alpha/2 and 1 - alpha/2 centiles (R type 7) of values[0, count), as sorting them would
 * give, by selecting the four order statistics needed (reorders the values in place; a typed
 * array's sort of 100 replicates cost about 10 µs, 40 % of every simulated cell).
 */
export function percentileInterval(
  values: Float64Array,
  count: number,
  level: number,
): { lower: number; upper: number } {
  const a = (1 - level) / 2;
  return { lower: quantileSelect(values, count, a), upper: quantileSelect(values, count, 1 - a) };
}

/** quantileType7 of values[0, count) without a full sort. */
function quantileSelect(v: Float64Array, count: number, p: number): number {
  if (count === 0) return Number.NaN;
  const h = (count - 1) * p;
  const lo = Math.floor(h);
  const a = select(v, count, lo);
  if (lo + 1 >= count) return a + (h - lo) * (a - a);
  // after select, everything right of lo is >= v[lo]: the next order statistic is their minimum
  let b = v[lo + 1] as number;
  for (let i = lo + 2; i < count; i++) if ((v[i] as number) < b) b = v[i] as number;
  return a + (h - lo) * (b - a);
}

/** The k-th smallest of v[0, count) (Hoare's quickselect), leaving v partitioned around it. */
function select(v: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const pivot = v[mid] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((v[i] as number) < pivot) i++;
      while ((v[j] as number) > pivot) j--;
      if (i <= j) {
        const t = v[i] as number;
        v[i] = v[j] as number;
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return v[k] as number;
}

/** A level given as 0.95 or 95, as a fraction (0.95 when not given). */
export const levelFraction = (level: number | undefined): number =>
  level === undefined ? 0.95 : level > 1 ? level / 100 : level;

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
  const level = levelFraction(opts.level);
  const n = estimates.length;
  const m = drawMatrix(estimates, ses, range[0], range[1], reps, opts.seed ?? 1);
  const draw = new Array<number>(n).fill(0);
  const values = measures.map(() => new Float64Array(reps));
  const counts = new Array<number>(measures.length).fill(0);
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < n; j++) draw[j] = m[r * n + j] as number;
    for (let k = 0; k < measures.length; k++) {
      const v = (measures[k] as (ys: readonly number[]) => number)(draw);
      if (Number.isFinite(v)) (values[k] as Float64Array)[(counts[k] as number)++] = v;
    }
  }
  return values.map((arr, k) => percentileInterval(arr, counts[k] as number, level));
}
