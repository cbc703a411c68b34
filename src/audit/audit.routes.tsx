/** Admins search the audit log: who read or changed which personal record, and when. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { AUDIT_ACTIONS } from './audit.ts';
import type { AuditSearch } from './audit.store.ts';
import { searchAuditLog } from './audit.service.ts';
import { AUDIT_PATH, AuditPage } from './pages/audit-page.tsx';

// A search never fails: whatever does not fit a filter (a repeated field, a malformed date, an
// unknown action) leaves that filter out.
const text = z
  .string()
  .catch('')
  .transform((s) => s.trim().slice(0, 200) || undefined);
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

const searchQuery = z
  .object({
    bruger: text,
    type: text,
    id: text,
    handling: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
    fra: date,
    til: date,
  })
  .transform((q): AuditSearch => ({
    actor: q.bruger,
    entity: q.type,
    entityId: q.id,
    action: q.handling,
    from: q.fra,
    to: q.til,
  }));

export const auditRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get(AUDIT_PATH, { preHandler: requireRole('admin') }, async (req, reply) => {
    const search = searchQuery.parse(req.query);
    const rows = await searchAuditLog(db, req.tenant.kommune, search);
    return sendPage(
      reply,
      <AuditPage ctx={pageContext(req, reply)} search={search} rows={rows} />,
      {
        personal: true,
      },
    );
  });
};
