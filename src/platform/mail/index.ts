/**
 * The kernel's outbox (decisions 0012, 0020). A domain announces something with
 * `enqueueMessage(tx, …)` (or `enqueueMail` for e-mail) inside the transaction of the change
 * itself: the message exists if and only if the change commits, and is sent afterwards by the
 * sender (sender.ts `sendPending`) on its channel: e-mail over SMTP, SMS through GatewayAPI,
 * letters to Digital Post through an adapter. Bodies carry no personal or health data beyond
 * what is needed: the place and time, a link, not the content.
 */
import type { Queryable } from '../../db/db.ts';
import { isUuid } from '../ids.ts';
import { checkMessage, type OutboundMessage, type MessageRecord } from './channels.ts';
import { checkMail, type Mail } from './mail.ts';
import { deleteMessagesAbout, insertMessage, insertOutbound, selectAbout } from './outbox.store.ts';

export type { Mail } from './mail.ts';
export { MAX_ATTEMPTS } from './mail.ts';
export {
  CHANNELS,
  SMS_MAX_LENGTH,
  maskRecipient,
  type Channel,
  type MessageRecord,
  type MessageStatus,
  type OutboundMessage,
} from './channels.ts';
export {
  activeChannels,
  closeChannels,
  outboxCounts,
  purgeOutbox,
  sendPending,
  type Channels,
  type MailLog,
  type SendOutcome,
} from './sender.ts';
export { transportFor, type MailTransport } from './transport.ts';
export { SMS_WEBHOOK_PATH, smsTransportFor, type SmsTransport } from './sms.ts';
export {
  digitalPostChannel,
  fileDigitalPost,
  type CprResolver,
  type DigitalPostAdapter,
  type DigitalPostLetter,
} from './digital-post.ts';
export { channelsFor, type ChannelOptions } from './outbox-channels.ts';
export {
  applyDeliveryReport,
  outboxOverview,
  receiveSmsReport,
  retryMessage,
  type FailedMessage,
  type OutboxOverview,
} from './outbox.service.ts';

/**
 * Queues one e-mail in the caller's transaction, which must be bound to `m.kommune`
 * (inTenant or a domain's scope): row-level security refuses another municipality's. Throws
 * LighedError LIGHED_ERR_VALIDATION naming the fields when the message is malformed (an
 * address that is not one, a subject with a line break).
 */
export async function enqueueMail(tx: Queryable, m: Mail): Promise<{ id: string }> {
  return insertMessage(tx, checkMail(m));
}

/**
 * Queues one message on its channel in the caller's transaction (bound to `m.kommune`).
 * Throws LighedError LIGHED_ERR_VALIDATION naming the fields (an SMS number that is not E.164,
 * an SMS over 480 characters, a Digital Post recipient that is not a citizen id). Returns null,
 * without throwing, when the municipality already has a message with `m.dedupeKey`.
 */
export async function enqueueMessage(
  tx: Queryable,
  m: OutboundMessage,
): Promise<{ id: string } | null> {
  return insertOutbound(tx, checkMessage(m));
}

/** What was sent about one sign-up, referral or outreach case, oldest first (tx bound to the tenant). */
export async function messagesAbout(
  tx: Queryable,
  about: { type: string; id: string },
): Promise<MessageRecord[]> {
  if (!isUuid(about.id)) return [];
  return selectAbout(tx, about);
}

/**
 * Deletes every message about these records, sent or not: their erasure on the citizen's
 * request (a queued reminder must not go out afterwards, and a sent one keeps the address).
 */
export function forgetMessagesAbout(
  tx: Queryable,
  type: 'signup' | 'referral' | 'outreach',
  ids: readonly string[],
): Promise<number> {
  return deleteMessagesAbout(tx, type, ids);
}
