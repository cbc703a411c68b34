/**
 * The outbox table (migrations 0014, 0018): queued messages on a channel, claimed by a sender
 * for a lease, then sent (and for SMS perhaps delivered), retried later or failed. Tenant rows:
 * every statement runs inside the municipality's transaction (row-level security), the sender
 * one municipality at a time.
 */
import { inTenant, type Db, type Queryable } from '../../db/db.ts';
import type { Channel, MessageRecord, MessageStatus, OutboundMessage } from './channels.ts';
import type { Mail } from './mail.ts';

export interface OutboxMessage {
  id: string;
  kommune: string;
  channel: Channel;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Attempts so far, this one included. */
  attempts: number;
  createdAt: Date;
}

export type OutboxStatus = MessageStatus;

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
 * Writes one message on its channel; null when the municipality already has a message with
 * its dedupe key (the unique index skips it, nothing is thrown, the transaction goes on).
 */
export async function insertOutbound(
  tx: Queryable,
  m: OutboundMessage,
): Promise<{ id: string } | null> {
  const [row] = await tx.query<{ id: string }>(
    `insert into outbox (kommune, channel, kind, to_address, subject, body_text, body_html,
                         about_type, about_id, dedupe_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (kommune, dedupe_key) where dedupe_key is not null do nothing
     returning id`,
    [
      m.kommune,
      m.channel,
      m.kind,
      m.to,
      m.subject,
      m.text,
      m.html ?? null,
      m.about?.type ?? null,
      m.about?.id ?? null,
      m.dedupeKey ?? null,
    ],
  );
  return row ? { id: row.id } : null;
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
  channels: readonly Channel[] = ['email'],
): Promise<OutboxMessage[]> {
  if (channels.length === 0) return [];
  const rows = await inTenant(db, kommune, (tx) =>
    tx.query<{
      id: string;
      kommune: string;
      channel: Channel;
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
          where status = 'queued' and next_attempt_at <= now() and channel = any($3::text[])
          order by next_attempt_at
          limit $1
          for update skip locked)
       update outbox o
          set next_attempt_at = now() + $2 * interval '1 second', attempts = o.attempts + 1
         from due where o.id = due.id
       returning o.id, o.kommune, o.channel, o.kind, o.to_address, o.subject, o.body_text,
                 o.body_html, o.attempts, o.created_at`,
      [limit, leaseSeconds, channels],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    kommune: r.kommune,
    channel: r.channel,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    html: r.body_html,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
  }));
}

/** Accepted by the server or gateway; `providerRef` is its id for the delivery reports. */
export async function markSent(
  db: Db,
  kommune: string,
  id: string,
  providerRef?: string,
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    tx.query(
      `update outbox set status = 'sent', sent_at = now(), finished_at = now(), last_error = null,
              provider_ref = $2
        where id = $1 and status = 'queued'`,
      [id, providerRef ?? null],
    ),
  );
}

/**
 * A delivery report: `delivered` or `failed` for good, on a message that was sent (or is
 * being marked sent: a report can overtake the sender's own update). The gateway's id must
 * match the one stored, when one is stored. False when nothing matched.
 */
export async function recordDelivery(
  tx: Queryable,
  r: {
    id: string;
    channel: Channel;
    providerRef: string;
    outcome: 'delivered' | 'failed';
    code: string;
    at: Date;
  },
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    r.outcome === 'delivered'
      ? `update outbox set status = 'delivered', delivered_at = $4, provider_ref = $3,
                sent_at = coalesce(sent_at, $4), finished_at = coalesce(finished_at, now()),
                last_error = null
          where id = $1 and channel = $2 and status in ('queued', 'sent')
            and (provider_ref is null or provider_ref = $3)
          returning id`
      : `update outbox set status = 'failed', finished_at = now(), last_error = $4,
                provider_ref = $3
          where id = $1 and channel = $2 and status in ('queued', 'sent')
            and (provider_ref is null or provider_ref = $3)
          returning id`,
    r.outcome === 'delivered'
      ? [r.id, r.channel, r.providerRef, r.at]
      : [r.id, r.channel, r.providerRef, r.code],
  );
  return rows.length > 0;
}

/** Messages about one case, oldest first, in the caller's tenant transaction. */
export async function selectAbout(
  tx: Queryable,
  about: { type: string; id: string },
): Promise<MessageRecord[]> {
  const rows = await tx.query<RecordRow>(
    `select ${RECORD_COLUMNS} from outbox
      where about_type = $1 and about_id = $2
      order by created_at, id`,
    [about.type, about.id],
  );
  return rows.map(toRecord);
}

export interface FailedRow extends MessageRecord {
  to: string;
  finishedAt: Date | null;
}

/** The failed messages of the tenant, newest first (the admin's list). */
export async function selectFailed(tx: Queryable, limit: number): Promise<FailedRow[]> {
  const rows = await tx.query<RecordRow & { to_address: string; finished_at: Date | null }>(
    `select ${RECORD_COLUMNS}, to_address, finished_at from outbox
      where status = 'failed'
      order by finished_at desc nulls last, id
      limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    ...toRecord(r),
    to: r.to_address,
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  }));
}

