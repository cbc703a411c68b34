/**
 * The health conversation for frontline workers: the team's list, the start (consent first, or
 * anonymous) and deletion on request. Steps, profile, offers and print have routes files of
 * their own; the use cases are in conversation.service.ts. Only frontline workers (their team's
 * conversations) and admins (the municipality's); row-level security enforces the same.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { isUiLanguage } from '../web/languages.ts';
import { starterOf, workerOf, workers } from './access.ts';
import {
  deleteOnRequest,
  listForTeam,
  openDeletion,
  startConversation,
  startableSets,
  teamArena,
} from './conversation.service.ts';
import { emptyStartForm, readStartForm, validateStartForm } from './start-form.ts';
import { ListPage, StartPage } from './pages/start-pages.tsx';
import { DeletePage } from './pages/delete-page.tsx';
import { conversationHref } from './pages/present.ts';

type IdParams = { Params: { id: string } };

export const conversationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get('/personale/samtaler', { preHandler: workers }, async (req, reply) => {
    const { rows, teamName } = await listForTeam(db, workerOf(req));
    return sendPage(
      reply,
      <ListPage ctx={pageContext(req, reply)} rows={rows} teamName={teamName} />,
      { personal: true },
    );
  });

  app.get<{ Querystring: { sprog?: string } }>(
    '/personale/samtaler/ny',
    { preHandler: workers },
    async (req, reply) => {
      const w = starterOf(req);
      const values = emptyStartForm(await teamArena(db, w));
      if (isUiLanguage(req.query.sprog)) values.language = req.query.sprog;
      const sets = await startableSets(db, w);
      return sendPage(
        reply,
        <StartPage ctx={pageContext(req, reply)} values={values} sets={sets} problems={[]} />,
        { personal: true },
      );
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/personale/samtaler',
    { preHandler: workers },
    async (req, reply) => {
      const w = starterOf(req);
      const values = readStartForm(req.body);
      const sets = await startableSets(db, w);
      const { input, problems } = validateStartForm(
        values,
        new Date(),
        sets.map((s) => s.id),
      );
      if (!input)
        return sendPage(
          reply,
          <StartPage
            ctx={pageContext(req, reply)}
            values={values}
            sets={sets}
            problems={problems}
          />,
          { status: 400, personal: true },
        );
      const id = await startConversation(db, w, input, values.set);
      return reply.redirect(`${conversationHref(id)}/trin/1`, 303);
    },
  );

  // ---- deletion on request ---------------------------------------------------------------------

  app.get<IdParams>('/personale/samtaler/:id/slet', { preHandler: workers }, async (req, reply) => {
    const c = await openDeletion(db, workerOf(req), req.params.id);
    return sendPage(reply, <DeletePage ctx={pageContext(req, reply)} conversation={c} />, {
      personal: true,
    });
  });

  app.post<IdParams>(
    '/personale/samtaler/:id/slet',
    { preHandler: workers },
    async (req, reply) => {
      await deleteOnRequest(db, workerOf(req), req.params.id);
      return reply.redirect('/personale/samtaler', 303);
    },
  );
};
