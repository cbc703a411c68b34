/**
 * FHIR errors as OperationOutcome (R4): every failure of /fhir, whatever threw it, is one of
 * these, with the HTTP status the FHIR RESTful API names (400, 401, 403, 404, 405, 412, 422, 500).
 */
import { LighedError } from '../platform/errors.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** IssueType codes we use (http://hl7.org/fhir/issue-type). */
export type IssueCode =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'security'
  | 'login'
  | 'forbidden'
  | 'not-found'
  | 'not-supported'
  | 'conflict'
  | 'business-rule'
  | 'duplicate'
  | 'processing'
  | 'throttled'
  | 'exception';

export interface Issue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: IssueCode;
  diagnostics?: string;
  /** FHIRPath of the element at fault, e.g. `Bundle.entry[2].resource.status`. */
  expression?: string[];
  details?: { coding?: { system: string; code: string }[]; text?: string };
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: Issue[];
}

/** A FHIR failure: the status and the outcome to send. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => i.diagnostics ?? i.code).join('; '));
    this.name = 'FhirError';
  }

  get outcome(): OperationOutcome {
    return { resourceType: 'OperationOutcome', issue: this.issues };
  }
}

export const fhirError = (
  status: number,
  code: IssueCode,
  diagnostics: string,
  extra: Partial<Issue> = {},
) => new FhirError(status, [{ severity: 'error', code, diagnostics, ...extra }]);

export const notFoundOutcome = (what: string) => fhirError(404, 'not-found', `${what} not found`);

/** Any thrown error as a FhirError; the message of an unknown error never leaves (it may hold data). */
export function toFhirError(err: unknown): FhirError {
  if (err instanceof FhirError) return err;
  if (err instanceof LighedError) {
    const issues: Issue[] = err.problems.length
      ? err.problems.map((p) => ({
          severity: 'error' as const,
          code: 'invalid' as const,
          diagnostics: p.message,
          expression: [p.path],
        }))
      : [];
    const issuesOr = (code: IssueCode): Issue[] =>
      issues.length ? issues : [{ severity: 'error', code, diagnostics: err.message }];
    switch (err.code) {
      case 'LIGHED_ERR_VALIDATION':
        return new FhirError(400, issuesOr('invalid'));
      case 'LIGHED_ERR_UNAUTHENTICATED':
        return new FhirError(401, issuesOr('login'));
      case 'LIGHED_ERR_FORBIDDEN':
        return new FhirError(403, issuesOr('forbidden'));
      case 'LIGHED_ERR_NOT_FOUND':
        return new FhirError(404, issuesOr('not-found'));
      case 'LIGHED_ERR_CONFLICT':
        return new FhirError(409, issuesOr('conflict'));
      case 'LIGHED_ERR_RATE_LIMITED':
        return new FhirError(429, issuesOr('throttled'));
      case 'LIGHED_ERR_IMPORT_INVALID':
        return new FhirError(422, issuesOr('invalid'));
      case 'LIGHED_ERR_CSRF':
      case 'LIGHED_ERR_CONFIG':
      case 'LIGHED_ERR_DATADIR_LOCKED':
      case 'LIGHED_ERR_INTERNAL':
        return fhirError(500, 'exception', 'Internal error');
    }
  }
  const fe = err as { statusCode?: number; code?: string; validation?: unknown };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415)
    return fhirError(415, 'not-supported', 'Send application/fhir+json');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return fhirError(400, 'structure', 'The body is empty or too large');
  if (fe.statusCode === 400 || fe.validation || err instanceof SyntaxError)
    return fhirError(400, 'structure', 'The body is not valid JSON');
  if (fe.statusCode === 404) return notFoundOutcome('Resource');
  if (fe.statusCode === 429) return fhirError(429, 'throttled', 'Too many requests');
  return fhirError(500, 'exception', 'Internal error');
}
