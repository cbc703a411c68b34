/**
 * Attempt limits with a growing, capped lock-out: the pure rule. A key (a staff account, a
 * network address, an offer) may make `max` attempts within a window; the attempt that reaches
 * `max` locks the key for `lockSeconds`, doubled for each lock since the key was last quiet for
 * `forgetSeconds`, never longer than `maxLockSeconds`. The counters live in PostgreSQL
 * (rate-limit.store.ts) so every app server shares them. Decision 0010 says why.
 */
import { isIP } from 'node:net';

export interface LimitPolicy {
  /** Attempts allowed within one window; the one that reaches it starts a lock. */
  max: number;
  windowSeconds: number;
  /** The first lock; each further lock doubles it. */
  lockSeconds: number;
  /** The longest lock, so an attacker cannot shut a user out for long. */
  maxLockSeconds: number;
  /** A key quiet this long (after its window and lock) starts over, strikes forgotten. */
  forgetSeconds: number;
}

export interface LimitState {
  hits: number;
  windowStart: Date;
  lockedUntil: Date | null;
  /** Locks so far: the next lock lasts lockSeconds x 2^strikes. */
  strikes: number;
  expiresAt: Date;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

/** How long the lock after `strikes` earlier locks lasts, in seconds. */
export function lockSeconds(policy: LimitPolicy, strikes: number): number {
  return Math.min(policy.lockSeconds * 2 ** Math.min(strikes, 30), policy.maxLockSeconds);
}

/** The state as it stands at `now`: an expired row counts as no row. */
export function live(state: LimitState | undefined, now: Date): LimitState | undefined {
  return state && state.expiresAt > now ? state : undefined;
}

/** The refusal while a key is locked, or undefined when it is not. */
export function lockedVerdict(state: LimitState | undefined, now: Date): Verdict | undefined {
  const s = live(state, now);
  if (!s?.lockedUntil || s.lockedUntil <= now) return undefined;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((s.lockedUntil.getTime() - now.getTime()) / 1000)),
  };
}

function expiry(policy: LimitPolicy, windowStart: Date, lockedUntil: Date | null): Date {
  const windowEnd = addSeconds(windowStart, policy.windowSeconds).getTime();
  const end = Math.max(windowEnd, lockedUntil?.getTime() ?? 0);
  return addSeconds(new Date(end), policy.forgetSeconds);
}

/**
 * One attempt. While the key is locked it is refused and nothing changes (so hammering a
 * locked key does not lengthen the lock); otherwise it is counted, and the attempt that
 * reaches `max` is still allowed but locks the key for the ones after it.
 */
export function take(
  policy: LimitPolicy,
  prev: LimitState | undefined,
  now: Date,
): { verdict: Verdict; next: LimitState | undefined } {
  const locked = lockedVerdict(prev, now);
  if (locked) return { verdict: locked, next: prev };
  const s = live(prev, now);
  const fresh =
    !s ||
    addSeconds(s.windowStart, policy.windowSeconds) <= now ||
    (s.lockedUntil !== null && s.lockedUntil <= now);
  const hits = fresh ? 1 : s.hits + 1;
  const windowStart = fresh ? now : s.windowStart;
  let strikes = s?.strikes ?? 0;
  let lockedUntil: Date | null = null;
  if (hits >= policy.max) {
    lockedUntil = addSeconds(now, lockSeconds(policy, strikes));
    strikes += 1;
  }
  return {
    verdict: { allowed: true },
    next: {
      hits,
      windowStart,
      lockedUntil,
      strikes,
      expiresAt: expiry(policy, windowStart, lockedUntil),
    },
  };
}

/**
 * Gives back one allowed attempt that turned out fine (a sign-in that succeeded, a form that
 * was not stored): it no longer counts, and a lock it started is lifted.
 */
export function giveBack(
  policy: LimitPolicy,
  prev: LimitState | undefined,
  now: Date,
): LimitState | undefined {
  const s = live(prev, now);
  if (!s || s.hits === 0) return prev;
  const startedLock = s.lockedUntil !== null && s.lockedUntil > now && s.hits >= policy.max;
  const lockedUntil = startedLock ? null : s.lockedUntil;
  return {
    ...s,
    hits: s.hits - 1,
    lockedUntil,
    strikes: startedLock ? Math.max(0, s.strikes - 1) : s.strikes,
    expiresAt: expiry(policy, s.windowStart, lockedUntil),
  };
}

/**
 * The part of a client's address that identifies it: an IPv4 address whole, an IPv6 address
 * by its /64 prefix (one household or server gets a whole /64, so counting single IPv6
 * addresses would let it rotate freely).
 */
export function addressKey(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped) return v4mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
