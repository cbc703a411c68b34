/**
 * Equity impact assessments (issue 13): the list, a new one, and one assessment's overview with
 * its comments, state and review. Thin handlers over assessment.service.ts; a stale form shows
 * the page again with what was typed (409), bad input with the problems at their fields (400).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { staffPageContext } from '../web/context.ts';
import { formText, submitForm, type Again } from '../web/form-post.ts';
import {
  AssessmentStale,
  addComment,
  areaChoices,
  assessmentView,
  createAssessment,
  listAssessments,
  recordReview,
  setState,
} from './assessment.service.ts';
import { ListPage, OverviewPage, ProposalPage, emptyProposal } from './pages/assessment-pages.tsx';
import { ASSESSMENTS_PATH, assessmentHref } from './paths.ts';
import {
  actor,
  noticeOf,
  page,
  proposalFormOf,
  versionOf,
  workers,
  type Body,
  type Id,
} from './request.ts';

export const assessmentListRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  app.get(ASSESSMENTS_PATH, { preHandler: workers }, async (req, reply) => {
    const rows = await listAssessments(db, actor(req));
    const role = req.staff!.role;
    return page(
      reply,
      <ListPage
        ctx={staffPageContext(req, reply)}
        rows={rows}
        canSettings={role === 'planner' || role === 'admin'}
      />,
    );
  });

  app.get(`${ASSESSMENTS_PATH}/ny`, { preHandler: workers }, async (req, reply) => {
    const areas = await areaChoices(db, req.tenant.kommune);
    return page(
      reply,
      <ProposalPage
        ctx={staffPageContext(req, reply)}
        form={emptyProposal(areas[0]!.code)}
        problems={[]}
        areas={areas}
      />,
    );
  });

  app.post(`${ASSESSMENTS_PATH}/ny`, { preHandler: workers }, async (req, reply) => {
    const form = proposalFormOf(req.body as Body);
    return submitForm(reply, {
      run: () => createAssessment(db, actor(req), form),
      redirect: (r) => `${assessmentHref(r.id)}?besked=oprettet`,
      again: async (status, { problems }) => {
        const areas = await areaChoices(db, req.tenant.kommune);
        return page(
          reply,
          <ProposalPage
            ctx={staffPageContext(req, reply)}
            form={form}
            problems={problems}
            areas={areas}
          />,
          status,
        );
      },
    });
  });

  const overview = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: Partial<Again> & { comment?: string; reviewNote?: string },
    status = 200,
  ) =>
    page(
      reply,
      <OverviewPage
        ctx={staffPageContext(req, reply)}
        view={await assessmentView(db, actor(req), req.params.id, clock.now())}
        problems={extra.problems ?? []}
        notice={extra.notice}
        {...(extra.comment !== undefined ? { comment: extra.comment } : {})}
        {...(extra.reviewNote !== undefined ? { reviewNote: extra.reviewNote } : {})}
      />,
      status,
    );

  app.get<Id>(`${ASSESSMENTS_PATH}/:id`, { preHandler: workers }, async (req, reply) =>
    overview(req, reply, noticeOf(req.query)),
  );

  app.post<Id>(`${ASSESSMENTS_PATH}/:id/kommentar`, { preHandler: workers }, async (req, reply) => {
    const comment = formText(req.body as Body, 'comment');
    return submitForm(reply, {
      run: () => addComment(db, actor(req), req.params.id, comment),
      redirect: `${assessmentHref(req.params.id)}?besked=kommentar#comments`,
      again: (status, shown) => overview(req, reply, { ...shown, comment }, status),
    });
  });

  app.post<Id>(`${ASSESSMENTS_PATH}/:id/status`, { preHandler: workers }, async (req, reply) => {
    const b = req.body as Body;
    return submitForm(reply, {
      run: () =>
        setState(db, actor(req), req.params.id, formText(b, 'state'), versionOf(b), clock.now()),
      stale: AssessmentStale,
      redirect: `${assessmentHref(req.params.id)}?besked=status`,
      again: (status, shown) => overview(req, reply, shown, status),
    });
  });

  app.post<Id>(
    `${ASSESSMENTS_PATH}/:id/opfoelgning`,
    { preHandler: workers },
    async (req, reply) => {
      const b = req.body as Body;
      const reviewNote = formText(b, 'reviewNote');
      return submitForm(reply, {
        run: () =>
          recordReview(db, actor(req), req.params.id, reviewNote, versionOf(b), clock.now()),
        stale: AssessmentStale,
        redirect: `${assessmentHref(req.params.id)}?besked=opfoelgning`,
        again: (status, shown) => overview(req, reply, { ...shown, reviewNote }, status),
      });
    },
  );
};
