/**
 * One import job: its progress while it runs (the page refreshes itself), then the result:
 * a link to the new dataset, or every problem of the file by line and column.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { ImportJob } from '../microdata/import.store.ts';
import { formatProblem } from '../microdata/read.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { fmtInt, type MonitorLang } from './present.ts';

/** Problems listed on the page; the count says how many more there are. */
const SHOWN = 200;

export function ImportJobPage({
  ctx,
  job,
}: {
  ctx: PageContext & { lang: MonitorLang };
  job: ImportJob;
}) {
  const { t, lang } = ctx;
  const running = job.status === 'running';
  const percent = job.rowsTotal
    ? Math.min(100, Math.round((100 * job.rowsDone) / job.rowsTotal))
    : null;
  const title = t(`monitor.job.title.${job.status}`);
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      {running && <meta http-equiv="refresh" content="2" />}
      <h1>{title}</h1>
      <p>{t('monitor.job.file', { file: job.fileName })}</p>
      {running && (
        <>
          <p role="status">
            {t(`monitor.job.phase.${job.phase}`)}: {fmtInt(job.rowsDone, lang)}
            {job.rowsTotal ? ` / ${fmtInt(job.rowsTotal, lang)}` : ''} {t('monitor.job.rows')}
          </p>
          {percent !== null && (
            <progress max={100} value={percent} aria-label={t('monitor.job.progress')}>
              {percent} %
            </progress>
          )}
          <p class="form-hint">{t('monitor.job.refresh')}</p>
        </>
      )}
      {job.status === 'done' && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('monitor.job.done', { rows: fmtInt(job.rowsDone, lang) })}</p>
          </div>
        </div>
      )}
      {job.status === 'done' && job.datasetId && (
        <p>
          <a class="button button-primary" href={`/personale/monitor?datasaet=${job.datasetId}`}>
            {t('monitor.job.open')}
          </a>
        </p>
      )}
      {job.status === 'failed' && job.failure !== null && job.failure !== 'invalid' && (
        <>
          <div class="alert alert-error" role="alert">
            <div class="alert-body">
              <p class="alert-text">{t(`monitor.job.failure.${job.failure}`)}</p>
            </div>
          </div>
          <p>
            <a href="/personale/monitor/data">{t('monitor.upload.again')}</a>
          </p>
        </>
      )}
      {job.status === 'failed' && (job.failure === null || job.failure === 'invalid') && (
        <>
          <div class="alert alert-error" role="alert">
            <div class="alert-body">
              <p class="alert-text">{t('monitor.job.failed', { count: job.problemCount })}</p>
            </div>
          </div>
          <ol class="lighed-problems">
            {(job.problems ?? []).slice(0, SHOWN).map((p) => (
              <li>{formatProblem(p, lang)}</li>
            ))}
          </ol>
          {job.problemCount > SHOWN && (
            <p>{t('monitor.job.more', { count: job.problemCount - SHOWN })}</p>
          )}
          <p>
            <a href="/personale/monitor/data">{t('monitor.upload.again')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
