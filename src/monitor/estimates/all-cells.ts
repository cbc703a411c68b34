/**
 * Pure: every indicator x dimension x area x wave's summary measures in one pass (issue 16,
 * decision 0030). The sums sit in one Float64Array laid out indicator, wave, group, area, so one
 * indicator x dimension x wave reads all areas' groups from adjacent memory; no per-table maps,
 * string keys or Table objects. Each area's table gets the same rules as tables.ts `buildTable`
 * without a plan (the table's own small-cell suppression; measures only when every subgroup is
 * shown) and the same `computeAll`, whose simulated intervals read one shared stream of
 * standard normals (measures/simulate.ts), so the results equal buildTable's number for number
 * (bench/monitor-cells.bench.ts and all-cells.test.ts check it).
 */
import type { Codebook } from '../microdata/codebook.ts';
import { computeAll, type HeatOptions } from '../measures/heat.ts';
import type { MeasureResult, Subgroup } from '../measures/types.ts';
import { primaryReason, suppressCells, type SuppressionOptions } from '../publish/suppression.ts';
import { prevalence, type CellSums } from './estimate.ts';
import type { SuppressionPlan } from './suppression-plan.ts';
import type { MeasuresNote } from './tables.ts';

/** Sums of a dataset by area, laid out for the one-pass computation. */
export interface CellsInput {
  codebook: Codebook;
  areas: string[];
  years: number[];
  /** Group slot of dimension d's category c is groupBase[d] + c; slot 0 is everyone. */
  groupBase: number[];
  groups: number;
  /** sums[((((i * years + y) * groups + g) * areas + a) * 6 + k)], k = n, n1, sw, sw2, swy, sw2y. */
  sums: Float64Array;
}

export interface CellResult {
  area: string;
  indicator: number;
  dim: number;
  year: number;
  measuresNote: MeasuresNote | null;
  measures: MeasureResult[] | null;
}

type SumsByArea = CellSums & {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  area?: string;
};

/** Lays out per-area sums (monitor_aggregate rows, or loadSums by area) for computeAllCells. */
export function cellsInput(codebook: Codebook, rows: readonly SumsByArea[]): CellsInput {
  const areaSet = new Set<string>();
  const yearSet = new Set<number>();
  for (const r of rows) {
    areaSet.add(r.area ?? '');
    yearSet.add(r.year);
  }
  const areas = [...areaSet].sort();
  const years = [...yearSet].sort((a, b) => a - b);
  const groupBase = [0];
  let groups = 1;
  for (const d of codebook.dimensions) {
    groupBase.push(groups - 1);
    groups += d.categories.length;
  }
  const I = codebook.indicators.length;
  const Y = years.length;
  const A = areas.length;
  const sums = new Float64Array(I * Y * groups * A * 6);
  const areaIx = new Map(areas.map((a, i) => [a, i]));
  const yearIx = new Map(years.map((y, i) => [y, i]));
  for (const r of rows) {
    const i = r.indicator - 1;
    const d = r.dim;
    if (i < 0 || i >= I || d < 0 || d > codebook.dimensions.length) continue;
    const cats = d === 0 ? 0 : (codebook.dimensions[d - 1]?.categories.length ?? 0);
    if (d !== 0 && (r.category < 1 || r.category > cats)) continue;
    const g = d === 0 ? 0 : (groupBase[d] as number) + r.category;
    const o =
      (((i * Y + (yearIx.get(r.year) as number)) * groups + g) * A +
        (areaIx.get(r.area ?? '') as number)) *
      6;
    // added, not set: the same group may arrive in several rows (as indexSums adds them)
    sums[o] = (sums[o] as number) + r.n;
    sums[o + 1] = (sums[o + 1] as number) + r.n1;
    sums[o + 2] = (sums[o + 2] as number) + r.sw;
    sums[o + 3] = (sums[o + 3] as number) + r.sw2;
    sums[o + 4] = (sums[o + 4] as number) + r.swy;
    sums[o + 5] = (sums[o + 5] as number) + r.sw2y;
  }
  return { codebook, areas, years, groupBase, groups, sums };
}

export interface AllCellsOptions {
  suppression: SuppressionOptions;
  heat?: HeatOptions | undefined;
  /**
   * The suppression plan of an indicator x dimension x wave over all areas (suppression-plan.ts),
   * as the pages use it; without one each area's table is suppressed on its own (buildTable
   * without a plan).
   */
  plan?: ((k: { indicator: number; dim: number; year: number }) => SuppressionPlan) | undefined;
  /** Only this indicator x dimension x wave (one stored block). */
  only?: { indicator: number; dim: number; year: number } | undefined;
}

