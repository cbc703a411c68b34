/**
 * Equity monitor benchmark: `npm run bench:monitor [-- --respondents N --engine pglite|postgres|both]`.
 * See bench/README.md ("Equity monitor") for what it measures and the recorded results.
 *
 * One synthetic survey (bench/monitor-data.ts: 1,000,000 respondents, 40 indicators, 6
 * dimensions, 98 areas, 4 waves) is imported once per engine with importMicrodata. Then, each
 * measured `--repeat` times (median reported):
 *   (a) aggregation: recomputeAggregates in a tenant transaction (delete + insert of the sums);
 *   (b) estimates + measures: loadSums by area (SQL read, timed apart), then for every indicator
 *       x dimension x area x wave buildTable with every applicable HEAT measure (TypeScript).
 * In the same process, DuckDB runs the bare GROUP BY of the same sums as the baseline, and its
 * sums are checked against the engines' for a few cells and the grand totals; alternating with
 * it, the import's own in-memory aggregation (SumAccumulator) runs on the same respondents and
 * is checked the same way.
 * Results go to stdout (markdown) and bench/results/monitor-<YYYY-MM-DD>[-N].json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inTenant, type Db, type Queryable } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openBenchEngine } from './engines.ts';
import { importMicrodata, recomputeAggregates } from '../src/monitor/microdata/import.store.ts';
import { aggregateSql } from '../src/monitor/microdata/aggregate.sql.ts';
import { SumAccumulator } from '../src/monitor/microdata/aggregate.memory.ts';
import { loadSums, type SumsRow } from '../src/monitor/estimates/estimates.store.ts';
import { buildTable, indexSums } from '../src/monitor/estimates/tables.ts';
import type { HeatOptions } from '../src/monitor/measures/heat.ts';
import { DEFAULT_SUPPRESSION } from '../src/monitor/publish/suppression.ts';
import {
  benchCodebook,
  generate,
  respondents,
  DIMENSIONS,
  INDICATORS,
  WAVES,
  type SyntheticData,
} from './monitor-data.ts';
import {
  duckCell,
  duckGroupBy,
  duckTotals,
  loadDuckDb,
  wideGroupBySql,
  type CellKey,
  type DuckVariant,
  type Sums,
} from './monitor-duckdb.ts';

interface DuckRun {
  runsMs: number[];
  medianMs: number;
  /** This process's CPU time during each GROUP BY (DuckDB's threads run in it). */
  cpuMs: number[];
  peakRssMiB: number;
  checked: number;
}

/**
 * The sums as an import computes them (SumAccumulator in the reader, aggregate.memory.ts),
 * run alternately with DuckDB's GROUP BY on the same respondents.
 */
