/**
 * Import speed on one engine (issue 16's aim: ≥ 50,000 rows/s on PostgreSQL):
 * `npx tsx bench/monitor-import.check.ts [--engine postgres|pglite] [--respondents N] [--rounds 2]`.
 * importMicrodata of the benchmark's synthetic survey into a fresh database, alternately with
 * one write at a time (the baseline) and with WRITE_PARALLEL writes, `--rounds` times each, so
 * both see the same machine; prints rows/s (respondents; the sums' writes included in the time).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { migrate } from '../src/db/migrate.ts';
import { importMicrodata, WRITE_PARALLEL } from '../src/monitor/microdata/import.store.ts';
import { openBenchEngine } from './engines.ts';
import { benchCodebook, generate, respondents } from './monitor-data.ts';

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    respondents: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '2' },
  },
});
const engine = flags.engine === 'pglite' ? 'pglite' : 'postgres';
const N = Number(flags.respondents);
const data = generate(N, 20261123);
const opened = await openBenchEngine(engine, 'monitorimport', 2);
if (typeof opened === 'string') throw new Error(opened);
const { db, cleanup } = opened;
try {
  await migrate(db);
  await db.asOwner((tx) =>
    tx.query(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde') on conflict do nothing`,
    ),
  );
  const parallel = WRITE_PARALLEL[engine];
  const results: { parallel: number; ms: number; rowsPerSecond: number; load: number }[] = [];
  for (let round = 0; round < Number(flags.rounds); round++) {
    for (const p of [1, parallel]) {
      WRITE_PARALLEL[engine] = p;
      const t0 = performance.now();
      const r = await importMicrodata(db, {
        kommune: '0265',
        codebook: benchCodebook(),
        fileName: 'bench.csv',
        respondents: respondents(data),
      });
      const ms = performance.now() - t0;
      results.push({
        parallel: p,
        ms: Math.round(ms),
        rowsPerSecond: Math.round(r.rows / (ms / 1000)),
        load: os.loadavg()[0] ?? 0,
      });
      console.error(JSON.stringify(results.at(-1)));
      await db.execAsOwner('truncate monitor_respondent, monitor_aggregate');
    }
  }
  console.log(JSON.stringify({ engine, respondents: N, results }));
} finally {
  await cleanup();
}
