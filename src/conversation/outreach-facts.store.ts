/**
 * What the outreach lane reads about health conversations (issue 11): the named conversations
 * linked to a citizen record, whole (the support level is derived from the answers). Runs in
 * the scan's transaction as the system (the conversation policy admits it).
 */
import type { Queryable } from '../db/db.ts';
import type { Conversation } from './conversation.store.ts';

export async function citizenConversations(q: Queryable): Promise<Conversation[]> {
  return q.query<Conversation>(
    `select c.id, c.kommune, c.team_id, t.name as team_name, c.worker_id, u.name as worker_name,
            c.anonymous, c.citizen_name, c.birth_year, c.sex, c.postcode, c.consent_version,
            c.consented_at, c.language, c.interpreter_needed, c.arena, c.brings_children,
            c.availability, c.instruments, c.answers, c.step, c.status, c.support_override,
            c.support_note, c.created_at, c.updated_at, c.finished_at, c.delete_after, c.citizen_id
       from conversation c join team t on t.id = c.team_id
       left join staff_user u on u.id = c.worker_id
      where c.kommune = lighed_kommune() and c.citizen_id is not null and not c.anonymous
        and c.delete_after > now()
      order by c.updated_at`,
  );
}
