/**
 * From monitor tables to the chart components (../charts): the props each chart needs, the
 * sections of the indicator page, and the SVG/PNG downloads. Charts only ever see published
 * (suppressed) figures.
 */
import type { Queryable } from '../../db/db.ts';
import type { PageContext } from '../../web/layout.tsx';
import type { Translate } from '../../web/i18n.ts';
import type { ChartLabels, Estimate } from '../charts/chart-kit.tsx';
import {
  Choropleth,
  ChoroplethTable,
  choroplethSvg,
  type ChoroplethProps,
} from '../charts/choropleth.tsx';
import { Equiplot, equiplotSvg, type EquiplotProps } from '../charts/equiplot.tsx';
import { svgToPng } from '../charts/png.ts';
import { Trend, TrendTable, trendSvg, type TrendProps } from '../charts/trend.tsx';
import type { Figure, Table } from '../estimates/tables.ts';
import {
  indicatorView,
  mapValues,
  type IndicatorView,
  type MapValue,
  type MonitorSettings,
} from '../estimates/monitor.service.ts';
import type { Choice } from '../estimates/choice.service.ts';
import { heatPlusIndicatorView, heatPlusMap } from '../estimates/heatplus-views.ts';
import { fmt, label, type MonitorLang } from './present.ts';

type Ctx = PageContext & { lang: MonitorLang };

function chartLabels(t: Translate): Partial<ChartLabels> {
  return {
    suppressed: t('monitor.chart.suppressed'),
    average: t('monitor.chart.average'),
    interval: t('monitor.chart.interval'),
    timeBreak: t('monitor.chart.break'),
    noData: t('monitor.chart.noData'),
    selected: t('monitor.chart.selected'),
    attribution: t('monitor.chart.attribution'),
  };
}

const estimateOf = (f: Figure): Estimate => ({
  value: f.suppressed ? null : f.prevalence.value,
  lower: f.prevalence.lower,
  upper: f.prevalence.upper,
});

const subgroupsOf = (table: Table, lang: MonitorLang) =>
  table.groups.map((g) => ({ key: g.code, label: label(g.label, lang) }));

const percent = (lang: MonitorLang) => (v: number) => `${fmt(v, lang)} %`;

/** The widest gap in a set of tables, in words, for the charts' titles. */
function gapSentence(t: Translate, lang: MonitorLang, table: Table | undefined): string {
  if (!table) return '';
  const shown = table.groups.filter((g) => !g.suppressed && g.prevalence.value !== null);
  if (shown.length < 2) return t('monitor.chart.noGap');
  const sorted = [...shown].sort((a, b) => (a.prevalence.value ?? 0) - (b.prevalence.value ?? 0));
  const lo = sorted[0]!;
  const hi = sorted.at(-1)!;
  return t('monitor.chart.gap', {
    high: label(hi.label, lang),
    highValue: percent(lang)(hi.prevalence.value ?? 0),
    low: label(lo.label, lang),
    lowValue: percent(lang)(lo.prevalence.value ?? 0),
  });
}

export function overviewChartProps(
  ctx: Ctx,
  tables: readonly Table[],
  dimensionLabel: string,
): EquiplotProps | null {
  const { t, lang } = ctx;
  const first = tables[0];
  if (!first) return null;
  return {
    id: 'overview-equiplot',
    title: t('monitor.chart.overviewTitle', {
      dimension: dimensionLabel.toLowerCase(),
      area: first.scope.name[lang],
      year: first.year,
    }),
    description: t('monitor.chart.overviewDesc'),
    caption: t('monitor.chart.overviewCaption', { dimension: dimensionLabel.toLowerCase() }),
    format: percent(lang),
    labels: chartLabels(t),
    subgroups: subgroupsOf(first, lang),
    rowHeader: t('monitor.col.indicator'),
    axisLabel: t('monitor.chart.axis'),
    rows: tables.map((tb) => ({
      label: label(tb.indicator.label, lang),
      average: tb.total.suppressed ? null : tb.total.prevalence.value,
      estimates: Object.fromEntries(tb.groups.map((g) => [g.code, estimateOf(g)])),
    })),
  };
}

