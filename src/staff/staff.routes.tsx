/** Staff sign-in and sign-out (local accounts) and the staff home page. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { SESSION_COOKIE } from './auth.ts';
import { requireRole } from '../web/access.ts';
import { ROLES } from '../platform/principal.ts';
import { normaliseEmail } from './sign-in.ts';
import { signIn, signOut } from './staff.service.ts';
import { SignInPage } from './pages/signin-page.tsx';
import { StaffHomePage } from './pages/home-page.tsx';
import type { HomeNoticeProvider } from '../web/home-notices.ts';

/** Only local paths: an open redirect after sign-in would be a phishing aid. */
const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/personale(\/[\w\-/]*)?$/.test(next) ? next : '/personale';

export const staffRoutes: FastifyPluginAsync<
  RouteDeps & { homeNotices?: readonly HomeNoticeProvider[] }
> = async (app, { db, config, clock, homeNotices = [] }) => {
  app.get<{ Querystring: { next?: string } }>('/personale/log-ind', async (req, reply) => {
    if (req.staff) return reply.redirect(safeNext(req.query.next), 303);
    return sendPage(
      reply,
      <SignInPage
        ctx={pageContext(req, reply)}
        email=""
        next={safeNext(req.query.next)}
        problems={[]}
      />,
    );
  });

  app.post<{ Body: Record<string, unknown> }>('/personale/log-ind', async (req, reply) => {
    // Normalised first, so " Anna@X.dk" and "anna@x.dk" are one account everywhere after.
    const email = normaliseEmail(req.body.email);
    const password = typeof req.body.password === 'string' ? req.body.password : '';
    const next = safeNext(req.body.next);
    const problems: FieldProblem[] = [];
    if (!email) problems.push({ path: 'email', message: 'signin.error.email' });
    if (!password) problems.push({ path: 'password', message: 'signin.error.password' });
    let status = 400;
    if (problems.length === 0) {
      const result = await signIn(db, clock, {
        kommune: req.tenant.kommune,
        email,
        password,
        address: req.ip,
      });
      if (result.ok) {
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          maxAge: 8 * 3600,
        });
        return reply.redirect(next, 303);
      }
      if (result.reason === 'throttled') {
        status = 429;
        reply.header('retry-after', String(result.retryAfterSeconds));
        problems.push({ path: 'email', message: 'signin.error.throttled' });
      } else problems.push({ path: 'email', message: 'signin.error.wrong' });
    }
    return sendPage(
      reply,
      <SignInPage ctx={pageContext(req, reply)} email={email} next={next} problems={problems} />,
      { status },
    );
  });

  app.post('/personale/log-ud', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await signOut(db, req.tenant.kommune, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/personale/log-ind', 303);
  });

  app.get('/personale', { preHandler: requireRole(...ROLES) }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const notices = (
      await Promise.all(homeNotices.map((p) => p(db, req.staff!, ctx.t, clock.now())))
    ).flat();
    return sendPage(
      reply,
      <StaffHomePage ctx={ctx} name={req.staff!.name} role={req.staff!.role} notices={notices} />,
      { personal: true },
    );
  });
};
