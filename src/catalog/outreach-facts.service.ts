/**
 * The catalog's side of the outreach lane (issue 11, decision 0022): sign-ups the citizen
 * cancelled (facts for the scan) and the sign-ups the outreach case page names. Runs in the
 * outreach domain's transaction; reads of named sign-ups are audited.
 */
import type { Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { signupBriefRows, signupFactRows, type SignupBriefRow } from './outreach-facts.store.ts';

/** One sign-up as the outreach rules see it (outreach/rules.ts SignupFact has this shape). */
export interface SignupOutreachFact {
  id: string;
  citizenId: string;
  createdAt: Date;
  status: string;
  cancelledBy: string | null;
  cancelledAt: Date | null;
}

export async function signupOutreachFacts(
  tx: Queryable,
  since: Date,
): Promise<SignupOutreachFact[]> {
  return (await signupFactRows(tx, since)).map((s) => ({
    id: s.id,
    citizenId: s.citizen_id,
    createdAt: s.created_at,
    status: s.status,
    cancelledBy: s.cancelled_by,
    cancelledAt: s.cancelled_at,
  }));
}

export interface SignupBrief {
  id: string;
  citizenId: string;
  offerTitle: string;
  status: string;
  createdAt: Date;
}

const toBrief = (s: SignupBriefRow): SignupBrief => ({
  id: s.id,
  citizenId: s.citizen_id,
  offerTitle: s.offer_title,
  status: s.status,
  createdAt: s.created_at,
});

async function audited(tx: Queryable, actor: AuditActor, rows: SignupBriefRow[]) {
  await audit(
    tx,
    actor,
    rows.map((s) => ({
      action: 'read' as const,
      entity: 'signup',
      entityId: s.id,
      summary: 'read for outreach',
    })),
  );
  return rows.map(toBrief);
}

/** The sign-ups named (a case's reasons), audited. */
export async function signupBriefs(
  tx: Queryable,
  actor: AuditActor,
  ids: readonly string[],
): Promise<SignupBrief[]> {
  return audited(tx, actor, await signupBriefRows(tx, { ids }));
}

/** The citizen's sign-ups since `since`, not cancelled (the re-engaged outcome's choices). */
export async function citizenSignupsSince(
  tx: Queryable,
  actor: AuditActor,
  citizenId: string,
  since: Date,
): Promise<SignupBrief[]> {
  return audited(tx, actor, await signupBriefRows(tx, { citizenId, since }));
}