export function OverviewChart({
  ctx,
  tables,
  dimensionLabel,
}: {
  ctx: Ctx;
  tables: readonly Table[];
  dimensionLabel: string;
}) {
  const props = overviewChartProps(ctx, tables, dimensionLabel);
  return props ? <Equiplot {...props} /> : null;
}

export function scopesChartProps(ctx: Ctx, tables: readonly Table[]): EquiplotProps | null {
  const { t, lang } = ctx;
  const own = tables[0];
  if (!own) return null;
  const indicator = label(own.indicator.label, lang);
  const dimension = label(own.dimension.label, lang).toLowerCase();
  return {
    id: 'scopes-equiplot',
    title: t('monitor.chart.scopesTitle', { indicator, dimension, year: own.year }),
    description: gapSentence(t, lang, own),
    caption: t('monitor.chart.scopesCaption', { indicator, dimension, year: own.year }),
    format: percent(lang),
    labels: chartLabels(t),
    subgroups: subgroupsOf(own, lang),
    rowHeader: t('monitor.chart.scope'),
    axisLabel: t('monitor.chart.axis'),
    rows: tables.map((tb) => ({
      label: tb.scope.name[lang],
      average: tb.total.suppressed ? null : tb.total.prevalence.value,
      estimates: Object.fromEntries(tb.groups.map((g) => [g.code, estimateOf(g)])),
    })),
  };
}

export function ScopesChart({ ctx, tables }: { ctx: Ctx; tables: readonly Table[] }) {
  const props = scopesChartProps(ctx, tables);
  return props ? <Equiplot {...props} /> : null;
}

export function trendProps(ctx: Ctx, view: IndicatorView): TrendProps | null {
  const { t, lang } = ctx;
  const first = view.trend.area[0];
  if (!first) return null;
  const breaks = new Set(first.indicator.breaks.map((b) => b.year));
  const years = view.trend.area.map((tb) => tb.year);
  const waves = years.map((year, i) => ({
    year,
    // A break at year Y separates the last wave before Y from the first wave from Y on.
    breakBefore: i > 0 && [...breaks].some((b) => years[i - 1]! < b && year >= b),
  }));
  const indicator = label(first.indicator.label, lang);
  const dimension = label(first.dimension.label, lang).toLowerCase();
  const notes = first.indicator.breaks.map((b) => `${b.year}: ${b.note[lang]}`).join(' ');
  return {
    id: 'trend',
    title: t('monitor.chart.trendTitle', { indicator, dimension, area: first.scope.name[lang] }),
    description:
      `${t('monitor.chart.trendDesc', { from: years[0] ?? '', to: years.at(-1) ?? '' })} ${notes}`.trim(),
    caption: t('monitor.chart.trendCaption', {
      indicator,
      dimension,
      area: first.scope.name[lang],
    }),
    format: percent(lang),
    labels: chartLabels(t),
    waves,
    subgroups: [...subgroupsOf(first, lang), { key: '*', label: t('monitor.chart.everyone') }],
    values: Object.fromEntries([
      ...first.groups.map(
        (g) =>
          [g.code, view.trend.area.map((tb) => estimateOf(tb.groups[g.category - 1]!))] as const,
      ),
      ['*', view.trend.area.map((tb) => estimateOf(tb.total))] as const,
    ]),
    rowHeader: label(first.dimension.label, lang),
    axisLabel: t('monitor.chart.axis'),
  };
}

export function TrendSection({
  ctx,
  view,
  chartQuery,
}: {
  ctx: Ctx;
  view: IndicatorView;
  chartQuery: string;
}) {
  const { t } = ctx;
  const props = trendProps(ctx, view);
  if (!props) return null;
  const breaks = view.trend.area[0]?.indicator.breaks ?? [];
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('monitor.indicator.trendHeading')}</h2>
      {breaks.length > 0 && (
        <ul>
          {breaks.map((b) => (
            <li>{t('monitor.indicator.breakNote', { year: b.year, note: b.note[ctx.lang] })}</li>
          ))}
        </ul>
      )}
      <Trend {...props} />
      {/* Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too. */}
      <div class="lighed-table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
        <TrendTable {...props} />
      </div>
      <ChartDownloads t={t} kind="trend" chartQuery={chartQuery} />
    </section>
  );
}

