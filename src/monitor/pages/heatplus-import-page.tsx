/**
 * A HEAT Plus file (figures from registers or another survey) loaded as a dataset of the
 * monitor: the planner uploads it with an optional name; a wrong file is listed by line and
 * column and nothing is stored; a good one opens on the indicator page.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { CsrfField, ErrorSummaryBox, TextField } from '../../web/form.tsx';
import { formatTemplateProblem, type TemplateProblem } from '../heatplus/template.validate.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { MonitorNav } from './monitor-nav.tsx';
import { TemplateFileField } from './heatplus-page.tsx';
import type { MonitorLang } from './present.ts';

export function HeatPlusImportPage(props: {
  ctx: PageContext & { lang: MonitorLang };
  fileName?: string | undefined;
  name?: string | undefined;
  problems?: TemplateProblem[] | undefined;
  /** The suppression thresholds, for the lead. */
  minRespondents: number;
  minCount: number;
}) {
  const { ctx, problems = [] } = props;
  const { t, lang } = ctx;
  const errors = problems.filter((p) => p.severity === 'error');
  const heading = t('monitor.heatplusData.title');
  const title = errors.length > 0 ? `${t('form.errorTitlePrefix')} ${heading}` : heading;
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      <h1>{heading}</h1>
      <MonitorNav t={t} choice={null} current="data" />
      <p class="lead">{t('monitor.heatplusData.lead')}</p>
      <ul>
        <li>{t('monitor.heatplusData.ruleSettings')}</li>
        <li>{t('monitor.heatplusData.ruleScale')}</li>
        <li>
          {t('monitor.heatplusData.ruleSuppression', {
            min: props.minRespondents,
            count: props.minCount,
          })}
        </li>
      </ul>
      {errors.length > 0 && (
        <ErrorSummaryBox
          heading={t('monitor.heatplusData.problems', {
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
      <form
        method="post"
        action="/personale/monitor/heatplus/datasaet"
        enctype="multipart/form-data"
      >
        <CsrfField token={ctx.csrfToken} />
        <TemplateFileField t={t} inError={errors.length > 0} />
        <TextField
          t={t}
          problems={[]}
          name="navn"
          label={t('monitor.heatplusData.name')}
          hint={t('monitor.heatplusData.nameHint')}
          value={props.name ?? ''}
          width="l"
        />
        <button type="submit" class="button button-primary">
          {t('monitor.heatplusData.submit')}
        </button>
      </form>
      <p>
        <a href="/personale/monitor/heatplus">{t('monitor.heatplus.link')}</a>
      </p>
    </Layout>
  );
}
