/**
 * Keeping conversations no longer than the consent text promises (CONVERSATION_RETENTION):
 * named ones a year after their last change, anonymous ones for a day. Daily in the server
 * and with `lighed purge`; each deletion is audited.
 */
import type { Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { purgeExpiredConversations } from './conversation.store.ts';

export function purgeConversations(db: Db): Promise<number> {
  return purgeExpiredConversations(db, (tx, kommune, ids) =>
    audit(
      tx,
      { kommune, actorId: null, actorRole: 'system', requestId: 'retention' },
      ids.map((id) => ({
        action: 'delete' as const,
        entity: 'conversation',
        entityId: id,
        summary: 'retention period ended',
      })),
    ),
  );
}
