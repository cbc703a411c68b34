/**
 * The demo's own SQL: its municipality, teams, and the team of an existing account. Providers,
 * places, offers and accounts go through the catalog's and staff's stores (their index.ts).
 */
import { one, type Queryable } from '../db/db.ts';
import type { DemoTeam } from './demo.data.ts';

export async function hasAnyTenant(q: Queryable): Promise<boolean> {
  const rows = await q.query('select 1 from tenant limit 1');
  return rows.length > 0;
}

/** Whether the municipality exists; with `demoOnly`, only when it is marked as demo. */
export async function tenantExists(
  q: Queryable,
  kommune: string,
  { demoOnly = false }: { demoOnly?: boolean } = {},
): Promise<boolean> {
  const rows = await q.query(
    demoOnly
      ? 'select 1 from tenant where kommune = $1 and demo'
      : 'select 1 from tenant where kommune = $1',
    [kommune],
  );
  return rows.length > 0;
}

export async function insertDemoTenant(
  q: Queryable,
  kommune: string,
  name: string,
  hostnames: readonly string[],
): Promise<void> {
  await q.query(`insert into tenant (kommune, name, hostnames, demo) values ($1, $2, $3, true)`, [
    kommune,
    name,
    hostnames,
  ]);
}

export async function hasAnyTeam(q: Queryable, kommune: string): Promise<boolean> {
  const rows = await q.query('select 1 from team where kommune = $1 limit 1', [kommune]);
  return rows.length > 0;
}

/** The team's id, creating the team when missing (idempotent, unlike staff's createTeam). */
export async function ensureTeam(q: Queryable, kommune: string, t: DemoTeam): Promise<string> {
  await q.query(
    'insert into team (kommune, name, arena) values ($1, $2, $3) on conflict (kommune, name) do nothing',
    [kommune, t.name, t.arena],
  );
  const [row] = await q.query<{ id: string }>(
    'select id from team where kommune = $1 and name = $2',
    [kommune, t.name],
  );
  return row!.id;
}

/** The account's team (null: none), or undefined when there is no such account. */
export async function accountTeam(
  q: Queryable,
  kommune: string,
  email: string,
): Promise<{ team_id: string | null } | undefined> {
  return one<{ team_id: string | null }>(
    q,
    'select team_id from staff_user where kommune = $1 and lower(email) = lower($2)',
    [kommune, email],
  );
}

export async function setAccountTeam(
  q: Queryable,
  kommune: string,
  email: string,
  teamId: string,
): Promise<void> {
  await q.query(
    'update staff_user set team_id = $2 where kommune = $3 and lower(email) = lower($1)',
    [email, teamId, kommune],
  );
}
