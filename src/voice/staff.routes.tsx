/**
 * Staff pages of the voice: the feedback (providers their own offers', planners and admins
 * all) and the suggestions (planners and admins: list, tag, answer, publish).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { feedbackSummary } from './feedback.service.ts';
import { FeedbackOverviewPage } from './pages/feedback-page.tsx';
import { SuggestionEditPage, SuggestionsStaffPage } from './pages/suggestion-pages.tsx';
import { STAFF_SUGGESTIONS_PATH, VOICE_PATH } from './paths.ts';
import { handleSuggestion, suggestionForStaff, suggestionsForStaff } from './suggestion.service.ts';
import {
  readPeriod,
  readSuggestionEdit,
  SUGGESTION_STATUSES,
  type SuggestionEdit,
  type SuggestionStatus,
  type SuggestionTag,
} from './voice.ts';
import type { SuggestionRecord } from './suggestion.service.ts';

type Body = Record<string, unknown>;
const feedbackReaders = requireRole('provider', 'planner', 'admin');
const planners = requireRole('planner', 'admin');

const editOf = (s: SuggestionRecord): SuggestionEdit => ({
  status: s.status,
  tags: s.tags as SuggestionTag[],
  answer: s.answer,
  published: s.published,
  version: s.version,
});

export const voiceStaffRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  app.get<{ Querystring: { fra?: string; til?: string } }>(
    VOICE_PATH,
    { preHandler: feedbackReaders },
    async (req, reply) => {
      const ctx = staffPageContext(req, reply);
      const p = readPeriod(req.query, clock.now());
      if (!p.ok)
        return sendPage(
          reply,
          <FeedbackOverviewPage ctx={ctx} form={p.form} problems={p.problems} result={null} />,
          { status: 400 },
        );
      const staff = req.staff!;
      const summary = await feedbackSummary(
        db,
        staff,
        p.period,
        ctx.t(staff.role === 'provider' ? 'voice.staff.totalOwn' : 'voice.staff.totalAll'),
      );
      return sendPage(
        reply,
        <FeedbackOverviewPage
          ctx={ctx}
          form={p.form}
          problems={[]}
          result={{ period: p.period, summary }}
        />,
        { personal: true },
      );
    },
  );

  app.get<{ Querystring: { status?: string } }>(
    STAFF_SUGGESTIONS_PATH,
    { preHandler: planners },
    async (req, reply) => {
      const status = (SUGGESTION_STATUSES as readonly string[]).includes(req.query.status ?? '')
        ? (req.query.status as SuggestionStatus)
        : undefined;
      return sendPage(
        reply,
        <SuggestionsStaffPage
          ctx={staffPageContext(req, reply)}
          suggestions={await suggestionsForStaff(db, req.tenant.kommune, status)}
          status={status ?? ''}
        />,
        { personal: true },
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { gemt?: string } }>(
    `${STAFF_SUGGESTIONS_PATH}/:id`,
    { preHandler: planners },
    async (req, reply) => {
      const s = await suggestionForStaff(db, req.tenant.kommune, req.params.id);
      return sendPage(
        reply,
        <SuggestionEditPage
          ctx={staffPageContext(req, reply)}
          suggestion={s}
          form={editOf(s)}
          problems={[]}
          saved={req.query.gemt === 'ja'}
        />,
        { personal: true },
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    `${STAFF_SUGGESTIONS_PATH}/:id`,
    { preHandler: planners },
    async (req, reply) => {
      const kommune = req.tenant.kommune;
      const s = await suggestionForStaff(db, kommune, req.params.id);
      const { form, problems } = readSuggestionEdit(req.body);
      const ctx = staffPageContext(req, reply);
      if (problems.length)
        return sendPage(
          reply,
          <SuggestionEditPage
            ctx={ctx}
            suggestion={s}
            form={form}
            problems={problems}
            saved={false}
          />,
          { status: 400, personal: true },
        );
      const today = clock.now().toISOString().slice(0, 10);
      const result = await handleSuggestion(db, kommune, s.id, form, today);
      if (result === 'conflict') {
        const fresh = await suggestionForStaff(db, kommune, s.id);
        return sendPage(
          reply,
          <SuggestionEditPage
            ctx={ctx}
            suggestion={fresh}
            form={{ ...form, version: fresh.version }}
            problems={[{ path: 'status', message: 'voice.staff.error.conflict' }]}
            saved={false}
          />,
          { status: 409, personal: true },
        );
      }
      return reply.redirect(`${STAFF_SUGGESTIONS_PATH}/${s.id}?gemt=ja`, 303);
    },
  );
};
