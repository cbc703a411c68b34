/**
 * `lighed mail send-pending`: sends the due outbox messages of every channel once (the server
 * also does this on a schedule) and prints counts, never addresses. Without LIGHED_SMTP_URL /
 * LIGHED_SMS_URL in production nothing is sent on that channel and the command says so; outside
 * production the messages are written as files in the data directory (.eml, SMS .txt, Digital
 * Post .txt).
 */
import { join, resolve } from 'node:path';
import type { Db } from '../../db/db.ts';
import type { Config } from '../config.ts';
import { channelsFor, type ChannelOptions, type ConfiguredChannels } from './outbox-channels.ts';
import { closeChannels, outboxCounts, sendPending, type MailLog } from './sender.ts';

/** Says where each channel's messages go (never an address). */
function describe(config: Config, c: ConfiguredChannels, print: (line: string) => void) {
  const dir = (sub: string) => join(resolve(config.dataDir), sub);
  if (c.email.kind === 'none')
    print('LIGHED_SMTP_URL is not set: e-mail is not sent (it stays queued).');
  if (c.email.kind === 'files') print(`E-mail is written as .eml files to ${dir('mail')}.`);
  if (c.sms.kind === 'none')
    print('LIGHED_SMS_URL is not set: SMS are not sent (they stay queued).');
  if (c.sms.kind === 'files') print(`SMS are written as .txt files to ${dir('sms')}.`);
  if (c.digitalPost.kind === 'none')
    print('No Digital Post adapter: letters stay queued (docs/digital-post.md).');
}

export async function mailSendPending(
  db: Db,
  config: Config,
  print: (line: string) => void = (l) => console.log(l),
  opts: ChannelOptions = {},
): Promise<void> {
  const channels = channelsFor(config, opts);
  try {
    describe(config, channels, print);
    const out = await sendPending(db, channels, {
      info: () => undefined,
      warn: (o) => print(`  attempt failed: ${JSON.stringify(o)}`),
      error: (o) => print(`  error: ${JSON.stringify(o)}`),
    });
    print(
      `Sent ${out.sent}, failed for now ${out.retrying} (tried again later), failed for good ${out.failed}.`,
    );
    const c = await outboxCounts(db);
    print(
      `Outbox: ${c.queued} queued (${c.due} due now), ${c.sent} sent, ${c.delivered} delivered, ${c.failed} failed.`,
    );
  } finally {
    closeChannels(channels);
  }
}

/**
 * Said once when the server starts (its jobs send the outbox, src/jobs.ts): where each channel's
 * messages go, and in production without a channel's settings how many messages wait (they stay
 * queued until it is set).
 */
export async function announceChannels(
  db: Db,
  config: Config,
  log: MailLog,
  print: (line: string) => void,
): Promise<void> {
  const channels = channelsFor(config);
  try {
    describe(config, channels, print);
    if (channels.email.kind === 'none' || channels.sms.kind === 'none') {
      const c = await outboxCounts(db);
      log.warn(
        { queued: c.queued },
        'a message channel is not configured: its messages stay queued',
      );
    }
  } finally {
    closeChannels(channels);
  }
}
