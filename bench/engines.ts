/**
 * A fresh database per benchmark run: PGlite in a temporary folder, or a new PostgreSQL
 * database (DATABASE_URL, default the local server) dropped afterwards. Not migrated: each
 * benchmark migrates and seeds as it needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/db/db.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';

export interface BenchEngine {
  db: Db;
  cleanup: () => Promise<void>;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** The engine, or why PostgreSQL could not be used. `label` names the folder and database. */
export async function openBenchEngine(
  engine: 'pglite' | 'postgres',
  label: string,
  poolSize?: number,
): Promise<BenchEngine | string> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(os.tmpdir(), `lighed-bench-${label}-`));
    const db = await openPglite(join(dir, 'pglite'));
    return {
      db,
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `lighed_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } catch (err) {
    await admin.end().catch(() => undefined);
    return `PostgreSQL unreachable or not usable at ${redact(adminUrl)}: ${(err as Error).message}`;
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), poolSize);
  return {
    db,
    cleanup: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
