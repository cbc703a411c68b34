/**
 * Who edits the catalog, as its services need it: the actor for the audit log, and the
 * organisation a provider is bound to. A provider manages only its own organisation's
 * offers and places; the municipality's own staff manage all of them.
 */
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../platform/audit.store.ts';
import { LighedError } from '../platform/errors.ts';
import { actorOf } from '../web/access.ts';

export interface Editor {
  /** Its kommune is the tenant the editing happens in. */
  actor: AuditActor;
  /** The provider's organisation; null (all) for the municipality's own staff. */
  scope: string | null;
}

export function editorOf(req: FastifyRequest): Editor {
  return {
    actor: actorOf(req),
    scope: req.staff?.role === 'provider' ? req.staff.organization_id : null,
  };
}

export const inScope = (editor: Editor, organizationId: string) =>
  !editor.scope || editor.scope === organizationId;

/** Refuses an organisation's record to a provider of another organisation. */
export function assertInScope(editor: Editor, organizationId: string, why: string): void {
  if (!inScope(editor, organizationId)) throw new LighedError('LIGHED_ERR_FORBIDDEN', why);
}

/** What saving a form gives: the saved record's id, or the form again with its problems. */
export type Saved<State> = { ok: true; id: string } | ({ ok: false } & State);
