/**
 * The conversation's multi-step form: one step per instrument, saved on every post, with back,
 * pause and next (navigation.ts says where each goes). The use cases are in
 * conversation.service.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { workerOf, workers } from './access.ts';
import { openStep, saveStep, type StepScreen } from './conversation.service.ts';
import { readGo, type Destination } from './navigation.ts';
import { StepPage } from './pages/step-page.tsx';
import { readReachAnswers } from '../catalog/index.ts';
import { citizenLabel, conversationHref } from './pages/present.ts';

type StepParams = { Params: { id: string; step: string } };

function stepPage(req: FastifyRequest, reply: FastifyReply, s: StepScreen) {
  const ctx = pageContext(req, reply);
  const c = s.conversation;
  return sendPage(
    reply,
    <StepPage
      ctx={ctx}
      conversationId={c.id}
      citizen={citizenLabel(c, ctx.t)}
      citizenLang={c.language}
      step={s.step}
      steps={s.steps}
      instrument={s.instrument}
      items={s.items}
      more={s.more}
      answers={s.answers}
      raw={s.raw}
      problems={s.problems}
      reach={
        s.step === s.steps && c.status !== 'finished'
          ? readReachAnswers(req.body as Record<string, unknown> | undefined)
          : null
      }
    />,
    { status: s.problems.length ? 400 : 200, personal: true },
  );
}

const hrefOf = (id: string, d: Destination) =>
  d.to === 'list'
    ? '/personale/samtaler'
    : d.to === 'profile'
      ? conversationHref(id)
      : `${conversationHref(id)}/trin/${d.step}`;

export const conversationStepRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get<StepParams>(
    '/personale/samtaler/:id/trin/:step',
    { preHandler: workers },
    async (req, reply) =>
      stepPage(req, reply, await openStep(db, workerOf(req), req.params.id, req.params.step)),
  );

  app.post<StepParams & { Body: Record<string, unknown> }>(
    '/personale/samtaler/:id/trin/:step',
    { preHandler: workers },
    async (req, reply) => {
      const { id, step } = req.params;
      const go = readGo(req.body.go);
      const outcome = await saveStep(db, workerOf(req), id, step, req.body, go);
      if (outcome.kind === 'invalid') return stepPage(req, reply, outcome.screen);
      return reply.redirect(hrefOf(outcome.id, outcome.destination), 303);
    },
  );
};
