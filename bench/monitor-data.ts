/**
 * Synthetic microdata for the monitor benchmark (bench/monitor.bench.ts): N respondents,
 * 40 binary indicators, 6 dimensions (4, 6, 5, 3, 2, 4 categories), the 98 kommuner, four
 * waves, weights around 1, about 3 % missing answers and 2 % unknown categories. Seeded
 * (mulberry32), so the same seed gives the same file.
 *
 * Stored column-wise in typed arrays (about 50 bytes per respondent), so the generator itself
 * barely shows in the peak memory; `respondents()` yields the `Respondent` objects the importer
 * takes, one at a time.
 */
import type {
  Codebook,
  Dimension,
  Indicator,
  Respondent,
} from '../src/monitor/microdata/codebook.ts';
import { KOMMUNER } from '../src/monitor/microdata/kommuner.ts';
import { mulberry32 } from '../src/monitor/measures/random.ts';

export const WAVES = [2010, 2013, 2017, 2021] as const;
export const INDICATORS = 40;
export const MISSING_ANSWER = 0.03;
export const UNKNOWN_CATEGORY = 0.02;

interface DimSpec {
  key: string;
  da: string;
  en: string;
  ordered: boolean;
  /** Category shares (sum 1). */
  shares: number[];
  /** Non-ordered: the reference category (1-based). */
  reference?: number;
  /** Effect on the logit of an adverse indicator, per category. */
  effect: number[];
}

const DIMS: DimSpec[] = [
  {
    key: 'uddannelse',
    da: 'Uddannelse',
    en: 'Education',
    ordered: true,
    shares: [0.2, 0.35, 0.3, 0.15],
    effect: [0.6, 0.3, 0, -0.3],
  },
  {
    key: 'arbejde',
    da: 'Tilknytning til arbejdsmarkedet',
    en: 'Labour-market status',
    ordered: false,
    shares: [0.55, 0.05, 0.04, 0.06, 0.2, 0.1],
    reference: 1,
    effect: [0, 0.5, 0.7, 0.4, 0.2, 0.1],
  },
  {
    key: 'indkomst',
    da: 'Indkomstgruppe',
    en: 'Income group',
    ordered: true,
    shares: [0.2, 0.2, 0.2, 0.2, 0.2],
    effect: [0.4, 0.2, 0, -0.1, -0.2],
  },
  {
    key: 'herkomst',
    da: 'Herkomst',
    en: 'Origin',
    ordered: false,
    shares: [0.86, 0.09, 0.05],
    reference: 1,
    effect: [0, 0.2, 0.1],
  },
  { key: 'koen', da: 'Køn', en: 'Sex', ordered: false, shares: [0.49, 0.51], effect: [0.1, -0.1] },
  {
    key: 'alder',
    da: 'Aldersgruppe',
    en: 'Age group',
    ordered: false,
    shares: [0.25, 0.3, 0.25, 0.2],
    effect: [-0.2, 0, 0.1, 0.2],
  },
];

export const DIMENSIONS = DIMS.length;

const label = (da: string, en: string) => ({ da, en });

export function benchCodebook(): Codebook {
  const dimensions: Dimension[] = DIMS.map((d) => ({
    key: d.key,
    column: d.key,
    label: label(d.da, d.en),
    kind: d.key === 'koen' || d.key === 'alder' ? 'demographic' : 'social',
    ordered: d.ordered,
    categories: d.shares.map((_, i) => ({
      code: String(i + 1),
      label: label(`${d.da} ${i + 1}`, `${d.en} ${i + 1}`),
    })),
    ...(d.reference !== undefined ? { reference: String(d.reference) } : {}),
    missing: ['9'],
  }));
  const indicators: Indicator[] = Array.from({ length: INDICATORS }, (_, i) => ({
    key: `ind_${i + 1}`,
    column: `ind_${i + 1}`,
    label: label(`Indikator ${i + 1}`, `Indicator ${i + 1}`),
    // every fourth indicator is favourable (higher is better), as "good self-rated health"
    favourable: i % 4 === 3,
    yes: ['1'],
    no: ['0'],
    missing: ['9'],
    breaks: [],
  }));
  return {
    name: label('Syntetisk benchmark-undersøgelse', 'Synthetic benchmark survey'),
    source: 'bench/monitor-data.ts (synthetic)',
    synthetic: true,
    columns: { weight: 'weight', area: 'kommune', year: 'year' },
    dimensions,
    indicators,
  };
}

