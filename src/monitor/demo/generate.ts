/**
 * The synthetic national health survey: 98 municipalities, waves 2010–2025, respondents drawn
 * from a synthetic population with a realistic social structure (population.ts), answering with
 * calibrated social gradients (model.ts). A generator, so the importer can stream 900,000 rows
 * without holding them. Deterministic: the same codebook, seed and options give the same rows.
 */
import type { Codebook, Respondent } from '../microdata/codebook.ts';
import { WAVES, type Wave } from './calibration.ts';
import { COMPLEMENTS } from './indicators.ts';
import {
  buildModel,
  groupOf,
  linear,
  localEffect,
  outcomeKeys,
  rngFrom,
  type Model,
} from './model.ts';
import { ADULT_POPULATION, allocate, EXTRA_SAMPLE, MUNICIPAL_PROFILES } from './municipalities.ts';
import { drawPerson, quintile, responsePropensity, type Person } from './population.ts';

export { demoCodebook } from './demo-codebook.ts';

export interface SurveyOptions {
  /** Seed for drawing the sample (default 2009). */
  seed?: number;
  /** Default 180,000. */
  respondentsPerWave?: number;
  /** Default all five: 2010, 2013, 2017, 2021, 2025. */
  waves?: readonly Wave[];
}

export const DEFAULT_SEED = 2009;
export const DEFAULT_RESPONDENTS_PER_WAVE = 180_000;
/**
 * The synthetic "country" (calibration, municipal effects) is fixed; `seed` only draws the sample.
 * So two demo surveys with different seeds describe the same municipalities.
 */
const MODEL_SEED = 2009;

/** How each codebook dimension key reads a person (categories are matched by code "1".."n"). */
const DIMENSION_READERS: Readonly<Record<string, (p: Person) => number>> = {
  uddannelse: (p) => p.edu,
  arbejdsmarked: (p) => p.work,
  indkomst: (p) => p.income,
  herkomst: (p) => p.origin,
  koen: (p) => p.sex,
  aldersgruppe: (p) => p.age,
  samliv: (p) => p.alone,
};

/** Per dimension: internal value -> 1-based index in the codebook's category order, or null. */
function dimensionMaps(
  codebook: Codebook,
): { read: ((p: Person) => number) | undefined; index: (number | null)[] }[] {
  return codebook.dimensions.map((d) => {
    const read = DIMENSION_READERS[d.key];
    const index: (number | null)[] = [];
    for (let v = 1; v <= 8; v++) {
      const i = d.categories.findIndex((c) => c.code === String(v));
      index[v] = i >= 0 ? i + 1 : null;
    }
    return { read, index };
  });
}

// Calibration takes a second or so; the same inputs always give the same model, so keep a few.
const models = new Map<string, Model>();
function cachedModel(
  keys: readonly { key: string; favourable: boolean }[],
  waves: readonly Wave[],
  seed: number,
): Model {
  const id = JSON.stringify([keys, waves, seed]);
  let m = models.get(id);
  if (!m) {
    m = buildModel(keys, waves, seed);
    if (models.size >= 4) models.clear();
    models.set(id, m);
  }
  return m;
}

/** Chance that one answer is missing: a little higher among the oldest and among immigrants. */
const missingChance = (p: Person) =>
  0.022 + (p.age === 4 ? 0.012 : 0) + (p.origin === 3 ? 0.015 : 0);

/** Education is unknown for a few respondents, mostly immigrants (foreign qualifications). */
const educationUnknownChance = (p: Person) => (p.origin === 3 ? 0.04 : 0.004);

/**
 * Streams the survey, wave by wave and municipality by municipality, as validated `Respondent`s:
 * dims as 1-based category indices in the codebook's order (matched by key and by codes "1".."n";
 * unknown dimensions give null), answers 1/0/null, design weights summing to the adults of each
 * wave. Indicators the model does not know get a mild generic gradient.
 */
