/**
 * Use cases for sign-ups: a citizen (or a frontline worker with them) signs up for an offer;
 * staff list them and delete one on the citizen's request. Every read and write of a sign-up
 * is audited in its transaction.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import type { Editor } from './editor.ts';
import type { Offer } from './offer.ts';
import { createSignup, deleteSignup, listErrorReports, listSignups } from './signup.store.ts';
import { validateSignup, type SignupForm } from './signup.ts';

export type SignupResult =
  | { ok: true; signup: { id: string; receipt_code: string } }
  | { ok: false; problems: FieldProblem[] };

/**
 * Validates a sign-up form and stores it. The sign-up belongs to the offer's municipality (an
 * offer across the border is that municipality's), so it is written and audited there.
 */
export async function signUp(
  db: Db,
  actor: AuditActor,
  offer: Pick<Offer, 'id' | 'kommune' | 'status'>,
  form: SignupForm,
  summary = `sign-up for offer ${offer.id}`,
): Promise<SignupResult> {
  // Signed-in staff may preview a draft through the citizen pages; nobody signs up to one.
  if (offer.status !== 'published')
    return { ok: false, problems: [{ path: 'offer', message: 'signup.error.notPublished' }] };
  const { input, problems } = validateSignup(form);
  if (!input) return { ok: false, problems };
  const signup = await inTenant(db, offer.kommune, async (tx) => {
    const row = await createSignup(tx, offer.kommune, offer.id, input);
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
  return { ok: true, signup };
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
