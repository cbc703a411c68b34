/** The admin's list of API clients (FHIR), each active one with a revoke button. */
import { CsrfField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { dateText } from '../../web/present.ts';
import { DataTable } from '../../web/table.tsx';
import type { ApiClientRow } from '../api-client.store.ts';

export const API_CLIENTS_PATH = '/personale/api-klienter';

export function ApiClientsPage({
  ctx,
  clients,
  revoked,
}: {
  ctx: PageContext;
  clients: ApiClientRow[];
  /** Just revoked (after the redirect): the confirmation to show. */
  revoked: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('fhir.clients.title')} area="staff" languages={['da', 'en']}>
      <h1>{t('fhir.clients.title')}</h1>
      <p class="font-lead">{t('fhir.clients.lead')}</p>
      {revoked && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('fhir.clients.revokedDone')}</p>
          </div>
        </div>
      )}
      <p>{t('fhir.clients.howToCreate')}</p>
      <pre tabIndex={0}>
        <code>
          npx lighed api-client create --name NAVN --role referrer|provider --organization ID
        </code>
      </pre>
      {clients.length === 0 ? (
        <p>{t('fhir.clients.none')}</p>
      ) : (
        <DataTable
          caption={t('fhir.clients.title')}
          hiddenCaption
          columns={[
            t('fhir.clients.col.name'),
            t('fhir.clients.col.role'),
            t('fhir.clients.col.organization'),
            t('fhir.clients.col.id'),
            t('fhir.clients.col.created'),
            t('fhir.clients.col.status'),
            <span class="sr-only">{t('fhir.clients.col.actions')}</span>,
          ]}
          rows={clients}
          cells={(c) => [
            c.name,
            t(`fhir.clients.role.${c.role}`),
            c.organization_name ?? '–',
            <code>{c.id}</code>,
            dateText(c.created_at, lang),
            c.revoked_at
              ? t('fhir.clients.revokedOn', { date: dateText(c.revoked_at, lang) })
              : t('fhir.clients.active'),
            c.revoked_at ? (
              ''
            ) : (
              <form method="post" action={`${API_CLIENTS_PATH}/${c.id}/tilbagekald`}>
                <CsrfField token={ctx.csrfToken} />
                <button
                  type="submit"
                  class="button button-secondary"
                  aria-label={t('fhir.clients.revokeLabel', { name: c.name })}
                >
                  {t('fhir.clients.revoke')}
                </button>
              </form>
            ),
          ]}
        />
      )}
    </Layout>
  );
}
