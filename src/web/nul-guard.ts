/**
 * The NUL guard: PostgreSQL cannot store U+0000 in text (PGlite can), so a NUL byte in any
 * query parameter, path parameter or form field gave a 500 on PostgreSQL wherever it reached
 * SQL. One preHandler hook, ahead of every route's own, refuses it for every route with 400 and
 * a page in the reader's language (problem+json under /api/). It names the fields, never their
 * content.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LighedError } from '../platform/errors.ts';
import { formatPath, nulPaths } from '../platform/nul.ts';
import { sendError } from './error-handler.tsx';

/** preHandler hook (src/app.ts): 400 when the query, path or body holds a NUL. */
export async function nulGuard(req: FastifyRequest, reply: FastifyReply) {
  // Assets and health checks resolve no tenant and read no text into SQL.
  if (!req.tenant) return;
  const paths = [...nulPaths(req.query), ...nulPaths(req.params), ...nulPaths(req.body)];
  if (paths.length === 0) return;
  return sendError(
    req,
    reply,
    new LighedError(
      'LIGHED_ERR_VALIDATION',
      'The request holds a NUL character (U+0000), which cannot be stored',
      paths.slice(0, 20).map((p) => ({
        path: formatPath(p) || '(body)',
        message: 'holds a NUL character (U+0000)',
      })),
    ),
    'error.nul',
  );
}
