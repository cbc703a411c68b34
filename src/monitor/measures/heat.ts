/**
 * WHO HEAT's summary measures of inequality as pure functions of one setting x date x
 * indicator x dimension, following HEAT's own implementation (WHOequity/HEAT-Measures, the
 * engine of HEAT and HEAT Plus, and WHO's healthequal R package) where the technical notes
 * leave a choice open.
 *
 * Notation: subgroup estimates y_j, standard errors s_j, population shares p_j = N_j / sum N,
 * n subgroups, mu = sum_j p_j y_j (HEAT uses the population-weighted mean whenever every
 * population is known, "github 903"; the reported setting average is only its fallback, so it
 * is not used here), ordered dimensions sorted by `order` (1 = most disadvantaged) with
 * relative ranks X_j = sum_{k<j} p_k + p_j / 2. z = Phi^-1(1 - alpha/2).
 *
 * Conventions settled against HEAT's code:
 * - D and R: ordered: most advantaged vs most disadvantaged (favourable) or the reverse
 *   (adverse); non-ordered without a reference: highest vs lowest; non-ordered with a
 *   reference subgroup: favourable: reference vs the lowest other subgroup, adverse: the
 *   highest other subgroup vs the reference.
 * - MDBU/MDRU divide by n (all subgroups, the best/reference one contributing 0).
 * - TI and MLD are reported x1000 (HEAT, "git 374"); a zero estimate is replaced by 1e-6.
 * - PAF/PAR: y_ref = the reference subgroup when one is flagged, else the most advantaged
 *   (ordered) or the best subgroup (non-ordered); set to 0 when the sign is wrong, with the
 *   interval kept around 0 as HEAT does.
 * - SII/RII: binomial logit GLM on rounded counts with population prior weights (N^2).
 *
 * Interval methods (each result's `method` names its own):
 * - analytic: D, R (log scale), ACI and RCI (HEAT's convenient regression: OLS of
 *   2 sigma^2 (y_j/mu) sqrt(N_j) on R_j sqrt(N_j) and sqrt(N_j), model-based SE), BGV, TI,
 *   MLD (delta method, Ahn et al. 2018), PAF and PAR (Walter 1978), SII and RII (HC1
 *   sandwich + delta method).
 * - simulation for BGSD, COV, MDMU, MDMW, MDBU, MDBW, MDRU, MDRW, IDISU, IDISW, for which the
 *   notes give no variance: every y_j drawn from N(y_j, s_j^2) truncated to [0, 100] for a
 *   percentage and to [0, inf) otherwise (as HEAT), the measure recomputed with mu held at its
 *   point value (as HEAT), 2.5% / 97.5% centiles; all simulated measures share one set of draws.
 * - HEAT's code applies the unscaled standard error of TI, MLD (x1000) and PAF (x100) to the
 *   scaled value; by default we scale the standard error with the value (a coherent
 *   interval), `heatCodeScaling: true` reproduces HEAT's code.
 */
import { zForLevel } from './normal.ts';
import {
  heatLogitAt,
  heatLogitEndsScaled,
  heatLogitDesign,
  heatLogitSiiAnalytic,
  relativeRanks,
  weightedLine,
} from './sii.ts';
import { drawMatrix, levelFraction, percentileInterval } from './simulate.ts';
import type { IntervalBasis, MeasureCode, MeasureResult, Setting, Subgroup } from './types.ts';

export interface HeatOptions {
  /** Confidence level, 0.95 (default) or 95. */
  level?: number;
  /** Replicates for simulation intervals; default 2000 (HEAT uses 100). */
  repetitions?: number;
  /** PRNG seed for simulation intervals; default 1. */
  seed?: number;
  /** HEAT reports TI and MLD multiplied by 1000 for readability; default 1000. */
  theilScale?: number;
  /** SII/RII convention for ordered dimensions; default 'heat-logit'. */
  siiConvention?: 'heat-logit' | 'phe-wls';
  /** Compute only these measures (those applicable to the dimension type); default all. */
  measures?: readonly MeasureCode[];
  /** Reproduce HEAT's code: unscaled SE on TI/MLD (x1000) and PAF (x100). Default false. */
  heatCodeScaling?: boolean;
  /**
   * Intervals of ACI, RCI and HEAT's SII/RII. 'model' is HEAT's own (ACI/RCI: the convenient
   * regression's model-based SE; SII/RII: the logit GLM's HC1 sandwich): it takes the population
   * counts as the sample, so the subgroups' standard errors never enter and a survey of 1,600
   * gets the interval of a census. 'subgroup-se' draws every subgroup estimate within its own
   * standard error (HEAT's simulation method) and recomputes the measure, mu included, so the
   * interval carries the survey's sampling error. Default 'model' (WHO's numbers); the monitor's
   * pages choose through measures/method.ts.
   */
  orderedIntervals?: 'model' | 'subgroup-se';
}

