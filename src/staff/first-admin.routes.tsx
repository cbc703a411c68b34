/**
 * The page behind a one-time sign-in link (`lighed admin create`): GET shows the form without
 * using the link up (mail scanners open links), POST sets the password and signs in.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { SESSION_COOKIE } from './auth.ts';
import { checkSigninLink, setPasswordWithLink } from './admin.service.ts';
import { SET_PASSWORD_PATH, type LinkState } from './first-admin.ts';
import { SetPasswordPage, SigninLinkProblemPage } from './pages/set-password-page.tsx';

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** Unknown: 404; used or expired: 410 Gone, so neither reads as a server fault. */
const statusOf = (state: Exclude<LinkState, 'valid'>) => (state === 'unknown' ? 404 : 410);

export const firstAdminRoutes: FastifyPluginAsync<RouteDeps> = async (
  app,
  { db, config, clock },
) => {
  app.get<{ Querystring: { token?: string } }>(SET_PASSWORD_PATH, async (req, reply) => {
    const token = text(req.query.token, 100);
    const link = await checkSigninLink(db, req.tenant.kommune, token, clock.now());
    if (link.state !== 'valid')
      return sendPage(
        reply,
        <SigninLinkProblemPage ctx={pageContext(req, reply)} state={link.state} />,
        {
          status: statusOf(link.state),
          personal: true,
        },
      );
    return sendPage(
      reply,
      <SetPasswordPage
        ctx={pageContext(req, reply)}
        token={token}
        email={link.email}
        name={link.name}
        problems={[]}
      />,
      { personal: true },
    );
  });

  app.post<{ Body: Record<string, unknown> }>(SET_PASSWORD_PATH, async (req, reply) => {
    const token = text(req.body.token, 100);
    const result = await setPasswordWithLink(
      db,
      req.tenant.kommune,
      token,
      text(req.body.password, 1000),
      text(req.body.confirm, 1000),
      clock,
      req.id,
    );
    if (result.kind === 'invalid')
      return sendPage(
        reply,
        <SigninLinkProblemPage ctx={pageContext(req, reply)} state={result.state} />,
        {
          status: statusOf(result.state),
          personal: true,
        },
      );
    if (result.kind === 'problems')
      return sendPage(
        reply,
        <SetPasswordPage
          ctx={pageContext(req, reply)}
          token={token}
          email={result.email}
          name={result.name}
          problems={result.problems}
        />,
        { status: 400, personal: true },
      );
    reply.setCookie(SESSION_COOKIE, result.session, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: 8 * 3600,
    });
    return reply.redirect('/personale', 303);
  });
};
