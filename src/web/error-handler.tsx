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
};

export function sendError(req: FastifyRequest, reply: FastifyReply, e: LighedError) {
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
  const key = pageKey[e.code] ?? 'error.internal';
  const ctx = pageContext(req, reply);
  return sendPage(
    reply,
    <Layout ctx={ctx} title={t(`${key}.title`)}>
      <h1>{t(`${key}.title`)}</h1>
      <p class="font-lead">{t(`${key}.body`)}</p>
      <p>
        <a href="/">{t('error.backToFinder')}</a>
      </p>
      <p class="lighed-muted">{t('error.reference', { id: req.id })}</p>
    </Layout>,
    { status: e.status },
  );
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const e = normalise(err);
    if (e.status >= 500) {
      // Logged with the request id only; the message of an unknown error may hold data.
      req.log.error(
        { code: e.code, err: { type: err.name, code: (err as FastifyError).code } },
        'request failed',
      );
      if (process.env.LIGHED_DEBUG_ERRORS === '1') console.error(err);
    }
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(req, reply, new LighedError('LIGHED_ERR_NOT_FOUND', 'Not found')),
  );
}
