/**
 * HEAT Plus measures of a template: every applicable summary measure per group, and the same as
 * CSV (one row per measure). Shared by `lighed measures` and the planners' upload page.
 */
import { writeCsv } from '../../platform/csv.ts';
import { computeAll, type HeatOptions } from '../measures/heat.ts';
import type { IntervalBasis, MeasureCode } from '../measures/types.ts';
import type { TemplateGroup } from './template.ts';

export interface MeasureRow {
  code: MeasureCode;
  value: number | null;
  lower: number | null;
  upper: number | null;
  method: string;
  /** How the interval was found (null interval: `none`). */
  interval: IntervalBasis;
}

export interface GroupMeasures {
  setting: string;
  date: number;
  source: string;
  indicator_abbr: string;
  indicator_name: string;
  dimension: string;
  measures: MeasureRow[];
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The measures of one template group; intervals dropped when a subgroup has no se. */
export function groupMeasures(group: TemplateGroup, opts: HeatOptions = {}): GroupMeasures {
  const results = group.measureSetting ? computeAll(group.measureSetting, opts) : [];
  return {
    setting: group.setting,
    date: group.date,
    source: group.source,
    indicator_abbr: group.indicator_abbr,
    indicator_name: group.indicator_name,
    dimension: group.dimension,
    measures: results.map((m) => ({
      code: m.code,
      value: finite(m.value),
      lower: group.seKnown ? finite(m.lower) : null,
      upper: group.seKnown ? finite(m.upper) : null,
      method: group.seKnown ? m.method : `${m.method} (no interval: a subgroup has no se)`,
      interval: group.seKnown ? m.interval : 'none',
    })),
  };
}

const CSV_COLUMNS = [
  'setting',
  'date',
  'source',
  'indicator_abbr',
  'indicator_name',
  'dimension',
  'measure',
  'value',
  'lower',
  'upper',
  'method',
] as const;

export function measuresCsv(results: readonly GroupMeasures[]): string {
  const rows = results.flatMap((g) =>
    g.measures.map((m) => ({
      setting: g.setting,
      date: g.date,
      source: g.source,
      indicator_abbr: g.indicator_abbr,
      indicator_name: g.indicator_name,
      dimension: g.dimension,
      measure: m.code,
      value: m.value,
      lower: m.lower,
      upper: m.upper,
      method: m.method,
    })),
  );
  return writeCsv(CSV_COLUMNS, rows);
}
