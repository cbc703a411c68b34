/** `lighed audit verify`: each municipality's audit chain checked from its first row to its head. */
import { inTenant, type Db } from '../db/db.ts';
import { ChainChecker, type ChainBreak } from './chain.ts';
import { chainHead, chainKommunes, chainRows } from './chain.store.ts';

export interface ChainVerdict {
  kommune: string;
  rows: number;
  headSeq: number;
  broken: ChainBreak | null;
}

export async function verifyAuditChain(
  db: Db,
  opts: { kommune?: string; batch?: number } = {},
): Promise<ChainVerdict[]> {
  const kommunes = opts.kommune ? [opts.kommune] : await db.transaction((tx) => chainKommunes(tx));
  const out: ChainVerdict[] = [];
  for (const kommune of kommunes) {
    // The head first: rows written while the check runs lie beyond it and are left for next time.
    const head = await inTenant(db, kommune, (tx) => chainHead(tx, kommune));
    const checker = new ChainChecker();
    const upto = head?.seq ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = await inTenant(db, kommune, (tx) =>
        chainRows(tx, kommune, checker.lastSeq, upto, opts.batch ?? 5000),
      );
      if (rows.length === 0) break;
      checker.add(rows);
      if (checker.isBroken || rows.length < (opts.batch ?? 5000)) break;
    }
    out.push({
      kommune,
      rows: checker.count,
      headSeq: head?.seq ?? 0,
      broken: checker.finish(head),
    });
  }
  return out;
}
