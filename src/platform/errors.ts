/**
 * One error currency (CONVENTIONS.md §2). Expected failures carry a stable code listed in
 * docs/errors.md; one handler in src/web/error-handler.ts maps codes to HTTP status and page.
 */
export const errorStatus = {
  LIGHED_ERR_VALIDATION: 400,
  LIGHED_ERR_UNAUTHENTICATED: 401,
  LIGHED_ERR_FORBIDDEN: 403,
  LIGHED_ERR_CSRF: 403,
  LIGHED_ERR_NOT_FOUND: 404,
  LIGHED_ERR_CONFLICT: 409,
  LIGHED_ERR_RATE_LIMITED: 429,
  LIGHED_ERR_IMPORT_INVALID: 422,
  LIGHED_ERR_DATADIR_LOCKED: 500,
  LIGHED_ERR_CONFIG: 500,
  LIGHED_ERR_INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A problem with one field or record: `path` names it (e.g. `phone`, `services[3].name`). */
export interface FieldProblem {
  path: string;
  /** Message key in the web messages, or plain text for CLI/API-only problems. */
  message: string;
}

export class LighedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'LighedError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) =>
  new LighedError('LIGHED_ERR_NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'Not allowed') => new LighedError('LIGHED_ERR_FORBIDDEN', why);
