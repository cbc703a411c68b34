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
      const res = await c.query(text, params ? [...params] : undefined);
      return res.rows as T[];
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
