/**
 * The citizens' voice, public and without an account: feedback on an offer, "Foreslå et
 * tilbud", the answered suggestions, and joining a panel. Each form: honeypot and the shared
 * rate limit first (a refusal keeps what was typed), then the fields.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { actorOf } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import {
  admitVoiceForm,
  giveBackVoiceForm,
  giveFeedback,
  offerForFeedback,
  suggestOffer,
  type Admission,
} from './feedback.service.ts';
import { joinPanel, panelForJoin } from './panel.service.ts';
import { FeedbackPage, JoinPage, SuggestPage, SuggestionsPage } from './pages/citizen-pages.tsx';
import { feedbackPath, JOIN_PATH, SUGGEST_PATH, SUGGESTIONS_PATH } from './paths.ts';
import { publishedSuggestions } from './suggestion.service.ts';
import { readFeedbackForm, readJoinForm, readSuggestionForm } from './voice.ts';

type Body = Record<string, unknown>;
type IdParams = { Params: { id: string }; Querystring: { sendt?: string } };

const emptyJoin = {
  name: '',
  email: '',
  phone: '',
  channels: [],
  language: '',
  education: '',
  labour: '',
  born_dk: '',
  age_group: '',
  consent: false,
};

/** A refused form: its status, Retry-After, and the problem beside the button. */
function refusal(reply: FastifyReply, a: Exclude<Admission, { ok: true }>): FieldProblem[] {
  if (a.retryAfterSeconds) reply.header('retry-after', String(a.retryAfterSeconds));
  reply.status(a.status);
  return [a.problem];
}

export const voiceCitizenRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const loadOffer = (req: FastifyRequest<IdParams>) =>
    offerForFeedback(db, req.tenant.kommune, req.params.id, Boolean(req.staff));

  app.get<IdParams>(feedbackPath(':id'), async (req, reply) => {
    const offer = await loadOffer(req);
    return sendPage(
      reply,
      <FeedbackPage
        ctx={pageContext(req, reply)}
        offer={offer}
        form={{ rating: '', barriers: [], comment: '' }}
        problems={[]}
        done={req.query.sendt === 'ja'}
      />,
    );
  });

  app.post<IdParams & { Body: Body }>(feedbackPath(':id'), async (req, reply) => {
    const offer = await loadOffer(req);
    const read = readFeedbackForm(req.body);
    const again = (problems: FieldProblem[], status: number) =>
      sendPage(
        reply,
        <FeedbackPage
          ctx={pageContext(req, reply)}
          offer={offer}
          form={read.form}
          problems={problems}
          done={false}
        />,
        { status },
      );
    const admitted = await admitVoiceForm(db, clock, 'feedback', offer.id, req.ip, req.body);
    if (!admitted.ok) return again(refusal(reply, admitted), admitted.status);
    if (!read.values) {
      await giveBackVoiceForm(db, clock, 'feedback', offer.id, req.ip);
      return again(read.problems, 400);
    }
    await giveFeedback(db, offer, read.values, clock.now());
    return reply.redirect(`${feedbackPath(offer.id)}?sendt=ja`, 303);
  });

  app.get<{ Querystring: { sendt?: string } }>(SUGGEST_PATH, async (req, reply) =>
    sendPage(
      reply,
      <SuggestPage
        ctx={pageContext(req, reply)}
        form={{ what: '', place: '', for_whom: '' }}
        problems={[]}
        done={req.query.sendt === 'ja'}
      />,
    ),
  );

  app.post<{ Body: Body }>(SUGGEST_PATH, async (req, reply) => {
    const { form, problems } = readSuggestionForm(req.body);
    const kommune = req.tenant.kommune;
    const again = (p: FieldProblem[], status: number) =>
      sendPage(
        reply,
        <SuggestPage ctx={pageContext(req, reply)} form={form} problems={p} done={false} />,
        { status },
      );
    const admitted = await admitVoiceForm(db, clock, 'suggestion', kommune, req.ip, req.body);
    if (!admitted.ok) return again(refusal(reply, admitted), admitted.status);
    if (problems.length) {
      await giveBackVoiceForm(db, clock, 'suggestion', kommune, req.ip);
      return again(problems, 400);
    }
    await suggestOffer(db, kommune, form, clock.now());
    return reply.redirect(`${SUGGEST_PATH}?sendt=ja`, 303);
  });

  app.get(SUGGESTIONS_PATH, async (req, reply) =>
    sendPage(
      reply,
      <SuggestionsPage
        ctx={pageContext(req, reply)}
        suggestions={await publishedSuggestions(db, req.tenant.kommune)}
      />,
    ),
  );

  app.get<IdParams>(`${JOIN_PATH}/:id`, async (req, reply) => {
    const panel = await panelForJoin(db, req.tenant.kommune, req.params.id);
    return sendPage(
      reply,
      <JoinPage
        ctx={pageContext(req, reply)}
        panel={panel}
        form={{ ...emptyJoin, language: req.lang }}
        problems={[]}
        done={req.query.sendt === 'ja'}
      />,
      { personal: true },
    );
  });

  app.post<IdParams & { Body: Body }>(`${JOIN_PATH}/:id`, async (req, reply) => {
    const panel = await panelForJoin(db, req.tenant.kommune, req.params.id);
    const read = readJoinForm(req.body);
    const again = (problems: FieldProblem[], status: number) =>
      sendPage(
        reply,
        <JoinPage
          ctx={pageContext(req, reply)}
          panel={panel}
          form={read.form}
          problems={problems}
          done={false}
        />,
        { status, personal: true },
      );
    const admitted = await admitVoiceForm(db, clock, 'join', panel.id, req.ip, req.body);
    if (!admitted.ok) return again(refusal(reply, admitted), admitted.status);
    if (!read.values) {
      await giveBackVoiceForm(db, clock, 'join', panel.id, req.ip);
      return again(read.problems, 400);
    }
    await joinPanel(db, actorOf(req), panel, read.values, clock.now());
    return reply.redirect(`${JOIN_PATH}/${panel.id}?sendt=ja`, 303);
  });
};
