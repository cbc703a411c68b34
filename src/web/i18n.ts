/**
 * Interface text in ICU MessageFormat, one catalog per language: src/web/messages/<lang>.json
 * and, for a domain that keeps its own texts, src/web/messages/<part>/<lang>.json (merged; a key
 * defined twice is an error, so parts can be written side by side without clashing).
 * Danish is the source: every key exists in Danish, other catalogs may lag and fall back to
 * Danish per key (a test lists what is missing). Arabic is right-to-left.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';

type Catalog = Record<string, string>;

const MESSAGES = new URL('./messages/', import.meta.url);
const readCatalog = (url: URL): Catalog => JSON.parse(readFileSync(url, 'utf8')) as Catalog;

/** One language's whole catalog: the main file merged with every part's file of that language. */
export function loadCatalog(lang: string): Catalog {
  const catalog = readCatalog(new URL(`${lang}.json`, MESSAGES));
  const parts = readdirSync(MESSAGES, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const part of parts.map((e) => e.name).sort()) {
    let own: Catalog;
    try {
      own = readCatalog(new URL(`${part}/${lang}.json`, MESSAGES));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    for (const [key, text] of Object.entries(own)) {
      if (key in catalog) throw new Error(`Message key ${key} is defined twice (${part}/${lang})`);
      catalog[key] = text;
    }
  }
  return catalog;
}

const catalogs = Object.fromEntries(UI_LANGUAGES.map((l) => [l, loadCatalog(l)])) as Record<
  UiLanguage,
  Catalog
>;
const compiled = new Map<string, IntlMessageFormat>();
/** Messages without arguments, formatted once per language (a page asks for dozens). */
const plain = new Map<string, string>();

export type MessageValues = Record<string, string | number | Date | boolean>;
export type Translate = (key: string, values?: MessageValues) => string;

export function translator(lang: UiLanguage): Translate {
  return (key, values) => {
    const plainKey = `${lang}\u0000${key}`;
    if (values === undefined) {
      const done = plain.get(plainKey);
      if (done !== undefined) return done;
    }
    const own = catalogs[lang][key];
    const source = own ?? catalogs.da[key];
    if (source === undefined) throw new Error(`Unknown message key: ${key}`);
    const locale = own === undefined ? 'da' : lang;
    const cacheKey = `${locale}\u0000${key}`;
    let fmt = compiled.get(cacheKey);
    if (!fmt) {
      fmt = new IntlMessageFormat(source, locale);
      compiled.set(cacheKey, fmt);
    }
    const text = String(fmt.format(values));
    if (values === undefined) plain.set(plainKey, text);
    return text;
  };
}

/**
 * The language a message is shown in: the page's, or Danish where the page's language lacks it
 * (staff-only texts are in Danish and English); a link in another language than the page's is
 * marked with `lang` so a screen reader speaks it right.
 */
export function messageLanguage(lang: UiLanguage, key: string): UiLanguage {
  return catalogs[lang][key] === undefined ? 'da' : lang;
}

/** Keys in Danish that a language lacks (for the completeness test and translators). */
export function missingKeys(lang: UiLanguage): string[] {
  return Object.keys(catalogs.da).filter((k) => catalogs[lang][k] === undefined);
}

export function messageKeys(lang: UiLanguage): string[] {
  return Object.keys(catalogs[lang]);
}

/** Formats distances and prices the way each locale writes them. */
// Built once per language: constructing Intl formatters costs far more than using them.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(
  key: string,
  lang: UiLanguage,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let f = numberFormats.get(`${key}:${lang}`);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    numberFormats.set(`${key}:${lang}`, f);
  }
  return f;
}

export function formatKm(meters: number, lang: UiLanguage): string {
  const km = meters / 1000;
  return km < 10
    ? numberFormat('km1', lang, { maximumFractionDigits: 1 }).format(km)
    : numberFormat('km0', lang, { maximumFractionDigits: 0 }).format(km);
}

export function formatDkk(amount: number, lang: UiLanguage): string {
  return numberFormat('dkk', lang, {
    style: 'currency',
    currency: 'DKK',
    maximumFractionDigits: 0,
  }).format(amount);
}
