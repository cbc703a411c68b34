/**
 * Feedback and suggestions from citizens, anonymous by construction (decision 0028): stored
 * with the month only, no address, cookie or person; admitted by the honeypot and the shared
 * rate limit (no CAPTCHA). Nothing here is personal data, so nothing is audited: the free text
 * is shown only under the rule in summary.ts. Staff see counts through the monitor's
 * suppression; a provider only their own offers'.
 */
import { inTenant, type Db } from '../db/db.ts';
import { getOfferDetail, type OfferDetail } from '../catalog/index.ts';
import type { Clock } from '../platform/clock.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import type { StaffUser } from '../platform/principal.ts';
import { giveBackAttempt, takeAttempt } from '../platform/rate-limit.store.ts';
import { FORM_RETRY, honeypotFilled } from '../web/honeypot.tsx';
import { summarise, type FeedbackSummary } from './summary.ts';
import {
  receivedMonth,
  voiceKeys,
  type FeedbackValues,
  type Period,
  type SuggestionForm,
  type VoiceForm,
} from './voice.ts';
import { feedbackRows, insertFeedback, insertSuggestion } from './voice.store.ts';

export type Admission =
  | { ok: true }
  | { ok: false; status: 400 | 429; problem: FieldProblem; retryAfterSeconds?: number };

/** The honeypot first (nothing counted), then the address's and the subject's budgets. */
export async function admitVoiceForm(
  db: Db,
  clock: Clock,
  form: VoiceForm,
  subject: string,
  ip: string,
  body: unknown,
): Promise<Admission> {
  if (honeypotFilled(body))
    return {
      ok: false,
      status: 400,
      problem: { path: FORM_RETRY, message: 'form.honeypotRefused' },
    };
  const verdict = await takeAttempt(db, voiceKeys(form, subject, ip), clock.now());
  if (verdict.allowed) return { ok: true };
  return {
    ok: false,
    status: 429,
    problem: { path: FORM_RETRY, message: 'form.tooMany' },
    retryAfterSeconds: verdict.retryAfterSeconds,
  };
}

/** An admitted form that was not stored (a field to correct) does not count. */
export async function giveBackVoiceForm(
  db: Db,
  clock: Clock,
  form: VoiceForm,
  subject: string,
  ip: string,
): Promise<void> {
  await giveBackAttempt(db, voiceKeys(form, subject, ip), clock.now());
}

/**
 * A published offer (staff may also see a draft's form). Feedback is filed in the offer's own
 * municipality, whichever host the citizen came by.
 */
export async function offerForFeedback(
  db: Db,
  kommune: string,
  id: string,
  staff: boolean,
): Promise<OfferDetail> {
  const offer = /^[0-9a-f-]{36}$/i.test(id)
    ? await inTenant(db, kommune, (tx) => getOfferDetail(tx, id))
    : undefined;
  if (!offer || (offer.status !== 'published' && !staff))
    throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
  return offer;
}

export async function giveFeedback(
  db: Db,
  offer: Pick<OfferDetail, 'id' | 'kommune'>,
  values: FeedbackValues,
  now: Date,
): Promise<void> {
  await inTenant(db, offer.kommune, (tx) =>
    insertFeedback(tx, {
      kommune: offer.kommune,
      offerId: offer.id,
      rating: values.rating,
      barriers: values.barriers,
      comment: values.comment,
      month: receivedMonth(now),
    }),
  );
}

export async function suggestOffer(
  db: Db,
  kommune: string,
  form: SuggestionForm,
  now: Date,
): Promise<void> {
  await inTenant(db, kommune, (tx) =>
    insertSuggestion(tx, {
      kommune,
      what: form.what,
      place: form.place,
      forWhom: form.for_whom,
      month: receivedMonth(now),
    }),
  );
}

/**
 * The feedback staff may see in the period: a provider their organisation's offers (and no
 * arenas, which would mix in others'), planners and admins all of it. Other roles: refused.
 */
export async function feedbackSummary(
  db: Db,
  staff: Pick<StaffUser, 'kommune' | 'role' | 'organization_id'>,
  period: Period,
  totalLabel: string,
): Promise<FeedbackSummary> {
  const provider = staff.role === 'provider';
  if (!provider && staff.role !== 'planner' && staff.role !== 'admin')
    throw new LighedError('LIGHED_ERR_FORBIDDEN', 'Not allowed for your role');
  if (provider && !staff.organization_id) return summarise([], { withArenas: false, totalLabel });
  const rows = await inTenant(db, staff.kommune, (tx) =>
    feedbackRows(tx, {
      from: period.from,
      to: period.to,
      organizationId: provider ? staff.organization_id : null,
    }),
  );
  return summarise(rows, { withArenas: !provider, totalLabel });
}
