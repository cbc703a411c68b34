/**
 * Pure: from sums to the tables a planner sees. One table is an indicator x dimension x year x
 * scope (area, region or country): the subgroups' prevalences, the everyone-row, small cells
 * suppressed (../publish/suppression.ts), and HEAT's summary measures when every subgroup
 * could be published (a measure over a hidden subgroup would give it away).
 */
import type { Codebook, Dimension, Indicator, Label } from '../microdata/codebook.ts';
import { computeAll, type HeatOptions } from '../measures/heat.ts';
import type { MeasureCode, MeasureResult, Setting } from '../measures/types.ts';
import {
  suppressCells,
  type SuppressionOptions,
  type SuppressionReason,
} from '../publish/suppression.ts';
import type { SuppressionPlan } from './suppression-plan.ts';
import { addSums, EMPTY_SUMS, prevalence, type CellSums, type Prevalence } from './estimate.ts';
import type { SumsRow } from './estimates.store.ts';

export type ScopeKind = 'area' | 'region' | 'country';
export interface Scope {
  kind: ScopeKind;
  code: string;
  name: Label;
  /** A region or the country the dataset covers only in part: how many of its municipalities. */
  coverage?: { areas: number; of: number };
}

export interface Figure {
  /** 0 for everyone, else the 1-based category in codebook order. */
  category: number;
  code: string;
  label: Label;
  prevalence: Prevalence;
  suppressed: SuppressionReason | null;
  reference: boolean;
}

/** Why a table has no measures; `no-population` only for a HEAT Plus file without populations. */
export type MeasuresNote = 'suppressed' | 'no-estimate' | 'no-population';

export interface Table {
  scope: Scope;
  year: number;
  indicator: Indicator;
  dimension: Dimension;
  total: Figure;
  groups: Figure[];
  measures: MeasureResult[] | null;
  measuresNote: MeasuresNote | null;
}

export const EVERYONE: Label = { da: 'Alle', en: 'Everyone' };

export interface TableOptions {
  suppression: SuppressionOptions;
  /** The indicator x dimension x year's plan over all areas (suppression-plan.ts); without one, the table alone. */
  plan?: SuppressionPlan | undefined;
  /** Which measures to compute (null: none, e.g. for trend years); all applicable when omitted. */
  measures?: readonly MeasureCode[] | null | undefined;
  heat?: HeatOptions | undefined;
  /**
   * The cell's stored measures (results.ts, decision 0030), computed with the same plan and
   * heat options: used instead of computing them again.
   */
  stored?: { measures: readonly MeasureResult[] | null } | undefined;
}

/** Index of sums by indicator/dim/category/year, for one scope. */
export function indexSums(rows: readonly SumsRow[]): Map<string, CellSums> {
  const m = new Map<string, CellSums>();
  for (const r of rows) {
    const k = sumsKey(r.indicator, r.dim, r.category, r.year);
    m.set(k, addSums(m.get(k) ?? EMPTY_SUMS, r));
  }
  return m;
}

export const sumsKey = (indicator: number, dim: number, category: number, year: number) =>
  `${indicator}:${dim}:${category}:${year}`;

/** The HEAT setting of one table's published subgroups (estimates and SEs in percent). */
export function settingOf(
  t: Pick<Table, 'groups' | 'total' | 'indicator' | 'dimension'>,
): Setting | null {
  const subgroups = [];
  for (const g of t.groups) {
    const p = g.prevalence;
    if (p.value === null || p.se === null) return null;
    subgroups.push({
      name: g.label.da,
      estimate: p.value,
      se: p.se,
      population: p.population,
      order: g.category,
      reference: g.reference,
    });
  }
  return {
    subgroups,
    ordered: t.dimension.ordered,
    favourable: t.indicator.favourable,
    scale: 100,
    ...(t.total.prevalence.value !== null ? { settingAverage: t.total.prevalence.value } : {}),
  };
}

export function buildTable(
  codebook: Codebook,
  sums: Map<string, CellSums>,
  at: { indicator: number; dim: number; year: number; scope: Scope },
  opts: TableOptions,
): Table {
  const indicator = codebook.indicators[at.indicator - 1];
  const dimension = codebook.dimensions[at.dim - 1];
  if (!indicator || !dimension)
    throw new Error(`No indicator ${at.indicator} or dimension ${at.dim}`);
  const totalSums = sums.get(sumsKey(at.indicator, 0, 0, at.year)) ?? EMPTY_SUMS;
  const groupSums = dimension.categories.map(
    (_, i) => sums.get(sumsKey(at.indicator, at.dim, i + 1, at.year)) ?? EMPTY_SUMS,
  );

  const plan = opts.plan ?? singleTablePlan(at.scope.code, totalSums, groupSums, opts.suppression);
  const reasonFor = (category: number) => plan.reason(at.scope.code, category);

  // A suppressed figure carries no numbers at all, so no page or export can leak one.
  const figure = (
    category: number,
    s: CellSums,
    code: string,
    label: Label,
    reference: boolean,
  ): Figure => {
    const suppressed = reasonFor(category);
    return {
      category,
      code,
      label,
      reference,
      suppressed,
      prevalence: suppressed ? BLANK : prevalence(s),
    };
  };
  const total = figure(0, totalSums, '', EVERYONE, false);
  const groups = dimension.categories.map((c, i) =>
    figure(
      i + 1,
      groupSums[i] ?? EMPTY_SUMS,
      c.code,
      c.label,
      !dimension.ordered && dimension.reference === c.code,
    ),
  );

  const table: Table = {
    scope: at.scope,
    year: at.year,
    indicator,
    dimension,
    total,
    groups,
    measures: null,
    measuresNote: null,
  };
  // assignments, not spreads: this runs for every cell (bench/README.md, equity monitor)
  if (opts.measures === null) return table;
  if (groups.some((g) => g.suppressed)) {
    table.measuresNote = 'suppressed';
    return table;
  }
  const setting = settingOf(table);
  if (!setting) {
    table.measuresNote = 'no-estimate';
    return table;
  }
  const stored = opts.stored?.measures;
  if (stored) {
    // computeAll of a subset gives the subset of all measures (the draws do not depend on it)
    const wanted = opts.measures ? new Set(opts.measures) : null;
    table.measures = stored.filter((m) => !wanted || wanted.has(m.code));
    return table;
  }
  table.measures = computeAll(
    setting,
    opts.measures ? { ...opts.heat, measures: opts.measures } : opts.heat,
  );
  return table;
}

/**
 * Without a plan (a table on its own), the same rule as suppression-plan.ts: the groups and
 * their total form the margin; respondents of unknown category are not a cell of their own.
 */
function singleTablePlan(
  scope: string,
  total: CellSums,
  groups: readonly CellSums[],
  opts: SuppressionOptions,
): SuppressionPlan {
  const cells = [
    { id: 'total', n: total.n, cases: total.n1 },
    ...groups.map((s, i) => ({ id: `g${i + 1}`, n: s.n, cases: s.n1 })),
  ];
  const parts = cells.slice(1).map((c) => c.id);
  const hidden = suppressCells(cells, [{ total: 'total', parts }], opts);
  return {
    reason: (s, category) =>
      s === scope ? (hidden.get(category === 0 ? 'total' : `g${category}`) ?? null) : null,
  };
}

const BLANK: Prevalence = {
  n: 0,
  cases: 0,
  population: 0,
  value: null,
  se: null,
  lower: null,
  upper: null,
  rse: null,
  method: null,
};
