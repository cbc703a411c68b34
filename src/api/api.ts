/**
 * The open API's rules, pure: how many requests an address may make (the kernel's counters,
 * decision 0010), and how a schema's complaint names the parameter.
 */
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { addressKey, type LimitPolicy } from '../platform/rate-limit.ts';
import type { LimitKey } from '../platform/rate-limit.store.ts';

export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = '/api/openapi.json';
export const REFERENCE_PATH = '/api';

/** A dashboard polling every few seconds is fine; a scraper hammering it waits a minute. */
export const API_PER_ADDRESS: LimitPolicy = {
  max: 300,
  windowSeconds: 60,
  lockSeconds: 60,
  maxLockSeconds: 600,
  forgetSeconds: 600,
};

export const apiKeys = (ip: string): LimitKey[] => [
  { key: `api:address:${addressKey(ip)}`, policy: API_PER_ADDRESS },
];

/** Figures change with a survey wave or a planner's edit: five minutes is fresh enough. */
export const CACHE_CONTROL = 'public, max-age=300';

interface SchemaError {
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/** A query the schema refused, as a 400 naming each parameter (`errors[].path`). */
export function validationProblem(errors: readonly SchemaError[]): LighedError {
  const problems: FieldProblem[] = errors.map((e) => {
    const missing = e.params.missingProperty;
    const extra = e.params.additionalProperty;
    const path =
      typeof missing === 'string'
        ? missing
        : typeof extra === 'string'
          ? extra
          : e.instancePath.replace(/^\//, '');
    return { path, message: e.message ?? 'is invalid' };
  });
  const text = problems.map((p) => `${p.path} ${p.message}`).join('; ');
  return new LighedError('LIGHED_ERR_VALIDATION', `Invalid query: ${text}`, problems);
}

/**
 * Numbers leave the API at the precision the pages show (src/planning/goal.ts `formatValue`, the
 * monitor's tables): percentages and percentage points to one decimal, reach ratios to two.
 * More digits would claim a precision the survey does not have, and would differ from the page
 * a reader compares with. Halves round away from zero, as Intl.NumberFormat does on the pages.
 */
export const PERCENT_DIGITS = 1;
export const RATIO_DIGITS = 2;

export function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  // Scaled through the decimal string, so 0.15 (binary 0.1499…) rounds to 0.2 as on the page;
  // a number JavaScript already writes with an exponent (tiny or huge) is scaled directly.
  const text = String(Math.abs(v));
  const scaled = text.includes('e') ? Math.abs(v) * f : Number(`${text}e${digits}`);
  const r = (Math.sign(v) * Math.round(scaled)) / f;
  return r === 0 ? 0 : r;
}

export const roundOrNull = (v: number | null, digits: number): number | null =>
  v === null ? null : roundTo(v, digits);

/** A goal's digits by its measure: ratios 2, percentages and points 1. */
export const goalDigits = (measure: string): number =>
  measure === 'reach_ratio' ? RATIO_DIGITS : PERCENT_DIGITS;
