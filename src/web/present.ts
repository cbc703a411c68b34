/**
 * Plain words for dates, weekdays, languages and lists in the reader's language, shared by
 * every domain's pages. Intl does the work; this file only caches its formatters.
 */
import { RTL_LANGUAGES, type UiLanguage } from './languages.ts';

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

export type TextDir = 'ltr' | 'rtl';

export function dirOf(lang: string): TextDir {
  return RTL_LANGUAGES.has(lang as UiLanguage) ? 'rtl' : 'ltr';
}

/**
 * `lang` and `dir` for a text in `textLang` shown on a page in `pageLang`: nothing when they
 * agree, else both. `lang` switches a screen reader's voice; `dir` isolates the text in its
 * own direction, so Danish inside an Arabic page keeps its full stop at the end and
 * "4000 Roskilde" in order. Spread it on the element: `<p {...textAttrs(x.textLang, lang)}>`.
 */
export function textAttrs(textLang: string, pageLang: string): { lang?: string; dir?: TextDir } {
  return textLang === pageLang ? {} : { lang: textLang, dir: dirOf(textLang) };
}

/** The same for Danish source data: addresses, organisation names, providers' notes. */
export function danishAttrs(pageLang: string): { lang?: string; dir?: TextDir } {
  return textAttrs('da', pageLang);
}

/**
 * Left-to-right text (a time, a postcode and town, a name) put into a sentence of a
 * right-to-left page, isolated with Unicode's LRI ... PDI where markup cannot reach (message
 * arguments). Unchanged on left-to-right pages.
 */
export function ltrIn(pageLang: string, text: string): string {
  return dirOf(pageLang) === 'rtl' && text ? `\u2066${text}\u2069` : text;
}

/** The same for text of unknown direction (a citizen's own words): FSI ... PDI. */
export function autoIn(pageLang: string, text: string): string {
  return dirOf(pageLang) === 'rtl' && text ? `\u2068${text}\u2069` : text;
}

// Names of languages and weekdays, remembered once looked up: Intl's lookup itself (not only
// building the formatter) costs microseconds, and a results page asks for them 60 times over.
const names = new Map<string, string>();

export function languageName(code: string, lang: UiLanguage): string {
  const key = `${lang}\u0000${code}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name =
        cached(`names:${lang}`, () => new Intl.DisplayNames([lang, 'da'], { type: 'language' })).of(
          code,
        ) ?? code;
    } catch {
      name = code;
    }
    // Codes come from stored offers (a closed list), but a bound keeps a stray one harmless.
    if (names.size < 10_000) names.set(key, name);
  }
  return name;
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
  const key = `${lang}\u0000#${weekday}`;
  let name = names.get(key);
  if (name === undefined) {
    name = cached(
      `weekday:${lang}`,
      () => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }),
    ).format(weekdayDate(weekday));
    if (names.size < 10_000) names.set(key, name);
  }
  return name;
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
