import { describe, expect, it } from 'vitest';
import {
  answerDue,
  closedDays,
  danishDate,
  DEFAULT_WORKING_DAY_RULES,
  easterSunday,
  isOverdue,
  isWorkingDay,
  isoWeekday,
} from './working-days.ts';

describe('Easter and the movable holidays', () => {
  it.each([
    [2019, '2019-04-21'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('names every Danish public holiday of 2025 on its date', () => {
    const days = Object.fromEntries([...closedDays(2025)].map(([d, n]) => [n, d]));
    expect(days).toEqual({
      nytaarsdag: '2025-01-01',
      skaertorsdag: '2025-04-17',
      langfredag: '2025-04-18',
      paaskedag: '2025-04-20',
      anden_paaskedag: '2025-04-21',
      kristi_himmelfartsdag: '2025-05-29',
      pinsedag: '2025-06-08',
      anden_pinsedag: '2025-06-09',
      grundlovsdag: '2025-06-05',
      juleaftensdag: '2025-12-24',
      juledag: '2025-12-25',
      anden_juledag: '2025-12-26',
      nytaarsaftensdag: '2025-12-31',
    });
  });

  it('keeps Store bededag until 2023 and drops it from 2024', () => {
    expect(closedDays(2023).get('2023-05-05')).toBe('store_bededag');
    expect([...closedDays(2024).values()]).not.toContain('store_bededag');
    expect(isWorkingDay('2024-04-26')).toBe(true);
    expect(isWorkingDay('2023-05-05')).toBe(false);
  });

  it('weekdays', () => {
    expect(isoWeekday('2025-06-02')).toBe(1);
    expect(isoWeekday('2025-06-08')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3);
    expect(isWorkingDay('2025-06-07')).toBe(false);
    expect(isWorkingDay('2025-06-10')).toBe(true);
  });
});

describe('answer due within 2 working days', () => {
  it.each([
    ['an ordinary Monday', '2025-06-02', '2025-06-04'],
    ['a Friday', '2025-05-02', '2025-05-06'],
    ['a Saturday', '2025-05-03', '2025-05-06'],
    ['before Easter', '2025-04-16', '2025-04-23'],
    ['before Kristi himmelfartsdag', '2025-05-28', '2025-06-02'],
    ['before Grundlovsdag and 2. pinsedag', '2025-06-04', '2025-06-10'],
    ['before Christmas', '2025-12-23', '2025-12-30'],
    ['across New Year', '2025-12-30', '2026-01-05'],
    ['before Store bededag 2023', '2023-05-04', '2023-05-09'],
    ['on the old Store bededag 2024', '2024-04-25', '2024-04-29'],
  ])('received %s (%s) is due %s', (_what, received, due) => {
    expect(answerDue(received)).toBe(due);
  });

  it('follows the municipality’s choices', () => {
    const open = {
      ...DEFAULT_WORKING_DAY_RULES,
      grundlovsdagClosed: false,
      christmasEveClosed: false,
      newYearsEveClosed: false,
    };
    expect(answerDue('2025-06-04', open)).toBe('2025-06-06');
    expect(answerDue('2025-12-23', open)).toBe('2025-12-29');
    expect(answerDue('2025-12-30', open)).toBe('2026-01-02');
    expect(answerDue('2025-06-02', { ...DEFAULT_WORKING_DAY_RULES, answerDays: 5 })).toBe(
      '2025-06-11',
    );
    expect(answerDue('2025-06-02', { ...DEFAULT_WORKING_DAY_RULES, answerDays: 0 })).toBe(
      '2025-06-02',
    );
  });
});

describe('Danish dates and overdue', () => {
  it('reads the calendar date in Danish time', () => {
    expect(danishDate(new Date('2025-06-04T22:30:00Z'))).toBe('2025-06-05');
    expect(danishDate(new Date('2025-01-04T22:30:00Z'))).toBe('2025-01-04');
    expect(danishDate(new Date('2025-01-04T23:30:00Z'))).toBe('2025-01-05');
  });

  it('is overdue only after the due day and only while waiting', () => {
    const at = new Date('2025-06-05T10:00:00Z');
    expect(isOverdue('2025-06-04', true, at)).toBe(true);
    expect(isOverdue('2025-06-05', true, at)).toBe(false);
    expect(isOverdue('2025-06-04', false, at)).toBe(false);
    expect(isOverdue(null, true, at)).toBe(false);
  });
});
