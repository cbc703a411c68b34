/**
 * The demo's in-memory sums (aggregate.memory.ts) and the SQL GROUP BY (aggregate.sql.ts) must
 * give the same rows, so a demo dataset behaves exactly like an imported one.
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../../test/support/db.ts';
import { seedFixture } from '../../../test/support/app.ts';
import { testCodebook, testRespondents } from '../../../test/support/monitor.ts';
import { inTenant } from '../../db/db.ts';
import { aggregateRespondents, type AggregateRow } from './aggregate.memory.ts';
import { importMicrodata, recomputeAggregates } from './import.store.ts';

eachEngine('in-memory sums equal the SQL sums', (ctx) => {
  beforeAll(() => seedFixture(ctx.db));

  it('for every indicator, dimension, category, year and area', async () => {
    const codebook = testCodebook();
    const respondents = testRespondents(codebook, 150);
    // Some unknown categories and missing answers, which both paths must leave out alike.
    respondents[0]!.dims[0] = null;
    respondents[1]!.answers[0] = null;
    const { datasetId } = await importMicrodata(ctx.db, {
      kommune: '0265',
      codebook,
      fileName: 'parity.csv',
      respondents,
    });
    const sql = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<Record<string, number | string>>(
        `select indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y from monitor_aggregate where dataset_id = $1`,
        [datasetId],
      ),
    );
    const mem = aggregateRespondents(codebook, respondents).rows;
    const key = (r: Record<string, unknown>) =>
      [r.indicator, r.dim, r.category, r.year, String(r.area).trim()].join('|');
    const byKey = new Map(mem.map((r) => [key(r as unknown as Record<string, unknown>), r]));
    expect(sql.length).toBe(mem.length);
    compare(sql, byKey, key);

    if (ctx.engine === 'postgres') {
      // Again with parallel workers forced: row-level security must see the tenant setting in
      // every worker (lighed_kommune() is marked parallel safe), or sums would come out short.
      await inTenant(ctx.db, '0265', async (tx) => {
        for (const set of [
          'parallel_setup_cost = 0',
          'parallel_tuple_cost = 0',
          'min_parallel_table_scan_size = 0',
          'force_parallel_mode = on',
        ])
          await tx.query(`set local ${set}`);
        const plan = await tx.query<{ 'QUERY PLAN': string }>(
          `explain select count(*) from monitor_respondent where dataset_id = $1`,
          [datasetId],
        );
        expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Gather/);
        await recomputeAggregates(tx, datasetId, codebook, 'postgres');
      });
      const again = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<Record<string, number | string>>(
          `select indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y from monitor_aggregate where dataset_id = $1`,
          [datasetId],
        ),
      );
      expect(again.length).toBe(mem.length);
      compare(again, byKey, key);
    }
  });
});

function compare(
  sql: Record<string, number | string>[],
  byKey: Map<string, AggregateRow>,
  key: (r: Record<string, unknown>) => string,
) {
  for (const row of sql) {
    const m = byKey.get(key(row));
    expect(m, key(row)).toBeDefined();
    expect(Number(row.n)).toBe(m!.n);
    expect(Number(row.n1)).toBe(m!.n1);
    for (const f of ['sw', 'sw2', 'swy', 'sw2y'] as const)
      expect(Number(row[f])).toBeCloseTo(m![f], 9);
  }
}
