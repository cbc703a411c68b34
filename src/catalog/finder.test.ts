import { describe, expect, it } from 'vitest';
import {
  copenhagenNow,
  isoWeekday,
  nextSession,
  parseFinderQuery,
  toPrefixQuery,
  DEFAULT_KM,
} from './finder.ts';

describe('parseFinderQuery', () => {
  it('reads every public parameter, one per filter', () => {
    const { query, problems } = parseFinderQuery({
      q: ' gåtur ',
      postnummer: '4000',
      emne: ['physical_activity', 'community', 'nonsense'],
      sprog: 'ar',
      tolk: 'ja',
      gratis: 'ja',
      boern: 'ja',
      koerestol: 'ja',
      dag: ['2', '9', '2'],
      tid: 'aften',
      form: 'online',
      km: '5',
      side: '3',
    });
    expect(problems).toEqual([]);
    expect(query).toMatchObject({
      q: 'gåtur',
      postnummer: '4000',
      topics: ['physical_activity', 'community'],
      language: 'ar',
      interpreter: true,
      free: true,
      children: true,
      wheelchair: true,
      days: [2],
      time: 'aften',
      mode: 'online',
      km: 5,
      page: 3,
    });
  });

  it('names a malformed postcode and drops unknown values', () => {
    const { query, problems } = parseFinderQuery({
      postnummer: '40a0',
      km: '7',
      side: '-1',
      sprog: 'xx',
      tid: 'nat',
    });
    expect(problems).toEqual([{ path: 'postnummer', message: 'finder.error.postnummer' }]);
    expect(query).toMatchObject({
      postnummer: '',
      km: DEFAULT_KM,
      page: 1,
      language: null,
      time: null,
    });
  });

  it('accepts a position only inside Denmark', () => {
    expect(parseFinderQuery({ lat: '55.64', lon: '12.08' }).query.position).toEqual({
      latitude: 55.64,
      longitude: 12.08,
    });
    expect(parseFinderQuery({ lat: '40', lon: '12' }).query.position).toBeNull();
  });
});

describe('toPrefixQuery', () => {
  it('keeps only letters and digits, so the tsquery is always valid', () => {
    expect(toPrefixQuery("Gå-tur & ryg'stop | !")).toBe('gå:* & tur:* & ryg:* & stop:*');
    expect(toPrefixQuery('   ')).toBe('');
    expect(toPrefixQuery('مشي')).toBe('مشي:*');
  });
});

describe('nextSession', () => {
  const tuesday10 = { weekday: 2, starts_at: '10:00', ends_at: '11:30' };
  it('finds the same day later, or the next week', () => {
    expect(isoWeekday('2026-11-24')).toBe(2);
    expect(nextSession([tuesday10], { date: '2026-11-24', time: '09:00' })).toMatchObject({
      date: '2026-11-24',
      time: '10:00',
    });
    expect(nextSession([tuesday10], { date: '2026-11-24', time: '10:30' })).toMatchObject({
      date: '2026-12-01',
    });
  });

  it('picks the earliest of several schedules', () => {
    const thursday = { weekday: 4, starts_at: '18:00', ends_at: '19:00' };
    expect(nextSession([tuesday10, thursday], { date: '2026-11-25', time: '08:00' })).toMatchObject(
      { date: '2026-11-26', time: '18:00' },
    );
  });

  it('respects validity and fortnightly intervals', () => {
    const fortnightly = {
      weekday: 2,
      starts_at: '10:00',
      ends_at: '11:00',
      interval_weeks: 2,
      valid_from: '2026-11-17',
    };
    expect(nextSession([fortnightly], { date: '2026-11-23', time: '08:00' })).toMatchObject({
      date: '2026-12-01',
    });
    const ended = { ...tuesday10, valid_to: '2026-11-01' };
    expect(nextSession([ended], { date: '2026-11-23', time: '08:00' })).toBeNull();
    const later = { ...tuesday10, valid_from: '2027-01-05' };
    expect(nextSession([later], { date: '2026-11-23', time: '08:00' })).toMatchObject({
      date: '2027-01-05',
    });
  });

  it('reads the Copenhagen wall clock across daylight saving', () => {
    expect(copenhagenNow(new Date('2026-07-01T22:30:00Z'))).toEqual({
      date: '2026-07-02',
      time: '00:30',
    });
    expect(copenhagenNow(new Date('2026-12-01T22:30:00Z'))).toEqual({
      date: '2026-12-01',
      time: '23:30',
    });
  });
});
