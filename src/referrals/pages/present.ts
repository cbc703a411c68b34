/** Small helpers the referral pages share: staff languages, dates and the status's words. */
import type { UiLanguage } from '../../web/languages.ts';
import { dateText } from '../../web/present.ts';

export const STAFF_LANGUAGES: readonly UiLanguage[] = ['da', 'en'];

/** A calendar date (YYYY-MM-DD) in words. */
export const dayText = (iso: string, lang: UiLanguage) =>
  dateText(new Date(`${iso}T12:00:00Z`), lang);

export const when = (d: Date, lang: UiLanguage) =>
  new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Copenhagen',
  }).format(d);

export const base = (id: string) => `/personale/henvisninger/${id}`;
