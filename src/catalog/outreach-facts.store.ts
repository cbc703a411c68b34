/**
 * What the outreach lane reads about sign-ups (issue 11): sign-ups linked to a citizen record
 * (public sign-ups without one are not chased), and a citizen's sign-ups since a date for the
 * re-engaged outcome. The caller's transaction sets the scope.
 */
import type { Queryable } from '../db/db.ts';

export interface SignupFactRow {
  id: string;
  citizen_id: string;
  created_at: Date;
  status: string;
  cancelled_by: string | null;
  cancelled_at: Date | null;
}

/** Sign-ups with a citizen, made or cancelled since `since`. */
export async function signupFactRows(q: Queryable, since: Date): Promise<SignupFactRow[]> {
  return q.query<SignupFactRow>(
    `select s.id, s.citizen_id, s.created_at, s.status, s.cancelled_by, s.cancelled_at
       from signup s
      where s.kommune = lighed_kommune() and s.citizen_id is not null
        and (s.created_at >= $1 or s.cancelled_at >= $1)
      order by s.created_at, s.id`,
    [since],
  );
}

export interface SignupBriefRow {
  id: string;
  citizen_id: string;
  offer_title: string;
  status: string;
  created_at: Date;
}

export async function signupBriefRows(
  q: Queryable,
  where: { ids: readonly string[] } | { citizenId: string; since: Date },
): Promise<SignupBriefRow[]> {
  const base = `select s.id, s.citizen_id, o.title as offer_title, s.status, s.created_at
                  from signup s join offer o on o.id = s.offer_id`;
  if ('ids' in where) {
    if (where.ids.length === 0) return [];
    return q.query<SignupBriefRow>(`${base} where s.id = any($1::uuid[]) order by s.created_at`, [
      where.ids,
    ]);
  }
  return q.query<SignupBriefRow>(
    `${base} where s.citizen_id = $1 and s.created_at >= $2 and s.status <> 'cancelled'
      order by s.created_at`,
    [where.citizenId, where.since],
  );
}
