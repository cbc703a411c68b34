/**
 * Health conversations as a section of the citizen's insight export and erasure (people/'s
 * registry, passed in by src/app.ts): every conversation that points to the citizen record
 * (booked from a referral), with what it holds: the personal details and consent, status and
 * dates, the instruments asked and the answers as stored, the support level set by hand and
 * the offers chosen. No retention hold: a conversation may always go on the citizen's request;
 * each deletion is audited in the erasure's transaction. Runs inside people/'s transaction,
 * in the admin's scope (role admin or system), which the policy on conversation admits for
 * the whole municipality.
 */
import type { Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import type { CitizenDataSource } from '../people/index.ts';
import {
  conversationsOfCitizen,
  deleteConversationsOfCitizen,
  savedOffers,
  type Conversation,
} from './conversation.store.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function section(tx: Queryable, c: Conversation) {
  const offers = await savedOffers(tx, c.id);
  return {
    id: c.id,
    status: c.status,
    team: c.team_name,
    worker: c.worker_name,
    name: c.citizen_name,
    birthYear: c.birth_year,
    sex: c.sex,
    postcode: c.postcode,
    language: c.language,
    interpreterNeeded: c.interpreter_needed,
    arena: c.arena,
    bringsChildren: c.brings_children,
    availability: c.availability,
    consent: c.consent_version ? { version: c.consent_version, at: iso(c.consented_at) } : null,
    instruments: c.instruments,
    answered: Object.fromEntries(
      c.instruments.map((i) => [i, Object.keys(c.answers[i] ?? {}).length]),
    ),
    answers: c.answers,
    supportOverride: c.support_override
      ? { level: c.support_override, note: c.support_note }
      : null,
    offers: offers.map((o) => ({ id: o.offer_id, title: o.title, signedUp: o.signup_id !== null })),
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    finishedAt: iso(c.finished_at),
    deleteAfter: iso(c.delete_after),
  };
}

export const conversationCitizenData: CitizenDataSource = {
  key: 'conversations',

  async collect(tx, citizenId) {
    const rows = await conversationsOfCitizen(tx, citizenId);
    const out = [];
    for (const c of rows) out.push(await section(tx, c));
    return out;
  },

  async erase(tx: Queryable, actor: AuditActor, citizenId: string) {
    const ids = await deleteConversationsOfCitizen(tx, citizenId);
    await audit(
      tx,
      actor,
      ids.map((id) => ({
        action: 'delete' as const,
        entity: 'conversation',
        entityId: id,
        summary: 'deleted with the citizen on request',
      })),
    );
  },
};
