/**
 * The reach pages for planners (issue 12): the list, an offer's reach (with the choice of its
 * target indicator) and an intervention's reach. Aggregates only, suppressed (reach.ts).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { ReachIndexPage, ReachPage } from './pages/reach-pages.tsx';
import { REACH_PATH } from './reach.ts';
import {
  chooseOfferTarget,
  offerTargetChoice,
  reachForIntervention,
  reachForOffer,
  reachIndex,
} from './reach.service.ts';

const planners = requireRole('planner', 'admin');

type Id = { Params: { id: string } };
type Saved = Id & { Querystring: { besked?: string } };
type Choose = Id & { Body: { indicator?: string; version?: string } };

export const reachRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get(REACH_PATH, { preHandler: planners }, async (req, reply) => {
    const index = await reachIndex(db, req.tenant.kommune);
    return sendPage(reply, <ReachIndexPage ctx={staffPageContext(req, reply)} index={index} />);
  });

  /** An offer's reach with the choice of its target indicator. */
  const offerPage = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { notice: 'saved' | 'stale' | null; problems?: readonly FieldProblem[] },
    status = 200,
  ) => {
    const kommune = req.tenant.kommune;
    const view = await reachForOffer(db, kommune, req.params.id);
    const chooser = await offerTargetChoice(db, kommune, view.id);
    return sendPage(
      reply,
      <ReachPage
        ctx={staffPageContext(req, reply)}
        view={view}
        chooser={chooser}
        {...(extra.problems ? { problems: extra.problems } : {})}
        notice={extra.notice}
      />,
      { status },
    );
  };

  app.get<Saved>(`${REACH_PATH}/tilbud/:id`, { preHandler: planners }, async (req, reply) =>
    offerPage(req, reply, { notice: req.query.besked === 'gemt' ? 'saved' : null }),
  );

  app.post<Choose>(
    `${REACH_PATH}/tilbud/:id/maalgruppe`,
    { preHandler: planners },
    async (req, reply) => {
      const body = req.body ?? {};
      const version = Number(body.version);
      const outcome = await chooseOfferTarget(db, actorOf(req), req.params.id, {
        indicator: typeof body.indicator === 'string' ? body.indicator.trim() : '',
        version: Number.isInteger(version) && version >= 0 ? version : 0,
      });
      if (outcome === 'saved')
        return reply.redirect(`${REACH_PATH}/tilbud/${req.params.id}?besked=gemt`, 303);
      const stale = outcome === 'stale';
      const problems = stale ? [] : [{ path: 'indicator', message: 'reach.staff.error.indicator' }];
      return offerPage(req, reply, { problems, notice: stale ? 'stale' : null }, stale ? 409 : 400);
    },
  );

  app.get<Id>(`${REACH_PATH}/indsats/:id`, { preHandler: planners }, async (req, reply) => {
    const view = await reachForIntervention(db, req.tenant.kommune, req.params.id);
    return sendPage(
      reply,
      <ReachPage ctx={staffPageContext(req, reply)} view={view} chooser={null} />,
    );
  });
};
