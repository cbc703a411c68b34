/**
 * Answer time in Danish working days. The public holidays (helligdage) follow the law on
 * helligdage as amended by lov nr. 107 of 28 February 2023: Store bededag is no longer a
 * holiday from 2024. Grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag
 * (31 December) are not public holidays by law, but municipal offices close on them under the
 * collective agreements, so by default they are not working days; a municipality may count
 * them (decision 0014). Dates are calendar dates in Danish time, as `YYYY-MM-DD` strings.
 */

export interface WorkingDayRules {
  /** How many working days a receiver has to answer a new referral. */
  answerDays: number;
  /** Count 5 June as closed. */
  grundlovsdagClosed: boolean;
  /** Count 24 December as closed. */
  christmasEveClosed: boolean;
  /** Count 31 December as closed. */
  newYearsEveClosed: boolean;
}

export const DEFAULT_WORKING_DAY_RULES: WorkingDayRules = {
  answerDays: 2,
  grundlovsdagClosed: true,
  christmasEveClosed: true,
  newYearsEveClosed: true,
};

/** A calendar date without time: days since 1970-01-01 in UTC arithmetic. */
const toDay = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;
const fromDay = (d: number): string => new Date(d * 864e5).toISOString().slice(0, 10);

export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

/** Easter Sunday (Gregorian), the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type HolidayName =
  | 'nytaarsdag'
  | 'skaertorsdag'
  | 'langfredag'
  | 'paaskedag'
  | 'anden_paaskedag'
  | 'store_bededag'
  | 'kristi_himmelfartsdag'
  | 'pinsedag'
  | 'anden_pinsedag'
  | 'grundlovsdag'
  | 'juleaftensdag'
  | 'juledag'
  | 'anden_juledag'
  | 'nytaarsaftensdag';

/** The year's closed days (public holidays plus the ones the rules close), by date. */
export function closedDays(
  year: number,
  rules: WorkingDayRules = DEFAULT_WORKING_DAY_RULES,
): Map<string, HolidayName> {
  const easter = easterSunday(year);
  const days = new Map<string, HolidayName>([
    [`${year}-01-01`, 'nytaarsdag'],
    [addDays(easter, -3), 'skaertorsdag'],
    [addDays(easter, -2), 'langfredag'],
    [easter, 'paaskedag'],
    [addDays(easter, 1), 'anden_paaskedag'],
    [addDays(easter, 39), 'kristi_himmelfartsdag'],
    [addDays(easter, 49), 'pinsedag'],
    [addDays(easter, 50), 'anden_pinsedag'],
    [`${year}-12-25`, 'juledag'],
    [`${year}-12-26`, 'anden_juledag'],
  ]);
  // The fourth Friday after Easter, abolished as a holiday from 2024.
  if (year < 2024) days.set(addDays(easter, 26), 'store_bededag');
  if (rules.grundlovsdagClosed) days.set(`${year}-06-05`, 'grundlovsdag');
  if (rules.christmasEveClosed) days.set(`${year}-12-24`, 'juleaftensdag');
  if (rules.newYearsEveClosed) days.set(`${year}-12-31`, 'nytaarsaftensdag');
  return days;
}

/** ISO weekday, 1 Monday .. 7 Sunday. */
export const isoWeekday = (iso: string): number => ((((toDay(iso) + 3) % 7) + 7) % 7) + 1;

export function isWorkingDay(
  iso: string,
  rules: WorkingDayRules = DEFAULT_WORKING_DAY_RULES,
): boolean {
  if (isoWeekday(iso) >= 6) return false;
  return !closedDays(+iso.slice(0, 4), rules).has(iso);
}

/**
 * The last day of the answer time for something received on `received` (any day): counting
 * starts the next working day, so a referral received Friday is due Tuesday with 2 days, one
 * received on Saturday likewise.
 */
export function answerDue(
  received: string,
  rules: WorkingDayRules = DEFAULT_WORKING_DAY_RULES,
): string {
  let day = received;
  let left = Math.max(0, Math.floor(rules.answerDays));
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, rules)) left -= 1;
  }
  return day;
}

/** The calendar date in Denmark of an instant (the answer time counts Danish days). */
export function danishDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return parts;
}

/** Overdue: still waiting for an answer after the due date has passed (in Danish time). */
export function isOverdue(due: string | null, waiting: boolean, now: Date): boolean {
  return waiting && due !== null && danishDate(now) > due;
}
