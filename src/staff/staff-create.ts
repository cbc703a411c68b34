/**
 * Rules for `lighed staff create`: a staff account of any role from the command line, with the
 * role's own needs (an organisation for those who act for one, a team for outreach). Plain text
 * problems named by option: the operator reads them in a terminal.
 */
import type { FieldProblem } from '../platform/errors.ts';
import { ROLES, type Role } from '../platform/principal.ts';

export interface StaffCreateInput {
  role: string;
  email: string;
  name: string;
  team?: string | undefined;
  organization?: string | undefined;
  kommune: string;
}

/** Roles that act for an organisation (the provider's offers, the referrer's practice). */
export const ORGANIZATION_ROLES: readonly Role[] = ['provider', 'referrer'];
/** Roles that work in a team; outreach needs one (citizen access after a case goes by team). */
export const TEAM_ROLES: readonly Role[] = ['frontline', 'outreach'];
export const TEAM_REQUIRED: readonly Role[] = ['outreach'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

export function staffInputProblems(input: StaffCreateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const role = input.role.trim();
  if (!isRole(role))
    problems.push({ path: '--role', message: `must be one of: ${ROLES.join(', ')}` });
  if (!/^\d{4}$/.test(input.kommune.trim()))
    problems.push({ path: '--kommune', message: 'must be a 4-digit kommunekode, e.g. 0265' });
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 200)
    problems.push({ path: '--email', message: 'must be an e-mail address, e.g. navn@kommune.dk' });
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200)
    problems.push({ path: '--name', message: "must be the person's name (1 to 200 characters)" });
  const org = input.organization?.trim() ?? '';
  const team = input.team?.trim() ?? '';
  if (isRole(role)) {
    if (ORGANIZATION_ROLES.includes(role) && !org)
      problems.push({
        path: '--organization',
        message: `a ${role} acts for an organisation: give its id`,
      });
    if (!ORGANIZATION_ROLES.includes(role) && org)
      problems.push({ path: '--organization', message: `not used for the role ${role}` });
    if (TEAM_REQUIRED.includes(role) && !team)
      problems.push({ path: '--team', message: `the role ${role} works in a team: give its id` });
    if (!TEAM_ROLES.includes(role) && team)
      problems.push({ path: '--team', message: `not used for the role ${role}` });
  }
  if (org && !UUID.test(org))
    problems.push({ path: '--organization', message: 'must be an organisation id (uuid)' });
  if (team && !UUID.test(team))
    problems.push({ path: '--team', message: 'must be a team id (uuid)' });
  return problems;
}
