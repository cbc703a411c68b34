/**
 * A panel's invitation in the member's language, pure: e-mail text and SMS (at most 480
 * characters). The panel's name, the place and the address are Danish: isolated (LRI ... PDI)
 * in a right-to-left message. Nothing about the member's categories or health.
 */
import { translator } from '../web/i18n.ts';
import { isUiLanguage, type UiLanguage } from '../web/languages.ts';
import { dirOf } from '../web/present.ts';
import type { PanelKind } from './voice.ts';

export const INVITE_SMS_MAX = 480;

export interface InvitationInput {
  lang: string;
  panelName: string;
  kind: PanelKind;
  startsAt: Date;
  place: string;
  address: string;
  contact: string;
}

export interface RenderedInvitation {
  lang: UiLanguage;
  subject: string;
  text: string;
  sms: string;
}

const isolate = (lang: UiLanguage, s: string) => (dirOf(lang) === 'rtl' ? `\u2066${s}\u2069` : s);

export function invitationWhen(d: Date, lang: UiLanguage): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Copenhagen',
  }).format(d);
}

export function renderInvitation(i: InvitationInput): RenderedInvitation {
  const lang: UiLanguage = isUiLanguage(i.lang) ? i.lang : 'da';
  const t = translator(lang);
  const subject = t(`voice.invite.subject.${i.kind}`);
  const lead = t(`voice.invite.lead.${i.kind}`, { panel: isolate(lang, i.panelName) });
  const when = t('notice.when', { when: invitationWhen(i.startsAt, lang) });
  const where = t('notice.where', { place: isolate(lang, i.place) });
  const address = i.address ? isolate(lang, i.address) : '';
  const contact = i.contact ? t('voice.invite.contact', { contact: isolate(lang, i.contact) }) : '';
  const footer = t('voice.invite.footer');
  const facts = [when, where, address].filter(Boolean).join('\n');
  const text = [lead, facts, contact, footer].filter(Boolean).join('\n\n') + '\n';
  const tries = [
    [lead, when, where, address, contact],
    [lead, when, where, contact],
    [lead, when, where],
    [lead, when],
  ].map((parts) => parts.filter(Boolean).join('\n'));
  const sms =
    tries.find((s) => s.length <= INVITE_SMS_MAX) ??
    `${tries[tries.length - 1]!.slice(0, INVITE_SMS_MAX - 1)}…`;
  return { lang, subject, text, sms };
}
