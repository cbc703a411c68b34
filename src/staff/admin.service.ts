/**
 * The first administrator of a municipality (`lighed admin create`) and the one-time link where
 * they choose their password. The command creates the municipality when it is new, the account
 * without a password, and a link that works once within SIGNIN_LINK_HOURS; the page behind the
 * link sets the password and signs them in.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import {
  accountByEmail,
  accountById,
  findTenantName,
  insertTenant,
  setPasswordHash,
  tenantHostnames,
} from './admin.store.ts';
import {
  SET_PASSWORD_PATH,
  adminInputProblems,
  linkExpiry,
  linkState,
  newPasswordProblems,
  type AdminInput,
  type LinkState,
} from './first-admin.ts';
import { hashPassword } from './password.ts';
import {
  createSigninLink,
  findSigninLink,
  retireSigninLinks,
  useSigninLink,
} from './signin-link.store.ts';
import { createSession, createUser } from './staff.store.ts';

export interface CreatedAdmin {
  kommune: string;
  kommuneName: string;
  tenantCreated: boolean;
  /** True when the account was already there without a password: only a new link was made. */
  linkRenewed: boolean;
  /** Path and query of the link (the caller adds the host). */
  link: string;
  expiresAt: Date;
  hostnames: string[];
}

/**
 * Creates the administrator (and the municipality when new) and a one-time sign-in link. Run
 * again for an account that has not chosen a password yet, it replaces the link; an account that
 * has one is refused, so the command cannot take over an account in use.
 */
export async function createAdmin(
  db: Db,
  input: AdminInput,
  clock: Clock = systemClock,
): Promise<CreatedAdmin> {
  const kommune = input.kommune.trim();
  const existing = /^\d{4}$/.test(kommune) ? await findTenantName(db, kommune) : undefined;
  const problems = adminInputProblems({ ...input, kommune }, existing !== undefined);
  if (problems.length) throw invalid(problems);
  const kommuneName = existing ?? input.kommuneName!.trim();
  // The application role may not write `tenant` (0008): an operator task, so as the owner.
  if (existing === undefined) await db.asOwner((tx) => insertTenant(tx, kommune, kommuneName));
  const now = clock.now();
  const expiresAt = linkExpiry(now);
  const email = input.email.trim();
  const made = await inTenant(db, kommune, async (tx) => {
    const account = await accountByEmail(tx, email);
    if (account && (account.has_password || account.disabled || account.role !== 'admin'))
      throw new LighedError('LIGHED_ERR_CONFLICT', 'The administrator was not created', [
        {
          path: '--email',
          message: `an account with this e-mail already exists in ${kommune} (${account.has_password ? 'it has a password' : account.disabled ? 'disabled' : `role ${account.role}`})`,
        },
      ]);
    const user =
      account ??
      (await createUser(tx, {
        kommune,
        email,
        name: input.name.trim(),
        role: 'admin',
        organization_id: null,
        password_hash: null,
      }));
    await retireSigninLinks(tx, user.id);
    const token = await createSigninLink(tx, kommune, user.id, expiresAt);
    await audit(
      tx,
      { kommune, actorId: null, actorRole: 'system', requestId: 'cli' },
      {
        action: account ? 'update' : 'create',
        entity: 'staff_user',
        entityId: user.id,
        summary: account
          ? 'new one-time sign-in link for an administrator'
          : 'administrator created with a one-time sign-in link',
      },
    );
    return { token, renewed: account !== undefined };
  });
  return {
    kommune,
    kommuneName,
    tenantCreated: existing === undefined,
    linkRenewed: made.renewed,
    link: `${SET_PASSWORD_PATH}?token=${encodeURIComponent(made.token)}`,
    expiresAt,
    hostnames: await tenantHostnames(db, kommune),
  };
}

export type LinkCheck =
  { state: 'valid'; email: string; name: string } | { state: Exclude<LinkState, 'valid'> };

/** What the link allows now; read only, so opening it (or a mail scanner) does not use it up. */
export async function checkSigninLink(
  db: Db,
  kommune: string,
  token: string,
  now: Date,
): Promise<LinkCheck> {
  if (!token) return { state: 'unknown' };
  const link = await inTenant(db, kommune, (tx) => findSigninLink(tx, token));
  const state = linkState(link, now);
  if (state !== 'valid') return { state };
  return link ? { state, email: link.email, name: link.name } : { state: 'unknown' };
}

export type SetPasswordResult =
  | { kind: 'done'; session: string }
  | { kind: 'problems'; problems: FieldProblem[]; email: string; name: string }
  | { kind: 'invalid'; state: Exclude<LinkState, 'valid'> };

/**
 * Sets the account's password through the link and starts a session. The link is used up in
 * the same transaction as the password is written, so it works exactly once.
 */
export async function setPasswordWithLink(
  db: Db,
  kommune: string,
  token: string,
  password: string,
  confirm: string,
  clock: Clock,
  requestId: string,
): Promise<SetPasswordResult> {
  const check = await checkSigninLink(db, kommune, token, clock.now());
  if (check.state !== 'valid') return { kind: 'invalid', state: check.state };
  const problems = newPasswordProblems(password, confirm);
  if (problems.length) return { kind: 'problems', problems, email: check.email, name: check.name };
  // Hashed outside the transaction: scrypt is slow by design and PGlite has one connection.
  const hash = await hashPassword(password);
  const now = clock.now();
  const session = await inTenant(db, kommune, async (tx) => {
    const userId = await useSigninLink(tx, token, now);
    const user = userId ? await accountById(tx, userId) : undefined;
    if (!user) return undefined;
    await setPasswordHash(tx, user.id, hash);
    await retireSigninLinks(tx, user.id);
    await audit(
      tx,
      { kommune, actorId: user.id, actorRole: user.role, requestId },
      {
        action: 'update',
        entity: 'staff_user',
        entityId: user.id,
        summary: 'password chosen through a one-time sign-in link',
      },
    );
    return createSession(tx, user);
  });
  if (session) return { kind: 'done', session };
  // Another request used the link between the check and now (or it just expired).
  const again = await checkSigninLink(db, kommune, token, now);
  return { kind: 'invalid', state: again.state === 'valid' ? 'used' : again.state };
}

const invalid = (problems: FieldProblem[]) =>
  new LighedError('LIGHED_ERR_VALIDATION', 'The administrator was not created', problems);
