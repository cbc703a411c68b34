/** The admin's audit page: the search form and the entries found, newest first. */
import type { AuditRow, AuditSearch } from '../audit.store.ts';
import { AUDIT_ACTIONS } from '../audit.ts';
import { actionKey, AUDIT_ENTITIES, entityKey, roleKey, wordSummary } from '../summary.ts';
import type { Translate } from '../../web/i18n.ts';
import { Select, SubmitButton, TextField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';

export const AUDIT_PATH = '/personale/audit';

/** A stored code in words; an unknown one as stored, so no row can break the page. */
const label = (t: Translate, key: string | null, stored: string) => (key ? t(key) : stored);

function summaryText(t: Translate, summary: string): string {
  const worded = wordSummary(summary);
  return worded ? t(worded.key, worded.values) : summary;
}

export function AuditPage({
  ctx,
  search,
  rows,
}: {
  ctx: PageContext;
  search: AuditSearch;
  rows: readonly AuditRow[];
}) {
  const { t, lang } = ctx;
  const fmt = new Intl.DateTimeFormat(lang, {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Copenhagen',
  });
  // A search form, not a submitted form: no field is ever in error.
  const none = { problems: [], t };
  return (
    <Layout ctx={ctx} title={t('audit.title')} area="staff">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.lead')}</p>
      <form method="get" action={AUDIT_PATH} class="lighed-audit-form">
        <TextField name="bruger" label={t('audit.actor')} value={search.actor ?? ''} {...none} />
        <Select
          name="type"
          label={t('audit.entity')}
          value={search.entity ?? ''}
          options={[
            { value: '', label: t('audit.anyEntity') },
            ...AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) })),
            // A value typed into the address that is no known type still shows as chosen.
            ...(search.entity && !entityKey(search.entity)
              ? [{ value: search.entity, label: search.entity }]
              : []),
          ]}
          {...none}
        />
        <TextField name="id" label={t('audit.entityId')} value={search.entityId ?? ''} {...none} />
        <Select
          name="handling"
          label={t('audit.action')}
          value={search.action ?? ''}
          options={[
            { value: '', label: t('audit.anyAction') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) })),
          ]}
          {...none}
        />
        <TextField
          name="fra"
          label={t('audit.from')}
          hint={t('audit.dateHint')}
          value={search.from ?? ''}
          width="s"
          {...none}
        />
        <TextField
          name="til"
          label={t('audit.to')}
          hint={t('audit.dateHint')}
          value={search.to ?? ''}
          width="s"
          {...none}
        />
        <SubmitButton>{t('audit.search')}</SubmitButton>
      </form>
      <DataTable
        class="lighed-audit-table"
        caption={t('audit.count', { count: rows.length })}
        columns={[
          t('audit.col.at'),
          t('audit.col.actor'),
          t('audit.col.action'),
          t('audit.col.record'),
          t('audit.col.summary'),
        ]}
        rows={rows}
        cells={(r) => [
          fmt.format(r.at),
          r.actor_name
            ? `${r.actor_name} (${label(t, roleKey(r.actor_role), r.actor_role)})`
            : label(t, roleKey(r.actor_role), r.actor_role),
          label(t, actionKey(r.action), r.action),
          <>
            {label(t, entityKey(r.entity), r.entity)} <code>{r.entity_id}</code>
          </>,
          summaryText(t, r.summary),
        ]}
      />
    </Layout>
  );
}
