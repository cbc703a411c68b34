/**
 * The import hands rows to the database as one array literal of the table's own records
 * (import.batch.ts); these read such literals back through the same unnest on both engines,
 * so a quoting mistake shows as a wrong value, not only as a differently written string.
 */
import { expect, it } from 'vitest';
import { eachEngine } from '../../../test/support/db.ts';
import { formatRespondents, formatSums } from './import.batch.ts';

eachEngine('record literals read back', (ctx) => {
  it('respondents: every slot, NULLs, odd characters in a text field, float precision', async () => {
    // Area codes are four digits after validation; these only prove the quoting holds.
    const batch = [
      {
        line: 2,
        year: 2021,
        area: 'a"\\c',
        weight: 0.1 + 0.2,
        dims: [2, null],
        answers: [null, 1, 0] as (0 | 1 | null)[],
      },
      {
        line: 70000,
        year: 2017,
        area: ',(y)',
        weight: 1e-7,
        dims: [null, 300],
        answers: [1, 1, 1] as (0 | 1 | null)[],
      },
    ];
    const lit = formatRespondents(batch, 2, 3).literal;
    const rows = await ctx.db.query<Record<string, unknown>>(
      `select line, year, area, weight, d1, d2, d3, d8, y1, y2, y3, y4, y64
         from unnest($1::monitor_respondent[]) u`,
      [lit],
    );
    expect(rows).toEqual(
      batch.map((r) => ({
        line: r.line,
        year: r.year,
        area: r.area,
        weight: r.weight,
        d1: r.dims[0],
        d2: r.dims[1],
        d3: null,
        d8: null,
        y1: r.answers[0],
        y2: r.answers[1],
        y3: r.answers[2],
        y4: null,
        y64: null,
      })),
    );
  });

  it('sums: full float precision', async () => {
    const sum = { indicator: 40, dim: 6, category: 4, year: 2021, area: '0751', n: 70000, n1: 1 };
    const floats = { sw: 0.1 + 0.2, sw2: 1 / 3, swy: 123456.789012345, sw2y: 1e-300 };
    const [row] = await ctx.db.query<Record<string, unknown>>(
      `select indicator, dim, category, year, area, n, n1, sw, sw2, swy, sw2y
         from unnest($1::monitor_aggregate[]) u`,
      [formatSums([{ ...sum, ...floats }]).literal],
    );
    expect(row).toEqual({ ...sum, ...floats });
  });
});
