/**
 * The three ways the monitor can compute its summary measures, as a planner chooses them on the
 * indicator page (`metode=`) and in `lighed measures --method`:
 *
 * - `survey` (default for survey data): HEAT's measures and point values; the intervals of ACI,
 *   RCI, SII and RII by simulation from the subgroups' own standard errors, so they carry the
 *   survey's sampling error (HEAT's model-based intervals do not: they take the population
 *   counts as the sample).
 * - `phe`: as `survey`, but SII and RII in PHE's convention (Fingertips, PHEindicatormethods):
 *   weighted least squares on the relative rank, Monte Carlo limits over the subgroups' SEs.
 * - `heat`: WHO HEAT's own numbers, model-based intervals included, as HEAT Plus shows them.
 */
import type { HeatOptions } from './heat.ts';

export const MEASURE_METHODS = ['survey', 'phe', 'heat'] as const;
export type MeasureMethod = (typeof MEASURE_METHODS)[number];
export const DEFAULT_METHOD: MeasureMethod = 'survey';

export const isMeasureMethod = (v: unknown): v is MeasureMethod =>
  typeof v === 'string' && (MEASURE_METHODS as readonly string[]).includes(v);

export function heatOptionsFor(
  method: MeasureMethod,
): Pick<HeatOptions, 'siiConvention' | 'orderedIntervals'> {
  switch (method) {
    case 'survey':
      return { siiConvention: 'heat-logit', orderedIntervals: 'subgroup-se' };
    case 'phe':
      return { siiConvention: 'phe-wls', orderedIntervals: 'subgroup-se' };
    case 'heat':
      return { siiConvention: 'heat-logit', orderedIntervals: 'model' };
  }
}
