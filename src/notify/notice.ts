/**
 * What a citizen is told, pure: a notice rendered in the citizen's language for e-mail (subject,
 * plain text and a small HTML part), SMS (short, one link, at most 480 characters) and Digital
 * Post (title and text). Plain words and no health details: the place, its address, the day
 * and time in Europe/Copenhagen, a number to call and the reply link. The facts type has no
 * room for an offer's title or topic, the referrer or a CPR number, and nothing else is read.
 */
import { translator, type Translate } from '../web/i18n.ts';
import { isUiLanguage, type UiLanguage } from '../web/languages.ts';
import { cached, dirOf } from '../web/present.ts';

export const NOTICE_KINDS = [
  'signup.confirmation',
  'signup.reminder',
  'referral.received',
  'referral.appointment',
  'referral.reminder',
  'referral.closed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const REPLY_SUBJECTS = ['signup', 'referral'] as const;
export type ReplySubject = (typeof REPLY_SUBJECTS)[number];

/** In the order the page and the messages list them. */
export const REPLY_CHOICES = ['confirm', 'cancel', 'new_time'] as const;
export type ReplyChoice = (typeof REPLY_CHOICES)[number];

export interface NoticeFacts {
  /** Where and who, never the offer's topic: 'Sundhedscenter Roskilde', 'Køgevej 3, 4000 Roskilde'. */
  placeName: string;
  address?: string | undefined;
  /** Session or appointment; shown in Europe/Copenhagen. */
  startsAt?: Date | undefined;
  contactPhone?: string | undefined;
}

export interface RenderedNotice {
  lang: UiLanguage;
  subject: string;
  /** E-mail and Digital Post body. */
  text: string;
  html: string;
  /** At most SMS_MAX characters. */
  sms: string;
}

export const SMS_MAX = 480;

/** Kinds whose first sentence names the place; the others show a time-and-place block. */
const PLACE_IN_LEAD: ReadonlySet<NoticeKind> = new Set(['referral.received', 'referral.closed']);

/** The citizen's language if the interface speaks it, else Danish. */
export function noticeLanguage(lang: string): UiLanguage {
  return isUiLanguage(lang) ? lang : 'da';
}

/** The reply choices in canonical order, without repeats or unknowns. */
export function canonicalChoices(choices: readonly string[]): ReplyChoice[] {
  return REPLY_CHOICES.filter((c) => choices.includes(c));
}

/** "torsdag 7. januar kl. 10.00" in the reader's language, 24-hour clock, Copenhagen time. */
export function whenText(d: Date, lang: UiLanguage): string {
  return cached(
    `notice-when:${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Copenhagen',
      }),
  ).format(d);
}

/** The same day and time on pages (with the year, which a page may be read long after). */
export function whenLongText(d: Date, lang: UiLanguage): string {
  return cached(
    `notice-when-long:${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Copenhagen',
      }),
  ).format(d);
}

/** A phone number as written in the message, for a tel: link (digits and a leading plus). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Left-to-right Danish text inside a right-to-left sentence: Unicode LRI ... PDI. */
const isolate = (lang: UiLanguage, s: string) => (dirOf(lang) === 'rtl' ? `\u2066${s}\u2069` : s);

type Part = { kind: 'text' | 'danish' | 'phone'; value: string };

/** An argument as HTML: Danish names isolated and marked, a phone number as a call link. */
function partHtml(lang: UiLanguage, p: Part): string {
  const v = escapeHtml(p.value);
  if (p.kind === 'phone') return `<a href="${escapeHtml(telHref(p.value))}" dir="ltr">${v}</a>`;
  if (p.kind === 'danish' && lang !== 'da') return `<bdi lang="da">${v}</bdi>`;
  return v;
}

/**
 * One message rendered two ways: as plain text (Danish names isolated with LRI/PDI on
 * right-to-left pages) and as HTML (escaped, Danish names in <bdi lang="da">). ICU formats the
 * message with stand-ins for the arguments, which are then swapped for the real text.
 */
function line(t: Translate, lang: UiLanguage, key: string, args: Record<string, Part> = {}) {
  const names = Object.keys(args);
  const stand = (i: number) => `\uE000${i}\uE001`;
  const raw = t(key, Object.fromEntries(names.map((n, i) => [n, stand(i)])));
  const swap = (s: string, f: (p: Part) => string) =>
    s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => f(args[names[Number(i)]!]!));
  return {
    text: swap(raw, (p) => (p.kind === 'text' ? p.value : isolate(lang, p.value))),
    html: swap(escapeHtml(raw), (p) => partHtml(lang, p)),
  };
}

const danish = (value: string): Part => ({ kind: 'danish', value });
const plain = (value: string): Part => ({ kind: 'text', value });

export interface NoticeInput {
  kind: NoticeKind;
  lang: string;
  facts: NoticeFacts;
  /** The reply link and its choices; omitted: no link. */
  reply?: { url: string; choices: readonly ReplyChoice[] } | undefined;
  /** The offer's anonymous feedback form (src/voice/), in the reminder; omitted: no link. */
  feedback?: { url: string } | undefined;
}