/** A failed message queued again as new: due now, attempts from zero. False when not failed. */
export async function requeueFailed(
  tx: Queryable,
  id: string,
): Promise<{ channel: Channel; kind: string } | null> {
  const [row] = await tx.query<{ channel: Channel; kind: string }>(
    `update outbox set status = 'queued', attempts = 0, next_attempt_at = now(),
            finished_at = null, last_error = null
      where id = $1 and status = 'failed'
      returning channel, kind`,
    [id],
  );
  return row ?? null;
}

/** Messages of the tenant by channel and status. */
export async function countByChannel(
  tx: Queryable,
): Promise<{ channel: Channel; status: MessageStatus; n: number }[]> {
  return tx.query<{ channel: Channel; status: MessageStatus; n: number }>(
    `select channel, status, count(*)::int as n from outbox group by channel, status
      order by channel, status`,
  );
}

const RECORD_COLUMNS = `id, channel, kind, status, created_at, sent_at, delivered_at, attempts,
  last_error`;

interface RecordRow {
  id: string;
  channel: Channel;
  kind: string;
  status: MessageStatus;
  created_at: Date | string;
  sent_at: Date | string | null;
  delivered_at: Date | string | null;
  attempts: number;
  last_error: string | null;
}

const toRecord = (r: RecordRow): MessageRecord => ({
  id: r.id,
  channel: r.channel,
  kind: r.kind,
  status: r.status,
  createdAt: new Date(r.created_at),
  sentAt: r.sent_at ? new Date(r.sent_at) : null,
  deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
  attempts: r.attempts,
  lastError: r.last_error,
});

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
  const out = { queued: 0, sent: 0, delivered: 0, failed: 0, due: 0 };
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
          where (status in ('sent', 'delivered') and finished_at < now() - $1 * interval '1 day')
             or (status = 'failed' and finished_at < now() - $2 * interval '1 day')
         returning 1)
       select count(*)::int as n from gone`,
      [sentDays, failedDays],
    ),
  );
  return r?.n ?? 0;
}

/** The row a gateway id belongs to, when the report carried no reference of ours. */
export async function findByProviderRef(
  tx: Queryable,
  channel: Channel,
  providerRef: string,
): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `select id from outbox where channel = $1 and provider_ref = $2 limit 1`,
    [channel, providerRef],
  );
  return row?.id ?? null;
}

/** Deletes every message about these records (their erasure), whatever its state. */
export async function deleteMessagesAbout(
  tx: Queryable,
  type: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query(
    `delete from outbox where about_type = $1 and about_id = any($2::uuid[]) returning 1`,
    [type, [...ids]],
  );
  return rows.length;
}
