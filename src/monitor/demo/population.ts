/**
 * Who lives in a municipality: draws one synthetic adult with a correlated social position.
 * The chain is age -> origin -> education -> labour market -> cohabitation -> income, each step
 * conditional on the earlier ones and on the municipality's deprivation, so that (as in the
 * registers) short education goes with unemployment, social assistance, disability pension,
 * low income and living alone. All categories are 1-based in the codebook's order.
 */
import { normalQuantile } from '../stats/intervals.ts';
import type { MunicipalProfile } from './municipalities.ts';

export interface Person {
  /** Index into MUNICIPAL_PROFILES. */
  area: number;
  /** 1 grundskole, 2 ungdomsuddannelse, 3 kort/mellemlang videregående, 4 lang videregående. */
  edu: number;
  /** 1 beskæftiget, 2 ledig, 3 kontanthjælp, 4 førtidspension, 5 uddannelsessøgende, 6 pensionist. */
  work: number;
  /** Income quintile 1 (lowest) .. 5. */
  income: number;
  /** 1 dansk, 2 vestlig, 3 ikke-vestlig. */
  origin: number;
  /** 1 mand, 2 kvinde. */
  sex: number;
  /** 1 16–24, 2 25–44, 3 45–64, 4 65+. */
  age: number;
  /** 1 bor alene, 2 bor med andre. */
  alone: number;
  /** Latent frailty N(0,1): makes one person's answers correlate across indicators. */
  frailty: number;
  /** The latent income score; cut into quintiles by the wave's cut points. */
  incomeScore: number;
}

export interface Rng {
  uniform: () => number;
  normal: () => number;
}

/** Time from the first wave, 0 in 2010 and 1 in 2021 (about 1.36 in 2025: the trends go on). */
const progress = (year: number) => (year - 2010) / 11;

