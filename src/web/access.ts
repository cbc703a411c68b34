/**
 * Server-side role checks and the acting user for the audit log. Routes never decide access
 * from what the page showed: every staff route names its roles with `requireRole`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LighedError } from '../platform/errors.ts';
import type { AuditActor } from '../platform/audit.store.ts';
import type { Role } from '../platform/principal.ts';

/** preHandler: only signed-in staff with one of `roles` pass; everyone else is refused. */
export function requireRole(...roles: Role[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.staff) throw new LighedError('LIGHED_ERR_UNAUTHENTICATED', 'Sign in first');
    if (!roles.includes(req.staff.role))
      throw new LighedError('LIGHED_ERR_FORBIDDEN', 'Not allowed for your role');
  };
}

export function actorOf(req: FastifyRequest): AuditActor {
  return {
    kommune: req.tenant.kommune,
    actorId: req.staff?.id ?? null,
    actorRole: req.staff?.role ?? 'citizen',
    requestId: req.id,
  };
}
