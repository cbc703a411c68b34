/** What planning's routes files share: who may read and edit, and reading the request. */
import type { FastifyRequest } from 'fastify';
import { requireRole } from '../web/access.ts';
import { PLANNING_EDITORS, PLANNING_READERS, type PlanningActor } from './actor.ts';
import { isDepartment, type Department } from './intervention.ts';

export const readers = requireRole(...PLANNING_READERS);
export const editors = requireRole(...PLANNING_EDITORS);

export type Q = { Querystring: { afdeling?: string; besked?: string } };
export type Id = { Params: { id: string }; Querystring: { besked?: string } };

export const actor = (req: FastifyRequest): PlanningActor => ({
  staff: req.staff!,
  requestId: req.id,
});
export const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
/** A posted text field; a field sent twice reads as empty (the forms never send one twice). */
export const str = (b: Record<string, unknown>, k: string) =>
  typeof b[k] === 'string' ? b[k] : '';
/** `?afdeling=` when it names a department. */
export const dept = (v: string | undefined): Department | undefined =>
  isDepartment(v) ? v : undefined;
