/**
 * Interventions other municipalities have published (decision 0023): browse them, read one and
 * copy it into the municipality's own (an RLS read policy admits published rows).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import {
  copyPublishedIntervention,
  getPublishedIntervention,
  listPublishedInterventions,
} from './intervention.service.ts';
import { groupLabeller } from './group-choices.service.ts';
import { INTERVENTIONS_PATH } from './paths.ts';
import { SHARED_PATH, SharedDetailPage, SharedListPage } from './pages/intervention-pages.tsx';
import { actor, dept, editors, readers, type Id, type Q } from './request.ts';

export const sharedInterventionRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get<Q>(SHARED_PATH, { preHandler: readers }, async (req, reply) => {
    const department = dept(req.query.afdeling);
    const rows = await listPublishedInterventions(
      db,
      req.tenant.kommune,
      department ? { department } : {},
    );
    return sendPage(
      reply,
      <SharedListPage
        ctx={staffPageContext(req, reply)}
        rows={rows}
        ownKommune={req.tenant.kommune}
        department={department}
      />,
    );
  });

  app.get<Id>(`${SHARED_PATH}/:id`, { preHandler: readers }, async (req, reply) => {
    const i = await getPublishedIntervention(db, req.tenant.kommune, req.params.id);
    if (!i) throw notFound('Intervention');
    const ctx = staffPageContext(req, reply);
    return sendPage(
      reply,
      <SharedDetailPage
        ctx={ctx}
        i={i}
        ownKommune={req.tenant.kommune}
        groupLabel={await groupLabeller(db, req.tenant.kommune, ctx.lang)}
      />,
    );
  });

  app.post<Id>(`${SHARED_PATH}/:id/kopier`, { preHandler: editors }, async (req, reply) => {
    const id = await copyPublishedIntervention(db, actor(req), req.params.id);
    return reply.redirect(`${INTERVENTIONS_PATH}/${id}?besked=kopieret`, 303);
  });
};
