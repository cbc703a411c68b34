/**
 * A municipality at a glance: for every indicator, the gap along the chosen dimension (HEAT's
 * equiplot and its table), the setting average, the country, and the measures the planner picked.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Table } from '../estimates/tables.ts';
import type { GapTrendRow } from '../estimates/monitor.service.ts';
import type { Translate } from '../../web/i18n.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { Downloads, MonitorNav } from './monitor-nav.tsx';
import { choiceQuery, Picker, SyntheticNotice } from './picker.tsx';
import type { ResolvedChoice } from '../estimates/choice.service.ts';
import { fmt, label, pctWithInterval, type MonitorLang } from './present.ts';
import { measureValue } from './tables.tsx';
import { OverviewChart } from './charts.tsx';
import { NON_ORDERED_MEASURES, ORDERED_MEASURES } from '../measures/heat.ts';

export function OverviewPage(
  props: ResolvedChoice & {
    ctx: PageContext & { lang: MonitorLang };
    tables: { area: Table[]; country: Table[] };
    trend: { years: number[]; rows: GapTrendRow[] };
  },
) {
  const { ctx, choice, tables } = props;
  const { t, lang } = ctx;
  const dimension = choice.dataset.codebook.dimensions[choice.dim - 1];
  const areaName = tables.area[0]?.scope.name[lang] ?? choice.area;
  const title = t('monitor.overview.title', { area: areaName, year: choice.year });
  const dimLabel = dimension ? label(dimension.label, lang) : '';
  // "Hele landet" only when the dataset covers every municipality; else what the sum is.
  const countryScope = tables.country[0]?.scope;
  const countryHeader = countryScope?.coverage
    ? upperFirst(countryScope.name[lang])
    : t('monitor.col.country');
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      <h1>{title}</h1>
      <MonitorNav t={t} choice={choice} current="overview" />
      <SyntheticNotice t={t} dataset={choice.dataset} />
      <p class="lead">{t('monitor.overview.lead', { dimension: dimLabel.toLowerCase() })}</p>
      <Picker
        t={t}
        lang={lang}
        action="/personale/monitor"
        choice={choice}
        datasets={props.datasets}
        areas={props.areas}
        measureOptions={
          choice.dataset.codebook.dimensions[choice.dim - 1]?.ordered
            ? ORDERED_MEASURES
            : NON_ORDERED_MEASURES
        }
      />
      <OverviewChart ctx={ctx} tables={tables.area} dimensionLabel={dimLabel} />
      <div
        class="lighed-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="overview-table-caption"
      >
        <table class="table table--compact lighed-overview">
          <caption id="overview-table-caption">
            {t('monitor.overview.tableCaption', {
              area: areaName,
              year: choice.year,
              dimension: dimLabel.toLowerCase(),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.col.indicator')}</th>
              {dimension?.categories.map((c) => (
                <th scope="col">{label(c.label, lang)}</th>
              ))}
              <th scope="col">{t('monitor.col.everyone', { area: areaName })}</th>
              <th scope="col">{countryHeader}</th>
              {choice.measures.map((m) => (
                <th scope="col">
                  <abbr title={t(`monitor.measure.${m}`)}>{m}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tables.area.map((table, i) => {
              const country = tables.country[i];
              const indicatorKey = table.indicator.key;
              return (
                <tr>
                  <th scope="row">
                    <a
                      href={`/personale/monitor/indikator?${choiceQuery({ ...choice, indicator: i + 1 })}`}
                      data-indicator={indicatorKey}
                    >
                      {label(table.indicator.label, lang)}
                    </a>
                  </th>
                  {table.groups.map((g) => (
                    <td>
                      {g.suppressed ? (
                        <span class="lighed-suppressed">{t('monitor.suppressed')}</span>
                      ) : (
                        (pctWithInterval(g.prevalence, lang) ?? '–')
                      )}
                    </td>
                  ))}
                  <td>
                    {table.total.suppressed
                      ? t('monitor.suppressed')
                      : (pctWithInterval(table.total.prevalence, lang) ?? '–')}
                  </td>
                  <td>
                    {country && country.total.prevalence.value !== null
                      ? `${fmt(country.total.prevalence.value, lang)} %`
                      : '–'}
                  </td>
                  {choice.measures.map((code) => {
                    const m = table.measures?.find((x) => x.code === code);
                    return (
                      <td>
                        {m
                          ? measureValue(m.value, lang)
                          : table.measuresNote
                            ? t('monitor.suppressed')
                            : '–'}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="form-hint">{t('monitor.overview.note')}</p>
      <GapTrendTable ctx={ctx} trend={props.trend} areaName={areaName} dimLabel={dimLabel} />
      <Downloads t={t} choice={choice} />
    </Layout>
  );
}

/** Is the gap closing? The difference D between HEAT's pair of groups, wave by wave. */
function GapTrendTable(props: {
  ctx: PageContext & { lang: MonitorLang };
  trend: { years: number[]; rows: GapTrendRow[] };
  areaName: string;
  dimLabel: string;
}) {
  const { ctx, trend } = props;
  const { t, lang } = ctx;
  if (trend.years.length < 2) return null;
  const anyBreak = trend.rows.some((r) => r.breakBefore.some(Boolean));
  return (
    <section aria-labelledby="gap-trend-heading">
      <h2 id="gap-trend-heading">{t('monitor.gapTrend.heading')}</h2>
      <p>{t('monitor.gapTrend.lead', { dimension: props.dimLabel.toLowerCase() })}</p>
      <div
        class="lighed-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="gap-trend-caption"
      >
        <table class="table table--compact">
          <caption id="gap-trend-caption">
            {t('monitor.gapTrend.caption', {
              area: props.areaName,
              dimension: props.dimLabel.toLowerCase(),
            })}
            {anyBreak && ` † ${t('monitor.chart.break')}.`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.col.indicator')}</th>
              {trend.years.map((y) => (
                <th scope="col">{y}</th>
              ))}
              <th scope="col">{t('monitor.gapTrend.change')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.rows.map((r) => (
              <tr>
                <th scope="row">{label(r.indicator.label, lang)}</th>
                {r.gaps.map((g, i) => (
                  <td>
                    {g
                      ? `${fmt(g.value, lang)} (${fmt(g.lower, lang)}–${fmt(g.upper, lang)})`
                      : t('monitor.suppressed')}
                    {r.breakBefore[i] ? ' †' : ''}
                  </td>
                ))}
                <td>{changeText(t, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** First against last comparable wave, by interval overlap; no verdict across a break. */
function changeText(t: Translate, r: GapTrendRow): string {
  const lastBreak = r.breakBefore.lastIndexOf(true);
  const from = r.gaps.findIndex((g, i) => g !== null && i >= Math.max(0, lastBreak));
  const to = r.gaps.length - 1;
  const a = r.gaps[from];
  const b = r.gaps[to];
  if (!a || !b || from === to) return t('monitor.gapTrend.unknown');
  const width = (g: { value: number }) => Math.abs(g.value);
  if (b.upper < a.lower || b.lower > a.upper)
    return t(width(b) < width(a) ? 'monitor.gapTrend.smaller' : 'monitor.gapTrend.larger');
  return t('monitor.gapTrend.same');
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('da-DK') + s.slice(1);
