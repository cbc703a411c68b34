import { createHash } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, type Db, type Queryable } from './db.ts';

/**
 * The request pool's URL when none is configured: the owner's URL with the user swapped for
 * the application role and no password (enough with `trust` or certificate authentication;
 * otherwise set LIGHED_APP_DATABASE_URL with its password).
 */
export function appDatabaseUrl(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = '';
  return u.toString();
}

/**
 * Opens a pool on a PostgreSQL server. `url` is the owner's (migrations, `execAsOwner`,
 * `asOwner`); requests use `appUrl`, which logs in as a role that is neither the owner nor a
 * superuser, so `reset role` cannot climb back to either (docs/decisions/0003).
 */
export function openPostgres(url: string, max = 10, appUrl = appDatabaseUrl(url)): Db {
  // The role is also set in the start-up packet: a login role other than lighed_app (a member
  // of it) then runs requests as lighed_app, and a missing role fails the connection loudly.
  const pool = new pg.Pool({ connectionString: appUrl, max, options: `-c role=${APP_ROLE}` });
  const wrap = (c: pg.Pool | pg.PoolClient | pg.Client): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      // Without parameters the simple protocol, as before: such a text may hold several
      // statements (pg-boss's maintenance), which a prepared statement cannot.
      if (!params?.length) return (await c.query(text)).rows as T[];
      const values = [...params];
      try {
        // Named: parsed once per connection, and planned once PostgreSQL settles on a generic
        // plan (decision 0033).
        return (await c.query({ name: statementName(text), text, values })).rows as T[];
      } catch (err) {
        // A table changed under a kept statement ("cached plan must not change result type"):
        // this once without a name; the connection keeps the name for its life.
        if ((err as { code?: string }).code !== '0A000') throw err;
        return (await c.query(text, values)).rows as T[];
      }
    },
  });
  // A dedicated owner client outside the pool, for the few owner tasks.
  const withOwner = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const inTransaction = async <T>(
    c: pg.PoolClient | pg.Client,
    fn: (tx: Queryable) => Promise<T>,
  ): Promise<T> => {
    await c.query('begin');
    try {
      const result = await fn(wrap(c));
      await c.query('commit');
      return result;
    } catch (err) {
      await c.query('rollback').catch(() => undefined);
      throw err;
    }
  };
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        return await inTransaction(client, fn);
      } finally {
        client.release();
      }
    },
    async execAsOwner(sql: string) {
      await withOwner(async (c) => {
        await c.query(sql);
      });
    },
    async asOwner<T>(fn: (tx: Queryable) => Promise<T>) {
      return withOwner((c) => inTransaction(c, fn));
    },
    async close() {
      await pool.end();
    },
  };
}

/** Statement names by text: the same text gets the same name on every connection. */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `lighed_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    // Texts come from the code (values are parameters), so they are few; a bound all the same.
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return name;
}
