/**
 * The admin's page of background jobs (decision 0019): each queue's counts, and the jobs that
 * failed for good with a "Prøv igen" button. It shows names, ids, times and error codes only:
 * job data is ids, and is not shown either.
 */
import type { JobsOverview } from '../platform/jobs/index.ts';
import { CsrfField } from './form.tsx';
import { Layout, type PageContext } from './layout.tsx';
import type { UiLanguage } from './languages.ts';
import { DataTable } from './table.tsx';

export const JOBS_PATH = '/personale/admin/job';

/** The jobs this page can describe in words; any other shows its name only. */
const DESCRIBED = new Set([
  'outbox.dispatch',
  'reminders.daily',
  'outreach.scan',
  'retention.daily',
]);

const timeText = (d: Date | null, lang: UiLanguage) =>
  d
    ? new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Copenhagen',
      }).format(d)
    : '–';

export function JobsPage({
  ctx,
  overview,
  retried,
}: {
  ctx: PageContext;
  overview: JobsOverview;
  /** After a retry's redirect: true queued again, false no such failed job, null nothing done. */
  retried: boolean | null;
}) {
  const { t, lang } = ctx;
  const jobName = (name: string) => (
    <>
      <code>{name}</code>
      {DESCRIBED.has(name) && (
        <>
          <br />
          <span class="font-size-sm">{t(`jobs.describe.${name.replace('.', '_')}`)}</span>
        </>
      )}
    </>
  );
  return (
    <Layout ctx={ctx} title={t('jobs.title')} area="staff" languages={['da', 'en']}>
      <h1>{t('jobs.title')}</h1>
      <p class="font-lead">{t('jobs.lead')}</p>
      {retried === true && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('jobs.retried')}</p>
          </div>
        </div>
      )}
      {retried === false && (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('jobs.retryGone')}</p>
          </div>
        </div>
      )}
      <h2>{t('jobs.queues')}</h2>
      <DataTable
        caption={t('jobs.queues')}
        hiddenCaption
        columns={[
          t('jobs.col.job'),
          t('jobs.col.queued'),
          t('jobs.col.active'),
          t('jobs.col.failed'),
          t('jobs.col.completed'),
        ]}
        rows={overview.queues}
        cells={(q) => [jobName(q.name), q.queued, q.active, q.failed, q.completed]}
      />
      <h2>{t('jobs.failedHeading')}</h2>
      {overview.failed.length === 0 ? (
        <p>{t('jobs.noneFailed')}</p>
      ) : (
        <>
          <p>{t('jobs.failedLead')}</p>
          <DataTable
            caption={t('jobs.failedHeading')}
            hiddenCaption
            columns={[
              t('jobs.col.job'),
              t('jobs.col.id'),
              t('jobs.col.failedAt'),
              t('jobs.col.attempts'),
              t('jobs.col.error'),
              <span class="sr-only">{t('jobs.col.actions')}</span>,
            ]}
            rows={overview.failed}
            cells={(f) => [
              <code>{f.name}</code>,
              <code>{f.id}</code>,
              timeText(f.failedOn, lang),
              f.attempts,
              <code>{f.code}</code>,
              <form method="post" action={`${JOBS_PATH}/${f.id}/igen`}>
                <CsrfField token={ctx.csrfToken} />
                <button
                  type="submit"
                  class="button button-secondary"
                  aria-label={t('jobs.retryLabel', { name: f.name, id: f.id })}
                >
                  {t('jobs.retry')}
                </button>
              </form>,
            ]}
          />
        </>
      )}
    </Layout>
  );
}
