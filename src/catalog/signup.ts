/**
 * A citizen's sign-up for an offer: the rules for what a valid sign-up is. Messages are keys
 * in the web messages, so the citizen reads them in their own language.
 */
import { randomInt } from 'node:crypto';
import type { FieldProblem } from '../platform/errors.ts';
import { OFFER_LANGUAGES } from './offer.ts';

/** Bumped whenever the consent text in the messages changes; stored with each sign-up. */
export const CONSENT_VERSION = 'signup-consent-2026-11';

export interface SignupForm {
  name: string;
  phone: string;
  email: string;
  preferred_language: string;
  needs_interpreter: boolean;
  message: string;
  consent: boolean;
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
  };
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
  if (!form.phone && !form.email) problems.push({ path: 'phone', message: 'signup.error.contact' });
  if (!(OFFER_LANGUAGES as readonly string[]).includes(form.preferred_language)) {
    problems.push({ path: 'preferred_language', message: 'signup.error.language' });
  }
  if (!form.consent) problems.push({ path: 'consent', message: 'signup.error.consent' });
  if (problems.length) return { input: null, problems };
  const { consent: _consent, ...rest } = form;
  return { input: { ...rest, phone }, problems };
}

/** A short code the citizen can quote when they call: no personal data in it. */
export function receiptCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 8; i++) s += alphabet[randomInt(alphabet.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
