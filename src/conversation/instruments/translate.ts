/**
 * Item and option texts in Arabic, Turkish, Somali and Ukrainian, so the citizen can read each
 * question in their own language beside the Danish one. One file per language
 * (i18n/<lang>.json) maps the Danish text to its translation: the same Danish words get the
 * same translation wherever they occur (WHO-5's six answer options are written once).
 * `npm run conversation:strings` lists every Danish text with its English, for translators.
 */
import { readFileSync } from 'node:fs';
import type { Instrument, LocalizedText } from '../instrument.ts';

export const ITEM_TRANSLATION_LANGUAGES = ['ar', 'tr', 'so', 'uk'] as const;
export type ItemTranslationLanguage = (typeof ITEM_TRANSLATION_LANGUAGES)[number];
export type TranslationTable = Readonly<Record<string, string>>;

export function loadTranslationTables(): Record<ItemTranslationLanguage, TranslationTable> {
  return Object.fromEntries(
    ITEM_TRANSLATION_LANGUAGES.map((l) => [
      l,
      JSON.parse(
        readFileSync(new URL(`./i18n/${l}.json`, import.meta.url), 'utf8'),
      ) as TranslationTable,
    ]),
  ) as Record<ItemTranslationLanguage, TranslationTable>;
}

/** Every Danish text a citizen reads in the instrument (title, items, options, units). */
export function citizenTexts(inst: Instrument): LocalizedText[] {
  const out: LocalizedText[] = [inst.title];
  for (const item of inst.items) {
    out.push(item.text);
    if (item.unit) out.push(item.unit);
    for (const o of item.options) out.push(o.label);
  }
  return out;
}

const fill = (
  t: LocalizedText,
  tables: Record<ItemTranslationLanguage, TranslationTable>,
): LocalizedText => {
  const out: LocalizedText = { ...t };
  for (const l of ITEM_TRANSLATION_LANGUAGES) {
    const tr = tables[l][t.da];
    if (out[l] === undefined && tr) out[l] = tr;
  }
  return out;
};

/** The instrument with translations filled in where the instrument itself has none. */
export function translateInstrument(
  inst: Instrument,
  tables: Record<ItemTranslationLanguage, TranslationTable>,
): Instrument {
  return {
    ...inst,
    title: { ...fill(inst.title, tables), en: inst.title.en },
    items: inst.items.map((item) => ({
      ...item,
      text: fill(item.text, tables),
      ...(item.unit ? { unit: fill(item.unit, tables) } : {}),
      options: item.options.map((o) => ({ ...o, label: fill(o.label, tables) })),
    })),
  };
}

/** Danish texts a language lacks (the completeness test, and translators' to-do list). */
export function missingTranslations(
  instruments: readonly Instrument[],
  table: TranslationTable,
): string[] {
  const all = new Set(instruments.flatMap((i) => citizenTexts(i).map((t) => t.da)));
  return [...all].filter((da) => !table[da]);
}
