/**
 * Finder benchmark: `npm run bench:finder [-- --engine pglite|postgres|both --seconds 15 ...]`.
 * See bench/README.md for what it measures and how to read the results.
 *
 * Per engine: a fresh database, migrated, with the national postcode table and a synthetic
 * national catalog (98 municipalities, 25,000 published offers); the real app on a local port,
 * loaded by a separate client process; the same queries as bare SQL in this process; the page
 * weight of a finder page. Results go to stdout (markdown) and bench/results/*.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { inTenant, type Db, type Queryable } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensurePostcodes } from '../src/platform/geo/postcode.store.ts';
import { offlineGeocoder } from '../src/platform/geo/geocoder.ts';
import { parseFinderQuery } from '../src/catalog/finder.ts';
import { searchOffers } from '../src/catalog/offer.store.ts';
import {
  buildNationalCatalog,
  buildPlaceOnlyMix,
  buildQueryMix,
  buildVariedMix,
  readPostcodeTable,
  type CatalogStats,
} from './national-catalog.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import type { LoadConfig, LoadResult } from './load-client.ts';
import { r2, summarize, type LatencySummary } from './stats.ts';
import { openBenchEngine } from './engines.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const KOMMUNE = '0265';
const P95_AIM_MS = 25;
const PAGE_BUDGET_BYTES = 60 * 1024;

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    catalog: { type: 'string', default: 'national' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    offers: { type: 'string', default: '25000' },
    'sql-queries': { type: 'string', default: '500' },
    'single-seconds': { type: 'string', default: '5' },
    rate: { type: 'string', default: '20' },
    'rate-seconds': { type: 'string', default: '10' },
    seed: { type: 'string', default: '20250601' },
    'no-gzip': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    leakproof: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (flags.help) {
  console.log(`npm run bench:finder -- [options]
  --engine pglite|postgres|both   engines to run (default both)
  --catalog national|demo         the national catalog (--offers) with text + place + filter searches,
                                  or the demo catalog with varied searches (default national)
  --seconds N                     measured HTTP run, seconds (default 15)
  --warmup N                      HTTP warm-up, seconds (default 3)
  --connections N                 concurrent keep-alive connections (default 32)
  --single-seconds N              extra single-connection run, seconds; 0 skips it (default 5)
  --rate N                        extra open-loop run at N requests/s; 0 skips it (default 20)
  --rate-seconds N                its measured length, seconds (default 10)
  --offers N                      catalog size (default 25000)
  --sql-queries N                 measured bare-SQL queries (default 500)
  --seed N                        PRNG seed (default 20250601)
  --no-gzip                       load client does not ask for gzip
  --explain                       print EXPLAIN (ANALYZE, BUFFERS) of one finder query
  --leakproof                     experiment: mark ts_match_vq (@@) and arrayoverlap (&&) LEAKPROOF in the
                                  bench database, so row-level security lets the GIN indexes be used
                                  (results are written with a -leakproof suffix)
PostgreSQL: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres);
a database lighed_bench_<pid> is created there and dropped at the end.`);
  process.exit(0);
}

const num = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
  return n;
};
const opts = {
  seconds: num('seconds', flags.seconds),
  warmup: num('warmup', flags.warmup),
  connections: Math.max(1, Math.trunc(num('connections', flags.connections))),
  offers: Math.trunc(num('offers', flags.offers)),
  sqlQueries: Math.max(1, Math.trunc(num('sql-queries', flags['sql-queries']))),
  singleSeconds: num('single-seconds', flags['single-seconds']),
  rate: num('rate', flags.rate),
  rateSeconds: num('rate-seconds', flags['rate-seconds']),
  seed: Math.trunc(num('seed', flags.seed)),
  gzip: !flags['no-gzip'],
};
if (flags.catalog !== 'national' && flags.catalog !== 'demo')
  throw new Error('--catalog must be national or demo');
const demoCatalog = flags.catalog === 'demo';
const ENGINES = ['pglite', 'postgres'] as const;
type EngineName = (typeof ENGINES)[number];
const engines: EngineName[] = ENGINES.filter((e) => flags.engine === 'both' || flags.engine === e);
if (engines.length === 0) throw new Error('--engine must be pglite, postgres or both');

const log = (msg: string) => console.error(`[bench] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Engines

async function openEngine(engine: 'pglite' | 'postgres') {
  return openBenchEngine(engine, 'finder');
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface AssetWeight {
  path: string;
  status: number;
  encoding: string;
  /** Bytes on the wire with accept-encoding: gzip. */
  wireBytes: number;
  /** Uncompressed size. */
  rawBytes: number;
  /** gzip -6 of the raw bytes, for comparison when the server does not compress. */
  gzipBytes: number;
}

