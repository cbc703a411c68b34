import { describe, expect, it } from 'vitest';
import { dawaGeocoder } from './geocoder.ts';
import type { Db } from '../../db/db.ts';

// DAWA is a national service we cannot reach in tests: a fake fetch answers as DAWA does.
const noDb = {} as Db;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('DAWA address adapter', () => {
  it('washes the address, then reads its WGS84 point', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      calls.push(url);
      if (url.includes('/datavask/adresser'))
        return json({ resultater: [{ adresse: { id: 'abc-123' } }] });
      return json({ x: 12.0803, y: 55.6415, betegnelse: 'Rådhusbuen 1, 4000 Roskilde' });
    };
    const g = dawaGeocoder(noDb, 'https://dawa.example', fake);
    expect(await g.address('Rådhusbuen 1, 4000 Roskilde')).toEqual({
      label: 'Rådhusbuen 1, 4000 Roskilde',
      latitude: 55.6415,
      longitude: 12.0803,
    });
    expect(calls[0]).toBe(
      'https://dawa.example/datavask/adresser?betegnelse=R%C3%A5dhusbuen%201%2C%204000%20Roskilde',
    );
    expect(calls[1]).toBe('https://dawa.example/adresser/abc-123?struktur=mini');
  });

  it('answers undefined when DAWA knows nothing or fails', async () => {
    expect(
      await dawaGeocoder(noDb, 'https://d', async () => json({ resultater: [] })).address('x'),
    ).toBeUndefined();
    expect(
      await dawaGeocoder(noDb, 'https://d', async () => json({}, 503)).address('x'),
    ).toBeUndefined();
  });
});
