/**
 * WHO HEAT's summary measures of inequality (technical notes v6.0, as summarised in
 * shared/design/MONITOR.md), as pure functions of one setting x date x indicator x dimension.
 *
 * Notation: subgroup estimates y_j, standard errors s_j, population shares p_j = N_j / sum N
 * (normalised from the `population` field, whether shares or counts), n subgroups,
 * mu = setting average when given (HEAT's convention) else sum_j p_j y_j, and for ordered
 * dimensions relative ranks X_j = sum_{k<j} p_k + p_j / 2 with subgroups sorted by `order`
 * (1 = most disadvantaged). z = Phi^-1(1 - alpha/2).
 *
 * Interval methods:
 * - analytic where the variance is exact for independent subgroup estimates and fixed shares:
 *   D (var = s1^2 + s2^2), R (var(ln R) = s1^2/y1^2 + s2^2/y2^2, interval on the log scale),
 *   ACI (linear: var = sum_j [p_j (2X_j - 1)]^2 s_j^2), PAR (linear: var = sum_j (1{j=ref} - p_j)^2 s_j^2,
 *   or s_ref^2 when mu is the given setting average).
 * - simulation everywhere else (RCI, BGV, BGSD, COV, MD*, IDIS*, TI, MLD, PAF, SII, RII): every
 *   y_j is drawn from N(y_j, s_j^2) truncated to [0, scale], the measure recomputed, and the
 *   2.5% / 97.5% centiles taken (seeded mulberry32 + Box-Muller). HEAT's technical notes give
 *   analytic variances for RCI, BGV, TI, MLD and PAF; we have not verified their exact form,
 *   so we simulate and say so in `method`.
 */
import { zForLevel } from './normal.ts';
import { heatLogitSii, relativeRanks, weightedLine } from './sii.ts';
import { simulateInterval } from './simulate.ts';
import type { MeasureCode, MeasureResult, Setting, Subgroup } from './types.ts';

export interface HeatOptions {
  /** Confidence level, 0.95 (default) or 95. */
  level?: number;
  /** Replicates for simulation intervals; default 2000. */
  repetitions?: number;
  /** PRNG seed for simulation intervals; default 1. */
  seed?: number;
  /** HEAT reports TI and MLD multiplied by 1000 for readability; default 1000. */
  theilScale?: number;
  /** SII/RII convention for ordered dimensions; default 'heat-logit'. */
  siiConvention?: 'heat-logit' | 'phe-wls';
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
  const refs = groups.filter((g) => g.reference === true);
  if (refs.length > 1) throw new Error('at most one reference subgroup');
  const total = groups.reduce((t, g) => t + g.population, 0);
  const p = groups.map((g) => g.population / total);
  return {
    setting,
    groups,
    y: groups.map((g) => g.estimate),
    s: groups.map((g) => g.se),
    p,
    x: relativeRanks(p),
    refIndex: groups.findIndex((g) => g.reference === true),
  };
}

/** mu: the setting average when given (treated as fixed), else sum_j p_j y_j. */
export function settingMean(prep: Prepared, ys: readonly number[]): number {
  const avg = prep.setting.settingAverage;
  if (avg !== undefined) return avg;
  return ys.reduce((t, y, j) => t + (prep.p[j] ?? 0) * y, 0);
}

const at = (a: readonly number[], i: number): number => a[i] ?? Number.NaN;

function argBest(ys: readonly number[], favourable: boolean): number {
  let best = 0;
  for (let j = 1; j < ys.length; j++) {
    if (favourable ? at(ys, j) > at(ys, best) : at(ys, j) < at(ys, best)) best = j;
  }
  return best;
}

/**
 * The pair D and R compare, as [a, b] with D = y_a - y_b and R = y_a / y_b:
 * - ordered, favourable: a = most advantaged, b = most disadvantaged;
 * - ordered, adverse:    a = most disadvantaged, b = most advantaged
 *   (so a positive D / R > 1 means the disadvantaged are worse off either way);
 * - non-ordered with a reference subgroup: a = reference, b = the subgroup furthest from it;
 * - non-ordered otherwise: a = highest estimate, b = lowest estimate.
 */
