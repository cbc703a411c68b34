/**
 * All measures for every cell, without a database: `npx tsx bench/monitor-cells.bench.ts
 * [--respondents N] [--reps 100] [--method survey|phe|heat] [--only old|new] [--repeat 3]`.
 * See bench/README.md ("Equity monitor: every cell").
 *
 * The synthetic survey of monitor-data.ts is summed in memory (aggregate.memory.ts, the sums
 * an import stores), then every indicator x dimension x area x wave is computed twice in the
 * same process: the per-table path (indexSums + buildTable + computeAll, as the pages and the
 * old benchmark do) and the one-pass path (estimates/all-cells.ts: typed arrays, one shared
 * stream of standard-normal draws). Both must give the same numbers; the run fails otherwise.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { aggregateRespondents } from '../src/monitor/microdata/aggregate.memory.ts';
import type { SumsRow } from '../src/monitor/estimates/estimates.store.ts';
import { buildTable, indexSums, type Table } from '../src/monitor/estimates/tables.ts';
import {
  computeAllCells,
  cellsInput,
  type CellResult,
} from '../src/monitor/estimates/all-cells.ts';
import { heatOptionsFor, isMeasureMethod } from '../src/monitor/measures/method.ts';
import type { HeatOptions } from '../src/monitor/measures/heat.ts';
import { DEFAULT_SUPPRESSION } from '../src/monitor/publish/suppression.ts';
import {
  benchCodebook,
  generate,
  respondents,
  DIMENSIONS,
  INDICATORS,
  WAVES,
} from './monitor-data.ts';

const { values: flags } = parseArgs({
  options: {
    respondents: { type: 'string', default: '1000000' },
    reps: { type: 'string', default: '100' },
    method: { type: 'string', default: 'survey' },
    seed: { type: 'string', default: '20261123' },
    repeat: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
  strict: true,
});
const N = Number(flags.respondents);
const REPEAT = Math.max(1, Number(flags.repeat));
const method = flags.method;
if (!isMeasureMethod(method)) throw new Error('--method must be survey, phe or heat');
const heat: HeatOptions = { repetitions: Number(flags.reps), ...heatOptionsFor(method) };
const log = (m: string) =>
  console.error(`[bench:monitor-cells ${new Date().toISOString().slice(11, 19)}] ${m}`);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const load0 = os.loadavg()[0] ?? 0;
let t0 = performance.now();
const data = generate(N, Number(flags.seed));
const codebook = benchCodebook();
const agg = aggregateRespondents(codebook, respondents(data));
const rows: SumsRow[] = agg.rows;
log(
  `${N.toLocaleString('en')} respondents summed in ${Math.round(performance.now() - t0)} ms: ${rows.length.toLocaleString('en')} sum rows`,
);

/** The per-table path (what monitor.bench.ts measured before). */
function oldPath(): Table[] {
  const byArea = new Map<string, SumsRow[]>();
  for (const r of rows) {
    const list = byArea.get(r.area ?? '');
    if (list) list.push(r);
    else byArea.set(r.area ?? '', [r]);
  }
  const out: Table[] = [];
  for (const area of [...byArea.keys()].sort()) {
    const sums = indexSums(byArea.get(area)!);
    const scope = { kind: 'area' as const, code: area, name: { da: area, en: area } };
    for (let indicator = 1; indicator <= INDICATORS; indicator++)
      for (let dim = 1; dim <= DIMENSIONS; dim++)
        for (const year of WAVES)
          out.push(
            buildTable(
              codebook,
              sums,
              { indicator, dim, year, scope },
              {
                suppression: DEFAULT_SUPPRESSION,
                heat,
              },
            ),
          );
  }
  return out;
}

function newPath(): CellResult[] {
  return computeAllCells(cellsInput(codebook, rows), { suppression: DEFAULT_SUPPRESSION, heat });
}

const same = (a: number, b: number) =>
  (Number.isNaN(a) && Number.isNaN(b)) ||
  a === b ||
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

