import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KOMMUNER, REGIONS, kommune, normaliseKommuneCode, regionOf } from './kommuner.ts';

describe('kommuner', () => {
  it('lists 98 distinct municipalities across the five regions', () => {
    expect(KOMMUNER).toHaveLength(98);
    expect(new Set(KOMMUNER.map((k) => k.code)).size).toBe(98);
    const per = (r: string) => KOMMUNER.filter((k) => k.region === r).length;
    expect(REGIONS.map((r) => per(r.code))).toEqual([11, 19, 22, 29, 17]);
  });
  it('covers every kommune in the postcode table', () => {
    const rows = readFileSync(new URL('../../platform/geo/postcodes.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    for (const r of rows) expect(kommune(r.split(',')[2]!), r).toBeDefined();
  });
  it('normalises short codes', () => {
    expect(normaliseKommuneCode(' 265 ')).toBe('0265');
    expect(regionOf('0265')).toBe('1085');
    expect(normaliseKommuneCode('abc')).toBe('abc');
  });
});
