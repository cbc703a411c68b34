/**
 * Sending a notice: rendered in the citizen's language for every channel the citizen
 * consented to and has an address for, queued in the kernel's outbox in the caller's
 * transaction (so it exists iff the change that causes it commits), with one reply link
 * shared by its channels.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { enqueueMessage, forgetMessagesAbout, type Channel } from '../platform/mail/index.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { issueToken, linkExpiry, replyPath } from './link.ts';
import {
  canonicalChoices,
  noticeLanguage,
  renderNotice,
  type NoticeFacts,
  type NoticeKind,
  type ReplyChoice,
  type ReplySubject,
} from './notice.ts';
import {
  deleteExpiredReplyLinks,
  deleteReplyLinksOf,
  insertReplyLink,
} from './reply-link.store.ts';
import { notifySettings } from './settings.ts';

export interface NoticeRecipient {
  email?: string | undefined;
  phone?: string | undefined;
  citizenId?: string | undefined;
  /** Channels the citizen consented to; a channel without an address is skipped; empty: nothing sent. */
  channels: readonly Channel[];
  /** da en ar tr so uk; anything else: Danish. */
  language: string;
}

export interface Notice {
  kommune: string;
  kind: NoticeKind;
  recipient: NoticeRecipient;
  facts: NoticeFacts;
  about: { type: ReplySubject; id: string };
  /** The reply link's choices; omitted or empty: no link. */
  reply?: readonly ReplyChoice[];
  /**
   * The path of the offer's anonymous feedback form (src/voice/), e.g. `/tilbud/<id>/mening`:
   * the notice links to it in the citizen's language. Omitted: no feedback link.
   */
  feedbackPath?: string;
  /** e.g. `signup.reminder:${id}:${date}`; the channel is appended per message. */
  dedupeKey?: string;
  now?: Date;
}

/**
 * A phone number as the SMS gateway needs it (E.164): Danish eight-digit numbers get +45,
 * 00 becomes +; null when it is still not a number.
 */
export function smsNumber(raw: string | undefined): string | null {
  if (!raw) return null;
  let s = raw.replace(/[\s().-]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^\d{8}$/.test(s)) s = `+45${s}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
}

/** Each consented channel once, with its address; channels without one are left out. */
export function addressed(r: NoticeRecipient): { channel: Channel; to: string }[] {
  const out: { channel: Channel; to: string }[] = [];
  for (const channel of new Set(r.channels)) {
    const to =
      channel === 'email'
        ? r.email?.trim()
        : channel === 'sms'
          ? smsNumber(r.phone)
          : r.citizenId?.trim();
    if (to) out.push({ channel, to });
  }
  return out;
}

/** Queues the notice on each channel in `tx` (bound to `n.kommune`); returns how many. */
export async function sendNotice(tx: Queryable, n: Notice): Promise<{ queued: number }> {
  const targets = addressed(n.recipient);
  if (targets.length === 0) return { queued: 0 };
  const now = n.now ?? new Date();
  const lang = noticeLanguage(n.recipient.language);
  const choices = canonicalChoices(n.reply ?? []);
  const settings = choices.length || n.feedbackPath ? notifySettings() : null;
  const issued =
    settings && choices.length
      ? issueToken(settings.linkSecret, n.kommune, linkExpiry(now, n.facts.startsAt))
      : null;
  const rendered = renderNotice({
    kind: n.kind,
    lang,
    facts: n.facts,
    reply:
      settings && issued
        ? { url: `${settings.publicUrl}${replyPath(issued.token)}`, choices }
        : undefined,
    feedback:
      settings && n.feedbackPath
        ? { url: `${settings.publicUrl}${n.feedbackPath}?lang=${lang}` }
        : undefined,
  });
  let queued = 0;
  for (const { channel, to } of targets) {
    const made = await enqueueMessage(tx, {
      kommune: n.kommune,
      channel,
      to,
      kind: n.kind,
      subject: rendered.subject,
      text: channel === 'sms' ? rendered.sms : rendered.text,
      ...(channel === 'email' ? { html: rendered.html } : {}),
      about: { type: n.about.type, id: n.about.id },
      ...(n.dedupeKey ? { dedupeKey: `${n.dedupeKey}:${channel}` } : {}),
    });
    if (made) queued += 1;
  }
  // The link is stored only when a message carries it (a repeat held back by its dedupe key
  // would otherwise leave a row nobody has the token for).
  if (issued && queued > 0) {
    await insertReplyLink(tx, {
      kommune: n.kommune,
      subject: n.about.type,
      subjectId: n.about.id,
      choices,
      language: lang,
      tokenHash: issued.hash,
      contactPhone: n.facts.contactPhone?.trim().slice(0, 40) || null,
      expiresAt: issued.expiresAt,
      createdAt: now,
    });
  }
  return { queued };
}

/** Days an expired link is kept, so a late click still says "expired" with the number to call. */
export const KEEP_EXPIRED_DAYS = 30;

/** Deletes links expired for KEEP_EXPIRED_DAYS, in every municipality (the daily retention). */
export async function purgeReplyLinks(db: Db, at: Date = new Date()): Promise<number> {
  let n = 0;
  for (const { kommune } of await listTenants(db))
    n += await inTenant(db, kommune, (tx) => deleteExpiredReplyLinks(tx, at, KEEP_EXPIRED_DAYS));
  return n;
}

/**
 * Forgets what the citizen was told about these records and the links she could answer with:
 * called by the subject's domain when it erases them (the citizen's erasure), in its
 * transaction.
 */
export async function forgetNotices(
  tx: Queryable,
  subject: ReplySubject,
  ids: readonly string[],
): Promise<void> {
  await deleteReplyLinksOf(tx, subject, ids);
  await forgetMessagesAbout(tx, subject, ids);
}
