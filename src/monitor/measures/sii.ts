/**
 * Slope index of inequality (SII) and relative index of inequality (RII), in the
 * two conventions in use (see shared/design/MONITOR.md):
 *
 * 1. `phe-wls` — PHEindicatormethods::phe_sii (England's Fingertips). Quantiles are
 *    ordered from most deprived (quantile 1) to least deprived. With population shares
 *    a_j = N_j / sum N and relative ranks X_j = sum_{k<j} a_k + a_j / 2, fit the weighted
 *    least squares line y_j = b0 + b1 X_j with weights a_j (PHE fits
 *    sqrt(a) y = b0 sqrt(a) + b1 X sqrt(a) by OLS, which is the same thing):
 *        b1 = sum a_j (X_j - Xbar)(y_j - ybar) / sum a_j (X_j - Xbar)^2,  b0 = ybar - b1 Xbar.
 *    SII = multiplier * (fitted(X=1) - fitted(X=0)) = multiplier * b1 (so a positive SII
 *    means the least deprived end has the higher value, as in PHE's test data);
 *    RII = fitted(1) / fitted(0), inverted when the multiplier is negative;
 *    intercept = fitted(0) (the most deprived end).
 *    With `transform` (log for rates, logit for proportions) the line is fitted to the
 *    transformed values and the two fitted end points are transformed back before
 *    SII = mult * (f1 - f0) and RII = f1 / f0 are taken.
 *    Confidence limits by Monte Carlo: each quantile's value is drawn from a normal with
 *    its standard error (on the transformed scale for rates/proportions), the SII/RII
 *    recomputed, and the alpha/2, 1 - alpha/2 sample quantiles (R type 7) taken.
 * 2. `heat-logit` — WHO HEAT: a binomial logistic regression of the subgroup counts on the
 *    relative rank, fitted by IRLS. HEAT's code passes the population as prior weights on
 *    top of the binomial counts, so each subgroup is weighted by population squared; this
 *    is reproduced exactly. SII = p(X=1) - p(X=0), RII = p(X=1)/p(X=0) on the indicator scale.
 *    `heatLogitSiiAnalytic` is HEAT's own computation (rounded counts, HC1 sandwich + delta-method
 *    intervals) and is what computeAll uses; `heatLogitSii` keeps simulation intervals.
 */
import { zForLevel } from './normal.ts';
import { quantileType7, seededNormal } from './random.ts';
import { simulateInterval } from './simulate.ts';

/** 0 = other (normal), 1 = rate, 2 = proportion (PHE's value_type). */
export type PheValueType = 0 | 1 | 2;

export interface SiiQuantileInput {
  /** Quantile label; 1 = most deprived. Rows are sorted by this. */
  quantile: number;
  population: number | null | undefined;
  value?: number | null | undefined;
  /** Numerator; used for proportions when value is missing (value = count / population). */
  count?: number | null | undefined;
  lowerCl?: number | null | undefined;
  upperCl?: number | null | undefined;
  /** Standard error (for rates/proportions, on the log/logit scale, as PHE's data carry it). */
  se?: number | null | undefined;
}

export interface PheSiiOptions {
  valueType?: PheValueType;
  /** Fit on the log (rates) / logit (proportions) scale; needs the confidence limits, not se. */
  transform?: boolean;
  /** One or more confidence levels, as 0.95 or 95. Default 0.95. */
  confidence?: number | readonly number[];
  /** Monte Carlo repetitions; default 100 000, minimum 1000. */
  repetitions?: number;
  /** Scales SII and its limits; a negative multiplier inverts the RII. Default 1. */
  multiplier?: number;
  /** Seed for the simulation (mulberry32 + Box-Muller). Default 1. */
  seed?: number;
  /** 'se' uses the rows' se, 'cl' derives it from the limits; default: se when every row has one. */
  seSource?: 'se' | 'cl';
}

export interface SiiLimits {
  confidence: number;
  siiLower: number;
  siiUpper: number;
  riiLower: number;
  riiUpper: number;
}

