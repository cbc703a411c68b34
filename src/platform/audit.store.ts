/**
 * Writing the append-only audit log of every read and write of personal data: who, when,
 * which record, what. The database refuses updates and deletes (0001_foundation.sql). Every
 * domain audits in the same transaction as the change; summaries describe the action, never
 * the data itself ("viewed sign-ups of offer X", not a name). Reading it is the audit domain's.
 */
import type { Queryable } from '../db/db.ts';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'export';

export interface AuditActor {
  kommune: string;
  /** Staff user id; null for a citizen acting on their own data, or the system. */
  actorId: string | null;
  actorRole: string;
  requestId: string;
}

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: string;
  summary?: string;
}

export async function audit(
  q: Queryable,
  actor: AuditActor,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const values: unknown[] = [];
  const rows = list.map((e, i) => {
    values.push(
      actor.kommune,
      actor.actorId,
      actor.actorRole,
      e.action,
      e.entity,
      e.entityId,
      e.summary ?? '',
      actor.requestId,
    );
    const b = i * 8;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
  });
  await q.query(
    `insert into audit_log (kommune, actor_id, actor_role, action, entity, entity_id, summary, request_id)
     values ${rows.join(', ')}`,
    values,
  );
}
