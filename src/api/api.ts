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
