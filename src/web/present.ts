/**
 * Plain words for dates, weekdays, languages and lists in the reader's language, shared by
 * every domain's pages. Intl does the work; this file only caches its formatters.
 */
import type { UiLanguage } from './languages.ts';

// Intl formatters are costly to build (tens of microseconds each) and a results page needs
// hundreds of them: build each once per language and options.
const formatters = new Map<string, unknown>();
export function cached<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function languageName(code: string, lang: UiLanguage): string {
  try {
    return (
      cached(`names:${lang}`, () => new Intl.DisplayNames([lang, 'da'], { type: 'language' })).of(
        code,
      ) ?? code
    );
  } catch {
    return code;
  }
}

/** Items joined the way the language joins lists ("a, b og c"); `unit` leaves out the "og". */
export function listText(
  items: readonly string[],
  lang: UiLanguage,
  type: 'conjunction' | 'unit' = 'conjunction',
): string {
  return cached(
    `list:${type}:${lang}`,
    () => new Intl.ListFormat(lang, { type, style: type === 'unit' ? 'short' : 'long' }),
  ).format(items);
}

export function languagesText(codes: readonly string[], lang: UiLanguage): string {
  return listText(
    codes.map((c) => languageName(c, lang)),
    lang,
  );
}

/** A local calendar date (yyyy-mm-dd) as a Date at UTC midnight, for formatting with timeZone UTC. */
const localDate = (date: string) => new Date(`${date}T00:00:00Z`);
const weekdayDate = (i: number) => localDate(`2024-01-0${i}`); // 2024-01-01 was a Monday

export function weekdayName(weekday: number, lang: UiLanguage): string {
  return cached(
    `weekday:${lang}`,
    () => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }),
  ).format(weekdayDate(weekday));
}

export function dateText(d: Date, lang: UiLanguage): string {
  return cached(
    `date:${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Copenhagen',
      }),
  ).format(d);
}
