/**
 * What the referred citizen is told, and their answers (issue 11): the notices through notify/
 * (received, appointment, reminder, closed), each written in the transaction of the change that
 * causes it, to the channels the citizen consented to, in their language; the daily reminders
 * for tomorrow's appointments; and the reply link's handler (confirm, cancel, ask for a new
 * time), which acts as the citizen.
 */
import type { Db, Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { isUuid } from '../platform/ids.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { sendNotice, type NoticeKind, type ReplyHandler } from '../notify/index.ts';
import { citizenCard, inPeopleScope, phoneE164 } from '../people/index.ts';
import { appointmentFacts, dayAfter, REPLY_CHOICES, replyEffect } from './appointment.ts';
import {
  actAsSystem,
  appointmentsOn,
  getReferralRow,
  insertEvent,
  lockReferral,
  updateReferral,
  type ReferralRow,
} from './referral.store.ts';
import { isActive } from './state-machine.ts';

type ReferralNotice = Extract<NoticeKind, `referral.${string}`>;

/**
 * Queues `kind` about the referral to the citizen (in the caller's transaction, which must see
 * the citizen: the actor's scope or the system). Returns how many messages were queued: none
 * when the citizen consented to no channel or the record is not visible.
 */
export async function notifyCitizen(
  tx: Queryable,
  actor: AuditActor,
  r: ReferralRow,
  kind: ReferralNotice,
  opts: { reply?: boolean; dedupeKey?: string; now?: Date } = {},
): Promise<number> {
  const card = await citizenCard(tx, actor, r.citizen_id);
  if (!card || card.contactChannels.length === 0) return 0;
  const { queued } = await sendNotice(tx, {
    kommune: r.kommune,
    kind,
    recipient: {
      email: card.email || undefined,
      phone: phoneE164(card.phone),
      citizenId: card.hasCpr ? card.id : undefined,
      channels: card.contactChannels,
      language: card.preferredLanguage,
    },
    facts: appointmentFacts(r),
    about: { type: 'referral', id: r.id },
    ...(opts.reply ? { reply: REPLY_CHOICES } : {}),
    ...(opts.dedupeKey ? { dedupeKey: opts.dedupeKey } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return queued;
}

const systemActor = (kommune: string, requestId: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'system',
  requestId,
});

/**
 * Reminders for the appointments on the day after `at` (Copenhagen), in every municipality, as
 * the system: once per referral and day (the dedupe key), none where the citizen has asked for
 * a new time. Returns the number of messages queued.
 */
export async function sendReferralReminders(db: Db, at: Date): Promise<number> {
  const day = dayAfter(at);
  const tenants = await db.transaction((tx) => listTenants(tx));
  let queued = 0;
  for (const { kommune } of tenants) {
    const scope = { kommune, role: 'system', organization_id: null, team_id: null };
    queued += await inPeopleScope(db, scope, async (tx) => {
      let n = 0;
      for (const r of await appointmentsOn(tx, day)) {
        if (r.citizen_reply === 'new_time') continue;
        n += await notifyCitizen(
          tx,
          systemActor(kommune, 'referral.reminders'),
          r,
          'referral.reminder',
          {
            reply: true,
            dedupeKey: `referral.reminder:${r.id}:${day}`,
            now: at,
          },
        );
      }
      return n;
    });
  }
  return queued;
}

const citizenActor = (kommune: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'citizen',
  requestId: 'reply-link',
});

/** A reply counts while the referral is active and has an appointment to answer. */
const answerable = (r: ReferralRow) => isActive(r.status) && r.appointment_at !== null;

/**
 * The reply link's handler for referrals: the page shows the appointment's place and time; the
 * citizen's choice is written as the citizen (event, reply on the referral, version bumped,
 * audited). A cancellation gives the appointment up, which the outreach scan picks up.
 */
export const referralReplyHandler: ReplyHandler = {
  subject: 'referral',
  // A wish with "new time" ("mornings suit me") goes into the history for the receiver.
  acceptsNote: true,

  async describe(tx, kommune, id) {
    if (!isUuid(id)) return null;
    const restore = await actAsSystem(tx, kommune);
    try {
      const r = await getReferralRow(tx, id);
      if (!r) return null;
      await audit(tx, citizenActor(kommune), {
        action: 'read',
        entity: 'referral',
        entityId: id,
        summary: 'reply page opened',
      });
      const facts = appointmentFacts(r);
      return {
        placeName: facts.placeName,
        ...(facts.startsAt ? { startsAt: facts.startsAt } : {}),
        open: answerable(r),
      };
    } finally {
      await restore();
    }
  },

  async apply(tx, kommune, id, choice, at, note) {
    if (!isUuid(id)) return;
    const restore = await actAsSystem(tx, kommune);
    try {
      await lockReferral(tx, id);
      const r = await getReferralRow(tx, id);
      if (!r || !answerable(r)) return;
      const effect = replyEffect(choice);
      await updateReferral(tx, id, r.version, {
        citizen_reply: effect.reply,
        citizen_reply_at: at,
        ...(effect.clearsAppointment ? { appointment_at: null, appointment_place: null } : {}),
      });
      await insertEvent(tx, {
        referral_id: id,
        kommune,
        actor_id: null,
        actor_role: 'citizen',
        client_id: null,
        kind: effect.event,
        from_status: r.status,
        to_status: r.status,
        reason_code: null,
        reason_text: choice === 'new_time' ? (note ?? '').trim().slice(0, 300) : '',
        detail: { appointmentAt: r.appointment_at?.toISOString() ?? null },
        at,
      });
      await audit(tx, citizenActor(kommune), {
        action: 'update',
        entity: 'referral',
        entityId: id,
        summary: `citizen replied: ${choice}`,
      });
    } finally {
      await restore();
    }
  },
};
