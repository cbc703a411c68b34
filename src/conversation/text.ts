/**
 * Citizen-facing text of the conversation in all six interface languages at once. The words
 * live in the interface catalogs (src/web/messages/*.json, keys profile.*, support.*, print.*,
 * match.*), so translators work in one place and the catalog test checks them all.
 */
import { UI_LANGUAGES, type UiLanguage } from '../web/languages.ts';
import { translator, type MessageValues } from '../web/i18n.ts';
import { listText } from '../web/present.ts';
import type { LocalizedText } from './instrument.ts';

/** One text in every interface language. */
export type Text = Readonly<Record<UiLanguage, string>>;

type Value = MessageValues[string];
/** A value may differ per language (a translated name inside a sentence). */
export type TextValues = Record<string, Value | ((lang: UiLanguage) => string)>;

const translators = Object.fromEntries(UI_LANGUAGES.map((l) => [l, translator(l)])) as Record<
  UiLanguage,
  ReturnType<typeof translator>
>;

export function msg(key: string, values: TextValues = {}): Text {
  return Object.fromEntries(
    UI_LANGUAGES.map((lang) => {
      const v = Object.fromEntries(
        Object.entries(values).map(([k, x]) => [k, typeof x === 'function' ? x(lang) : x]),
      );
      return [lang, translators[lang](key, v)];
    }),
  ) as Text;
}

/** Instrument text with the Danish source wherever a translation is missing. */
export function fullText(t: LocalizedText): Text {
  return Object.fromEntries(UI_LANGUAGES.map((l) => [l, t[l] ?? t.da])) as Text;
}

/** A list of translated names joined the way each language joins lists. */
export function listIn(lang: UiLanguage, names: readonly Text[]): string {
  return listText(
    names.map((n) => n[lang]),
    lang,
  );
}