export interface SyntheticData {
  n: number;
  areas: readonly string[];
  year: Int16Array;
  /** Index into `areas`. */
  area: Uint8Array;
  weight: Float64Array;
  /** n x DIMENSIONS, 1-based category, 0 = unknown. */
  dims: Int8Array;
  /** n x INDICATORS: 1, 0, or -1 = missing. */
  answers: Int8Array;
}

export function generate(n: number, seed: number): SyntheticData {
  const rng = mulberry32(seed);
  const normal = () => {
    let u = 0;
    while (u <= Number.MIN_VALUE) u = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  const areas = KOMMUNER.map((k) => k.code);
  // area sizes: log-normal, so a few large and some small kommuner (a Læsø-sized cell gets suppressed)
  const sizes = areas.map(() => Math.exp(0.9 * normal()));
  const cumArea = cumulative(sizes);
  const areaEffect = areas.map(() => 0.25 * normal());
  const cumDims = DIMS.map((d) => cumulative(d.shares));
  const base = Array.from({ length: INDICATORS }, () => logit(0.05 + 0.45 * rng()));
  const slope = Array.from({ length: INDICATORS }, () => 0.3 + 0.9 * rng());
  const trend = Array.from({ length: INDICATORS }, () => 0.05 * normal());

  const data: SyntheticData = {
    n,
    areas,
    year: new Int16Array(n),
    area: new Uint8Array(n),
    weight: new Float64Array(n),
    dims: new Int8Array(n * DIMENSIONS),
    answers: new Int8Array(n * INDICATORS),
  };
  for (let r = 0; r < n; r++) {
    const w = Math.floor(rng() * WAVES.length);
    data.year[r] = WAVES[w]!;
    const a = draw(cumArea, rng());
    data.area[r] = a;
    data.weight[r] = Math.exp(0.3 * normal() - 0.045);
    let social = areaEffect[a]!;
    for (let k = 0; k < DIMENSIONS; k++) {
      const c = draw(cumDims[k]!, rng());
      social += DIMS[k]!.effect[c]!;
      data.dims[r * DIMENSIONS + k] = rng() < UNKNOWN_CATEGORY ? 0 : c + 1;
    }
    for (let i = 0; i < INDICATORS; i++) {
      const idx = r * INDICATORS + i;
      if (rng() < MISSING_ANSWER) {
        data.answers[idx] = -1;
        continue;
      }
      const sign = i % 4 === 3 ? -1 : 1;
      const p = 1 / (1 + Math.exp(-(base[i]! + sign * slope[i]! * social + trend[i]! * w)));
      data.answers[idx] = rng() < p ? 1 : 0;
    }
  }
  return data;
}

/** The respondents as the importer takes them (lines numbered from 2, after a header). */
export function* respondents(d: SyntheticData): Generator<Respondent> {
  for (let r = 0; r < d.n; r++) yield respondent(d, r);
}

export function respondent(d: SyntheticData, r: number): Respondent {
  const dims: (number | null)[] = new Array<number | null>(DIMENSIONS);
  for (let k = 0; k < DIMENSIONS; k++) {
    const c = d.dims[r * DIMENSIONS + k]!;
    dims[k] = c === 0 ? null : c;
  }
  const answers: (0 | 1 | null)[] = new Array<0 | 1 | null>(INDICATORS);
  for (let i = 0; i < INDICATORS; i++) {
    const v = d.answers[r * INDICATORS + i]!;
    answers[i] = v === -1 ? null : (v as 0 | 1);
  }
  return {
    line: r + 2,
    year: d.year[r]!,
    area: d.areas[d.area[r]!]!,
    weight: d.weight[r]!,
    dims,
    answers,
  };
}

function cumulative(xs: readonly number[]): Float64Array {
  const total = xs.reduce((s, x) => s + x, 0);
  const out = new Float64Array(xs.length);
  let acc = 0;
  xs.forEach((x, i) => {
    acc += x / total;
    out[i] = acc;
  });
  out[xs.length - 1] = 1;
  return out;
}

function draw(cum: Float64Array, u: number): number {
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]!) i++;
  return i;
}

const logit = (p: number) => Math.log(p / (1 - p));
