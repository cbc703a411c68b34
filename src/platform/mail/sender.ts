/**
 * Sends the outbox: claims due messages one municipality at a time (a short transaction with
 * `for update skip locked` and a lease, outbox.store.ts claimDue), sends each outside any
 * transaction, and records the outcome: sent, due again after a backoff, or failed for good.
 * Two senders (two app servers, or the server and `lighed mail send-pending`) never send one
 * message twice. Logs carry counts, kinds and error codes only: never an address, a subject or
 * a body.
 */
import type { Db } from '../../db/db.ts';
import { listTenants } from '../tenant.store.ts';
import { classifyFailure, LEASE_SECONDS, MAX_ATTEMPTS, retryDelaySeconds } from './mail.ts';
import {
  claimDue,
  countMessages,
  markAttemptFailed,
  markSent,
  purgeFinished,
  type OutboxStatus,
} from './outbox.store.ts';
import type { MailTransport } from './transport.ts';

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

/** Sends every due message of every municipality once; returns what happened. */
export async function sendPending(
  db: Db,
  transport: MailTransport,
  log?: MailLog,
): Promise<SendOutcome> {
  const out: SendOutcome = { sent: 0, retrying: 0, failed: 0 };
  if (transport.kind === 'none') return out;
  for (const { kommune } of await listTenants(db)) {
    for (;;) {
      const batch = await claimDue(db, kommune, CLAIM, LEASE_SECONDS);
      for (const m of batch) {
        try {
          await transport.send(m);
          await markSent(db, kommune, m.id);
          out.sent++;
        } catch (err) {
          const f = classifyFailure(err);
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
            { kind: m.kind, code: f.code, attempt: m.attempts, final: last },
            'mail attempt failed',
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
  const total = { queued: 0, sent: 0, failed: 0, due: 0 };
  for (const { kommune } of await listTenants(db)) {
    const c = await countMessages(db, kommune);
    total.queued += c.queued;
    total.sent += c.sent;
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

export interface MailSender {
  /** Runs a send now (after the current run, if one is going). */
  runNow(): Promise<SendOutcome>;
  stop(): Promise<void>;
}

/**
 * The server's sender: a run at start and every `intervalMs` (runs never overlap), and once a
 * day the sent and failed messages past their retention are deleted. A failed run is logged
 * by its error's class only; the next one retries.
 */
export function startMailSender(
  db: Db,
  transport: MailTransport,
  log: MailLog,
  intervalMs = 30_000,
): MailSender {
  let running: Promise<SendOutcome> | null = null;
  let lastPurge = 0;
  const run = (): Promise<SendOutcome> => {
    if (running) return running;
    running = (async () => {
      try {
        if (Date.now() - lastPurge > 24 * 3600 * 1000) {
          lastPurge = Date.now();
          const purged = await purgeOutbox(db);
          if (purged > 0) log.info({ purged }, 'old outbox messages deleted');
        }
        const out = await sendPending(db, transport, log);
        if (out.sent + out.failed + out.retrying > 0) log.info({ ...out }, 'mail sent');
        return out;
      } catch (err) {
        log.error(
          { err: { type: err instanceof Error ? err.name : typeof err } },
          'mail run failed',
        );
        return { sent: 0, retrying: 0, failed: 0 };
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    runNow: async () => {
      if (running) await running;
      return run();
    },
    async stop() {
      clearInterval(timer);
      if (running) await running;
      transport.close();
    },
  };
}
