import { createHash, randomBytes } from 'node:crypto';
import { one, type Queryable } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';

const userColumns = 'id, kommune, email, name, role, organization_id, team_id';
const SESSION_HOURS = 8;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function findUserForSignIn(q: Queryable, email: string) {
  return one<StaffUser & { password_hash: string | null; disabled: boolean }>(
    q,
    `select ${userColumns}, password_hash, disabled from staff_user where lower(email) = lower($1)`,
    [email.trim()],
  );
}

/** Stores a hash made at today's cost, unless the password changed in the meantime. */
export async function replacePasswordHash(
  q: Queryable,
  userId: string,
  oldHash: string,
  newHash: string,
): Promise<void> {
  await q.query('update staff_user set password_hash = $3 where id = $1 and password_hash = $2', [
    userId,
    oldHash,
    newHash,
  ]);
}

export async function createUser(
  q: Queryable,
  u: Omit<StaffUser, 'id' | 'team_id'> & { team_id?: string | null; password_hash: string | null },
): Promise<StaffUser> {
  const row = await one<StaffUser>(
    q,
    `insert into staff_user (kommune, email, name, role, organization_id, team_id, password_hash)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (kommune, lower(email)) do update set name = excluded.name, role = excluded.role,
       organization_id = excluded.organization_id, team_id = excluded.team_id, password_hash = excluded.password_hash
     returning ${userColumns}`,
    [u.kommune, u.email, u.name, u.role, u.organization_id, u.team_id ?? null, u.password_hash],
  );
  if (!row) throw new Error('user not created');
  return row;
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(q: Queryable, user: StaffUser): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.query(
    `insert into staff_session (token_hash, kommune, user_id, expires_at)
     values ($1, $2, $3, now() + make_interval(hours => $4))`,
    [hashToken(token), user.kommune, user.id, SESSION_HOURS],
  );
  return token;
}

export async function userForSession(q: Queryable, token: string): Promise<StaffUser | undefined> {
  return one<StaffUser>(
    q,
    `select ${userColumns
      .split(', ')
      .map((c) => `u.${c}`)
      .join(', ')}
       from staff_session s join staff_user u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    [hashToken(token)],
  );
}

export async function endSession(q: Queryable, token: string): Promise<void> {
  await q.query('delete from staff_session where token_hash = $1', [hashToken(token)]);
}
