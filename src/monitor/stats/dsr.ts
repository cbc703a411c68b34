/**
 * Directly standardised rates (DSR) with Dobson limits, the method behind England's Fingertips
 * (PHEindicatormethods::calculate_dsr):
 *
 *   DSR    = Σ(wᵢ · xᵢ / nᵢ) / Σwᵢ × multiplier
 *   var    = Σ(wᵢ² · xᵢ / nᵢ²) / (Σwᵢ)²
 *   limits = DSR + √(var / O) · (O_limit − O) × multiplier
 *
 * where O = Σxᵢ is the total count and O_limit its Poisson limit (Byar's from 10, exact below;
 * in practice always Byar's since DSRs with O < 10 are suppressed). Pure functions, no I/O.
 */
import { countInterval } from './intervals.ts';

/** Age bands of the European Standard Population 2013 (19 five-year bands, 90+ last). */
export const ESP2013_AGE_BANDS: readonly string[] = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
];

/** European Standard Population 2013, per 100,000, in the order of {@link ESP2013_AGE_BANDS}. */
export const ESP2013: readonly number[] = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
  2500, 1500, 1000,
];

/** Total count below which a DSR is not published. */
export const DSR_MIN_COUNT = 10;

export interface DsrInput {
  /** Events per age band. */
  counts: readonly number[];
  /** Population (person-years) per age band, same order. */
  populations: readonly number[];
  /** Standard population per age band; defaults to {@link ESP2013} (19 bands). */
  standard?: readonly number[];
  /** Rate per how many; default 100,000. */
  multiplier?: number;
  /** Default 0.95. */
  confidence?: number;
}

export type DsrResult =
  | {
      ok: true;
      /** null when suppressed (see `suppressed`). */
      value: number | null;
      lower: number | null;
      upper: number | null;
      totalCount: number;
      totalPopulation: number;
      method: 'Dobson';
      /** Why there is no value, e.g. total count < 10. */
      suppressed?: string;
    }
  | { ok: false; errors: string[] };

/**
 * Checks the inputs of {@link dsr}; returns one message per problem (empty when valid).
 * Rejects wrong numbers of age bands, a standard population that doesn't match the bands,
 * negative or non-finite counts, populations ≤ 0 and negative standard weights.
 */
export function validateDsrInput(input: DsrInput): string[] {
  const { counts, populations } = input;
  const standard = input.standard ?? ESP2013;
  const errors: string[] = [];
  const bands = standard.length;
  if (input.standard === undefined && counts.length !== ESP2013.length) {
    errors.push(`expected ${ESP2013.length} age bands (ESP2013), got ${counts.length} counts`);
  } else if (counts.length !== bands) {
    errors.push(`standard population has ${bands} age bands but there are ${counts.length} counts`);
  }
  if (populations.length !== counts.length) {
    errors.push(`got ${counts.length} counts but ${populations.length} populations`);
  }
  if (bands === 0) errors.push('no age bands');
  counts.forEach((x, i) => {
    if (!Number.isFinite(x) || x < 0)
      errors.push(`age band ${i + 1}: count must be a number >= 0, got ${x}`);
  });
  populations.forEach((n, i) => {
    if (!Number.isFinite(n) || n <= 0)
      errors.push(`age band ${i + 1}: population must be > 0, got ${n}`);
  });
  standard.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      errors.push(`age band ${i + 1}: standard population must be >= 0, got ${w}`);
    }
  });
  if (standard.every((w) => w === 0)) errors.push('standard population is all zero');
  const { multiplier = 100000, confidence = 0.95 } = input;
  if (!(multiplier > 0) || !Number.isFinite(multiplier))
    errors.push(`multiplier must be > 0, got ${multiplier}`);
  if (!(confidence > 0 && confidence < 1))
    errors.push(`confidence must lie between 0 and 1, got ${confidence}`);
  return errors;
}

/**
 * Directly standardised rate with Dobson limits. Invalid inputs give `{ ok: false, errors }`;
 * a total count below {@link DSR_MIN_COUNT} gives `ok: true` with null value and limits and a
 * `suppressed` reason.
 */
export function dsr(input: DsrInput): DsrResult {
  const errors = validateDsrInput(input);
  if (errors.length > 0) return { ok: false, errors };
  const { counts, populations, multiplier = 100000, confidence = 0.95 } = input;
  const standard = input.standard ?? ESP2013;
  let totalCount = 0;
  let totalPopulation = 0;
  let sumW = 0;
  let sumRate = 0;
  let sumVar = 0;
  for (let i = 0; i < counts.length; i++) {
    const x = counts[i] ?? 0;
    const n = populations[i] ?? 1;
    const w = standard[i] ?? 0;
    totalCount += x;
    totalPopulation += n;
    sumW += w;
    sumRate += (w * x) / n;
    sumVar += (w * w * x) / (n * n);
  }
  const base = { ok: true as const, totalCount, totalPopulation, method: 'Dobson' as const };
  if (totalCount < DSR_MIN_COUNT) {
    return {
      ...base,
      value: null,
      lower: null,
      upper: null,
      suppressed: `total count ${totalCount} < ${DSR_MIN_COUNT}`,
    };
  }
  const value = sumRate / sumW;
  const variance = sumVar / (sumW * sumW);
  const ci = countInterval(totalCount, confidence);
  const scale = Math.sqrt(variance / totalCount);
  return {
    ...base,
    value: value * multiplier,
    lower: (value + scale * (ci.lower - totalCount)) * multiplier,
    upper: (value + scale * (ci.upper - totalCount)) * multiplier,
  };
}
