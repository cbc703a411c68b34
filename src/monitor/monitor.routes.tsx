/**
 * The equity monitor's planner pages: overview, one indicator (area against region and
 * country, trend, map), the priority finder and downloads. Planners and admins only; the
 * figures are aggregates, suppressed before they reach a page (estimates/tables.ts).
 * Upload and import jobs are in monitor-data.routes.tsx.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant, type Queryable } from '../db/db.ts';
import { LighedError } from '../platform/errors.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { translator } from '../web/i18n.ts';
import { Layout, type PageContext } from '../web/layout.tsx';
import {
  datasetAreas,
  readableDataset,
  readableDatasets,
  type DatasetInfo,
} from './estimates/estimates.store.ts';
import {
  areaName,
  gapTrend,
  indicatorView,
  mapValues,
  overviewTables,
  slotOf,
  DEFAULT_SETTINGS,
} from './estimates/monitor.service.ts';
import { NON_ORDERED_MEASURES, ORDERED_MEASURES } from './measures/heat.ts';
import type { MeasureCode } from './measures/types.ts';
import { Picker, type Choice } from './pages/picker.tsx';
import type { MonitorLang } from './pages/present.ts';
import { MONITOR_LANGUAGES_LIST } from './pages/languages.ts';
import { OverviewPage } from './pages/overview-page.tsx';
import { IndicatorPage } from './pages/indicator-page.tsx';
import { PrioritiesPage } from './pages/priorities-page.tsx';
import { findPriorities } from './estimates/priorities.service.ts';
import { exportTables, type ExportFormat } from './estimates/export.ts';
import { chartFor, type ChartKind } from './pages/charts.tsx';

export const planners = requireRole('admin', 'planner');

/** The monitor is offered in Danish and English; other interface languages get English. */
export function monitorContext(
  req: FastifyRequest,
  reply: FastifyReply,
): PageContext & { lang: MonitorLang } {
  return staffPageContext(req, reply);
}

type Query = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

const DEFAULT_MEASURES: MeasureCode[] = ['D', 'R', 'SII', 'RII', 'PAF'];

/**
 * Reads the view from the query, defaulting to the newest shared dataset, the planner's own
 * municipality, the latest year and the first ordered dimension. Unknown values fall back to
 * defaults rather than failing: a stale bookmark still opens.
 */
export async function resolveChoice(
  q: Queryable,
  query: Query,
  kommune: string,
  opts: { indicator?: boolean } = {},
): Promise<{ choice: Choice; datasets: DatasetInfo[]; areas: string[] } | null> {
  const datasets = await readableDatasets(q);
  const wanted = first(query.datasaet);
  const dataset = (wanted && (await readableDataset(q, wanted))) || datasets[0];
  if (!dataset) return null;
  const areas = await datasetAreas(q, dataset.id);
  const areaParam = first(query.omraade);
  const area =
    areaParam && areas.includes(areaParam)
      ? areaParam
      : areas.includes(kommune)
        ? kommune
        : (areas[0] ?? kommune);
  const yearParam = Number(first(query.aar));
  const year = dataset.years.includes(yearParam) ? yearParam : (dataset.years.at(-1) ?? 0);
  const cb = dataset.codebook;
  const dimParam = first(query.dimension);
  const dim =
    (dimParam && slotOf(cb, 'dimension', dimParam)) ||
    cb.dimensions.findIndex((d) => d.ordered) + 1 ||
    1;
  const applicable = cb.dimensions[dim - 1]?.ordered ? ORDERED_MEASURES : NON_ORDERED_MEASURES;
  const asked = all(query.maal).filter((m): m is MeasureCode =>
    (applicable as readonly string[]).includes(m),
  );
  const measures =
    asked.length > 0 ? asked : DEFAULT_MEASURES.filter((m) => applicable.includes(m));
  const indParam = first(query.indikator);
  const indicator = opts.indicator
    ? (indParam && slotOf(cb, 'indicator', indParam)) || 1
    : undefined;
  return {
    choice: {
      dataset,
      area,
      year,
      dim,
      measures,
      ...(indicator !== undefined ? { indicator } : {}),
    },
    datasets,
    areas,
  };
}

