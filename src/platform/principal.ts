/**
 * Who acts: a signed-in staff member and the roles the routes check. Every domain reads these
 * from the request (`req.staff`); the staff domain stores accounts and sessions behind them.
 */

export const ROLES = [
  'admin',
  'planner',
  'frontline',
  'provider',
  'referrer',
  'coordinator',
  'outreach',
  'assessor',
] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  id: string;
  kommune: string;
  email: string;
  name: string;
  role: Role;
  organization_id: string | null;
  /** The frontline team whose health conversations the user sees. */
  team_id: string | null;
}
