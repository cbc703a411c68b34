import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { APP_ROLE, type Db } from './db.ts';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
}

export async function listMigrations(): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => ({
      version: f.replace(/\.sql$/, ''),
      sql: await readFile(dir + f, 'utf8'),
    })),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction, as the owner. On a
 * PostgreSQL server an advisory lock keeps two starting processes from migrating at once.
 */
export async function migrate(db: Db): Promise<string[]> {
  const all = await listMigrations();
  // Bootstrap as the owner: the application role must exist before the pool connects as it.
  await db.execAsOwner(`
    do $$ begin
      create role ${APP_ROLE} nologin;
    exception when duplicate_object or unique_violation then null;
    end $$;
    create table if not exists lighed_migration (
      version text primary key, applied_at timestamptz not null default now());
    grant select on lighed_migration to ${APP_ROLE};`);
  const applied = new Set(
    (await db.query<{ version: string }>('select version from lighed_migration')).map(
      (r) => r.version,
    ),
  );
  const done: string[] = [];
  for (const m of all) {
    if (applied.has(m.version)) continue;
    try {
      await db.execAsOwner(`begin;
        select pg_advisory_xact_lock(2650265);
        ${m.sql}
        ;insert into lighed_migration (version) values ('${m.version}') on conflict do nothing;
        commit;`);
    } catch (err) {
      await db.execAsOwner('rollback').catch(() => undefined);
      throw new Error(`Migration ${m.version} failed: ${(err as Error).message}`, { cause: err });
    }
    done.push(m.version);
  }
  return done;
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  const all = await listMigrations();
  const rows = await db.query<{ version: string }>('select version from lighed_migration');
  const applied = new Set(rows.map((r) => r.version));
  return all.every((m) => applied.has(m.version));
}