export const monitorRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, config }) => {
  const settings = {
    ...DEFAULT_SETTINGS,
    suppression: { minRespondents: config.monitorMinRespondents, minCount: config.monitorMinCount },
  };

  async function withChoice<T>(
    req: FastifyRequest,
    opts: { indicator?: boolean },
    fn: (tx: Queryable, r: NonNullable<Awaited<ReturnType<typeof resolveChoice>>>) => Promise<T>,
  ): Promise<T | null> {
    return inTenant(db, req.tenant.kommune, async (tx) => {
      const r = await resolveChoice(tx, req.query as Query, req.tenant.kommune, opts);
      return r ? fn(tx, r) : null;
    });
  }

  const areaOptions = (areas: string[]) =>
    areas
      .map((code) => ({ code, name: areaName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));

  function noData(req: FastifyRequest, reply: FastifyReply) {
    const ctx = monitorContext(req, reply);
    return sendPage(
      reply,
      <Layout
        ctx={ctx}
        title={ctx.t('monitor.title')}
        area="staff"
        languages={MONITOR_LANGUAGES_LIST}
      >
        <h1>{ctx.t('monitor.title')}</h1>
        <p>{ctx.t('monitor.empty')}</p>
        <p>
          <a href="/personale/monitor/data">{ctx.t('monitor.data.title')}</a>
        </p>
      </Layout>,
    );
  }

  app.get('/personale/monitor', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const page = await withChoice(req, {}, async (tx, { choice, datasets, areas }) => {
      const tables = await overviewTables(tx, choice.dataset, choice, settings);
      const trend = await gapTrend(tx, choice.dataset, choice, settings);
      const picker = (
        <Picker
          t={ctx.t}
          lang={ctx.lang}
          action="/personale/monitor"
          choice={choice}
          datasets={datasets}
          areas={areaOptions(areas)}
          measureOptions={
            choice.dataset.codebook.dimensions[choice.dim - 1]?.ordered
              ? ORDERED_MEASURES
              : NON_ORDERED_MEASURES
          }
        />
      );
      return (
        <OverviewPage ctx={ctx} choice={choice} picker={picker} tables={tables} trend={trend} />
      );
    });
    return page ? sendPage(reply, page) : noData(req, reply);
  });

  app.get('/personale/monitor/indikator', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const page = await withChoice(
      req,
      { indicator: true },
      async (tx, { choice, datasets, areas }) => {
        const indicator = choice.indicator ?? 1;
        const view = await indicatorView(
          tx,
          choice.dataset,
          { ...choice, indicator, measures: undefined },
          settings,
        );
        const map = await mapValues(tx, choice.dataset, { indicator, year: choice.year }, settings);
        const picker = (
          <Picker
            t={ctx.t}
            lang={ctx.lang}
            action="/personale/monitor/indikator"
            choice={choice}
            datasets={datasets}
            areas={areaOptions(areas)}
          />
        );
        return <IndicatorPage ctx={ctx} choice={choice} picker={picker} view={view} map={map} />;
      },
    );
    return page ? sendPage(reply, page) : noData(req, reply);
  });

  app.get('/personale/monitor/prioriteter', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const page = await withChoice(req, {}, async (tx, { choice, datasets, areas }) => {
      const result = await findPriorities(
        tx,
        choice.dataset,
        { area: choice.area, year: choice.year },
        settings,
      );
      const picker = (
        <Picker
          t={ctx.t}
          lang={ctx.lang}
          action="/personale/monitor/prioriteter"
          choice={choice}
          datasets={datasets}
          areas={areaOptions(areas)}
        />
      );
      return <PrioritiesPage ctx={ctx} choice={choice} picker={picker} result={result} />;
    });
    return page ? sendPage(reply, page) : noData(req, reply);
  });

  // Downloads: the same suppressed figures as the pages, as CSV, XLSX or WHO's HEAT Plus template.
  app.get<{ Params: { format: string } }>(
    '/personale/monitor/download/:format',
    { preHandler: planners },
    async (req, reply) => {
      const format = req.params.format as ExportFormat;
      if (!['csv', 'xlsx', 'heatplus.csv', 'heatplus.xlsx'].includes(format))
        throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such format');
      const lang: MonitorLang = req.lang === 'da' ? 'da' : 'en';
      const file = await withChoice(req, { indicator: true }, async (tx, { choice }) => {
        const scope = first((req.query as Query).omfang) === 'indikator' ? 'indicator' : 'all';
        return exportTables(tx, choice, { format, lang, scope, settings });
      });
      if (!file) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No data');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get<{ Params: { kind: string; format: string } }>(
    '/personale/monitor/graf/:kind.:format',
    { preHandler: planners },
    async (req, reply) => {
      const { kind, format } = req.params;
      if (!['equiplot', 'trend', 'kort'].includes(kind) || !['svg', 'png'].includes(format))
        throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such chart');
      const lang: MonitorLang = req.lang === 'da' ? 'da' : 'en';
      const t = translator(lang);
      const file = await withChoice(req, { indicator: true }, (tx, { choice }) =>
        chartFor(tx, choice, {
          kind: kind as ChartKind,
          format: format as 'svg' | 'png',
          lang,
          t,
          settings,
        }),
      );
      if (!file) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No data');
      return reply
        .header('content-type', format === 'svg' ? 'image/svg+xml' : 'image/png')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
};
