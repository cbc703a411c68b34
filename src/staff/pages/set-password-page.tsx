/**
 * The page behind a one-time sign-in link: a new administrator chooses a password. A used,
 * expired or unknown link gets a page that says which, and what to do next.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { FormPage, PasswordField, SubmitButton } from '../../web/form.tsx';
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
  return (
    <FormPage
      ctx={ctx}
      title={t('setPassword.title')}
      lead={
        <p class="font-lead">{t('setPassword.lead', { name, email, kommune: ctx.tenantName })}</p>
      }
      problems={problems}
      action={SET_PASSWORD_PATH}
      area="staff"
    >
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autocomplete="username" value={email} />
      <PasswordField
        name="password"
        label={t('setPassword.password')}
        hint={t('setPassword.passwordHint')}
        autocomplete="new-password"
        problems={problems}
        t={t}
      />
      <PasswordField
        name="confirm"
        label={t('setPassword.confirm')}
        autocomplete="new-password"
        problems={problems}
        t={t}
      />
      <SubmitButton>{t('setPassword.submit')}</SubmitButton>
    </FormPage>
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
