/**
 * Two real Lighed processes (child_process + tsx, test/support/jobs-child.ts) start the job
 * composition against one PostgreSQL database and dispatch the outbox side by side: messages
 * written before they start reach a real SMTP server exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverDatabaseUrl } from '../../../test/support/db.ts';
import { startSmtp } from '../../../test/support/smtp.ts';
import { inTenant } from '../../db/db.ts';
import { openPostgres } from '../../db/postgres.ts';
import { enqueueMail } from '../mail/index.ts';
import { enqueueJob, jobsOverview } from './index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean | Promise<boolean>, ms: number, what: () => string) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await sleep(200);
  }
};

function child(url: string, env: NodeJS.ProcessEnv) {
  const p = spawn(
    process.execPath,
    ['--import', 'tsx', join(process.cwd(), 'test/support/jobs-child.ts'), url],
    { env },
  );
  const state = { out: '', err: '', sent: 0, started: false };
  p.stdout.on('data', (d: Buffer) => {
    state.out += d.toString();
    state.started = state.out.includes('started\n');
    state.sent = [...state.out.matchAll(/^sent (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
  });
  p.stderr.on('data', (d: Buffer) => (state.err += d.toString()));
  return { p, state };
}

const stopped = (p: ChildProcess) =>
  new Promise<number | null>((res) => {
    if (p.exitCode !== null) return res(p.exitCode);
    p.once('exit', (code) => res(code));
    p.kill('SIGTERM');
  });

describe.skipIf(!process.env.DATABASE_URL)(
  'two Lighed processes on one database [postgres]',
  () => {
    it('send the outbox written before they start exactly once over SMTP', async () => {
      const url = await serverDatabaseUrl('jobp');
      const db = openPostgres(url, 2);
      const server = await startSmtp();
      const dataDir = mkdtempSync(join(os.tmpdir(), 'lighed-jobs-'));
      const children: ReturnType<typeof child>[] = [];
      try {
        await db.asOwner((tx) =>
          tx.query(
            `insert into tenant (kommune, name) values ('0265', 'Roskilde') on conflict do nothing`,
          ),
        );
        await inTenant(db, '0265', async (tx) => {
          for (const n of [1, 2, 3])
            await enqueueMail(tx, {
              kommune: '0265',
              to: `borger${n}@example.dk`,
              subject: 'Din tilmelding',
              text: 'Du er tilmeldt.',
              kind: 'signup.confirmation',
            });
          // More outbox runs than the minute's cron job, so the two processes run them side by side.
          for (let n = 0; n < 6; n++) await enqueueJob(tx, 'outbox.dispatch', { n });
        });
        const env = {
          ...process.env,
          LIGHED_SMTP_URL: server.url,
          LIGHED_DATA_DIR: dataDir,
          LIGHED_MAIL_FROM: 'Lighed <noreply@example.dk>',
        };
        children.push(child(url, env), child(url, env));
        const errors = () => children.map((c) => c.state.err).join('\n');
        await until(() => children.every((c) => c.state.started), 60_000, errors);
        await until(() => server.received.length >= 3, 30_000, errors);
        // Every queued outbox run done (the six, and the cron's), then a little longer.
        await until(
          async () => {
            const q = (await jobsOverview(db)).queues.find((x) => x.name === 'outbox.dispatch');
            return q !== undefined && q.queued + q.active === 0 && q.completed >= 7;
          },
          30_000,
          errors,
        );
        await sleep(2000);
        expect(server.received.map((r) => r.to[0]).sort()).toEqual([
          'borger1@example.dk',
          'borger2@example.dk',
          'borger3@example.dk',
        ]);
        expect(children.reduce((n, c) => n + c.state.sent, 0)).toBe(3);
        expect(await Promise.all(children.map((c) => stopped(c.p)))).toEqual([0, 0]);
      } finally {
        await Promise.all(children.map((c) => stopped(c.p)));
        await server.close();
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
