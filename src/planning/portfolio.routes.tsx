/** The portfolio review's pages (planners and admins): the list, one subject, a decision. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { copenhagenDate, readDecisionForm } from './portfolio.ts';
import { listPortfolio, portfolioItem, recordDecision } from './portfolio.service.ts';
import {
  PORTFOLIO_PATH,
  PortfolioItemPage,
  PortfolioPage,
  portfolioItemPath,
  subjectOfSlug,
} from './pages/portfolio-page.tsx';

const planners = requireRole('planner', 'admin');
type ItemReq = {
  Params: { kind: string; id: string };
  Querystring: { gemt?: string };
  Body: Record<string, unknown>;
};

export const portfolioRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  app.get<{ Querystring: { vis?: string } }>(
    PORTFOLIO_PATH,
    { preHandler: planners },
    async (req, reply) => {
      const items = await listPortfolio(db, req.tenant.kommune, clock.now());
      const show = req.query.vis === 'all' ? 'all' : 'flagged';
      return sendPage(
        reply,
        <PortfolioPage ctx={staffPageContext(req, reply)} items={items} show={show} />,
      );
    },
  );

  const itemOf = async (req: { tenant: { kommune: string }; params: ItemReq['Params'] }) => {
    const subject = subjectOfSlug(req.params.kind);
    if (!subject) throw notFound('Portfolio item');
    return portfolioItem(db, req.tenant.kommune, subject, req.params.id, clock.now());
  };

  app.get<ItemReq>(`${PORTFOLIO_PATH}/:kind/:id`, { preHandler: planners }, async (req, reply) => {
    const item = await itemOf(req);
    const today = copenhagenDate(clock.now());
    return sendPage(
      reply,
      <PortfolioItemPage
        ctx={staffPageContext(req, reply)}
        item={item}
        form={{ decision: '', reason: '', decidedOn: today, seen: '' }}
        problems={[]}
        saved={req.query.gemt === '1'}
      />,
    );
  });

  app.post<ItemReq>(`${PORTFOLIO_PATH}/:kind/:id`, { preHandler: planners }, async (req, reply) => {
    const item = await itemOf(req);
    const read = readDecisionForm(req.body, copenhagenDate(clock.now()));
    const ctx = staffPageContext(req, reply);
    if (!read.ok)
      return sendPage(
        reply,
        <PortfolioItemPage ctx={ctx} item={item} form={read.form} problems={read.problems} />,
        { status: 400 },
      );
    const result = await recordDecision(db, actorOf(req), item.subject, item.id, read.input);
    if (result === 'stale') {
      const fresh = await itemOf(req);
      return sendPage(
        reply,
        <PortfolioItemPage ctx={ctx} item={fresh} form={read.form} problems={[]} stale />,
        { status: 409 },
      );
    }
    return reply.redirect(`${portfolioItemPath(item.subject, item.id)}?gemt=1`, 303);
  });
};