interface MemoryRun {
  runsMs: number[];
  medianMs: number;
  cpuMs: number[];
}
interface DuckResult {
  version: string;
  threads: string;
  loadMs: number;
  /** sum(case when ...): the same sums, DuckDB's fast form (the baseline). */
  case: DuckRun;
  /** The unchanged FILTER SQL. */
  filter?: DuckRun;
  memory: MemoryRun;
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const KOMMUNE = '0265';
const AGG_AIM_RATIO = 2;
const MEASURES_AIM_MS = 1000;

const { values: flags } = parseArgs({
  options: {
    respondents: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'both' },
    repeat: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261123' },
    reps: { type: 'string' },
    experiments: { type: 'boolean', default: true },
    'no-experiments': { type: 'boolean', default: false },
    'no-duckdb': { type: 'boolean', default: false },
    'duckdb-filter-runs': { type: 'string', default: '1' },
    explain: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (flags.help) {
  console.log(`npm run bench:monitor -- [options]
  --respondents N                 synthetic respondents (default 1000000)
  --engine pglite|postgres|both   engines to run (default both)
  --repeat N                      measured repetitions of each phase, median reported (default 3)
  --seed N                        PRNG seed of the synthetic survey (default 20261123)
  --reps N                        simulation repetitions for the measures without analytic intervals
                                  (default: heat.ts's own default)
  --no-experiments                skip the PostgreSQL settings experiments (work_mem, parallel workers, JIT)
  --no-duckdb                     skip the DuckDB baseline
  --duckdb-filter-runs N          runs of DuckDB on the unchanged FILTER SQL (slow there; default 1, 0 skips)
  --explain                       print EXPLAIN (ANALYZE, BUFFERS) of the bare GROUP BY on PostgreSQL
PostgreSQL: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres);
a database lighed_bench_monitor_<pid> is created there and dropped at the end.`);
  process.exit(0);
}

const int = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};
const N = int('respondents', flags.respondents);
const REPEAT = Math.max(1, int('repeat', flags.repeat));
const SEED = int('seed', flags.seed);
const heat: HeatOptions = flags.reps !== undefined ? { repetitions: int('reps', flags.reps) } : {};
const experiments = flags.experiments && !flags['no-experiments'];
const ENGINES = ['pglite', 'postgres'] as const;
type EngineName = (typeof ENGINES)[number];
const engines: EngineName[] = ENGINES.filter((e) => flags.engine === 'both' || flags.engine === e);
if (engines.length === 0) throw new Error('--engine must be pglite, postgres or both');

const log = (msg: string) =>
  console.error(`[bench:monitor ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const now = () => performance.now();
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r1 = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

// ---------------------------------------------------------------------------------------------
// Peak memory: sampled every 50 ms while a phase awaits, and at every phase end (a synchronous
// phase cannot be sampled in between). process.resourceUsage().maxRSS is the lifetime peak.

let phasePeak = 0;
const sample = () => {
  phasePeak = Math.max(phasePeak, process.memoryUsage.rss());
};
setInterval(sample, 50).unref();
async function phase<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; peakRssMiB: number }> {
  phasePeak = process.memoryUsage.rss();
  const t0 = now();
  const value = await fn();
  const ms = now() - t0;
  sample();
  return { value, ms, peakRssMiB: mb(phasePeak) };
}
const maxRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

// ---------------------------------------------------------------------------------------------
// Engines (bench/engines.ts, plus the tenant and the server's settings)

interface OpenedEngine {
  db: Db;
  version: string;
  settings: Record<string, string>;
  cleanup: () => Promise<void>;
}

async function openEngine(engine: EngineName): Promise<OpenedEngine | string> {
  const opened = await openBenchEngine(engine, 'monitor', 2);
  if (typeof opened === 'string') return opened;
  const { db, cleanup } = opened;
  await migrate(db);
  await db.asOwner((tx) =>
    tx.query(`insert into tenant (kommune, name) values ($1, 'Roskilde') on conflict do nothing`, [
      KOMMUNE,
    ]),
  );
  const [v] = await db.query<{ version: string }>('select version()');
  const settings: Record<string, string> = {};
  for (const s of ['shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit']) {
    const [row] = await db.query<{ v: string }>(`select current_setting($1, true) as v`, [s]);
    settings[s] = row?.v ?? '';
  }
  return { db, version: v?.version ?? '?', settings, cleanup };
}

// ---------------------------------------------------------------------------------------------
// Phases

/** (b) every indicator x dimension x area x wave: table + all applicable measures. */
function computeAllTables(
  rows: readonly SumsRow[],
  measures: boolean,
  heatOpts: HeatOptions = heat,
) {
  const codebook = benchCodebook();
  const byArea = new Map<string, SumsRow[]>();
  for (const r of rows) {
    const list = byArea.get(r.area ?? '');
    if (list) list.push(r);
    else byArea.set(r.area ?? '', [r]);
  }
  const c = {
    tables: 0,
    withMeasures: 0,
    suppressed: 0,
    noEstimate: 0,
    measures: 0,
    simulated: 0,
    methods: new Set<string>(),
  };
  for (const [area, list] of byArea) {
    const sums = indexSums(list);
    const scope = { kind: 'area' as const, code: area, name: { da: area, en: area } };
    for (let indicator = 1; indicator <= INDICATORS; indicator++) {
      for (let dim = 1; dim <= DIMENSIONS; dim++) {
        for (const year of WAVES) {
          const t = buildTable(
            codebook,
            sums,
            { indicator, dim, year, scope },
            {
              suppression: DEFAULT_SUPPRESSION,
              measures: measures ? undefined : null,
              heat: heatOpts,
            },
          );
          c.tables++;
          if (t.measuresNote === 'suppressed') c.suppressed++;
          else if (t.measuresNote === 'no-estimate') c.noEstimate++;
          if (t.measures) {
            c.withMeasures++;
            c.measures += t.measures.length;
            for (const m of t.measures) {
              if (/simulation/i.test(m.method) && !/simulation off/i.test(m.method)) c.simulated++;
              if (c.methods.size < 200)
                c.methods.add(`${m.code}: ${m.method.replace(/\d{2,}/g, '#')}`);
            }
          }
        }
      }
    }
  }
  return { ...c, areas: byArea.size, methods: [...c.methods] };
}

class Rollback extends Error {}

const CHECK_CELLS: CellKey[] = [
  { indicator: 1, dim: 0, category: 0, year: 2010, area: '0101' },
  { indicator: 17, dim: 2, category: 3, year: 2017, area: '0265' },
  { indicator: 40, dim: 6, category: 4, year: 2021, area: '0751' },
  { indicator: 23, dim: 1, category: 1, year: 2013, area: '0461' },
  { indicator: 8, dim: 5, category: 2, year: 2021, area: '0825' },
  { indicator: 33, dim: 3, category: 5, year: 2010, area: '0851' },
];

async function engineCells(tx: Queryable, datasetId: string) {
  const cells: (Sums | undefined)[] = [];
  for (const c of CHECK_CELLS) {
    const [r] = await tx.query<Record<keyof Sums, number | string>>(
      `select n, n1, sw, sw2, swy, sw2y from monitor_aggregate
        where dataset_id = $1 and indicator = $2 and dim = $3 and category = $4 and year = $5 and area = $6`,
      [datasetId, c.indicator, c.dim, c.category, c.year, c.area],
    );
    cells.push(
      r
        ? {
            n: Number(r.n),
            n1: Number(r.n1),
            sw: Number(r.sw),
            sw2: Number(r.sw2),
            swy: Number(r.swy),
            sw2y: Number(r.sw2y),
          }
        : undefined,
    );
  }
  const [t] = await tx.query<{ n: string; swy: number; cells: string }>(
    `select sum(n)::int8 as n, sum(swy) as swy, count(*) as cells from monitor_aggregate where dataset_id = $1`,
    [datasetId],
  );
  return { cells, totals: { n: Number(t?.n), swy: Number(t?.swy), cells: Number(t?.cells) } };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The import's own aggregation, in memory: its time, CPU and the checked cells' sums. */
function memoryAggregation(data: SyntheticData) {
  const acc = new SumAccumulator(benchCodebook());
  const c0 = cpuNow();
  const t0 = now();
  for (const r of respondents(data)) acc.add(r);
  const ms = now() - t0;
  const cpuMs = cpuNow() - c0;
  const key = (c: CellKey) => `${c.indicator}|${c.dim}|${c.category}|${c.year}|${c.area}`;
  const wanted = new Map(CHECK_CELLS.map((c, k) => [key(c), k]));
  const cells: (Sums | undefined)[] = CHECK_CELLS.map(() => undefined);
  const totals = { n: 0, swy: 0, cells: 0 };
  for (const r of acc.each()) {
    totals.n += r.n;
    totals.swy += r.swy;
    totals.cells++;
    const k = wanted.get(key(r));
    if (k !== undefined)
      cells[k] = { n: r.n, n1: r.n1, sw: r.sw, sw2: r.sw2, swy: r.swy, sw2y: r.sw2y };
  }
  return { ms, cpuMs, check: { cells, totals } };
}

/** The bare GROUP BY on PostgreSQL/PGlite, materialised like DuckDB's (create temp table as). */
async function bareGroupBy(db: Db, datasetId: string, settings: string[]): Promise<number> {
  return inTenant(db, KOMMUNE, async (tx) => {
    for (const s of settings) await tx.query(`set local ${s}`);
    const t0 = now();
    await tx.query(
      `create temp table bench_wide on commit drop as ${wideGroupBySql('monitor_respondent', true)}`,
      [datasetId],
    );
    return now() - t0;
  });
}

interface EngineResult {
  engine: EngineName;
  version: string;
  settings: Record<string, string>;
  import: { ms: number; rowsPerSecond: number; peakRssMiB: number };
  aggregation: { runsMs: number[]; medianMs: number; peakRssMiB: number; rows: number };
  sumsRead: { runsMs: number[]; medianMs: number; rows: number };
  compute: {
    runsMs: number[];
    medianMs: number;
    peakRssMiB: number;
    tablesOnlyMs: number;
    noSimulationMs: number;
  };
  totalMedianMs: number;
  counts: Omit<ReturnType<typeof computeAllTables>, 'methods'>;
  methods: string[];
  bareGroupByMs: number;
  experiments: { label: string; ms: number }[];
  explain?: string;
  check: Awaited<ReturnType<typeof engineCells>>;
}

async function runEngine(engine: EngineName, data: SyntheticData): Promise<EngineResult | string> {
  log(`${engine}: opening`);
  const opened = await openEngine(engine);
  if (typeof opened === 'string') return opened;
  const { db } = opened;
  try {
    const codebook = benchCodebook();
    log(`${engine}: importing ${data.n.toLocaleString('en')} respondents`);
    let lastLog = now();
    const imp = await phase(() =>
      importMicrodata(db, {
        kommune: KOMMUNE,
        codebook,
        fileName: 'bench-synthetic.csv',
        respondents: respondents(data),
        shared: true,
        onProgress: (p, done) => {
          if (now() - lastLog > 10_000 || p !== 'reading') {
            lastLog = now();
            log(`${engine}:   ${p} ${done.toLocaleString('en')}`);
          }
        },
      }),
    );
    const datasetId = imp.value.datasetId;
    log(`${engine}: import ${r1(imp.ms / 1000)} s; vacuum analyze`);
    await db.execAsOwner('vacuum analyze monitor_respondent');
    await db.execAsOwner('vacuum analyze monitor_aggregate');

    const agg: number[] = [];
    let aggPeak = 0;
    for (let i = 0; i < REPEAT; i++) {
      const p = await phase(() =>
        inTenant(db, KOMMUNE, (tx) => recomputeAggregates(tx, datasetId, codebook, db.engine)),
      );
      agg.push(p.ms);
      aggPeak = Math.max(aggPeak, p.peakRssMiB);
      log(`${engine}: aggregation ${i + 1}/${REPEAT}: ${r1(p.ms)} ms`);
    }
    const [aggRows] = await inTenant(db, KOMMUNE, (tx) =>
      tx.query<{ c: string }>('select count(*) as c from monitor_aggregate where dataset_id = $1', [
        datasetId,
      ]),
    );

    const read: number[] = [];
    const comp: number[] = [];
    let compPeak = 0;
    let counts: ReturnType<typeof computeAllTables> | undefined;
    let sumsRows = 0;
    let tablesOnlyMs = 0;
    let noSimulationMs = 0;
    for (let i = 0; i < REPEAT; i++) {
      const rd = await phase(() =>
        inTenant(db, KOMMUNE, (tx) => loadSums(tx, { datasetId, byArea: true })),
      );
      read.push(rd.ms);
      sumsRows = rd.value.length;
      const cp = await phase(async () => computeAllTables(rd.value, true));
      comp.push(cp.ms);
      compPeak = Math.max(compPeak, cp.peakRssMiB);
      counts = cp.value;
      log(
        `${engine}: estimates ${i + 1}/${REPEAT}: read ${r1(rd.ms)} ms, compute ${r1(cp.ms)} ms (${cp.value.tables} tables)`,
      );
      if (i === REPEAT - 1) {
        let t0 = now();
        computeAllTables(rd.value, false);
        tablesOnlyMs = now() - t0;
        t0 = now();
        computeAllTables(rd.value, true, { ...heat, repetitions: 0 });
        noSimulationMs = now() - t0;
        log(
          `${engine}: tables only ${r1(tablesOnlyMs)} ms; measures without simulation ${r1(noSimulationMs)} ms`,
        );
      }
    }

    log(`${engine}: bare GROUP BY (create temp table as)`);
    const bareGroupByMs = await bareGroupBy(
      db,
      datasetId,
      db.engine === 'postgres' ? ['jit = off', 'enable_sort = off'] : ['enable_sort = off'],
    );
    const exps: { label: string; ms: number }[] = [];
    if (experiments && db.engine === 'postgres') {
      const variants: {
        label: string;
        settings: string[];
        recompute?: boolean;
        parallelSafe?: boolean;
      }[] = [
        { label: 'bare GROUP BY, jit = on', settings: ['jit = on', 'enable_sort = off'] },
        {
          label: 'bare GROUP BY, lighed_kommune() marked PARALLEL SAFE (bench database only)',
          settings: ['jit = off', 'enable_sort = off'],
          parallelSafe: true,
        },
        {
          label: 'recomputeAggregates, work_mem = 256MB',
          settings: ["work_mem = '256MB'"],
          recompute: true,
        },
      ];
      for (const v of variants) {
        let ms: number;
        let label = v.label;
        if (v.recompute) {
          const t0 = now();
          await inTenant(db, KOMMUNE, async (tx) => {
            for (const s of v.settings) await tx.query(`set local ${s}`);
            await recomputeAggregates(tx, datasetId, codebook, db.engine);
          });
          ms = now() - t0;
        } else if (v.parallelSafe) {
          await db.execAsOwner('alter function lighed_kommune() parallel safe');
          try {
            const plan = await inTenant(db, KOMMUNE, async (tx) => {
              for (const s of v.settings) await tx.query(`set local ${s}`);
              const rows = await tx.query<Record<string, string>>(
                `explain create temp table bench_wide on commit drop as ${wideGroupBySql('monitor_respondent', true)}`,
                [datasetId],
              );
              return rows.map((r) => Object.values(r)[0]).join('\n');
            });
            const workers = /Workers Planned: (\d+)/.exec(plan)?.[1];
            label += workers
              ? ` (plan: Gather, ${workers} workers planned)`
              : ' (plan: not parallel)';
            ms = await bareGroupBy(db, datasetId, v.settings);
          } finally {
            await db.execAsOwner('alter function lighed_kommune() parallel unsafe');
          }
        } else ms = await bareGroupBy(db, datasetId, v.settings);
        exps.push({ label, ms });
        log(`${engine}: ${label}: ${r1(ms)} ms`);
      }
    }
    let explain: string | undefined;
    if (flags.explain) {
      explain = await inTenant(db, KOMMUNE, async (tx) => {
        if (db.engine === 'postgres') await tx.query('set local jit = off');
        await tx.query('set local enable_sort = off');
        const rows = await tx.query<Record<string, string>>(
          `explain (analyze, buffers) create temp table bench_wide on commit drop as ${wideGroupBySql('monitor_respondent', true)}`,
          [datasetId],
        );
        return rows.map((r) => Object.values(r)[0]).join('\n');
      });
      console.log(
        `\n### EXPLAIN ANALYZE of the bare GROUP BY, ${engine}\n\n\`\`\`\n${explain}\n\`\`\``,
      );
      let plan = '';
      await inTenant(db, KOMMUNE, async (tx) => {
        if (db.engine === 'postgres') await tx.query('set local jit = off');
        await tx.query('set local enable_sort = off');
        let t0 = now();
        await tx.query('delete from monitor_aggregate where dataset_id = $1', [datasetId]);
        const delMs = now() - t0;
        t0 = now();
        const rows = await tx.query<Record<string, string>>(
          `explain (analyze, buffers) ${aggregateSql(DIMENSIONS, INDICATORS)}`,
          [datasetId, KOMMUNE],
        );
        plan =
          `delete: ${r1(delMs)} ms; insert (explain analyze): ${r1(now() - t0)} ms\n` +
          rows.map((r) => Object.values(r)[0]).join('\n');
        throw new Rollback();
      }).catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
      explain += `\n\n${plan}`;
      console.log(
        `\n### EXPLAIN ANALYZE of recomputeAggregates' insert (rolled back), ${engine}\n\n\`\`\`\n${plan}\n\`\`\``,
      );
    }
    const check = await inTenant(db, KOMMUNE, (tx) => engineCells(tx, datasetId));
    const { methods, ...countsOnly } = counts!;
    const result: EngineResult = {
      engine,
      version: opened.version,
      settings: opened.settings,
      import: {
        ms: imp.ms,
        rowsPerSecond: Math.round(data.n / (imp.ms / 1000)),
        peakRssMiB: imp.peakRssMiB,
      },
      aggregation: {
        runsMs: agg,
        medianMs: median(agg),
        peakRssMiB: aggPeak,
        rows: Number(aggRows?.c),
      },
      sumsRead: { runsMs: read, medianMs: median(read), rows: sumsRows },
      compute: {
        runsMs: comp,
        medianMs: median(comp),
        peakRssMiB: compPeak,
        tablesOnlyMs,
        noSimulationMs,
      },
      totalMedianMs: median(agg) + median(read) + median(comp),
      counts: countsOnly,
      methods,
      bareGroupByMs,
      experiments: exps,
      ...(explain ? { explain } : {}),
      check,
    };
    return result;
  } finally {
    await opened.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sameSums = (a: Sums | undefined, b: Sums | undefined) =>
  a === undefined || b === undefined
    ? a === b
    : a.n === b.n &&
      a.n1 === b.n1 &&
      close(a.sw, b.sw) &&
      close(a.sw2, b.sw2) &&
      close(a.swy, b.swy) &&
      close(a.sw2y, b.sw2y);

async function main() {
  const started = new Date();
  log(`generating ${N.toLocaleString('en')} respondents (seed ${SEED})`);
  const gen = await phase(async () => generate(N, SEED));
  const data = gen.value;
  log(`generated in ${r1(gen.ms)} ms, RSS ${gen.peakRssMiB} MiB`);
  const load0 = os.loadavg()[0] ?? 0;

  const results: EngineResult[] = [];
  const skipped: string[] = [];
  for (const e of engines) {
    const r = await runEngine(e, data);
    if (typeof r === 'string') {
      skipped.push(`${e}: ${r}`);
      log(`${e} skipped: ${r}`);
    } else results.push(r);
  }

  let duck: DuckResult | undefined;
  if (!flags['no-duckdb']) {
    log('duckdb: loading (appender)');
    const base = await loadDuckDb(data);
    try {
      const memory: MemoryRun & { check?: ReturnType<typeof memoryAggregation>['check'] } = {
        runsMs: [],
        medianMs: 0,
        cpuMs: [],
      };
      const variant = async (v: DuckVariant, runs: number) => {
        const times: number[] = [];
        const cpu: number[] = [];
        let peak = 0;
        for (let i = 0; i < runs; i++) {
          // The import's in-memory sums alternate with DuckDB's (same machine, same moment).
          if (v === 'case') {
            const m = memoryAggregation(data);
            memory.runsMs.push(m.ms);
            memory.cpuMs.push(m.cpuMs);
            memory.check = m.check;
            log(`in-memory sums ${i + 1}/${runs}: ${r1(m.ms)} ms (CPU ${r1(m.cpuMs)} ms)`);
          }
          const c0 = cpuNow();
          const p = await phase(() => duckGroupBy(base.conn, v));
          cpu.push(cpuNow() - c0);
          times.push(p.value);
          peak = Math.max(peak, p.peakRssMiB);
          log(
            `duckdb (${v}): GROUP BY ${i + 1}/${runs}: ${r1(p.value)} ms (CPU ${r1(cpu.at(-1)!)} ms)`,
          );
        }
        // honest comparison: DuckDB's sums must equal every engine's, and the in-memory ones
        let checked = 0;
        const dTotals = await duckTotals(base.conn);
        const parties = [
          ...results,
          ...(memory.check ? [{ engine: 'in-memory', check: memory.check }] : []),
        ];
        for (const r of parties) {
          for (const [k, c] of CHECK_CELLS.entries()) {
            const d = await duckCell(base.conn, c);
            const e = r.check.cells[k];
            if (!sameSums(d, e))
              throw new Error(
                `DuckDB (${v}) and ${r.engine} differ at ${JSON.stringify(c)}: ${JSON.stringify(d)} vs ${JSON.stringify(e)}`,
              );
            checked++;
          }
          const t = r.check.totals;
          if (t.n !== dTotals.n || t.cells !== dTotals.cells || !close(t.swy, dTotals.swy))
            throw new Error(
              `DuckDB (${v}) and ${r.engine} grand totals differ: ${JSON.stringify(dTotals)} vs ${JSON.stringify(t)}`,
            );
          checked++;
        }
        log(
          `duckdb (${v}): ${checked} checks equal (${CHECK_CELLS.length} cells + grand totals per engine)`,
        );
        return { runsMs: times, medianMs: median(times), cpuMs: cpu, peakRssMiB: peak, checked };
      };
      const caseV = await variant('case', REPEAT);
      const filterRuns = int('duckdb-filter-runs', flags['duckdb-filter-runs']);
      const filterV = filterRuns > 0 ? await variant('filter', filterRuns) : undefined;
      duck = {
        version: base.version,
        threads: base.threads,
        loadMs: base.loadMs,
        case: caseV,
        ...(filterV ? { filter: filterV } : {}),
        memory: { runsMs: memory.runsMs, medianMs: median(memory.runsMs), cpuMs: memory.cpuMs },
      };
    } finally {
      base.close();
    }
  }

  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: load0,
    loadAverageAtEnd: os.loadavg()[0] ?? 0,
  };
  const report = {
    date: started.toISOString(),
    machine,
    respondents: N,
    seed: SEED,
    repeat: REPEAT,
    heatOptions: heat,
    generateMs: gen.ms,
    engines: results,
    skipped,
    duckdb: duck,
    maxRssMiB: maxRssMiB(),
  };
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const file = join(
    benchDir,
    'results',
    `monitor-${started.toISOString().slice(0, 10)}${N === 1_000_000 ? '' : `-${N}`}.json`,
  );
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(markdown(report));
  log(`wrote ${file}`);
}

