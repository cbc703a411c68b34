/** Staff sign-in: e-mail and password (local accounts). */
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';

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
