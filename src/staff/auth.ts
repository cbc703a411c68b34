/**
 * Who is signed in, and what they may do. Local accounts today; an OpenID Connect provider
 * plugs in behind `IdentityProvider` (docs/operations.md says how) without touching routes:
 * routes only ever see `req.staff` and call `requireRole` (web/access.ts).
 */
import type { FastifyRequest } from 'fastify';
import { inTenant, type Db } from '../db/db.ts';
import { userForSession } from './staff.store.ts';
import type { StaffUser } from '../platform/principal.ts';

export const SESSION_COOKIE = 'lighed_session';

export async function loadStaff(db: Db, req: FastifyRequest): Promise<StaffUser | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const user = await inTenant(db, req.tenant.kommune, (tx) => userForSession(tx, token));
  return user ?? null;
}

/**
 * An external sign-in (OpenID Connect, e.g. the municipality's AD FS or MitID Erhverv broker).
 * After its callback, map the verified claims to a staff_user by (issuer, subject) and start a
 * session with `createSession`, exactly as the password route does.
 */
export interface IdentityProvider {
  readonly id: string;
  authorizationUrl(state: string, nonce: string): Promise<string>;
  /** Verifies the callback and returns the issuer, subject and e-mail it vouches for. */
  callback(
    params: Record<string, string>,
    state: string,
    nonce: string,
  ): Promise<{ issuer: string; subject: string; email: string }>;
}
