/**
 * The outbox table (migration 0014): queued messages, claimed by a sender for a lease, then
 * sent, retried later or failed. Tenant rows: every statement runs inside the municipality's
 * transaction (row-level security), the sender one municipality at a time.
 */
import { inTenant, type Db, type Queryable } from '../../db/db.ts';
import type { Mail } from './mail.ts';

export interface OutboxMessage {
  id: string;
  kommune: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Attempts so far, this one included. */
  attempts: number;
  createdAt: Date;
}

export type OutboxStatus = 'queued' | 'sent' | 'failed';

/** Writes one message in the caller's transaction (which has set the municipality). */
export async function insertMessage(tx: Queryable, m: Mail): Promise<{ id: string }> {
  const [row] = await tx.query<{ id: string }>(
    `insert into outbox (kommune, kind, to_address, subject, body_text, body_html)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [m.kommune, m.kind, m.to, m.subject, m.text, m.html ?? null],
  );
  return { id: row!.id };
}

/**
 * Up to `limit` due messages of one municipality, locked `for update skip locked` (another
 * sender's rows are skipped, never waited for) and leased: their next attempt moves
 * `leaseSeconds` ahead and the attempt is counted, all before the transaction ends, so no
 * other sender sees them as due while this one sends.
 */
export async function claimDue(
  db: Db,
  kommune: string,
  limit: number,
  leaseSeconds: number,
): Promise<OutboxMessage[]> {
  const rows = await inTenant(db, kommune, (tx) =>
    tx.query<{
      id: string;
      kommune: string;
      kind: string;
      to_address: string;
      subject: string;
      body_text: string;
      body_html: string | null;
      attempts: number;
      created_at: Date | string;
    }>(
      `with due as (
         select id from outbox
          where status = 'queued' and next_attempt_at <= now()
          order by next_attempt_at
          limit $1
          for update skip locked)
       update outbox o
          set next_attempt_at = now() + $2 * interval '1 second', attempts = o.attempts + 1
         from due where o.id = due.id
       returning o.id, o.kommune, o.kind, o.to_address, o.subject, o.body_text, o.body_html,
                 o.attempts, o.created_at`,
      [limit, leaseSeconds],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    kommune: r.kommune,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    html: r.body_html,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
  }));
}

export async function markSent(db: Db, kommune: string, id: string): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      `update outbox set status = 'sent', sent_at = now(), finished_at = now(), last_error = null
        where id = $1 and status = 'queued'`,
      [id],
    ),
  );
}

/** A failed attempt: due again after `delaySeconds`, or failed for good when `delaySeconds` is null. */
export async function markAttemptFailed(
  db: Db,
  kommune: string,
  id: string,
  error: string,
  delaySeconds: number | null,
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    delaySeconds === null
      ? tx.query(
          `update outbox set status = 'failed', finished_at = now(), last_error = $2
            where id = $1 and status = 'queued'`,
          [id, error],
        )
      : tx.query(
          `update outbox set next_attempt_at = now() + $3 * interval '1 second', last_error = $2
            where id = $1 and status = 'queued'`,
          [id, error, delaySeconds],
        ),
  );
}

/** Messages of one municipality by status (queued ones also: how many are due now). */
export async function countMessages(
  db: Db,
  kommune: string,
): Promise<Record<OutboxStatus, number> & { due: number }> {
  const rows = await inTenant(db, kommune, (tx) =>
    tx.query<{ status: OutboxStatus; n: number; due: number }>(
      `select status, count(*)::int as n,
              count(*) filter (where status = 'queued' and next_attempt_at <= now())::int as due
         from outbox group by status`,
    ),
  );
  const out = { queued: 0, sent: 0, failed: 0, due: 0 };
  for (const r of rows) {
    out[r.status] = r.n;
    out.due += r.due;
  }
  return out;
}

/**
 * Deletes sent messages after `sentDays` and failed ones after `failedDays` (the operator may
 * want to see why they failed); a queued message is never deleted here.
 */
export async function purgeFinished(
  db: Db,
  kommune: string,
  sentDays: number,
  failedDays: number,
): Promise<number> {
  const [r] = await inTenant(db, kommune, (tx) =>
    tx.query<{ n: number }>(
      `with gone as (
         delete from outbox
          where (status = 'sent' and finished_at < now() - $1 * interval '1 day')
             or (status = 'failed' and finished_at < now() - $2 * interval '1 day')
         returning 1)
       select count(*)::int as n from gone`,
      [sentDays, failedDays],
    ),
  );
  return r?.n ?? 0;
}