async function weigh(port: number, path: string): Promise<AssetWeight & { raw: Buffer }> {
  const res = await get(port, path, { 'accept-encoding': 'gzip' });
  const encoding = String(res.headers['content-encoding'] ?? 'identity');
  const raw = encoding === 'gzip' ? gunzipSync(res.body) : res.body;
  return {
    path,
    status: res.status,
    encoding,
    wireBytes: res.body.length,
    rawBytes: raw.length,
    gzipBytes: gzipSync(raw).length,
    raw,
  };
}

async function pageWeight(port: number) {
  const html = await weigh(
    port,
    `/?${new URLSearchParams({ q: 'gåtur', postnummer: '4000' }).toString()}`,
  );
  const text = html.raw.toString('utf8');
  const scripts = [...text.matchAll(/<script\b([^>]*)>/gi)].map(
    (m) => /src="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '(inline)',
  );
  const resultCount = (text.match(/class="lighed-result"/g) ?? []).length;
  const css = [
    await weigh(port, '/assets/dkfds/css/dkfds.min.css'),
    await weigh(port, '/assets/lighed.css'),
  ];
  const js = await weigh(port, '/assets/lighed.js');
  const strip = ({ raw: _raw, ...w }: AssetWeight & { raw: Buffer }): AssetWeight => w;
  const total = html.wireBytes + css.reduce((n, c) => n + c.wireBytes, 0);
  return {
    html: { ...strip(html), results: resultCount },
    css: css.map(strip),
    js: strip(js),
    scripts,
    onlyProgressiveScript: scripts.length === 1 && scripts[0] === '/assets/lighed.js',
    htmlPlusCssBytes: total,
    withJsBytes: total + js.wireBytes,
    budgetBytes: PAGE_BUDGET_BYTES,
    withinBudget: total <= PAGE_BUDGET_BYTES,
  };
}

// ---------------------------------------------------------------------------------------------
// Load client (separate process)

interface CpuWindow {
  /** Server process CPU (user+system) as % of one core during the measured window. */
  serverCpuPercent: number;
  /** PostgreSQL server processes (all backends), % of one core; NaN where /proc is not readable. */
  postgresCpuPercent: number;
  /** Whole-machine CPU busy % (all cores) during the window. */
  machineBusyPercent: number;
  /** Busy CPU not accounted for by server, client and PostgreSQL: other work on the machine, % of one core. */
  otherCpuPercent: number;
  /** 1-minute load average when the window opened. */
  loadAverage1m: number;
  /** Server CPU time per measured request, ms. */
  serverCpuMsPerRequest: number;
  /** PostgreSQL CPU time per measured request, ms (all postgres processes on the machine). */
  postgresCpuMsPerRequest: number;
  /** CPU of the bench database's own backends per measured request, ms (PostgreSQL only). */
  backendCpuMsPerRequest: number;
  /** Server plus own backends per measured request, ms: the whole request's CPU. */
  wholeCpuMsPerRequest: number;
}

/** CPU seconds used so far by each of these processes (Linux /proc; 100 clock ticks a second). */
function cpuSecondsOf(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime, stime
    } catch {
      // The backend has ended (or runs on another machine): not counted.
    }
  }
  return out;
}

/**
 * The bench database's own PostgreSQL backends (the app's pool): on a shared machine other
 * people's PostgreSQL work must not count as the finder's (issue 16).
 */
