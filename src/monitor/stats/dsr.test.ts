import { describe, expect, it } from 'vitest';
import { dsr, ESP2013, ESP2013_AGE_BANDS, validateDsrInput, type DsrResult } from './dsr.ts';
import { byars } from './intervals.ts';
import { pheSheet } from '../../../test/fixtures/phe/phe.ts';

/** Upstream PHEindicatormethods test data, carried as a fixture (test/fixtures/phe/README.md). */

/** Relative tolerance against upstream DSR values and Dobson limits. */
const REL = 1e-10;

function expectClose(actual: number | null, expected: number, rel = REL, what = ''): void {
  expect(actual, what).not.toBeNull();
  const a = actual ?? NaN;
  const err = Math.abs(a - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(err <= rel))
    throw new Error(`${what}: expected ${expected}, got ${a} (relative error ${err} > ${rel})`);
}

type Row = Record<string, unknown>;

function sheet(name: string): Promise<Row[]> {
  return Promise.resolve(pheSheet('testdata_DSR_ISR', name));
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : NaN;
}

function ok(r: DsrResult): Extract<DsrResult, { ok: true }> {
  if (!r.ok) throw new Error(`unexpected errors: ${r.errors.join('; ')}`);
  return r;
}

describe('ESP2013', () => {
  it('has 19 bands summing to 100,000', () => {
    expect(ESP2013).toHaveLength(19);
    expect(ESP2013_AGE_BANDS).toHaveLength(19);
    expect(ESP2013.reduce((a, b) => a + b, 0)).toBe(100000);
  });
});

describe('dsr (hand-computed values)', () => {
  it('two bands with a custom standard', () => {
    // Rates 10/1000 and 30/2000 weighted 1:3 → (0.01 + 3 × 0.015) / 4 = 0.01375.
    const res = ok(
      dsr({ counts: [10, 30], populations: [1000, 2000], standard: [1, 3], multiplier: 1000 }),
    );
    expectClose(res.value, 13.75, 1e-14);
    const variance = ((1 * 10) / 1000 ** 2 + (9 * 30) / 2000 ** 2) / 16;
    const b = byars(40);
    expectClose(res.lower, (0.01375 + Math.sqrt(variance / 40) * (b.lower - 40)) * 1000, 1e-14);
    expectClose(res.upper, (0.01375 + Math.sqrt(variance / 40) * (b.upper - 40)) * 1000, 1e-14);
    expect(res).toMatchObject({ totalCount: 40, totalPopulation: 3000, method: 'Dobson' });
  });

  it('equal age-specific rates standardise to that rate', () => {
    const res = ok(dsr({ counts: ESP2013.map(() => 5), populations: ESP2013.map(() => 1000) }));
    expectClose(res.value, 500, 1e-14);
  });

  it('suppresses a total count below 10', () => {
    const res = ok(dsr({ counts: [3, 6], populations: [100, 100], standard: [1, 1] }));
    expect(res.value).toBeNull();
    expect(res.lower).toBeNull();
    expect(res.suppressed).toMatch(/total count 9 < 10/);
  });

  it('rejects invalid inputs with messages that say what is wrong', () => {
    expect(validateDsrInput({ counts: [1, 2], populations: [10, 10] })[0]).toMatch(
      /expected 19 age bands \(ESP2013\), got 2/,
    );
    expect(
      validateDsrInput({ counts: [1, 2], populations: [10, 10], standard: [1, 1, 1] })[0],
    ).toMatch(/standard population has 3 age bands but there are 2 counts/);
    expect(validateDsrInput({ counts: [1, 2], populations: [10], standard: [1, 1] })).toContain(
      'got 2 counts but 1 populations',
    );
    expect(validateDsrInput({ counts: [-1, 2], populations: [10, 10], standard: [1, 1] })).toEqual([
      'age band 1: count must be a number >= 0, got -1',
    ]);
    expect(validateDsrInput({ counts: [1, 2], populations: [10, 0], standard: [1, 1] })).toEqual([
      'age band 2: population must be > 0, got 0',
    ]);
    expect(validateDsrInput({ counts: [1, 2], populations: [10, 10], standard: [1, -1] })).toEqual([
      'age band 2: standard population must be >= 0, got -1',
    ]);
    expect(dsr({ counts: [1, 2], populations: [10, 10], standard: [1, 1], confidence: 2 }).ok).toBe(
      false,
    );
  });
});

