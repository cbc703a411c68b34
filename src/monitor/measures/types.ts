/**
 * Shared types of the summary measures of inequality (HEAT's 21 plus PHE's SII/RII).
 * See shared/design/MONITOR.md, "Summary measures of inequality".
 */

/** One subgroup of a setting x date x indicator x dimension (a HEAT Plus template row). */
export interface Subgroup {
  name: string;
  /** Subgroup estimate y_j on the indicator scale (e.g. 0..100 for a percentage). */
  estimate: number;
  /** Standard error s_j of the estimate, same scale. */
  se: number;
  /** Population share or count; shares p_j are normalised from these. */
  population: number;
  /** For ordered dimensions: 1 = most disadvantaged, increasing to the most advantaged. */
  order?: number;
  /** Marks the reference subgroup of a non-ordered dimension (HEAT Plus `reference_subgroup`). */
  reference?: boolean;
}

export interface Setting {
  subgroups: readonly Subgroup[];
  /** Ordered dimension (education, income group, ...) vs non-ordered (region, origin, ...). */
  ordered: boolean;
  /** Favourable indicator: higher is better (coverage). Adverse: higher is worse (mortality). */
  favourable: boolean;
  /** Indicator scale, e.g. 100 for a percentage, 1000 for a rate per 1000; estimates lie in [0, scale]. */
  scale: number;
  /**
   * Reported setting (national) average. HEAT uses mu = sum p_j y_j whenever every population is
   * known (its "github 903"), so the measures do not use this; it is kept for the template.
   */
  settingAverage?: number;
}

/**
 * How an interval was found, in words a page can translate (the `method` string carries the
 * formula): `analytic` a closed-form variance from the subgroups' standard errors;
 * `simulation` draws of every subgroup estimate within its standard error (HEAT's simulation,
 * and for ACI/RCI/SII/RII our survey default); `monte-carlo` PHE's Monte Carlo method over the
 * subgroups' standard errors; `heat-model` WHO HEAT's model-based interval, which takes the
 * population counts as the sample and ignores the subgroups' sampling error; `none` no interval.
 */
export type IntervalBasis = 'analytic' | 'simulation' | 'monte-carlo' | 'heat-model' | 'none';

/** One summary measure with its interval and the convention used to compute it. */
export interface MeasureResult {
  code: MeasureCode;
  value: number;
  lower: number;
  upper: number;
  /** Names the convention/interval method, e.g. "analytic: var(D) = s1^2 + s2^2". */
  method: string;
  /** How the interval was found (see IntervalBasis). */
  interval: IntervalBasis;
}

export type MeasureCode =
  | 'D'
  | 'R'
  | 'ACI'
  | 'RCI'
  | 'SII'
  | 'RII'
  | 'BGV'
  | 'BGSD'
  | 'COV'
  | 'MDMU'
  | 'MDMW'
  | 'MDBU'
  | 'MDBW'
  | 'MDRU'
  | 'MDRW'
  | 'IDISU'
  | 'IDISW'
  | 'TI'
  | 'MLD'
  | 'PAF'
  | 'PAR';
