/**
 * The citizen finder's rules: reading a search from its public URL, and working out when an
 * offer next meets. Pure functions; the SQL is in offer.store.ts.
 */
import type { FieldProblem } from '../platform/errors.ts';
import { OFFER_LANGUAGES, TOPICS, type Schedule, type Topic } from './offer.ts';
import { DANISH_STOP_WORDS, IDIOMS, RELATED_WORDS } from './search-words.ts';

export const TIMES_OF_DAY = ['morgen', 'eftermiddag', 'aften'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export const DISTANCES_KM = [2, 5, 10, 25, 50] as const;
export const PAGE_SIZE = 20;
/** Without a chosen distance, a search near a place looks this far. */
export const DEFAULT_KM = 25;
/** How a citizen may order the results: URL value → meaning. */
export const SORTS = { relevans: 'relevance', afstand: 'distance', tid: 'next' } as const;
export type FinderSort = (typeof SORTS)[keyof typeof SORTS];
export const sortParam = (sort: FinderSort): string =>
  Object.entries(SORTS).find(([, v]) => v === sort)![0];

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
  /** The citizen's chosen order; null is the default (see effectiveSort). */
  sort: FinderSort | null;
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
 * dag (1-7, repeatable), tid, form (fremmoede|online), km, side, sortering (relevans|afstand|tid).
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
  const sort = first(raw.sortering);
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
      sort: Object.hasOwn(SORTS, sort) ? SORTS[sort as keyof typeof SORTS] : null,
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
  return searchTerms(text)
    .map((t) => `${t.word}:*`)
    .join(' & ');
}

// ---------------------------------------------------------------------------------------------
// Relevance (decision 0011)

