/**
 * Sends the outbox, every channel in one loop (decision 0020): claims due messages one municipality at a time (a short transaction with
 * `for update skip locked` and a lease, outbox.store.ts claimDue), sends each outside any
 * transaction, and records the outcome: sent, due again after a backoff, or failed for good.
 * Two senders (two app servers, or the server and `lighed mail send-pending`) never send one
 * message twice. Logs carry counts, kinds and error codes only: never an address, a subject or
 * a body.
 */
import type { Db } from '../../db/db.ts';
import { listTenants } from '../tenant.store.ts';
import { ChannelError, type Channel } from './channels.ts';
import type { DigitalPostChannel } from './digital-post.ts';
import { classifyFailure, LEASE_SECONDS, MAX_ATTEMPTS, retryDelaySeconds } from './mail.ts';
import {
  claimDue,
  countMessages,
  markAttemptFailed,
  markSent,
  purgeFinished,
  type OutboxMessage,
  type OutboxStatus,
} from './outbox.store.ts';
import type { SmsTransport } from './sms.ts';
import type { MailTransport } from './transport.ts';

/**
 * Where each channel goes. A channel that is missing or of kind 'none' is not claimed: its
 * messages stay queued (nothing is lost) until it is configured.
 */
export interface Channels {
  email?: MailTransport | undefined;
  sms?: SmsTransport | undefined;
  digitalPost?: DigitalPostChannel | undefined;
}

const isMailTransport = (c: Channels | MailTransport): c is MailTransport =>
  typeof (c as MailTransport).send === 'function';

/** The channels that can send now. */
export function activeChannels(c: Channels): Channel[] {
  const out: Channel[] = [];
  if (c.email && c.email.kind !== 'none') out.push('email');
  if (c.sms && c.sms.kind !== 'none') out.push('sms');
  if (c.digitalPost && c.digitalPost.kind !== 'none') out.push('digital_post');
  return out;
}

/** Sends one claimed message through its channel; the gateway's id when it gives one. */
async function sendOne(c: Channels, m: OutboxMessage): Promise<string | undefined> {
  switch (m.channel) {
    case 'email':
      await c.email!.send(m);
      return undefined;
    case 'sms':
      return (await c.sms!.send(m)).providerRef;
    case 'digital_post':
      return (await c.digitalPost!.send(m)).providerRef;
  }
}

export function closeChannels(c: Channels): void {
  c.email?.close();
  c.sms?.close();
  c.digitalPost?.close();
}

export interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SendOutcome {
  sent: number;
  /** Failed this time, due again later. */
  retrying: number;
  /** Failed for good (a 5xx for the recipient or message, or the last attempt). */
  failed: number;
}

/** Messages claimed per transaction. */
const CLAIM = 20;

/**
 * Sends every due message of every municipality once, on every active channel; returns what
 * happened. `channels` may be a bare MailTransport (e-mail only, as before decision 0020).
 */
export async function sendPending(
  db: Db,
  channels: Channels | MailTransport,
  log?: MailLog,
): Promise<SendOutcome> {
  const c: Channels = isMailTransport(channels) ? { email: channels } : channels;
  const out: SendOutcome = { sent: 0, retrying: 0, failed: 0 };
  const active = activeChannels(c);
  if (active.length === 0) return out;
  for (const { kommune } of await listTenants(db)) {
    for (;;) {
      const batch = await claimDue(db, kommune, CLAIM, LEASE_SECONDS, active);
      for (const m of batch) {
        try {
          const providerRef = await sendOne(c, m);
          await markSent(db, kommune, m.id, providerRef);
          out.sent++;
        } catch (err) {
          const f =
            err instanceof ChannelError
              ? { code: err.code, permanent: err.permanent }
              : classifyFailure(err);
          const last = f.permanent || m.attempts >= MAX_ATTEMPTS;
          await markAttemptFailed(
            db,
            kommune,
            m.id,
            f.code,
            last ? null : retryDelaySeconds(m.attempts),
          );
          if (last) out.failed++;
          else out.retrying++;
          log?.warn(
            { channel: m.channel, kind: m.kind, code: f.code, attempt: m.attempts, final: last },
            'message attempt failed',
          );
        }
      }
      if (batch.length < CLAIM) break;
    }
  }
  return out;
}

/** Messages by status over every municipality (for the CLI and the start-up notice). */
export async function outboxCounts(
  db: Db,
): Promise<Record<OutboxStatus, number> & { due: number }> {
  const total = { queued: 0, sent: 0, delivered: 0, failed: 0, due: 0 };
  for (const { kommune } of await listTenants(db)) {
    const c = await countMessages(db, kommune);
    total.queued += c.queued;
    total.sent += c.sent;
    total.delivered += c.delivered;
    total.failed += c.failed;
    total.due += c.due;
  }
  return total;
}

/** Sent messages are kept this long (what was sent, for questions), failed ones longer. */
export const KEEP_SENT_DAYS = 30;
export const KEEP_FAILED_DAYS = 90;

export async function purgeOutbox(db: Db): Promise<number> {
  let n = 0;
  for (const { kommune } of await listTenants(db))
    n += await purgeFinished(db, kommune, KEEP_SENT_DAYS, KEEP_FAILED_DAYS);
  return n;
}
