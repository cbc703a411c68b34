/**
 * Test databases. `eachEngine` runs a suite on PGlite always and on PostgreSQL too when
 * DATABASE_URL is set (CI sets it). Each suite gets its own fresh, migrated database.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Db, Engine } from '../../src/db/db.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';

export const engines: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function freshDb(engine: Engine): Promise<Db> {
  if (engine === 'pglite') {
    const dump = readFileSync(inject('pgliteDump'));
    return openPglite(undefined, new Blob([dump]));
  }
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('DATABASE_URL is not set: no PostgreSQL tests');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`create database ${name} template ${template}`);
  } finally {
    await c.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return openPostgres(u.toString(), 5);
}

/**
 * Declares `fn`'s tests once per engine. `ctx.db` is ready inside tests and hooks.
 * The database lives for the whole suite; tests isolate by tenant or by their own rows.
 */
export function eachEngine(
  name: string,
  fn: (ctx: { readonly db: Db; readonly engine: Engine }) => void,
) {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, () => {
      let db: Db | undefined;
      const ctx = {
        engine,
        get db(): Db {
          if (!db) throw new Error('database not ready');
          return db;
        },
      };
      beforeAll(async () => {
        db = await freshDb(engine);
      });
      afterAll(async () => {
        await db?.close();
      });
      fn(ctx);
    });
  }
}

/**
 * A fresh migrated database on the PostgreSQL server, by URL, for tests that open several
 * pools or processes on one database (as several Lighed servers would). Needs DATABASE_URL.
 */
export async function serverDatabaseUrl(tag: string): Promise<string> {
  const url = process.env.DATABASE_URL!;
  const template = inject('pgTemplate');
  const name = `${template}_${tag}${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`create database ${name} template ${template}`);
  } finally {
    await c.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
