/**
 * The normal quantile for the measures, from the monitor's one implementation (AS241 in
 * stats/intervals.ts); here only the convenience of a level given as 0.95 or 95.
 */
import { normalQuantile, zFor } from '../stats/intervals.ts';

export { normalQuantile };

/** Two-sided multiplier z = Phi^-1(1 - (1 - level)/2) for a confidence level given as 0.95 or 95. */
export function zForLevel(level: number): number {
  return zFor(level > 1 ? level / 100 : level);
}
