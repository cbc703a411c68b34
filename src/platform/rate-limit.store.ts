/**
 * The attempt counters in PostgreSQL (table rate_limit, migration 0006), so two app servers
 * share one budget. Each call is one transaction that locks its rows (in key order, so two
 * calls cannot deadlock) and applies the pure rule in rate-limit.ts. Keys are stored as a
 * SHA-256, never as the e-mail or address they count.
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/db.ts';
import { giveBack, take, type LimitPolicy, type LimitState, type Verdict } from './rate-limit.ts';

export interface LimitKey {
  /** What is counted, e.g. `signin:account:0265:anna@roskilde.dk`; hashed before storing. */
  key: string;
  policy: LimitPolicy;
}

type Row = {
  key: string;
  hits: number;
  window_start: Date;
  locked_until: Date | null;
  strikes: number;
  expires_at: Date;
};

const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

/** Locks each key's row (creating an expired, empty one if missing) in a stable order. */
async function lockRows(tx: Queryable, keys: readonly LimitKey[], now: Date) {
  const hashed = keys
    .map((k) => ({ ...k, hash: digest(k.key) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const out: { hash: string; policy: LimitPolicy; state: LimitState }[] = [];
  for (const k of hashed) {
    await tx.query(
      `insert into rate_limit (key, hits, window_start, expires_at) values ($1, 0, $2, $2)
       on conflict (key) do nothing`,
      [k.hash, now],
    );
    const [row] = await tx.query<Row>(
      `select key, hits, window_start, locked_until, strikes, expires_at
         from rate_limit where key = $1 for update`,
      [k.hash],
    );
    out.push({
      hash: k.hash,
      policy: k.policy,
      state: {
        hits: row!.hits,
        windowStart: new Date(row!.window_start),
        lockedUntil: row!.locked_until ? new Date(row!.locked_until) : null,
        strikes: row!.strikes,
        expiresAt: new Date(row!.expires_at),
      },
    });
  }
  return out;
}

async function save(tx: Queryable, hash: string, s: LimitState) {
  await tx.query(
    `update rate_limit set hits = $2, window_start = $3, locked_until = $4, strikes = $5,
            expires_at = $6
      where key = $1`,
    [hash, s.hits, s.windowStart, s.lockedUntil, s.strikes, s.expiresAt],
  );
}

/** Removes a few expired rows on each write, so the table never needs a separate sweep. */
async function sweep(tx: Queryable, now: Date) {
  await tx.query(
    `delete from rate_limit where key in (
       select key from rate_limit where expires_at <= $1 limit 50 for update skip locked)`,
    [now],
  );
}

/**
 * One attempt against every key, all or nothing: if any key is locked the attempt is refused
 * and no key counts it; otherwise each key counts it. The refusal with the longest wait wins.
 */
export async function takeAttempt(db: Db, keys: readonly LimitKey[], now: Date): Promise<Verdict> {
  return db.transaction(async (tx) => {
    const rows = await lockRows(tx, keys, now);
    const results = rows.map((r) => ({ ...r, ...take(r.policy, r.state, now) }));
    const refused = results
      .map((r) => r.verdict)
      .filter((v): v is Extract<Verdict, { allowed: false }> => !v.allowed)
      .sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds);
    if (refused[0]) return refused[0];
    for (const r of results) if (r.next) await save(tx, r.hash, r.next);
    await sweep(tx, now);
    return { allowed: true };
  });
}

/** Gives back one counted attempt on each key (it turned out fine). */
export async function giveBackAttempt(db: Db, keys: readonly LimitKey[], now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of await lockRows(tx, keys, now)) {
      const next = giveBack(r.policy, r.state, now);
      if (next && next !== r.state) await save(tx, r.hash, next);
    }
  });
}

/** Forgets the keys: their counts, locks and strikes (e.g. an account after a good sign-in). */
export async function clearAttempts(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.query('delete from rate_limit where key = any($1::text[])', [keys.map(digest)]);
}

/** Removes every expired row (also done a little at a time on each write). */
export async function purgeExpiredAttempts(db: Db, now: Date): Promise<number> {
  const rows = await db.query<{ key: string }>(
    'delete from rate_limit where expires_at <= $1 returning key',
    [now],
  );
  return rows.length;
}
