/**
 * Sign-ups as a section of the citizen's insight export and erasure (people/'s registry,
 * passed in by src/app.ts): every sign-up that points to the citizen record (made from a
 * conversation booked from a referral), with what it holds. No retention hold: a sign-up may
 * always go on the citizen's request (architecture.md, retention); each deletion is audited in
 * the erasure's transaction. Runs inside people/'s transaction; the policy on signup admits
 * the municipality's rows.
 */
import { forgetNotices } from '../notify/index.ts';
import type { Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import type { CitizenDataSource } from '../people/index.ts';
import { deleteSignupsOfCitizen, signupsOfCitizen } from './signup.store.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const signupCitizenData: CitizenDataSource = {
  key: 'signups',

  async collect(tx, citizenId) {
    const rows = await signupsOfCitizen(tx, citizenId);
    return rows.map((s) => ({
      id: s.id,
      offer: { id: s.offer_id, title: s.offer_title },
      status: s.status,
      name: s.name,
      phone: s.phone,
      email: s.email,
      preferredLanguage: s.preferred_language,
      needsInterpreter: s.needs_interpreter,
      message: s.message,
      receiptCode: s.receipt_code,
      consent: { version: s.consent_version, at: iso(s.consented_at) },
      createdAt: iso(s.created_at),
      cancelledAt: iso(s.cancelled_at),
      cancelledBy: s.cancelled_by,
      contactChannels: s.contact_channels,
      confirmedAt: iso(s.confirmed_at),
      newTimeRequestedAt: iso(s.new_time_requested_at),
    }));
  },

  async erase(tx: Queryable, actor: AuditActor, citizenId: string) {
    const ids = await deleteSignupsOfCitizen(tx, citizenId);
    // What the citizen was sent about them, and her reply links, go with them.
    await forgetNotices(tx, 'signup', ids);
    await audit(
      tx,
      actor,
      ids.map((id) => ({
        action: 'delete' as const,
        entity: 'signup',
        entityId: id,
        summary: 'deleted with the citizen on request',
      })),
    );
  },
};
