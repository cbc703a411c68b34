/** Who a request acts as in the health conversation: the staff member with their team. */
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../platform/audit.store.ts';
import { LighedError } from '../platform/errors.ts';
import { actorOf, requireRole } from '../web/access.ts';
import type { TeamStaff } from './conversation.store.ts';

/** preHandler of every conversation page: frontline workers and admins. */
export const workers = requireRole('frontline', 'admin');

/** Frontline workers act within their team; one without a team has no conversations. Call after requireRole. */
export function teamOf(req: FastifyRequest): TeamStaff {
  const s = req.staff!;
  if (s.role === 'frontline' && !s.team_id)
    throw new LighedError(
      'LIGHED_ERR_FORBIDDEN',
      'A frontline worker needs a team to hold health conversations',
    );
  return { id: s.id, kommune: req.tenant.kommune, role: s.role, team_id: s.team_id };
}

/** What a use case needs of the request: the team's transaction and the audit's actor. */
export interface Worker {
  team: TeamStaff;
  actor: AuditActor;
}

export const workerOf = (req: FastifyRequest): Worker => ({
  team: teamOf(req),
  actor: actorOf(req),
});

/** A conversation belongs to a team: only a member of one (an admin too) can start one. */
export function starterOf(req: FastifyRequest): Worker {
  if (!req.staff!.team_id)
    throw new LighedError(
      'LIGHED_ERR_FORBIDDEN',
      'Only a member of a team can start a conversation',
    );
  return workerOf(req);
}
