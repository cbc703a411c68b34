/** One-time sign-in links (0007_signin_links.sql): only the token's SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { one, type Queryable } from '../db/db.ts';

const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new link for the account; returns the token for the URL (never stored in clear). */
export async function createSigninLink(
  q: Queryable,
  kommune: string,
  userId: string,
  expiresAt: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.query(
    `insert into staff_signin_link (token_hash, kommune, user_id, expires_at) values ($1, $2, $3, $4)`,
    [hashLinkToken(token), kommune, userId, expiresAt],
  );
  return token;
}

export interface SigninLinkRow {
  user_id: string;
  email: string;
  name: string;
  expires_at: Date;
  used_at: Date | null;
  disabled: boolean;
}

export async function findSigninLink(
  q: Queryable,
  token: string,
): Promise<SigninLinkRow | undefined> {
  return one<SigninLinkRow>(
    q,
    `select l.user_id, u.email, u.name, l.expires_at, l.used_at, u.disabled
       from staff_signin_link l join staff_user u on u.id = l.user_id
      where l.token_hash = $1`,
    [hashLinkToken(token)],
  );
}

/**
 * Marks the link used if it still works at `now`; the account's id, or undefined when another
 * request used it first or it has expired (one statement, so a link works exactly once).
 */
export async function useSigninLink(
  q: Queryable,
  token: string,
  now: Date,
): Promise<string | undefined> {
  const row = await one<{ user_id: string }>(
    q,
    `update staff_signin_link set used_at = $2
      where token_hash = $1 and used_at is null and expires_at > $2
      returning user_id`,
    [hashLinkToken(token), now],
  );
  return row?.user_id;
}

/** Removes the account's unused links: a new link replaces them, a used one ends them. */
export async function retireSigninLinks(q: Queryable, userId: string): Promise<void> {
  await q.query('delete from staff_signin_link where user_id = $1 and used_at is null', [userId]);
}
