/**
 * The equity monitor's planner pages: overview, one indicator (area against region and
 * country, trend, map) and the priority finder. Planners and admins only; the figures are
 * aggregates, suppressed before they reach a page (estimates/tables.ts).
 * Downloads are in monitor-files.routes.ts, upload and import jobs in monitor-data.routes.tsx.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage } from '../web/context.ts';
import type { ChoiceQuery } from './estimates/choice.service.ts';
import {
  indicatorData,
  monitorSettings,
  overviewData,
  prioritiesData,
} from './estimates/views.service.ts';
import { planners } from './access.ts';
import { monitorContext } from './pages/context.ts';
import { IndicatorPage } from './pages/indicator-page.tsx';
import { NoDataPage } from './pages/no-data-page.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import { PrioritiesPage } from './pages/priorities-page.tsx';

export const monitorRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, config }) => {
  const settings = monitorSettings(config);

  app.get('/personale/monitor', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const data = await overviewData(db, req.tenant.kommune, req.query as ChoiceQuery, settings);
    return sendPage(reply, data ? <OverviewPage ctx={ctx} {...data} /> : <NoDataPage ctx={ctx} />);
  });

  app.get('/personale/monitor/indikator', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const data = await indicatorData(db, req.tenant.kommune, req.query as ChoiceQuery, settings);
    return sendPage(reply, data ? <IndicatorPage ctx={ctx} {...data} /> : <NoDataPage ctx={ctx} />);
  });

  app.get('/personale/monitor/prioriteter', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const data = await prioritiesData(db, req.tenant.kommune, req.query as ChoiceQuery, settings);
    return sendPage(
      reply,
      data ? <PrioritiesPage ctx={ctx} {...data} /> : <NoDataPage ctx={ctx} />,
    );
  });
};
