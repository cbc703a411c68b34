/**
 * Referral lists for staff: the referrer's "my referrals", the coordinator's intake queue
 * (with everything overdue), and the provider's inbox. Status and answer time in words, never
 * only colour.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import type { ReferralView } from '../referral.service.ts';
import { base, dayText, STAFF_LANGUAGES, when } from './present.ts';

type Row = { referral: ReferralView; citizenName: string };

function ReferralTable({ ctx, rows, caption }: { ctx: PageContext; rows: Row[]; caption: string }) {
  const { t, lang } = ctx;
  if (rows.length === 0) return <p>{t('referral.list.none')}</p>;
  return (
    <DataTable
      caption={caption}
      hiddenCaption
      columns={[
        t('referral.col.citizen'),
        t('referral.col.status'),
        t('referral.col.wanted'),
        t('referral.col.from'),
        t('referral.col.due'),
        t('referral.col.updated'),
      ]}
      rows={rows}
      cells={({ referral: r, citizenName }) => [
        <a href={base(r.id)}>{citizenName || t('referral.list.unnamed')}</a>,
        <>
          {t(`referral.status.${r.status}`)}
          {r.statusReason ? ` (${t(`referral.reason.${r.statusReason.code}`)})` : ''}
          {r.citizenReply && r.citizenReply.reply !== 'confirmed' && (
            <>
              {' · '}
              <strong class="lighed-overdue">
                {t(`referral.reply.mark.${r.citizenReply.reply}`)}
              </strong>
            </>
          )}
        </>,
        r.requestedService === 'offer'
          ? `${r.offerTitle ?? ''}${r.ownerOrgName ? ` · ${r.ownerOrgName}` : ''}`
          : t('referral.service.afklarende_samtale'),
        r.requesterOrgName ?? r.requesterName,
        r.answerDue && r.status === 'requested' ? (
          <>
            {dayText(r.answerDue, lang)}
            {r.overdue && <strong class="lighed-overdue"> {t('referral.overdue')}</strong>}
          </>
        ) : (
          '–'
        ),
        when(r.updatedAt, lang),
      ]}
    />
  );
}

export function MyReferralsPage({
  ctx,
  rows,
  canCreate,
}: {
  ctx: PageContext;
  rows: Row[];
  canCreate: boolean;
}) {
  const { t } = ctx;
  const visitation = ctx.staff && ['coordinator', 'admin'].includes(ctx.staff.role);
  return (
    <Layout ctx={ctx} title={t('referral.list.mine')} area="staff" languages={STAFF_LANGUAGES}>
      <h1>{t('referral.list.mine')}</h1>
      {visitation && (
        <ul class="nobullet-list">
          <li>
            <a href="/personale/henvisninger/visitation">{t('referral.queue.title')}</a>
          </li>
          {ctx.staff?.role === 'admin' && (
            <li>
              <a href="/personale/henvisninger/indstillinger">{t('referral.settings.link')}</a>
            </li>
          )}
        </ul>
      )}
      {canCreate && (
        <p>
          <a class="button button-primary" href="/personale/henvisninger/ny">
            {t('referral.list.new')}
          </a>
        </p>
      )}
      <ReferralTable ctx={ctx} rows={rows} caption={t('referral.list.mine')} />
    </Layout>
  );
}

export function IntakeQueuePage({
  ctx,
  queue,
  overdue,
  replies = [],
}: {
  ctx: PageContext;
  queue: Row[];
  overdue: Row[];
  /** Samtaler the citizen cancelled or wants another time for. */
  replies?: Row[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('referral.queue.title')} area="staff" languages={STAFF_LANGUAGES}>
      <h1>{t('referral.queue.title')}</h1>
      <p>{t('referral.queue.lead')}</p>
      <h2>{t('referral.queue.new', { count: queue.length })}</h2>
      <ReferralTable ctx={ctx} rows={queue} caption={t('referral.queue.title')} />
      <h2>{t('referral.queue.overdue', { count: overdue.length })}</h2>
      <ReferralTable ctx={ctx} rows={overdue} caption={t('referral.queue.overdueCaption')} />
      <h2>{t('referral.reply.queueHeading', { count: replies.length })}</h2>
      <ReferralTable ctx={ctx} rows={replies} caption={t('referral.reply.queueCaption')} />
    </Layout>
  );
}

export function ProviderInboxPage({ ctx, rows }: { ctx: PageContext; rows: Row[] }) {
  const { t } = ctx;
  const open = rows.filter((r) =>
    ['requested', 'accepted', 'in-progress', 'on-hold'].includes(r.referral.status),
  );
  const closed = rows.filter((r) => !open.includes(r));
  return (
    <Layout ctx={ctx} title={t('referral.inbox.title')} area="staff" languages={STAFF_LANGUAGES}>
      <h1>{t('referral.inbox.title')}</h1>
      <h2>{t('referral.inbox.open', { count: open.length })}</h2>
      <ReferralTable ctx={ctx} rows={open} caption={t('referral.inbox.openCaption')} />
      <h2>{t('referral.inbox.closed', { count: closed.length })}</h2>
      <ReferralTable ctx={ctx} rows={closed} caption={t('referral.inbox.closedCaption')} />
    </Layout>
  );
}
