/** Turning catalog records into plain words in the reader's language. */
import type { UiLanguage } from '../../web/languages.ts';
import type { Offer, OfferTranslation, Schedule } from '../offer.ts';
import { formatDkk, formatKm, type Translate } from '../../web/i18n.ts';
import { cached, weekdayName } from '../../web/present.ts';
import { copenhagenNow, localDate, nextSession } from '../finder.ts';

export interface LocalText {
  title: string;
  summary: string;
  description: string;
  how_to_join: string;
  /** The language the text is actually in (Danish where no translation exists). */
  textLang: UiLanguage;
}

/** The offer's text in `lang`, field by field, falling back to the Danish source. */
export function localText(
  o: Pick<Offer, 'title' | 'summary' | 'translations'> &
    Partial<Pick<Offer, 'description' | 'how_to_join'>>,
  lang: UiLanguage,
): LocalText {
  const tr: OfferTranslation = lang === 'da' ? {} : (o.translations[lang] ?? {});
  const translated = Boolean(tr.title);
  return {
    title: tr.title || o.title,
    summary: (translated && tr.summary) || o.summary,
    description: (translated && tr.description) || o.description || '',
    how_to_join: (translated && tr.how_to_join) || o.how_to_join || '',
    textLang: translated ? lang : 'da',
  };
}

export function priceText(
  o: Pick<Offer, 'free' | 'price_dkk'>,
  lang: UiLanguage,
  t: Translate,
): string {
  if (o.free || o.price_dkk === null || o.price_dkk === 0) return t('offer.free');
  return formatDkk(o.price_dkk, lang);
}

export function distanceText(
  meters: number | null,
  lang: UiLanguage,
  t: Translate,
  from: string,
): string | null {
  if (meters === null) return null;
  return t('offer.distance', { km: formatKm(meters, lang), from });
}

export function nextSessionText(
  schedules: readonly Schedule[],
  lang: UiLanguage,
  t: Translate,
  now = new Date(),
): string | null {
  const next = nextSession(schedules, copenhagenNow(now));
  if (!next) return null;
  const day = cached(
    `day:${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }),
  ).format(localDate(next.date));
  return t('offer.nextSession', { day, time: next.time });
}

export function scheduleText(s: Schedule, lang: UiLanguage, t: Translate): string {
  const key = (s.interval_weeks ?? 1) > 1 ? 'offer.scheduleEvery' : 'offer.scheduleWeekly';
  return t(key, {
    weekday: weekdayName(s.weekday, lang),
    from: s.starts_at,
    to: s.ends_at,
    weeks: s.interval_weeks ?? 1,
  });
}
