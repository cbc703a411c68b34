/**
 * The citizen finder's rules: reading a search from its public URL, and working out when an
 * offer next meets. Pure functions; the SQL is in offer.store.ts.
 */
import type { FieldProblem } from '../platform/errors.ts';
import { OFFER_LANGUAGES, TOPICS, type Schedule, type Topic } from './offer.ts';

export const TIMES_OF_DAY = ['morgen', 'eftermiddag', 'aften'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export const DISTANCES_KM = [2, 5, 10, 25, 50] as const;
export const PAGE_SIZE = 20;
/** Without a chosen distance, a search near a place looks this far. */
export const DEFAULT_KM = 25;

export interface FinderQuery {
  q: string;
  postnummer: string;
  /** The citizen's own position (from the browser), if shared. */
  position: { latitude: number; longitude: number } | null;
  topics: Topic[];
  language: string | null;
  interpreter: boolean;
  free: boolean;
  children: boolean;
  wheelchair: boolean;
  days: number[];
  time: TimeOfDay | null;
  mode: 'in_person' | 'online' | null;
  km: number;
  page: number;
}

type Raw = Record<string, unknown>;

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
const first = (v: unknown): string => list(v)[0]?.trim() ?? '';
const yes = (v: unknown) => ['ja', 'true', '1', 'on'].includes(first(v).toLowerCase());

/**
 * Reads the finder's public query parameters (a search is a link that can be shared):
 * q, postnummer, lat, lon, emne (repeatable), sprog, tolk, gratis, boern, koerestol,
 * dag (1-7, repeatable), tid, form (fremmoede|online), km, side.
 * Unknown values are dropped; a malformed postcode is a problem the page explains.
 */
export function parseFinderQuery(raw: Raw): { query: FinderQuery; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let postnummer = first(raw.postnummer).replace(/\s+/g, '');
  if (postnummer && !/^\d{4}$/.test(postnummer)) {
    problems.push({ path: 'postnummer', message: 'finder.error.postnummer' });
    postnummer = '';
  }
  const lat = Number(first(raw.lat));
  const lon = Number(first(raw.lon));
  const position =
    first(raw.lat) && first(raw.lon) && lat >= 54 && lat <= 58 && lon >= 8 && lon <= 16
      ? { latitude: lat, longitude: lon }
      : null;
  const km = Number(first(raw.km));
  const page = Math.trunc(Number(first(raw.side)));
  const formValue = first(raw.form);
  const time = first(raw.tid);
  const language = first(raw.sprog);
  return {
    query: {
      q: first(raw.q).slice(0, 200),
      postnummer,
      position,
      topics: list(raw.emne).filter((t): t is Topic => (TOPICS as readonly string[]).includes(t)),
      language: (OFFER_LANGUAGES as readonly string[]).includes(language) ? language : null,
      interpreter: yes(raw.tolk),
      free: yes(raw.gratis),
      children: yes(raw.boern),
      wheelchair: yes(raw.koerestol),
      days: [
        ...new Set(
          list(raw.dag)
            .map(Number)
            .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7),
        ),
      ],
      time: (TIMES_OF_DAY as readonly string[]).includes(time) ? (time as TimeOfDay) : null,
      mode: formValue === 'fremmoede' ? 'in_person' : formValue === 'online' ? 'online' : null,
      km: (DISTANCES_KM as readonly number[]).includes(km) ? km : DEFAULT_KM,
      page: Number.isFinite(page) && page >= 1 && page <= 500 ? page : 1,
    },
    problems,
  };
}

/** True when the citizen asked for anything at all (an empty finder shows no result list). */
export function isSearch(q: FinderQuery): boolean {
  return Boolean(
    q.q ||
    q.postnummer ||
    q.position ||
    q.topics.length ||
    q.language ||
    q.interpreter ||
    q.free ||
    q.children ||
    q.wheelchair ||
    q.days.length ||
    q.time ||
    q.mode,
  );
}

/**
 * Splits free text into prefix terms for to_tsquery ('gå tur' → 'gå:* & tur:*'). Only letters
 * and digits survive, so the result is always a valid tsquery; stemming happens in SQL.
 */
export function toPrefixQuery(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 8)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/** A local wall-clock moment in Copenhagen. */
export interface LocalMoment {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
}

const copenhagenClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function copenhagenNow(now: Date = new Date()): LocalMoment {
  const parts = copenhagenClock.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

const DAY_MS = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a 'YYYY-MM-DD' date: 1 Monday .. 7 Sunday. */
export const isoWeekday = (date: string) => ((((toDay(date) + 3) % 7) + 7) % 7) + 1;

/**
 * The next meeting of an offer at or after `from` (local time), across its schedules:
 * weekday, start time, every `interval_weeks` counted from `valid_from`, within validity.
 */
export function nextSession(
  schedules: readonly Schedule[],
  from: LocalMoment,
): (LocalMoment & { schedule: Schedule }) | null {
  let best: (LocalMoment & { schedule: Schedule }) | null = null;
  const today = toDay(from.date);
  for (const s of schedules) {
    const startDay = s.valid_from ? Math.max(today, toDay(s.valid_from)) : today;
    const interval = s.interval_weeks ?? 1;
    const anchor = s.valid_from ? toDay(s.valid_from) : null;
    for (let day = startDay; day < startDay + 7 * interval + 7; day++) {
      const date = fromDay(day);
      if (s.valid_to && date > s.valid_to) break;
      if (isoWeekday(date) !== s.weekday) continue;
      if (anchor !== null && interval > 1 && Math.floor((day - anchor) / 7) % interval !== 0)
        continue;
      const time = s.starts_at.slice(0, 5);
      if (day === today && time < from.time) continue;
      if (!best || date < best.date || (date === best.date && time < best.time))
        best = { date, time, schedule: s };
      break;
    }
  }
  return best;
}

/** A local date as a Date at UTC midnight, for Intl formatting with timeZone 'UTC'. */
export const localDate = (date: string) => new Date(`${date}T00:00:00Z`);
