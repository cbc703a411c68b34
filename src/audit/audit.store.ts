/**
 * The append-only audit log of every read and write of personal data: who, when, which
 * record, what. The database refuses updates and deletes (0001_foundation.sql). Summaries
 * describe the action, never the data itself ("viewed sign-ups of offer X", not a name).
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

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string;
  action: AuditAction;
  entity: string;
  entity_id: string;
  summary: string;
  request_id: string;
}

export interface AuditSearch {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: AuditAction | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number;
}

export async function searchAudit(q: Queryable, s: AuditSearch): Promise<AuditRow[]> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  // Each `?` in a condition stands for the same, newly added parameter.
  const add = (condition: string, v: unknown) => {
    params.push(v);
    where.push(condition.replaceAll('?', `$${params.length}`));
  };
  if (s.actor) add('(u.email ilike ? or u.name ilike ?)', `%${s.actor}%`);
  if (s.entity) add('a.entity = ?', s.entity);
  if (s.entityId) add('a.entity_id = ?', s.entityId);
  if (s.action) add('a.action = ?', s.action);
  if (s.from) add('a.at >= ?::date', s.from);
  if (s.to) add('a.at < ?::date + 1', s.to);
  params.push(s.limit ?? 200);
  return q.query<AuditRow>(
    `select a.id::int as id, a.at, a.actor_id, u.name as actor_name, a.actor_role, a.action,
            a.entity, a.entity_id, a.summary, a.request_id
       from audit_log a left join staff_user u on u.id = a.actor_id
      where ${where.join(' and ')}
      order by a.at desc, a.id desc limit $${params.length}`,
    params,
  );
}
