/**
 * Reading the audit log: the search behind the admin's audit page. Writing it is the kernel's
 * (platform/audit.store.ts), so every domain audits in the same transaction as its change.
 */
import type { Queryable } from '../db/db.ts';
import type { AuditAction } from '../platform/audit.store.ts';

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string;
  /** As stored: an AuditAction today, but an older or newer row may hold anything. */
  action: AuditAction | (string & {});
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
