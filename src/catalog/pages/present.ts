/** Turning catalog records into plain words in the reader's language. */
import type { UiLanguage } from '../../web/languages.ts';
import type { Offer, OfferTranslation, Schedule } from '../offer.ts';
import { formatDkk, formatKm, type Translate } from '../../web/i18n.ts';
import { cached, ltrIn, weekdayName } from '../../web/present.ts';
import { copenhagenNow, localDate, nextSession, type LocalMoment } from '../finder.ts';

export interface LocalText {
  title: string;
  summary: string;
  description: string;
  how_to_join: string;
  /** The language the title is actually in (Danish where no translation exists). */
  textLang: UiLanguage;
  /** Each field's language: a translation may lack a summary or description. */
  langs: Record<'title' | 'summary' | 'description' | 'how_to_join', UiLanguage>;
  /** Some of the text shown is Danish on a page in another language. */
  danish: 'none' | 'part' | 'all';
}

/** The offer's text in `lang`, field by field, falling back to the Danish source. */
export function localText(
  o: Pick<Offer, 'title' | 'summary' | 'translations'> &
    Partial<Pick<Offer, 'description' | 'how_to_join'>>,
  lang: UiLanguage,
): LocalText {
  const tr: OfferTranslation = lang === 'da' ? {} : (o.translations[lang] ?? {});
  const translated = Boolean(tr.title);
  const pick = (own: string | undefined, source: string): [string, UiLanguage] =>
    translated && own ? [own, lang] : [source, 'da'];
  const title = pick(tr.title, o.title);
  const summary = pick(tr.summary, o.summary);
  const description = pick(tr.description, o.description ?? '');
  const howToJoin = pick(tr.how_to_join, o.how_to_join ?? '');
  // Empty fields are not shown, so they do not count as Danish.
  const shownLangs = [title, summary, description, howToJoin]
    .filter(([text]) => text !== '')
    .map(([, l]) => l);
  const danishCount = lang === 'da' ? 0 : shownLangs.filter((l) => l === 'da').length;
  return {
    title: title[0],
    summary: summary[0],
    description: description[0],
    how_to_join: howToJoin[0],
    textLang: title[1],
    langs: {
      title: title[1],
      summary: summary[1],
      description: description[1],
      how_to_join: howToJoin[1],
    },
    danish: danishCount === 0 ? 'none' : danishCount === shownLangs.length ? 'all' : 'part',
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

/**
 * When the offer next meets. `labelled: false` leaves out "Next time:" for a place that
 * already says it (the results' "Next time" term).
 */
export function nextSessionText(
  schedules: readonly Schedule[],
  lang: UiLanguage,
  t: Translate,
  now: Date | LocalMoment = new Date(),
  labelled = true,
): string | null {
  // A page of results passes one local moment for all its offers (one clock read a request).
  const next = nextSession(schedules, now instanceof Date ? copenhagenNow(now) : now);
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
  return t(labelled ? 'offer.nextSession' : 'offer.nextSessionWhen', {
    day,
    time: ltrIn(lang, next.time),
  });
}

export function scheduleText(s: Schedule, lang: UiLanguage, t: Translate): string {
  const key = (s.interval_weeks ?? 1) > 1 ? 'offer.scheduleEvery' : 'offer.scheduleWeekly';
  return t(key, {
    weekday: weekdayName(s.weekday, lang),
    from: ltrIn(lang, s.starts_at),
    to: ltrIn(lang, s.ends_at),
    weeks: s.interval_weeks ?? 1,
  });
}