function markdown(rep: {
  date: string;
  machine: {
    cpus: number;
    model: string;
    memoryGiB: number;
    node: string;
    loadAverageAtStart: number;
    loadAverageAtEnd: number;
  };
  respondents: number;
  engines: EngineResult[];
  duckdb: DuckResult | undefined;
  maxRssMiB: number;
}): string {
  const es = rep.engines;
  const s = (ms: number) => (ms >= 10_000 ? `${r1(ms / 1000)} s` : `${Math.round(ms)} ms`);
  const row = (label: string, f: (r: EngineResult) => string) =>
    `| ${label} | ${es.map(f).join(' | ')} |`;
  const d = rep.duckdb;
  const lines = [
    `## Equity monitor benchmark: ${rep.respondents.toLocaleString('en')} respondents, ${rep.machine.cpus} × ${rep.machine.model}, ${rep.machine.memoryGiB} GiB, Node ${rep.machine.node}, ${rep.date}`,
    `Load average ${rep.machine.loadAverageAtStart.toFixed(1)} at start, ${rep.machine.loadAverageAtEnd.toFixed(1)} at end.`,
    '',
    `| | ${es.map((r) => r.engine).join(' | ')} |`,
    `| --- | ${es.map(() => '---:').join(' | ')} |`,
    row(
      'Import (importMicrodata, incl. one aggregation)',
      (r) => `${s(r.import.ms)} (${r.import.rowsPerSecond.toLocaleString('en')} rows/s)`,
    ),
    row(
      '(a) Aggregation: recomputeAggregates, median',
      (r) => `${s(r.aggregation.medianMs)} (${r.aggregation.runsMs.map(s).join(', ')})`,
    ),
    row(
      '(b1) loadSums by area (SQL read)',
      (r) => `${s(r.sumsRead.medianMs)} (${r.sumsRead.rows.toLocaleString('en')} rows)`,
    ),
    row(
      '(b2) tables + all measures (TypeScript)',
      (r) => `${s(r.compute.medianMs)} (${r.compute.runsMs.map(s).join(', ')})`,
    ),
    row('… tables alone, without measures (one run)', (r) => s(r.compute.tablesOnlyMs)),
    row('… tables + measures, simulation off (repetitions 0; one run)', (r) =>
      s(r.compute.noSimulationMs),
    ),
    row('**Full recompute (a + b1 + b2)**', (r) => `**${s(r.totalMedianMs)}**`),
    row(
      'Tables / with measures / suppressed / no estimate',
      (r) =>
        `${r.counts.tables.toLocaleString('en')} / ${r.counts.withMeasures.toLocaleString('en')} / ${r.counts.suppressed} / ${r.counts.noEstimate}`,
    ),
    row(
      'Measure results (of which simulated intervals)',
      (r) =>
        `${r.counts.measures.toLocaleString('en')} (${r.counts.simulated.toLocaleString('en')})`,
    ),
    row(
      'Peak RSS: import / aggregation / measures (MiB)',
      (r) => `${r.import.peakRssMiB} / ${r.aggregation.peakRssMiB} / ${r.compute.peakRssMiB}`,
    ),
    row('Bare GROUP BY (create temp table as)', (r) => s(r.bareGroupByMs)),
    ...(d
      ? [
          row(
            `**Ratio aggregation / DuckDB** (CASE form, ${s(d.case.medianMs)})`,
            (r) => `**${(r.aggregation.medianMs / d.case.medianMs).toFixed(1)} ×**`,
          ),
          row(
            `**Ratio in-memory sums (the import's aggregation, ${s(d.memory.medianMs)}; CPU ${d.memory.cpuMs.map(s).join(', ')}) / DuckDB**`,
            () =>
              `**${(d.memory.medianMs / d.case.medianMs).toFixed(2)} ×** (CPU ${(median(d.memory.cpuMs) / median(d.case.cpuMs)).toFixed(2)} ×)`,
          ),
          row(
            'Ratio bare GROUP BY / DuckDB (CASE form)',
            (r) => `${(r.bareGroupByMs / d.case.medianMs).toFixed(1)} ×`,
          ),
          ...(d.filter
            ? [
                row(
                  `Ratio aggregation / DuckDB on the same FILTER SQL (${s(d.filter.medianMs)})`,
                  (r) => `${(r.aggregation.medianMs / d.filter!.medianMs).toFixed(2)} ×`,
                ),
              ]
            : []),
        ]
      : []),
    '',
    d
      ? `DuckDB ${d.version} (${d.threads} threads): load ${s(d.loadMs)} by appender; bare GROUP BY median ${s(d.case.medianMs)} (CASE form: ${d.case.runsMs.map(s).join(', ')})${d.filter ? `, ${s(d.filter.medianMs)} on the unchanged FILTER SQL (${d.filter.runsMs.length} run)` : ''}; peak RSS ${Math.max(d.case.peakRssMiB, d.filter?.peakRssMiB ?? 0)} MiB; ${d.case.checked + (d.filter?.checked ?? 0)} sum checks against the engines passed.`
      : 'DuckDB skipped.',
    `Process max RSS ${rep.maxRssMiB} MiB (PGlite's WASM memory is in-process).`,
  ];
  for (const r of es) {
    if (r.experiments.length) {
      lines.push('', `${r.engine} settings experiments (one run each):`, '');
      for (const x of r.experiments) lines.push(`- ${x.label}: ${s(x.ms)}`);
    }
  }
  const ratio = es.find((r) => r.engine === 'postgres');
  if (ratio && d) {
    const x = ratio.aggregation.medianMs / d.case.medianMs;
    lines.push(
      '',
      `Aim "within ${AGG_AIM_RATIO}x of DuckDB on PostgreSQL": ${x <= AGG_AIM_RATIO ? 'met' : 'not met'} (${x.toFixed(1)} ×).`,
    );
  }
  if (d) {
    // The sums an import stores come from the reader's in-memory pass, not from the SQL above.
    const x = d.memory.medianMs / d.case.medianMs;
    lines.push(
      `Aim "within ${AGG_AIM_RATIO}x of DuckDB" for the import's own aggregation (in memory): ${x <= AGG_AIM_RATIO ? 'met' : 'not met'} (${x.toFixed(2)} ×).`,
    );
  }
  for (const r of es) {
    const m = r.compute.medianMs;
    lines.push(
      `Aim "all summary measures for every cell in under 1 s" (${r.engine}, TypeScript part): ${m < MEASURES_AIM_MS ? 'met' : 'not met'} (${s(m)}; with the SQL read ${s(m + r.sumsRead.medianMs)}).`,
    );
  }
  return lines.join('\n');
}

await main();
