/**
 * Planners load survey microdata: upload a file with its codebook, watch the import job, see a
 * precise report when the file is wrong (nothing is stored then), delete a dataset.
 * The import runs after the response (microdata/import.service.ts), so the job page can show
 * its progress.
 */
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError } from '../platform/errors.ts';
import { actorOf } from '../web/access.ts';
import { sendPage } from '../web/context.ts';
import { getJob } from './microdata/import.store.ts';
import { datasetsOf, deleteOwnDataset, startImport } from './microdata/import.service.ts';
import { planners } from './access.ts';
import { monitorContext } from './pages/context.ts';
import { DataPage } from './pages/data-page.tsx';
import { ImportJobPage } from './pages/import-job-page.tsx';
import { fileOf, multipartLimits, SURVEY_LIMITS } from './upload.ts';

type UploadBody = { fil?: unknown; kodebog?: unknown };

export const monitorDataRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  // Only this plugin's routes accept multipart bodies (Fastify encapsulation).
  await app.register(multipart, {
    attachFieldsToBody: true,
    ...multipartLimits(SURVEY_LIMITS.bytes),
  });

  app.get('/personale/monitor/data', { preHandler: planners }, async (req, reply) => {
    const ctx = monitorContext(req, reply);
    const datasets = await datasetsOf(db, req.tenant.kommune, { sharedFirst: true });
    return sendPage(reply, <DataPage ctx={ctx} kommune={req.tenant.kommune} datasets={datasets} />);
  });

  // Refused before the body is read: nobody but a planner can make us buffer a large upload.
  app.post<{ Body: UploadBody }>(
    '/personale/monitor/data',
    { onRequest: planners },
    async (req, reply) => {
      const ctx = monitorContext(req, reply);
      const file = await fileOf(req.body.fil);
      const codebookFile = await fileOf(req.body.kodebog);
      const started = await startImport(db, req.log, actorOf(req), { file, codebookFile });
      if ('jobId' in started)
        return reply.redirect(`/personale/monitor/import/${started.jobId}`, 303);
      const datasets = await datasetsOf(db, req.tenant.kommune, { sharedFirst: true });
      return sendPage(
        reply,
        <DataPage
          ctx={ctx}
          kommune={req.tenant.kommune}
          datasets={datasets}
          problems={started.problems}
        />,
        { status: 400 },
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/personale/monitor/import/:id',
    { preHandler: planners },
    async (req, reply) => {
      const ctx = monitorContext(req, reply);
      const job = await getJob(db, req.tenant.kommune, req.params.id);
      if (!job) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such job');
      return sendPage(reply, <ImportJobPage ctx={ctx} job={job} />, { personal: true });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/personale/monitor/data/:id/slet',
    { preHandler: planners },
    async (req, reply) => {
      const outcome = await deleteOwnDataset(db, actorOf(req), req.params.id);
      if (outcome === 'notFound') throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such dataset');
      // A shared (national) dataset is every municipality's: no planner deletes it.
      if (outcome === 'shared')
        throw new LighedError('LIGHED_ERR_FORBIDDEN', 'A shared dataset cannot be deleted here');
      return reply.redirect('/personale/monitor/data', 303);
    },
  );
};