export const ORDERED_MEASURES: readonly MeasureCode[] = [
  'D',
  'R',
  'ACI',
  'RCI',
  'SII',
  'RII',
  'PAF',
  'PAR',
];
export const NON_ORDERED_MEASURES: readonly MeasureCode[] = [
  'D',
  'R',
  'BGV',
  'BGSD',
  'COV',
  'MDMU',
  'MDMW',
  'MDBU',
  'MDBW',
  'MDRU',
  'MDRW',
  'IDISU',
  'IDISW',
  'TI',
  'MLD',
  'PAF',
  'PAR',
];

/** A setting prepared for computation: subgroups in analysis order with shares. */
export interface Prepared {
  setting: Setting;
  /** Ordered dimensions: sorted by `order` (most disadvantaged first); otherwise input order. */
  groups: Subgroup[];
  y: number[];
  s: number[];
  p: number[];
  /** Relative ranks (ordered dimensions; computed for any order). */
  x: number[];
  /** Index of the flagged reference subgroup, or -1. */
  refIndex: number;
  /** Population-weighted mean sum_j p_j y_j. */
  mu: number;
}

export function prepare(setting: Setting): Prepared {
  const n = setting.subgroups.length;
  if (n < 2) throw new Error('HEAT measures need at least two subgroups');
  if (!(setting.scale > 0)) throw new Error('indicator scale must be positive');
  for (const g of setting.subgroups) {
    if (!Number.isFinite(g.estimate)) throw new Error(`subgroup "${g.name}": estimate is missing`);
    if (!(g.se >= 0))
      throw new Error(`subgroup "${g.name}": standard error must be zero or positive`);
    if (!(g.population > 0)) throw new Error(`subgroup "${g.name}": population must be positive`);
  }
  let groups = [...setting.subgroups];
  if (setting.ordered) {
    const orders = groups.map((g) => g.order);
    if (orders.some((o) => typeof o !== 'number' || !Number.isFinite(o))) {
      throw new Error('ordered dimension: every subgroup needs an order (1 = most disadvantaged)');
    }
    if (new Set(orders).size !== n)
      throw new Error('ordered dimension: subgroup orders must be distinct');
    groups = groups.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }
  let refs = 0;
  let total = 0;
  for (const g of groups) {
    if (g.reference === true) refs++;
    total += g.population;
  }
  if (refs > 1) throw new Error('at most one reference subgroup');
  const p = groups.map((g) => g.population / total);
  const y = groups.map((g) => g.estimate);
  let mu = 0;
  for (let j = 0; j < n; j++) mu += (p[j] as number) * (y[j] as number);
  return {
    setting,
    groups,
    y,
    s: groups.map((g) => g.se),
    p,
    x: relativeRanks(p),
    refIndex: groups.findIndex((g) => g.reference === true),
    mu,
  };
}

const at = (a: readonly number[], i: number): number => a[i] ?? Number.NaN;

function argBest(ys: readonly number[], favourable: boolean): number {
  let best = 0;
  for (let j = 1; j < ys.length; j++) {
    if (favourable ? at(ys, j) > at(ys, best) : at(ys, j) < at(ys, best)) best = j;
  }
  return best;
}

/** Index of the lowest (or highest) estimate, skipping `skip`. */
function argExtreme(ys: readonly number[], highest: boolean, skip: number): number {
  let k = -1;
  for (let j = 0; j < ys.length; j++) {
    if (j === skip) continue;
    if (k < 0 || (highest ? at(ys, j) > at(ys, k) : at(ys, j) < at(ys, k))) k = j;
  }
  return k;
}

/**
 * The pair D and R compare, as [a, b] with D = y_a - y_b and R = y_a / y_b (HEAT's rules):
 * - ordered, favourable: a = most advantaged, b = most disadvantaged;
 * - ordered, adverse:    a = most disadvantaged, b = most advantaged;
 * - non-ordered with a reference subgroup: favourable: a = reference, b = lowest other
 *   subgroup; adverse: a = highest other subgroup, b = reference;
 * - non-ordered otherwise: a = highest estimate, b = lowest estimate.
 */
