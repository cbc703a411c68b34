/**
 * Checking the audit log's hash chain, pure (docs/decisions/0013-cpr-and-audit-chain.md). Each
 * municipality's rows carry seq 1, 2, 3 …, the previous row's hash and their own hash, which
 * the database recomputes from the stored fields for this check. The first place where the
 * chain does not hold is reported: a changed row, a missing one (deleted), a row that no longer
 * links to the one before it, or a head that names rows no longer there (the end cut off).
 */

export interface ChainRow {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
  /** sha256(prev_hash || fields) over the row as stored now. */
  recomputed: string;
}

export type ChainProblem = 'changed' | 'missing' | 'relinked' | 'truncated';

export interface ChainBreak {
  /** The first sequence number where the chain breaks. */
  seq: number;
  /** The row found there, when there is one. */
  id: string | null;
  problem: ChainProblem;
}

export const GENESIS = '0'.repeat(64);

/** Folds rows in seq order; keep the state between batches. */
export class ChainChecker {
  private expectedSeq = 1;
  private prev = GENESIS;
  private broken: ChainBreak | null = null;
  count = 0;

  add(rows: readonly ChainRow[]): void {
    for (const r of rows) {
      if (this.broken) return;
      this.count++;
      if (r.seq !== this.expectedSeq) {
        this.broken = { seq: this.expectedSeq, id: null, problem: 'missing' };
      } else if (r.prevHash !== this.prev) {
        this.broken = { seq: r.seq, id: r.id, problem: 'relinked' };
      } else if (r.recomputed !== r.hash) {
        this.broken = { seq: r.seq, id: r.id, problem: 'changed' };
      }
      this.expectedSeq = r.seq + 1;
      this.prev = r.hash;
    }
  }

  /** The verdict, given the chain's head (last seq and hash written); null head: no rows yet. */
  finish(head: { seq: number; hash: string } | null): ChainBreak | null {
    if (this.broken) return this.broken;
    const lastSeq = this.expectedSeq - 1;
    if (!head) return lastSeq === 0 ? null : { seq: 1, id: null, problem: 'relinked' };
    if (head.seq !== lastSeq || head.hash !== this.prev)
      return { seq: lastSeq + 1, id: null, problem: 'truncated' };
    return null;
  }

  /** True once a break is found: nothing after it needs reading. */
  get isBroken(): boolean {
    return this.broken !== null;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }
}
