/**
 * The planning start page and the committee view (issue 12): the recommendations and
 * interventions of one department side by side. Interventions, shared interventions and
 * recommendations have their own routes files; every route names its roles.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { listInterventions } from './intervention.service.ts';
import { listRecommendations } from './recommendation.service.ts';
import { PLANNING_PATH } from './paths.ts';
import { PlanningStartPage } from './pages/planning-start-page.tsx';
import { COMMITTEE_PATH, CommitteePage } from './pages/recommendation-pages.tsx';
import { dept, readers, type Q } from './request.ts';

export const planningRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get(PLANNING_PATH, { preHandler: readers }, async (req, reply) =>
    sendPage(reply, <PlanningStartPage ctx={staffPageContext(req, reply)} />),
  );

  app.get<Q>(COMMITTEE_PATH, { preHandler: readers }, async (req, reply) => {
    const department = dept(req.query.afdeling) ?? 'health';
    const kommune = req.tenant.kommune;
    const [recommendations, interventions] = await Promise.all([
      listRecommendations(db, kommune, { department }),
      listInterventions(db, kommune, { department }),
    ]);
    return sendPage(
      reply,
      <CommitteePage
        ctx={staffPageContext(req, reply)}
        department={department}
        recommendations={recommendations}
        interventions={interventions}
      />,
    );
  });
};