export interface PheSiiResult {
  sii: number;
  rii: number;
  /** Fitted value at X = 0 (most deprived end), on the indicator scale. */
  intercept: number;
  limits: SiiLimits[];
  method: string;
  warnings: string[];
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Relative ranks X_j = sum_{k<j} a_k + a_j / 2 for shares a_j in the given order. */
export function relativeRanks(shares: readonly number[]): number[] {
  let cum = 0;
  return shares.map((a) => {
    const x = cum + a / 2;
    cum += a;
    return x;
  });
}

/** Weighted least squares line y = b0 + b1 x with weights w (need not sum to 1). */
export function weightedLine(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
): { intercept: number; slope: number } {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] ?? 0;
    sw += wi;
    sx += wi * (x[i] ?? 0);
    sy += wi * (y[i] ?? 0);
  }
  const xbar = sx / sw;
  const ybar = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] ?? 0;
    const dx = (x[i] ?? 0) - xbar;
    sxx += wi * dx * dx;
    sxy += wi * dx * ((y[i] ?? 0) - ybar);
  }
  const slope = sxy / sxx;
  return { slope, intercept: ybar - slope * xbar };
}

const logit = (p: number): number => Math.log(p / (1 - p));
const expit = (t: number): number => 1 / (1 + Math.exp(-t));

function normaliseLevels(confidence: number | readonly number[] | undefined): number[] {
  const raw =
    confidence === undefined
      ? [0.95]
      : typeof confidence === 'number'
        ? [confidence]
        : [...confidence];
  if (raw.length === 0) throw new Error('phe_sii: at least one confidence level is required');
  return raw.map((c) => {
    if (!isNum(c) || c < 0.5 || (c > 0.9999 && c < 50) || c > 99.99) {
      throw new Error(
        'phe_sii: confidence level must be between 50 and 99.99, or between 0.5 and 0.9999',
      );
    }
    return c >= 50 ? c / 100 : c;
  });
}

/**
 * PHE's SII/RII (`phe-wls`) for one area's quantiles. Throws with PHE's messages on
 * invalid input; returns warnings (e.g. more than 10 quantiles) in `warnings`.
 */
