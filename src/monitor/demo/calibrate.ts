/**
 * The one numerical step of the calibration: find the shift c of a logistic model so that the
 * expected number of "yes" answers in a sample equals a target, i.e. sum_i expit(x_i + c) = target.
 * The left side increases in c, so Newton's method from a sensible start converges in a few steps;
 * bisection guards the rare overshoot.
 */

const expit = (x: number) => 1 / (1 + Math.exp(-x));

export function solveShift(x: ArrayLike<number>, targetSum: number): number {
  const n = x.length;
  if (n === 0) return 0;
  if (!(targetSum > 0 && targetSum < n))
    throw new RangeError(`solveShift: target ${targetSum} outside (0, ${n})`);
  let lo = -30;
  let hi = 30;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] ?? 0;
  const p = targetSum / n;
  let c = Math.log(p / (1 - p)) - mean / n;
  for (let iter = 0; iter < 60; iter++) {
    let f = -targetSum;
    let df = 0;
    for (let i = 0; i < n; i++) {
      const q = expit((x[i] ?? 0) + c);
      f += q;
      df += q * (1 - q);
    }
    if (Math.abs(f) < 1e-7 * n) return c;
    if (f > 0) hi = c;
    else lo = c;
    const next = df > 0 ? c - f / df : Number.NaN;
    c = next > lo && next < hi ? next : (lo + hi) / 2;
  }
  return c;
}
