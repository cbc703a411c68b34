/** Signing staff in and out with a local account; sessions live in staff_session (staff.store.ts). */
import { inTenant, type Db } from '../db/db.ts';
import type { Clock } from '../platform/clock.ts';
import { clearAttempts, giveBackAttempt, takeAttempt } from '../platform/rate-limit.store.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { normaliseEmail, signInKeys } from './sign-in.ts';
import {
  createSession,
  endSession,
  findUserForSignIn,
  replacePasswordHash,
} from './staff.store.ts';

export interface SignInAttempt {
  kommune: string;
  email: string;
  password: string;
  /** The client's address as the configured proxy trust sees it (never stored in clear). */
  address: string;
}

export type SignInResult =
  | { ok: true; token: string }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Starts a session for the account. Each attempt is counted against the account and the
 * address before the password is checked (so parallel guesses count too); a good sign-in
 * forgets the account's count and gives the address its attempt back. An old hash is
 * replaced by one at today's cost.
 */
export async function signIn(db: Db, clock: Clock, attempt: SignInAttempt): Promise<SignInResult> {
  const email = normaliseEmail(attempt.email);
  const keys = signInKeys(attempt.kommune, email, attempt.address);
  const verdict = await takeAttempt(db, [keys.account, keys.address], clock.now());
  if (!verdict.allowed) return { ok: false, reason: 'throttled', ...verdict };

  // The password is checked outside any transaction: on PGlite a transaction holds the only
  // connection, and scrypt takes a few hundred milliseconds.
  const user = await inTenant(db, attempt.kommune, (tx) => findUserForSignIn(tx, email));
  const hash = user?.password_hash ?? null;
  const ok = await verifyPassword(attempt.password, hash ?? dummyHash());
  if (!user || !hash || !ok || user.disabled) return { ok: false, reason: 'wrong' };

  await clearAttempts(db, [keys.account.key]);
  await giveBackAttempt(db, [keys.address], clock.now());
  const rehash = needsRehash(hash) ? await hashPassword(attempt.password) : null;
  const token = await inTenant(db, attempt.kommune, async (tx) => {
    if (rehash) await replacePasswordHash(tx, user.id, hash, rehash);
    return createSession(tx, user);
  });
  return { ok: true, token };
}

export async function signOut(db: Db, kommune: string, token: string): Promise<void> {
  await inTenant(db, kommune, (tx) => endSession(tx, token));
}
