/**
 * The referrals side of the outreach lane (issue 11, decision 0022): the facts the scan's rules
 * read, what the case page shows of a referral, and the outcome of outreach on the referral.
 * Everything runs in the outreach domain's transaction (its scope set for row-level security)
 * so the case and the referral change together or not at all.
 */
import type { Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import {
  getReferralRow,
  getSettings,
  insertEvent,
  lockReferral,
  updateReferral,
  type ReferralChange,
} from './referral.store.ts';
import {
  attendedSessions,
  referralBriefRows,
  referralBriefsOfCitizenSince,
  referralFactRows,
  type ReferralBriefRow,
} from './outreach-facts.store.ts';
import { announceClosingNote } from './referral.service.ts';
import { canTransition, isActive, type ReasonCode, type ReferralStatus } from './state-machine.ts';
import { addDays, danishDate, isWorkingDay, type WorkingDayRules } from './working-days.ts';

/** One referral as the outreach rules see it (outreach/rules.ts ReferralFact has this shape). */
export interface ReferralOutreachFact {
  id: string;
  citizenId: string;
  status: string;
  statusReason: string | null;
  closingOutcome: string | null;
  workingDaysPastDue: number;
  pastDue: boolean;
  acceptedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  handHeld: boolean;
  sessions: { heldOn: string; attendance: string }[];
  citizenCancelledAt: Date | null;
}

/** Working days that have begun after `due` up to and including `today` (both YYYY-MM-DD). */
export function workingDaysAfter(due: string, today: string, rules: WorkingDayRules): number {
  let n = 0;
  // Bounded: a referral overdue for more than a year counts as a year.
  for (let d = addDays(due, 1), i = 0; d <= today && i < 400; d = addDays(d, 1), i++)
    if (isWorkingDay(d, rules)) n++;
  return n;
}

/** The referrals the outreach rules look at, closed ones back to `closedSince`. */
export async function referralOutreachFacts(
  tx: Queryable,
  at: Date,
  closedSince: Date,
): Promise<ReferralOutreachFact[]> {
  const { rules } = await getSettings(tx);
  const today = danishDate(at);
  return (await referralFactRows(tx, closedSince)).map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    status: r.status,
    statusReason: r.status_reason,
    closingOutcome: r.closing_outcome,
    pastDue: r.answer_due !== null && today > r.answer_due,
    workingDaysPastDue: r.answer_due === null ? 0 : workingDaysAfter(r.answer_due, today, rules),
    acceptedAt: r.accepted_at,
    contactedAt: r.contacted_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    handHeld: r.hand_held,
    sessions: r.sessions,
    citizenCancelledAt: r.citizen_reply === 'cancelled' ? r.citizen_reply_at : null,
  }));
}

/** What the outreach case page shows of a referral. */
export interface ReferralBrief {
  id: string;
  citizenId: string;
  status: ReferralStatus;
  /** The offer's title, or null for an afklarende samtale. */
  offerTitle: string | null;
  requester: string;
  provider: string | null;
  answerDue: string | null;
  contactedAt: Date | null;
  createdAt: Date;
  noShows: number;
}

const toBrief = (r: ReferralBriefRow): ReferralBrief => ({
  id: r.id,
  citizenId: r.citizen_id,
  status: r.status as ReferralStatus,
  offerTitle: r.requested_service === 'offer' ? r.offer_title : null,
  requester: [r.requester_name, r.requester_org_name].filter(Boolean).join(', '),
  provider: r.owner_org_name,
  answerDue: r.answer_due,
  contactedAt: r.contacted_at,
  createdAt: r.created_at,
  noShows: r.no_shows,
});

/** The referrals named (visible in the caller's scope), audited as read by the outreach lane. */
export async function referralBriefs(
  tx: Queryable,
  actor: AuditActor,
  ids: readonly string[],
): Promise<ReferralBrief[]> {
  const rows = await referralBriefRows(tx, ids);
  await audit(
    tx,
    actor,
    rows.map((r) => ({
      action: 'read' as const,
      entity: 'referral',
      entityId: r.id,
      summary: 'read for outreach',
    })),
  );
  return rows.map(toBrief);
}

