/**
 * WHO HEAT Plus template in: a planner uploads disaggregated data and sees every summary
 * measure, or the problems by line and column (the file is not stored); or loads it as a
 * dataset of the monitor, whose pages then show its figures beside the survey's.
 */
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import type { RouteDeps } from '../platform/deps.ts';
import { actorOf } from '../web/access.ts';
import { sendPage } from '../web/context.ts';
import { measureTemplate } from './heatplus/heatplus.service.ts';
import { importHeatPlusUpload } from './heatplus/dataset.service.ts';
import { planners } from './access.ts';
import { monitorContext } from './pages/context.ts';
import { HeatPlusPage } from './pages/heatplus-page.tsx';
import { HeatPlusImportPage } from './pages/heatplus-import-page.tsx';
import { fieldOf, fileOf, HEATPLUS_LIMITS, multipartLimits } from './upload.ts';

export const heatPlusRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, config }) => {
  // Only this plugin's routes accept multipart bodies (Fastify encapsulation).
  await app.register(multipart, {
    attachFieldsToBody: true,
    ...multipartLimits(HEATPLUS_LIMITS.bytes),
  });
  const thresholds = {
    minRespondents: config.monitorMinRespondents,
    minCount: config.monitorMinCount,
  };

  app.get('/personale/monitor/heatplus', { preHandler: planners }, (req, reply) =>
    sendPage(reply, <HeatPlusPage ctx={monitorContext(req, reply)} />),
  );

  // Refused before the body is read: nobody but a planner can make us buffer a large upload.
  app.post<{ Body: { skabelon?: unknown } }>(
    '/personale/monitor/heatplus',
    { onRequest: planners },
    async (req, reply) => {
      const ctx = monitorContext(req, reply);
      const { status, ...page } = await measureTemplate(await fileOf(req.body.skabelon));
      return sendPage(reply, <HeatPlusPage ctx={ctx} {...page} />, { status });
    },
  );

  app.get('/personale/monitor/heatplus/datasaet', { preHandler: planners }, (req, reply) =>
    sendPage(reply, <HeatPlusImportPage ctx={monitorContext(req, reply)} {...thresholds} />),
  );

  app.post<{ Body: { skabelon?: unknown; navn?: unknown } }>(
    '/personale/monitor/heatplus/datasaet',
    { onRequest: planners },
    async (req, reply) => {
      const name = fieldOf(req.body.navn);
      const result = await importHeatPlusUpload(db, actorOf(req), await fileOf(req.body.skabelon), {
        name,
      });
      if (result.datasetId)
        return reply.redirect(`/personale/monitor/indikator?datasaet=${result.datasetId}`, 303);
      return sendPage(
        reply,
        <HeatPlusImportPage
          ctx={monitorContext(req, reply)}
          fileName={result.fileName}
          name={name}
          problems={result.problems}
          {...thresholds}
        />,
        { status: result.status },
      );
    },
  );
};