const runs: Record<'old' | 'new', number[]> = { old: [], new: [] };
// CPU time of this process (user + system): on a shared machine wall time mostly measures the others
const cpu: Record<'old' | 'new', number[]> = { old: [], new: [] };
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
let oldTables: Table[] = [];
let newCells: CellResult[] = [];
for (let i = 0; i < REPEAT; i++) {
  if (flags.only !== 'new') {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    oldTables = oldPath();
    runs.old.push(performance.now() - t0);
    cpu.old.push(cpuMs(process.cpuUsage(c0)));
    log(
      `old ${i + 1}/${REPEAT}: ${Math.round(runs.old.at(-1)!)} ms (CPU ${Math.round(cpu.old.at(-1)!)} ms)`,
    );
  }
  if (flags.only !== 'old') {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    newCells = newPath();
    runs.new.push(performance.now() - t0);
    cpu.new.push(cpuMs(process.cpuUsage(c0)));
    log(
      `new ${i + 1}/${REPEAT}: ${Math.round(runs.new.at(-1)!)} ms (CPU ${Math.round(cpu.new.at(-1)!)} ms)`,
    );
  }
}

let measures = 0;
let simulated = 0;
let withMeasures = 0;
if (flags.only === undefined) {
  // Parity: same tables in the same order, same figures and measures.
  const key = (area: string, ind: number, dim: number, year: number) =>
    `${area}:${ind}:${dim}:${year}`;
  const byKey = new Map(newCells.map((c) => [key(c.area, c.indicator, c.dim, c.year), c]));
  for (const t of oldTables) {
    const c = byKey.get(
      key(
        t.scope.code,
        codebook.indicators.indexOf(t.indicator) + 1,
        codebook.dimensions.indexOf(t.dimension) + 1,
        t.year,
      ),
    );
    if (!c)
      throw new Error(
        `missing cell ${t.scope.code} ${t.indicator.key} ${t.dimension.key} ${t.year}`,
      );
    if ((t.measuresNote ?? null) !== c.measuresNote)
      throw new Error(
        `note differs at ${t.scope.code} ${t.indicator.key} ${t.dimension.key} ${t.year}`,
      );
    const om = t.measures ?? [];
    const nm = c.measures ?? [];
    if (om.length !== nm.length)
      throw new Error(
        `measure count differs at ${t.scope.code} ${t.indicator.key} ${t.dimension.key} ${t.year}`,
      );
    for (let k = 0; k < om.length; k++) {
      const a = om[k]!;
      const b = nm[k]!;
      if (
        a.code !== b.code ||
        a.method !== b.method ||
        a.interval !== b.interval ||
        !same(a.value, b.value) ||
        !same(a.lower, b.lower) ||
        !same(a.upper, b.upper)
      )
        throw new Error(
          `measure differs at ${t.scope.code} ${t.indicator.key} ${t.dimension.key} ${t.year}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
        );
      measures++;
      if (a.interval === 'simulation' || a.interval === 'monte-carlo') simulated++;
    }
    if (t.measures) withMeasures++;
  }
  log(
    `parity: ${oldTables.length.toLocaleString('en')} tables, ${withMeasures.toLocaleString('en')} with measures, ${measures.toLocaleString('en')} measures (${simulated.toLocaleString('en')} simulated intervals) identical`,
  );
}

const mOld = runs.old.length ? median(runs.old) : NaN;
const mNew = runs.new.length ? median(runs.new) : NaN;
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      respondents: N,
      method,
      repetitions: heat.repetitions,
      cells: INDICATORS * DIMENSIONS * WAVES.length * new Set(rows.map((r) => r.area)).size,
      withMeasures,
      measures,
      simulated,
      oldMs: runs.old.map(Math.round),
      newMs: runs.new.map(Math.round),
      oldCpuMs: cpu.old.map(Math.round),
      newCpuMs: cpu.new.map(Math.round),
      medianOldMs: Math.round(mOld),
      medianNewMs: Math.round(mNew),
      ratio: Math.round((mOld / mNew) * 10) / 10,
      loadAverage: [load0, os.loadavg()[0]],
      cpus: os.cpus().length,
      node: process.version,
    },
    null,
    2,
  ),
);
