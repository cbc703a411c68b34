/**
 * The planner's datasets: the readable ones (own, with a delete button, and shared national
 * ones, without), and the upload form for a microdata file with its codebook. Upload problems
 * are listed on top.
 */
import { CsrfField, ErrorSummaryBox, FileField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Translate } from '../../web/i18n.ts';
import type { DatasetInfo } from '../microdata/dataset.store.ts';
import type { UploadProblem } from '../microdata/import.service.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { MonitorNav } from './monitor-nav.tsx';
import { fmtInt, label, type MonitorLang } from './present.ts';

/** An upload problem in the planner's words (codebook paths are the planner's own). */
function problemText(p: UploadProblem, t: Translate): string {
  switch (p.code) {
    case 'noFile':
      return t('monitor.upload.noFile');
    case 'tooLarge':
      return p.field === 'fil'
        ? t('monitor.upload.fileTooLarge', { mb: p.megabytes })
        : t('monitor.upload.codebookTooLarge', { mb: p.megabytes });
    case 'codebookNotJson':
      return t('monitor.upload.codebookNotJson');
    case 'codebookProblem':
      return t('monitor.upload.codebookProblem', {
        field: p.path || '–',
        // Our own rules carry message keys; zod's built-in ones are English sentences.
        problem: p.message.startsWith('codebook.') ? t(p.message) : p.message,
      });
  }
}

/** The municipality's own dataset: not shared, and loaded by it. */
const owned = (d: DatasetInfo, kommune: string): boolean => !d.shared && d.kommune === kommune;

export function DataPage(props: {
  ctx: PageContext & { lang: MonitorLang };
  /** The planner's municipality: its own (not shared) datasets can be deleted. */
  kommune: string;
  datasets: DatasetInfo[];
  problems?: UploadProblem[];
}) {
  const { ctx, datasets, problems = [] } = props;
  const { t, lang } = ctx;
  const title =
    problems.length > 0
      ? `${t('form.errorTitlePrefix')} ${t('monitor.data.title')}`
      : t('monitor.data.title');
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      <h1>{t('monitor.data.title')}</h1>
      <MonitorNav t={t} choice={null} current="data" />
      {problems.length > 0 && (
        <ErrorSummaryBox heading={t('form.errorSummary')}>
          <ul class="nobullet-list">
            {problems.map((p) => (
              <li>
                <a href={`#${p.field}`}>{problemText(p, t)}</a>
              </li>
            ))}
          </ul>
        </ErrorSummaryBox>
      )}
      {/* Compact like the monitor's other tables, so not the staff DataTable (zebra). */}
      <table class="table table--compact">
        <caption>{t('monitor.data.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitor.data.col.name')}</th>
            <th scope="col">{t('monitor.data.col.years')}</th>
            <th scope="col">{t('monitor.data.col.rows')}</th>
            <th scope="col">{t('monitor.data.col.owner')}</th>
            <th scope="col">{t('monitor.data.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr>
              <td>
                <a href={`/personale/monitor?datasaet=${d.id}`}>{label(d.codebook.name, lang)}</a>
                {d.synthetic && ` (${t('monitor.data.synthetic')})`}
                <br />
                <span class="form-hint">
                  {d.kind === 'heatplus' && `${t('monitor.heatplusData.kind')}: `}
                  {d.fileName}
                  {d.kind === 'heatplus' && (
                    <>
                      <br />
                      {t('monitor.heatplusData.source', { source: d.codebook.source })}
                    </>
                  )}
                </span>
              </td>
              <td>{d.years.join(', ')}</td>
              <td>{fmtInt(d.rowCount, lang)}</td>
              {/* A shared (national) dataset is every municipality's, whoever loaded it: it is
                  labelled so and only the operator removes it (the server refuses too). */}
              <td>{owned(d, props.kommune) ? t('monitor.data.own') : t('monitor.data.shared')}</td>
              <td>
                {!owned(d, props.kommune) && (
                  <span class="form-hint">{t('monitor.data.sharedNoDelete')}</span>
                )}
                {owned(d, props.kommune) && (
                  <form method="post" action={`/personale/monitor/data/${d.id}/slet`}>
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="button button-tertiary">
                      {t('monitor.data.delete')}
                      <span class="sr-only"> {label(d.codebook.name, lang)}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        <li>
          <a href="/personale/monitor/heatplus/datasaet">{t('monitor.heatplusData.link')}</a>
        </li>
        <li>
          <a href="/personale/monitor/heatplus">{t('monitor.heatplus.link')}</a>
        </li>
      </ul>
      <h2 id="upload-heading">{t('monitor.upload.heading')}</h2>
      <p>{t('monitor.upload.lead')}</p>
      <form
        method="post"
        action="/personale/monitor/data"
        enctype="multipart/form-data"
        aria-labelledby="upload-heading"
      >
        <CsrfField token={ctx.csrfToken} />
        <FileField
          id="fil"
          label={t('monitor.upload.file')}
          hint={t('monitor.upload.fileHint')}
          accept=".csv,.xlsx,text/csv"
          required
          t={t}
        />
        <FileField
          id="kodebog"
          label={t('monitor.upload.codebook')}
          hint={t('monitor.upload.codebookHint')}
          accept=".json,application/json"
          t={t}
        />
        <button type="submit" class="button button-primary">
          {t('monitor.upload.submit')}
        </button>
      </form>
    </Layout>
  );
}