export function pairFor(prep: Prepared): { a: number; b: number; rule: string } {
  const n = prep.y.length;
  const fav = prep.setting.favourable;
  if (prep.setting.ordered) {
    return fav
      ? { a: n - 1, b: 0, rule: 'most advantaged - most disadvantaged (favourable)' }
      : { a: 0, b: n - 1, rule: 'most disadvantaged - most advantaged (adverse)' };
  }
  if (prep.refIndex >= 0) {
    const r = prep.refIndex;
    return fav
      ? {
          a: r,
          b: argExtreme(prep.y, false, r),
          rule: 'reference - lowest other subgroup (favourable)',
        }
      : {
          a: argExtreme(prep.y, true, r),
          b: r,
          rule: 'highest other subgroup - reference (adverse)',
        };
  }
  return {
    a: argExtreme(prep.y, true, -1),
    b: argExtreme(prep.y, false, -1),
    rule: 'highest - lowest',
  };
}

/** Index of y_ref for PAF/PAR: reference subgroup, else most advantaged (ordered) or best. */
function parRefIndex(prep: Prepared): number {
  if (prep.refIndex >= 0) return prep.refIndex;
  return prep.setting.ordered ? prep.y.length - 1 : argBest(prep.y, prep.setting.favourable);
}

/** TI and MLD work on estimates with zeros replaced by 1e-6 (HEAT). */
const nonZero = (v: number): number => (v === 0 ? 0.000001 : v);

/** MD from a target t: unweighted (1/n) sum |y_j - t|, weighted sum p_j |y_j - t|. */
function meanDifference(
  p: readonly number[],
  ys: readonly number[],
  t: number,
  weighted: boolean,
): number {
  let s = 0;
  for (let j = 0; j < ys.length; j++) s += (weighted ? at(p, j) : 1) * Math.abs(at(ys, j) - t);
  return weighted ? s : s / ys.length;
}

/** Measures whose intervals are simulated (HEAT's notes give them no variance). */
export type SimulatedCode =
  'BGSD' | 'COV' | 'MDMU' | 'MDMW' | 'MDBU' | 'MDBW' | 'MDRU' | 'MDRW' | 'IDISU' | 'IDISW';

/**
 * Value of a simulated measure at estimates `ys` (the point estimates or one simulated draw).
 * mu is held at its point value, as HEAT's simulation does; the best subgroup is recomputed per
 * draw. A switch, not a table of closures, so that 100,000 cells allocate nothing here.
 */
export function simulatedValue(code: SimulatedCode, prep: Prepared, ys: readonly number[]): number {
  const { p, mu } = prep;
  const n = ys.length;
  switch (code) {
    case 'BGSD':
    case 'COV': {
      let v = 0;
      for (let j = 0; j < n; j++) v += at(p, j) * (at(ys, j) - mu) ** 2;
      // COV = BGSD / mu * 100
      return code === 'BGSD' ? Math.sqrt(v) : (Math.sqrt(v) / mu) * 100;
    }
    case 'MDMU':
      return meanDifference(p, ys, mu, false);
    case 'MDMW':
      return meanDifference(p, ys, mu, true);
    // best = highest estimate (favourable) or lowest (adverse)
    case 'MDBU':
      return meanDifference(p, ys, at(ys, argBest(ys, prep.setting.favourable)), false);
    case 'MDBW':
      return meanDifference(p, ys, at(ys, argBest(ys, prep.setting.favourable)), true);
    case 'MDRU':
      return meanDifference(p, ys, at(ys, prep.refIndex), false);
    case 'MDRW':
      return meanDifference(p, ys, at(ys, prep.refIndex), true);
    // IDIS = MDM / mu * 100
    case 'IDISU':
      return (meanDifference(p, ys, mu, false) / mu) * 100;
    case 'IDISW':
      return (meanDifference(p, ys, mu, true) / mu) * 100;
  }
}

/** meanDifference over the draw at m[off, off + n). */
function meanDifferenceAt(
  p: readonly number[],
  m: Float64Array,
  off: number,
  n: number,
  t: number,
  weighted: boolean,
): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += (weighted ? at(p, j) : 1) * Math.abs((m[off + j] as number) - t);
  return weighted ? s : s / n;
}

function argBestAt(m: Float64Array, off: number, n: number, favourable: boolean): number {
  let best = 0;
  for (let j = 1; j < n; j++) {
    const v = m[off + j] as number;
    const b = m[off + best] as number;
    if (favourable ? v > b : v < b) best = j;
  }
  return best;
}

/**
 * simulatedValue on one row of a draw matrix (m[off, off + n)), with the same arithmetic, so the
 * simulation loops call no closure and allocate nothing per draw.
 */
