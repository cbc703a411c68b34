/**
 * Interface text in ICU MessageFormat, one catalog per language (src/web/messages/*.json).
 * Danish is the source: every key exists in da.json, other catalogs may lag and fall back to
 * Danish per key (a test lists what is missing). Arabic is right-to-left.
 */
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';

type Catalog = Record<string, string>;

const load = (lang: UiLanguage): Catalog =>
  JSON.parse(readFileSync(new URL(`./messages/${lang}.json`, import.meta.url), 'utf8')) as Catalog;

const catalogs = Object.fromEntries(UI_LANGUAGES.map((l) => [l, load(l)])) as Record<
  UiLanguage,
  Catalog
>;
const compiled = new Map<string, IntlMessageFormat>();

export type MessageValues = Record<string, string | number | Date | boolean>;
export type Translate = (key: string, values?: MessageValues) => string;

export function translator(lang: UiLanguage): Translate {
  return (key, values) => {
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
    return String(fmt.format(values));
  };
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
