/** Who a request acts as in the health conversation: the staff member with their team. */
import type { FastifyRequest } from 'fastify';
import { LighedError } from '../platform/errors.ts';
import type { TeamStaff } from './conversation.store.ts';

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
