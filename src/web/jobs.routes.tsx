/**
 * The admin's page of background jobs (/personale/admin/job): queue counts and failed jobs,
 * and "Prøv igen" (POST, CSRF-checked like every form) for one failed job.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { jobsOverview, retryFailedJob } from '../platform/jobs/index.ts';
import { requireRole } from './access.ts';
import { sendPage, staffPageContext } from './context.ts';
import { JOBS_PATH, JobsPage } from './jobs-page.tsx';

const admin = requireRole('admin');

export const jobsRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get(JOBS_PATH, { preHandler: admin }, async (req, reply) => {
    const igen = (req.query as Record<string, unknown>).igen;
    const retried = igen === '1' ? true : igen === '0' ? false : null;
    return sendPage(
      reply,
      <JobsPage
        ctx={staffPageContext(req, reply)}
        overview={await jobsOverview(db)}
        retried={retried}
      />,
    );
  });

  app.post<{ Params: { id: string } }>(
    `${JOBS_PATH}/:id/igen`,
    { preHandler: admin },
    async (req, reply) => {
      const ok = await retryFailedJob(db, req.params.id);
      return reply.redirect(`${JOBS_PATH}?igen=${ok ? '1' : '0'}`, 303);
    },
  );
};