/** Draws an index from unnormalised weights. */
export function pick(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const ageCache = new WeakMap<MunicipalProfile, Map<number, number[]>>();

/** Age-group weights for a municipality and year (cached: they are the same for every draw). */
function ageWeights(m: MunicipalProfile, year: number): number[] {
  let byYear = ageCache.get(m);
  if (!byYear) ageCache.set(m, (byYear = new Map<number, number[]>()));
  let w = byYear.get(year);
  if (!w) byYear.set(year, (w = computeAgeWeights(m, year)));
  return w;
}

function computeAgeWeights(m: MunicipalProfile, year: number): number[] {
  const t = progress(year);
  // Denmark ages: the 65+ share of adults rises from about 19 % to 23 %.
  const w = [0.15, 0.33 - 0.03 * t, 0.33 - 0.01 * t, 0.19 + 0.04 * t];
  if (m.urban) [w[0], w[1], w[2], w[3]] = [w[0]! * 1.6, w[1]! * 1.2, w[2]! * 0.85, w[3]! * 0.7];
  else if (m.deprivation > 0) w[3] = w[3]! * (1 + 0.12 * m.deprivation);
  return w;
}

/** Cumulative education shares per age group (the young are still studying; the old had less schooling). */
const EDU_CUMULATIVE: readonly (readonly number[])[] = [
  [0.55, 0.92, 0.99],
  [0.14, 0.52, 0.82],
  [0.22, 0.67, 0.91],
  [0.4, 0.78, 0.94],
];
const EDU_CUTS = EDU_CUMULATIVE.map((c) => c.map((p) => normalQuantile(p)));

/** Labour-market shares per age group, 2010 (beskæftiget, ledig, kontanthjælp, førtidspension, uddannelsessøgende, pensionist). */
const WORK_BASE: readonly (readonly number[])[] = [
  [0.38, 0.03, 0.04, 0.005, 0.545, 0],
  [0.815, 0.05, 0.04, 0.03, 0.065, 0],
  [0.72, 0.05, 0.025, 0.1, 0.01, 0.095],
  [0.09, 0, 0, 0, 0, 0.91],
];
/** Relative risk of ledig, kontanthjælp, førtidspension by education. */
const WORK_BY_EDU: readonly (readonly [number, number, number])[] = [
  [1.6, 2.5, 2.2],
  [1.0, 0.9, 1.0],
  [0.75, 0.4, 0.5],
  [0.75, 0.25, 0.3],
];

function workWeights(age: number, edu: number, origin: number, m: MunicipalProfile): number[] {
  const w = [...(WORK_BASE[age - 1] ?? [])];
  const [rl, rk, rf] = WORK_BY_EDU[edu - 1] ?? [1, 1, 1];
  const d = m.deprivation;
  const nw = origin === 3;
  w[1] = w[1]! * rl * Math.exp(0.15 * d) * (nw ? 1.5 : 1);
  w[2] = w[2]! * rk * Math.exp(0.35 * d) * (nw ? 3 : 1);
  w[3] = w[3]! * rf * Math.exp(0.3 * d) * (nw ? 1.3 : 1);
  if (m.urban) w[4] = w[4]! * 1.4;
  return w;
}

const EDU_INCOME = [-0.6, -0.1, 0.35, 0.8];
const WORK_INCOME = [0.7, -0.5, -1.4, -0.8, -1.5, -0.6];
const AGE_INCOME = [-0.6, 0.2, 0.35, -0.1];

/** One adult of `m` in `year`. */
export function drawPerson(area: number, m: MunicipalProfile, year: number, rng: Rng): Person {
  const t = progress(year);
  const age = pick(ageWeights(m, year), rng.uniform()) + 1;
  const sex = rng.uniform() < 0.5 ? 1 : 2;

  const ageFactor = [1.2, 1.4, 0.9, 0.35][age - 1] ?? 1;
  const pNonWestern = Math.min(0.6, m.nonWestern * (1 + 0.5 * t) * ageFactor);
  const pWestern = m.urban ? 0.05 : 0.035;
  const uo = rng.uniform();
  const origin = uo < pNonWestern ? 3 : uo < pNonWestern + pWestern ? 2 : 1;

  const z =
    rng.normal() -
    0.35 * m.deprivation +
    (m.urban ? 0.35 : 0) -
    (origin === 3 ? 0.35 : 0) +
    0.25 * t;
  const cuts = EDU_CUTS[age - 1] ?? [];
  let edu = 1;
  while (edu <= cuts.length && z > (cuts[edu - 1] ?? Infinity)) edu++;

  const work = pick(workWeights(age, edu, origin, m), rng.uniform()) + 1;

  let pAlone =
    ([0.2, 0.2, 0.22, 0.37][age - 1] ?? 0.2) *
    (work === 3 || work === 4 ? 1.9 : work === 2 ? 1.3 : 1);
  pAlone *= (m.urban ? 1.35 : 1) * (origin === 3 ? 0.7 : 1);
  const alone = rng.uniform() < Math.min(0.85, pAlone) ? 1 : 2;

  const incomeScore =
    (EDU_INCOME[edu - 1] ?? 0) +
    (WORK_INCOME[work - 1] ?? 0) +
    (AGE_INCOME[age - 1] ?? 0) -
    0.2 * m.deprivation -
    (origin === 3 ? 0.3 : 0) -
    (alone === 1 ? 0.5 : 0) +
    0.7 * rng.normal();

  return {
    area,
    edu,
    work,
    income: 0,
    origin,
    sex,
    age,
    alone,
    frailty: rng.normal(),
    incomeScore,
  };
}

/** Income quintile cut points: the 20th, 40th, 60th and 80th centiles of the income score. */
export function quintileCuts(scores: Float64Array): number[] {
  const s = Float64Array.from(scores).sort();
  return [0.2, 0.4, 0.6, 0.8].map((p) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0);
}

export function quintile(score: number, cuts: readonly number[]): number {
  let q = 1;
  while (q <= cuts.length && score > (cuts[q - 1] ?? Infinity)) q++;
  return q;
}

/**
 * Response propensity: the young, the short-educated, people of non-Western origin and people on
 * social assistance answer less often, as in the real survey; their design weights are larger.
 */
export function responsePropensity(p: Person): number {
  return (
    0.55 *
    ([0.6, 0.85, 1.1, 1.25][p.age - 1] ?? 1) *
    ([0.8, 0.95, 1.1, 1.2][p.edu - 1] ?? 1) *
    (p.origin === 3 ? 0.6 : 1) *
    (p.work === 3 ? 0.75 : p.work === 4 ? 0.9 : 1)
  );
}