/** One searched word with the related words a citizen most likely means by it. */
export interface SearchTerm {
  word: string;
  related: string[];
  /** A PostgreSQL regular expression for idioms in which the word does not mean itself. */
  idiom: string | null;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const ENDINGS = ['erne', 'ene', 'er', 'en', 'et', 'e', 's'];
/** The key of a word list for a word or a simple inflection of it ("seniorer" → "senior"). */
function listKey<T>(list: Readonly<Record<string, T>>, word: string): T | undefined {
  if (Object.hasOwn(list, word)) return list[word];
  for (const end of ENDINGS) {
    const stem = word.slice(0, -end.length);
    if (word.endsWith(end) && stem.length >= 3 && Object.hasOwn(list, stem)) return list[stem];
  }
  return undefined;
}

/** The words of a search, without Danish stop words (unless nothing else is left), at most 8. */
export function searchTerms(text: string): SearchTerm[] {
  const all = [...new Set(words(text))];
  const kept = all.filter((w) => !DANISH_STOP_WORDS.has(w));
  return (kept.length ? kept : all).slice(0, 8).map((word) => ({
    word,
    related: (listKey(RELATED_WORDS, word) ?? []).filter((r) => r !== word),
    idiom: listKey(IDIOMS, word) ?? null,
  }));
}

export type MatchField = 'title' | 'summary' | 'translation' | 'description';
export type MatchKind = 'word' | 'prefix' | 'related';

/**
 * Where a word matched and how, best first, with its points. A term scores the points of its
 * best tier; an offer's text score is the sum over the searched words. Titles outrank
 * summaries (and the translations, which carry no field weights), which outrank
 * descriptions; within a field a whole word (any Danish inflection: "gåture" is "gåtur")
 * outranks a longer word it begins or a compound it ends ("yoga" in "yogahold", "gang" in
 * "stavgang"), which outranks a related word ("gåtur" for "gang").
 */
export const MATCH_TIERS: readonly { field: MatchField; kind: MatchKind; points: number }[] = [
  { field: 'title', kind: 'word', points: 10 },
  { field: 'title', kind: 'prefix', points: 7 },
  { field: 'title', kind: 'related', points: 6 },
  { field: 'summary', kind: 'word', points: 4 },
  { field: 'summary', kind: 'prefix', points: 3 },
  { field: 'translation', kind: 'word', points: 3 },
  { field: 'summary', kind: 'related', points: 2 },
  { field: 'description', kind: 'word', points: 2 },
  { field: 'description', kind: 'prefix', points: 1 },
  { field: 'description', kind: 'related', points: 1 },
];

/**
 * Distance's share of the blend: the text score is multiplied by 1 / (1 + km / 5), so an
 * offer 5 km away counts half, 10 km a third. A title match 10 km away (10 / 3 = 3.3) still
 * comes before a description match next door (2). Online offers count as 5 km away.
 */
export const DISTANCE_HALF_KM = 5;
export const distanceFactor = (meters: number | null) =>
  1 / (1 + (meters ?? DISTANCE_HALF_KM * 1000) / (DISTANCE_HALF_KM * 1000));

/** The blended score the finder orders by (the same formula as the SQL in offer.store.ts). */
export const blendedScore = (textScore: number, meters: number | null, withPlace: boolean) =>
  withPlace ? textScore * distanceFactor(meters) : textScore;

/**
 * A tsquery of the words (letters and digits only, so always valid): whole words, or prefixes,
 * optionally in one weight (A title, B summary, C description), joined with |.
 */
export function orQuery(
  ws: readonly string[],
  opts: { prefix: boolean; weight?: 'A' | 'B' | 'C' },
) {
  const mark = `${opts.prefix ? '*' : ''}${opts.weight ?? ''}`;
  return ws.map((w) => (mark ? `${w}:${mark}` : w)).join(' | ');
}

/** All terms must match ('all'), or any of them (the retry when all found nothing). */
export function filterQuery(terms: readonly SearchTerm[], mode: 'all' | 'any'): string {
  return terms
    .map((t) => `(${orQuery([t.word, ...t.related], { prefix: true })})`)
    .join(mode === 'all' ? ' & ' : ' | ');
}

/** The order the finder uses: the citizen's choice where it applies, else the best default. */
export function effectiveSort(query: FinderQuery, withPlace: boolean): FinderSort {
  if (query.sort === 'distance' && !withPlace) return 'relevance';
  if (query.sort) return query.sort;
  return query.q || !withPlace ? 'relevance' : 'distance';
}

/** Why an offer matched, for the result list: fields in tier order, with the words found. */
export interface MatchReason {
  field: MatchField | 'similar';
  words: { word: string; forTerm: string | null }[];
}

/**
 * Reads the best tier of each term (1-based index into MATCH_TIERS, 0 none) into reasons. A
 * related match names the related word when the title or summary shows it, so the citizen
 * sees "gåtur (for gang)" rather than a word the offer does not contain.
 */
export function matchReasons(
  terms: readonly SearchTerm[],
  tiers: readonly number[],
  shown: { title: string; summary: string },
): MatchReason[] {
  const byField = new Map<MatchField, MatchReason['words']>();
  terms.forEach((term, i) => {
    const tier = MATCH_TIERS[(tiers[i] ?? 0) - 1];
    if (!tier) return;
    let word = term.word;
    let forTerm: string | null = null;
    if (tier.kind === 'related') {
      const text = (tier.field === 'summary' ? shown.summary : shown.title).toLowerCase();
      const seen = term.related.find((r) => text.includes(r.toLowerCase()));
      if (seen) {
        word = seen;
        forTerm = term.word;
      }
    }
    byField.set(tier.field, [...(byField.get(tier.field) ?? []), { word, forTerm }]);
  });
  return MATCH_TIERS.map((t) => t.field)
    .filter((f, i, all) => all.indexOf(f) === i && byField.has(f))
    .map((field) => ({ field, words: byField.get(field)! }));
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

// The last minute asked for: a request asks twice, and formatToParts costs tens of microseconds.
// Copenhagen's offset from UTC is whole hours, so one UTC minute is one local minute.
let lastMinute: { minute: number; moment: LocalMoment } | undefined;

export function copenhagenNow(now: Date = new Date()): LocalMoment {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastMinute?.minute !== minute) {
    const parts = copenhagenClock.formatToParts(now);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
    const moment = {
      date: `${get('year')}-${get('month')}-${get('day')}`,
      time: `${get('hour')}:${get('minute')}`,
    };
    lastMinute = { minute, moment };
  }
  return { ...lastMinute.moment };
}

const DAY_MS = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a day number (days since 1970-01-01, a Thursday): 1 Monday .. 7 Sunday. */
const weekdayOfDay = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
/** ISO weekday of a 'YYYY-MM-DD' date: 1 Monday .. 7 Sunday. */
export const isoWeekday = (date: string) => weekdayOfDay(toDay(date));

/**
 * The next meeting of an offer at or after `from` (local time), across its schedules:
 * weekday, start time, every `interval_weeks` counted from `valid_from`, within validity.
 */
export function nextSession(
  schedules: readonly Schedule[],
  from: LocalMoment,
): (LocalMoment & { schedule: Schedule }) | null {
  let best: (LocalMoment & { schedule: Schedule }) | null = null;
  let bestDay = 0;
  const today = toDay(from.date);
  // Days as numbers, not date strings: a results page runs this for 20 offers, up to 21 days
  // each (issue 16). 'YYYY-MM-DD' strings compare as their day numbers do.
  for (const s of schedules) {
    const startDay = s.valid_from ? Math.max(today, toDay(s.valid_from)) : today;
    const interval = s.interval_weeks ?? 1;
    const anchor = s.valid_from ? toDay(s.valid_from) : null;
    const lastDay = s.valid_to ? toDay(s.valid_to) : Infinity;
    for (let day = startDay; day < startDay + 7 * interval + 7; day++) {
      if (day > lastDay) break;
      if (weekdayOfDay(day) !== s.weekday) continue;
      if (anchor !== null && interval > 1 && Math.floor((day - anchor) / 7) % interval !== 0)
        continue;
      const time = s.starts_at.slice(0, 5);
      if (day === today && time < from.time) continue;
      if (!best || day < bestDay || (day === bestDay && time < best.time)) {
        best = { date: fromDay(day), time, schedule: s };
        bestDay = day;
      }
      break;
    }
  }
  return best;
}

/** A local date as a Date at UTC midnight, for Intl formatting with timeZone 'UTC'. */
export const localDate = (date: string) => new Date(`${date}T00:00:00Z`);
