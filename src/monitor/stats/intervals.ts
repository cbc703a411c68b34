/**
 * Confidence intervals for the equity monitor: proportions (Wilson), counts and rates (Byar's
 * approximation from 10 events, exact Poisson below, as PHEindicatormethods does), and weighted
 * prevalence with a linearised variance (MONITOR.md). Pure functions, no I/O.
 *
 * The special functions (normal quantile, log-gamma, regularized incomplete gamma and its
 * inverse) are implemented here so the results can be checked against the PHE reference values
 * without a numerical dependency.
 */

/** A two-sided confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** An estimate with limits; `null` fields mean "no estimate" (missing or invalid inputs). */
export interface Estimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Which interval method produced the limits (null when there is no estimate). */
  method: 'Wilson' | 'Byars' | 'Exact' | null;
}

// ---------------------------------------------------------------------------------------------
// Special functions
// ---------------------------------------------------------------------------------------------

/** Horner evaluation of a polynomial with coefficients in ascending powers. */
function poly(coef: readonly number[], r: number): number {
  let acc = 0;
  for (let i = coef.length - 1; i >= 0; i--) acc = acc * r + (coef[i] ?? 0);
  return acc;
}

// Wichura (1988), Algorithm AS 241 (PPND16), coefficients in ascending powers, written as the
// shortest decimals of the doubles the published 20-digit constants round to.
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/**
 * Standard normal quantile Φ⁻¹(p) by Wichura's AS 241 (about 1e-16 relative accuracy).
 * Returns -Infinity at p = 0, Infinity at p = 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241_A, r)) / poly(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(AS241_C, r) / poly(AS241_D, r);
  } else {
    r -= 5;
    value = poly(AS241_E, r) / poly(AS241_F, r);
  }
  return q < 0 ? -value : value;
}

/** The two-sided z value for a confidence level, e.g. 1.959964 for 0.95. */
export function zFor(confidence: number): number {
  assertConfidence(confidence);
  return normalQuantile(1 - (1 - confidence) / 2);
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
}

// Lanczos approximation (g = 7, n = 9), about 1e-15 relative accuracy for x > 0.
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const xx = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0: series for
 * x < a + 1, Lentz's continued fraction for Q = 1 − P otherwise.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/**
 * Quantile of the Gamma(shape, 1) distribution: the t with P(shape, t) = p. Newton steps on
 * P, guarded by a bisection bracket, from a Wilson–Hilferty start.
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!(shape > 0) || Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // Wilson–Hilferty start.
  const z = normalQuantile(p);
  const c = 1 / (9 * shape);
  let t = shape * Math.pow(Math.max(1 - c + z * Math.sqrt(c), 1e-3), 3);
  if (!(t > 0) || !Number.isFinite(t)) t = shape;
  // Bracket.
  let lo = 0;
  let hi = t;
  while (regularizedGammaP(shape, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  const logG = logGamma(shape);
  for (let i = 0; i < 200; i++) {
    const f = regularizedGammaP(shape, t) - p;
    if (f === 0) return t;
    if (f < 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    const density = Math.exp((shape - 1) * Math.log(t) - t - logG);
    let next = t - f / density;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(t, 1e-300) || hi - lo <= 1e-15 * hi) return next;
    t = next;
  }
  return t;
}

/** Quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}

// ---------------------------------------------------------------------------------------------
// Intervals
// ---------------------------------------------------------------------------------------------

/**
 * Wilson score interval for a proportion x/n:
 * (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)).
 * x need not be an integer (PHE tests it with x = 0.445, n = 1). Requires 0 ≤ x ≤ n, n > 0.
 */
export function wilson(x: number, n: number, confidence = 0.95): Interval {
  if (!(n > 0) || !(x >= 0) || x > n) {
    throw new RangeError(`wilson needs 0 <= x <= n and n > 0, got x = ${x}, n = ${n}`);
  }
  const z = zFor(confidence);
  const z2 = z * z;
  const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denom = 2 * (n + z2);
  return {
    lower: Math.max(0, (2 * x + z2 - root) / denom),
    upper: Math.min(1, (2 * x + z2 + root) / denom),
  };
}

/**
 * Byar's approximation to the Poisson interval for a count x (recommended for x ≥ 10):
 * lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³.
 * Defined for any x ≥ 0 (PHE's test data also evaluates it at x = 1); the lower limit is 0 at
 * x = 0 and clamped at 0 where the formula would go negative (tiny x at high confidence).
 */
export function byars(x: number, confidence = 0.95): Interval {
  if (!(x >= 0) || !Number.isFinite(x))
    throw new RangeError(`byars needs a count x >= 0, got ${x}`);
  const z = zFor(confidence);
  const lower = x === 0 ? 0 : x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  const x1 = x + 1;
  const upper = x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
  return { lower: Math.max(0, lower), upper };
}

/**
 * Exact Poisson interval for a count x via chi-square quantiles:
 * lower = χ²(α/2; 2x)/2 (0 when x = 0), upper = χ²(1 − α/2; 2x + 2)/2.
 */
export function exactPoisson(x: number, confidence = 0.95): Interval {
  if (!(x >= 0) || !Number.isFinite(x))
    throw new RangeError(`exactPoisson needs a count x >= 0, got ${x}`);
  assertConfidence(confidence);
  const alpha = 1 - confidence;
  const lower = x === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * x) / 2;
  const upper = chiSquareQuantile(1 - alpha / 2, 2 * x + 2) / 2;
  return { lower, upper };
}