export function pairFor(prep: Prepared): { a: number; b: number; rule: string } {
  const n = prep.y.length;
  if (prep.setting.ordered) {
    return prep.setting.favourable
      ? { a: n - 1, b: 0, rule: 'most advantaged - most disadvantaged (favourable)' }
      : { a: 0, b: n - 1, rule: 'most disadvantaged - most advantaged (adverse)' };
  }
  if (prep.refIndex >= 0) {
    const r = prep.refIndex;
    let b = r === 0 ? 1 : 0;
    for (let j = 0; j < n; j++) {
      if (
        j !== r &&
        Math.abs(at(prep.y, j) - at(prep.y, r)) > Math.abs(at(prep.y, b) - at(prep.y, r))
      )
        b = j;
    }
    return { a: r, b, rule: 'reference - subgroup furthest from it' };
  }
  let hi = 0;
  let lo = 0;
  for (let j = 1; j < n; j++) {
    if (at(prep.y, j) > at(prep.y, hi)) hi = j;
    if (at(prep.y, j) < at(prep.y, lo)) lo = j;
  }
  return { a: hi, b: lo, rule: 'highest - lowest' };
}

/** Index of y_ref for PAF/PAR: most advantaged (ordered) or best-performing subgroup (non-ordered). */
function parRefIndex(prep: Prepared, ys: readonly number[]): number {
  return prep.setting.ordered ? ys.length - 1 : argBest(ys, prep.setting.favourable);
}

/**
 * Point-value functions of the estimates for every measure (used for the estimate and,
 * recomputed on simulated estimates, for simulation intervals).
 */
export function measureFunctions(
  prep: Prepared,
  opts: HeatOptions = {},
): Partial<Record<MeasureCode, (ys: readonly number[]) => number>> {
  const { p, x } = prep;
  const n = prep.y.length;
  const fav = prep.setting.favourable;
  const theil = opts.theilScale ?? 1000;
  const mu = (ys: readonly number[]): number => settingMean(prep, ys);
  const pair = pairFor(prep);
  const sum = (f: (j: number) => number): number => {
    let t = 0;
    for (let j = 0; j < n; j++) t += f(j);
    return t;
  };
  // ACI = sum_j p_j (2 X_j - 1) y_j
  const aci = (ys: readonly number[]): number =>
    sum((j) => at(p, j) * (2 * at(x, j) - 1) * at(ys, j));
  // BGV = sum_j p_j (y_j - mu)^2
  const bgv = (ys: readonly number[]): number => {
    const m = mu(ys);
    return sum((j) => at(p, j) * (at(ys, j) - m) ** 2);
  };
  // MD from a target t: unweighted (1/n) sum |y_j - t|, weighted sum p_j |y_j - t|
  const mdU = (ys: readonly number[], t: number): number => sum((j) => Math.abs(at(ys, j) - t)) / n;
  const mdW = (ys: readonly number[], t: number): number =>
    sum((j) => at(p, j) * Math.abs(at(ys, j) - t));
  // PAR = y_ref - mu, set to zero when its sign is "wrong" (favourable: must be >= 0; adverse: <= 0)
  const par = (ys: readonly number[]): number => {
    const v = at(ys, parRefIndex(prep, ys)) - mu(ys);
    return fav ? Math.max(0, v) : Math.min(0, v);
  };
  const fns: Partial<Record<MeasureCode, (ys: readonly number[]) => number>> = {
    D: (ys) => at(ys, pair.a) - at(ys, pair.b),
    R: (ys) => at(ys, pair.a) / at(ys, pair.b),
    PAR: par,
    // PAF = PAR / mu * 100
    PAF: (ys) => (par(ys) / mu(ys)) * 100,
  };
  if (prep.setting.ordered) {
    fns.ACI = aci;
    // RCI = ACI / mu
    fns.RCI = (ys) => aci(ys) / mu(ys);
  } else {
    fns.BGV = bgv;
    fns.BGSD = (ys) => Math.sqrt(bgv(ys));
    // COV = BGSD / mu * 100
    fns.COV = (ys) => (Math.sqrt(bgv(ys)) / mu(ys)) * 100;
    fns.MDMU = (ys) => mdU(ys, mu(ys));
    fns.MDMW = (ys) => mdW(ys, mu(ys));
    // best = highest estimate (favourable) or lowest (adverse)
    fns.MDBU = (ys) => mdU(ys, at(ys, argBest(ys, fav)));
    fns.MDBW = (ys) => mdW(ys, at(ys, argBest(ys, fav)));
    if (prep.refIndex >= 0) {
      fns.MDRU = (ys) => mdU(ys, at(ys, prep.refIndex));
      fns.MDRW = (ys) => mdW(ys, at(ys, prep.refIndex));
    }
    // IDIS = MDM / mu * 100
    fns.IDISU = (ys) => (mdU(ys, mu(ys)) / mu(ys)) * 100;
    fns.IDISW = (ys) => (mdW(ys, mu(ys)) / mu(ys)) * 100;
    // TI = sum_j p_j r_j ln r_j with r_j = y_j / mu (term 0 when y_j = 0), times theilScale
    fns.TI = (ys) => {
      const m = mu(ys);
      return (
        theil *
        sum((j) => {
          const r = at(ys, j) / m;
          return r === 0 ? 0 : at(p, j) * r * Math.log(r);
        })
      );
    };
    // MLD = sum_j p_j (-ln r_j), times theilScale
    fns.MLD = (ys) => {
      const m = mu(ys);
      return theil * sum((j) => -at(p, j) * Math.log(at(ys, j) / m));
    };
  }
  return fns;
}

