/**
 * One indicator along one dimension: the area against its region and the country (equiplot and
 * tables, interval overlap), every summary measure with its interval and method, the trend with
 * comparability breaks, and a map of all municipalities.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Comparison } from '../estimates/estimate.ts';
import type { IndicatorView, MapValue } from '../estimates/monitor.service.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { Downloads, MonitorNav } from './monitor-nav.tsx';
import { choiceQuery, Picker, SyntheticNotice } from './picker.tsx';
import type { ResolvedChoice } from '../estimates/choice.service.ts';
import { fmt, label, pctWithInterval, type MonitorLang } from './present.ts';
import { FigureTable, MeasuresNote, MeasuresTable, measureValue } from './tables.tsx';
import { ScopesChart, TrendSection, MapSection } from './charts.tsx';

export function IndicatorPage(
  props: ResolvedChoice & {
    ctx: PageContext & { lang: MonitorLang };
    view: IndicatorView;
    map: MapValue[];
  },
) {
  const { ctx, choice, view } = props;
  const { t, lang } = ctx;
  const own = view.current.find((c) => c.scope.kind === 'area');
  const indicator = own?.indicator;
  const dimension = own?.dimension;
  if (!own || !indicator || !dimension) return <p>{t('monitor.empty')}</p>;
  const areaName = own.scope.name[lang];
  const title = t('monitor.indicator.title', {
    indicator: label(indicator.label, lang),
    dimension: label(dimension.label, lang).toLowerCase(),
    area: areaName,
    year: choice.year,
  });
  const chartQuery = choiceQuery(choice);
  // A region or country the dataset covers only in part is named for what it sums.
  const partial = view.scopes.filter((s) => s.coverage);
  const scopeName = (kind: 'region' | 'country') =>
    view.scopes.find((s) => s.kind === kind)?.name[lang] ?? '';
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      <h1>{title}</h1>
      <MonitorNav t={t} choice={choice} current="indicator" />
      <SyntheticNotice t={t} dataset={choice.dataset} />
      <Picker
        t={t}
        lang={lang}
        action="/personale/monitor/indikator"
        choice={choice}
        datasets={props.datasets}
        areas={props.areas}
        methodChoice
      />
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">
          {t(
            partial.length > 0
              ? 'monitor.indicator.compareHeadingPartial'
              : 'monitor.indicator.compareHeading',
          )}
        </h2>
        <p class="lighed-finding">
          {own.total.suppressed
            ? t('monitor.suppressed')
            : t('monitor.indicator.finding', {
                area: areaName,
                value: pctWithInterval(own.total.prevalence, lang) ?? '–',
              })}{' '}
          {comparisonText(t, view.comparison.country, areaName, scopeName('country'))}{' '}
          {comparisonText(t, view.comparison.region, areaName, scopeName('region'))}
        </p>
        {partial.map((s) => (
          <p class="form-hint">
            {t('monitor.scope.partial', {
              name: s.name[lang],
              areas: s.coverage?.areas ?? 0,
              of: s.coverage?.of ?? 0,
            })}
          </p>
        ))}
        <ScopesChart ctx={ctx} tables={view.current} />
        {view.current.map((table) => (
          <FigureTable
            t={t}
            lang={lang}
            table={table}
            caption={t('monitor.indicator.tableCaption', {
              scope: table.scope.name[lang],
              year: table.year,
            })}
          />
        ))}
        <p>
          <a href={`/personale/monitor/graf/equiplot.svg?${chartQuery}`} download>
            {t('monitor.download.svg')}
          </a>{' '}
          ·{' '}
          <a href={`/personale/monitor/graf/equiplot.png?${chartQuery}`} download>
            {t('monitor.download.png')}
          </a>
        </p>
      </section>

      <StandardisedSection ctx={ctx} view={view} />

      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading">{t('monitor.indicator.measuresHeading')}</h2>
        <p>
          {t(
            dimension.ordered
              ? 'monitor.indicator.measuresOrdered'
              : 'monitor.indicator.measuresUnordered',
          )}
        </p>
        <p>{t(`monitor.method.used.${choice.method}`)}</p>
        <MeasuresNote t={t} note={own.measuresNote} />
        {own.measures && (
          <MeasuresTable
            t={t}
            lang={lang}
            measures={own.measures}
            methods
            caption={t('monitor.indicator.measuresCaption', { scope: areaName, year: choice.year })}
          />
        )}
        <MeasuresByScope ctx={ctx} view={view} />
      </section>

      <TrendSection ctx={ctx} view={view} chartQuery={chartQuery} />
      <MapSection ctx={ctx} view={view} map={props.map} chartQuery={chartQuery} />
      <Downloads t={t} choice={choice} indicatorOnly />
    </Layout>
  );
}

/** The area, region and country directly age-standardised to the country's age distribution. */
function StandardisedSection({
  ctx,
  view,
}: {
  ctx: PageContext & { lang: MonitorLang };
  view: IndicatorView;
}) {
  const { t, lang } = ctx;
  if (!view.standardised) return null;
  const areaName = view.scopes[0]?.name[lang] ?? '';
  return (
    <section aria-labelledby="standardised-heading">
      <h2 id="standardised-heading">{t('monitor.standardised.heading')}</h2>
      <p>
        {t(
          view.scopes.some((s) => s.kind === 'country' && !s.coverage)
            ? 'monitor.standardised.lead'
            : 'monitor.standardised.leadPartial',
          { year: view.year },
        )}
      </p>
      <table class="table table--compact">
        <caption>{t('monitor.standardised.caption', { year: view.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitor.chart.scope')}</th>
            <th scope="col">{t('monitor.standardised.crude')}</th>
            <th scope="col">{t('monitor.standardised.value')}</th>
          </tr>
        </thead>
        <tbody>
          {view.standardised.map((s) => (
            <tr>
              <th scope="row">{s.scope.name[lang]}</th>
              <td>{pctWithInterval(s.crude, lang) ?? t('monitor.suppressed')}</td>
              <td>
                {s.value
                  ? `${fmt(s.value.value, lang)} % (${fmt(s.value.lower, lang)}–${fmt(s.value.upper, lang)})`
                  : t('monitor.standardised.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {comparisonText(
          t,
          view.standardisedComparison,
          areaName,
          view.scopes.find((s) => s.kind === 'country')?.name[lang] ?? '',
        )}
      </p>
    </section>
  );
}

function comparisonText(t: PageContext['t'], c: Comparison, area: string, other: string): string {
  if (!other) return '';
  return t(`monitor.comparison.${c}`, { area, other });
}

/** The key measures side by side for area, region and country. */
function MeasuresByScope({
  ctx,
  view,
}: {
  ctx: PageContext & { lang: MonitorLang };
  view: IndicatorView;
}) {
  const { t, lang } = ctx;
  const codes = view.current[0]?.dimension.ordered
    ? (['D', 'R', 'SII', 'RII', 'ACI', 'RCI', 'PAF'] as const)
    : (['D', 'R', 'BGV', 'COV', 'MDMW', 'PAF'] as const);
  return (
    <table class="table table--compact">
      <caption>{t('monitor.indicator.byScopeCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.col.measure')}</th>
          {view.current.map((c) => (
            <th scope="col">{c.scope.name[lang]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {codes.map((code) => (
          <tr>
            <th scope="row">
              <abbr title={t(`monitor.measure.${code}`)}>{code}</abbr>
            </th>
            {view.current.map((c) => {
              const m = c.measures?.find((x) => x.code === code);
              return (
                <td>
                  {m
                    ? `${measureValue(m.value, lang)} (${measureValue(m.lower, lang)} – ${measureValue(m.upper, lang)})`
                    : t('monitor.suppressed')}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