async function backendPids(db: Db): Promise<number[]> {
  const rows = await db.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return rows.map((r) => r.pid);
}

/** CPU seconds used so far by processes named `postgres` (Linux /proc; clock ticks assumed 100 Hz). */
function postgresCpuSeconds(): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    }
    return ticks / 100;
  } catch {
    return Number.NaN;
  }
}

const cpuTimes = () =>
  os.cpus().reduce(
    (acc, c) => ({
      idle: acc.idle + c.times.idle,
      total: acc.total + c.times.idle + c.times.user + c.times.sys + c.times.nice + c.times.irq,
    }),
    { idle: 0, total: 0 },
  );

async function runClient(
  cfg: LoadConfig,
  pids?: () => Promise<number[]>,
): Promise<LoadResult & CpuWindow> {
  // The backends' CPU at the start and end of the measured window; a backend that started
  // within it counts from zero.
  let backendStart: Promise<Map<number, number>> | undefined;
  let backendEnd: Promise<Map<number, number>> | undefined;
  const snapshot = async () => (pids ? cpuSecondsOf(await pids()) : new Map<number, number>());
  const file = join(mkdtempSync(join(os.tmpdir(), 'lighed-load-')), 'config.json');
  writeFileSync(file, JSON.stringify(cfg));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(benchDir, 'load-client.ts'), file],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let result: LoadResult | undefined;
  let start:
    | {
        cpu: NodeJS.CpuUsage;
        os: ReturnType<typeof cpuTimes>;
        pgCpu: number;
        load: number;
        at: number;
      }
    | undefined;
  let window: Omit<
    CpuWindow,
    | 'otherCpuPercent'
    | 'serverCpuMsPerRequest'
    | 'postgresCpuMsPerRequest'
    | 'backendCpuMsPerRequest'
    | 'wholeCpuMsPerRequest'
  > = {
    serverCpuPercent: Number.NaN,
    postgresCpuPercent: Number.NaN,
    machineBusyPercent: Number.NaN,
    loadAverage1m: Number.NaN,
  };
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line === 'measure-start') {
        backendStart = snapshot();
        start = {
          cpu: process.cpuUsage(),
          os: cpuTimes(),
          pgCpu: postgresCpuSeconds(),
          load: os.loadavg()[0] ?? Number.NaN,
          at: performance.now(),
        };
      } else if (line === 'measure-end' && start) {
        backendEnd = snapshot();
        const cpu = process.cpuUsage(start.cpu);
        const t = cpuTimes();
        const wallMs = performance.now() - start.at;
        window = {
          serverCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
          postgresCpuPercent: (((postgresCpuSeconds() - start.pgCpu) * 1000) / wallMs) * 100,
          machineBusyPercent: (1 - (t.idle - start.os.idle) / (t.total - start.os.total)) * 100,
          loadAverage1m: start.load,
        };
      } else if (line.startsWith('result ')) result = JSON.parse(line.slice(7)) as LoadResult;
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  rmSync(join(file, '..'), { recursive: true, force: true });
  if (code !== 0 || !result) throw new Error(`load client exited with ${code}`);
  let backendSeconds = Number.NaN;
  if (pids && backendStart && backendEnd) {
    const [a, b] = await Promise.all([backendStart, backendEnd]);
    backendSeconds = 0;
    for (const [pid, sec] of b) backendSeconds += sec - (a.get(pid) ?? 0);
  }
  const pgPercent = Number.isFinite(window.postgresCpuPercent) ? window.postgresCpuPercent : 0;
  const cpuMsPerRequest = (percent: number) =>
    result && result.requests
      ? ((percent / 100) * result.seconds * 1000) / result.requests
      : Number.NaN;
  return {
    ...result,
    ...window,
    otherCpuPercent:
      (window.machineBusyPercent / 100) * os.cpus().length * 100 -
      window.serverCpuPercent -
      result.clientCpuPercent -
      pgPercent,
    serverCpuMsPerRequest: cpuMsPerRequest(window.serverCpuPercent),
    postgresCpuMsPerRequest: cpuMsPerRequest(window.postgresCpuPercent),
    backendCpuMsPerRequest: result.requests
      ? (backendSeconds * 1000) / result.requests
      : Number.NaN,
    wholeCpuMsPerRequest:
      cpuMsPerRequest(window.serverCpuPercent) +
      (pids && result.requests ? (backendSeconds * 1000) / result.requests : 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Bare SQL baseline

interface Logged {
  text: string;
  params: unknown[];
  ms: number;
}

/** A Queryable that records each statement with its round-trip time. */
function recording(q: Queryable, logTo: Logged[]): Queryable {
  return {
    async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
      const t0 = performance.now();
      const rows = await q.query<T>(text, params);
      logTo.push({ text, params: params ? [...params] : [], ms: performance.now() - t0 });
      return rows;
    },
  };
}

const isFinderStatement = (text: string) => text.includes('count(*) over ()');

async function sqlBaseline(
  db: Db,
  paths: readonly string[],
  warmup: number,
  measured: number,
  explainSample: number,
) {
  const geocoder = offlineGeocoder(db);
  const prepared = [];
  for (const path of paths.slice(0, warmup + measured)) {
    const raw = Object.fromEntries(new URLSearchParams(path.slice(2)));
    const { query } = parseFinderQuery(raw);
    const place = await geocoder.postcode(query.postnummer);
    prepared.push({
      query,
      origin: place ? { latitude: place.latitude, longitude: place.longitude } : null,
    });
  }
  const total: number[] = [];
  const statement: number[] = [];
  const exactStatement: number[] = [];
  const hits: number[] = [];
  let fuzzy = 0;
  let zero = 0;
  let multiStatement = 0;
  const finderStatements: Logged[] = [];
  for (const [i, { query, origin }] of prepared.entries()) {
    const logged: Logged[] = [];
    const t0 = performance.now();
    // As the finder calls it (citizen.service.ts): no tenant transaction (decision 0029).
    const result = await searchOffers(recording(db, logged), KOMMUNE, query, origin);
    const ms = performance.now() - t0;
    if (i < warmup) continue;
    total.push(ms);
    const finder = logged.filter((l) => isFinderStatement(l.text));
    statement.push(finder.reduce((n, l) => n + l.ms, 0));
    exactStatement.push(finder[0]?.ms ?? 0);
    if (finder.length > 1) multiStatement++;
    if (finderStatements.length < explainSample && finder[0]) finderStatements.push(finder[0]);
    hits.push(result.total);
    if (result.fuzzy) fuzzy++;
    if (result.total === 0) zero++;
  }
  // Server-side execution time (no network, no driver): EXPLAIN ANALYZE with timing off on a sample.
  const server: number[] = [];
  for (const s of finderStatements) {
    const [row] = await inTenant(db, KOMMUNE, (tx) =>
      tx.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, timing off, format json) ${s.text}`,
        s.params,
      ),
    );
    const plan = (
      typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN']
    ) as [{ 'Execution Time': number }];
    server.push(plan[0]['Execution Time']);
  }
  const report = {
    queries: total.length,
    searchOffersMs: summarize(total),
    finderStatementMs: summarize(statement),
    /** The first (exact, full-text) finder statement only: what the tail would be without the fuzzy fallback. */
    exactStatementMs: summarize(exactStatement),
    serverExecutionMs: summarize(server),
    serverExecutionSample: server.length,
    hits: summarize(hits),
    zeroHitShare: zero / total.length,
    fuzzyFallbackShare: multiStatement / total.length,
    fuzzyMatchedShare: fuzzy / total.length,
  };
  return { report, firstStatement: finderStatements[0] };
}

async function explain(db: Db, s: Logged | undefined) {
  if (!s) return;
  const rows = await inTenant(db, KOMMUNE, (tx) =>
    tx.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.text}`, s.params),
  );
  console.log(
    `\nEXPLAIN (ANALYZE, BUFFERS) of one finder statement, params ${JSON.stringify(s.params)}:\n`,
  );
  console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
}

