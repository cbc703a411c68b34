import { describe, expect, it } from 'vitest';
import { readBirthDate, readSearch } from './search-form.ts';

describe('the admin search form', () => {
  it('reads a birth date in Danish or ISO form, and refuses a non-date', () => {
    expect(readBirthDate('01-02-1990')).toBe('1990-02-01');
    expect(readBirthDate('1.2.1990')).toBe('1990-02-01');
    expect(readBirthDate('1990-02-01')).toBe('1990-02-01');
    expect(readBirthDate('31-02-1990')).toBeNull();
    expect(readBirthDate('1990')).toBeNull();
  });

  it('searches by CPR number first, else needs both name and birth date', () => {
    expect(readSearch({ cpr: '0101901234', navn: 'x', foedselsdato: '' }).search).toEqual({
      cpr: '0101901234',
    });
    expect(readSearch({ cpr: '', navn: '', foedselsdato: '' }).problems).toEqual([
      { path: 'cpr', message: 'people.error.searchEmpty' },
    ]);
    expect(readSearch({ cpr: '', navn: 'Ann', foedselsdato: 'i går' }).problems).toEqual([
      { path: 'foedselsdato', message: 'people.error.birthDate' },
    ]);
    // A missing date is asked for; a malformed one is told its form.
    expect(readSearch({ cpr: '', navn: 'Ann', foedselsdato: '' }).problems).toEqual([
      { path: 'foedselsdato', message: 'people.error.birthDateMissing' },
    ]);
    expect(readSearch({ cpr: '', navn: 'Ann', foedselsdato: '2-3-1980' }).search).toEqual({
      name: 'Ann',
      birthDate: '1980-03-02',
    });
  });
});
