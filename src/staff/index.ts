/**
 * The staff domain's named surface: accounts and frontline teams, for the health conversation's
 * settings and the demo. Sign-in and sessions stay inside; role checks are the kernel's
 * (web/access.ts).
 */
export { createUser } from './staff.store.ts';
export { hashPassword } from './password.ts';
export { SIGNIN_LINK_HOURS } from './first-admin.ts';
export {
  assignTeam,
  createTeam,
  findTeam,
  frontlineWorkers,
  listTeams,
  type Team,
} from './team.store.ts';
