import { describe, expect, it } from 'vitest';
import { cprCentury, formatCpr, maskCpr, passesModulus11, validateCpr } from './cpr.ts';

describe('validateCpr', () => {
  it('accepts ddmmyy-ssss and ddmmyyssss and derives date and sex', () => {
    const a = validateCpr('010190-1235');
    expect(a).toMatchObject({
      ok: true,
      digits: '0101901235',
      birthDate: '1990-01-01',
      sex: 'male',
    });
    expect(validateCpr(' 0101901234 ')).toMatchObject({ ok: true, sex: 'female' });
  });

  it('refuses anything but ten digits with an optional hyphen after six', () => {
    for (const s of [
      '',
      '010190123',
      '01019012345',
      '0101-901234',
      '010190 1234',
      'abcdefghij',
      '010190--1234',
    ])
      expect(validateCpr(s)).toEqual({ ok: false, error: 'format' });
  });

  it('refuses a date part that is no date', () => {
    expect(validateCpr('320190-1234')).toEqual({ ok: false, error: 'date' });
    expect(validateCpr('011390-1234')).toEqual({ ok: false, error: 'date' });
    expect(validateCpr('000190-1234')).toEqual({ ok: false, error: 'date' });
    expect(validateCpr('310490-1234')).toEqual({ ok: false, error: 'date' });
    // 29 February: 1996 was a leap year, 1900 was not, 2000 was.
    expect(validateCpr('290296-1234')).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    expect(validateCpr('290200-1234')).toEqual({ ok: false, error: 'date' }); // 7th digit 1: 1900
    expect(validateCpr('290200-4234')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('reads the century from the 7th digit (CPR-kontoret)', () => {
    const year = (s: string) => {
      const r = validateCpr(s);
      return r.ok ? r.birthDate.slice(0, 4) : r.error;
    };
    expect(year('010136-0000')).toBe('1936'); // 0–3: 1900s
    expect(year('010105-3999')).toBe('1905');
    expect(year('010136-4000')).toBe('2036'); // 4: 00–36 → 2000s
    expect(year('010137-4000')).toBe('1937'); //    37–99 → 1900s
    expect(year('010157-5000')).toBe('2057'); // 5–8: 00–57 → 2000s
    expect(year('010158-8000')).toBe('1858'); //      58–99 → 1800s
    expect(year('010136-9000')).toBe('2036'); // 9: like 4
    expect(year('010199-9000')).toBe('1999');
    expect(cprCentury(3, 99)).toBe(1900);
    expect(cprCentury(6, 0)).toBe(2000);
  });

  it('refuses a birth date after today when told the date', () => {
    expect(validateCpr('010150-5000', '2026-01-01')).toEqual({ ok: false, error: 'future' });
    expect(validateCpr('010120-5000', '2026-01-01')).toMatchObject({ ok: true });
  });

  it('reports modulus 11 without requiring it (numbers since 2007 may fail it)', () => {
    // 0707614285 is the classic example that passes; 0101901234 does not.
    expect(passesModulus11('0707614285')).toBe(true);
    expect(validateCpr('070761-4285')).toMatchObject({ ok: true, modulus11: true });
    expect(validateCpr('010190-1234')).toMatchObject({ ok: true, modulus11: false });
  });

  it('masks as ddmmyy-xxxx and formats as ddmmyy-ssss', () => {
    expect(maskCpr('0101901234')).toBe('010190-xxxx');
    expect(formatCpr('0101901234')).toBe('010190-1234');
  });
});
