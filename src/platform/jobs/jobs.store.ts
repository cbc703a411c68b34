/**
 * All SQL of the job queue (decision 0019): pg-boss's own statements, run through adapters
 * over our `Db` and `Queryable`, and the few queries of our own (the schema's install and
 * grants, the admin's counts and failed list, the singleton check).
 *
 * pg-boss calls `executeSql(text, values)`. With values it is one statement; without, it may
 * be several in one string (`BEGIN; …; COMMIT;` around its maintenance), which PGlite runs
 * only through `exec` and node-postgres only through the simple protocol (`query(text)`).
 */
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import bossVersion from 'pg-boss/version.json' with { type: 'json' };
import { APP_ROLE, type Db, type Queryable } from '../../db/db.ts';

/** The schema pg-boss keeps its tables in (one per database). */
export const JOB_SCHEMA = 'pgboss';
/** pg-boss's internal queue that turns a cron schedule into a job (timekeeper.js). */
export const CRON_QUEUE = '__pgboss__send-it';
/** Same key as src/db/migrate.ts: installing the schema waits for a running migration. */
const MIGRATION_LOCK = 2650265;

export type BossDb = PgBoss.Db;
type Rows = { rows: Record<string, unknown>[] };

const multiStatement = (text: string) => /^\s*BEGIN;/i.test(text);

/** PGlite's handle behind a Db from src/db/pglite.ts (`wrapPglite` keeps it as `raw`). */
function pgliteOf(db: Db): PGlite | undefined {
  if (db.engine !== 'pglite') return undefined;
  const raw = (db as Db & { raw?: PGlite }).raw;
  return raw && typeof raw.exec === 'function' ? raw : undefined;
}

/**
 * pg-boss over the application's database as the application role: on PostgreSQL the app
 * pool (several processes share one database and see each other's jobs), on PGlite the one
 * connection, whose top-level calls wait for an open transaction, so nothing interleaves.
 */
export function bossDb(db: Db): BossDb {
  const raw = pgliteOf(db);
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      if (raw && !values?.length && multiStatement(text)) {
        // Switches the connection to the application role first (pglite.ts does it lazily).
        await db.query('select 1');
        try {
          const results = await raw.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        } catch (err) {
          // A failed statement leaves PGlite's one connection inside the aborted transaction.
          await raw.exec('rollback').catch(() => undefined);
          throw err;
        }
      }
      const rows = await db.query(text, values?.length ? values : undefined);
      // node-postgres answers several statements with an array (no `rows`): pg-boss ignores it.
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

/** pg-boss inside the caller's transaction: what it writes commits or rolls back with it. */
export function txBossDb(tx: Queryable): BossDb {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      if (!values?.length && multiStatement(text))
        throw new Error('a multi-statement pg-boss command cannot run inside a transaction');
      return { rows: await tx.query(text, values?.length ? values : undefined) };
    },
  };
}

/** A pg-boss that is never started: its API (send, retry, createQueue) over one adapter. */
export function bossOver(db: BossDb): PgBoss {
  return new PgBoss({ db, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false });
}

/** The schema's version, or null when pg-boss is not installed (read as the owner). */
async function installedVersion(db: Db): Promise<number | null> {
  return db.asOwner(async (tx) => {
    const [t] = await tx.query<{ name: string | null }>(
      `select to_regclass('${JOB_SCHEMA}.version')::text as name`,
    );
    if (!t?.name) return null;
    const [v] = await tx.query<{ version: number }>(`select version from ${JOB_SCHEMA}.version`);
    return v ? Number(v.version) : null;
  });
}

async function execOwner(db: Db, sql: string, race: string): Promise<void> {
  try {
    await db.execAsOwner(sql);
  } catch (err) {
    await db.execAsOwner('rollback').catch(() => undefined);
    // Another process installed or upgraded it at the same moment (pg-boss's own race check).
    if (!(err instanceof Error && err.message.includes(race))) throw err;
  }
}

export interface QueueSettings {
  name: string;
  retryLimit: number;
  retryDelay: number;
  expireInSeconds: number;
}

/**
 * Creates (first time) and updates the queues, as the owner: pg-boss 10 gives each queue a
 * partition table, which only the owner may create. `grant` afterwards covers the new tables
 * (the default privileges do too, this is for partitions made before they existed).
 */
export async function ensureQueues(db: Db, queues: readonly QueueSettings[]): Promise<void> {
  await db.asOwner(async (tx) => {
    const boss = bossOver(txBossDb(tx));
    for (const q of queues) {
      const opts = {
        name: q.name,
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelay,
        retryBackoff: true,
        expireInSeconds: q.expireInSeconds,
      };
      await boss.createQueue(q.name, opts);
      await boss.updateQueue(q.name, opts);
    }
  });
}

