/**
 * Teams of frontline workers: a health conversation belongs to the team of the worker who
 * started it, and only that team (and admins) can see it (decision 0008).
 */
import { one, type Queryable } from '../db/db.ts';

/**
 * Where a team meets citizens: one of the catalog's arenas. Staff keeps it a plain string so
 * it needs no catalog; the column's check constraint holds the list, and callers that need the
 * catalog's type narrow it there.
 */
type ArenaCode = string;

export interface Team {
  id: string;
  name: string;
  arena: ArenaCode;
  members: { id: string; name: string }[];
}

export async function listTeams(q: Queryable): Promise<Team[]> {
  return q.query<Team>(
    `select t.id, t.name, t.arena,
            coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name) filter (where u.id is not null), '[]') as members
       from team t left join staff_user u on u.team_id = t.id and not u.disabled
      group by t.id order by t.name`,
  );
}

export async function createTeam(
  q: Queryable,
  kommune: string,
  name: string,
  arena: ArenaCode,
): Promise<string | null> {
  const row = await one<{ id: string }>(
    q,
    'insert into team (kommune, name, arena) values ($1, $2, $3) on conflict (kommune, name) do nothing returning id',
    [kommune, name, arena],
  );
  return row?.id ?? null;
}

/** One team of the municipality, without its members; undefined if there is none. */
export async function findTeam(
  q: Queryable,
  id: string,
): Promise<Omit<Team, 'members'> | undefined> {
  return one<Omit<Team, 'members'>>(q, 'select id, name, arena from team where id = $1', [id]);
}

export async function frontlineWorkers(
  q: Queryable,
): Promise<{ id: string; name: string; email: string; team_id: string | null }[]> {
  return q.query(
    `select id, name, email, team_id from staff_user where role = 'frontline' and not disabled order by name`,
  );
}

/** Moves a frontline worker to a team (or out of all teams); false if no such worker. */
export async function assignTeam(
  q: Queryable,
  userId: string,
  teamId: string | null,
): Promise<boolean> {
  const rows = await q.query(
    `update staff_user set team_id = $2 where id = $1 and role = 'frontline' returning id`,
    [userId, teamId],
  );
  return rows.length > 0;
}
