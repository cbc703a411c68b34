import { describe, expect, it } from 'vitest';
import { testCodebook, testRespondents } from '../../../test/support/monitor.ts';
import { SumAccumulator } from './aggregate.memory.ts';
import {
  chunkSource,
  formatRespondents,
  formatSums,
  nextBatchRows,
  REST_MAX_MS,
  restAfter,
  WRITE_LIMITS,
  type DatasetChunk,
} from './import.batch.ts';

// Not a timing test: the speed is measured in bench/import-stall.bench.ts. These hold the
// bounds that keep one write on PGlite (the event loop's thread) short.
describe('write sizes (issue 15: no write holds up the server)', () => {
  const pg = WRITE_LIMITS.pglite;

  it('keeps PGlite writes within the bounds measured in the benchmark', () => {
    expect(pg.respondents.max).toBeLessThanOrEqual(500);
    expect(pg.sums.max).toBeLessThanOrEqual(1000);
    for (const l of [pg.respondents, pg.sums]) {
      expect(l.targetMs).not.toBeNull();
      expect(l.targetMs!).toBeLessThanOrEqual(20);
      expect(l.min).toBeGreaterThan(0);
      expect(l.start).toBeLessThanOrEqual(l.max);
      expect(l.start).toBeGreaterThanOrEqual(l.min);
    }
  });

  it('shrinks at once after a slow write, down to the minimum', () => {
    const l = pg.respondents;
    // 400 rows took 40 ms: 0.1 ms a row, so 15 ms is 150 rows.
    expect(nextBatchRows(l, 400, 40)).toBe(150);
    // A stall of a second (a loaded machine) goes to the floor, not below.
    expect(nextBatchRows(l, 100, 1000)).toBe(l.min);
  });

  it('grows at most twofold after a fast write, never past the maximum', () => {
    const l = pg.respondents;
    expect(nextBatchRows(l, 60, 0.5)).toBe(120);
    expect(nextBatchRows(l, 300, 0.1)).toBe(l.max);
    expect(nextBatchRows(l, 10_000, 0)).toBe(l.max);
  });

  it('rests after each PGlite write as long as it took (capped), so queued requests go first', () => {
    expect(restAfter(pg.respondents, 12)).toBe(12);
    expect(restAfter(pg.sums, 0.2)).toBe(1);
    expect(restAfter(pg.sums, 900)).toBe(REST_MAX_MS);
    expect(restAfter(WRITE_LIMITS.postgres.respondents, 40)).toBe(0);
  });

  it('starts at the start size without a measurement', () => {
    expect(nextBatchRows(pg.sums, 0, 0)).toBe(pg.sums.start);
    expect(nextBatchRows(pg.sums, 10, Number.NaN)).toBe(pg.sums.start);
  });

  it('uses fixed sizes on PostgreSQL (the statement runs in the server process)', () => {
    const l = WRITE_LIMITS.postgres.respondents;
    expect(nextBatchRows(l, 5000, 5000)).toBe(l.max);
    expect(nextBatchRows(l, 5000, 1)).toBe(l.max);
  });
});

describe('record literals', () => {
  it('writes respondents as records of monitor_respondent, nulls empty, odd areas quoted twice', () => {
    const c = formatRespondents(
      [
        { line: 2, year: 2021, area: '0265', weight: 1.25, dims: [1, null], answers: [1, 0, null] },
        {
          line: 3,
          year: 2017,
          area: 'a"b\\c',
          weight: 1e-7,
          dims: [2, 300],
          answers: [null, 1, 0],
        },
      ],
      2,
      3,
    );
    expect(c.rows).toBe(2);
    expect(c.years.sort()).toEqual([2017, 2021]);
    // dataset and kommune empty; d3..d8 and y4..y64 empty (the codebook does not use them).
    const d = ','.repeat(6);
    const y = ','.repeat(61);
    expect(c.literal).toBe(
      `{"(,,2,2021,0265,1.25,1,${d},1,0,${y})",` +
        `"(,,3,2017,\\"a\\\\\\"b\\\\\\\\c\\",1e-7,2,300${d},,1,0${y})"}`,
    );
  });

  it('writes sums with full float precision', () => {
    const c = formatSums([
      {
        indicator: 1,
        dim: 0,
        category: 0,
        year: 2021,
        area: '0265',
        n: 3,
        n1: 1,
        sw: 0.1 + 0.2,
        sw2: 2,
        swy: 1,
        sw2y: 1,
      },
    ]);
    expect(c.rows).toBe(1);
    expect(c.literal).toBe('{"(,,1,0,0,2021,0265,3,1,0.30000000000000004,2,1,1)"}');
  });
});

describe('chunkSource', () => {
  it('hands out every respondent in chunks of the size asked for, then every sum', async () => {
    const codebook = testCodebook();
    const respondents = testRespondents(codebook, 30);
    const acc = new SumAccumulator(codebook);
    for (const r of respondents) acc.add(r);
    const expectedSums = acc.rows().length;
    const src = chunkSource(codebook, respondents);
    const sizes = [7, 50, 1, 1000];
    const chunks: DatasetChunk[] = [];
    for (let i = 0; ; i++) {
      const n = sizes[i % sizes.length]!;
      const c = await src.next({ respondents: n, sums: n });
      if (!c) break;
      if ('respondents' in c) expect(c.respondents.rows).toBeLessThanOrEqual(n);
      else expect(c.sums.rows).toBeLessThanOrEqual(n);
      chunks.push(c);
    }
    const rows = chunks.reduce((s, c) => s + ('respondents' in c ? c.respondents.rows : 0), 0);
    const sums = chunks.reduce((s, c) => s + ('sums' in c ? c.sums.rows : 0), 0);
    expect(rows).toBe(respondents.length);
    expect(sums).toBe(expectedSums);
    // Respondents first, then sums.
    const firstSum = chunks.findIndex((c) => 'sums' in c);
    expect(chunks.slice(firstSum).every((c) => 'sums' in c)).toBe(true);
    expect(await src.next({ respondents: 1, sums: 1 })).toBeNull();
  });
});
