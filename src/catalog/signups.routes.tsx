/**
 * Staff pages for sign-ups and error reports: a provider sees its own offers', an admin all
 * of the municipality's. Reading sign-ups is audited; one is deleted on the citizen's request.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { editorOf } from './editor.ts';
import { SignupDetailPage, SignupsPage } from './pages/signups-page.tsx';
import { deleteSignupOnRequest, signupDetail, signupsOverview } from './signup.service.ts';

type IdParams = { Params: { id: string } };
const managers = requireRole('admin', 'provider');

export const signupRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get('/personale/tilmeldinger', { preHandler: managers }, async (req, reply) => {
    const overview = await signupsOverview(db, editorOf(req));
    return sendPage(reply, <SignupsPage ctx={pageContext(req, reply)} {...overview} />, {
      personal: true,
    });
  });

  app.get<IdParams>('/personale/tilmeldinger/:id', { preHandler: managers }, async (req, reply) => {
    const detail = await signupDetail(db, editorOf(req), req.params.id);
    return sendPage(reply, <SignupDetailPage ctx={pageContext(req, reply)} {...detail} />, {
      personal: true,
    });
  });

  app.post<IdParams>(
    '/personale/tilmeldinger/:id/slet',
    { preHandler: managers },
    async (req, reply) => {
      await deleteSignupOnRequest(db, editorOf(req), req.params.id);
      return reply.redirect('/personale/tilmeldinger', 303);
    },
  );
};