/** Every measure HEAT reports for this dimension type, with intervals and the method used. */
export function computeAll(setting: Setting, opts: HeatOptions = {}): MeasureResult[] {
  const prep = prepare(setting);
  const fns = measureFunctions(prep, opts);
  const level = opts.level ?? 0.95;
  const z = zForLevel(level);
  const reps = opts.repetitions ?? 2000;
  const seed = opts.seed ?? 1;
  const simOpts = { repetitions: reps, seed, level };
  const range: [number, number] = [0, setting.scale];
  const simLabel = `simulation (${reps} truncated-normal reps in [0, ${setting.scale}], seed ${seed})`;
  const codes = setting.ordered ? ORDERED_MEASURES : NON_ORDERED_MEASURES;
  const { y, s, p } = prep;
  const pair = pairFor(prep);
  const out: MeasureResult[] = [];

  const simulated = (
    code: MeasureCode,
    fn: (ys: readonly number[]) => number,
    note: string,
  ): MeasureResult => {
    const ci = simulateInterval(y, s, range, fn, simOpts);
    return {
      code,
      value: fn(y),
      lower: ci.lower,
      upper: ci.upper,
      method: `${note}; CI by ${simLabel}`,
    };
  };

  let siiPair: { sii: MeasureResult; rii: MeasureResult } | undefined;
  const siiResults = (): { sii: MeasureResult; rii: MeasureResult } => {
    if (siiPair) return siiPair;
    if ((opts.siiConvention ?? 'heat-logit') === 'heat-logit') {
      const r = heatLogitSii(
        prep.groups.map((g) => ({ estimate: g.estimate, population: g.population, se: g.se })),
        { scale: setting.scale, repetitions: reps, seed, level },
      );
      siiPair = { sii: r.sii, rii: r.rii };
    } else {
      // phe-wls: WLS of y on X with weights p; SII = fitted(1) - fitted(0), RII = fitted(1) / fitted(0)
      const ends = (ys: readonly number[]): [number, number] => {
        const l = weightedLine(prep.x, ys, p);
        return [l.intercept, l.intercept + l.slope];
      };
      siiPair = {
        sii: simulated(
          'SII',
          (ys) => ends(ys)[1] - ends(ys)[0],
          'phe-wls: WLS of y on relative rank, weights p_j',
        ),
        rii: simulated(
          'RII',
          (ys) => ends(ys)[1] / ends(ys)[0],
          'phe-wls: WLS of y on relative rank, weights p_j',
        ),
      };
    }
    return siiPair;
  };

  // Analytic intervals are normal around the estimate; a measure whose sign is wrong is 0.
  const normal = (code: MeasureCode, value: number, se: number, method: string): MeasureResult => ({
    code,
    value,
    lower: value - z * se,
    upper: value + z * se,
    method,
  });
  const zero = (code: MeasureCode, method: string): MeasureResult => ({
    code,
    value: 0,
    lower: 0,
    upper: 0,
    method,
  });

  for (const code of codes) {
    if (code === 'SII' || code === 'RII') {
      const r = siiResults();
      out.push(code === 'SII' ? r.sii : r.rii);
      continue;
    }
    const fn = fns[code];
    if (!fn) continue; // MDRU/MDRW without a reference subgroup
    if (code === 'D') {
      // var(D) = s_a^2 + s_b^2
      const d = fn(y);
      const se = Math.hypot(at(s, pair.a), at(s, pair.b));
      out.push(normal(code, d, se, `${pair.rule}; analytic: var(D) = s1^2 + s2^2`));
      continue;
    }
    if (code === 'R') {
      // var(ln R) = s_a^2 / y_a^2 + s_b^2 / y_b^2; interval exp(ln R -/+ z se)
      const r = fn(y);
      const se = Math.hypot(at(s, pair.a) / at(y, pair.a), at(s, pair.b) / at(y, pair.b));
      out.push({
        code,
        value: r,
        lower: Math.exp(Math.log(r) - z * se),
        upper: Math.exp(Math.log(r) + z * se),
        method: `${pair.rule}; analytic on the log scale: var(ln R) = s1^2/y1^2 + s2^2/y2^2`,
      });
      continue;
    }
    if (code === 'ACI') {
      // ACI is linear in y: var(ACI) = sum_j [p_j (2 X_j - 1)]^2 s_j^2
      const v = fn(y);
      let variance = 0;
      for (let j = 0; j < y.length; j++)
        variance += (at(p, j) * (2 * at(prep.x, j) - 1) * at(s, j)) ** 2;
      const se = Math.sqrt(variance);
      out.push(normal(code, v, se, 'analytic: var(ACI) = sum [p_j (2X_j - 1)]^2 s_j^2'));
      continue;
    }
    if (code === 'PAR') {
      const v = fn(y);
      if (v === 0) {
        out.push(zero(code, 'PAR = y_ref - mu had the wrong sign: set to 0 (HEAT rule)'));
        continue;
      }
      // PAR = y_ref - mu is linear in y: var = sum_j (1{j = ref} - p_j)^2 s_j^2; with a given
      // setting average mu is fixed and var = s_ref^2.
      const ref = parRefIndex(prep, y);
      let variance = 0;
      if (setting.settingAverage !== undefined) variance = at(s, ref) ** 2;
      else
        for (let j = 0; j < y.length; j++)
          variance += ((j === ref ? 1 : 0) - at(p, j)) ** 2 * at(s, j) ** 2;
      const se = Math.sqrt(variance);
      out.push(
        normal(
          code,
          v,
          se,
          'y_ref - mu; analytic: var = sum (1{j=ref} - p_j)^2 s_j^2 (s_ref^2 when mu is the setting average)',
        ),
      );
      continue;
    }
    if (code === 'PAF') {
      const v = fn(y);
      if (v === 0) {
        out.push(zero(code, 'PAF = (y_ref - mu)/mu*100 had the wrong sign: set to 0 (HEAT rule)'));
        continue;
      }
      out.push(simulated(code, fn, '(y_ref - mu)/mu*100; HEAT analytic variance not reproduced'));
      continue;
    }
    {
      const notes: Partial<Record<MeasureCode, string>> = {
        RCI: 'ACI/mu; HEAT analytic variance not reproduced',
        BGV: 'sum p_j (y_j - mu)^2; HEAT analytic variance not reproduced',
        TI: `sum p_j r_j ln r_j x ${opts.theilScale ?? 1000}; HEAT analytic variance not reproduced`,
        MLD: `sum p_j (-ln r_j) x ${opts.theilScale ?? 1000}; HEAT analytic variance not reproduced`,
      };
      out.push(simulated(code, fn, notes[code] ?? 'no closed-form variance'));
    }
  }
  return out;
}
