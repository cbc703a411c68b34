/** Who acts on the plan, and the few checks every planning use case shares. */
import { LighedError, forbidden } from '../platform/errors.ts';
import type { AuditActor } from '../platform/audit.store.ts';
import type { Role, StaffUser } from '../platform/principal.ts';

export interface PlanningActor {
  staff: StaffUser;
  requestId: string;
}

/** The surface takes a bare StaffUser (contracts.md); routes pass the request id too. */
export type ActorLike = StaffUser | PlanningActor;

export const actorFrom = (a: ActorLike): PlanningActor =>
  'staff' in a ? a : { staff: a, requestId: 'system' };

export const PLANNING_EDITORS: readonly Role[] = ['planner', 'admin'];
export const PLANNING_READERS: readonly Role[] = ['planner', 'admin'];

export function mustEdit(a: PlanningActor): void {
  if (!PLANNING_EDITORS.includes(a.staff.role)) throw forbidden('Planners and admins only');
}

export const auditActorOf = (a: PlanningActor): AuditActor => ({
  kommune: a.staff.kommune,
  actorId: a.staff.id,
  actorRole: a.staff.role,
  requestId: a.requestId,
});

/** A change lost to another (a stale form): the page shows the record as it is now. */
export class PlanningStale extends LighedError {
  constructor() {
    super('LIGHED_ERR_CONFLICT', 'The record changed meanwhile');
  }
}

/** The date in Denmark, as YYYY-MM-DD (a note written after midnight is dated that day). */
export const danishDate = (d: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(d);
