/**
 * WHO HEAT Plus template in: a planner uploads disaggregated data (the 20 columns, CSV or XLSX)
 * and sees every summary measure per setting x date x indicator x dimension, or the problems by
 * line and column. Nothing is stored: the figures are the planner's own file.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Translate } from '../../web/i18n.ts';
import { CsrfField, ErrorSummaryBox, Field } from '../../web/form.tsx';
import type { GroupMeasures } from '../heatplus/measures.ts';
import { formatTemplateProblem, type TemplateProblem } from '../heatplus/template.validate.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { MonitorNav } from './monitor-nav.tsx';
import { type MonitorLang } from './present.ts';
import { measureValue } from './tables.tsx';

export function HeatPlusPage(props: {
  ctx: PageContext & { lang: MonitorLang };
  fileName?: string;
  problems?: TemplateProblem[];
  results?: GroupMeasures[];
}) {
  const { ctx, problems = [], results } = props;
  const { t, lang } = ctx;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const title =
    errors.length > 0
      ? `${t('form.errorTitlePrefix')} ${t('monitor.heatplus.title')}`
      : t('monitor.heatplus.title');
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      <h1>{t('monitor.heatplus.title')}</h1>
      <MonitorNav t={t} choice={null} current="data" />
      <p>{t('monitor.heatplus.lead')}</p>
      {errors.length > 0 && (
        <ErrorSummaryBox
          heading={t('monitor.heatplus.problems', {
            count: errors.length,
            file: props.fileName ?? '',
          })}
        >
          <ol class="lighed-problems">
            {errors.slice(0, 200).map((p) => (
              <li>
                <a href="#skabelon">{formatTemplateProblem(p, lang)}</a>
              </li>
            ))}
          </ol>
        </ErrorSummaryBox>
      )}
      {warnings.length > 0 && (
        <div class="alert alert-warning" role="note">
          <div class="alert-body">
            <ul class="lighed-problems">
              {warnings.slice(0, 50).map((p) => (
                <li>{formatTemplateProblem(p, lang)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <form method="post" action="/personale/monitor/heatplus" enctype="multipart/form-data">
        <CsrfField token={ctx.csrfToken} />
        <TemplateFileField t={t} inError={errors.length > 0} />
        <button type="submit" class="button button-primary">
          {t('monitor.heatplus.submit')}
        </button>
      </form>
      {results && results.length > 0 && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t('monitor.heatplus.results', { file: props.fileName ?? '' })}
          </h2>
          {results.map((g) => (
            <div class="lighed-table-scroll">
              <table class="table table--compact lighed-measures">
                <caption>{`${g.setting} ${g.date}: ${g.indicator_name}, ${g.dimension}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monitor.col.measure')}</th>
                    <th scope="col">{t('monitor.col.value')}</th>
                    <th scope="col">{t('monitor.col.interval')}</th>
                    <th scope="col">{t('monitor.col.method')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.measures.map((m) => (
                    <tr>
                      <th scope="row">
                        <abbr title={t(`monitor.measure.${m.code}`)}>{m.code}</abbr>
                      </th>
                      <td>{m.value === null ? '–' : measureValue(m.value, lang)}</td>
                      <td>
                        {m.lower === null || m.upper === null
                          ? '–'
                          : `${measureValue(m.lower, lang)} – ${measureValue(m.upper, lang)}`}
                      </td>
                      <td class="lighed-method">{m.method}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </Layout>
  );
}

/**
 * The HEAT Plus file input of both upload forms. Field, not FileField: the group is marked in
 * error, but the problems are listed above the form by line and column, not beside the field.
 */
export function TemplateFileField({ t, inError }: { t: Translate; inError: boolean }) {
  return (
    <Field
      id="skabelon"
      label={t('monitor.heatplus.file')}
      hint={t('monitor.heatplus.fileHint')}
      t={t}
      {...(inError ? { class: 'form-error' } : {})}
    >
      <input
        class="form-input"
        type="file"
        id="skabelon"
        name="skabelon"
        accept=".csv,.xlsx"
        required
        aria-describedby="skabelon-hint"
      />
    </Field>
  );
}