function simulatedValueAt(
  code: SimulatedCode,
  prep: Prepared,
  m: Float64Array,
  off: number,
): number {
  const { p, mu } = prep;
  const n = prep.y.length;
  const fav = prep.setting.favourable;
  switch (code) {
    case 'BGSD':
    case 'COV': {
      let v = 0;
      for (let j = 0; j < n; j++) v += at(p, j) * ((m[off + j] as number) - mu) ** 2;
      return code === 'BGSD' ? Math.sqrt(v) : (Math.sqrt(v) / mu) * 100;
    }
    case 'MDMU':
      return meanDifferenceAt(p, m, off, n, mu, false);
    case 'MDMW':
      return meanDifferenceAt(p, m, off, n, mu, true);
    case 'MDBU':
      return meanDifferenceAt(p, m, off, n, m[off + argBestAt(m, off, n, fav)] as number, false);
    case 'MDBW':
      return meanDifferenceAt(p, m, off, n, m[off + argBestAt(m, off, n, fav)] as number, true);
    case 'MDRU':
      return meanDifferenceAt(p, m, off, n, m[off + prep.refIndex] ?? Number.NaN, false);
    case 'MDRW':
      return meanDifferenceAt(p, m, off, n, m[off + prep.refIndex] ?? Number.NaN, true);
    case 'IDISU':
      return (meanDifferenceAt(p, m, off, n, mu, false) / mu) * 100;
    case 'IDISW':
      return (meanDifferenceAt(p, m, off, n, mu, true) / mu) * 100;
  }
}

// Scratch buffers of the simulations (synchronous, so one set is enough): the draw matrix and
// the replicates of up to 10 measures, grown on demand.
let drawScratch = new Float64Array(0);
let valueScratch = new Float64Array(0);
function scratchFor(k: number, reps: number): Float64Array {
  if (valueScratch.length < k * reps) valueScratch = new Float64Array(k * reps);
  return valueScratch;
}
function drawsFor(prep: Prepared, hi: number, reps: number, seed: number): Float64Array {
  const need = reps * prep.y.length;
  if (drawScratch.length < need)
    drawScratch = new Float64Array(Math.max(need, 2 * drawScratch.length));
  return drawMatrix(prep.y, prep.s, 0, hi, reps, seed, drawScratch);
}

/**
 * HEAT's convenient regression for the concentration indices (HEAT-Measures calc_rci /
 * calc_aci; O'Donnell et al. 2008): OLS of lhs_j = 2 sigma^2 (y_j / mu) sqrt(N_j) on
 * X_j sqrt(N_j) and sqrt(N_j) without a constant, sigma^2 = sum_j p_j (X_j - 1/2)^2. The slope
 * is RCI = ACI / mu; its model-based variance reduces to
 * var(RCI) = [sum_j p_j e_j^2 / (n - 2)] / sigma^2, e_j the residuals of 2 sigma^2 y_j / mu on
 * X_j weighted by p_j; ACI = mu RCI with se(ACI) = mu se(RCI).
 */
export function concentrationIndex(prep: Prepared): { rci: number; seRci: number } {
  const { p, x, y, mu } = prep;
  const n = y.length;
  let sigma2 = 0;
  let aci = 0;
  for (let j = 0; j < n; j++) {
    sigma2 += at(p, j) * (at(x, j) - 0.5) ** 2;
    aci += at(p, j) * (2 * at(x, j) - 1) * at(y, j);
  }
  const rci = aci / mu;
  // weighted mean of lhs' = 2 sigma^2 y / mu is 2 sigma^2; mean rank is 1/2
  const intercept = 2 * sigma2 - rci * 0.5;
  let rss = 0;
  for (let j = 0; j < n; j++) {
    const e = (2 * sigma2 * at(y, j)) / mu - intercept - rci * at(x, j);
    rss += at(p, j) * e * e;
  }
  return { rci, seRci: Math.sqrt(rss / (n - 2) / sigma2) };
}

function normalResult(
  z: number,
  code: MeasureCode,
  value: number,
  se: number,
  method: string,
  interval: IntervalBasis = 'analytic',
): MeasureResult {
  return { code, value, lower: value - z * se, upper: value + z * se, method, interval };
}

function wrongSign(v: number): string {
  return v === 0 ? '; wrong sign: set to 0 (HEAT rule)' : '';
}

/**
 * Walter (1978) standard error of the attributable fraction, on HEAT's counts
 * c = y_ref/scale N_ref, d = N_ref - c, a = mu/scale sum N - c, b = sum N - a - N_ref;
 * PAR = y_ref - mu, 0 when its sign is wrong.
 */
