import { describe, expect, it } from 'vitest';
import { progressReporter } from './microdata.cli.ts';
import { aggregateSql } from './aggregate.sql.ts';

const sink = (isTTY: boolean) => {
  let text = '';
  return { err: { isTTY, write: (s: string) => void (text += s) }, text: () => text };
};

describe('progressReporter', () => {
  it('rewrites one line on a terminal', () => {
    const s = sink(true);
    const p = progressReporter(s.err);
    p.report('reading', 412000, 1000000);
    p.report('aggregating', 0, 1);
    p.end();
    expect(s.text()).toBe(
      `\r${'Læser  412.000 / 1.000.000 rækker  41 %'.padEnd(60)}\r${'Beregner summer …'.padEnd(60)}\n`,
    );
  });

  it('logs a line per 10 % otherwise', () => {
    const s = sink(false);
    const p = progressReporter(s.err);
    for (let d = 0; d <= 1000; d += 50) p.report('reading', d, 1000);
    p.report('aggregating', 0, 1);
    p.report('aggregating', 1, 1);
    p.report('done', 1000, 1000);
    p.end();
    const lines = s.text().trim().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('Læser  0 / 1.000 rækker  0 %');
    expect(lines[10]).toBe('Læser  1.000 / 1.000 rækker  100 %');
    expect(lines[11]).toBe('Beregner summer …');
  });
});

describe('aggregateSql', () => {
  it('has one group per dimension plus the total and one VALUES row per indicator', () => {
    const sql = aggregateSql(2, 3);
    expect(sql.match(/group by/g)).toHaveLength(3);
    expect(sql).toContain('group by year, area, d2');
    expect(sql).toContain('(3, g.n_3, g.n1_3, g.sw_3, g.sw2_3, g.swy_3, g.sw2y_3)');
    expect(sql).not.toContain('y4');
  });
});
