import pg from 'pg';
import { APP_ROLE, type Db, type Queryable } from './db.ts';

/** Opens a pool on a PostgreSQL server. Each connection switches to the application role. */
export function openPostgres(url: string, max = 10): Db {
  // The role is set in the start-up packet: a missing role fails the connection loudly
  // instead of silently running requests as the owner, which row-level security would not bind.
  const pool = new pg.Pool({ connectionString: url, max, options: `-c role=${APP_ROLE}` });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const res = await c.query(text, params ? [...params] : undefined);
      return res.rows as T[];
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async execAsOwner(sql: string) {
      // A dedicated client outside the pool, so the role switch above never applies.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
