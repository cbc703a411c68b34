/**
 * Referrals as a section of the citizen's insight export and erasure (people/'s registry,
 * passed in by src/app.ts): everything held about the citizen's referrals (with history,
 * sessions and closing notes); erasure held while a referral is under way; otherwise the
 * referrals and their rows are deleted, each deletion audited in the erasure's transaction.
 * Runs inside people/'s transaction, in the admin's scope.
 */
import { forgetNotices } from '../notify/index.ts';
import type { Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import type { CitizenDataSource } from '../people/index.ts';
import {
  deleteReferralsOfCitizen,
  listEvents,
  listSessions,
  referralsOfCitizen,
  type ReferralRow,
} from './referral.store.ts';
import { ACTIVE_STATUSES, isActive } from './state-machine.ts';

/** The hold's message key (people/ shows it on the erasure page). */
export const ACTIVE_REFERRAL_HOLD = 'referral.hold.active';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function section(tx: Queryable, r: ReferralRow) {
  const [events, sessions] = await Promise.all([listEvents(tx, r.id), listSessions(tx, r.id)]);
  return {
    id: r.id,
    status: r.status,
    statusReason: r.status_reason ? { code: r.status_reason, text: r.status_reason_text } : null,
    source: r.source,
    requestedService: r.requested_service,
    offer: r.offer_title,
    provider: r.owner_org_name,
    referrer: [r.requester_org_name, r.requester_name].filter(Boolean).join(' · ') || null,
    identifier:
      r.identifier_system && r.identifier_value
        ? { system: r.identifier_system, value: r.identifier_value }
        : null,
    reason: r.reason,
    needs: r.needs,
    note: r.note,
    consentAt: iso(r.consent_at),
    answerDue: r.answer_due,
    contactedAt: iso(r.contacted_at),
    enrolledOn: r.enrolled_on,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    closedAt: iso(r.closed_at),
    closingNote:
      r.closing_outcome !== null
        ? {
            outcome: r.closing_outcome,
            sessionsAttended: r.closing_sessions_attended ?? 0,
            agreed: r.closing_agreed,
            nextStep: r.closing_next_step,
          }
        : null,
    sessions: sessions.map((s) => ({ heldOn: s.held_on, attendance: s.attendance })),
    history: events.map((e) => ({
      at: iso(e.at),
      kind: e.kind,
      by: e.actor_name ?? e.actor_role,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reasonCode: e.reason_code,
      reasonText: e.reason_text,
      detail: e.detail,
    })),
  };
}

export const referralCitizenData: CitizenDataSource = {
  key: 'referrals',

  async collect(tx, citizenId) {
    const rows = await referralsOfCitizen(tx, citizenId);
    const out = [];
    for (const r of rows) out.push(await section(tx, r));
    return out;
  },

  async holds(tx, citizenId) {
    const rows = await referralsOfCitizen(tx, citizenId);
    return rows.some((r) => isActive(r.status)) ? [ACTIVE_REFERRAL_HOLD] : [];
  },

  async erase(tx: Queryable, actor: AuditActor, citizenId: string) {
    const ids = await deleteReferralsOfCitizen(tx, citizenId, ACTIVE_STATUSES);
    // What the citizen was sent about them, and her reply links, go with them.
    await forgetNotices(tx, 'referral', ids);
    await audit(
      tx,
      actor,
      ids.map((id) => ({
        action: 'delete' as const,
        entity: 'referral',
        entityId: id,
        summary: 'erased with the citizen on request',
      })),
    );
  },
};
