/**
 * Which background jobs exist (decision 0019): the composition, at the top like app.ts, since
 * jobs reach into several domains. `lighed serve` starts them with startJobs; any number of
 * servers may run against one PostgreSQL database, and each job still runs once.
 *
 * Job data carries ids only (platform/jobs/index.ts). Logs carry counts and codes only.
 */
import type { Db } from './db/db.ts';
import type { Config } from './platform/config.ts';
import type { JobDefinition, JobLog } from './platform/jobs/index.ts';
import {
  channelsFor,
  closeChannels,
  purgeOutbox,
  sendPending,
  type ChannelOptions,
  type SendOutcome,
} from './platform/mail/index.ts';
import { purgeExpiredSignups } from './catalog/retention.ts';
import { purgeConversations } from './conversation/retention.ts';
import { recoverImports } from './monitor/microdata/import.service.ts';
import { sendSignupReminders } from './catalog/index.ts';
import { sendReferralReminders } from './referrals/index.ts';
import { cprForDigitalPost } from './people/index.ts';
import { purgeReplyLinks } from './notify/index.ts';
import { purgeVoice } from './voice/index.ts';
import { scanOutreach } from './outreach/index.ts';

export interface JobDeps {
  db: Db;
  config: Config;
  log: JobLog;
  /** Digital Post's adapter and people/'s CPR lookup, as the server passes them to the outbox. */
  channels?: ChannelOptions;
}

/**
 * Sends the outbox once, every channel and every municipality (the one place the server does;
 * `lighed mail send-pending` does the same by hand). The channels are opened per run: SMTP
 * holds one connection per run anyway, and nothing is left open between runs.
 */
export async function dispatchOutbox(deps: JobDeps): Promise<SendOutcome> {
  // Digital Post letters need the CPR number, read from people/ at send time (decision 0020).
  const channels = channelsFor(
    deps.config,
    deps.channels ?? {
      resolveCpr: (kommune, citizenId) => cprForDigitalPost(deps.db, kommune, citizenId),
    },
  );
  try {
    const out = await sendPending(deps.db, channels, deps.log);
    if (out.sent + out.failed + out.retrying > 0) deps.log.info({ ...out }, 'messages sent');
    return out;
  } finally {
    closeChannels(channels);
  }
}

/** Deletes what is past its retention: sign-ups, health conversations, old outbox messages. */
export async function runRetention(deps: JobDeps, now: Date): Promise<void> {
  const signups = await purgeExpiredSignups(deps.db, now);
  const conversations = await purgeConversations(deps.db);
  const messages = await purgeOutbox(deps.db);
  const replyLinks = await purgeReplyLinks(deps.db, now);
  const voice = await purgeVoice(deps.db, now);
  if (signups + conversations + messages + replyLinks + voice > 0)
    deps.log.info(
      { signups, conversations, messages, replyLinks, voice },
      'expired personal data deleted',
    );
}

export function jobDefinitions(deps: JobDeps): JobDefinition[] {
  return [
    {
      name: 'outbox.dispatch',
      // Every minute; a message's own retries and back-off are the outbox's (decision 0012),
      // so a failed run (the database away) is tried once more and then left to the next minute.
      cron: '* * * * *',
      retryLimit: 1,
      retryDelaySeconds: 10,
      expireInSeconds: 10 * 60,
      run: async () => {
        await dispatchOutbox(deps);
      },
    },
    {
      name: 'retention.daily',
      cron: '15 3 * * *',
      expireInSeconds: 60 * 60,
      run: (_data, ctx) => runRetention(deps, ctx.now),
    },
    {
      // Reminders for the sessions and appointments of the next day (Europe/Copenhagen), late
      // enough that the day's bookings are in; each is queued once (the outbox's dedupe key),
      // so a retried or repeated run sends nothing twice.
      name: 'reminders.daily',
      cron: '0 17 * * *',
      expireInSeconds: 30 * 60,
      run: async (_data, ctx) => {
        const signups = await sendSignupReminders(deps.db, ctx.now);
        const referrals = await sendReferralReminders(deps.db, ctx.now);
        if (signups + referrals > 0) deps.log.info({ signups, referrals }, 'reminders queued');
      },
    },
    {
      // A monitor import runs in a worker thread of the server that took the upload and beats
      // while it runs; when that server dies, any server still running marks the import
      // interrupted and removes its unfinished rows within minutes (decision 0019).
      name: 'imports.recover',
      cron: '*/5 * * * *',
      retryLimit: 1,
      expireInSeconds: 10 * 60,
      run: async () => {
        const out = await recoverImports(deps.db, { atStart: false });
        if (out.jobs + out.datasets > 0) deps.log.info({ ...out }, 'interrupted imports recovered');
      },
    },
    {
      // The outreach lane's scan (decision 0022), before the working day starts; a hit opens a
      // case once, so a repeated run adds nothing.
      name: 'outreach.scan',
      cron: '30 6 * * *',
      expireInSeconds: 30 * 60,
      run: async (data, ctx) => {
        const kommune = typeof data.kommune === 'string' ? data.kommune : undefined;
        const out = await scanOutreach(deps.db, { at: ctx.now, ...(kommune ? { kommune } : {}) });
        if (out.opened + out.added > 0) deps.log.info({ ...out }, 'outreach scan');
      },
    },
  ];
}
