/**
 * The citizens' voice, pure rules (issue 13, decision 0028): the vocabulary (the five-point
 * scale, Sundhedsstyrelsen's barriers, panel kinds, the monitor's social categories), the
 * public and staff forms read into values and problems, the coarse month a response is filed
 * under, and the budgets of the public forms.
 */
import { LIFE_PHASES, TOPICS } from '../catalog/index.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { addressKey, type LimitPolicy } from '../platform/rate-limit.ts';
import type { LimitKey } from '../platform/rate-limit.store.ts';
import { isUiLanguage, type UiLanguage } from '../web/languages.ts';

/** 1 very bad .. 5 very good; each level has words on the form (voice.rating.N). */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/**
 * "Gør det let at deltage" (Sundhedsstyrelsen 2009): practical, time, money and mental
 * barriers, and the distance that makes people choose an offer away ("rejse langt",
 * "transportrefusion"), which we ask about on its own.
 */
export const BARRIERS = ['practical', 'time', 'money', 'transport', 'mental'] as const;
export type Barrier = (typeof BARRIERS)[number];

export const COMMENT_MAX = 1000;

export const SUGGESTION_STATUSES = ['new', 'considering', 'planned', 'declined', 'done'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
/** A planner tags a suggestion with the catalog's topics and life phases. */
export const SUGGESTION_TAGS = [...TOPICS, ...LIFE_PHASES] as const;
export type SuggestionTag = (typeof SUGGESTION_TAGS)[number];
export const tagLabelKey = (tag: string) =>
  (LIFE_PHASES as readonly string[]).includes(tag) ? `lifePhase.${tag}` : `topic.${tag}`;

export const PANEL_KINDS = ['user_panel', 'focus_group'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];
export const PANEL_STATUSES = ['recruiting', 'active', 'closed'] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

/**
 * The monitor's social categories a member may give (codes of the monitor's codebook,
 * examples/monitor/codebook.json), each with the monitor's dimension key. "Born in Denmark"
 * is the monitor's origin (herkomst): "yes" is its "Dansk" category, "no" the others pooled.
 */
export const PANEL_DIMENSIONS = {
  education: { monitor: 'uddannelse', codes: ['1', '2', '3', '4'] },
  labour: { monitor: 'arbejdsmarked', codes: ['1', '2', '3', '4', '5', '6'] },
  born_dk: { monitor: 'herkomst', codes: ['yes', 'no'] },
  age_group: { monitor: 'aldersgruppe', codes: ['1', '2', '3', '4'] },
} as const;
export type PanelDimension = keyof typeof PANEL_DIMENSIONS;
export const PANEL_DIMENSION_KEYS = Object.keys(PANEL_DIMENSIONS) as PanelDimension[];

/** What the citizen agreed to, stored with the member (the consent text's version). */
export const CONSENT_TEXT = 'voice.join.consent v1';
/** A member is kept this long after the panel closes, then deleted by retention. */
export const RETAIN_MONTHS_AFTER_CLOSE = 6;
/** ... and at most this long after joining, for a panel nobody closes. */
export const RETAIN_MONTHS_MAX = 36;
/** Feedback and suggestions are kept this long (they are the municipality's learning). */
export const KEEP_RESPONSES_MONTHS = 36;

// --- reading forms ---------------------------------------------------------------------------

type Body = Record<string, unknown> | undefined | null;
const str = (b: Body, k: string) => {
  const v = b?.[k];
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
};
const list = (b: Body, k: string): string[] => {
  const v = b?.[k];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => String(x).trim());
};
const pick = <T extends string>(all: readonly T[], xs: readonly string[]): T[] =>
  all.filter((a) => xs.includes(a));
const problem = (path: string, message: string): FieldProblem => ({ path, message });

export interface FeedbackForm {
  rating: string;
  barriers: Barrier[];
  comment: string;
}
export type FeedbackValues = { rating: Rating; barriers: Barrier[]; comment: string };

