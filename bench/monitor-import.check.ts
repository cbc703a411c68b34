/**
 * Import speed on one engine (issue 16's aim: ≥ 50,000 rows/s on PostgreSQL):
 * `npx tsx bench/monitor-import.check.ts [--engine postgres|pglite] [--respondents N] [--rounds 2]
 *  [--baseline DIR] [--parallel 1,2]`.
 *
 * importMicrodata of the benchmark's synthetic survey into a fresh database, `--rounds` times,
 * alternating the variants in one process so all see the same (shared, loaded) machine:
 * WRITE_PARALLEL writes at once for each value of `--parallel`, and with `--baseline DIR` the
 * same import from an older tree's src/ (e.g. `git archive <commit> src examples | tar -x -C
 * DIR` and a `node_modules` link), run against the same database.
 *
 * Prints rows/s (respondents; the sums' writes included in the time) and CPU time, which the
 * load distorts less than wall time: this process's (process.cpuUsage) and the database's
 * backends serving it (/proc/<pid>/stat of this database's connections, PostgreSQL only; the
 * WAL writer and checkpointer are not counted).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import * as current from '../src/monitor/microdata/import.store.ts';
import { openBenchEngine } from './engines.ts';
import { benchCodebook, generate, respondents } from './monitor-data.ts';

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    respondents: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '2' },
    baseline: { type: 'string' },
    parallel: { type: 'string' },
  },
});
const engine = flags.engine === 'pglite' ? 'pglite' : 'postgres';
const N = Number(flags.respondents);
const data = generate(N, 20261123);
type Store = Pick<typeof current, 'importMicrodata' | 'WRITE_PARALLEL'>;
const variants: { label: string; store: Store }[] = [{ label: 'current', store: current }];
if (flags.baseline) {
  const url = pathToFileURL(join(flags.baseline, 'src/monitor/microdata/import.store.ts'));
  variants.unshift({ label: 'baseline', store: (await import(url.href)) as Store });
}
const parallels = (flags.parallel ?? String(current.WRITE_PARALLEL[engine])).split(',').map(Number);

/** User + system CPU of a process in ms (Linux; clock ticks of 10 ms). */
function procCpuMs(pid: number): number {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0; // a backend that ended (or another machine's server): not counted
  }
}

/** CPU of this database's backends so far, by pid (PostgreSQL on this machine). */
async function backendCpu(db: Db): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (db.engine !== 'postgres') return out;
  const rows = await db.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  for (const { pid } of rows) out.set(pid, procCpuMs(pid));
  return out;
}

const opened = await openBenchEngine(engine, 'monitorimport', 2);
if (typeof opened === 'string') throw new Error(opened);
const { db, cleanup } = opened;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
try {
  await migrate(db);
  await db.asOwner((tx) =>
    tx.query(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde') on conflict do nothing`,
    ),
  );
  const results: Record<string, number | string>[] = [];
  for (let round = 0; round < Number(flags.rounds); round++) {
    for (const { label, store } of variants) {
      for (const p of parallels) {
        store.WRITE_PARALLEL[engine] = p;
        const before = await backendCpu(db);
        const node0 = cpuMs();
        const t0 = performance.now();
        const r = await store.importMicrodata(db, {
          kommune: '0265',
          codebook: benchCodebook(),
          fileName: 'bench.csv',
          respondents: respondents(data),
        });
        const ms = performance.now() - t0;
        const nodeMs = cpuMs() - node0;
        let serverMs = 0;
        for (const [pid, after] of await backendCpu(db)) serverMs += after - (before.get(pid) ?? 0);
        results.push({
          variant: label,
          parallel: p,
          ms: Math.round(ms),
          rowsPerSecond: Math.round(r.rows / (ms / 1000)),
          nodeCpuMs: Math.round(nodeMs),
          serverCpuMs: serverMs,
          // Rows per second of CPU, Node and server together: what a quiet 1-core machine would do.
          rowsPerCpuSecond: Math.round(r.rows / ((nodeMs + serverMs) / 1000)),
          load: Number((os.loadavg()[0] ?? 0).toFixed(1)),
        });
        console.error(JSON.stringify(results.at(-1)));
        await db.execAsOwner('truncate monitor_respondent, monitor_aggregate');
      }
    }
  }
  console.log(JSON.stringify({ engine, respondents: N, results }));
} finally {
  await cleanup();
}
