/**
 * The time, from one place. Use cases take `now` from the clock they are given rather than
 * reading the system time themselves, so tests can stand on any date (retention, answer times,
 * working days) without faking timers.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still (tests), or moves only when told. */
export function fixedClock(at: Date): Clock & { set(d: Date): void } {
  let t = at;
  return {
    now: () => new Date(t),
    set(d) {
      t = d;
    },
  };
}