export function pheSii(rows: readonly SiiQuantileInput[], opts: PheSiiOptions = {}): PheSiiResult {
  const valueType = opts.valueType ?? 0;
  const transform = opts.transform ?? false;
  const repetitions = opts.repetitions ?? 100_000;
  const multiplier = opts.multiplier ?? 1;
  const warnings: string[] = [];

  if (![0, 1, 2].includes(valueType)) throw new Error('phe_sii: value_type should be 0, 1 or 2');
  if (!isNum(multiplier) || !isNum(repetitions)) {
    throw new Error('phe_sii: multiplier, repetitions and confidence inputs should be numeric');
  }
  if (repetitions < 1000) throw new Error('phe_sii: number of repetitions must be 1000 or greater');
  const levels = normaliseLevels(opts.confidence);
  if (transform && valueType === 0)
    throw new Error('phe_sii: value_type should be 1 or 2 when transform is true');

  const hasValue = rows.some((r) => r.value !== null && r.value !== undefined);
  const hasCount = rows.some((r) => r.count !== null && r.count !== undefined);
  if (!hasValue && !(valueType === 2 && hasCount)) {
    throw new Error(
      'phe_sii: requires a value for every quantile, or a count (x) if the indicator is a proportion of the population',
    );
  }
  const allSe = rows.every((r) => r.se !== null && r.se !== undefined);
  const anySe = rows.some((r) => r.se !== null && r.se !== undefined);
  const anyCl = rows.some(
    (r) =>
      r.lowerCl !== null &&
      r.lowerCl !== undefined &&
      r.upperCl !== null &&
      r.upperCl !== undefined,
  );
  const seSource: 'se' | 'cl' =
    opts.seSource ?? (transform ? 'cl' : allSe ? 'se' : anyCl ? 'cl' : 'se');
  if (transform && (seSource === 'se' || anySe))
    throw new Error('phe_sii: requires se to be missing when transform is true');
  if (seSource === 'se' && !anySe && !anyCl) {
    throw new Error(
      'phe_sii: requires either lower and upper confidence limits, or a standard error',
    );
  }

  for (const r of rows) {
    if (!isNum(r.population) || r.population <= 0) {
      throw new Error(
        `phe_sii: some groups have a zero, negative or missing population (quantile ${r.quantile})`,
      );
    }
  }
  if (seSource === 'se') {
    for (const r of rows) {
      if (!isNum(r.se) || r.se < 0) {
        throw new Error(
          `phe_sii: negative or missing standard errors in input dataset (quantile ${r.quantile})`,
        );
      }
    }
  } else {
    for (const r of rows) {
      if (!isNum(r.lowerCl) || !isNum(r.upperCl)) {
        throw new Error(
          `phe_sii: missing lower or upper confidence limits in input dataset (quantile ${r.quantile})`,
        );
      }
    }
  }
  if (valueType === 2) {
    if (hasValue && rows.some((r) => isNum(r.value) && (r.value < 0 || r.value > 1))) {
      throw new Error('phe_sii: value proportions are not all between 0 and 1');
    }
    if (
      seSource === 'cl' &&
      rows.some(
        (r) =>
          isNum(r.lowerCl) &&
          isNum(r.upperCl) &&
          (r.lowerCl < 0 || r.lowerCl > 1 || r.upperCl < 0 || r.upperCl > 1),
      )
    ) {
      throw new Error('phe_sii: confidence limit proportions are not all between 0 and 1');
    }
    if (!hasValue && rows.some((r) => !isNum(r.count) || r.count <= 0)) {
      throw new Error('phe_sii: some groups have a zero or negative count x');
    }
  }
  const quantiles = new Set(rows.map((r) => r.quantile));
  if (quantiles.size !== rows.length)
    throw new Error('phe_sii: each quantile may appear only once');
  if (rows.length < 5 || rows.length > 100)
    throw new Error('phe_sii: Number of quantiles must be between 5 and 100');
  if (rows.length > 10)
    warnings.push('Small values can make SII unstable when using a large number of quantiles');

  const sorted = [...rows].sort((a, b) => a.quantile - b.quantile);
  const values = sorted.map((r) => {
    const v = hasValue
      ? r.value
      : valueType === 2 && isNum(r.count) && isNum(r.population)
        ? r.count / r.population
        : null;
    if (!isNum(v)) throw new Error(`phe_sii: missing value for quantile ${r.quantile}`);
    return v;
  });

  // Scale on which values are simulated (and, with transform, fitted).
  const fwd = (v: number): number =>
    valueType === 1 ? Math.log(v) : valueType === 2 ? logit(v) : v;
  const back = (t: number): number =>
    valueType === 1 ? Math.exp(t) : valueType === 2 ? expit(t) : t;

  const z95 = zForLevel(0.95); // PHE: input limits are taken to be 95% limits
  const se = sorted.map((r) => {
    if (seSource === 'se') return r.se as number;
    const lo = r.lowerCl as number;
    const hi = r.upperCl as number;
    return (fwd(hi) - fwd(lo)) / z95 / 2;
  });

  const pops = sorted.map((r) => r.population as number);
  const total = pops.reduce((s, p) => s + p, 0);
  const shares = pops.map((p) => p / total);
  const ranks = relativeRanks(shares);

  const ends = (ys: readonly number[], transformed: boolean): { f0: number; f1: number } => {
    const { slope, intercept } = weightedLine(ranks, ys, shares);
    return transformed
      ? { f0: back(intercept), f1: back(intercept + slope) }
      : { f0: intercept, f1: intercept + slope };
  };

  const point = transform ? ends(values.map(fwd), true) : ends(values, false);
  const sii = multiplier * (point.f1 - point.f0);
  const riiRaw = point.f1 / point.f0;
  const rii = multiplier < 0 ? 1 / riiRaw : riiRaw;

  // Monte Carlo: draw each quantile on the simulation scale (value_type 0: raw;
  // rates/proportions: log/logit), transform back, refit.
  const normal = seededNormal(opts.seed ?? 1);
  const centre = values.map(fwd);
  const simSii = new Float64Array(repetitions);
  const simRii = new Float64Array(repetitions);
  const draw = new Array<number>(values.length).fill(0);
  for (let k = 0; k < repetitions; k++) {
    for (let j = 0; j < values.length; j++) draw[j] = (centre[j] ?? 0) + (se[j] ?? 0) * normal();
    const e = transform ? ends(draw, true) : ends(draw.map(back), false);
    simSii[k] = multiplier * (e.f1 - e.f0);
    const r = e.f1 / e.f0;
    simRii[k] = multiplier < 0 ? 1 / r : r;
  }
  simSii.sort();
  simRii.sort();
  const limits = levels.map((level) => {
    const a = (1 - level) / 2;
    return {
      confidence: level,
      siiLower: quantileType7(simSii, a),
      siiUpper: quantileType7(simSii, 1 - a),
      riiLower: quantileType7(simRii, a),
      riiUpper: quantileType7(simRii, 1 - a),
    };
  });

  const scale = transform ? (valueType === 1 ? 'log' : 'logit') : 'linear';
  return {
    sii,
    rii,
    intercept: point.f0,
    limits,
    method: `phe-wls (${scale} fit; Monte Carlo ${repetitions} reps, seed ${opts.seed ?? 1})`,
    warnings,
  };
}

