/**
 * A conversation's profile: where the citizen stands, and the support level, which the worker
 * may override with a note. The use cases are in conversation.service.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { workerOf, workers } from './access.ts';
import { overrideSupportLevel, viewProfile } from './conversation.service.ts';
import { ProfilePage } from './pages/profile-pages.tsx';
import { conversationHref } from './pages/present.ts';

type IdParams = { Params: { id: string } };

export const conversationProfileRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get<IdParams>('/personale/samtaler/:id', { preHandler: workers }, async (req, reply) => {
    const p = await viewProfile(db, workerOf(req), req.params.id);
    const c = p.conversation;
    return sendPage(
      reply,
      <ProfilePage
        ctx={pageContext(req, reply)}
        conversation={c}
        profile={p.profile}
        support={p.support}
        saved={p.saved}
        problems={[]}
        overrideValues={{ level: c.support_override ?? '', note: c.support_note ?? '' }}
      />,
      { personal: true },
    );
  });

  app.post<IdParams & { Body: Record<string, unknown> }>(
    '/personale/samtaler/:id/stoetteniveau',
    { preHandler: workers },
    async (req, reply) => {
      const level = typeof req.body.level === 'string' ? req.body.level : '';
      const note = typeof req.body.note === 'string' ? req.body.note.slice(0, 2000) : '';
      const shown = await overrideSupportLevel(db, workerOf(req), req.params.id, level, note);
      if (!shown) return reply.redirect(conversationHref(req.params.id), 303);
      return sendPage(
        reply,
        <ProfilePage
          ctx={pageContext(req, reply)}
          conversation={shown.conversation}
          profile={shown.profile}
          support={shown.support}
          saved={shown.saved}
          problems={shown.problems}
          overrideValues={{ level, note }}
        />,
        { status: 400, personal: true },
      );
    },
  );
};