export function readFeedbackForm(body: Body): {
  form: FeedbackForm;
  problems: FieldProblem[];
  values: FeedbackValues | null;
} {
  const form: FeedbackForm = {
    rating: str(body, 'rating'),
    barriers: pick(BARRIERS, list(body, 'barriers')),
    comment: str(body, 'comment'),
  };
  const problems: FieldProblem[] = [];
  const rating = Number(form.rating);
  if (!(RATINGS as readonly number[]).includes(rating) || !/^[1-5]$/.test(form.rating))
    problems.push(problem('rating', 'voice.feedback.error.rating'));
  if (form.comment.length > COMMENT_MAX)
    problems.push(problem('comment', 'voice.feedback.error.commentLong'));
  return {
    form,
    problems,
    values: problems.length
      ? null
      : { rating: rating as Rating, barriers: form.barriers, comment: form.comment },
  };
}

export interface SuggestionForm {
  what: string;
  place: string;
  for_whom: string;
}

export function readSuggestionForm(body: Body): { form: SuggestionForm; problems: FieldProblem[] } {
  const form = {
    what: str(body, 'what'),
    place: str(body, 'place'),
    for_whom: str(body, 'for_whom'),
  };
  const problems: FieldProblem[] = [];
  if (!form.what) problems.push(problem('what', 'voice.suggest.error.what'));
  else if (form.what.length > 1000) problems.push(problem('what', 'voice.suggest.error.long'));
  if (form.place.length > 200) problems.push(problem('place', 'voice.suggest.error.long'));
  if (form.for_whom.length > 500) problems.push(problem('for_whom', 'voice.suggest.error.long'));
  return { form, problems };
}

export interface SuggestionEdit {
  status: SuggestionStatus;
  tags: SuggestionTag[];
  answer: string;
  published: boolean;
  version: number;
}

export function readSuggestionEdit(body: Body): {
  form: SuggestionEdit;
  problems: FieldProblem[];
} {
  const status = str(body, 'status');
  const form: SuggestionEdit = {
    status: (SUGGESTION_STATUSES as readonly string[]).includes(status)
      ? (status as SuggestionStatus)
      : 'new',
    tags: pick(SUGGESTION_TAGS, list(body, 'tags')),
    answer: str(body, 'answer'),
    published: str(body, 'published') === 'ja',
    version: Number(str(body, 'version')) || 0,
  };
  const problems: FieldProblem[] = [];
  if (!(SUGGESTION_STATUSES as readonly string[]).includes(status))
    problems.push(problem('status', 'voice.staff.error.status'));
  if (form.answer.length > 2000) problems.push(problem('answer', 'voice.staff.error.long'));
  // An answer is what makes a published suggestion worth reading: no publishing without one.
  if (form.published && !form.answer)
    problems.push(problem('answer', 'voice.staff.error.answerToPublish'));
  return { form, problems };
}

export interface PanelForm {
  name: string;
  kind: string;
  purpose: string;
}

export function readPanelForm(body: Body): { form: PanelForm; problems: FieldProblem[] } {
  const form = { name: str(body, 'name'), kind: str(body, 'kind'), purpose: str(body, 'purpose') };
  const problems: FieldProblem[] = [];
  if (!form.name || form.name.length > 200)
    problems.push(problem('name', 'voice.staff.error.panelName'));
  if (!(PANEL_KINDS as readonly string[]).includes(form.kind))
    problems.push(problem('kind', 'voice.staff.error.kind'));
  if (form.purpose.length > 2000) problems.push(problem('purpose', 'voice.staff.error.long'));
  return { form, problems };
}

export const JOIN_CHANNELS = ['email', 'sms'] as const;
export type JoinChannel = (typeof JOIN_CHANNELS)[number];

export interface JoinForm {
  name: string;
  email: string;
  phone: string;
  channels: JoinChannel[];
  language: string;
  education: string;
  labour: string;
  born_dk: string;
  age_group: string;
  consent: boolean;
}

