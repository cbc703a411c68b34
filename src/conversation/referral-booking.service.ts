/**
 * The health conversation's side of referrals (issue 10): an afklarende samtale booked from the
 * municipality's intake queue opens a conversation for the team that holds them, in the
 * referral's transaction; and a worker's referral after a conversation is prefilled from its
 * profile and chosen offers. The referrals domain calls these through index.ts.
 */
import type { Db, Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { ARENAS, type Arena } from '../catalog/index.ts';
import { findTeam } from '../staff/index.ts';
import { isUiLanguage } from '../web/languages.ts';
import type { Worker } from './access.ts';
import { withConversation } from './conversation.service.ts';
import { createConversation, enabledInstruments, savedOffers } from './conversation.store.ts';
import { profileOf, supportOf } from './derived.ts';
import { actAsTeam, actingTeam } from './referral-booking.store.ts';

export interface ReferralConversationInput {
  teamId: string;
  citizenName: string;
  birthYear: number | null;
  sex: 'female' | 'male' | null;
  postcode: string | null;
  language: string;
  interpreterNeeded: boolean;
  /** The referral's citizen record (people/): the conversation points to it. */
  citizenId?: string | null;
}

/**
 * Opens a named conversation for `teamId` inside the caller's transaction (the referral's
 * consent covers it) and returns its id. The transaction acts for that team while it inserts,
 * as row-level security on conversation requires, and is handed back as it was.
 */
export async function openConversationForReferral(
  tx: Queryable,
  actor: AuditActor,
  input: ReferralConversationInput,
): Promise<string> {
  const before = await actingTeam(tx);
  await actAsTeam(tx, input.teamId);
  try {
    const team = await findTeam(tx, input.teamId);
    if (!team) throw notFound('Team');
    const instruments = (await enabledInstruments(tx)).map((i) => i.id);
    if (instruments.length === 0)
      throw new LighedError('LIGHED_ERR_CONFLICT', 'All instruments are switched off');
    const arena: Arena = (ARENAS as readonly string[]).includes(team.arena)
      ? (team.arena as Arena)
      : 'health_centre';
    const id = await createConversation(
      tx,
      { id: '', kommune: actor.kommune, role: actor.actorRole, team_id: input.teamId },
      {
        anonymous: false,
        citizen_name: input.citizenName,
        birth_year: input.birthYear,
        sex: input.sex,
        postcode: input.postcode,
        language: isUiLanguage(input.language) ? input.language : 'da',
        interpreter_needed: input.interpreterNeeded,
        arena,
        brings_children: false,
        availability: { days: [], times: [] },
        instruments,
        citizen_id: input.citizenId ?? null,
      },
    );
    await audit(tx, actor, {
      action: 'create',
      entity: 'conversation',
      entityId: id,
      summary: 'afklarende samtale booked from a referral',
    });
    return id;
  } finally {
    await actAsTeam(tx, before);
  }
}

/** What a worker's referral after a conversation starts from. */
export interface ReferralDraft {
  conversationId: string;
  citizenName: string;
  birthYear: number | null;
  sex: 'female' | 'male' | null;
  postcode: string | null;
  language: string;
  interpreterNeeded: boolean;
  handHeld: boolean;
  /** Catalog topics from the citizen's priorities and risk factors. */
  topics: string[];
  offers: { id: string; title: string }[];
}

const TOPIC_OF: Record<string, string> = {
  activity: 'physical_activity',
  inactivity: 'physical_activity',
  diet: 'diet',
  smoking: 'smoking',
  alcohol: 'alcohol',
  sleep: 'sleep',
  stress: 'mental_wellbeing',
  wellbeing: 'mental_wellbeing',
  loneliness: 'loneliness',
  socialNeeds: 'community',
  illness: 'chronic_illness',
};

/** The conversation's profile and chosen offers, for the worker's referral form (audited read). */
export async function referralDraft(
  db: Db,
  w: Worker,
  conversationId: string,
): Promise<ReferralDraft> {
  if (!isUuid(conversationId)) throw notFound('Conversation');
  return withConversation(db, w, conversationId, async (tx, c) => {
    if (c.anonymous) throw notFound('Conversation');
    const profile = profileOf(c);
    const support = supportOf(c, profile);
    const saved = await savedOffers(tx, c.id);
    await audit(tx, w.actor, {
      action: 'read',
      entity: 'conversation',
      entityId: c.id,
      summary: 'read for a referral',
    });
    const topics = [
      ...profile.priorities.domains.map((d) => TOPIC_OF[d.code]),
      ...profile.riskFactors.map((r) => TOPIC_OF[r]),
    ].filter((t): t is string => t !== undefined);
    return {
      conversationId: c.id,
      citizenName: c.citizen_name ?? '',
      birthYear: c.birth_year,
      sex: c.sex,
      postcode: c.postcode,
      language: c.language,
      interpreterNeeded: c.interpreter_needed,
      handHeld: support.level === 'handHeld',
      topics: [...new Set(topics)],
      offers: saved.map((o) => ({ id: o.offer_id, title: o.title })),
    };
  });
}