function walter(prep: Prepared): { ref: number; par: number; se: number } {
  const { y, mu, setting } = prep;
  const ref = parRefIndex(prep);
  const yRef = at(y, ref);
  let total = 0;
  for (const g of prep.groups) total += g.population;
  const nRef = prep.groups[ref]?.population ?? Number.NaN;
  const c = (yRef / setting.scale) * nRef;
  const d = nRef - c;
  const a = (mu / setting.scale) * total - c;
  const b = total - a - nRef;
  const N = a + b + c + d;
  const se = Math.sqrt((c * N * (a * d * (N - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3));
  const raw = yRef - mu;
  const fav = setting.favourable;
  return { ref, par: (fav && raw < 0) || (!fav && raw > 0) ? 0 : raw, se };
}

interface SiiContext {
  prep: Prepared;
  z: number;
  reps: number;
  seed: number;
  level: number;
  convention: 'heat-logit' | 'phe-wls';
}

function pheSlope(x: readonly number[], ys: readonly number[], p: readonly number[]): number {
  return weightedLine(x, ys, p).slope;
}

function pheRatio(x: readonly number[], ys: readonly number[], p: readonly number[]): number {
  const l = weightedLine(x, ys, p);
  return (l.intercept + l.slope) / l.intercept;
}

function siiResults(ctx: SiiContext): { sii: MeasureResult; rii: MeasureResult } {
  const { prep, z, reps, seed, level } = ctx;
  const { setting, x, y, p } = prep;
  if (ctx.convention === 'heat-logit') {
    const r = heatLogitSiiAnalytic(prep.groups, setting.scale, z);
    const method = `heat-logit: binomial logit GLM on ${r.rounded ? 'rounded counts round(y/scale ceil(N))' : 'proportions (population shares given)'}, prior weights N (N^2 in all); analytic: delta method with HC1 sandwich covariance${r.ok ? '' : '; not computable (count outside [0, N])'}`;
    return {
      sii: { code: 'SII', ...r.sii, method: `${method}, normal interval`, interval: 'heat-model' },
      rii: {
        code: 'RII',
        ...r.rii,
        method: `${method}, interval on the log scale`,
        interval: 'heat-model',
      },
    };
  }
  // phe-wls: WLS of y on X with weights p; SII = fitted(1) - fitted(0), RII = fitted(1) / fitted(0)
  const cis: { lower: number; upper: number }[] = [];
  if (reps > 0) {
    const n = y.length;
    const m = drawsFor(prep, setting.scale, reps, seed);
    const vals = scratchFor(2, reps);
    const row = new Array<number>(n).fill(0);
    let cs = 0;
    let cr = 0;
    for (let r = 0; r < reps; r++) {
      for (let j = 0; j < n; j++) row[j] = m[r * n + j] as number;
      const l = weightedLine(x, row, p);
      const vs = l.slope;
      const vr = (l.intercept + l.slope) / l.intercept;
      if (Number.isFinite(vs)) vals[cs++] = vs;
      if (Number.isFinite(vr)) vals[reps + cr++] = vr;
    }
    const lv = levelFraction(level);
    cis.push(percentileInterval(vals, cs, lv), percentileInterval(vals.subarray(reps), cr, lv));
  }
  const method = `phe-wls: WLS of y on relative rank, weights p_j; ${reps > 0 ? `CI by Monte Carlo over the subgroups' SEs (${reps} truncated-normal reps in [0, ${setting.scale}], seed ${seed})` : 'no interval (simulation off: repetitions 0)'}`;
  const interval: IntervalBasis = reps > 0 ? 'monte-carlo' : 'none';
  return {
    sii: {
      code: 'SII',
      value: pheSlope(x, y, p),
      lower: cis[0]?.lower ?? NaN,
      upper: cis[0]?.upper ?? NaN,
      method,
      interval,
    },
    rii: {
      code: 'RII',
      value: pheRatio(x, y, p),
      lower: cis[1]?.lower ?? NaN,
      upper: cis[1]?.upper ?? NaN,
      method,
      interval,
    },
  };
}

/** Every applicable HEAT measure (or `opts.measures`), with intervals and the method used. */
export function computeAll(setting: Setting, opts: HeatOptions = {}): MeasureResult[] {
  const prep = prepare(setting);
  const level = opts.level ?? 0.95;
  const z = zForLevel(level);
  const reps = opts.repetitions ?? 2000;
  const seed = opts.seed ?? 1;
  const theil = opts.theilScale ?? 1000;
  const heatCode = opts.heatCodeScaling ?? false;
  const all = setting.ordered ? ORDERED_MEASURES : NON_ORDERED_MEASURES;
  const wanted = opts.measures ? new Set(opts.measures) : undefined;
  const codes = wanted ? all.filter((c) => wanted.has(c)) : all;
  const { y, s, p, mu } = prep;
  const n = y.length;
  const pair = pairFor(prep);
  const out: MeasureResult[] = [];
  let sii: { sii: MeasureResult; rii: MeasureResult } | undefined;
  const ctx: SiiContext = {
    prep,
    z,
    reps,
    seed,
    level,
    convention: opts.siiConvention ?? 'heat-logit',
  };

  const simCodes: SimulatedCode[] = [];
  const bySubgroupSe = opts.orderedIntervals === 'subgroup-se';
  const orderedSim: OrderedSimCode[] = [];
  for (const code of codes) {
    switch (code) {
      case 'D': {
        // var(D) = s_a^2 + s_b^2
        const se = Math.hypot(at(s, pair.a), at(s, pair.b));
        out.push(
          normalResult(
            z,
            code,
            at(y, pair.a) - at(y, pair.b),
            se,
            `${pair.rule}; analytic: var(D) = s1^2 + s2^2`,
          ),
        );
        break;
      }
      case 'R': {
        // HEAT: se(R) = sqrt((s_a^2 + R^2 s_b^2) / y_b^2); interval exp(ln R -/+ z se(R)/R)
        const r = at(y, pair.a) / at(y, pair.b);
        const seLog =
          Math.sqrt((at(s, pair.a) ** 2 + r * r * at(s, pair.b) ** 2) / at(y, pair.b) ** 2) / r;
        out.push({
          code,
          value: r,
          lower: Math.exp(Math.log(r) - z * seLog),
          upper: Math.exp(Math.log(r) + z * seLog),
          method: `${pair.rule}; analytic on the log scale: var(ln R) = s1^2/y1^2 + s2^2/y2^2`,
          interval: 'analytic',
        });
        break;
      }
      case 'ACI':
      case 'RCI': {
        const { rci, seRci } = concentrationIndex(prep);
        const formula =
          code === 'RCI' ? 'ACI/mu, mu = population-weighted mean' : 'sum p_j (2X_j - 1) y_j';
        if (bySubgroupSe) {
          const value = code === 'RCI' ? rci : rci * mu;
          out.push({ code, value, lower: NaN, upper: NaN, method: formula, interval: 'none' });
          orderedSim.push(code);
          break;
        }
        const note =
          'HEAT convenient regression (OLS of 2 sigma^2 (y/mu) sqrt(N) on X sqrt(N) and sqrt(N)); analytic: model-based SE (HEAT; population counts taken as the sample)';
        out.push(
          code === 'RCI'
            ? normalResult(z, code, rci, seRci, `${formula}; ${note}`, 'heat-model')
            : normalResult(z, code, rci * mu, seRci * mu, `${formula}; ${note}`, 'heat-model'),
        );
        break;
      }
      case 'SII':
      case 'RII': {
        const r = (sii ??= siiResults(ctx));
        const result = code === 'SII' ? r.sii : r.rii;
        if (bySubgroupSe && ctx.convention === 'heat-logit') {
          // HEAT's point value (rounded counts); the interval from the subgroups' SEs below.
          out.push({
            code: result.code,
            value: result.value,
            lower: NaN,
            upper: NaN,
            method: `heat-logit: binomial logit GLM on rounded counts, prior weights N (N^2 in all), as HEAT`,
            interval: 'none',
          });
          orderedSim.push(code);
        } else out.push(result);
        break;
      }
      case 'BGV': {
        // Ahn et al. (2018), as HEAT: var = 4 sum p^2 s^2 (y - mu)^2
        //   + 2 [(sum p^2 s^2)^2 - sum p^4 s^4 + sum p^2 (1 - p)^2 s^4]
        let value = 0;
        let t1 = 0;
        let s2 = 0;
        let s4 = 0;
        let t4 = 0;
        for (let j = 0; j < n; j++) {
          const pj = at(p, j);
          const v = at(s, j) ** 2;
          const dev = at(y, j) - mu;
          value += pj * dev * dev;
          t1 += pj * pj * v * dev * dev;
          s2 += pj * pj * v;
          s4 += pj ** 4 * v * v;
          t4 += pj * pj * (1 - pj) ** 2 * v * v;
        }
        const se = Math.sqrt(4 * t1 + 2 * (s2 * s2 - s4 + t4));
        out.push(
          normalResult(
            z,
            code,
            value,
            se,
            'sum p_j (y_j - mu)^2; analytic (Ahn et al. 2018, as HEAT)',
          ),
        );
        break;
      }
      case 'TI':
      case 'MLD': {
        let ti = 0;
        let mld = 0;
        let su = 0;
        for (let j = 0; j < n; j++) {
          const r = nonZero(at(y, j)) / mu;
          ti += at(p, j) * r * Math.log(r);
          mld -= at(p, j) * Math.log(r);
          su += at(p, j) * r * (1 + Math.log(r));
        }
        // delta method: TI: sum (1 + ln r_j - sum_k p_k r_k (1 + ln r_k))^2 p_j^2 s_j^2 / mu^2;
        // MLD: sum p_j^2 s_j^2 / mu^2 (1 - 1/r_j)^2
        let v = 0;
        for (let j = 0; j < n; j++) {
          const r = nonZero(at(y, j)) / mu;
          const g = code === 'TI' ? 1 + Math.log(r) - su : 1 - 1 / r;
          v += (g * g * at(p, j) ** 2 * at(s, j) ** 2) / (mu * mu);
        }
        const se = Math.sqrt(v) * (heatCode ? 1 : theil);
        const formula = code === 'TI' ? 'sum p_j r_j ln r_j' : 'sum p_j (-ln r_j)';
        const scaling = heatCode
          ? "HEAT's code: unscaled SE on the scaled value"
          : 'SE scaled with the value';
        out.push(
          normalResult(
            z,
            code,
            theil * (code === 'TI' ? ti : mld),
            se,
            `${formula} x ${theil}, r_j = y_j/mu; analytic: delta method (Ahn et al. 2018, as HEAT), ${scaling}`,
          ),
        );
        break;
      }
      case 'PAF': {
        const w = walter(prep);
        const se = w.se * (heatCode ? 1 : 100);
        const scaling = heatCode
          ? "HEAT's code: unscaled SE on the x100 value"
          : 'SE x100 with the value';
        out.push(
          normalResult(
            z,
            code,
            (w.par / mu) * 100,
            se,
            `(y_ref - mu)/mu x 100${wrongSign(w.par)}; analytic: Walter (1978) as HEAT, ${scaling}`,
          ),
        );
        break;
      }
      case 'PAR': {
        // HEAT: se(PAR) = mu se(PAF) with Walter's SE of the attributable fraction
        const w = walter(prep);
        out.push(
          normalResult(
            z,
            code,
            w.par,
            mu * w.se,
            `y_ref - mu${wrongSign(w.par)}; analytic: mu x Walter (1978) SE, as HEAT`,
          ),
        );
        break;
      }
      case 'BGSD':
      case 'COV':
      case 'MDMU':
      case 'MDMW':
      case 'MDBU':
      case 'MDBW':
      case 'MDRU':
      case 'MDRW':
      case 'IDISU':
      case 'IDISW':
        // MDRU/MDRW are not applicable without a reference subgroup: dropped below
        if ((code !== 'MDRU' && code !== 'MDRW') || prep.refIndex >= 0) simCodes.push(code);
        out.push({
          code,
          value: Number.NaN,
          lower: Number.NaN,
          upper: Number.NaN,
          method: '',
          interval: 'none',
        });
    }
  }
  if (simCodes.length > 0) {
    // HEAT truncates draws to [0, 100] for percentages, at 0 only otherwise
    const hi = setting.scale === 100 ? 100 : Number.POSITIVE_INFINITY;
    const cis: { lower: number; upper: number }[] = [];
    if (reps > 0) {
      const k = simCodes.length;
      const m = drawsFor(prep, hi, reps, seed);
      const vals = scratchFor(k, reps);
      const lv = levelFraction(level);
      for (let c = 0; c < k; c++) {
        const code = simCodes[c] as SimulatedCode;
        const base = c * reps;
        let count = 0;
        for (let r = 0; r < reps; r++) {
          const v = simulatedValueAt(code, prep, m, r * n);
          if (Number.isFinite(v)) vals[base + count++] = v;
        }
        cis.push(percentileInterval(vals.subarray(base), count, lv));
      }
    }
    const label =
      reps > 0
        ? `CI by simulation (${reps} truncated-normal reps in [0, ${hi === 100 ? 100 : 'inf'}), seed ${seed}; mu fixed, as HEAT)`
        : 'no interval (simulation off: repetitions 0)';
    for (let i = 0, k = 0; i < out.length && k < simCodes.length; i++) {
      const c = simCodes[k] as SimulatedCode;
      if (out[i]?.code !== c) continue;
      out[i] = {
        code: c,
        value: simulatedValue(c, prep, y),
        lower: cis[k]?.lower ?? Number.NaN,
        upper: cis[k]?.upper ?? Number.NaN,
        method: `${SIM_NOTES[c]}; ${label}`,
        interval: reps > 0 ? 'simulation' : 'none',
      };
      k++;
    }
  }
  if (orderedSim.length > 0) fillOrderedSimulation(out, orderedSim, prep, { reps, seed, level });
  // MDRU/MDRW without a reference subgroup are not applicable
  return out.filter((m) => m.method !== '');
}

type OrderedSimCode = 'ACI' | 'RCI' | 'SII' | 'RII';

/**
 * ACI, RCI and HEAT's SII/RII with intervals from the subgroups' own standard errors: every
 * y_j drawn from N(y_j, s_j^2) truncated to the indicator's range (as HEAT's simulation), the
 * measure recomputed from the draw (mu too: it is estimated from the same subgroups; the logit
 * line refitted, warm-started at the point fit), 2.5 % and 97.5 % centiles. One set of draws for
 * all four. Replaces the placeholders computeAll pushed for `codes`.
 */
function fillOrderedSimulation(
  out: MeasureResult[],
  codes: readonly OrderedSimCode[],
  prep: Prepared,
  o: { reps: number; seed: number; level: number },
): void {
  const { p, x, y, setting } = prep;
  const n = y.length;
  const weights = new Array<number>(n);
  for (let j = 0; j < n; j++) weights[j] = at(p, j) * (2 * at(x, j) - 1);
  const design = heatLogitDesign(prep.groups.map((g) => g.population));
  const start = heatLogitAt(design, y, setting.scale).coefficients ?? undefined;
  const hi = setting.scale === 100 ? 100 : Number.POSITIVE_INFINITY;
  const cis: { lower: number; upper: number }[] = [];
  if (o.reps > 0) {
    // One matrix of draws, one logit fit per draw for SII and RII together; plain loops.
    const reps = o.reps;
    const k = codes.length;
    const m = drawsFor(prep, hi, reps, o.seed);
    const vals = scratchFor(k, reps);
    const counts = new Array<number>(k).fill(0);
    const needFit = codes.includes('SII') || codes.includes('RII');
    const scaled = new Float64Array(n);
    const ends = new Float64Array(2);
    for (let r = 0; r < reps; r++) {
      const off = r * n;
      let aci = 0;
      let mean = 0;
      for (let j = 0; j < n; j++) {
        const v = m[off + j] as number;
        aci += (weights[j] as number) * v;
        mean += at(p, j) * v;
      }
      let sii = NaN;
      let rii = NaN;
      if (needFit) {
        for (let j = 0; j < n; j++) scaled[j] = (m[off + j] as number) / setting.scale;
        heatLogitEndsScaled(design, scaled, setting.scale, start, ends);
        sii = ends[0] as number;
        rii = ends[1] as number;
      }
      for (let c = 0; c < k; c++) {
        const code = codes[c];
        const v = code === 'ACI' ? aci : code === 'RCI' ? aci / mean : code === 'SII' ? sii : rii;
        if (Number.isFinite(v)) vals[c * reps + (counts[c] as number)++] = v;
      }
    }
    const lv = levelFraction(o.level);
    for (let c = 0; c < k; c++)
      cis.push(percentileInterval(vals.subarray(c * reps), counts[c] as number, lv));
  }
  const label =
    o.reps > 0
      ? `CI by simulation from the subgroups' SEs (${o.reps} truncated-normal reps in [0, ${hi === 100 ? 100 : 'inf'}), seed ${o.seed}; mu recomputed per draw)`
      : 'no interval (simulation off: repetitions 0)';
  codes.forEach((code, k) => {
    const i = out.findIndex((m) => m.code === code);
    const m = out[i];
    if (!m) return;
    // a literal, not a spread: this runs for every ordered cell
    out[i] = {
      code: m.code,
      value: m.value,
      lower: cis[k]?.lower ?? NaN,
      upper: cis[k]?.upper ?? NaN,
      method: `${m.method}; ${label}`,
      interval: o.reps > 0 ? 'simulation' : 'none',
    };
  });
}

const SIM_NOTES: Record<SimulatedCode, string> = {
  BGSD: 'sqrt(BGV); no analytic variance in the notes',
  COV: 'BGSD/mu x 100; no analytic variance in the notes',
  MDMU: '(1/n) sum |y_j - mu|; no analytic variance in the notes',
  MDMW: 'sum p_j |y_j - mu|; no analytic variance in the notes',
  MDBU: '(1/n) sum |y_j - y_best|, n = all subgroups; no analytic variance in the notes',
  MDBW: 'sum p_j |y_j - y_best|; no analytic variance in the notes',
  MDRU: '(1/n) sum |y_j - y_ref|, n = all subgroups; no analytic variance in the notes',
  MDRW: 'sum p_j |y_j - y_ref|; no analytic variance in the notes',
  IDISU: 'MDMU/mu x 100; no analytic variance in the notes',
  IDISW: 'MDMW/mu x 100; no analytic variance in the notes',
};
