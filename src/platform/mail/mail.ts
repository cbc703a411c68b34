/**
 * The outbox's rules, pure: what a message may hold, when a failed one is tried again, which
 * failures are final, and how a failure is recorded without the server's words (which may
 * quote the recipient's address). Decision 0012.
 */
import { z } from 'zod';
import { LighedError } from '../errors.ts';

/** One header line: no line breaks (header injection), no control characters. */
export const headerText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no line breaks or control characters');

export const mailSchema = z.object({
  kommune: z.string().regex(/^\d{4}$/, 'must be a 4-digit kommunekode'),
  to: z.email().max(254),
  subject: headerText(200),
  text: z
    .string()
    .min(1)
    .max(100_000)
    .refine((v) => !v.includes('\0'), 'no NUL'),
  html: z
    .string()
    .min(1)
    .max(200_000)
    .refine((v) => !v.includes('\0'), 'no NUL')
    .optional(),
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'lower-case word, e.g. referral.closing-note'),
});

export type Mail = z.infer<typeof mailSchema>;

/** The message as checked, or a LighedError naming the fields (never their values). */
export function checkMail(m: unknown): Mail {
  const parsed = mailSchema.safeParse(m);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
  throw new LighedError(
    'LIGHED_ERR_VALIDATION',
    `Invalid mail: ${problems.map((p) => p.path).join(', ')}`,
    problems,
  );
}

/** The address part of a From such as `Roskilde Kommune <noreply@roskilde.dk>`. */
export function addressOf(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

/**
 * The Message-ID of an outbox row: its id at the sender's domain (RFC 5322 3.6.4), the same on
 * every attempt, so a resend after a crash can be told apart by the receiver.
 */
export function messageIdFor(outboxId: string, from: string): string {
  const domain = addressOf(from).split('@')[1] ?? 'lighed.invalid';
  return `<${outboxId}@${domain}>`;
}

/**
 * Seconds before attempt n+1, after n failed attempts: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h,
 * 12 h; after MAX_ATTEMPTS the message is failed (about 22 hours after the first attempt).
 */
const BACKOFF_SECONDS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;

export function retryDelaySeconds(failedAttempts: number): number {
  const i = Math.min(Math.max(failedAttempts, 1), BACKOFF_SECONDS.length) - 1;
  return BACKOFF_SECONDS[i]!;
}

/**
 * How long a claimed message is held for its sender: longer than any SMTP conversation can
 * take with the transport's timeouts (transport.ts), so only a sender that died lets it go.
 */
export const LEASE_SECONDS = 600;

/** A send failure as stored and logged: a code and the SMTP status, never the server's text. */
export interface SendFailure {
  code: string;
  permanent: boolean;
}

/**
 * A failure is final when the server refused the recipient or the message itself with a 5xx
 * at RCPT TO or DATA (RFC 5321 4.2.1: do not repeat the same request); everything else (the
 * connection, a 4xx, the sign-in, a refused sender: our configuration, fixed by the operator, a
 * timeout) may pass, so it is retried.
 */
export function classifyFailure(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
    name?: unknown;
  };
  const code = typeof e.code === 'string' && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : 'ERROR';
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const permanent =
    status !== null &&
    status >= 500 &&
    status < 600 &&
    (command.startsWith('RCPT') || command === 'DATA');
  return { code: status === null ? code : `${code} ${status}`, permanent };
}
