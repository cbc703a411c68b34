/** Conversation data in words: texts in a language, match reasons, the citizen's label. */
import type { UiLanguage } from '../../web/languages.ts';
import { formatKm, translator, type Translate } from '../../web/i18n.ts';
import { RTL_LANGUAGES } from '../../web/languages.ts';
import { languageName, listText } from '../../web/present.ts';
import type { LocalizedText } from '../instrument.ts';
import type { MatchReason } from '../matching.ts';
import type { Text } from '../text.ts';
import type { Address, DomainStatus, Profile } from '../profile.ts';

export const STAFF_LANGUAGES: readonly UiLanguage[] = ['da', 'en'];

/** Where a conversation's pages live: its profile, and below it steps, offers, print. */
export const conversationHref = (id: string) => `/personale/samtaler/${id}`;

export const textIn = (t: LocalizedText | Text, lang: UiLanguage): string => t[lang] ?? t.da;

export const dirOf = (lang: UiLanguage) => (RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr');

/** One reason a suggestion was made, as a short phrase in `lang` ("på arabisk", "1,2 km fra dig"). */
export function reasonText(
  r: MatchReason,
  lang: UiLanguage,
  t: Translate = translator(lang),
): string {
  const v = r.values;
  // Codes and distances become words in the reader's language; other values are select keys.
  if (r.code === 'language')
    return t('match.reason.language', { language: languageName(String(v.language), lang) });
  if (r.code === 'distance')
    return t('match.reason.distance', { km: formatKm(Number(v.meters), lang) });
  return t(`match.reason.${r.code}`, v);
}

export function citizenLabel(
  c: { anonymous: boolean; citizen_name: string | null },
  t: Translate,
): string {
  return c.anonymous ? t('conversation.anonymous') : (c.citizen_name ?? '');
}

/**
 * A translator that addresses the citizen by their recorded sex (Arabic second-person forms,
 * ICU `select` on `sex`; neutral wording when unknown).
 */
export function addressing(lang: UiLanguage, sex: Address): Translate {
  const t = translator(lang);
  return (key, values) => t(key, { sex, ...values });
}

/** The reasons as one phrase list, joined the way the language joins lists. */
export function reasonsText(
  reasons: readonly MatchReason[],
  lang: UiLanguage,
  sex: Address = 'unknown',
): string {
  const t = addressing(lang, sex);
  return listText(
    reasons.map((r) => reasonText(r, lang, t)),
    lang,
    'unit',
  );
}

/** Domains with something to say, and the names of those the conversation did not reach. */
export function splitDomains(
  profile: Profile,
  lang: UiLanguage,
): { said: DomainStatus[]; notDiscussed: string | null } {
  const said = profile.domains.filter((d) => d.statements.some((s) => s.bandId !== null));
  const rest = profile.domains.filter((d) => !said.includes(d));
  if (rest.length === 0) return { said, notDiscussed: null };
  const t = translator(lang);
  const names = listText(
    rest.map((d) => t(`profile.domain.${d.domain}`)),
    lang,
  );
  return { said, notDiscussed: t('print.notDiscussed', { domains: names }) };
}
