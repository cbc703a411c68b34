/**
 * The kernel's mail outbox (decision 0012). A domain announces something by mail with
 * `enqueueMail(tx, …)` inside the transaction of the change itself: the message exists if and
 * only if the change commits, and is sent afterwards by the sender (sender.ts) that the server
 * runs every 30 seconds and `lighed mail send-pending` runs once. Bodies carry no personal or
 * health data beyond what is needed: a link to sign in and read, not the content.
 */
import type { Queryable } from '../../db/db.ts';
import { checkMail, type Mail } from './mail.ts';
import { insertMessage } from './outbox.store.ts';

export type { Mail } from './mail.ts';
export { MAX_ATTEMPTS } from './mail.ts';
export {
  outboxCounts,
  purgeOutbox,
  sendPending,
  startMailSender,
  type MailLog,
  type MailSender,
  type SendOutcome,
} from './sender.ts';
export { transportFor, type MailTransport } from './transport.ts';

/**
 * Queues one message in the caller's transaction, which must be bound to `m.kommune`
 * (inTenant or a domain's scope): row-level security refuses another municipality's. Throws
 * LighedError LIGHED_ERR_VALIDATION naming the fields when the message is malformed (an
 * address that is not one, a subject with a line break).
 */
export async function enqueueMail(tx: Queryable, m: Mail): Promise<{ id: string }> {
  return insertMessage(tx, checkMail(m));
}
