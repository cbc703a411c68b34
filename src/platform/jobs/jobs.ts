/**
 * Pure rules of the job queue: what job data may hold, what a failure leaves behind, and the
 * defaults (decision 0019).
 */

/** Cron schedules are read in Danish time, so '15 3 * * *' is 03:15 summer and winter. */
export const CRON_TIME_ZONE = 'Europe/Copenhagen';
export const DEFAULT_RETRY_LIMIT = 5;
/** First retry after 30–60 s, then doubling (pg-boss's back-off adds up to 100 % jitter). */
export const DEFAULT_RETRY_DELAY_SECONDS = 30;
/** A run longer than this is failed (and retried): a crashed process frees its jobs this way. */
export const DEFAULT_EXPIRE_SECONDS = 15 * 60;

const NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

export function checkJobName(name: string): string {
  if (!NAME.test(name) || name.length > 60)
    throw new TypeError(`job name "${name}" must be lower-case words joined by . _ or -`);
  return name;
}

type Scalar = string | number | boolean | null;
const isScalar = (v: unknown): v is Scalar =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * Job data carries ids and dates only (a municipality's code, a record's uuid, an ISO time),
 * never personal data: it is kept in pgboss.job for weeks, shown to administrators and may be
 * read by anyone who can read the queue. A flat object of scalars (or lists of them) is what
 * ids fit in; anything nested is refused here, so a whole record cannot slip in by accident.
 */
export function checkJobData(data: object | undefined): Record<string, unknown> {
  if (data === undefined) return {};
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new TypeError('job data must be an object of ids');
  for (const [key, value] of Object.entries(data)) {
    const ok = isScalar(value) || (Array.isArray(value) && value.every(isScalar));
    if (!ok) throw new TypeError(`job data "${key}" must be an id, a number or a list of ids`);
  }
  return { ...(data as Record<string, unknown>) };
}

/**
 * What a failed attempt records: the error's class and code, never its message (a database or
 * SMTP error may quote a citizen's data). pg-boss stores it as the job's output.
 */
export class JobFailure extends Error {
  readonly code: string;
  readonly errorClass: string;
  constructor(errorClass: string, code: string) {
    super(code);
    this.name = 'JobFailure';
    this.code = code;
    this.errorClass = errorClass;
  }
}

export function failureOf(err: unknown): JobFailure {
  if (err instanceof JobFailure) return err;
  const errorClass =
    err instanceof Error ? err.constructor.name || err.name || 'Error' : typeof err;
  const raw = (err as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' && /^[\w.-]{1,64}$/.test(raw) ? raw : errorClass;
  return new JobFailure(errorClass, code);
}

/**
 * The error code shown for a failed job: ours (JobFailure), or pg-boss's own endings (a run
 * that outlived its expiry, a shutdown while running).
 */
export function errorCodeOf(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { code?: unknown; message?: unknown; value?: unknown };
    if (typeof o.code === 'string') return o.code;
    const text = JSON.stringify(o.message ?? o.value ?? '');
    if (/timeout|exceeded/i.test(text)) return 'timeout';
    if (/shut down/i.test(text)) return 'shutdown';
  }
  return 'unknown';
}
