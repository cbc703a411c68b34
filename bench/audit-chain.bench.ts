/**
 * What the audit hash chain costs (decision 0013): N concurrent writers, each running short
 * transactions that write one audit row and then hold the transaction open for a moment of
 * "other work" (the rest of a request), with the chain trigger on and off, in one municipality
 * (one chain, the worst case) and spread over several.
 *
 *   npx tsx bench/audit-chain.bench.ts [--engine postgres|pglite] [--writers 16] [--tx 200] [--work-ms 2]
 */
import { parseArgs } from 'node:util';
import { migrate } from '../src/db/migrate.ts';
import { inTenant, type Db } from '../src/db/db.ts';
import { audit } from '../src/platform/audit.store.ts';
import { openBenchEngine } from './engines.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    writers: { type: 'string', default: '16' },
    tx: { type: 'string', default: '200' },
    'work-ms': { type: 'string', default: '2' },
  },
});
const WRITERS = Number(values.writers);
const TX = Number(values.tx);
const WORK = Number(values['work-ms']);
const KOMMUNER = ['0101', '0147', '0151', '0153', '0155', '0157', '0159', '0161'];

async function run(db: Db, spread: boolean): Promise<{ perSecond: number; p95: number }> {
  const lat: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const kommune = spread ? KOMMUNER[w % KOMMUNER.length]! : KOMMUNER[0]!;
      for (let i = 0; i < TX; i++) {
        const t0 = performance.now();
        await inTenant(db, kommune, async (tx) => {
          await audit(
            tx,
            { kommune, actorId: null, actorRole: 'system', requestId: `bench-${w}-${i}` },
            {
              action: 'read',
              entity: 'citizen',
              entityId: `${w}-${i}`,
              summary: 'viewed citizen card',
            },
          );
          if (WORK > 0) await tx.query(`select pg_sleep($1)`, [WORK / 1000]);
        });
        lat.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  return { perSecond: (WRITERS * TX) / seconds, p95: lat[Math.floor(lat.length * 0.95)]! };
}

async function main() {
  const engine = values.engine === 'pglite' ? 'pglite' : 'postgres';
  const opened = await openBenchEngine(engine, 'auditchain', WRITERS + 2);
  if (typeof opened === 'string') throw new Error(opened);
  const { db, cleanup } = opened;
  try {
    await migrate(db);
    await db.execAsOwner(
      `insert into tenant (kommune, name) select k, 'Bench ' || k from unnest(array['${KOMMUNER.join("','")}']) k on conflict do nothing`,
    );
    console.log(
      `${engine}: ${WRITERS} writers x ${TX} transactions, ${WORK} ms work after the audit row`,
    );
    for (const chain of [false, true]) {
      await db.execAsOwner(
        `alter table audit_log ${chain ? 'enable' : 'disable'} trigger audit_log_chain`,
      );
      if (!chain)
        await db.execAsOwner(
          `alter table audit_log alter column seq drop not null, alter column prev_hash drop not null, alter column hash drop not null`,
        );
      for (const spread of [false, true]) {
        const r = await run(db, spread);
        console.log(
          `  chain ${chain ? 'on ' : 'off'}  ${spread ? `${KOMMUNER.length} municipalities` : '1 municipality '}  ${r.perSecond.toFixed(0).padStart(6)} tx/s  p95 ${r.p95.toFixed(1)} ms`,
        );
      }
      if (!chain)
        await db.execAsOwner(
          `alter table audit_log disable trigger audit_log_append_only; delete from audit_log where seq is null; alter table audit_log enable trigger audit_log_append_only; alter table audit_log alter column seq set not null, alter column prev_hash set not null, alter column hash set not null`,
        );
    }
  } finally {
    await cleanup();
  }
}

await main();
