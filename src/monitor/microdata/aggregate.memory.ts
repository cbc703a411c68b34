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

/** The sums of one year x area: per group (dimension, category | everyone), 6 per indicator. */
interface Block {
  year: number;
  area: string;
  /** Keyed by group (groupKey); insertion order is the order rows() gives. */
  groups: Map<number, Float64Array>;
}

/** A group's number within its block: 0 is everyone, then dimension k's category c. */
const groupKey = (k: number, c: number) => (k + 1) * 65536 + c;

/**
 * Sums per year x area x (dimension, category | everyone) x indicator, added one respondent at
 * a time (the import's reader worker sums while it checks); rows with no answers are left out,
 * as in SQL.
 *
 * One string key per respondent (its year and area) finds its block; the groups inside are
 * found by number, not by a string built for each of them. The sums are read lazily (each()),
 * so an import formats them a chunk at a time instead of holding 400,000 row objects.
 */
export class SumAccumulator {
  private readonly blocks = new Map<string, Block>();
  private readonly yearSet = new Set<number>();
  private readonly inds: number;
  private readonly dims: number;
  // Reused for every respondent: the groups it counts in.
  private readonly targets: Float64Array[] = [];
  respondents = 0;

  constructor(codebook: Codebook) {
    this.inds = codebook.indicators.length;
    this.dims = codebook.dimensions.length;
  }

  private sumsOf(block: Block, key: number): Float64Array {
    let s = block.groups.get(key);
    if (!s) {
      s = new Float64Array(this.inds * 6);
      block.groups.set(key, s);
    }
    return s;
  }

  add(r: Respondent): void {
    this.respondents++;
    this.yearSet.add(r.year);
    const blockKey = `${r.year}|${r.area}`;
    let block = this.blocks.get(blockKey);
    if (!block) {
      block = { year: r.year, area: r.area, groups: new Map() };
      this.blocks.set(blockKey, block);
    }
    const w = r.weight;
    const w2 = w * w;
    const targets = this.targets;
    targets.length = 0;
    targets.push(this.sumsOf(block, 0));
    for (let k = 0; k < this.dims; k++) {
      const c = r.dims[k];
      if (c !== null && c !== undefined) targets.push(this.sumsOf(block, groupKey(k, c)));
    }
    const t = targets.length;
    for (let i = 0; i < this.inds; i++) {
      const y = r.answers[i];
      if (y === null || y === undefined) continue;
      const o = i * 6;
      for (let g = 0; g < t; g++) {
        const s = targets[g]!;
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

  /** Every stored row (n > 0), block by block. */
  *each(): Generator<AggregateRow> {
    for (const { year, area, groups } of this.blocks.values())
      for (const [key, s] of groups) {
        const dim = key === 0 ? 0 : Math.floor(key / 65536);
        const category = key === 0 ? 0 : key - dim * 65536;
        for (let i = 0; i < this.inds; i++) {
          const o = i * 6;
          if (s[o] === 0) continue;
          yield {
            indicator: i + 1,
            dim,
            category,
            year,
            area,
            n: s[o]!,
            n1: s[o + 1]!,
            sw: s[o + 2]!,
            sw2: s[o + 3]!,
            swy: s[o + 4]!,
            sw2y: s[o + 5]!,
          };
        }
      }
  }

  rows(): AggregateRow[] {
    return [...this.each()];
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
