/**
 * Rules for creating an administrator from the command line and for the one-time sign-in link
 * where they choose their password (decision: a link, not a printed password, so no password
 * ends up in a terminal's scroll-back, shell history or a deployment log).
 */
import type { FieldProblem } from '../platform/errors.ts';

/** How long a sign-in link works: long enough to reach the person, short enough to go stale. */
export const SIGNIN_LINK_HOURS = 24;
/** Where the link leads; the token travels in the query string, which the logs leave out. */
export const SET_PASSWORD_PATH = '/personale/ny-adgangskode';

/** Length rules in characters (NIST SP 800-63B: length over composition rules). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

/** What a stored link allows now; a disabled account's link counts as unknown. */
export function linkState(
  link: { expires_at: Date; used_at: Date | null; disabled: boolean } | undefined,
  now: Date,
): LinkState {
  if (!link || link.disabled) return 'unknown';
  if (link.used_at) return 'used';
  return link.expires_at.getTime() > now.getTime() ? 'valid' : 'expired';
}

export const linkExpiry = (now: Date) => new Date(now.getTime() + SIGNIN_LINK_HOURS * 3600_000);

/** Problems with a new password and its repetition, as message keys. */
export function newPasswordProblems(password: string, confirm: string): FieldProblem[] {
  const length = [...password].length;
  if (!password) return [{ path: 'password', message: 'setPassword.error.password' }];
  if (length < PASSWORD_MIN) return [{ path: 'password', message: 'setPassword.error.short' }];
  if (length > PASSWORD_MAX) return [{ path: 'password', message: 'setPassword.error.long' }];
  if (confirm !== password) return [{ path: 'confirm', message: 'setPassword.error.confirm' }];
  return [];
}

export interface AdminInput {
  kommune: string;
  /** The municipality's name; required only when the municipality is new. */
  kommuneName?: string | undefined;
  email: string;
  name: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Problems with `lighed admin create`'s options, named by option (plain text: the operator
 * reads them in a terminal). `tenantExists`: the municipality is already there.
 */
export function adminInputProblems(input: AdminInput, tenantExists: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^\d{4}$/.test(input.kommune))
    problems.push({ path: '--kommune', message: 'must be a 4-digit kommunekode, e.g. 0265' });
  const kommuneName = input.kommuneName?.trim() ?? '';
  if (!tenantExists && !kommuneName)
    problems.push({
      path: '--kommune-name',
      message: 'the municipality does not exist yet: give its name, e.g. --kommune-name Roskilde',
    });
  else if (kommuneName && (kommuneName.length < 2 || kommuneName.length > 100))
    problems.push({ path: '--kommune-name', message: 'must be 2 to 100 characters' });
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 200)
    problems.push({ path: '--email', message: 'must be an e-mail address, e.g. navn@kommune.dk' });
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200)
    problems.push({
      path: '--name',
      message: "must be the administrator's name (1 to 200 characters)",
    });
  return problems;
}
