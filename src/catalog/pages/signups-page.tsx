/** The staff's sign-ups (each with a delete button, for a citizen's request) and error reports. */
import { CsrfField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { dateText, languageName } from '../../web/present.ts';
import { DataTable } from '../../web/table.tsx';
import type { ErrorReportRow, SignupRow } from '../signup.store.ts';

export function SignupsPage({
  ctx,
  signups,
  reports,
}: {
  ctx: PageContext;
  signups: SignupRow[];
  reports: ErrorReportRow[];
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signups.title')} area="staff">
      <h1>{t('signups.title')}</h1>
      {signups.length === 0 ? (
        <p>{t('signups.none')}</p>
      ) : (
        <DataTable
          caption={t('signups.title')}
          hiddenCaption
          columns={[
            t('signups.col.when'),
            t('signups.col.offer'),
            t('signups.col.name'),
            t('signups.col.contact'),
            t('signups.col.language'),
            t('signups.col.receipt'),
            <span class="sr-only">{t('signups.col.actions')}</span>,
          ]}
          rows={signups}
          cells={(s) => [
            dateText(s.created_at, lang),
            s.offer_title,
            s.name,
            <>
              {s.phone}
              {s.phone && s.email ? <br /> : null}
              {s.email}
            </>,
            <>
              {languageName(s.preferred_language, lang)}
              {s.needs_interpreter ? ` · ${t('signups.interpreter')}` : ''}
            </>,
            <>
              {s.receipt_code}
              {/* Cancelled by the citizen with the receipt's link (signup-cancel.ts). */}
              {s.cancelled_at ? (
                <>
                  <br />
                  <strong class="lighed-signup-cancelled">
                    {t('signups.cancelled', { date: dateText(s.cancelled_at, lang) })}
                  </strong>
                </>
              ) : null}
            </>,
            <form method="post" action={`/personale/tilmeldinger/${s.id}/slet`}>
              <CsrfField token={ctx.csrfToken} />
              <button
                type="submit"
                class="button button-tertiary"
                aria-label={t('signups.deleteLabel', { name: s.name })}
              >
                {t('signups.delete')}
              </button>
            </form>,
          ]}
        />
      )}
      <h2>{t('reports.title')}</h2>
      {reports.length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <li>
              <strong>{r.offer_title}</strong> ({dateText(r.created_at, lang)}): {r.message}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