export function mapProps(ctx: Ctx, view: IndicatorView, map: readonly MapValue[]): ChoroplethProps {
  const { t, lang } = ctx;
  const own = view.current[0];
  const indicator = own ? label(own.indicator.label, lang) : '';
  const values: Record<string, number | null> = {};
  for (const m of map) values[m.area] = m.suppressed ? null : (m.prevalence?.value ?? null);
  return {
    id: 'map',
    title: t('monitor.chart.mapTitle', { indicator, year: view.year }),
    description: t('monitor.chart.mapDesc', { count: map.filter((m) => !m.suppressed).length }),
    caption: t('monitor.chart.mapCaption', { indicator, year: view.year }),
    format: percent(lang),
    labels: chartLabels(t),
    values,
    selected: own?.scope.code,
    legendTitle: t('monitor.chart.axis'),
  };
}

export function MapSection({
  ctx,
  view,
  map,
  chartQuery,
}: {
  ctx: Ctx;
  view: IndicatorView;
  map: readonly MapValue[];
  chartQuery: string;
}) {
  const { t } = ctx;
  const props = mapProps(ctx, view, map);
  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t('monitor.indicator.mapHeading')}</h2>
      <Choropleth {...props} />
      <details class="lighed-details">
        <summary>{t('monitor.indicator.mapTable')}</summary>
        <ChoroplethTable
          {...props}
          rowHeader={t('monitor.pick.area')}
          valueHeader={t('monitor.chart.axis')}
        />
      </details>
      <ChartDownloads t={t} kind="kort" chartQuery={chartQuery} />
    </section>
  );
}

function ChartDownloads({
  t,
  kind,
  chartQuery,
}: {
  t: Translate;
  kind: ChartKind;
  chartQuery: string;
}) {
  return (
    <p>
      <a href={`/personale/monitor/graf/${kind}.svg?${chartQuery}`} download>
        {t('monitor.download.svg')}
      </a>{' '}
      ·{' '}
      <a href={`/personale/monitor/graf/${kind}.png?${chartQuery}`} download>
        {t('monitor.download.png')}
      </a>
    </p>
  );
}

export type ChartKind = 'equiplot' | 'trend' | 'kort';

/** A chart of the indicator page as a standalone SVG or PNG file. */
export async function chartFor(
  q: Queryable,
  choice: Choice,
  opts: {
    kind: ChartKind;
    format: 'svg' | 'png';
    lang: MonitorLang;
    t: Translate;
    settings: MonitorSettings;
  },
): Promise<{ fileName: string; body: string | Buffer } | null> {
  const ctx = { lang: opts.lang, t: opts.t } as Ctx;
  const indicator = choice.indicator ?? 1;
  // A HEAT Plus file's figures come from the file (estimates/heatplus-views.ts).
  const heatplus = choice.dataset.kind === 'heatplus';
  const view = await (heatplus ? heatPlusIndicatorView : indicatorView)(
    q,
    choice.dataset,
    { ...choice, indicator, measures: [] },
    opts.settings,
  );
  // The file names its source, and says so when the data are synthetic.
  const footnote = `${choice.dataset.codebook.source}${choice.dataset.synthetic ? ` · ${opts.t('monitor.chart.syntheticNote')}` : ''}`;
  let svg: string | null;
  if (opts.kind === 'equiplot') {
    const p = scopesChartProps(ctx, view.current);
    svg = p ? equiplotSvg({ ...p, footnote }) : null;
  } else if (opts.kind === 'trend') {
    const p = trendProps(ctx, view);
    svg = p ? trendSvg({ ...p, footnote }) : null;
  } else {
    const map = heatplus
      ? await heatPlusMap(q, choice.dataset, { ...choice, indicator }, opts.settings)
      : await mapValues(q, choice.dataset, { indicator, year: choice.year }, opts.settings);
    svg = choroplethSvg({ ...mapProps(ctx, view, map), footnote });
  }
  if (!svg) return null;
  const key = choice.dataset.codebook.indicators[indicator - 1]?.key ?? 'indikator';
  const stem = [
    'lighed',
    opts.kind,
    choice.area,
    key,
    String(choice.year),
    ...(choice.dataset.synthetic ? ['syntetisk'] : []),
  ].join('-');
  return opts.format === 'svg'
    ? { fileName: `${stem}.svg`, body: svg }
    : { fileName: `${stem}.png`, body: await svgToPng(svg) };
}
