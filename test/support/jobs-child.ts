/**
 * A Lighed process for the job queue's two-process test (src/platform/jobs/
 * jobs-processes.int.test.ts): it starts the real job composition (src/jobs.ts) against the
 * PostgreSQL database in argv, with the settings the parent put in the environment
 * (LIGHED_SMTP_URL, LIGHED_DATA_DIR), says "started", prints each outbox run's counts as
 * "sent <n>", and stops cleanly on SIGTERM.
 */
import { openPostgres } from '../../src/db/postgres.ts';
import { jobDefinitions } from '../../src/jobs.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { startJobs, type JobLog } from '../../src/platform/jobs/index.ts';

const [url] = process.argv.slice(2);
const db = openPostgres(url!, 4);
const log: JobLog = {
  info: (obj, msg) => {
    if (msg === 'messages sent') process.stdout.write(`sent ${(obj as { sent: number }).sent}\n`);
  },
  warn: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
  error: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
};
const config = loadConfig();
const jobs = await startJobs(db, jobDefinitions({ db, config, log }), {
  log,
  pollingIntervalSeconds: 0.5,
  cronMonitorIntervalSeconds: 1,
  stopTimeoutMs: 2000,
});
process.stdout.write('started\n');
process.once('SIGTERM', () => {
  void jobs
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
