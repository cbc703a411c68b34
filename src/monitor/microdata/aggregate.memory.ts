/**
 * The same sums as aggregate.sql.ts, computed while respondents stream past: by an import's
 * reader worker (so embedded PGlite never runs one long GROUP BY that holds up every request),
 * and for a dataset whose rows are never stored, the synthetic national survey of the demo. A
 * municipality gets
 * a national survey as aggregates, not as other municipalities' microdata, and generating 900,000
 * rows only to sum them in embedded PGlite would add minutes to a newcomer's first start.
 * aggregate.parity.int.test.ts proves both give the same rows.
 */
import type { Codebook, Respondent } from './codebook.ts';
import type { CellSums } from '../estimates/estimate.ts';

/** One monitor_aggregate row: the sums of one indicator x dimension category x year x area. */
export interface AggregateRow extends CellSums {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  area: string;
}

/**
 * Sums per year x area x (dimension, category | everyone) x indicator, added one respondent at
 * a time (the import's reader worker sums while it checks); rows with no answers are left out,
 * as in SQL.
 */
export class SumAccumulator {
  // One Float64Array of 6 sums per indicator for each group, keyed by year|area|dim|category.
  private readonly groups = new Map<string, Float64Array>();
  private readonly yearSet = new Set<number>();
  private readonly inds: number;
  private readonly dims: number;
  respondents = 0;

  constructor(codebook: Codebook) {
    this.inds = codebook.indicators.length;
    this.dims = codebook.dimensions.length;
  }

  private sumsOf(key: string): Float64Array {
    let s = this.groups.get(key);
    if (!s) {
      s = new Float64Array(this.inds * 6);
      this.groups.set(key, s);
    }
    return s;
  }

  add(r: Respondent): void {
    this.respondents++;
    this.yearSet.add(r.year);
    const w = r.weight;
    const w2 = w * w;
    const targets = [this.sumsOf(`${r.year}|${r.area}|0|0`)];
    for (let k = 0; k < this.dims; k++) {
      const c = r.dims[k];
      if (c !== null && c !== undefined)
        targets.push(this.sumsOf(`${r.year}|${r.area}|${k + 1}|${c}`));
    }
    for (let i = 0; i < this.inds; i++) {
      const y = r.answers[i];
      if (y === null || y === undefined) continue;
      const o = i * 6;
      for (const s of targets) {
        s[o] = s[o]! + 1;
        s[o + 2] = s[o + 2]! + w;
        s[o + 3] = s[o + 3]! + w2;
        if (y === 1) {
          s[o + 1] = s[o + 1]! + 1;
          s[o + 4] = s[o + 4]! + w;
          s[o + 5] = s[o + 5]! + w2;
        }
      }
    }
  }

  years(): number[] {
    return [...this.yearSet].sort((a, b) => a - b);
  }

  rows(): AggregateRow[] {
    const rows: AggregateRow[] = [];
    for (const [key, s] of this.groups) {
      const [year, area, dim, category] = key.split('|');
      for (let i = 0; i < this.inds; i++) {
        const o = i * 6;
        if (s[o] === 0) continue;
        rows.push({
          indicator: i + 1,
          dim: Number(dim),
          category: Number(category),
          year: Number(year),
          area: area!,
          n: s[o]!,
          n1: s[o + 1]!,
          sw: s[o + 2]!,
          sw2: s[o + 3]!,
          swy: s[o + 4]!,
          sw2y: s[o + 5]!,
        });
      }
    }
    return rows;
  }
}

/** The sums of all respondents at once (see SumAccumulator). */
export function aggregateRespondents(
  codebook: Codebook,
  respondents: Iterable<Respondent>,
): {
  rows: AggregateRow[];
  respondents: number;
  years: number[];
} {
  const acc = new SumAccumulator(codebook);
  for (const r of respondents) acc.add(r);
  return { rows: acc.rows(), respondents: acc.respondents, years: acc.years() };
}
