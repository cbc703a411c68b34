/**
 * Admits a public form (sign-up, error report) before anything is stored: the honeypot must be
 * empty and the address and offer within their budgets (anti-automation.ts). A form that then
 * fails validation gives its attempt back, so only stored forms count.
 */
import type { Db } from '../db/db.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { giveBackAttempt, takeAttempt } from '../platform/rate-limit.store.ts';
import { FORM_RETRY, honeypotFilled } from '../web/honeypot.tsx';
import { formKeys, type PublicForm } from './anti-automation.ts';

export type Admission =
  | { ok: true }
  | { ok: false; status: 400 | 429; problem: FieldProblem; retryAfterSeconds?: number };

export async function admitForm(
  db: Db,
  clock: Clock,
  form: PublicForm,
  offerId: string,
  ip: string,
  body: unknown,
): Promise<Admission> {
  // Nothing counted: a person whose browser filled the field just sends again.
  if (honeypotFilled(body)) {
    return {
      ok: false,
      status: 400,
      problem: { path: FORM_RETRY, message: 'form.honeypotRefused' },
    };
  }
  const verdict = await takeAttempt(db, formKeys(form, offerId, ip), clock.now());
  if (verdict.allowed) return { ok: true };
  return {
    ok: false,
    status: 429,
    problem: { path: FORM_RETRY, message: 'form.tooMany' },
    retryAfterSeconds: verdict.retryAfterSeconds,
  };
}

/** The form was admitted but not stored (a field to correct): it does not count. */
export async function giveBackForm(
  db: Db,
  clock: Clock,
  form: PublicForm,
  offerId: string,
  ip: string,
): Promise<void> {
  await giveBackAttempt(db, formKeys(form, offerId, ip), clock.now());
}
