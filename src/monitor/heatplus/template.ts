/**
 * The WHO HEAT Plus data template: one row per setting x date x source x indicator x
 * dimension x subgroup, in 20 columns. Semantics as HEAT Plus' upload checks define them:
 * `date` is a year; `favourable_indicator`, `ordered_dimension` and `reference_subgroup` are
 * 0/1; `subgroup_order` is 1..n for an ordered dimension (1 = most disadvantaged) and 0
 * otherwise; a reference subgroup only in a non-ordered dimension; `indicator_scale` is the
 * scale of the estimate (100 for a percentage, 1000 for a rate per 1000); `se` may be empty,
 * then HEAT derives it from the 95% limits as (ci_ub - ci_lb) / (2 x 1.96).
 *
 * Reading and validation live in template.read.ts / template.validate.ts, writing in
 * template.write.ts.
 */
import type { Setting } from '../measures/types.ts';

export const TEMPLATE_COLUMNS = [
  'setting',
  'date',
  'source',
  'indicator_abbr',
  'indicator_name',
  'dimension',
  'subgroup',
  'estimate',
  'se',
  'ci_lb',
  'ci_ub',
  'population',
  'note',
  'setting_average',
  'iso3',
  'favourable_indicator',
  'indicator_scale',
  'ordered_dimension',
  'subgroup_order',
  'reference_subgroup',
] as const;

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** One template row; empty numeric cells are null. */
export interface TemplateRow {
  setting: string;
  date: number;
  source: string;
  indicator_abbr: string;
  indicator_name: string;
  dimension: string;
  subgroup: string;
  estimate: number;
  se: number | null;
  ci_lb: number | null;
  ci_ub: number | null;
  population: number | null;
  note: string;
  setting_average: number | null;
  iso3: string;
  favourable_indicator: 0 | 1;
  indicator_scale: number;
  ordered_dimension: 0 | 1;
  /** 1..n for ordered dimensions (1 = most disadvantaged), 0 otherwise. */
  subgroup_order: number;
  reference_subgroup: 0 | 1;
}

/** A parsed row with the line (CSV) or sheet row (XLSX) it came from. */
export interface LocatedRow extends TemplateRow {
  line: number;
}

/** One setting x date x source x indicator x dimension: the unit HEAT's measures work on. */
export interface TemplateGroup {
  setting: string;
  date: number;
  source: string;
  indicator_abbr: string;
  indicator_name: string;
  dimension: string;
  iso3: string;
  setting_average?: number;
  rows: LocatedRow[];
  /** Input to the summary measures; absent when a population is missing. */
  measureSetting?: Setting;
  /** False when some subgroup has neither se nor limits (measures without intervals). */
  seKnown: boolean;
}

/** HEAT's normal multiplier for deriving se from 95% limits. */
export const HEAT_Z = 1.96;

/** se as HEAT takes it: the given se, else (ci_ub - ci_lb) / (2 x 1.96), else null. */
export function effectiveSe(row: Pick<TemplateRow, 'se' | 'ci_lb' | 'ci_ub'>): number | null {
  if (row.se !== null) return row.se;
  if (row.ci_lb !== null && row.ci_ub !== null) return (row.ci_ub - row.ci_lb) / (2 * HEAT_Z);
  return null;
}

/** Subgroup estimates of one setting x date x indicator x dimension, e.g. from microdata. */
export interface TemplateEstimates {
  setting: string;
  date: number;
  source: string;
  indicatorAbbr: string;
  indicatorName: string;
  dimension: string;
  favourable: boolean;
  scale: number;
  ordered: boolean;
  settingAverage: number | null;
  iso3: string;
  note?: string;
  subgroups: readonly {
    name: string;
    estimate: number;
    se: number | null;
    lower: number | null;
    upper: number | null;
    population: number | null;
    /** Ordered dimensions: 1 = most disadvantaged. */
    order?: number;
    reference?: boolean;
  }[];
}

/** Template rows for one set of subgroup estimates (subgroup_order 0 and no reference when not ordered / ordered). */
export function templateRows(e: TemplateEstimates): TemplateRow[] {
  return e.subgroups.map((g) => ({
    setting: e.setting,
    date: e.date,
    source: e.source,
    indicator_abbr: e.indicatorAbbr,
    indicator_name: e.indicatorName,
    dimension: e.dimension,
    subgroup: g.name,
    estimate: g.estimate,
    se: g.se,
    ci_lb: g.lower,
    ci_ub: g.upper,
    population: g.population,
    note: e.note ?? '',
    setting_average: e.settingAverage,
    iso3: e.iso3,
    favourable_indicator: e.favourable ? 1 : 0,
    indicator_scale: e.scale,
    ordered_dimension: e.ordered ? 1 : 0,
    subgroup_order: e.ordered ? (g.order ?? 0) : 0,
    reference_subgroup: !e.ordered && g.reference === true ? 1 : 0,
  }));
}
