/**
 * SQL for creating an administrator from the command line: the municipality (as the owner:
 * the application role may not write `tenant`), the account's state, and its first password.
 */
import { one, type Queryable } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';

export async function findTenantName(q: Queryable, kommune: string): Promise<string | undefined> {
  const row = await one<{ name: string }>(q, 'select name from tenant where kommune = $1', [
    kommune,
  ]);
  return row?.name;
}

export async function tenantHostnames(q: Queryable, kommune: string): Promise<string[]> {
  const row = await one<{ hostnames: string[] }>(
    q,
    'select hostnames from tenant where kommune = $1',
    [kommune],
  );
  return row?.hostnames ?? [];
}

/** A municipality that is not a demo; run through `Db.asOwner`. */
export async function insertTenant(q: Queryable, kommune: string, name: string): Promise<void> {
  await q.query(
    'insert into tenant (kommune, name) values ($1, $2) on conflict (kommune) do nothing',
    [kommune, name],
  );
}

/** The account with this e-mail in the current municipality, and whether it has a password. */
export async function accountByEmail(
  q: Queryable,
  email: string,
): Promise<(StaffUser & { has_password: boolean; disabled: boolean }) | undefined> {
  return one(
    q,
    `select id, kommune, email, name, role, organization_id, team_id,
            password_hash is not null as has_password, disabled
       from staff_user where lower(email) = lower($1)`,
    [email.trim()],
  );
}

export async function accountById(q: Queryable, id: string): Promise<StaffUser | undefined> {
  return one<StaffUser>(
    q,
    `select id, kommune, email, name, role, organization_id, team_id
       from staff_user where id = $1 and not disabled`,
    [id],
  );
}

export async function setPasswordHash(q: Queryable, userId: string, hash: string): Promise<void> {
  await q.query('update staff_user set password_hash = $2 where id = $1', [userId, hash]);
}