// ---------------------------------------------------------------------------
// HEAT convention: binomial logit GLM on subgroup counts (`heat-logit`).

export interface HeatSiiGroup {
  estimate: number;
  population: number;
  se?: number;
}

export interface HeatLogitOptions {
  /** Indicator scale (100 for %); pi_j = estimate_j / scale. */
  scale: number;
  /**
   * HEAT's code fits glm(cbind(events, non-events) ~ X, family = binomial, weights = population):
   * the prior weight N_j multiplies the binomial weight N_j, so each subgroup counts N_j^2.
   * `true` (default) reproduces that; `false` gives the plain binomial fit (weight N_j).
   */
  priorWeights?: boolean;
  repetitions?: number;
  seed?: number;
  level?: number;
}

export interface HeatLogitFit {
  /** [b0, b1]: logit(pi) = b0 + b1 X. */
  coefficients: [number, number];
  iterations: number;
}

/**
 * Fits logit(pi_j) = b0 + b1 X_j by iteratively reweighted least squares (Newton-Raphson,
 * canonical link), maximising sum_j m_j [y_j ln pi_j + (1 - y_j) ln(1 - pi_j)] with
 * y_j = estimate_j / scale and m_j the case weights. Score: sum m_j (y_j - pi_j)(1, X_j);
 * information: sum m_j pi_j (1 - pi_j)(1, X_j)(1, X_j)^T.
 */
export function fitWeightedLogit(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  m: ArrayLike<number>,
  /** Starting coefficients (a warm start for simulation draws near a known fit). */
  start?: readonly [number, number],
): HeatLogitFit {
  const coef = new Float64Array(2);
  const it = irls(x, y, m, start, coef);
  if (it === SINGULAR)
    throw new Error('heat-logit: singular information matrix (need at least two distinct ranks)');
  if (it === NO_CONVERGENCE) throw new Error('heat-logit: IRLS did not converge in 100 iterations');
  return { coefficients: [coef[0] as number, coef[1] as number], iterations: it };
}

const SINGULAR = -1;
const NO_CONVERGENCE = -2;

/**
 * fitWeightedLogit's iterations, writing [b0, b1] into `coef` and returning the number of
 * iterations, or SINGULAR / NO_CONVERGENCE: no allocation and no exception, for simulation draws.
 */