/** PHE's rule for counts: exact Poisson below 10, Byar's from 10. */
export function countInterval(
  x: number,
  confidence = 0.95,
): Interval & { method: 'Exact' | 'Byars' } {
  return x < 10
    ? { ...exactPoisson(x, confidence), method: 'Exact' }
    : { ...byars(x, confidence), method: 'Byars' };
}

/** Interval for the rate x / denominator × multiplier, from the count's interval. */
export function rateInterval(
  x: number,
  denominator: number,
  multiplier = 100000,
  confidence = 0.95,
): Interval & { method: 'Exact' | 'Byars' } {
  if (!(denominator > 0)) throw new RangeError(`rate denominator must be > 0, got ${denominator}`);
  const ci = countInterval(x, confidence);
  return {
    lower: (ci.lower / denominator) * multiplier,
    upper: (ci.upper / denominator) * multiplier,
    method: ci.method,
  };
}

/** Inputs of {@link proportionEstimate} and {@link rateEstimate}; missing values are allowed. */
export interface EstimateInput {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
  confidence?: number;
  multiplier?: number;
}

const NO_ESTIMATE: Estimate = { value: null, lower: null, upper: null, method: null };

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * A proportion (× multiplier, e.g. 100 for a percentage) with Wilson limits. Gives "no estimate"
 * (all null) when the numerator or denominator is missing or invalid (not finite, negative,
 * denominator 0, numerator above denominator) rather than a wrong number.
 */
export function proportionEstimate(input: EstimateInput): Estimate {
  const { numerator: x, denominator: n, confidence = 0.95, multiplier = 1 } = input;
  if (!isFiniteNumber(x) || !isFiniteNumber(n) || x < 0 || n <= 0 || x > n) return NO_ESTIMATE;
  const ci = wilson(x, n, confidence);
  return {
    value: (x / n) * multiplier,
    lower: ci.lower * multiplier,
    upper: ci.upper * multiplier,
    method: 'Wilson',
  };
}

/**
 * A crude rate x / denominator × multiplier (default per 100,000) with exact (x < 10) or
 * Byar's (x ≥ 10) limits; "no estimate" for missing or invalid inputs.
 */
export function rateEstimate(input: EstimateInput): Estimate {
  const { numerator: x, denominator: n, confidence = 0.95, multiplier = 100000 } = input;
  if (!isFiniteNumber(x) || !isFiniteNumber(n) || x < 0 || n <= 0) return NO_ESTIMATE;
  const ci = rateInterval(x, n, multiplier, confidence);
  return { value: (x / n) * multiplier, lower: ci.lower, upper: ci.upper, method: ci.method };
}

// ---------------------------------------------------------------------------------------------
// Weighted prevalence
// ---------------------------------------------------------------------------------------------

/**
 * Plain aggregates of a 0/1 (or 0..1) indicator y with weights w over n respondents, so the
 * GROUP BY can run in SQL: n = count(*), sw = Σw, sw2 = Σw², swy = Σwy, sw2y = Σw²y,
 * sw2y2 = Σw²y².
 */
export interface WeightedSums {
  n: number;
  sw: number;
  sw2: number;
  swy: number;
  sw2y: number;
  sw2y2: number;
}

export interface WeightedPrevalence {
  p: number;
  se: number;
  lower: number;
  upper: number;
}

/**
 * Weighted prevalence p = Σwy / Σw with the linearisation variance
 * var(p) = n/(n−1) · Σw²(y−p)² / (Σw)², where Σw²(y−p)² = sw2y2 − 2p·sw2y + p²·sw2.
 * Normal limits p ∓ z·se, clamped to [0, 1]. Returns null when there is no estimate
 * (n < 2 or Σw ≤ 0).
 */
export function weightedPrevalence(
  sums: WeightedSums,
  confidence = 0.95,
): WeightedPrevalence | null {
  const { n, sw, sw2, swy, sw2y, sw2y2 } = sums;
  if (![n, sw, sw2, swy, sw2y, sw2y2].every(isFiniteNumber) || n < 2 || !(sw > 0)) return null;
  const p = swy / sw;
  const ss = Math.max(0, sw2y2 - 2 * p * sw2y + p * p * sw2);
  const variance = ((n / (n - 1)) * ss) / (sw * sw);
  const se = Math.sqrt(variance);
  const z = zFor(confidence);
  return { p, se, lower: Math.max(0, p - z * se), upper: Math.min(1, p + z * se) };
}
