/**
 * `lighed jobs failed` lists the jobs that gave up (name, id, when, error code: never their
 * data) and `lighed jobs retry <id>` gives one another attempt, as the admin's page does.
 */
import type { Db } from '../../db/db.ts';
import { jobsOverview, retryFailedJob } from './index.ts';

export async function jobsFailed(
  db: Db,
  print: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  const { queues, failed } = await jobsOverview(db, 200);
  for (const q of queues)
    print(
      `${q.name.padEnd(24)} queued ${q.queued}, running ${q.active}, failed ${q.failed}, completed ${q.completed}`,
    );
  if (failed.length === 0) {
    print('No failed jobs.');
    return;
  }
  print('');
  print(`${'job'.padEnd(24)} ${'id'.padEnd(36)} ${'failed at'.padEnd(24)} attempts  error`);
  for (const f of failed)
    print(
      `${f.name.padEnd(24)} ${f.id} ${(f.failedOn?.toISOString() ?? '').padEnd(24)} ${String(f.attempts).padEnd(9)} ${f.code}`,
    );
}

/** Sets the exit code 1 when no failed job has that id. */
export async function jobsRetry(
  db: Db,
  id: string,
  print: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  if (await retryFailedJob(db, id)) print(`Job ${id} is queued again.`);
  else {
    print(`No failed job with id ${id}.`);
    process.exitCode = 1;
  }
}
