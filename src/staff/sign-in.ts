/**
 * Sign-in throttling (decision 0010): how many password guesses an account and a network
 * address get, and the keys they are counted under. Pure; the counting is the kernel's
 * (platform/rate-limit.store.ts), shared by every app server.
 */
import { addressKey, type LimitPolicy } from '../platform/rate-limit.ts';
import type { LimitKey } from '../platform/rate-limit.store.ts';

/**
 * Per account: 5 failed sign-ins within 15 minutes lock the account for 1 minute, then 2, 4,
 * 8, at most 15; the right password from any address waits too. A good sign-in forgets all.
 */
export const ACCOUNT_POLICY: LimitPolicy = {
  max: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 60,
  maxLockSeconds: 15 * 60,
  forgetSeconds: 24 * 3600,
};

/**
 * Per address: a larger budget (many staff can share one address), 30 failures within 15
 * minutes lock the address for 5 minutes, then 10, 20, at most 30.
 */
export const ADDRESS_POLICY: LimitPolicy = {
  max: 30,
  windowSeconds: 15 * 60,
  lockSeconds: 5 * 60,
  maxLockSeconds: 30 * 60,
  forgetSeconds: 24 * 3600,
};

/** The e-mail as accounts are looked up: without surrounding spaces, in lower case. */
export function normaliseEmail(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().toLowerCase().slice(0, 200) : '';
}

/** The account key exists for any e-mail, known or not, so a lock reveals no account. */
export function signInKeys(
  kommune: string,
  email: string,
  ip: string,
): { account: LimitKey; address: LimitKey } {
  return {
    account: { key: `signin:account:${kommune}:${normaliseEmail(email)}`, policy: ACCOUNT_POLICY },
    address: { key: `signin:address:${addressKey(ip)}`, policy: ADDRESS_POLICY },
  };
}
