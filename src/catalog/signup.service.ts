/**
 * Use cases for sign-ups: a citizen (or a frontline worker with them) signs up for an offer;
 * staff list them and delete one on the citizen's request. Every read and write of a sign-up
 * is audited in its transaction.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { messagesAbout } from '../platform/mail/index.ts';
import { sendNotice } from '../notify/index.ts';
import type { UiLanguage } from '../web/languages.ts';
import type { Editor } from './editor.ts';
import type { Offer, OfferDetail } from './offer.ts';
import { getOfferDetail } from './offer.store.ts';
import {
  cancelSignupByHash,
  createSignup,
  deleteSignup,
  findSignupByCancelHash,
  getSignupForStaff,
  listErrorReports,
  listSignups,
} from './signup.store.ts';
import { noticeLanguage, validateSignup, type SignupForm } from './signup.ts';
import { nextSessionAfter, noticeFacts, noticeRecipient } from './signup-notices.ts';
import { cancelState, hashCancelToken, newCancelToken, type CancelState } from './signup-cancel.ts';
import { reachProblems, type ReachAnswers } from './reach/questions.ts';
import { recordReachAnswers } from './reach/reach.store.ts';

export type SignupResult =
  | {
      ok: true;
      /** `cancel_token` goes into the receipt's cancel link once; only its hash is stored. */
      signup: { id: string; receipt_code: string; cancel_token: string; cancel_expires_at: Date };
    }
  | { ok: false; problems: FieldProblem[] };

/**
 * Validates a sign-up form and stores it. The sign-up belongs to the offer's municipality (an
 * offer across the border is that municipality's), so it is written and audited there. In the
 * same transaction the confirmation is queued on the channels the citizen ticked (none: none),
 * with a reply link to cancel or ask for a new time: no message for a sign-up rolled back.
 */
export async function signUp(
  db: Db,
  actor: AuditActor,
  offer: OfferDetail,
  form: SignupForm,
  opts: {
    summary?: string;
    now?: Date;
    /** The language the form was read in: messages use it when the preferred one is not ours. */
    formLanguage?: UiLanguage;
    /** The voluntary reach questions (reach/): counted apart from the sign-up, same transaction. */
    reach?: ReachAnswers;
  } = {},
): Promise<SignupResult> {
  const now = opts.now ?? new Date();
  // Signed-in staff may preview a draft through the citizen pages; nobody signs up to one.
  if (offer.status !== 'published')
    return { ok: false, problems: [{ path: 'offer', message: 'signup.error.notPublished' }] };
  const { input, problems: signupProblems } = validateSignup(form);
  const problems = [...signupProblems, ...(opts.reach ? reachProblems(opts.reach) : [])];
  if (!input || problems.length) return { ok: false, problems };
  const cancel = newCancelToken(now);
  const stored = {
    ...input,
    contact_channels: input.contact_channels ?? [],
    notice_language: noticeLanguage(input.preferred_language, opts.formLanguage ?? 'da'),
  };
  const summary = opts.summary ?? `sign-up for offer ${offer.id}`;
  const signup = await inTenant(db, offer.kommune, async (tx) => {
    const row = await createSignup(tx, offer.kommune, offer.id, stored, cancel);
    if (opts.reach)
      await recordReachAnswers(
        tx,
        offer.kommune,
        { offerId: offer.id, context: 'signup', now },
        opts.reach,
      );
    await sendNotice(tx, {
      kommune: offer.kommune,
      kind: 'signup.confirmation',
      recipient: noticeRecipient(stored),
      facts: noticeFacts(offer, nextSessionAfter(offer.schedules, now)),
      about: { type: 'signup', id: row.id },
      reply: ['cancel', 'new_time'],
      dedupeKey: `signup.confirmation:${row.id}`,
      now,
    });
    await audit(
      tx,
      { ...actor, kommune: offer.kommune },
      {
        action: 'create',
        entity: 'signup',
        entityId: row.id,
        summary,
      },
    );
    return row;
  });
  return {
    ok: true,
    signup: { ...signup, cancel_token: cancel.token, cancel_expires_at: cancel.expiresAt },
  };
}

/**
 * The offer a cancel link names: published, or retired or draft in this municipality (a
 * citizen may still cancel after the offer has ended).
 */
export async function offerForCancelLink(
  db: Db,
  kommune: string,
  id: string,
): Promise<OfferDetail> {
  const offer = isUuid(id) ? await inTenant(db, kommune, (tx) => getOfferDetail(tx, id)) : null;
  if (!offer) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
  return offer;
}

