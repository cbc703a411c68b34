/** Staff sign-in: e-mail and password (local accounts). */
import type { FieldProblem } from '../../platform/errors.ts';
import { FormPage, PasswordField, SubmitButton, TextField } from '../../web/form.tsx';
import type { PageContext } from '../../web/layout.tsx';

export function SignInPage({
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
  return (
    <FormPage
      ctx={ctx}
      title={t('signin.title')}
      lead={<p>{t('signin.lead')}</p>}
      problems={problems}
      action="/personale/log-ind"
      area="staff"
    >
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
      <PasswordField
        name="password"
        label={t('signin.password')}
        autocomplete="current-password"
        problems={problems}
        t={t}
      />
      <SubmitButton>{t('signin.submit')}</SubmitButton>
    </FormPage>
  );
}
