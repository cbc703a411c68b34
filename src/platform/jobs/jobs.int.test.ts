/**
 * The job queue on both engines (a job runs once with the clock's time, retries with back-off
 * and ends failed, an admin's retry runs it, jobs written in a transaction live and die with
 * it), and on PostgreSQL across pools: 40 jobs between two instances run once each, and two
 * instances with one cron schedule make one run per minute.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eachEngine, serverDatabaseUrl } from '../../../test/support/db.ts';
import { openPostgres } from '../../db/postgres.ts';
import type { Db } from '../../db/db.ts';
import { LighedError } from '../errors.ts';
import {
  enqueueJob,
  jobsOverview,
  retryFailedJob,
  startJobs,
  type JobDefinition,
  type JobLog,
  type Jobs,
} from './index.ts';
import { bossDb, bossOver, jobState } from './jobs.store.ts';

export const until = async (cond: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function memoryLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const log: JobLog = {
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  return { log, lines };
}

const running: Jobs[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((j) => j.stop()));
});

async function start(db: Db, defs: JobDefinition[], log: JobLog, clock?: () => Date) {
  const jobs = await startJobs(db, defs, {
    log,
    ...(clock ? { clock } : {}),
    pollingIntervalSeconds: 0.5,
    cronMonitorIntervalSeconds: 1,
    stopTimeoutMs: 2000,
  });
  running.push(jobs);
  return jobs;
}

eachEngine('job queue', (ctx) => {
  it('runs a job once, with ctx.now from the clock, and logs no job data', async () => {
    const { log, lines } = memoryLog();
    const runs: { data: Record<string, unknown>; now: Date }[] = [];
    const at = new Date('2031-05-04T03:15:00Z');
    const jobs = await start(
      ctx.db,
      [
        {
          name: 'test.once',
          run: async (data, c) => {
            runs.push({ data, now: c.now });
            if (data.fail) throw new Error('secret-payload');
          },
          retryLimit: 0,
        },
      ],
      log,
      () => at,
    );
    const id = await jobs.send('test.once', { kommune: '0265', ref: 'only-ids' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => runs.length === 1);
    await sleep(1500);
    expect(runs).toEqual([{ data: { kommune: '0265', ref: 'only-ids' }, now: at }]);
    expect((await jobState(ctx.db, id!))?.state).toBe('completed');

    await jobs.send('test.once', { fail: true, ref: 'do-not-log' });
    await until(() => lines.some((l) => l.msg === 'job failed'));
    const failed = lines.find((l) => l.msg === 'job failed')!;
    expect(failed.obj).toMatchObject({ job: 'test.once', attempt: 1, final: true });
    expect(JSON.stringify(lines)).not.toMatch(/do-not-log|secret-payload|only-ids/);
  });

  it('retries a failing job with back-off, leaves it failed, and runs it again on retry', async () => {
    const { log } = memoryLog();
    const attempts: number[] = [];
    let fail = true;
    const jobs = await start(
      ctx.db,
      [
        {
          name: 'test.flaky',
          retryLimit: 2,
          retryDelaySeconds: 1,
          run: async () => {
            attempts.push(Date.now());
            if (fail) throw new LighedError('LIGHED_ERR_CONFLICT', 'Aisha was busy');
          },
        },
      ],
      log,
    );
    const id = (await jobs.send('test.flaky', {}))!;
    await until(async () => (await jobState(ctx.db, id))?.state === 'failed', 25_000);
    expect(attempts).toHaveLength(3);
    const [a, b, c] = attempts as [number, number, number];
    // Back-off: 1–2 s before the second attempt, 2–4 s before the third (plus polling).
    expect(b - a).toBeGreaterThanOrEqual(900);
    expect(c - b).toBeGreaterThanOrEqual(1900);

    const overview = await jobsOverview(ctx.db);
    const row = overview.failed.find((f) => f.id === id);
    expect(row).toMatchObject({ name: 'test.flaky', attempts: 3, code: 'LIGHED_ERR_CONFLICT' });
    expect(JSON.stringify(overview)).not.toMatch(/Aisha/);
    expect(overview.queues.find((q) => q.name === 'test.flaky')).toMatchObject({ failed: 1 });

    fail = false;
    expect(await retryFailedJob(ctx.db, id)).toBe(true);
    expect(await retryFailedJob(ctx.db, id)).toBe(false);
    expect(await retryFailedJob(ctx.db, 'not-a-uuid')).toBe(false);
    await until(async () => (await jobState(ctx.db, id))?.state === 'completed');
    expect(attempts).toHaveLength(4);
  });

  it('writes a job in the caller’s transaction: rolled back, none; committed, it runs', async () => {
    const { log } = memoryLog();
    const runs: unknown[] = [];
    await start(ctx.db, [{ name: 'test.tx', run: async (d) => void runs.push(d.n) }], log);
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.tx', { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await ctx.db.transaction((tx) => enqueueJob(tx, 'test.tx', { n: 2 }));
    await until(() => runs.length >= 1);
    await sleep(1500);
    expect(runs).toEqual([2]);

    // A singleton key queues one job while one is unfinished.
    const later = new Date(Date.now() + 3600_000);
    for (let i = 0; i < 3; i++)
      await ctx.db.transaction((tx) =>
        enqueueJob(tx, 'test.tx', { n: 3 }, { singletonKey: 'k', startAfter: later }),
      );
    expect((await jobsOverview(ctx.db)).queues.find((q) => q.name === 'test.tx')?.queued).toBe(1);

    await expect(ctx.db.transaction((tx) => enqueueJob(tx, 'no.such.queue'))).rejects.toThrow(
      /no job queue/,
    );
    await expect(
      ctx.db.transaction((tx) => enqueueJob(tx, 'test.tx', { person: { name: 'x' } })),
    ).rejects.toThrow(TypeError);
  });

  it("runs pg-boss's maintenance (several statements in one) through the adapter", async () => {
    const boss = bossOver(bossDb(ctx.db));
    await boss.maintain();
    await boss.maintain();
    expect(await boss.getQueues()).not.toHaveLength(0);
    // The one connection is usable afterwards (no transaction left open on PGlite).
    await ctx.db.transaction((tx) => enqueueJob(tx, 'retention.daily'));
  });

  it('makes the known queues at migration, so a job can be enqueued before any server ran', async () => {
    const names = (await jobsOverview(ctx.db)).queues.map((q) => q.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'outbox.dispatch',
        'outreach.scan',
        'reminders.daily',
        'retention.daily',
        'imports.recover',
      ]),
    );
    await ctx.db.transaction((tx) => enqueueJob(tx, 'outreach.scan', { kommune: '0265' }));
  });
});

describe.skipIf(!process.env.DATABASE_URL)('job queue across processes [postgres]', () => {
  it('runs each of 40 jobs exactly once between two instances on two pools', async () => {
    const url = await serverDatabaseUrl('jobs');
    const [a, b] = [openPostgres(url, 4), openPostgres(url, 4)];
    try {
      const seen: { who: string; n: number }[] = [];
      const def = (who: string): JobDefinition => ({
        name: 'test.many',
        run: async (d) => {
          seen.push({ who, n: Number(d.n) });
          await sleep(50);
        },
      });
      const { log } = memoryLog();
      await start(a, [def('a')], log);
      await start(b, [def('b')], log);
      await a.transaction(async (tx) => {
        for (let n = 0; n < 40; n++) await enqueueJob(tx, 'test.many', { n });
      });
      await until(() => seen.length >= 40, 25_000);
      await sleep(1500);
      expect(seen).toHaveLength(40);
      expect(new Set(seen.map((s) => s.n)).size).toBe(40);
      // Both took a share (each polls every 0.5 s; 40 × 50 ms is four polls long).
      expect(seen.some((s) => s.who === 'a') && seen.some((s) => s.who === 'b')).toBe(true);
    } finally {
      await Promise.all(running.splice(0).map((j) => j.stop()));
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('runs a cron schedule once per minute across two instances, in Danish time', async () => {
    // Within one minute: pg-boss makes at most one job per schedule and minute.
    const second = new Date().getSeconds();
    if (second > 45) await sleep((61 - second) * 1000);
    const url = await serverDatabaseUrl('jobs');
    const [a, b] = [openPostgres(url, 4), openPostgres(url, 4)];
    try {
      const runs: string[] = [];
      const def = (who: string): JobDefinition => ({
        name: 'test.cron',
        cron: '* * * * *',
        run: async () => void runs.push(who),
      });
      const { log } = memoryLog();
      await start(a, [def('a')], log);
      await start(b, [def('b')], log);
      await until(() => runs.length >= 1, 8000);
      // Both timekeepers check every second; a second run would come within this wait.
      await sleep(5000);
      expect(runs).toHaveLength(1);
      const [schedule] = await a.asOwner((tx) =>
        tx.query<{ timezone: string; cron: string }>(
          `select timezone, cron from pgboss.schedule where name = 'test.cron'`,
        ),
      );
      expect(schedule).toEqual({ timezone: 'Europe/Copenhagen', cron: '* * * * *' });
    } finally {
      await Promise.all(running.splice(0).map((j) => j.stop()));
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