export interface CancelLink {
  state: CancelState;
  /** The sign-up's receipt code, when the link belongs to one. */
  receiptCode: string | null;
}

/**
 * What a cancel link leads to, for the confirmation page. A link that belongs to a sign-up is
 * a read of it (by the citizen, in the offer's municipality), audited; a forged one reads
 * nothing. `offer` is the offer named in the link's path.
 */
export async function openCancelLink(
  db: Db,
  actor: AuditActor,
  offer: Pick<Offer, 'id' | 'kommune'>,
  token: string | null,
  now: Date,
): Promise<CancelLink> {
  if (!token) return { state: 'unknown', receiptCode: null };
  return inTenant(db, offer.kommune, async (tx) => {
    const row = await findSignupByCancelHash(tx, offer.id, hashCancelToken(token));
    if (!row) return { state: 'unknown' as const, receiptCode: null };
    await audit(
      tx,
      { ...actor, kommune: offer.kommune },
      { action: 'read', entity: 'signup', entityId: row.id, summary: 'opened the cancel link' },
    );
    return { state: cancelState(row, now), receiptCode: row.receipt_code };
  });
}

/**
 * Cancels the sign-up the link belongs to, once and before it expires; audited as the
 * citizen's own change. Returns the link's state before the attempt: `valid` when this call
 * cancelled it.
 */
export async function cancelByLink(
  db: Db,
  actor: AuditActor,
  offer: Pick<Offer, 'id' | 'kommune'>,
  token: string | null,
  now: Date,
): Promise<CancelLink> {
  if (!token) return { state: 'unknown', receiptCode: null };
  const hash = hashCancelToken(token);
  return inTenant(db, offer.kommune, async (tx) => {
    const cancelled = await cancelSignupByHash(tx, offer.id, hash, now);
    const row = await findSignupByCancelHash(tx, offer.id, hash);
    if (!row) return { state: 'unknown' as const, receiptCode: null };
    await audit(
      tx,
      { ...actor, kommune: offer.kommune },
      cancelled
        ? {
            action: 'update',
            entity: 'signup',
            entityId: row.id,
            summary: 'cancelled by the citizen with the receipt link',
          }
        : { action: 'read', entity: 'signup', entityId: row.id, summary: 'opened the cancel link' },
    );
    return {
      state: cancelled ? ('valid' as const) : cancelState(row, now),
      receiptCode: row.receipt_code,
    };
  });
}

/** The sign-ups and error reports the editor may see; each one shown is a read, audited. */
export async function signupsOverview(db: Db, editor: Editor) {
  return inTenant(db, editor.actor.kommune, async (tx) => {
    const signups = await listSignups(tx, editor.scope);
    const reports = await listErrorReports(tx, editor.scope);
    // Error reports can carry the reporter's e-mail: every one shown is a read, like a sign-up.
    await audit(tx, editor.actor, [
      ...signups.map((s) => ({
        action: 'read' as const,
        entity: 'signup',
        entityId: s.id,
        summary: 'listed on sign-ups page',
      })),
      ...reports.map((r) => ({
        action: 'read' as const,
        entity: 'error_report',
        entityId: r.id,
        summary: 'listed on sign-ups page',
      })),
    ]);
    return { signups, reports };
  });
}

/**
 * One sign-up the editor may see, with every message sent about it (oldest first) and whether
 * it was delivered; a read of the sign-up, audited.
 */
export async function signupDetail(db: Db, editor: Editor, id: string) {
  if (!isUuid(id)) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such sign-up');
  const found = await inTenant(db, editor.actor.kommune, async (tx) => {
    const signup = await getSignupForStaff(tx, id, editor.scope);
    if (!signup) return null;
    const messages = await messagesAbout(tx, { type: 'signup', id });
    await audit(tx, editor.actor, {
      action: 'read',
      entity: 'signup',
      entityId: id,
      summary: 'viewed the sign-up and its messages',
    });
    return { signup, messages };
  });
  if (!found) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such sign-up');
  return found;
}

/** Deletes a sign-up on the citizen's request; a provider only for its own offers. */
export async function deleteSignupOnRequest(db: Db, editor: Editor, id: string): Promise<void> {
  if (!isUuid(id)) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such sign-up');
  const deleted = await inTenant(db, editor.actor.kommune, async (tx) => {
    const ok = await deleteSignup(tx, id, editor.scope);
    if (ok)
      await audit(tx, editor.actor, {
        action: 'delete',
        entity: 'signup',
        entityId: id,
        summary: 'deleted on request',
      });
    return ok;
  });
  if (!deleted) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such sign-up');
}
