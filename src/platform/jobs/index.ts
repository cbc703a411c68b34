/**
 * The job queue (decision 0019): background work kept in PostgreSQL by pg-boss, on PGlite as
 * on a PostgreSQL server. A job is claimed by one process only (`for update skip locked`), is
 * retried with exponential back-off and, after its retry limit, stays failed until an admin
 * retries it (/personale/admin/job, `lighed jobs retry`). A cron schedule makes one job per
 * schedule across all processes (pg-boss's timekeeper). Which jobs exist is src/jobs.ts.
 *
 * Job data holds ids only (a municipality's code, a record's uuid, an ISO time), never
 * personal data: it is kept for weeks and may be read by anyone who reads the queue, and the
 * log carries a job's name, id, attempt and error code, never its data.
 */
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '../../db/db.ts';
import { isUuid } from '../ids.ts';
import {
  CRON_TIME_ZONE,
  DEFAULT_EXPIRE_SECONDS,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  checkJobData,
  checkJobName,
  errorCodeOf,
  failureOf,
} from './jobs.ts';
import {
  CRON_QUEUE,
  JOB_SCHEMA,
  bossDb,
  bossOver,
  ensureQueues,
  failedJobQueue,
  failedJobs,
  installJobSchema as installSchema,
  queueCounts,
  txBossDb,
  unfinishedWithKey,
  type QueueCountRow,
  type QueueSettings,
} from './jobs.store.ts';

export { CRON_TIME_ZONE, checkJobData } from './jobs.ts';
export type { QueueCountRow } from './jobs.store.ts';

export interface JobContext {
  /** From the injectable clock (startJobs' `clock`), not the system time. */
  now: Date;
}

export interface JobDefinition {
  /** 'outbox.dispatch', 'reminders.daily', 'outreach.scan', 'retention.daily' */
  name: string;
  run(data: Record<string, unknown>, ctx: JobContext): Promise<void>;
  /** 5-field cron in Europe/Copenhagen; runs once per schedule across processes. */
  cron?: string;
  /** Retries after the first attempt (default 5), with exponential back-off. */
  retryLimit?: number;
  /** The first retry's delay (default 30 s; each next one doubles, with jitter). */
  retryDelaySeconds?: number;
  /** A run longer than this fails and is retried (default 15 minutes, at most 23 hours). */
  expireInSeconds?: number;
}

export interface Jobs {
  /** Queues a job now (outside any transaction); its id, or null when not queued. */
  send(name: string, data?: object): Promise<string | null>;
  /** Stops taking jobs, waits briefly for running ones; a run cut short is retried later. */
  stop(): Promise<void>;
}

/** Pino-compatible; gets job names, ids, attempts and error codes, never job data. */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobOptions {
  log: JobLog;
  clock?: () => Date;
  /** How often an idle worker looks for jobs (default 2 s; tests go faster). */
  pollingIntervalSeconds?: number;
  /** How often the timekeeper checks the cron schedules (default 30 s, 1–45). */
  cronMonitorIntervalSeconds?: number;
  /** How long stop() waits for running jobs (default 10 s). */
  stopTimeoutMs?: number;
}

/**
 * The jobs src/jobs.ts composes and other code may enqueue before any server has started:
 * their queues are made by the migration, so `enqueueJob` works in any migrated database.
 * startJobs makes (and updates) the queues of its definitions again, with their settings.
 */
export const KNOWN_JOBS = [
  'outbox.dispatch',
  'reminders.daily',
  'outreach.scan',
  'retention.daily',
  'imports.recover',
] as const;

const settingsOf = (
  d: Pick<JobDefinition, 'name' | 'retryLimit' | 'retryDelaySeconds' | 'expireInSeconds'>,
): QueueSettings => ({
  name: d.name,
  retryLimit: d.retryLimit ?? DEFAULT_RETRY_LIMIT,
  retryDelay: d.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
  expireInSeconds: d.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
});

/**
 * Installs or upgrades pg-boss's schema as the owner and makes the known queues (called by
 * src/db/migrate.ts after the SQL migrations).
 */
export async function installJobSchema(db: Db): Promise<void> {
  await installSchema(db, [
    ...KNOWN_JOBS.map((name) => settingsOf({ name })),
    // pg-boss's own cron queue: its timekeeper would create it, but only the owner may.
    settingsOf({ name: CRON_QUEUE, retryLimit: 2, retryDelaySeconds: 1 }),
  ]);
}

const errorFields = (err: unknown) => {
  const f = failureOf(err);
  return { type: f.errorClass, code: f.code };
};

/**
 * Starts this process's workers for `defs` and their cron schedules. Several processes may
 * start the same definitions against one PostgreSQL database: each job still runs once.
 */
