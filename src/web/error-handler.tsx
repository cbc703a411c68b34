import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LighedError, type ErrorCode } from '../platform/errors.ts';
import { Layout } from './layout.tsx';
import { pageContext, sendPage } from './context.ts';
import { translator } from './i18n.ts';

const isApi = (req: FastifyRequest) =>
  req.url.startsWith('/api/') || (req.headers.accept ?? '').includes('application/json');

/** Maps any thrown error to one LighedError: expected codes pass, the rest become INTERNAL. */
function normalise(err: FastifyError | Error): LighedError {
  if (err instanceof LighedError) return err;
  const fe = err as FastifyError;
  if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') {
    return new LighedError('LIGHED_ERR_CSRF', 'The form had expired. Please try again.');
  }
  if (fe.statusCode === 429) return new LighedError('LIGHED_ERR_RATE_LIMITED', 'Too many attempts');
  if (
    fe.validation ||
    fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    fe.statusCode === 400 ||
    fe.statusCode === 415
  ) {
    return new LighedError('LIGHED_ERR_VALIDATION', fe.message);
  }
  if (fe.statusCode === 404) return new LighedError('LIGHED_ERR_NOT_FOUND', 'Not found');
  return new LighedError('LIGHED_ERR_INTERNAL', 'Internal error');
}

const pageKey: Partial<Record<ErrorCode, string>> = {
  LIGHED_ERR_NOT_FOUND: 'error.notFound',
  LIGHED_ERR_FORBIDDEN: 'error.forbidden',
  LIGHED_ERR_CSRF: 'error.csrf',
  LIGHED_ERR_RATE_LIMITED: 'error.rateLimited',
  LIGHED_ERR_VALIDATION: 'error.validation',
  LIGHED_ERR_IMPORT_INVALID: 'error.importInvalid',
  LIGHED_ERR_CONFLICT: 'error.conflict',
};

/** Sends the error as problem+json or as a page; `key` picks other words for the page (`error.nul`). */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  e: LighedError,
  key = pageKey[e.code] ?? 'error.internal',
) {
  if (isApi(req)) {
    return reply
      .status(e.status)
      .type('application/problem+json')
      .send({
        type: `https://lighed.dk/errors/${e.code}`,
        title: e.status >= 500 ? 'Internal error' : e.message,
        status: e.status,
        code: e.code,
        instance: req.id,
        ...(e.problems.length ? { errors: e.problems } : {}),
      });
  }
  if (e.code === 'LIGHED_ERR_UNAUTHENTICATED') {
    return reply.redirect(
      `/personale/log-ind?next=${encodeURIComponent(req.url.split('?')[0] ?? '/')}`,
    );
  }
  // The error page must render even when the context hook failed half-way.
  if (!req.tenant) req.tenant = { kommune: '', name: 'Lighed', demo: false };
  if (!req.t) req.t = translator('da');
  const t = req.t;
  const ctx = pageContext(req, reply);
  // A signed-in worker on a staff page keeps the staff navigation and is told where to go next.
  const staff = ctx.staff !== null && req.url.startsWith('/personale');
  return sendPage(
    reply,
    <Layout ctx={ctx} title={t(`${key}.title`)} area={staff ? 'staff' : 'citizen'}>
      <h1>{t(`${key}.title`)}</h1>
      <p class="font-lead">{t(`${key}.body`)}</p>
      {staff && (
        <p>{t(e.code === 'LIGHED_ERR_FORBIDDEN' ? 'error.forbidden.next' : 'error.staffNext')}</p>
      )}
      <p>
        {staff ? (
          <a href="/personale">{t('error.backToStaff')}</a>
        ) : (
          <a href="/">{t('error.backToFinder')}</a>
        )}
      </p>
      <p class="lighed-muted">{t('error.reference', { id: req.id })}</p>
    </Layout>,
    { status: e.status },
  );
}

/**
 * What the log may say about an unknown error: its class and name, its code (a Node errno, a
 * Fastify code, PostgreSQL's SQLSTATE with the constraint, table and column it names), and the
 * stack frames below the message line. The message itself, and the stack's first line that
 * repeats it, are left out. Causes are followed three deep.
 */
export function errorForLog(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.constructor.name, name: e.name };
  for (const key of [
    'code',
    'errno',
    'syscall',
    'statusCode',
    'routine',
    'constraint',
    'table',
    'column',
  ]) {
    const v = e[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  if (frames.length) out.stack = frames.map((l) => l.trim()).join('\n');
  if (e.cause !== undefined && depth < 3) out.cause = errorForLog(e.cause, depth + 1);
  return out;
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const e = normalise(err);
    if (e.status >= 500) {
      // With the request id, the error's class, code and stack frames, never its message: an
      // unknown error's message (a failed SQL statement, say) may hold personal data.
      req.log.error({ code: e.code, err: errorForLog(err) }, 'request failed');
      if (process.env.LIGHED_DEBUG_ERRORS === '1') console.error(err);
    }
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(req, reply, new LighedError('LIGHED_ERR_NOT_FOUND', 'Not found')),
  );
}
