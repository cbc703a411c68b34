/**
 * The calibrated outcome model: for each needed indicator, P(yes) = expit(intercept[wave] +
 * offset[Table-1 group] + gradient terms + frailty + municipal effect). Intercepts and group
 * offsets are solved on a large synthetic population sample per wave, so the national and
 * Table-1 group percentages hold in expectation whatever the composition model does.
 */
import { mulberry32, normalSource } from '../measures/random.ts';
import { nationalTargets, table1Row, WAVES, type Table1Row, type Wave } from './calibration.ts';
import { solveShift } from './calibrate.ts';
import {
  COMPLEMENTS,
  DEFAULT_LEVEL,
  defaultGradient,
  GRADIENTS,
  LOCAL_TRENDS,
  SMOKING_AREA_EFFECTS,
  type GradientModel,
} from './indicators.ts';
import { allocate, MUNICIPAL_PROFILES } from './municipalities.ts';
import { drawPerson, quintile, quintileCuts, type Person, type Rng } from './population.ts';

/** 0: none; 1 førtidspension; 2 kontanthjælp; 3 ledig with short education (Table 1's groups). */
export type Group = 0 | 1 | 2 | 3;

export function groupOf(p: Person): Group {
  if (p.work === 4) return 1;
  if (p.work === 3) return 2;
  if (p.work === 2 && p.edu <= 2) return 3;
  return 0;
}

export interface Outcome {
  key: string;
  gradient: GradientModel;
  table1: Table1Row | undefined;
  targets: Record<Wave, number>;
  /** Log-odds intercept per wave. */
  intercept: Map<number, number>;
  /** Offsets of groups 0..3 relative to the intercept (all 0 when not a Table-1 indicator). */
  offsets: [number, number, number, number];
  /** Municipal context effect, by index into MUNICIPAL_PROFILES. */
  area: Float64Array;
  /** Local trends (indicators.ts LOCAL_TRENDS), with the municipality as its profile index. */
  local: { area: number; edu: number; from: number; logOdds: number }[];
}

export interface Model {
  outcomes: Outcome[];
  /** Income-quintile cut points per wave. */
  incomeCuts: Map<number, number[]>;
}

export const rngFrom = (seed: number): Rng => {
  const uniform = mulberry32(seed);
  return { uniform, normal: normalSource(uniform) };
};

/** Gradient terms and context for one person (no intercept, no group offset). */
export function linear(o: Outcome, p: Person): number {
  const g = o.gradient;
  const inGroup = o.table1 !== undefined && groupOf(p) !== 0;
  return (
    (g.edu[p.edu - 1] ?? 0) +
    (g.income[p.income - 1] ?? 0) +
    (g.age[p.age - 1] ?? 0) +
    (p.sex === 2 ? g.female : 0) +
    (g.origin[p.origin - 1] ?? 0) +
    (p.alone === 1 ? g.alone : 0) +
    (inGroup ? 0 : (g.work[p.work - 1] ?? 0)) +
    g.frailty * p.frailty +
    (o.area[p.area] ?? 0)
  );
}

/** A local trend's extra log-odds for this person in this wave (0 almost always). */
export function localEffect(o: Outcome, p: Person, year: number): number {
  let e = 0;
  for (const l of o.local)
    if (p.area === l.area && p.edu === l.edu && year >= l.from) e += l.logOdds;
  return e;
}

/** The internal outcomes needed for these indicator keys (complements resolve to their source). */
export function outcomeKeys(
  indicators: readonly { key: string; favourable: boolean }[],
): { key: string; favourable: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const i of indicators) {
    const source = COMPLEMENTS[i.key];
    if (source) seen.set(source, seen.get(source) ?? !i.favourable);
    else seen.set(i.key, i.favourable);
  }
  return [...seen].map(([key, favourable]) => ({ key, favourable }));
}

