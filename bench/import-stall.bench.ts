/**
 * Does the server keep answering while a planner imports a survey file or measures a HEAT Plus
 * file? (issue 15: "/healthz and citizen pages answer within 100 ms during an import").
 *
 * The real app listens on a port; a probe in a separate process (import-stall.probe.ts) asks
 * for /healthz and the citizen front page at a fixed rate (open loop), and the server's event
 * loop delay is recorded with perf_hooks.monitorEventLoopDelay, while the server runs the
 * import exactly as an upload does (runImport: the file's bytes handed to the worker, the
 * chunks written by the event loop's thread), then deletes the dataset, then measures a
 * 20,000-row HEAT Plus file. See bench/README.md.
 *
 *   npm run bench:import-stall                               # both engines, 50,000 and 400,000 rows
 *   npm run bench:import-stall -- --engine pglite --rows 50000
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadConfig } from '../src/platform/config.ts';
import { runImport } from '../src/monitor/microdata/import.service.ts';
import { DELETE_LIMITS, deleteDataset, startJob } from '../src/monitor/microdata/import.store.ts';
import { WRITE_LIMITS } from '../src/monitor/microdata/import.batch.ts';
import { measureTemplate } from '../src/monitor/heatplus/heatplus.service.ts';
import { openBenchEngine } from './engines.ts';
import {
  benchCodebook,
  DIMENSIONS,
  generate,
  INDICATORS,
  type SyntheticData,
} from './monitor-data.ts';
import { r2, summarize, type LatencySummary } from './stats.ts';

const KOMMUNE = '0265';
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(benchDir, '..');
const log = (s: string) => console.error(`[import-stall] ${s}`);

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '50000,400000' },
    rate: { type: 'string', default: '20' },
    heatplus: { type: 'string', default: 'yes' },
    seed: { type: 'string', default: '20261125' },
    label: { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench:import-stall -- [--engine pglite|postgres|both] [--rows 50000,400000]
  [--rate 20 (probes a second per path)] [--heatplus yes|no] [--label name (result file suffix)]`);
  process.exit(0);
}

/** The synthetic survey as the CSV file a planner uploads (9 = missing, as the codebook says). */
function csvOf(d: SyntheticData): Buffer {
  const cb = benchCodebook();
  const header = [
    'weight',
    'kommune',
    'year',
    ...cb.dimensions.map((x) => x.column),
    ...cb.indicators.map((x) => x.column),
  ].join(',');
  const lines: string[] = [header];
  for (let r = 0; r < d.n; r++) {
    const cells: (string | number)[] = [d.weight[r]!.toFixed(4), d.areas[d.area[r]!]!, d.year[r]!];
    for (let k = 0; k < DIMENSIONS; k++) cells.push(d.dims[r * DIMENSIONS + k] || 9);
    for (let i = 0; i < INDICATORS; i++) {
      const v = d.answers[r * INDICATORS + i]!;
      cells.push(v === -1 ? 9 : v);
    }
    lines.push(cells.join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A HEAT Plus file at the upload limit: 500 groups of 40 regions (20,000 rows). */
function heatPlusCsv(): Buffer {
  const lines = [
    'setting,date,source,indicator_abbr,indicator_name,dimension,subgroup,estimate,se,ci_lb,ci_ub,population,note,setting_average,iso3,favourable_indicator,indicator_scale,ordered_dimension,subgroup_order,reference_subgroup',
  ];
  for (let g = 0; g < 500; g++) {
    const setting = `Kommune ${g % 50}`;
    const ind = `ind${Math.floor(g / 50)}`;
    for (let s = 0; s < 40; s++) {
      const est = 20 + ((g * 7 + s * 13) % 30);
      lines.push(
        `${setting},2021,Bench,${ind},Indikator ${ind} (%),Region,Område ${s + 1},${est},1.5,${est - 3},${est + 3},${1000 + s * 10},,30,DNK,0,100,0,0,${s === 0 ? 1 : 0}`,
      );
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

interface Window {
  /** What ran while measured. */
  what: string;
  seconds: number;
  rows?: number;
  rowsPerSecond?: number;
  /** The engine's write sizes (rows per transaction) as configured. */
  limits?: unknown;
  loopDelayMs: { max: number; p99: number; p50: number; mean: number };
  /** Latency of each probed path (from when the request was due). */
  latencyMs: Record<string, LatencySummary>;
  /** Probes answered later than 100 ms after they were due. */
  over100ms: Record<string, number>;
  errors: Record<string, number>;
}

async function probe(
  port: number,
  rate: number,
): Promise<{
  child: ChildProcess;
  stop: () => Promise<{ latencies: Record<string, number[]>; errors: Record<string, number> }>;
}> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(benchDir, 'import-stall.probe.ts'),
      String(port),
      String(rate),
      '/healthz',
      '/',
    ],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let buffered = '';
  let onLine: ((line: string) => void) | null = null;
  child.stdout.on('data', (b: Buffer) => {
    buffered += b.toString();
    let i;
    while ((i = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      onLine?.(line);
    }
  });
  await new Promise<void>((res) => (onLine = (l) => l === 'ready' && res()));
  return {
    child,
    stop: () =>
      new Promise((res) => {
        onLine = (l) => {
          if (l.startsWith('{')) res(JSON.parse(l) as never);
        };
        child.stdin.write('stop\n');
        child.stdin.end();
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` while probing and recording the loop delay. */
async function measured(
  port: number,
  rate: number,
  what: string,
  fn: () => Promise<number | undefined>,
): Promise<Window> {
  const p = await probe(port, rate);
  await sleep(1000); // the probe's connections are open and warm
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  let rows: number | undefined;
  try {
    rows = await fn();
  } catch (e) {
    p.child.kill();
    throw e;
  }
  const seconds = (performance.now() - t0) / 1000;
  await sleep(300);
  h.disable();
  const res = await p.stop();
  const latencyMs: Record<string, LatencySummary> = {};
  const over100ms: Record<string, number> = {};
  for (const [path, xs] of Object.entries(res.latencies)) {
    const s = summarize(xs);
    latencyMs[path] = {
      count: s.count,
      mean: r2(s.mean),
      p50: r2(s.p50),
      p95: r2(s.p95),
      p99: r2(s.p99),
      min: r2(s.min),
      max: r2(s.max),
    };
    over100ms[path] = xs.filter((x) => x > 100).length;
  }
  const ms = (ns: number) => r2(ns / 1e6);
  const w: Window = {
    what,
    seconds: r2(seconds),
    ...(rows !== undefined ? { rows, rowsPerSecond: Math.round(rows / seconds) } : {}),
    loopDelayMs: {
      max: ms(h.max),
      p99: ms(h.percentile(99)),
      p50: ms(h.percentile(50)),
      mean: ms(h.mean),
    },
    latencyMs,
    over100ms,
    errors: res.errors,
  };
  log(
    `  ${what}: ${JSON.stringify({ s: w.seconds, rowsPerSecond: w.rowsPerSecond, loop: w.loopDelayMs, healthzMax: latencyMs['/healthz']?.max, pageMax: latencyMs['/']?.max, over100ms })}`,
  );
  return w;
}

async function runEngine(engine: 'pglite' | 'postgres', sizes: number[], rate: number) {
  const opened = await openBenchEngine(engine, 'stall', 10);
  if (typeof opened === 'string') {
    log(`${engine}: skipped: ${opened}`);
    return null;
  }
  const { db, cleanup } = opened;
  const windows: Window[] = [];
  try {
    await migrate(db);
    await db.asOwner((tx) =>
      tx.query(
        `insert into tenant (kommune, name) values ($1, 'Roskilde') on conflict do nothing`,
        [KOMMUNE],
      ),
    );
    const app = await buildApp({
      db,
      config: loadConfig({ LIGHED_KOMMUNE: KOMMUNE, LIGHED_LOG_LEVEL: 'silent' }),
      cookieSecret: 'bench-cookie-secret-'.padEnd(40, 'x'),
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    try {
      log(`${engine}: idle baseline`);
      windows.push(
        await measured(port, rate, 'idle (3 s)', () => sleep(3000).then(() => undefined)),
      );
      for (const n of sizes) {
        const file = csvOf(generate(n, Number(args.seed)));
        log(
          `${engine}: import ${n.toLocaleString('en')} rows (${(file.length / 2 ** 20).toFixed(1)} MB)`,
        );
        let datasetId = '';
        windows.push({
          ...(await measured(port, rate, `import ${n.toLocaleString('en')} rows`, async () => {
            const jobId = await startJob(db, KOMMUNE, 'bench.csv');
            const out = await runImport(
              db,
              { error: (o, m) => log(`${m} ${JSON.stringify(o)}`) },
              {
                jobId,
                source: { name: 'bench.csv', data: file },
                codebook: benchCodebook(),
                fileName: 'bench.csv',
                actor: { kommune: KOMMUNE, actorId: null, actorRole: 'system', requestId: 'bench' },
              },
            );
            if (!out.ok)
              throw new Error(
                `import failed: ${JSON.stringify(out.invalid?.problems.slice(0, 3))}`,
              );
            datasetId = out.datasetId;
            return out.rows;
          })),
          limits: { write: WRITE_LIMITS[db.engine], delete: DELETE_LIMITS[db.engine] },
        });
        log(`${engine}: delete ${n.toLocaleString('en')} rows`);
        windows.push(
          await measured(port, rate, `delete ${n.toLocaleString('en')} rows`, async () => {
            const outcome = await deleteDataset(db, KOMMUNE, datasetId);
            if (outcome !== 'deleted') throw new Error(`delete: ${outcome}`);
            return n;
          }),
        );
      }
      if (args.heatplus === 'yes') {
        const data = heatPlusCsv();
        log(`${engine}: HEAT Plus 20,000 rows (${(data.length / 2 ** 20).toFixed(1)} MB)`);
        windows.push(
          await measured(port, rate, 'HEAT Plus 20,000 rows', async () => {
            const out = await measureTemplate({ name: 'bench.csv', data, truncated: false });
            if (out.status !== 200)
              throw new Error(`HEAT Plus: ${JSON.stringify(out).slice(0, 300)}`);
            return 20_000;
          }),
        );
      }
    } finally {
      await app.close();
    }
    const [v] = await db.query<{ version: string }>('select version()');
    return { engine, version: v?.version ?? '?', windows };
  } finally {
    await cleanup();
  }
}

function markdown(results: { engine: string; windows: Window[] }[]): string {
  const out = [
    '| engine | what | s | rows/s | loop max ms | loop p99 ms | /healthz max ms | /healthz p99 ms | / max ms | / p99 ms | probes > 100 ms |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const r of results)
    for (const w of r.windows) {
      const h = w.latencyMs['/healthz'];
      const c = w.latencyMs['/'];
      const over = Object.values(w.over100ms).reduce((a, b) => a + b, 0);
      out.push(
        `| ${r.engine} | ${w.what} | ${w.seconds} | ${w.rowsPerSecond?.toLocaleString('en') ?? ''} | ${w.loopDelayMs.max} | ${w.loopDelayMs.p99} | ${h?.max} | ${h?.p99} | ${c?.max} | ${c?.p99} | ${over} |`,
      );
    }
  return out.join('\n');
}

async function main() {
  const engines: ('pglite' | 'postgres')[] =
    args.engine === 'both' ? ['pglite', 'postgres'] : [args.engine as 'pglite' | 'postgres'];
  const sizes = args.rows.split(',').map(Number);
  const rate = Number(args.rate);
  const results = [];
  for (const e of engines) {
    const r = await runEngine(e, sizes, rate);
    if (r) results.push(r);
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '?',
      memoryGiB: r2(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map(r2),
    },
    probeRatePerPath: rate,
    results,
  };
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const suffix = args.label ? `-${args.label}` : '';
  const file = join(dir, `import-stall-${report.date.slice(0, 10)}${suffix}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(markdown(results));
  log(`wrote ${file}`);
}

await main();