export async function startJobs(
  db: Db,
  defs: readonly JobDefinition[],
  opts: JobOptions,
): Promise<Jobs> {
  const names = new Set<string>();
  for (const d of defs) {
    checkJobName(d.name);
    if (names.has(d.name)) throw new TypeError(`job "${d.name}" is defined twice`);
    names.add(d.name);
  }
  const clock = opts.clock ?? (() => new Date());
  const { log } = opts;
  const polling = opts.pollingIntervalSeconds ?? 2;
  await ensureQueues(db, defs.map(settingsOf));

  const boss = new PgBoss({
    db: bossDb(db),
    schema: JOB_SCHEMA,
    // The migration installs the schema as the owner; here pg-boss only checks its version.
    migrate: false,
    pollingIntervalSeconds: polling,
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.max(1, Math.min(polling, 5)),
    // Failed jobs stay listed for the admin two weeks, then go to the archive (a week more).
    archiveFailedAfterSeconds: 14 * 24 * 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (err: unknown) => {
    const queue = (err as { queue?: unknown } | null)?.queue;
    log.error(
      { ...(typeof queue === 'string' ? { job: queue } : {}), err: errorFields(err) },
      'job queue error',
    );
  });
  await boss.start();
  try {
    for (const d of defs) {
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: CRON_TIME_ZONE });
      else await boss.unschedule(d.name);
      let workerId = '';
      workerId = await boss.work<Record<string, unknown>>(
        d.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: polling },
        async ([job]) => {
          if (!job) return;
          const attempt = job.retryCount + 1;
          try {
            await d.run(job.data ?? {}, { now: clock() });
          } catch (err) {
            const failure = failureOf(err);
            log.warn(
              {
                job: d.name,
                id: job.id,
                attempt,
                final: job.retryCount >= job.retryLimit,
                err: { type: failure.errorClass, code: failure.code },
              },
              'job failed',
            );
            // pg-boss stores what is thrown as the job's output: class and code, no message.
            throw failure;
          } finally {
            // Look for the next job at once: pg-boss would otherwise wait a polling interval
            // after every job, so a queue would drain at one job per interval.
            if (workerId) boss.notifyWorker(workerId);
          }
        },
      );
    }
  } catch (err) {
    await boss.stop({ graceful: false, close: false });
    throw err;
  }
  const stopTimeout = opts.stopTimeoutMs ?? 10_000;
  let stopping: Promise<void> | null = null;
  return {
    async send(name, data) {
      return boss.send(checkJobName(name), checkJobData(data));
    },
    stop() {
      stopping ??= boss.stop({ graceful: true, wait: true, close: false, timeout: stopTimeout });
      return stopping;
    },
  };
}

/** Used only for its API over a per-call adapter; it never starts or polls. */
let idle: PgBoss | undefined;

/**
 * A job written in the caller's transaction: it exists iff the transaction commits. With a
 * `singletonKey`, no second job is queued while one with the same name and key is unfinished.
 * Throws when no queue has that name (queues are made by the migration and by startJobs).
 */
export async function enqueueJob(
  tx: Queryable,
  name: string,
  data?: object,
  opts: { startAfter?: Date; singletonKey?: string } = {},
): Promise<void> {
  checkJobName(name);
  const payload = checkJobData(data);
  if (opts.singletonKey !== undefined && (await unfinishedWithKey(tx, name, opts.singletonKey)))
    return;
  idle ??= bossOver({
    executeSql: () => Promise.reject(new Error('the idle pg-boss has no database')),
  });
  const id = await idle.send(name, payload, {
    db: txBossDb(tx),
    ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    ...(opts.singletonKey !== undefined ? { singletonKey: opts.singletonKey } : {}),
  });
  if (id === null) throw new Error(`no job queue named "${name}"`);
}

export interface FailedJob {
  id: string;
  name: string;
  createdOn: Date;
  failedOn: Date | null;
  attempts: number;
  /** The last error's code or class ('ECONNECTION', '23505', 'timeout'), never its message. */
  code: string;
}

export interface JobsOverview {
  queues: QueueCountRow[];
  failed: FailedJob[];
}

/** Every queue's counts and the latest failed jobs (the admin's page, `lighed jobs failed`). */
export async function jobsOverview(db: Db, limit = 100): Promise<JobsOverview> {
  const [queues, failed] = [await queueCounts(db), await failedJobs(db, limit)];
  return {
    queues,
    failed: failed.map((f) => ({
      id: f.id,
      name: f.name,
      createdOn: f.createdOn,
      failedOn: f.failedOn,
      attempts: f.attempts,
      code: errorCodeOf(f.output),
    })),
  };
}

/**
 * Gives a failed job one more attempt, due now. False when no failed job has that id (already
 * retried, archived, or never failed).
 */
export async function retryFailedJob(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const name = await failedJobQueue(db, id);
  if (!name) return false;
  await bossOver(bossDb(db)).retry(name, id);
  return (await failedJobQueue(db, id)) === null;
}