export interface MemberValues {
  name: string;
  email: string;
  phone: string;
  channels: JoinChannel[];
  language: UiLanguage;
  categories: Record<PanelDimension, string | null>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone number as the SMS gateway needs it (E.164, +45 for eight digits), or null. */
export function e164(raw: string): string | null {
  let s = raw.replace(/[\s().-]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^\d{8}$/.test(s)) s = `+45${s}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
}

export function readJoinForm(body: Body): {
  form: JoinForm;
  problems: FieldProblem[];
  values: MemberValues | null;
} {
  const form: JoinForm = {
    name: str(body, 'name'),
    email: str(body, 'email'),
    phone: str(body, 'phone'),
    channels: pick(JOIN_CHANNELS, list(body, 'channels')),
    language: str(body, 'language'),
    education: str(body, 'education'),
    labour: str(body, 'labour'),
    born_dk: str(body, 'born_dk'),
    age_group: str(body, 'age_group'),
    consent: str(body, 'consent') === 'ja',
  };
  const problems: FieldProblem[] = [];
  if (!form.name || form.name.length > 200) problems.push(problem('name', 'voice.join.error.name'));
  if (form.email && (!EMAIL.test(form.email) || form.email.length > 254))
    problems.push(problem('email', 'voice.join.error.email'));
  const phone = form.phone ? e164(form.phone) : null;
  if (form.phone && !phone) problems.push(problem('phone', 'voice.join.error.phone'));
  if (!form.email && !form.phone) problems.push(problem('email', 'voice.join.error.contact'));
  if (form.channels.length === 0) problems.push(problem('channels', 'voice.join.error.channels'));
  if (form.channels.includes('email') && !form.email && form.phone)
    problems.push(problem('email', 'voice.join.error.emailForChannel'));
  if (form.channels.includes('sms') && !form.phone && form.email)
    problems.push(problem('phone', 'voice.join.error.phoneForChannel'));
  if (!isUiLanguage(form.language)) problems.push(problem('language', 'voice.join.error.language'));
  const categories = {} as Record<PanelDimension, string | null>;
  for (const d of PANEL_DIMENSION_KEYS) {
    const v = form[d];
    const ok =
      v === '' || v === 'none' || (PANEL_DIMENSIONS[d].codes as readonly string[]).includes(v);
    if (!ok) problems.push(problem(d, 'voice.join.error.category'));
    categories[d] = ok && v !== '' && v !== 'none' ? v : null;
  }
  if (!form.consent) problems.push(problem('consent', 'voice.join.error.consent'));
  return {
    form,
    problems,
    values: problems.length
      ? null
      : {
          name: form.name,
          email: form.email,
          phone: phone ?? '',
          channels: form.channels,
          language: form.language as UiLanguage,
          categories,
        },
  };
}

export interface InviteForm {
  date: string;
  time: string;
  place: string;
  address: string;
  contact: string;
}

export function readInviteForm(
  body: Body,
  now: Date,
): { form: InviteForm; problems: FieldProblem[]; startsAt: Date | null } {
  const form = {
    date: str(body, 'date'),
    time: str(body, 'time'),
    place: str(body, 'place'),
    address: str(body, 'address'),
    contact: str(body, 'contact'),
  };
  const problems: FieldProblem[] = [];
  const startsAt = copenhagenDate(form.date, form.time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !startsAt)
    problems.push(problem('date', 'voice.staff.error.date'));
  else if (startsAt <= now) problems.push(problem('date', 'voice.staff.error.past'));
  if (!/^([01]\d|2[0-3])[:.][0-5]\d$/.test(form.time))
    problems.push(problem('time', 'voice.staff.error.time'));
  if (!form.place || form.place.length > 200)
    problems.push(problem('place', 'voice.staff.error.place'));
  if (form.address.length > 300) problems.push(problem('address', 'voice.staff.error.long'));
  if (form.contact.length > 100) problems.push(problem('contact', 'voice.staff.error.long'));
  return { form, problems, startsAt: problems.length ? null : startsAt };
}

/** 'YYYY-MM-DD' + 'HH:MM' in Europe/Copenhagen as an instant, or null when not a real time. */
export function copenhagenDate(date: string, time: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2})[:.](\d{2})$/.exec(time);
  if (!m || !h) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const guess = Date.UTC(y, mo - 1, d, Number(h[1]), Number(h[2]));
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // Copenhagen's offset at that moment (1 or 2 hours): the wall time it shows minus UTC.
  const offset = wallClockMs(new Date(guess)) - guess;
  const at = new Date(guess - offset);
  return wallClockMs(at) === guess ? at : new Date(guess - (wallClockMs(at) - at.getTime()));
}

/** The wall-clock time Copenhagen shows at `d`, read as if it were UTC, in milliseconds. */
function wallClockMs(d: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
}

// --- dates -----------------------------------------------------------------------------------

/** The first of the month of `at` in Copenhagen, 'YYYY-MM-01': all the date a response keeps. */
export function receivedMonth(at: Date): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
  })
    .format(at)
    .split('-');
  return `${y}-${m}-01`;
}

/** 'YYYY-MM' shifted by `months`. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

export interface Period {
  /** 'YYYY-MM', both inclusive. */
  from: string;
  to: string;
}

/** The period of the staff pages (?fra=YYYY-MM&til=YYYY-MM); the last 12 months by default. */
export function readPeriod(
  q: { fra?: unknown; til?: unknown },
  now: Date,
):
  | { ok: true; period: Period; form: { fra: string; til: string } }
  | {
      ok: false;
      problems: FieldProblem[];
      form: { fra: string; til: string };
    } {
  const thisMonth = receivedMonth(now).slice(0, 7);
  const form = {
    fra: typeof q.fra === 'string' && q.fra.trim() ? q.fra.trim() : addMonths(thisMonth, -11),
    til: typeof q.til === 'string' && q.til.trim() ? q.til.trim() : thisMonth,
  };
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  const problems: FieldProblem[] = [];
  if (!month.test(form.fra)) problems.push(problem('fra', 'voice.staff.error.month'));
  if (!month.test(form.til)) problems.push(problem('til', 'voice.staff.error.month'));
  if (!problems.length && form.fra > form.til)
    problems.push(problem('til', 'voice.staff.error.order'));
  return problems.length
    ? { ok: false, problems, form }
    : { ok: true, period: { from: form.fra, to: form.til }, form };
}

/** When a member's data goes: six months after the panel closed, at most three years after joining. */
export function retainUntil(joinedAt: Date, panelClosedOn: string | null): string {
  const max = addMonths(receivedMonth(joinedAt).slice(0, 7), RETAIN_MONTHS_MAX);
  if (!panelClosedOn) return `${max}-01`;
  const afterClose = addMonths(panelClosedOn.slice(0, 7), RETAIN_MONTHS_AFTER_CLOSE + 1);
  return `${afterClose < max ? afterClose : max}-01`;
}

// --- anti-automation -------------------------------------------------------------------------

export type VoiceForm = 'feedback' | 'suggestion' | 'join';

const tenMinutes = (max: number): LimitPolicy => ({
  max,
  windowSeconds: 600,
  lockSeconds: 600,
  maxLockSeconds: 600,
  forgetSeconds: 3600,
});

/**
 * Budgets of the public forms, per address (one household or a library's computer gives a
 * few answers at a time) and per subject (an offer, the municipality's suggestions, a
 * panel), so many addresses cannot flood one subject either.
 */
export const VOICE_LIMITS: Record<VoiceForm, { address: LimitPolicy; subject: LimitPolicy }> = {
  feedback: { address: tenMinutes(6), subject: tenMinutes(60) },
  suggestion: { address: tenMinutes(5), subject: tenMinutes(100) },
  join: { address: tenMinutes(5), subject: tenMinutes(50) },
};

export function voiceKeys(form: VoiceForm, subject: string, ip: string): LimitKey[] {
  return [
    { key: `voice.${form}:address:${addressKey(ip)}`, policy: VOICE_LIMITS[form].address },
    { key: `voice.${form}:subject:${subject}`, policy: VOICE_LIMITS[form].subject },
  ];
}
