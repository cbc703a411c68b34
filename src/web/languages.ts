/** The languages the interface speaks. Danish is the source language; Arabic reads right to left. */

export const UI_LANGUAGES = ['da', 'en', 'ar', 'tr', 'so', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const RTL_LANGUAGES: ReadonlySet<UiLanguage> = new Set(['ar']);

/** Each language's own name, for the language switcher. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  da: 'Dansk',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  so: 'Soomaali',
  uk: 'Українська',
};

export function isUiLanguage(v: unknown): v is UiLanguage {
  return typeof v === 'string' && (UI_LANGUAGES as readonly string[]).includes(v);
}
