/**
 * The monitor's files: the same suppressed figures as the pages, as CSV, XLSX or WHO's HEAT Plus
 * template, and its charts as SVG or PNG. Planners and admins only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError } from '../platform/errors.ts';
import { translator } from '../web/i18n.ts';
import { first, withChoice, type ChoiceQuery } from './estimates/choice.service.ts';
import { exportTables, type ExportFormat } from './estimates/export.ts';
import { monitorSettings } from './estimates/views.service.ts';
import { planners } from './access.ts';
import { chartFor, type ChartKind } from './pages/charts.tsx';
import { monitorLang } from './pages/context.ts';

const FORMATS: readonly string[] = ['csv', 'xlsx', 'heatplus.csv', 'heatplus.xlsx'];

export const monitorFilesRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, config }) => {
  const settings = monitorSettings(config);

  app.get<{ Params: { format: string } }>(
    '/personale/monitor/download/:format',
    { preHandler: planners },
    async (req, reply) => {
      const format = req.params.format as ExportFormat;
      if (!FORMATS.includes(format))
        throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such format');
      const lang = monitorLang(req);
      const query = req.query as ChoiceQuery;
      const scope = first(query.omfang) === 'indikator' ? 'indicator' : 'all';
      const file = await withChoice(db, req.tenant.kommune, query, { indicator: true }, (tx, r) =>
        exportTables(tx, r.choice, { format, lang, scope, settings }),
      );
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
      const lang = monitorLang(req);
      const t = translator(lang);
      const query = req.query as ChoiceQuery;
      const file = await withChoice(db, req.tenant.kommune, query, { indicator: true }, (tx, r) =>
        chartFor(tx, r.choice, {
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