// ---------------------------------------------------------------------------------------------

async function engineInfo(db: Db) {
  const [v] = await db.query<{ version: string }>('select version()');
  const settings: Record<string, string> = {};
  for (const name of ['shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather']) {
    const [row] = await db
      .query<Record<string, string>>(`show ${name}`)
      .catch(() => [] as Record<string, string>[]);
    const value = row ? Object.values(row)[0] : undefined;
    if (value !== undefined) settings[name] = value;
  }
  let pglite: string | undefined;
  if (db.engine === 'pglite') {
    const pkg = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ) as { version: string };
    pglite = pkg.version;
  }
  return { version: v?.version ?? 'unknown', ...(pglite ? { pglite } : {}), settings };
}

async function runEngine(engine: 'pglite' | 'postgres') {
  log(`${engine}: opening a fresh database`);
  const opened = await openEngine(engine);
  if (typeof opened === 'string') {
    log(`${engine}: SKIPPED. ${opened}`);
    return null;
  }
  const { db } = opened;
  try {
    await migrate(db);
    await ensurePostcodes(db);
    if (flags.leakproof) {
      log(`${engine}: experiment: marking ts_match_vq and arrayoverlap LEAKPROOF in this database`);
      await db.execAsOwner(
        'alter function ts_match_vq(tsvector, tsquery) leakproof; alter function arrayoverlap(anyarray, anyarray) leakproof;',
      );
    }
    let build: CatalogStats;
    if (demoCatalog) {
      log(`${engine}: seeding the demo catalog`);
      const t0 = performance.now();
      await seedDemo(db);
      const [c] = await db.query<{ offers: number; locations: number; schedules: number }>(
        `select (select count(*) from published_offer)::int as offers,
                (select count(*) from location)::int as locations,
                (select count(*) from schedule)::int as schedules`,
      );
      const ms = performance.now() - t0;
      build = {
        tenants: 1,
        organizations: 0,
        offers: c?.offers ?? 0,
        locations: c?.locations ?? 0,
        schedules: c?.schedules ?? 0,
        insertMs: ms,
        analyzeMs: 0,
        totalMs: ms,
      };
    } else {
      log(`${engine}: building the national catalog (${opts.offers} offers, seed ${opts.seed})`);
      let lastPct = -1;
      build = await buildNationalCatalog(db, {
        offers: opts.offers,
        seed: opts.seed,
        onProgress: (done, all) => {
          const pct = Math.floor((done / all) * 4) * 25;
          if (pct !== lastPct) log(`${engine}: ${done}/${all} municipalities`);
          lastPct = pct;
        },
      });
    }
    log(
      `${engine}: built ${build.offers} offers in ${build.tenants} municipalities in ${(build.totalMs / 1000).toFixed(1)} s`,
    );
    const postcodes = await readPostcodeTable(db);
    // The demo catalog's places are in Roskilde: searches from its region's postcodes.
    const near = postcodes.filter(
      (p) => p.latitude > 55.4 && p.latitude < 55.9 && p.longitude < 12.4 && p.longitude > 11.6,
    );
    const paths = demoCatalog
      ? buildVariedMix(opts.seed + 1, near.length ? near : postcodes, 5000)
      : buildQueryMix(opts.seed + 1, postcodes, 5000);
    const placeOnly = buildPlaceOnlyMix(opts.seed + 2, demoCatalog ? near : postcodes, 1000);
    const pids = engine === 'postgres' ? () => backendPids(db) : undefined;
    const info = await engineInfo(db);

    const config = loadConfig({ LIGHED_KOMMUNE: KOMMUNE, LIGHED_LOG_LEVEL: 'silent' });
    const app = await buildApp({
      db,
      config,
      cookieSecret: 'bench-cookie-secret-'.padEnd(40, 'x'),
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    try {
      const weight = await pageWeight(port);
      const base = { host: '127.0.0.1', port, paths, gzip: opts.gzip };
      log(
        `${engine}: HTTP load, ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.seconds} s`,
      );
      const httpLoad = await runClient(
        {
          ...base,
          connections: opts.connections,
          warmupSeconds: opts.warmup,
          seconds: opts.seconds,
        },
        pids,
      );
      let single: (LoadResult & CpuWindow) | null = null;
      if (opts.singleSeconds > 0) {
        log(`${engine}: HTTP, 1 connection, 1 s warm-up + ${opts.singleSeconds} s`);
        single = await runClient(
          {
            ...base,
            paths: paths.slice(2500),
            connections: 1,
            warmupSeconds: 1,
            seconds: opts.singleSeconds,
          },
          pids,
        );
      }
      let open: (LoadResult & CpuWindow) | null = null;
      if (opts.rate > 0 && opts.rateSeconds > 0) {
        log(
          `${engine}: HTTP, open loop at ${opts.rate} req/s, 2 s warm-up + ${opts.rateSeconds} s`,
        );
        open = await runClient(
          {
            ...base,
            paths: paths.slice(1000),
            connections: opts.connections,
            rate: opts.rate,
            warmupSeconds: 2,
            seconds: opts.rateSeconds,
          },
          pids,
        );
      }
      log(`${engine}: bare SQL, ${opts.sqlQueries} sequential searches after 50 warm-up`);
      const { report: sql, firstStatement } = await sqlBaseline(
        db,
        paths,
        50,
        opts.sqlQueries,
        Math.min(100, opts.sqlQueries),
      );
      if (flags.explain) await explain(db, firstStatement);
      log(`${engine}: bare SQL, place-only, ${opts.sqlQueries} searches after 50 warm-up`);
      const { report: sqlPlaceOnly } = await sqlBaseline(
        db,
        placeOnly,
        50,
        Math.min(opts.sqlQueries, placeOnly.length - 50),
        Math.min(100, opts.sqlQueries),
      );
      const result = {
        date: new Date().toISOString(),
        engine,
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model ?? 'unknown',
          memoryGiB: r2(os.totalmem() / 2 ** 30),
          node: process.version,
          platform: `${os.platform()} ${os.release()}`,
        },
        engineInfo: info,
        options: {
          ...opts,
          leakproof: flags.leakproof,
          catalog: flags.catalog,
          query: demoCatalog
            ? 'varied: words or none, postcode or none, 0-2 filters, sorts, pages'
            : '/?q=<word>&postnummer=<postcode>&gratis=ja&emne=<topic>',
          kommune: KOMMUNE,
        },
        build,
        http: httpLoad,
        httpSingleConnection: single,
        httpOpenLoop: open,
        sql,
        sqlPlaceOnly,
        distinctSearches: new Set(paths).size,
        ratios: {
          httpP50OverSqlP50: httpLoad.latencyMs.p50 / sql.searchOffersMs.p50,
          httpP95OverSqlP95: httpLoad.latencyMs.p95 / sql.searchOffersMs.p95,
          singleP50OverSqlP50: single ? single.latencyMs.p50 / sql.searchOffersMs.p50 : null,
          singleP95OverSqlP95: single ? single.latencyMs.p95 / sql.searchOffersMs.p95 : null,
        },
        pageWeight: weight,
        aim: {
          p95Ms: P95_AIM_MS,
          metAtConnections: httpLoad.latencyMs.p95 <= P95_AIM_MS,
          metAtOneConnection: single ? single.latencyMs.p95 <= P95_AIM_MS : null,
          metAtRate: open ? open.latencyMs.p95 <= P95_AIM_MS : null,
        },
      };
      const day = result.date.slice(0, 10);
      mkdirSync(join(benchDir, 'results'), { recursive: true });
      const suffix = `${demoCatalog ? '-demo' : opts.offers === 25000 ? '' : `-${opts.offers}`}${flags.leakproof ? '-leakproof' : ''}`;
      const out = join(benchDir, 'results', `finder-${engine}-${day}${suffix}.json`);
      writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      log(`${engine}: wrote ${out}`);
      return result;
    } finally {
      await app.close();
    }
  } finally {
    await opened.cleanup();
  }
}

type EngineResult = NonNullable<Awaited<ReturnType<typeof runEngine>>>;

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

function report(results: EngineResult[]) {
  const head = `| | ${results.map((r) => (r.engine === 'pglite' ? `PGlite (${r.engineInfo.pglite ?? ''})` : 'PostgreSQL')).join(' | ')} |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|`;
  const row = (label: string, f: (r: EngineResult) => string) =>
    `| ${label} | ${results.map(f).join(' | ')} |`;
  const lat = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.mean)}`;
  const first = results[0];
  const lines = [
    '',
    `## Finder benchmark: ${first?.machine.cpus} × ${first?.machine.model}, Node ${first?.machine.node}${flags.leakproof ? ' (experiment: @@ and && LEAKPROOF)' : ''}`,
    '',
    head,
    sep,
    row('Engine version', (r) => r.engineInfo.version.split(' on ')[0] ?? r.engineInfo.version),
    row(
      'Catalog',
      (r) =>
        `${r.build.offers} offers, ${r.build.tenants} municipalities, ${r.build.locations} places`,
    ),
    row(
      'Build time (insert + vacuum analyze)',
      (r) =>
        `${(r.build.totalMs / 1000).toFixed(1)} s (${(r.build.insertMs / 1000).toFixed(1)} + ${(r.build.analyzeMs / 1000).toFixed(1)})`,
    ),
    row(`HTTP, ${first?.http.connections} conn: p50 / p95 / p99 / mean (ms)`, (r) =>
      lat(r.http.latencyMs),
    ),
    row(
      'HTTP throughput',
      (r) => `${r.http.throughput.toFixed(0)} req/s (${r.http.requests} in ${r.http.seconds} s)`,
    ),
    row('HTTP errors / non-200', (r) => `${r.http.errors} / ${r.http.non200}`),
    row('CPU, % of one core: server / PostgreSQL / load client / other work', (r) =>
      [
        r.http.serverCpuPercent,
        r.engine === 'postgres' ? r.http.postgresCpuPercent : Number.NaN,
        r.http.clientCpuPercent,
        r.http.otherCpuPercent,
      ]
        .map((n) => (Number.isFinite(n) ? n.toFixed(0) : '–'))
        .join(' / '),
    ),
    row(
      'CPU per request: server / PostgreSQL (ms)',
      (r) =>
        `${ms(r.http.serverCpuMsPerRequest)} / ${r.engine === 'postgres' ? ms(r.http.postgresCpuMsPerRequest) : '–'}`,
    ),
    row(
      'Whole-request CPU: server + own backends (ms, aim ≤ 3)',
      (r) =>
        `${ms(r.http.wholeCpuMsPerRequest)}${r.engine === 'postgres' ? ` (backends ${ms(r.http.backendCpuMsPerRequest)})` : ''}`,
    ),
    row('… at 1 conn', (r) =>
      r.httpSingleConnection ? ms(r.httpSingleConnection.wholeCpuMsPerRequest) : '–',
    ),
    row('Distinct searches in the mix', (r) => String(r.distinctSearches)),
    row(
      'Machine: busy during run / load average at start',
      (r) => `${r.http.machineBusyPercent.toFixed(0)} % / ${r.http.loadAverage1m.toFixed(1)}`,
    ),
    row('HTTP, 1 conn: p50 / p95 / p99 / mean (ms)', (r) =>
      r.httpSingleConnection ? lat(r.httpSingleConnection.latencyMs) : '–',
    ),
    row('HTTP, 1 conn: throughput', (r) =>
      r.httpSingleConnection ? `${r.httpSingleConnection.throughput.toFixed(0)} req/s` : '–',
    ),
    row(`HTTP, open loop ${opts.rate} req/s: p50 / p95 / p99 / mean (ms)`, (r) =>
      r.httpOpenLoop ? lat(r.httpOpenLoop.latencyMs) : '–',
    ),
    row('… achieved / errors / non-200', (r) =>
      r.httpOpenLoop
        ? `${r.httpOpenLoop.throughput.toFixed(1)} req/s / ${r.httpOpenLoop.errors} / ${r.httpOpenLoop.non200}`
        : '–',
    ),
    row(
      'Response size (mean, on the wire)',
      (r) => `${kb(r.http.bodyBytes.mean)}${r.options.gzip ? ' gzip' : ''}`,
    ),
    row('SQL searchOffers as the finder calls it: p50 / p95 / p99 / mean', (r) =>
      lat(r.sql.searchOffersMs),
    ),
    row('SQL place-only searches: p50 / p95 / p99 / mean', (r) =>
      lat(r.sqlPlaceOnly.searchOffersMs),
    ),
    row('… place-only server execution (EXPLAIN ANALYZE)', (r) =>
      lat(r.sqlPlaceOnly.serverExecutionMs),
    ),
    row('SQL finder statement(s) only (round trip)', (r) => lat(r.sql.finderStatementMs)),
    row('… exact pass only, without the fuzzy fallback', (r) => lat(r.sql.exactStatementMs)),
    row(
      `SQL server execution of the exact pass (EXPLAIN ANALYZE, n=${first?.sql.serverExecutionSample})`,
      (r) => lat(r.sql.serverExecutionMs),
    ),
    row(
      'Hits per query: median (zero-hit share, fuzzy fallback share)',
      (r) => `${r.sql.hits.p50} (${pct(r.sql.zeroHitShare)}, ${pct(r.sql.fuzzyFallbackShare)})`,
    ),
    row('Ratio HTTP p50 / SQL p50', (r) => `${r.ratios.httpP50OverSqlP50.toFixed(1)} ×`),
    row('Ratio HTTP p95 / SQL p95', (r) => `${r.ratios.httpP95OverSqlP95.toFixed(1)} ×`),
    row('Ratio HTTP 1 conn p50 / p95 over SQL p50 / p95', (r) =>
      r.ratios.singleP50OverSqlP50 === null
        ? '–'
        : `${r.ratios.singleP50OverSqlP50.toFixed(1)} × / ${(r.ratios.singleP95OverSqlP95 ?? 0).toFixed(1)} ×`,
    ),
    row(
      'Page weight: HTML + CSS gzip (budget 60 KB)',
      (r) => `${kb(r.pageWeight.htmlPlusCssBytes)} ${r.pageWeight.withinBudget ? '✓' : '✗ over'}`,
    ),
    row(
      '… HTML (results on the page) / dkfds.min.css / lighed.css',
      (r) =>
        `${kb(r.pageWeight.html.wireBytes)} (${r.pageWeight.html.results}) / ${r.pageWeight.css.map((c) => kb(c.wireBytes)).join(' / ')}`,
    ),
    row(
      '… plus lighed.js (optional)',
      (r) =>
        `${kb(r.pageWeight.withJsBytes)}; scripts: ${r.pageWeight.scripts.join(', ') || 'none'}`,
    ),
    row(
      `Aim: HTTP p95 ≤ ${P95_AIM_MS} ms at ${first?.http.connections} conn / 1 conn / ${opts.rate} req/s`,
      (r) =>
        [r.aim.metAtConnections, r.aim.metAtOneConnection, r.aim.metAtRate]
          .map((m) => (m === null ? '–' : m ? 'met' : 'not met'))
          .join(' / '),
    ),
  ];
  console.log(lines.join('\n'));
}

async function main() {
  const load = os.loadavg()[0] ?? 0;
  if (load > os.cpus().length * 0.5) {
    log(
      `note: load average is ${load.toFixed(1)} on ${os.cpus().length} cores before starting; other work will skew the figures`,
    );
  }
  const results: EngineResult[] = [];
  for (const engine of engines) {
    const r = await runEngine(engine);
    if (r) results.push(r);
  }
  if (results.length === 0) {
    log('no engine ran');
    process.exitCode = 1;
    return;
  }
  report(results);
  const failed = (l: LoadResult | null) => l !== null && (l.errors > 0 || l.non200 > 0);
  if (
    results.some((r) => failed(r.http) || failed(r.httpSingleConnection) || failed(r.httpOpenLoop))
  ) {
    log('FAILED: some requests errored or were not 200');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
