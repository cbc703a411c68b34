/**
 * The outreach overview for coordinators, planners and admins: the page and its CSV. Counts
 * only, every one through the monitor's suppression (overview.ts).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { readPeriod, type PeriodInput } from './overview.ts';
import { outreachOverview, overviewCsv } from './overview.service.ts';
import { OVERVIEW_CSV_PATH, OVERVIEW_PATH, OverviewPage } from './pages/overview-page.tsx';

const overviewReaders = requireRole('coordinator', 'planner', 'admin');

export const outreachOverviewRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const period = (req: FastifyRequest<{ Querystring: PeriodInput }>) =>
    readPeriod(req.query, clock.now());

  app.get<{ Querystring: PeriodInput }>(
    OVERVIEW_PATH,
    { preHandler: overviewReaders },
    async (req, reply) => {
      const p = period(req);
      const ctx = staffPageContext(req, reply);
      if (!p.ok)
        return sendPage(
          reply,
          <OverviewPage ctx={ctx} form={p.form} problems={p.problems} result={null} />,
          { status: 400 },
        );
      const overview = await outreachOverview(db, actorOf(req), p.period);
      return sendPage(
        reply,
        <OverviewPage
          ctx={ctx}
          form={p.form}
          problems={[]}
          result={{ period: p.period, overview }}
        />,
      );
    },
  );

  app.get<{ Querystring: PeriodInput }>(
    OVERVIEW_CSV_PATH,
    { preHandler: overviewReaders },
    async (req, reply) => {
      const p = period(req);
      const ctx = staffPageContext(req, reply);
      if (!p.ok)
        return sendPage(
          reply,
          <OverviewPage ctx={ctx} form={p.form} problems={p.problems} result={null} />,
          { status: 400 },
        );
      const overview = await outreachOverview(db, actorOf(req), p.period, 'export');
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="opsoegning-${p.period.from}-${p.period.to}.csv"`,
        )
        .type('text/csv; charset=utf-8')
        .send(`\ufeff${overviewCsv(overview, p.period, ctx.t, ctx.lang)}`);
    },
  );
};
