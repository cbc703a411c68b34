/** SQL for checking the audit chain: the head, and rows with their hash recomputed. */
import { one, type Queryable } from '../db/db.ts';
import type { ChainRow } from './chain.ts';

/** Every municipality with an audit chain. */
export async function chainKommunes(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ kommune: string }>(
    `select kommune from audit_chain order by kommune`,
  );
  return rows.map((r) => r.kommune);
}

export async function chainHead(
  q: Queryable,
  kommune: string,
): Promise<{ seq: number; hash: string } | null> {
  const row = await one<{ seq: string; hash: string }>(
    q,
    `select seq::text, encode(hash, 'hex') as hash from audit_chain where kommune = $1`,
    [kommune],
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

export async function chainRows(
  q: Queryable,
  kommune: string,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
): Promise<ChainRow[]> {
  const rows = await q.query<{
    id: string;
    seq: string;
    prev_hash: string;
    hash: string;
    recomputed: string;
  }>(
    // Ordered by the column, not the text alias of the same name (10 before 2).
    `select a.id::text, a.seq::text, encode(a.prev_hash, 'hex') as prev_hash, encode(a.hash, 'hex') as hash,
            encode(audit_log_row_hash(a.prev_hash, a.kommune, a.seq, a.at, a.actor_id, a.actor_role,
                   a.action, a.entity, a.entity_id, a.summary, a.request_id), 'hex') as recomputed
       from audit_log a where a.kommune = $1 and a.seq > $2 and a.seq <= $3 order by a.seq limit $4`,
    [kommune, afterSeq, uptoSeq, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    prevHash: r.prev_hash,
    hash: r.hash,
    recomputed: r.recomputed,
  }));
}
