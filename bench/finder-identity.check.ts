/**
 * Old and new finder statement, the same searches, interleaved in one process (issue 16): every
 * result must be identical (offers, order, counts, page rows, places, schedules), and the
 * timings and backend CPU are compared at the same moment, so the machine's load weighs on
 * both alike.
 *
 *   npx tsx bench/finder-identity.check.ts [--old <commit>] [--searches N] [--database NAME]
 *
 * `--old`: the commit whose src/catalog/offer.store.ts is the "old" side (default 5e71e8b, the
 * commit before decision 0031); it is read with `git show` and runs against this tree's schema.
 * Without `--database`, a fresh PostgreSQL database (DATABASE_URL as admin URL, default the
 * local server) gets the national catalog (25,000 offers, the bench's seed) and is dropped at
 * the end; `--database` reuses a migrated and built one. Mixes, N searches each (default 200):
 * the bench's place-only mix, its text + place + filters mix and the varied mix (words or none,
 * filters, sorts, pages). Exits non-zero on any difference.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import type { Queryable } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { ensurePostcodes } from '../src/platform/geo/postcode.store.ts';
import { copenhagenNow, parseFinderQuery } from '../src/catalog/finder.ts';
import { searchOffers } from '../src/catalog/offer.store.ts';
import {
  buildNationalCatalog,
  buildPlaceOnlyMix,
  buildQueryMix,
  buildVariedMix,
  readPostcodeTable,
} from './national-catalog.ts';

const { values: flags } = parseArgs({
  options: {
    old: { type: 'string', default: '5e71e8b' },
    searches: { type: 'string', default: '200' },
    database: { type: 'string' },
    seed: { type: 'string', default: '20250601' },
  },
});
const repo = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KOMMUNE = '0265';
const n = Number(flags.searches);
const seed = Number(flags.seed);

/** The old store, its relative imports pointed at this tree (a temporary copy outside it). */
async function loadOld(commit: string): Promise<typeof searchOffers> {
  const source = execFileSync('git', ['show', `${commit}:src/catalog/offer.store.ts`], {
    cwd: repo,
    encoding: 'utf8',
  });
  const src = (rel: string) => pathToFileURL(join(repo, 'src', rel)).href;
  const rewritten = source
    .replace(/from '\.\.\/([^']+)'/g, (_, rel: string) => `from '${src(rel)}'`)
    .replace(/from '\.\/([^']+)'/g, (_, rel: string) => `from '${src(`catalog/${rel}`)}'`);
  const dir = mkdtempSync(join(os.tmpdir(), 'lighed-old-store-'));
  const file = join(dir, 'offer.store.old.ts');
  writeFileSync(file, rewritten);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { searchOffers: typeof searchOffers };
    return mod.searchOffers;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One backend as the application role, with its CPU time when the server is on this machine. */
async function backend(url: string) {
  const client = new pg.Client({ connectionString: url, options: '-c role=lighed_app' });
  await client.connect();
  const [row] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
  const stat = `/proc/${row!.pid}/schedstat`;
  const cpuMs = (): number | null => {
    try {
      return Number(readFileSync(stat, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return null;
    }
  };
  const q: Queryable = {
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params ? [...params] : undefined)).rows as T[],
  };
  return { q, cpuMs, end: () => client.end() };
}

const quantile = (xs: number[], f: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? NaN;
};
const fmt = (x: number) => x.toFixed(2);

const name = flags.database ?? `lighed_identity_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();
let failed = 0;
try {
  if (!flags.database) {
    await admin.query(`create database ${name}`);
    const db = openPostgres(dbUrl);
    try {
      await migrate(db);
      await ensurePostcodes(db);
      await buildNationalCatalog(db, { offers: 25000, seed });
    } finally {
      await db.close();
    }
  }
  const oldSearch = await loadOld(flags.old);
  const appUrl = (() => {
    const u = new URL(dbUrl);
    return u.toString();
  })();
  const a = await backend(appUrl);
  const b = await backend(appUrl);
  const postcodes = await readPostcodeTable(a.q as never);
  const mixes = {
    'place-only': buildPlaceOnlyMix(seed + 2, postcodes, n),
    'text + place + filters': buildQueryMix(seed + 1, postcodes, n),
    varied: buildVariedMix(seed + 1, postcodes, n),
  };
  const now = copenhagenNow();
  console.log(
    `old ${flags.old} vs this tree; ${n} searches per mix; load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    '| mix | searches | different | old p50 / p95 ms | new p50 / p95 ms | old / new backend CPU ms (mean) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, paths] of Object.entries(mixes)) {
    const t = { old: [] as number[], new: [] as number[] };
    const cpu = { old: [] as number[], new: [] as number[] };
    let different = 0;
    for (const [i, path] of paths.entries()) {
      const { query } = parseFinderQuery(Object.fromEntries(new URLSearchParams(path.slice(2))));
      const pc = postcodes.find((p) => p.postnummer === query.postnummer);
      const origin = pc ? { latitude: pc.latitude, longitude: pc.longitude } : null;
      // Alternate which side runs first, and on which backend, so neither gains from warm caches.
      const sides = [
        { key: 'old' as const, run: oldSearch },
        { key: 'new' as const, run: searchOffers },
      ];
      if (i % 2) sides.reverse();
      const results: Record<'old' | 'new', unknown> = { old: null, new: null };
      for (const [j, side] of sides.entries()) {
        const be = (i + j) % 2 ? b : a;
        const c0 = be.cpuMs();
        const t0 = performance.now();
        results[side.key] = await side.run(be.q, KOMMUNE, query, origin, now);
        t[side.key].push(performance.now() - t0);
        const c1 = be.cpuMs();
        if (c0 !== null && c1 !== null) cpu[side.key].push(c1 - c0);
      }
      if (!isDeepStrictEqual(results.old, results.new)) {
        different++;
        if (different <= 3) {
          console.error(`different: ${path}`);
          console.error(' old', JSON.stringify(results.old).slice(0, 600));
          console.error(' new', JSON.stringify(results.new).slice(0, 600));
        }
      }
    }
    failed += different;
    const mean = (xs: number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : NaN);
    console.log(
      `| ${label} | ${paths.length} | ${different} | ${fmt(quantile(t.old, 0.5))} / ${fmt(quantile(t.old, 0.95))} | ` +
        `${fmt(quantile(t.new, 0.5))} / ${fmt(quantile(t.new, 0.95))} | ${fmt(mean(cpu.old))} / ${fmt(mean(cpu.new))} |`,
    );
  }
  await a.end();
  await b.end();
} finally {
  if (!flags.database) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
if (failed) {
  console.error(`${failed} searches gave different results`);
  process.exit(1);
}