export function renderNotice(input: NoticeInput): RenderedNotice {
  const lang = noticeLanguage(input.lang);
  const t = translator(lang);
  const { kind } = input;
  const f = input.facts;
  const place = f.placeName.trim();
  const address = f.address?.trim() || undefined;
  const phone = f.contactPhone?.trim() || undefined;
  const choices = input.reply ? canonicalChoices(input.reply.choices) : [];
  const reply = input.reply && choices.length ? input.reply : undefined;

  const subject = t(`notice.${kind}.subject`);
  const lead = line(t, lang, `notice.${kind}.lead`, { place: danish(place) });
  const block = !PLACE_IN_LEAD.has(kind);
  const when =
    block && f.startsAt
      ? line(t, lang, 'notice.when', { when: plain(whenText(f.startsAt, lang)) })
      : null;
  const where = block ? line(t, lang, 'notice.where', { place: danish(place) }) : null;
  const addr =
    block && address
      ? { text: isolate(lang, address), html: partHtml(lang, danish(address)) }
      : null;
  const replyLine = reply ? line(t, lang, `notice.reply.${choices.join('_')}`) : null;
  const call = phone
    ? line(t, lang, 'notice.call', { contact: { kind: 'phone', value: phone } })
    : null;
  const footer = line(t, lang, 'notice.footer');
  const feedback = input.feedback ? line(t, lang, 'voice.notice.feedback') : null;
  const feedbackUrl = input.feedback?.url;

  // Plain text: paragraphs separated by a blank line, the link alone on its line.
  const paragraphs: string[] = [lead.text];
  const facts = [when?.text, where?.text, addr?.text].filter((x): x is string => Boolean(x));
  if (facts.length) paragraphs.push(facts.join('\n'));
  if (reply && replyLine) paragraphs.push(`${replyLine.text}\n${reply.url}`);
  if (call) paragraphs.push(call.text);
  if (feedback && feedbackUrl) paragraphs.push(`${feedback.text}\n${feedbackUrl}`);
  paragraphs.push(footer.text);
  const text = paragraphs.join('\n\n') + '\n';

  const html = [
    '<!doctype html>',
    `<html lang="${lang}" dir="${dirOf(lang)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">',
    `<p>${lead.html}</p>`,
    facts.length
      ? `<p>${[when?.html, where?.html, addr?.html].filter(Boolean).join('<br>')}</p>`
      : '',
    reply && replyLine
      ? `<p><a href="${escapeHtml(reply.url)}" style="font-size:18px">${replyLine.html}</a></p>`
      : '',
    call ? `<p>${call.html}</p>` : '',
    feedback && feedbackUrl
      ? `<p>${feedback.html}<br><a href="${escapeHtml(feedbackUrl)}">${escapeHtml(feedbackUrl)}</a></p>`
      : '',
    `<p style="color:#555;font-size:14px">${footer.html}</p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');

  return {
    lang,
    subject,
    text,
    html,
    sms: smsText({
      lead,
      when,
      where,
      addr,
      replyLine,
      reply,
      call,
      feedback: feedback && feedbackUrl ? `${feedback.text}\n${feedbackUrl}` : null,
    }),
  };
}

/**
 * The SMS: the same sentences, one per line, with the link alone on its line (phones find it
 * there). Too long for three parts: the phone goes first, then the feedback link, then the
 * address, then the place name is shortened; the lead, the time and the reply link always stay.
 */
function smsText(p: {
  lead: { text: string };
  when: { text: string } | null;
  where: { text: string } | null;
  addr: { text: string } | null;
  replyLine: { text: string } | null;
  reply: { url: string } | undefined;
  call: { text: string } | null;
  /** The feedback line and its link, or null. */
  feedback: string | null;
}): string {
  const build = (o: {
    call: boolean;
    feedback: boolean;
    addr: boolean;
    where: string | undefined;
  }) =>
    [
      p.lead.text,
      p.when?.text,
      o.where,
      o.addr ? p.addr?.text : undefined,
      p.reply && p.replyLine ? `${p.replyLine.text}\n${p.reply.url}` : undefined,
      o.call ? p.call?.text : undefined,
      o.feedback ? (p.feedback ?? undefined) : undefined,
    ]
      .filter((x): x is string => Boolean(x))
      .join('\n');
  const tries = [
    build({ call: true, feedback: true, addr: true, where: p.where?.text }),
    build({ call: false, feedback: true, addr: true, where: p.where?.text }),
    build({ call: false, feedback: false, addr: true, where: p.where?.text }),
    build({ call: false, feedback: false, addr: false, where: p.where?.text }),
    build({ call: false, feedback: false, addr: false, where: undefined }),
  ];
  const fit = tries.find((s) => s.length <= SMS_MAX);
  if (fit) return fit;
  // Only a very long place name in the lead can get here: cut the text before the link.
  const last = tries[tries.length - 1]!;
  const tail = p.reply && p.replyLine ? `\n${p.replyLine.text}\n${p.reply.url}` : '';
  const head = last.slice(0, last.length - tail.length);
  return `${head.slice(0, SMS_MAX - tail.length - 1)}…${tail}`;
}