/** The citizen's referrals made since `since` (the re-engaged outcome's choices), audited. */
export async function citizenReferralsSince(
  tx: Queryable,
  actor: AuditActor,
  citizenId: string,
  since: Date,
): Promise<ReferralBrief[]> {
  const rows = await referralBriefsOfCitizenSince(tx, citizenId, since);
  await audit(
    tx,
    actor,
    rows.map((r) => ({
      action: 'read' as const,
      entity: 'referral',
      entityId: r.id,
      summary: 'read for outreach',
    })),
  );
  return rows.map(toBrief);
}

export type OutreachReferralOutcome =
  { kind: 'unreachable' } | { kind: 'declined' } | { kind: 'reengaged'; newOffer: string };

/** The closing note's next step when outreach brought the citizen back (the GP reads it). */
export const reengagedNextStep = (newOffer: string) =>
  `Genoptaget gennem opsøgende indsats: tilmeldt ${newOffer}`.slice(0, 2000);
export const UNREACHABLE_NEXT_STEP =
  'Ikke opnået kontakt trods opsøgende indsats. Henvisningen er afsluttet.';

/**
 * Closes a referral still under way with the outreach outcome, acting for the municipality's
 * visitation (the state machine's coordinator party): unreachable → failed, could_not_contact,
 * closing note dropped_out (cancelled, same reason, while it was never accepted); declined →
 * cancelled, no_longer_interested; re-engaged → completed with a closing note naming the new
 * offer (from in-progress; otherwise cancelled, reason other, with the same note). The
 * referrer is told of the closing note as with any other. Returns the new status, or null when
 * the referral was already closed (nothing to do).
 */
export async function closeReferralForOutreach(
  tx: Queryable,
  actor: AuditActor,
  referralId: string,
  outcome: OutreachReferralOutcome,
  at: Date,
): Promise<ReferralStatus | null> {
  await lockReferral(tx, referralId);
  const row = await getReferralRow(tx, referralId);
  if (!row || !isActive(row.status)) return null;
  let to: ReferralStatus;
  let reason: ReasonCode;
  let reasonText = '';
  let closing: { outcome: string; nextStep: string } | null = null;
  if (outcome.kind === 'declined') {
    to = 'cancelled';
    reason = 'no_longer_interested';
  } else if (outcome.kind === 'unreachable') {
    to = row.status === 'requested' ? 'cancelled' : 'failed';
    reason = 'could_not_contact';
    closing = { outcome: 'dropped_out', nextStep: UNREACHABLE_NEXT_STEP };
  } else {
    to = row.status === 'in-progress' ? 'completed' : 'cancelled';
    reason = 'other';
    reasonText = 'Genoptaget gennem opsøgende indsats';
    closing = { outcome: 'referred_on', nextStep: reengagedNextStep(outcome.newOffer) };
  }
  if (!canTransition(row.status, to, 'coordinator')) return null;
  const sessions = closing ? await attendedSessions(tx, referralId) : 0;
  const change: ReferralChange = {
    status: to,
    status_reason: to === 'completed' ? null : reason,
    status_reason_text: to === 'completed' ? '' : reasonText,
    closed_at: at,
  };
  if (closing) {
    change.closing_outcome = closing.outcome;
    change.closing_sessions_attended = sessions;
    change.closing_agreed = '';
    change.closing_next_step = closing.nextStep;
  }
  const version = await updateReferral(tx, referralId, row.version, change);
  if (version === undefined) return null;
  await insertEvent(tx, {
    referral_id: referralId,
    kommune: row.kommune,
    actor_id: actor.actorId,
    actor_role: actor.actorRole,
    client_id: null,
    kind: 'transition',
    from_status: row.status,
    to_status: to,
    reason_code: to === 'completed' ? null : reason,
    reason_text: to === 'completed' ? '' : reasonText,
    detail: {
      outreach: outcome.kind,
      ...(closing
        ? {
            closingNote: {
              outcome: closing.outcome,
              sessionsAttended: sessions,
              agreed: '',
              nextStep: closing.nextStep,
            },
          }
        : {}),
    },
  });
  await audit(tx, actor, {
    action: 'update',
    entity: 'referral',
    entityId: referralId,
    summary: `status ${row.status} → ${to} (outreach: ${outcome.kind})`,
  });
  const fresh = await getReferralRow(tx, referralId);
  if (closing && fresh) await announceClosingNote(tx, fresh);
  return to;
}
