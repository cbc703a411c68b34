import { describe, expect, it } from 'vitest';
import {
  addressKey,
  giveBack,
  lockSeconds,
  take,
  type LimitPolicy,
  type LimitState,
} from './rate-limit.ts';

const policy: LimitPolicy = {
  max: 3,
  windowSeconds: 600,
  lockSeconds: 60,
  maxLockSeconds: 300,
  forgetSeconds: 3600,
};
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

/** Runs attempts at the given seconds; returns the verdicts and the final state. */
function run(times: number[], start?: LimitState) {
  let state = start;
  const allowed: boolean[] = [];
  for (const t of times) {
    const r = take(policy, state, at(t));
    allowed.push(r.verdict.allowed);
    state = r.next;
  }
  return { allowed, state };
}

describe('attempt limits', () => {
  it('allows max attempts, the last of which locks the key for the next ones', () => {
    const { allowed, state } = run([0, 1, 2, 3]);
    expect(allowed).toEqual([true, true, true, false]);
    expect(state?.lockedUntil).toEqual(at(62));
  });

  it('refuses while locked without changing anything, with the time left', () => {
    const { state } = run([0, 1, 2]);
    const r = take(policy, state, at(32));
    expect(r.verdict).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(r.next).toBe(state);
  });

  it('doubles each further lock up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5].map((s) => lockSeconds(policy, s))).toEqual([
      60, 120, 240, 300, 300, 300,
    ]);
    // Second lock after the first has run out: twice as long.
    const { state } = run([0, 1, 2, 70, 71, 72]);
    expect(state?.lockedUntil).toEqual(at(72 + 120));
    expect(state?.strikes).toBe(2);
  });

  it('starts a new window when the old one has passed', () => {
    const { allowed, state } = run([0, 1, 601, 602]);
    expect(allowed).toEqual([true, true, true, true]);
    expect(state?.hits).toBe(2);
    expect(state?.lockedUntil).toBeNull();
  });

  it('forgets strikes once the key has been quiet long enough', () => {
    const { state } = run([0, 1, 2]);
    const later = run([2 + 60 + 600 + 3600 + 1], state).state;
    expect(later?.strikes).toBe(0);
    expect(later?.hits).toBe(1);
  });

  it('gives back an attempt, lifting a lock that attempt started', () => {
    const { state } = run([0, 1, 2]);
    const back = giveBack(policy, state, at(3));
    expect(back?.hits).toBe(2);
    expect(back?.lockedUntil).toBeNull();
    expect(back?.strikes).toBe(0);
    expect(take(policy, back, at(4)).verdict.allowed).toBe(true);
    expect(giveBack(policy, undefined, at(4))).toBeUndefined();
  });

  it('counts IPv6 clients by their /64 and IPv4 whole', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
  });
});