/**
 * Every cell's measures (or why none), indicator by dimension by wave, all areas in one pass;
 * areas in `input.areas` order within each.
 */
export function computeAllCells(input: CellsInput, opts: AllCellsOptions): CellResult[] {
  const { codebook, areas, years, groupBase, groups, sums } = input;
  const A = areas.length;
  const Y = years.length;
  const out: CellResult[] = [];
  const cellN = new Float64Array(32);
  const cellCases = new Float64Array(32);
  const only = opts.only;
  for (let i = 0; i < codebook.indicators.length; i++) {
    const indicator = codebook.indicators[i]!;
    if (only && only.indicator !== i + 1) continue;
    for (let d = 1; d <= codebook.dimensions.length; d++) {
      if (only && only.dim !== d) continue;
      const dimension = codebook.dimensions[d - 1]!;
      const cats = dimension.categories.length;
      const base = groupBase[d] as number;
      const parts = dimension.categories.map((_, c) => `g${c + 1}`);
      for (let y = 0; y < Y; y++) {
        if (only && only.year !== years[y]) continue;
        const plan = opts.plan?.({ indicator: i + 1, dim: d, year: years[y] as number });
        const block = (i * Y + y) * groups;
        for (let a = 0; a < A; a++) {
          const cell: CellResult = {
            area: areas[a] as string,
            indicator: i + 1,
            dim: d,
            year: years[y] as number,
            measuresNote: null,
            measures: null,
          };
          out.push(cell);
          const t = (block * A + a) * 6;
          let groupHidden = false;
          let totalHidden = false;
          if (plan) {
            totalHidden = plan.reason(cell.area, 0) !== null;
            for (let c = 1; c <= cats && !groupHidden; c++)
              groupHidden = plan.reason(cell.area, c) !== null;
          } else {
            // The table's own suppression (tables.ts singleTablePlan): the full rule only when a
            // cell fails the thresholds; otherwise nothing is hidden.
            cellN[0] = sums[t] as number;
            cellCases[0] = sums[t + 1] as number;
            let failing = primaryReason({ n: cellN[0], cases: cellCases[0] }, opts.suppression);
            for (let c = 1; c <= cats; c++) {
              const o = ((block + base + c) * A + a) * 6;
              cellN[c] = sums[o] as number;
              cellCases[c] = sums[o + 1] as number;
              failing ??= primaryReason(
                { n: cellN[c] as number, cases: cellCases[c] as number },
                opts.suppression,
              );
            }
            if (failing) {
              const hidden = suppressCells(
                [
                  { id: 'total', n: cellN[0], cases: cellCases[0] },
                  ...parts.map((id, c) => ({
                    id,
                    n: cellN[c + 1] as number,
                    cases: cellCases[c + 1] as number,
                  })),
                ],
                [{ total: 'total', parts }],
                opts.suppression,
              );
              totalHidden = hidden.has('total');
              groupHidden = parts.some((id) => hidden.has(id));
            }
          }
          if (groupHidden) {
            cell.measuresNote = 'suppressed';
            continue;
          }
          const subgroups: Subgroup[] = [];
          for (let c = 1; c <= cats; c++) {
            const o = ((block + base + c) * A + a) * 6;
            const p = prevalence(sumsAt(sums, o));
            if (p.value === null || p.se === null) break;
            const category = dimension.categories[c - 1]!;
            subgroups.push({
              name: category.label.da,
              estimate: p.value,
              se: p.se,
              population: p.population,
              order: c,
              reference: !dimension.ordered && dimension.reference === category.code,
            });
          }
          if (subgroups.length < cats) {
            cell.measuresNote = 'no-estimate';
            continue;
          }
          const total = totalHidden ? null : prevalence(sumsAt(sums, t)).value;
          cell.measures = computeAll(
            {
              subgroups,
              ordered: dimension.ordered,
              favourable: indicator.favourable,
              scale: 100,
              ...(total !== null ? { settingAverage: total } : {}),
            },
            opts.heat,
          );
        }
      }
    }
  }
  return out;
}

const sumsAt = (s: Float64Array, o: number): CellSums => ({
  n: s[o] as number,
  n1: s[o + 1] as number,
  sw: s[o + 2] as number,
  sw2: s[o + 3] as number,
  swy: s[o + 4] as number,
  sw2y: s[o + 5] as number,
});
