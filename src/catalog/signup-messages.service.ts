/**
 * Messages after a sign-up (issue 11): the day-before reminder, run daily by the job queue for
 * every municipality, and the citizen's answer through a message's reply link (notify/ owns the
 * link and its page; this is what a choice does to a sign-up). Each use of a sign-up's contact
 * details and each change is audited in the same transaction: the reminder as the system, the
 * reply as the citizen.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { sendNotice, type ReplyChoice, type ReplyHandler } from '../notify/index.ts';
import { isoWeekday } from './finder.ts';
import { getOfferDetail, getOfferDetails } from './offer.store.ts';
import { offerFeedbackPath } from './offer.ts';
import {
  dayAfter,
  nextSessionAfter,
  noticeFacts,
  noticeRecipient,
  quietSince,
  reminderKey,
  sessionOn,
} from './signup-notices.ts';
import { applySignupReply, reminderCandidates, signupForReply } from './signup.store.ts';

const system = (kommune: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'system',
  requestId: 'reminders',
});

/**
 * Queues the reminder for every sign-up, in every municipality, whose offer meets on the day
 * after `at` (Copenhagen): not cancelled, with a channel the citizen ticked, not just asked
 * for a new time (signup-notices.ts NEW_TIME_QUIET_DAYS). The dedupe key
 * holds the session's date, so a second run the same day (or a retried job) queues nothing.
 * Returns the number of messages queued.
 */
export async function sendSignupReminders(db: Db, at: Date): Promise<number> {
  const date = dayAfter(at);
  const weekday = isoWeekday(date);
  let queued = 0;
  for (const { kommune } of await listTenants(db)) {
    queued += await inTenant(db, kommune, async (tx) => {
      const due = await reminderCandidates(tx, date, weekday, quietSince(at));
      if (due.length === 0) return 0;
      const offers = new Map(
        (await getOfferDetails(tx, [...new Set(due.map((s) => s.offer_id))])).map((o) => [o.id, o]),
      );
      let n = 0;
      const used: string[] = [];
      for (const s of due) {
        const offer = offers.get(s.offer_id);
        const session = offer ? sessionOn(offer.schedules, date) : null;
        if (!offer || !session) continue;
        const sent = await sendNotice(tx, {
          kommune,
          kind: 'signup.reminder',
          recipient: noticeRecipient(s),
          facts: noticeFacts(offer, session),
          about: { type: 'signup', id: s.id },
          reply: ['confirm', 'cancel', 'new_time'],
          // A stable link per offer to its anonymous feedback form (src/voice/).
          feedbackPath: offerFeedbackPath(offer.id),
          dedupeKey: reminderKey(s.id, date),
          now: at,
        });
        n += sent.queued;
        used.push(s.id);
      }
      await audit(
        tx,
        system(kommune),
        used.map((id) => ({
          action: 'read' as const,
          entity: 'signup',
          entityId: id,
          summary: `reminder for the session on ${date}`,
        })),
      );
      return n;
    });
  }
  return queued;
}

const citizen = (kommune: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'citizen',
  requestId: 'reply-link',
});

const CHOICE_SUMMARY: Record<ReplyChoice, string> = {
  confirm: 'confirmed by the citizen with a reply link',
  cancel: 'cancelled by the citizen with a reply link',
  new_time: 'new time asked for by the citizen with a reply link',
};

/** The sign-up side of notify's reply links (subject 'signup'); app.ts hands it to notify. */
export const signupReplyHandler: ReplyHandler = {
  subject: 'signup',

  async describe(tx: Queryable, kommune: string, id: string) {
    const row = await signupForReply(tx, id);
    if (!row) return null;
    const offer = await getOfferDetail(tx, row.offer_id);
    if (!offer) return null;
    await audit(tx, citizen(kommune), {
      action: 'read',
      entity: 'signup',
      entityId: row.id,
      summary: 'opened a reply link',
    });
    // Place and time of the next session: what the citizen says yes or no to.
    const facts = noticeFacts(offer, nextSessionAfter(offer.schedules, new Date()));
    return {
      placeName: facts.placeName,
      ...(facts.address ? { address: facts.address } : {}),
      ...(facts.startsAt ? { startsAt: facts.startsAt } : {}),
      open: row.status !== 'cancelled' && offer.status === 'published',
    };
  },

  async apply(tx: Queryable, kommune: string, id: string, choice: ReplyChoice, at: Date) {
    const changed = await applySignupReply(tx, id, choice, at);
    if (changed) {
      await audit(tx, citizen(kommune), {
        action: 'update',
        entity: 'signup',
        entityId: id,
        summary: CHOICE_SUMMARY[choice],
      });
    } else if (await signupForReply(tx, id)) {
      // Already cancelled: nothing changes, but the citizen's use of the link is a read.
      await audit(tx, citizen(kommune), {
        action: 'read',
        entity: 'signup',
        entityId: id,
        summary: 'reply link used on a cancelled sign-up',
      });
    }
  },
};