function irls(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  m: ArrayLike<number>,
  start: readonly [number, number] | undefined,
  coef: Float64Array,
): number {
  // rescaling the weights leaves the solution unchanged; plain loops, no closures (hot path)
  let msum = 0;
  for (let j = 0; j < m.length; j++) msum += m[j] as number;
  let ybar = 0;
  for (let j = 0; j < x.length; j++) ybar += ((m[j] ?? 0) / msum) * (y[j] ?? 0);
  let b0 = start ? start[0] : logit(Math.min(1 - 1e-12, Math.max(1e-12, ybar)));
  let b1 = start ? start[1] : 0;
  for (let it = 1; it <= 100; it++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let j = 0; j < x.length; j++) {
      const xj = x[j] ?? 0;
      const wj = (m[j] ?? 0) / msum;
      const pi = expit(b0 + b1 * xj);
      const r = wj * ((y[j] ?? 0) - pi);
      const v = wj * pi * (1 - pi);
      g0 += r;
      g1 += r * xj;
      h00 += v;
      h01 += v * xj;
      h11 += v * xj * xj;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(Math.abs(det) > 0)) return SINGULAR;
    const d0 = (h11 * g0 - h01 * g1) / det;
    const d1 = (h00 * g1 - h01 * g0) / det;
    b0 += d0;
    b1 += d1;
    if (Math.abs(d0) + Math.abs(d1) < 1e-13 * (1 + Math.abs(b0) + Math.abs(b1))) {
      coef[0] = b0;
      coef[1] = b1;
      return it;
    }
  }
  return NO_CONVERGENCE;
}

function heatEnds(
  x: readonly number[],
  ys: readonly number[],
  m: readonly number[],
  scale: number,
) {
  const fit = fitWeightedLogit(
    x,
    ys.map((v) => v / scale),
    m,
  );
  const [b0, b1] = fit.coefficients;
  const p0 = scale * expit(b0);
  const p1 = scale * expit(b0 + b1);
  return { fit, sii: p1 - p0, rii: p1 / p0 };
}

/**
 * HEAT's SII and RII for groups already ordered from most disadvantaged to most advantaged:
 * SII = scale * (pi(X=1) - pi(X=0)), RII = pi(X=1) / pi(X=0) from the weighted logit fit.
 * Intervals by simulation (truncated normal draws of each estimate within [0, scale], refit,
 * percentile interval) — we do not reproduce a HEAT analytic variance for these; NaN without se.
 */
export function heatLogitSii(
  groups: readonly HeatSiiGroup[],
  opts: HeatLogitOptions,
): {
  sii: { code: 'SII'; value: number; lower: number; upper: number; method: string };
  rii: { code: 'RII'; value: number; lower: number; upper: number; method: string };
  coefficients: [number, number];
} {
  if (groups.length < 2) throw new Error('heat-logit: need at least two subgroups');
  for (const g of groups) {
    if (!(g.population > 0))
      throw new Error('heat-logit: every subgroup needs a positive population');
    if (!(g.estimate >= 0 && g.estimate <= opts.scale)) {
      throw new Error(
        `heat-logit: estimate ${g.estimate} is outside the indicator range [0, ${opts.scale}]`,
      );
    }
  }
  const pops = groups.map((g) => g.population);
  const total = pops.reduce((s, v) => s + v, 0);
  const x = relativeRanks(pops.map((p) => p / total));
  const priorWeights = opts.priorWeights ?? true;
  const m = pops.map((n) => (priorWeights ? n * n : n));
  const est = groups.map((g) => g.estimate);
  const point = heatEnds(x, est, m, opts.scale);
  const ses = groups.map((g) => g.se);
  let siiCi = { lower: Number.NaN, upper: Number.NaN };
  let riiCi = { lower: Number.NaN, upper: Number.NaN };
  const reps = opts.repetitions ?? 1000;
  if (ses.every((s) => typeof s === 'number' && s >= 0)) {
    const simOpts = {
      repetitions: reps,
      seed: opts.seed ?? 1,
      ...(opts.level === undefined ? {} : { level: opts.level }),
    };
    const range: [number, number] = [0, opts.scale];
    const sesN = ses.map((s) => s ?? 0);
    siiCi = simulateInterval(est, sesN, range, (ys) => heatEnds(x, ys, m, opts.scale).sii, simOpts);
    riiCi = simulateInterval(est, sesN, range, (ys) => heatEnds(x, ys, m, opts.scale).rii, simOpts);
  }
  const weighting = priorWeights
    ? 'population^2 weights (HEAT code: binomial counts x prior weight N)'
    : 'binomial weights N';
  const method = `heat-logit: binomial logit GLM by IRLS, ${weighting}; CI by simulation (${reps} truncated-normal reps, seed ${opts.seed ?? 1})`;
  return {
    sii: { code: 'SII', value: point.sii, lower: siiCi.lower, upper: siiCi.upper, method },
    rii: { code: 'RII', value: point.rii, lower: riiCi.lower, upper: riiCi.upper, method },
    coefficients: point.fit.coefficients,
  };
}