describe('PHE reference: testdata_DSR_ISR.xlsx (DSR)', () => {
  it('big, small and tiny areas and the ESP1976 area match testresults_DSR', async () => {
    const areas = new Map<string, { counts: number[]; pops: number[]; standard?: number[] }>();
    for (const r of await sheet('testdata_multiarea')) {
      const area = String(r['area']);
      const a = areas.get(area) ?? { counts: [], pops: [] };
      // The tiny area has one empty count; PHE treats a missing count as zero events
      // (its lookup gives total_count 9 for that area).
      a.counts.push(r['count'] === null ? 0 : num(r['count']));
      a.pops.push(num(r['pop']));
      areas.set(area, a);
    }
    const r1976 = await sheet('testdata_1976');
    areas.set('testdata_1976', {
      counts: r1976.map((r) => num(r['count'])),
      pops: r1976.map((r) => num(r['pop'])),
      standard: r1976.map((r) => num(r['esp1976'])),
    });
    for (const [area, total] of (await sheet('testdata_multiarea_lookup')).map((r) => [
      r['area'],
      r['total_count'],
    ])) {
      expect(areas.get(String(area))?.counts.reduce((s, x) => s + x, 0)).toBe(total);
    }

    const all = await sheet('testresults_DSR');
    expect(all.length).toBe(12);
    // The four testdata_nonind_* rows use PHE's variant for non-independent events (Dobson
    // with a variance adjusted by event frequencies, testdata_nonindepe): not implemented here.
    const results = all.filter((r) => r['method'] === 'Dobson');
    let checked = 0;
    for (const row of results) {
      const area = String(row['area']);
      const input = areas.get(area);
      if (!input) throw new Error(`no input for ${area}`);
      const multiplier = Number(/per (\d+)/.exec(String(row['statistic']))?.[1] ?? 1e5);
      const base = {
        counts: input.counts,
        populations: input.pops,
        multiplier,
        ...(input.standard ? { standard: input.standard } : {}),
      };
      const r95 = ok(dsr({ ...base, confidence: 0.95 }));
      const r998 = ok(dsr({ ...base, confidence: 0.998 }));
      expect(r95.totalCount).toBe(row['total_count']);
      expect(r95.totalPopulation).toBe(row['total_pop']);
      if (row['value'] === null) {
        expect(String(row['statistic'])).toMatch(/NA for total count < 10/);
        for (const r of [r95, r998]) {
          expect(r).toMatchObject({ value: null, lower: null, upper: null });
          expect(r.suppressed).toMatch(/< 10/);
        }
        checked++;
        continue;
      }
      const what = `${area} ${String(row['statistic'])}`;
      expectClose(r95.value, num(row['value']), REL, `${what} value`);
      expectClose(r95.lower, num(row['lower95_0cl']), REL, `${what} lower95`);
      expectClose(r95.upper, num(row['upper95_0cl']), REL, `${what} upper95`);
      if (area === 'testdata_1976') {
        // Upstream's 99.8% limits for testdata_1976 are about ten times the value (7659 and
        // 9599 around a DSR of 859 per 10,000; likewise per 100,000): an upstream fixture error,
        // so exactly these two cells per row are not taken as truth. They are exactly ten times
        // our limits (a shifted decimal point), and ours bracket the 95% limits as they should.
        expect(r998.lower ?? NaN).toBeLessThan(r95.lower ?? NaN);
        expect(r998.upper ?? NaN).toBeGreaterThan(r95.upper ?? NaN);
        expectClose(
          (r998.lower ?? NaN) * 10,
          num(row['lower99_8cl']),
          REL,
          `${what} lower99.8 (x10 upstream)`,
        );
        expectClose(
          (r998.upper ?? NaN) * 10,
          num(row['upper99_8cl']),
          REL,
          `${what} upper99.8 (x10 upstream)`,
        );
      } else {
        expectClose(r998.lower, num(row['lower99_8cl']), REL, `${what} lower99.8`);
        expectClose(r998.upper, num(row['upper99_8cl']), REL, `${what} upper99.8`);
      }
      checked++;
    }
    expect(checked).toBe(8);
  });

  it('rejects the error sheets testdata_err1..4', async () => {
    const fromStd = async (name: string) => {
      const rows = await sheet(name);
      return dsr({
        counts: rows.map((r) => num(r['count'])),
        populations: rows.map((r) => num(r['pop'])),
        standard: rows.map((r) => num(r['stdpop'])),
      });
    };
    const err1 = await fromStd('testdata_err1');
    expect(err1).toEqual({
      ok: false,
      errors: ['age band 6: count must be a number >= 0, got -26'],
    });
    const err3 = await fromStd('testdata_err3');
    expect(err3).toEqual({ ok: false, errors: ['age band 2: population must be > 0, got -558'] });
    const err4 = await fromStd('testdata_err4');
    expect(err4).toEqual({
      ok: false,
      errors: ['age band 6: standard population must be >= 0, got -6000'],
    });

    // err2: two areas on the default ESP2013; Area1 has a zero population in band 2.
    const rows = await sheet('testdata_err2');
    const byArea = new Map<string, Row[]>();
    for (const r of rows)
      byArea.set(String(r['area']), [...(byArea.get(String(r['area'])) ?? []), r]);
    const area1 = byArea.get('Area1') ?? [];
    const area2 = byArea.get('Area2') ?? [];
    const res1 = dsr({
      counts: area1.map((r) => num(r['count'])),
      populations: area1.map((r) => num(r['pop'])),
    });
    expect(res1).toEqual({ ok: false, errors: ['age band 2: population must be > 0, got 0'] });
    // The other area on its own is fine: the rejection is about Area1's input.
    expect(
      dsr({
        counts: area2.map((r) => num(r['count'])),
        populations: area2.map((r) => num(r['pop'])),
      }).ok,
    ).toBe(true);
  });
});
