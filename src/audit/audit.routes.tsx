/** Admins search the audit log: who read or changed which personal record, and when. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant } from '../db/db.ts';
import { requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { Select, SubmitButton, TextField } from '../web/form.tsx';
import { Layout } from '../web/layout.tsx';
import { searchAudit } from './audit.store.ts';
import { type AuditAction } from '../platform/audit.store.ts';

const ACTIONS: AuditAction[] = ['read', 'create', 'update', 'delete', 'export'];
const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 200) : '');
const date = (v: unknown) => (/^\d{4}-\d{2}-\d{2}$/.test(str(v)) ? str(v) : undefined);

export const auditRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get('/personale/audit', { preHandler: requireRole('admin') }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const action = ACTIONS.find((a) => a === q.handling);
    const filters = {
      actor: str(q.bruger) || undefined,
      entity: str(q.type) || undefined,
      entityId: str(q.id) || undefined,
      action,
      from: date(q.fra),
      to: date(q.til),
    };
    const rows = await inTenant(db, req.tenant.kommune, (tx) => searchAudit(tx, filters));
    const ctx = pageContext(req, reply);
    const { t, lang } = ctx;
    const fmt = new Intl.DateTimeFormat(lang, {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: 'Europe/Copenhagen',
    });
    const none = { problems: [], t };
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('audit.title')} area="staff">
        <h1>{t('audit.title')}</h1>
        <p>{t('audit.lead')}</p>
        <form method="get" action="/personale/audit" class="lighed-audit-form">
          <TextField name="bruger" label={t('audit.actor')} value={filters.actor ?? ''} {...none} />
          <TextField
            name="type"
            label={t('audit.entity')}
            hint={t('audit.entityHint')}
            value={filters.entity ?? ''}
            {...none}
          />
          <TextField
            name="id"
            label={t('audit.entityId')}
            value={filters.entityId ?? ''}
            {...none}
          />
          <Select
            name="handling"
            label={t('audit.action')}
            value={action ?? ''}
            options={[
              { value: '', label: t('audit.anyAction') },
              ...ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) })),
            ]}
            {...none}
          />
          <TextField
            name="fra"
            label={t('audit.from')}
            hint={t('audit.dateHint')}
            value={filters.from ?? ''}
            width="s"
            {...none}
          />
          <TextField
            name="til"
            label={t('audit.to')}
            hint={t('audit.dateHint')}
            value={filters.to ?? ''}
            width="s"
            {...none}
          />
          <SubmitButton>{t('audit.search')}</SubmitButton>
        </form>
        <table class="table table--zebra lighed-audit-table">
          <caption>{t('audit.count', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.at')}</th>
              <th scope="col">{t('audit.col.actor')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.record')}</th>
              <th scope="col">{t('audit.col.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{fmt.format(r.at)}</td>
                <td>
                  {r.actor_name
                    ? `${r.actor_name} (${t(`role.${r.actor_role}`)})`
                    : t(`role.${r.actor_role}`)}
                </td>
                <td>{t(`audit.action.${r.action}`)}</td>
                <td>
                  {r.entity} <code>{r.entity_id}</code>
                </td>
                <td>{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
      { personal: true },
    );
  });
};
