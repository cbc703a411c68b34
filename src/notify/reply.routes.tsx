/**
 * The reply link (public, no account): GET /svar/:token shows where and when and the choices,
 * POST answers (CSRF-protected like every form post). The page speaks the link's language
 * unless the reader picks another with the language switch (?lang=). Only the token is in the
 * URL; app.ts keeps it out of the logs. Pages are no-store.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { translator } from '../web/i18n.ts';
import { isUiLanguage } from '../web/languages.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { ReplyPage } from './pages/reply-page.tsx';
import { replyStatus, type ReplyHandler, type ReplyView } from './reply.ts';
import { answerReply, handlerMap, openReply } from './reply.service.ts';
import { configureNotify, settingsFrom } from './settings.ts';

export type ReplyRouteOptions = RouteDeps & {
  replyHandlers: readonly ReplyHandler[];
  /** The app's cookie secret, from which the link secret is derived without LIGHED_LINK_SECRET. */
  cookieSecret?: string;
};

type TokenRoute = { Params: { token: string } };

export const replyRoutes: FastifyPluginAsync<ReplyRouteOptions> = async (app, opts) => {
  const { db, clock } = opts;
  configureNotify(settingsFrom(opts.config, opts.cookieSecret ?? opts.config.cookieSecret));
  const handlers = handlerMap(opts.replyHandlers);

  const render = (
    req: FastifyRequest<TokenRoute>,
    reply: FastifyReply,
    view: ReplyView,
    form: { problems?: FieldProblem[]; values?: Record<string, string> } = {},
  ) => {
    const ctx = pageContext(req, reply);
    // The link's language, unless this request chose one (?lang=, the language switch).
    const chosen = isUiLanguage((req.query as Record<string, unknown>).lang);
    const own = 'language' in view ? view.language : null;
    const lang = !chosen && isUiLanguage(own) ? own : ctx.lang;
    const page = { ...ctx, lang, t: lang === ctx.lang ? ctx.t : translator(lang) };
    // The link's own path (the token stays out of the body and the logs' query strings).
    const action = `${req.url.split('?')[0] ?? ''}?lang=${lang}`;
    const status = form.problems?.length ? 400 : replyStatus(view);
    return sendPage(
      reply,
      <ReplyPage
        ctx={page}
        view={view}
        action={action}
        problems={form.problems ?? []}
        values={form.values ?? {}}
      />,
      { personal: true, status },
    );
  };

  app.get<TokenRoute>('/svar/:token', async (req, reply) => {
    const view = await openReply(db, handlers, req.params.token, clock.now(), req.id);
    return render(req, reply, view);
  });

  app.post<TokenRoute & { Body: Record<string, unknown> }>('/svar/:token', async (req, reply) => {
    const out = await answerReply(db, handlers, req.params.token, req.body, clock.now(), req.id);
    return render(req, reply, out.view, out);
  });
};
