/**
 * A citizen's sign-up for an offer: the rules for what a valid sign-up is. Messages are keys
 * in the web messages, so the citizen reads them in their own language.
 */
import { randomInt } from 'node:crypto';
import type { FieldProblem } from '../platform/errors.ts';
import { isUiLanguage, type UiLanguage } from '../web/languages.ts';
import { OFFER_LANGUAGES } from './offer.ts';

/** Bumped whenever the consent text in the messages changes; stored with each sign-up. */
export const CONSENT_VERSION = 'signup-consent-2026-11';

/** The channels a citizen may let us use for the confirmation and the reminder. */
export const CONTACT_CHANNELS = ['email', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface SignupForm {
  name: string;
  phone: string;
  email: string;
  preferred_language: string;
  needs_interpreter: boolean;
  message: string;
  consent: boolean;
  /**
   * Consent per channel for the confirmation and the reminder; none (or left out, as a
   * frontline worker's form does): nothing is sent.
   */
  contact_channels?: ContactChannel[];
}

export type SignupInput = Omit<SignupForm, 'consent'>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function readSignupForm(body: Record<string, unknown>): SignupForm {
  return {
    name: text(body.name).slice(0, 200),
    phone: text(body.phone).slice(0, 40),
    email: text(body.email).slice(0, 200),
    preferred_language: text(body.preferred_language) || 'da',
    needs_interpreter: text(body.needs_interpreter) === 'ja',
    message: text(body.message).slice(0, 1000),
    consent: text(body.consent) === 'ja',
    contact_channels: readChannels(body.contact_channels),
  };
}

/** One checkbox posts a string, several an array; anything but a known channel is dropped. */
export function readChannels(raw: unknown): ContactChannel[] {
  const values = (Array.isArray(raw) ? raw : [raw]).map(text);
  return CONTACT_CHANNELS.filter((c) => values.includes(c));
}

/** Danish numbers: 8 digits, optionally +45 / 0045 first; spaces and dashes are fine. */
export function normalisePhone(phone: string): string | null {
  const digits = phone.replace(/[\s\-().]/g, '');
  const m = /^(?:\+45|0045)?(\d{8})$/.exec(digits);
  return m ? m[1]! : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Loose on purpose: a typo is caught, an unusual but real address is not refused. */
export const isEmail = (s: string) => EMAIL.test(s);

export function validateSignup(form: SignupForm): {
  input: SignupInput | null;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  if (form.name.length < 2) problems.push({ path: 'name', message: 'signup.error.name' });
  let phone = '';
  if (form.phone) {
    const p = normalisePhone(form.phone);
    if (p) phone = p;
    else problems.push({ path: 'phone', message: 'signup.error.phone' });
  }
  if (form.email && !isEmail(form.email))
    problems.push({ path: 'email', message: 'signup.error.email' });
  const noContact = !form.phone && !form.email;
  if (noContact) problems.push({ path: 'phone', message: 'signup.error.contact' });
  // A channel ticked without its address: the error sits on the address field it needs.
  const channels = form.contact_channels ?? [];
  if (channels.includes('sms') && !form.phone && !noContact)
    problems.push({ path: 'phone', message: 'signup.channels.error.sms' });
  if (channels.includes('email') && !form.email)
    problems.push({ path: 'email', message: 'signup.channels.error.email' });
  if (!(OFFER_LANGUAGES as readonly string[]).includes(form.preferred_language)) {
    problems.push({ path: 'preferred_language', message: 'signup.error.language' });
  }
  if (!form.consent) problems.push({ path: 'consent', message: 'signup.error.consent' });
  if (problems.length) return { input: null, problems };
  const { consent: _consent, ...rest } = form;
  return { input: { ...rest, phone, contact_channels: [...channels] }, problems };
}

/**
 * The language messages to the citizen are written in: the one they would rather speak when
 * the interface has it, else the one they read the form in.
 */
export const noticeLanguage = (preferred: string, formLanguage: UiLanguage): UiLanguage =>
  isUiLanguage(preferred) ? preferred : formLanguage;

/** A Danish number as E.164 for the SMS gateway ('12345678' → '+4512345678'). */
export const smsNumber = (phone: string): string | undefined => {
  const p = normalisePhone(phone);
  return p ? `+45${p}` : undefined;
};

/** A short code the citizen can quote when they call: no personal data in it. */
export function receiptCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 8; i++) s += alphabet[randomInt(alphabet.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
