/**
 * The page behind a one-time sign-in link: a new administrator chooses a password. A used,
 * expired or unknown link gets a page that says which, and what to do next.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { SET_PASSWORD_PATH, type LinkState } from '../first-admin.ts';

export function SetPasswordPage({
  ctx,
  token,
  email,
  name,
  problems,
}: {
  ctx: PageContext;
  token: string;
  email: string;
  name: string;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t('setPassword.title');
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
    >
      <h1>{title}</h1>
      <p class="font-lead">{t('setPassword.lead', { name, email, kommune: ctx.tenantName })}</p>
      <ErrorSummary problems={problems} t={t} />
      <form method="post" action={SET_PASSWORD_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        {/* Lets a password manager file the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <TextField
          name="password"
          label={t('setPassword.password')}
          hint={t('setPassword.passwordHint')}
          value=""
          type="password"
          autocomplete="new-password"
          problems={problems}
          t={t}
        />
        <TextField
          name="confirm"
          label={t('setPassword.confirm')}
          value=""
          type="password"
          autocomplete="new-password"
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('setPassword.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function SigninLinkProblemPage({
  ctx,
  state,
}: {
  ctx: PageContext;
  state: Exclude<LinkState, 'valid'>;
}) {
  const { t } = ctx;
  const title = t(`setPassword.${state}.title`);
  return (
    <Layout ctx={ctx} title={title} area="staff">
      <h1>{title}</h1>
      <p>{t(`setPassword.${state}.body`)}</p>
      <p>
        <a href="/personale/log-ind">{t('setPassword.toSignIn')}</a>
      </p>
    </Layout>
  );
}
