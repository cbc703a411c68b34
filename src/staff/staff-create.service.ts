/**
 * `lighed staff create`: a staff account of any role in an existing municipality, signed in
 * through the same one-time link as the first administrator (admin.service.ts): no password is
 * printed. Run again for an account that has not chosen a password yet, it renews the link.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { accountByEmail, findTenantName, tenantHostnames } from './admin.store.ts';
import { linkExpiry, SET_PASSWORD_PATH } from './first-admin.ts';
import { createSigninLink, retireSigninLinks } from './signin-link.store.ts';
import { organizationInTenant, teamInTenant } from './staff-create.store.ts';
import { staffInputProblems, type StaffCreateInput } from './staff-create.ts';
import { createUser } from './staff.store.ts';
import type { Role } from '../platform/principal.ts';

export interface CreatedStaff {
  kommune: string;
  kommuneName: string;
  role: Role;
  linkRenewed: boolean;
  /** Path and query of the link (the caller adds the host). */
  link: string;
  expiresAt: Date;
  hostnames: string[];
}

const invalid = (problems: FieldProblem[]) =>
  new LighedError('LIGHED_ERR_VALIDATION', 'The staff account was not created', problems);

export async function createStaffAccount(
  db: Db,
  input: StaffCreateInput,
  clock: Clock = systemClock,
): Promise<CreatedStaff> {
  const problems = staffInputProblems(input);
  if (problems.length) throw invalid(problems);
  const kommune = input.kommune.trim();
  const kommuneName = await findTenantName(db, kommune);
  if (kommuneName === undefined)
    throw invalid([
      {
        path: '--kommune',
        message: `no municipality ${kommune}: create it with \`lighed admin create\``,
      },
    ]);
  const role = input.role.trim() as Role;
  const email = input.email.trim();
  const org = input.organization?.trim() || null;
  const team = input.team?.trim() || null;
  const expiresAt = linkExpiry(clock.now());
  const made = await inTenant(db, kommune, async (tx) => {
    const missing: FieldProblem[] = [];
    if (org && !(await organizationInTenant(tx, org)))
      missing.push({ path: '--organization', message: `no such organisation in ${kommune}` });
    if (team && !(await teamInTenant(tx, team)))
      missing.push({ path: '--team', message: `no such team in ${kommune}` });
    if (missing.length) throw invalid(missing);
    const account = await accountByEmail(tx, email);
    // Only a not yet used account of the same role gets a new link: never take over one in use.
    if (account && (account.has_password || account.disabled || account.role !== role))
      throw new LighedError('LIGHED_ERR_CONFLICT', 'The staff account was not created', [
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
        role,
        organization_id: org,
        team_id: team,
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
          ? `new one-time sign-in link (${role})`
          : `staff account created with a one-time sign-in link (${role})`,
      },
    );
    return { token, renewed: account !== undefined };
  });
  return {
    kommune,
    kommuneName,
    role,
    linkRenewed: made.renewed,
    link: `${SET_PASSWORD_PATH}?token=${encodeURIComponent(made.token)}`,
    expiresAt,
    hostnames: await tenantHostnames(db, kommune),
  };
}
