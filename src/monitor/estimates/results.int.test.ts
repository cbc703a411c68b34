/**
 * Decision 0030 on both engines: the indicator page's area measures are computed once per
 * indicator x dimension x wave of a dataset and stored; the next view reads them (same
 * numbers); another municipality reading a shared dataset does not store; deleting the dataset
 * deletes its stored results.
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../../test/support/db.ts';
import { seedSurvey } from '../../../test/support/monitor.ts';
import { inTenant } from '../../db/db.ts';
import { readableDataset, type DatasetInfo } from '../microdata/dataset.store.ts';
import { deleteDataset } from '../microdata/import.store.ts';
import { indicatorView } from './monitor.service.ts';

eachEngine('stored monitor results', (ctx) => {
  let dataset: DatasetInfo;
  const count = (kommune: string) =>
    inTenant(ctx.db, kommune, (tx) =>
      tx.query<{ c: number }>(
        'select count(*)::int as c from monitor_result where dataset_id = $1',
        [dataset.id],
      ),
    ).then((r) => r[0]?.c ?? 0);
  const view = (kommune: string) =>
    inTenant(ctx.db, kommune, (tx) =>
      indicatorView(tx, dataset, { indicator: 1, dim: 1, area: '0265', year: 2021 }),
    );

  beforeAll(async () => {
    await ctx.db.asOwner((tx) =>
      tx.query(
        `insert into tenant (kommune, name) values ('0265', 'Roskilde'), ('0101', 'København') on conflict do nothing`,
      ),
    );
    const { datasetId } = await seedSurvey(ctx.db, { shared: true, perAreaYear: 200 });
    dataset = (await inTenant(ctx.db, '0265', (tx) => readableDataset(tx, datasetId)))!;
  });

  it('computes a block once, stores it and reads the same measures back', async () => {
    expect(await count('0265')).toBe(0);
    const first = await view('0265');
    expect(await count('0265')).toBe(1);
    const again = await view('0265');
    expect(await count('0265')).toBe(1);
    const area = (v: typeof first) => v.current.find((t) => t.scope.kind === 'area')!;
    expect(area(first).measures?.length).toBeGreaterThan(0);
    expect(area(again).measures).toEqual(area(first).measures);
  });

  it('a reader of a shared dataset does not store', async () => {
    await inTenant(ctx.db, '0101', (tx) =>
      indicatorView(tx, dataset, { indicator: 2, dim: 1, area: '0101', year: 2021 }),
    );
    expect(await count('0265')).toBe(1);
  });

  it('deleting the dataset deletes its stored results', async () => {
    expect(await deleteDataset(ctx.db, '0265', dataset.id, { shared: 'allow' })).toBe('deleted');
    const rows = await ctx.db.asOwner((tx) =>
      tx.query<{ c: number }>('select count(*)::int as c from monitor_result'),
    );
    expect(rows[0]?.c).toBe(0);
  });
});
