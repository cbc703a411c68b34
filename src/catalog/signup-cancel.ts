/**
 * The rules of the link on a sign-up receipt that lets the citizen cancel without an account
 * (decision 0016). The link carries a random token of 256 bits; only its SHA-256 is stored
 * with the sign-up, so nobody can make a working link without having been shown one (a forged
 * or guessed token matches no row), and the database or a backup cannot cancel anyone. A link
 * works until it expires and once: cancelling sets `cancelled_at`, after which the same link
 * says "already cancelled". Pure functions; the SQL is in signup.store.ts.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long the link on a receipt works. Sign-ups are kept at most a year (retention.ts). */
export const CANCEL_LINK_DAYS = 180;

/** 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface CancelToken {
  /** Goes into the link, once, on the receipt; never stored. */
  token: string;
  /** Stored with the sign-up. */
  hash: string;
  expiresAt: Date;
}

export const hashCancelToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** When a link made at `now` stops working. */
export const cancelExpiry = (now: Date): Date =>
  new Date(now.getTime() + CANCEL_LINK_DAYS * 86_400_000);

export function newCancelToken(now: Date): CancelToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashCancelToken(token), expiresAt: cancelExpiry(now) };
}

/** A token as a link can carry it; anything else is refused before the database is asked. */
export function readCancelToken(raw: unknown): string | null {
  const s = typeof raw === 'string' ? raw.trim() : '';
  return TOKEN.test(s) ? s : null;
}

/** What the stored row says about a link. */
export interface CancelRow {
  status: string;
  cancel_expires_at: Date | null;
  cancelled_at: Date | null;
}

export type CancelState = 'valid' | 'used' | 'expired' | 'unknown';

/**
 * The state of a link: `unknown` when no sign-up has the token (forged, mistyped, or the
 * sign-up was deleted), `used` once cancelled, `expired` after its time, else `valid`.
 */
export function cancelState(row: CancelRow | null, now: Date): CancelState {
  if (!row || !row.cancel_expires_at) return 'unknown';
  if (row.cancelled_at || row.status === 'cancelled') return 'used';
  if (row.cancel_expires_at.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** The path of the cancel link (the token in the query string: logs keep paths only). */
export const cancelPath = (offerId: string, token: string) =>
  `/tilbud/${offerId}/afmeld?noegle=${encodeURIComponent(token)}`;
