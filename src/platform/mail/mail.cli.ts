/**
 * `lighed mail send-pending`: sends the due outbox messages once (the server also does this
 * every 30 seconds) and prints counts, never addresses. Without LIGHED_SMTP_URL in production
 * nothing is sent and the command says so; outside production the messages are written as
 * .eml files in the data directory (transport.ts).
 */
import { join, resolve } from 'node:path';
import type { Db } from '../../db/db.ts';
import type { Config } from '../config.ts';
import {
  outboxCounts,
  sendPending,
  startMailSender,
  type MailLog,
  type MailSender,
} from './sender.ts';
import { transportFor } from './transport.ts';

export async function mailSendPending(
  db: Db,
  config: Config,
  print: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  const transport = transportFor(config);
  try {
    if (transport.kind === 'none')
      print('LIGHED_SMTP_URL is not set: nothing is sent (messages stay queued).');
    const out = await sendPending(db, transport, {
      info: () => undefined,
      warn: (o) => print(`  attempt failed: ${JSON.stringify(o)}`),
      error: (o) => print(`  error: ${JSON.stringify(o)}`),
    });
    if (transport.kind === 'files')
      print(
        `Written as .eml files to ${join(resolve(config.dataDir), 'mail')} (no SMTP server set).`,
      );
    print(
      `Sent ${out.sent}, failed for now ${out.retrying} (tried again later), failed for good ${out.failed}.`,
    );
    const c = await outboxCounts(db);
    print(`Outbox: ${c.queued} queued (${c.due} due now), ${c.sent} sent, ${c.failed} failed.`);
  } finally {
    transport.close();
  }
}

/**
 * The server's sender (cli.ts serve): says once at start where mail goes, and in production
 * without LIGHED_SMTP_URL how many messages wait (they stay queued until it is set).
 */
export async function startMail(
  db: Db,
  config: Config,
  log: MailLog,
  print: (line: string) => void,
): Promise<MailSender> {
  const transport = transportFor(config);
  if (transport.kind === 'files')
    print(
      `Mail is written as .eml files to ${join(resolve(config.dataDir), 'mail')} (LIGHED_SMTP_URL is not set).`,
    );
  if (transport.kind === 'none') {
    const c = await outboxCounts(db);
    log.warn({ queued: c.queued }, 'LIGHED_SMTP_URL is not set: mail stays queued');
  }
  return startMailSender(db, transport, log);
}