export function* generateSurvey(
  codebook: Codebook,
  opts: SurveyOptions = {},
): Generator<Respondent> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const perWave = opts.respondentsPerWave ?? DEFAULT_RESPONDENTS_PER_WAVE;
  const waves = [...(opts.waves ?? WAVES)].sort((a, b) => a - b);
  const keys = outcomeKeys(codebook.indicators);
  const model = cachedModel(keys, waves, MODEL_SEED);
  const slot = new Map(keys.map((k, i) => [k.key, i]));
  const answerFrom = codebook.indicators.map((ind) => {
    const source = COMPLEMENTS[ind.key];
    return { outcome: slot.get(source ?? ind.key) ?? 0, flip: source !== undefined };
  });
  const dims = dimensionMaps(codebook);
  const eduDim = codebook.dimensions.findIndex((d) => d.key === 'uddannelse');
  const rng = rngFrom(seed);
  const sizes = MUNICIPAL_PROFILES.map((m) => m.size);
  const totalSize = sizes.reduce((s, x) => s + x, 0);
  const countsFor = (year: number) =>
    allocate(
      perWave,
      MUNICIPAL_PROFILES.map((m, a) => (sizes[a] ?? 0) * (EXTRA_SAMPLE[year]?.[m.code] ?? 1)),
    );
  let line = 0;

  for (const year of waves) {
    const cuts = model.incomeCuts.get(year) ?? [];
    const adults = ADULT_POPULATION[year] ?? 4_600_000;
    const counts = countsFor(year);
    for (let a = 0; a < MUNICIPAL_PROFILES.length; a++) {
      const m = MUNICIPAL_PROFILES[a];
      const n = counts[a] ?? 0;
      if (!m || n === 0) continue;
      // Draw from the population, keep those who answer; weight = 1 / propensity, scaled to the municipality's adults.
      const people: Person[] = [];
      const inverse: number[] = [];
      let sum = 0;
      while (people.length < n) {
        const p = drawPerson(a, m, year, rng);
        const r = responsePropensity(p);
        if (rng.uniform() >= r) continue;
        p.income = quintile(p.incomeScore, cuts);
        people.push(p);
        inverse.push(1 / r);
        sum += 1 / r;
      }
      const scale = (adults * m.size) / totalSize / sum;
      for (let i = 0; i < n; i++) {
        const p = people[i];
        if (!p) continue;
        yield respondent(p, ++line, year, m.code, (inverse[i] ?? 1) * scale);
      }
    }
  }

  function respondent(
    p: Person,
    lineNo: number,
    year: number,
    area: string,
    weight: number,
  ): Respondent {
    const outcomes = answerOutcomes(model, p, year, rng.uniform);
    const answers = answerFrom.map(({ outcome, flip }) => {
      const y = outcomes[outcome];
      if (y === null || y === undefined) return null;
      return (flip ? 1 - y : y) as 0 | 1;
    });
    const dimValues = dims.map(({ read, index }, d) => {
      if (!read) return null;
      if (d === eduDim && rng.uniform() < educationUnknownChance(p)) return null;
      return index[read(p)] ?? null;
    });
    return {
      line: lineNo,
      year,
      area,
      weight: Math.round(weight * 1000) / 1000,
      dims: dimValues,
      answers,
    };
  }
}

/** One person's answers to every outcome: 1, 0 or null (missing). */
function answerOutcomes(
  model: Model,
  p: Person,
  year: number,
  uniform: () => number,
): (0 | 1 | null)[] {
  const miss = missingChance(p);
  const g = groupOf(p);
  const out: (0 | 1 | null)[] = new Array<0 | 1 | null>(model.outcomes.length);
  for (let i = 0; i < model.outcomes.length; i++) {
    const o = model.outcomes[i];
    if (!o || uniform() < miss) {
      out[i] = null;
      continue;
    }
    const eta =
      (o.intercept.get(year) ?? 0) + o.offsets[g] + linear(o, p) + localEffect(o, p, year);
    out[i] = uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return out;
}
