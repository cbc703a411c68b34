import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../../test/support/db.ts';
import { inTenant } from '../../db/db.ts';
import { codebookSchema, type Codebook, type Respondent } from './codebook.ts';
import {
  deleteDataset,
  finishJob,
  getJob,
  importMicrodata,
  startJob,
  updateJob,
} from './import.store.ts';
import { listDatasets } from './dataset.store.ts';
import { recoverImports } from './import.service.ts';
import { MicrodataInvalid, readRespondents } from './read.ts';

const K = '0265';
const OTHER = '0101';
const EX = new URL('../../../examples/monitor/', import.meta.url);
const codebook: Codebook = codebookSchema.parse(
  JSON.parse(readFileSync(new URL('codebook.json', EX), 'utf8')),
);
const good = { path: new URL('roskilde-2025.csv', EX).pathname };
const bad = { path: new URL('roskilde-2025-med-fejl.csv', EX).pathname };

interface Agg {
  indicator: number;
  dim: number;
  category: number;
  year: number;
  area: string;
  n: number;
  n1: number;
  sw: number;
  sw2: number;
  swy: number;
  sw2y: number;
}

/** The sums for one cell, computed by hand from the respondents. */
function expected(rows: Respondent[], indicator: number, dim: number, category: number) {
  const s = { n: 0, n1: 0, sw: 0, sw2: 0, swy: 0, sw2y: 0 };
  for (const r of rows) {
    const y = r.answers[indicator - 1];
    if (y === null || y === undefined) continue;
    if (dim > 0 && r.dims[dim - 1] !== category) continue;
    s.n++;
    s.sw += r.weight;
    s.sw2 += r.weight ** 2;
    if (y === 1) {
      s.n1++;
      s.swy += r.weight;
      s.sw2y += r.weight ** 2;
    }
  }
  return s;
}