function newOutcome(key: string, favourable: boolean, index: number, seed: number): Outcome {
  const t1 = table1Row(key);
  const gradient =
    GRADIENTS.find((g) => g.key === key) ?? defaultGradient(key, t1?.favourable ?? favourable);
  const level = favourable ? DEFAULT_LEVEL.favourable : DEFAULT_LEVEL.adverse;
  const targets = nationalTargets(key) ?? {
    2010: level,
    2013: level,
    2017: level,
    2021: level,
    2025: level,
  };
  // Each municipality gets a small idiosyncratic effect too, so not everything follows deprivation.
  const noise = normalSource(mulberry32((seed ^ 0x5eed) + 101 * index));
  const area = Float64Array.from(
    MUNICIPAL_PROFILES,
    (m) =>
      gradient.deprivation * m.deprivation +
      (key === 'dagligryger' ? (SMOKING_AREA_EFFECTS[m.code] ?? 0) : 0) +
      0.07 * noise(),
  );
  const local = LOCAL_TRENDS.filter((l) => l.key === key).map((l) => ({
    ...l,
    area: MUNICIPAL_PROFILES.findIndex((m) => m.code === l.area),
  }));
  return {
    key,
    gradient,
    table1: t1,
    targets,
    intercept: new Map(),
    offsets: [0, 0, 0, 0],
    area,
    local,
  };
}

/** A synthetic population sample (not a survey: everyone counts once) for one wave. */
export function populationSample(
  year: number,
  size: number,
  seed: number,
): { people: Person[]; cuts: number[] } {
  const rng = rngFrom(seed);
  const counts = allocate(
    size,
    MUNICIPAL_PROFILES.map((m) => m.size),
    0,
  );
  const people: Person[] = [];
  MUNICIPAL_PROFILES.forEach((m, a) => {
    for (let i = 0; i < (counts[a] ?? 0); i++) people.push(drawPerson(a, m, year, rng));
  });
  const cuts = quintileCuts(Float64Array.from(people, (p) => p.incomeScore));
  for (const p of people) p.income = quintile(p.incomeScore, cuts);
  return { people, cuts };
}

/** 2010 sets the groups' offsets and needs more people; later waves only move the intercept. */
const CALIBRATION_SAMPLE = { first: 120_000, later: 20_000 };

/** Builds and calibrates the model for these outcome keys. Deterministic in `seed`. */
export function buildModel(
  keys: readonly { key: string; favourable: boolean }[],
  waves: readonly Wave[],
  seed: number,
): Model {
  const outcomes = keys.map((k, i) => newOutcome(k.key, k.favourable, i, seed));
  const incomeCuts = new Map<number, number[]>();
  // Group offsets come from the first wave (2010); later waves only move the intercept.
  const order = [...new Set<Wave>([2010, ...waves])].sort((a, b) => a - b);
  for (const year of order) {
    const { people, cuts } = populationSample(
      year,
      year === 2010 ? CALIBRATION_SAMPLE.first : CALIBRATION_SAMPLE.later,
      seed + 7919 * (WAVES.indexOf(year) + 1),
    );
    incomeCuts.set(year, cuts);
    const groups = people.map(groupOf);
    for (const o of outcomes) {
      const x = Float64Array.from(people, (p) => linear(o, p) + localEffect(o, p, year));
      const target = o.targets[year] / 100;
      if (year === 2010 && o.table1) calibrateGroups(o, x, groups, target);
      else {
        for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) + o.offsets[groups[i] ?? 0];
        o.intercept.set(year, solveShift(x, target * x.length));
      }
    }
  }
  return { outcomes, incomeCuts };
}

/** Solves each Table-1 group's own level, then the intercept for everyone else so the total hits the target. */
function calibrateGroups(
  o: Outcome,
  x: Float64Array,
  groups: readonly Group[],
  target: number,
): void {
  const t1 = o.table1;
  if (!t1) return;
  const groupTargets = [
    0,
    t1.percent.foertidspension,
    t1.percent.kontanthjaelp,
    t1.percent.arbejdsloese,
  ].map((p) => p / 100);
  const levels = [0, 0, 0, 0];
  let groupYes = 0;
  for (const g of [1, 2, 3] as const) {
    const xs = x.filter((_, i) => groups[i] === g);
    levels[g] = solveShift(xs, (groupTargets[g] ?? 0) * xs.length);
    for (const v of xs) groupYes += 1 / (1 + Math.exp(-(v + (levels[g] ?? 0))));
  }
  const rest = x.filter((_, i) => groups[i] === 0);
  const a = solveShift(rest, target * x.length - groupYes);
  o.intercept.set(2010, a);
  o.offsets = [0, (levels[1] ?? 0) - a, (levels[2] ?? 0) - a, (levels[3] ?? 0) - a];
}