/**
 * Installs or upgrades the pgboss schema as the owner (from src/db/migrate.ts, after the SQL
 * files), makes the known queues, and lets the application role use the tables (rows only:
 * it creates no table, so a request path cannot either).
 */
export async function installJobSchema(db: Db, queues: readonly QueueSettings[]): Promise<void> {
  const current = BOSS_SCHEMA_VERSION;
  const version = await installedVersion(db);
  if (version === null)
    await execOwner(db, PgBoss.getConstructionPlans(JOB_SCHEMA), 'already exists');
  else if (version < current)
    await execOwner(db, PgBoss.getMigrationPlans(JOB_SCHEMA, String(version)), 'division by zero');
  else if (version > current)
    throw new Error(
      `The job queue's schema is version ${version}, newer than this Lighed's pg-boss (${current}).`,
    );
  await ensureQueues(db, queues);
  try {
    await db.execAsOwner(`begin;
      select pg_advisory_xact_lock(${MIGRATION_LOCK});
      grant usage on schema ${JOB_SCHEMA} to ${APP_ROLE};
      grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to ${APP_ROLE};
      alter default privileges in schema ${JOB_SCHEMA}
        grant select, insert, update, delete on tables to ${APP_ROLE};
      commit;`);
  } catch (err) {
    await db.execAsOwner('rollback').catch(() => undefined);
    throw err;
  }
}

/** The schema version this pg-boss expects (its version.json). */
export const BOSS_SCHEMA_VERSION = Number(bossVersion.schema);

/**
 * Takes the transaction-scoped lock of a singleton key and says whether an unfinished job
 * (queued, retrying or running) with that key exists. A second caller with the same key waits
 * for the first's commit and then sees its job.
 */
export async function unfinishedWithKey(
  tx: Queryable,
  name: string,
  key: string,
): Promise<boolean> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `lighed.jobs:${name}:${key}`,
  ]);
  const rows = await tx.query(
    `select 1 from ${JOB_SCHEMA}.job
     where name = $1 and singleton_key = $2 and state < 'completed' limit 1`,
    [name, key],
  );
  return rows.length > 0;
}

export interface QueueCountRow {
  name: string;
  queued: number;
  active: number;
  failed: number;
  completed: number;
}

/** Each queue's jobs by state (pg-boss's own queue left out). */
export async function queueCounts(db: Db): Promise<QueueCountRow[]> {
  const rows = await db.query<Record<keyof QueueCountRow, string | number>>(
    `select q.name,
       count(j.id) filter (where j.state in ('created', 'retry')) as queued,
       count(j.id) filter (where j.state = 'active') as active,
       count(j.id) filter (where j.state = 'failed') as failed,
       count(j.id) filter (where j.state = 'completed') as completed
     from ${JOB_SCHEMA}.queue q left join ${JOB_SCHEMA}.job j on j.name = q.name
     where q.name not like '\\_\\_pgboss\\_\\_%'
     group by q.name order by q.name`,
  );
  return rows.map((r) => ({
    name: String(r.name),
    queued: Number(r.queued),
    active: Number(r.active),
    failed: Number(r.failed),
    completed: Number(r.completed),
  }));
}

export interface FailedJobRow {
  id: string;
  name: string;
  createdOn: Date;
  failedOn: Date | null;
  attempts: number;
  output: unknown;
}

/** Failed jobs, the latest first (they stay until pg-boss archives them). */
export async function failedJobs(db: Db, limit: number): Promise<FailedJobRow[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    created_on: Date | string;
    completed_on: Date | string | null;
    retry_count: number;
    output: unknown;
  }>(
    `select id, name, created_on, completed_on, retry_count, output from ${JOB_SCHEMA}.job
     where state = 'failed' order by completed_on desc nulls last, id limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdOn: new Date(r.created_on),
    failedOn: r.completed_on === null ? null : new Date(r.completed_on),
    attempts: Number(r.retry_count) + 1,
    output: r.output,
  }));
}

/** The queue of a failed job, or null when no failed job has that id. */
export async function failedJobQueue(db: Db, id: string): Promise<string | null> {
  const rows = await db.query<{ name: string }>(
    `select name from ${JOB_SCHEMA}.job where id = $1 and state = 'failed'`,
    [id],
  );
  return rows[0]?.name ?? null;
}

/** Test and admin helper: one job's state and attempts (null when gone or archived). */
export async function jobState(
  db: Db,
  id: string,
): Promise<{ state: string; retryCount: number; startAfter: Date } | null> {
  const rows = await db.query<{ state: string; retry_count: number; start_after: Date | string }>(
    `select state, retry_count, start_after from ${JOB_SCHEMA}.job where id = $1`,
    [id],
  );
  const r = rows[0];
  return r
    ? { state: r.state, retryCount: Number(r.retry_count), startAfter: new Date(r.start_after) }
    : null;
}