/** HEAT's design for the logit SII: relative ranks and case weights N^2 (up to a constant). */
export interface HeatLogitDesign {
  x: number[];
  m: number[];
}

/**
 * The ranks and weights heatLogitSiiAnalytic fits with: populations ceiled when they are counts
 * (all at least 1), used as given when they are shares.
 */
export function heatLogitDesign(populations: readonly number[]): HeatLogitDesign {
  const counts = populations.every((p) => p >= 1);
  const N = populations.map((p) => (counts ? Math.ceil(p) : p));
  const total = N.reduce((a, v) => a + v, 0);
  let cum = 0;
  const x = N.map((v) => {
    const r = (cum + v / 2) / total;
    cum += v;
    return r;
  });
  return { x, m: N.map((v) => (v / total) * v) };
}

/**
 * HEAT's logit fit at estimates `ys` (on the indicator scale, not rounded to counts: the smooth
 * fit, for simulation draws): SII = scale (p1 - p0), RII = p1 / p0. NaN when the fit fails
 * (a draw of all zeros has no logit line).
 */
export function heatLogitAt(
  design: HeatLogitDesign,
  ys: readonly number[],
  scale: number,
  start?: readonly [number, number],
): { sii: number; rii: number; coefficients: [number, number] | null } {
  try {
    const fit = fitWeightedLogit(
      design.x,
      ys.map((v) => v / scale),
      design.m,
      start,
    );
    const [b0, b1] = fit.coefficients;
    const p0 = expit(b0);
    const p1 = expit(b0 + b1);
    return { sii: scale * (p1 - p0), rii: p1 / p0, coefficients: fit.coefficients };
  } catch {
    return { sii: Number.NaN, rii: Number.NaN, coefficients: null };
  }
}

const fitScratch = new Float64Array(2);

/**
 * heatLogitAt's SII and RII with the estimates already divided by `scale` (a simulation's
 * scratch row), written into out[0] and out[1] (NaN when the fit fails); allocates nothing.
 */
export function heatLogitEndsScaled(
  design: HeatLogitDesign,
  scaled: ArrayLike<number>,
  scale: number,
  start: readonly [number, number] | undefined,
  out: Float64Array,
): void {
  if (irls(design.x, scaled, design.m, start, fitScratch) < 0) {
    out[0] = Number.NaN;
    out[1] = Number.NaN;
    return;
  }
  const b0 = fitScratch[0] as number;
  const b1 = fitScratch[1] as number;
  const p0 = expit(b0);
  const p1 = expit(b0 + b1);
  out[0] = scale * (p1 - p0);
  out[1] = p1 / p0;
}

/** R's round(): half to even (IEC 60559), as HEAT's count rounding uses it. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export interface HeatSiiAnalytic {
  sii: { value: number; lower: number; upper: number };
  rii: { value: number; lower: number; upper: number };
  /** false when HEAT would return NA (a count outside [0, population]). */
  ok: boolean;
  /** Whether counts were rounded as in HEAT (populations are counts), or used as given. */
  rounded: boolean;
}

/**
 * HEAT's SII and RII with its analytic intervals (HEAT-Measures calc_sii / calc_rii):
 * populations are ceiled and events rounded, N_j = ceil(pop_j), e_j = round(y_j / scale * N_j);
 * glm(cbind(e, N - e) ~ X, binomial, weights = N), i.e. case weights N_j^2 on the proportions;
 * SII = pi(1) - pi(0), RII = pi(1)/pi(0); standard errors by the delta method with the HC1
 * sandwich covariance, V = n/(n-2) I^-1 (sum_j psi_j psi_j^T) I^-1 with score
 * psi_j = m_j (y_j - pi_j)(1, X_j) and information I = sum_j m_j pi_j (1 - pi_j)(1, X_j)(1, X_j)^T;
 * SII interval normal on the indicator scale, RII interval exp(ln RII -/+ z se(ln RII)).
 * When the populations are shares (all below 1), rounding would destroy the data, so the
 * proportions are used unrounded.
 */
