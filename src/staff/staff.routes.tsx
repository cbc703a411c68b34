/** Staff sign-in and sign-out (local accounts) and the staff home page. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant } from '../db/db.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../web/form.tsx';
import { Layout, type PageContext } from '../web/layout.tsx';
import { SESSION_COOKIE } from './auth.ts';
import { requireRole } from '../web/access.ts';
import { verifyPassword } from './password.ts';
import { createSession, endSession, findUserForSignIn } from './staff.store.ts';
import { ROLES } from '../platform/principal.ts';

/** Only local paths: an open redirect after sign-in would be a phishing aid. */
const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/personale(\/[\w\-/]*)?$/.test(next) ? next : '/personale';

// Compared against when the e-mail is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const staffRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, config }) => {
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

  app.post<{ Body: Record<string, unknown> }>(
    '/personale/log-ind',
    {
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req) => {
            const email = (req.body as Record<string, unknown> | undefined)?.email;
            return `${req.ip}:${typeof email === 'string' ? email.toLowerCase() : ''}`;
          },
        },
      },
    },
    async (req, reply) => {
      const email = typeof req.body.email === 'string' ? req.body.email.trim().slice(0, 200) : '';
      const password = typeof req.body.password === 'string' ? req.body.password : '';
      const next = safeNext(req.body.next);
      const problems: FieldProblem[] = [];
      if (!email) problems.push({ path: 'email', message: 'signin.error.email' });
      if (!password) problems.push({ path: 'password', message: 'signin.error.password' });
      if (problems.length === 0) {
        const token = await inTenant(db, req.tenant.kommune, async (tx) => {
          const user = await findUserForSignIn(tx, email);
          const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
          if (!user || !ok || user.disabled) return null;
          return createSession(tx, user);
        });
        if (token) {
          reply.setCookie(SESSION_COOKIE, token, {
            path: '/',
            httpOnly: true,
            sameSite: 'lax',
            secure: config.secureCookies,
            maxAge: 8 * 3600,
          });
          return reply.redirect(next, 303);
        }
        problems.push({ path: 'email', message: 'signin.error.wrong' });
      }
      return sendPage(
        reply,
        <SignInPage ctx={pageContext(req, reply)} email={email} next={next} problems={problems} />,
        {
          status: 400,
        },
      );
    },
  );

  app.post('/personale/log-ud', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await inTenant(db, req.tenant.kommune, (tx) => endSession(tx, token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/personale/log-ind', 303);
  });

  app.get('/personale', { preHandler: requireRole(...ROLES) }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    const role = req.staff!.role;
    const tasks: [string, string, boolean][] = [
      ['/personale/tilbud', t('staff.home.offers'), role !== 'referrer'],
      ['/personale/tilmeldinger', t('staff.home.signups'), role === 'admin' || role === 'provider'],
      [
        '/personale/organisationer',
        t('staff.home.organizations'),
        role === 'admin' || role === 'provider',
      ],
      [
        '/personale/samtaler',
        t('staff.home.conversations'),
        role === 'frontline' || role === 'admin',
      ],
      ['/personale/samtaler/indstillinger', t('staff.home.conversationSettings'), role === 'admin'],
      ['/personale/audit', t('staff.home.audit'), role === 'admin'],
      ['/', t('staff.home.finder'), true],
    ];
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('staff.home.title')} area="staff">
        <h1>{t('staff.home.title')}</h1>
        <p class="font-lead">
          {t('staff.home.lead', { name: req.staff!.name, role: t(`role.${role}`) })}
        </p>
        <ul>
          {tasks
            .filter(([, , show]) => show)
            .map(([href, label]) => (
              <li>
                <a href={href}>{label}</a>
              </li>
            ))}
        </ul>
      </Layout>,
      { personal: true },
    );
  });
};

function SignInPage({
  ctx,
  email,
  next,
  problems,
}: {
  ctx: PageContext;
  email: string;
  next: string;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t('signin.title');
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
    >
      <h1>{title}</h1>
      <p>{t('signin.lead')}</p>
      <ErrorSummary problems={problems} t={t} />
      <form method="post" action="/personale/log-ind" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          label={t('signin.email')}
          value={email}
          type="email"
          autocomplete="username"
          problems={problems}
          t={t}
        />
        <TextField
          name="password"
          label={t('signin.password')}
          value=""
          type="password"
          autocomplete="current-password"
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('signin.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