eachEngine('monitor microdata import', (ctx) => {
  const respondents: Respondent[] = [];
  let ownId = '';
  let sharedId = '';

  beforeAll(async () => {
    await ctx.db.execAsOwner(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde'), ('0101', 'København') on conflict do nothing`,
    );
    for await (const r of readRespondents(good, codebook)) respondents.push(r);
  });

  it('imports a good file and stores sums that match a hand count', async () => {
    const phases = new Set<string>();
    const res = await importMicrodata(ctx.db, {
      kommune: K,
      codebook,
      fileName: 'roskilde-2025.csv',
      respondents: readRespondents(good, codebook),
      onProgress: (phase) => phases.add(phase),
    });
    ownId = res.datasetId;
    expect(res.rows).toBe(2000);
    expect([...phases]).toEqual(['inserting', 'aggregating', 'done']);
    const aggs = await inTenant(ctx.db, K, (tx) =>
      tx.query<Agg>(
        `select indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y from monitor_aggregate where dataset_id = $1`,
        [ownId],
      ),
    );
    // 13 indicators x (1 total + 4+6+5+3+2+4+2 categories), every cell has answers.
    expect(aggs).toHaveLength(13 * 27);
    for (const [indicator, dim, category] of [
      [1, 0, 0],
      [1, 1, 1],
      [5, 3, 5],
      [13, 2, 4],
      [7, 7, 2],
    ] as const) {
      const got = aggs.find(
        (a) => a.indicator === indicator && a.dim === dim && a.category === category,
      )!;
      const want = expected(respondents, indicator, dim, category);
      expect(got, `${indicator}/${dim}/${category}`).toMatchObject({
        year: 2025,
        area: K,
        n: want.n,
        n1: want.n1,
      });
      expect(Number(got.sw)).toBeCloseTo(want.sw, 9);
      expect(Number(got.sw2)).toBeCloseTo(want.sw2, 9);
      expect(Number(got.swy)).toBeCloseTo(want.swy, 9);
      expect(Number(got.sw2y)).toBeCloseTo(want.sw2y, 9);
    }
    // Respondents with unknown education are left out of that dimension only.
    const edu = aggs.filter((a) => a.indicator === 1 && a.dim === 1).reduce((s, a) => s + a.n, 0);
    const total = aggs.find((a) => a.indicator === 1 && a.dim === 0)!.n;
    expect(edu).toBe(
      total - respondents.filter((r) => r.dims[0] === null && r.answers[0] !== null).length,
    );
    expect(edu).toBeLessThan(total);

    const list = await inTenant(ctx.db, K, (tx) => listDatasets(tx));
    expect(list.find((d) => d.id === ownId)).toMatchObject({
      rowCount: 2000,
      years: [2025],
      synthetic: true,
      shared: false,
    });
    const log = await inTenant(ctx.db, K, (tx) =>
      tx.query(`select action from audit_log where entity = 'monitor_dataset' and entity_id = $1`, [
        ownId,
      ]),
    );
    expect(log).toEqual([{ action: 'create' }]);
  });

  it('imports nothing from a file with bad rows and reports each line and column', async () => {
    const before = await inTenant(ctx.db, K, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from monitor_dataset'),
    );
    const err = await importMicrodata(ctx.db, {
      kommune: K,
      codebook,
      fileName: 'x.csv',
      respondents: readRespondents(bad, codebook),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MicrodataInvalid);
    const invalid = err as MicrodataInvalid;
    expect(invalid.problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      '7:uddannelse',
      '43:aar',
      '101:vaegt',
      '501:kommune',
      '1501:dagligryger',
    ]);
    const after = await inTenant(ctx.db, K, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from monitor_dataset'),
    );
    expect(after).toEqual(before);
  });

  it('keeps respondent rows to their kommune, and shares only shared datasets’ sums', async () => {
    sharedId = (
      await importMicrodata(ctx.db, {
        kommune: K,
        codebook,
        fileName: 'national.csv',
        respondents: respondents.slice(0, 100),
        shared: true,
      })
    ).datasetId;
    const seen = await inTenant(ctx.db, OTHER, async (tx) => ({
      rows: await tx.query<{ n: number }>('select count(*)::int as n from monitor_respondent'),
      own: await tx.query<{ n: number }>(
        'select count(*)::int as n from monitor_aggregate where dataset_id = $1',
        [ownId],
      ),
      shared: await tx.query<{ n: number }>(
        'select count(*)::int as n from monitor_aggregate where dataset_id = $1',
        [sharedId],
      ),
    }));
    expect(seen.rows[0]!.n).toBe(0);
    expect(seen.own[0]!.n).toBe(0);
    expect(seen.shared[0]!.n).toBeGreaterThan(0);
    expect((await inTenant(ctx.db, OTHER, (tx) => listDatasets(tx))).map((d) => d.id)).toEqual([
      sharedId,
    ]);
    // Another kommune cannot delete it.
    expect(await deleteDataset(ctx.db, OTHER, sharedId)).toBe('notFound');
  });

  it('refuses to delete a shared dataset for a municipality, even the one that loaded it', async () => {
    expect(await deleteDataset(ctx.db, K, sharedId)).toBe('shared');
    expect((await inTenant(ctx.db, OTHER, (tx) => listDatasets(tx))).map((d) => d.id)).toEqual([
      sharedId,
    ]);
  });

  it('deletes a dataset with its rows and sums', async () => {
    // The operator's CLI may remove a shared one.
    expect(await deleteDataset(ctx.db, K, sharedId, { shared: 'allow' })).toBe('deleted');
    const left = await inTenant(ctx.db, K, async (tx) => [
      ...(await tx.query('select 1 from monitor_respondent where dataset_id = $1', [sharedId])),
      ...(await tx.query('select 1 from monitor_aggregate where dataset_id = $1', [sharedId])),
    ]);
    expect(left).toEqual([]);
    // The deletion walks the dataset's heap pages (discardDataset): another dataset's rows on
    // them or beside them stay.
    const [kept] = await inTenant(ctx.db, K, (tx) =>
      tx.query<{ r: number; s: number }>(
        `select (select count(*) from monitor_respondent where dataset_id = $1)::int as r,
                (select count(*) from monitor_aggregate where dataset_id = $1)::int as s`,
        [ownId],
      ),
    );
    expect(kept).toEqual({ r: 2000, s: 13 * 27 });
    expect(await deleteDataset(ctx.db, K, sharedId)).toBe('notFound');
  });

  it('tracks an import job', async () => {
    const id = await startJob(ctx.db, K, 'x.csv', null);
    await updateJob(ctx.db, K, id, { phase: 'reading', rowsDone: 10, rowsTotal: 100 });
    expect(await getJob(ctx.db, K, id)).toMatchObject({
      status: 'running',
      phase: 'reading',
      rowsDone: 10,
      rowsTotal: 100,
    });
    const problem = {
      line: 7,
      column: 'udd',
      code: 'code_unknown' as const,
      value: '7',
      allowed: ['1'],
    };
    await finishJob(ctx.db, K, id, { status: 'failed', problems: [problem], problemCount: 3 });
    expect(await getJob(ctx.db, K, id)).toMatchObject({
      status: 'failed',
      problems: [problem],
      problemCount: 3,
    });
    expect(await getJob(ctx.db, OTHER, id)).toBeUndefined();
  });

  it('the periodic recovery (any running server) interrupts a job whose heartbeat stopped, never a live one', async () => {
    const deadId = await startJob(ctx.db, K, 'dead.csv', null);
    const liveId = await startJob(ctx.db, K, 'alive.csv', null);
    await inTenant(ctx.db, K, (tx) =>
      tx.query(
        `update monitor_import_job set heartbeat_at = now() - interval '5 minutes' where id = $1`,
        [deadId],
      ),
    );
    expect(await recoverImports(ctx.db, { atStart: false })).toMatchObject({ jobs: 1 });
    expect(await getJob(ctx.db, K, deadId)).toMatchObject({
      status: 'failed',
      failure: 'interrupted',
    });
    expect((await getJob(ctx.db, K, liveId))!.status).toBe('running');
    await finishJob(ctx.db, K, liveId, { status: 'failed', failure: 'internal' });
  });

  it('marks a job killed mid-way as interrupted at start, and removes its unfinished rows', async () => {
    // What a kill -9 leaves: a running job, a dataset not yet ready, some of its rows.
    const jobId = await startJob(ctx.db, K, 'killed.csv', null);
    const datasetId = await inTenant(ctx.db, K, async (tx) => {
      const [ds] = await tx.query<{ id: string }>(
        `insert into monitor_dataset (kommune, codebook, synthetic, file_name, row_count, years, ready)
         values ($1, $2::jsonb, true, 'killed.csv', 0, '{}', false) returning id`,
        [K, JSON.stringify(codebook)],
      );
      await tx.query(
        `insert into monitor_respondent (dataset_id, kommune, line, year, area, weight)
         select $1, $2, g, 2025, '0265', 1 from generate_series(1, 7000) g`,
        [ds!.id, K],
      );
      await tx.query(
        `update monitor_import_job set dataset_id = $2, rows_done = 0, phase = 'reading',
           heartbeat_at = now() - interval '5 minutes' where id = $1`,
        [jobId, ds!.id],
      );
      return ds!.id;
    });
    // Another server's import (PostgreSQL): it still beats, so it is left alone there.
    const liveId = await startJob(ctx.db, K, 'live.csv', null);
    expect(await getJob(ctx.db, K, jobId)).toMatchObject({
      status: 'failed',
      failure: 'interrupted',
    });

    expect(await recoverImports(ctx.db)).toMatchObject({ datasets: 1 });
    expect(await getJob(ctx.db, K, jobId)).toMatchObject({
      status: 'failed',
      failure: 'interrupted',
      datasetId: null,
    });
    expect((await getJob(ctx.db, K, liveId))!.status).toBe(
      ctx.engine === 'pglite' ? 'failed' : 'running',
    );
    const left = await inTenant(ctx.db, K, async (tx) => [
      ...(await tx.query('select 1 from monitor_dataset where id = $1', [datasetId])),
      ...(await tx.query('select 1 from monitor_respondent where dataset_id = $1', [datasetId])),
    ]);
    expect(left).toEqual([]);
    await finishJob(ctx.db, K, liveId, { status: 'failed', failure: 'internal' });
  });
});