export function heatLogitSiiAnalytic(
  groups: readonly HeatSiiGroup[],
  scale: number,
  z: number,
): HeatSiiAnalytic {
  const n = groups.length;
  let rounded = true;
  for (const g of groups) if (!(g.population >= 1)) rounded = false;
  // Loops over plain arrays and no closures: this runs for every ordered cell of the monitor.
  const x = new Array<number>(n);
  const y = new Array<number>(n);
  const m = new Array<number>(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const N = (groups[j] as HeatSiiGroup).population;
    m[j] = rounded ? Math.ceil(N) : N;
    total += m[j] as number;
  }
  let ok = true;
  let cum = 0;
  for (let j = 0; j < n; j++) {
    const g = groups[j] as HeatSiiGroup;
    const N = m[j] as number;
    const raw = (g.estimate / scale) * N;
    const events = rounded ? roundHalfEven(raw) : raw;
    if (events < 0 || events > N) ok = false;
    y[j] = events / N;
    x[j] = (cum + N / 2) / total; // relative rank
    cum += N;
    m[j] = (N / total) * N; // N^2 up to a constant, which cancels
  }
  if (!ok) {
    const nan = { value: Number.NaN, lower: Number.NaN, upper: Number.NaN };
    return { sii: nan, rii: { ...nan }, ok, rounded };
  }
  const [b0, b1] = fitWeightedLogit(x, y, m).coefficients;
  let i00 = 0;
  let i01 = 0;
  let i11 = 0;
  let s00 = 0;
  let s01 = 0;
  let s11 = 0;
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    const mj = m[j] as number;
    const pi = expit(b0 + b1 * xj);
    const v = mj * pi * (1 - pi);
    i00 += v;
    i01 += v * xj;
    i11 += v * xj * xj;
    const r = mj * ((y[j] as number) - pi);
    s00 += r * r;
    s01 += r * r * xj;
    s11 += r * r * xj * xj;
  }
  const det = i00 * i11 - i01 * i01;
  // I^-1 = [[a, b], [b, d]]
  const a = i11 / det;
  const b = -i01 / det;
  const d = i00 / det;
  const hc1 = n / (n - 2);
  // V = hc1 * A S A with A = I^-1, S = [[s00, s01], [s01, s11]]
  const as00 = a * s00 + b * s01;
  const as01 = a * s01 + b * s11;
  const as10 = b * s00 + d * s01;
  const as11 = b * s01 + d * s11;
  const v00 = hc1 * (as00 * a + as01 * b);
  const v01 = hc1 * (as00 * b + as01 * d);
  const v11 = hc1 * (as10 * b + as11 * d);
  const p0 = expit(b0);
  const p1 = expit(b0 + b1);
  const sii = p1 - p0;
  // delta method: var(g) = g' V g
  const g0 = p1 * (1 - p1) - p0 * (1 - p0);
  const g1 = p1 * (1 - p1);
  const seSii = Math.sqrt(g0 * g0 * v00 + 2 * g0 * g1 * v01 + g1 * g1 * v11);
  const lnRii = Math.log(p1 / p0);
  const h0 = p0 - p1;
  const h1 = 1 - p1;
  const seLn = Math.sqrt(h0 * h0 * v00 + 2 * h0 * h1 * v01 + h1 * h1 * v11);
  return {
    sii: { value: scale * sii, lower: scale * (sii - z * seSii), upper: scale * (sii + z * seSii) },
    rii: { value: p1 / p0, lower: Math.exp(lnRii - z * seLn), upper: Math.exp(lnRii + z * seLn) },
    ok,
    rounded,
  };
}
