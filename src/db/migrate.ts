import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { APP_ROLE, type Db } from './db.ts';
import { installJobSchema } from '../platform/jobs/index.ts';

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
  // On a server it is the pool's login role, so this is code, not a migration (those run later).
  // Under the migration lock: two starters granting at once fail with "tuple concurrently updated".
  try {
    await db.execAsOwner(`begin;
      select pg_advisory_xact_lock(2650265);
      ${db.engine === 'postgres' ? APP_LOGIN_ROLE_SQL : APP_GROUP_ROLE_SQL}
      create table if not exists lighed_migration (
        version text primary key, applied_at timestamptz not null default now());
      grant select on lighed_migration to ${APP_ROLE};
      commit;`);
  } catch (err) {
    await db.execAsOwner('rollback').catch(() => undefined);
    throw err;
  }
  if (db.engine === 'postgres') await checkAppConnection(db);
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
  // The job queue's tables come from pg-boss, installed or upgraded as the owner (decision 0019).
  await installJobSchema(db);
  return done;
}

/** Embedded PGlite has one user; the application role is only switched to with `set role`. */
const APP_GROUP_ROLE_SQL = `
  do $$ begin
    create role ${APP_ROLE} nologin;
  exception when duplicate_object or unique_violation then null;
  end $$;`;

/**
 * On a server the pool logs in as the application role: it may log in, holds no attribute that
 * could lift it over row-level security or let it make roles, and is a member of no role (so
 * `set role` reaches nothing). Roles are cluster-wide and several databases may start at once:
 * the role is created or changed only when needed, and a race with another starter (duplicate
 * role, or "tuple concurrently updated" on pg_authid) is retried.
 */
const APP_LOGIN_ROLE_SQL = `
  do $$
  declare
    r record;
    attempt int := 0;
  begin
    loop
      begin
        select * into r from pg_roles where rolname = '${APP_ROLE}';
        if not found then
          create role ${APP_ROLE} login;
        else
          if not r.rolcanlogin then alter role ${APP_ROLE} login; end if;
          -- Each attribute only when set: changing some of them needs a superuser owner.
          if r.rolsuper then alter role ${APP_ROLE} nosuperuser; end if;
          if r.rolbypassrls then alter role ${APP_ROLE} nobypassrls; end if;
          if r.rolcreaterole then alter role ${APP_ROLE} nocreaterole; end if;
          if r.rolcreatedb then alter role ${APP_ROLE} nocreatedb; end if;
          if r.rolreplication then alter role ${APP_ROLE} noreplication; end if;
        end if;
        exit;
      exception when duplicate_object or unique_violation or internal_error then
        attempt := attempt + 1;
        if attempt > 5 then raise; end if;
        perform pg_sleep(0.05 * attempt);
      end;
    end loop;
    if exists (select 1 from pg_auth_members where member = '${APP_ROLE}'::regrole) then
      raise exception 'role ${APP_ROLE} is a member of %: it must be a member of no role (docs/operations.md)',
        (select string_agg(roleid::regrole::text, ', ') from pg_auth_members
          where member = '${APP_ROLE}'::regrole);
    end if;
  end $$;`;

/**
 * The request pool must not be able to become the owner: refuses to start when its login role
 * is a superuser, bypasses row-level security, or is (a member of) the owner of the tables.
 */
async function checkAppConnection(db: Db): Promise<void> {
  let row: { login: string; current: string; unsafe: boolean } | undefined;
  try {
    [row] = await db.query<{ login: string; current: string; unsafe: boolean }>(
      `select session_user::text as login, current_user::text as current,
         r.rolsuper or r.rolbypassrls or pg_has_role(session_user, c.relowner, 'MEMBER') as unsafe
       from pg_roles r, pg_class c
       where r.rolname = session_user and c.oid = 'lighed_migration'::regclass`,
    );
  } catch (err) {
    throw new Error(
      `The application connection failed (${(err as Error).message}). It logs in as ${APP_ROLE}: ` +
        `set its password (\\password ${APP_ROLE} in psql) and LIGHED_APP_DATABASE_URL (docs/operations.md).`,
      { cause: err },
    );
  }
  if (!row || row.current !== APP_ROLE || row.unsafe) {
    throw new Error(
      `The application connection logs in as ${row?.login ?? 'an unknown role'}, which is the owner, ` +
        `a superuser or may bypass row-level security: point LIGHED_APP_DATABASE_URL at ${APP_ROLE} (docs/operations.md).`,
    );
  }
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  const all = await listMigrations();
  const rows = await db.query<{ version: string }>('select version from lighed_migration');
  const applied = new Set(rows.map((r) => r.version));
  return all.every((m) => applied.has(m.version));
}
