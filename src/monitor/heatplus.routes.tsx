/**
 * WHO HEAT Plus template in, measures out: a planner uploads disaggregated data and sees every
 * summary measure, or the problems by line and column. The file is not stored.
 */
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage } from '../web/context.ts';
import { measureTemplate } from './heatplus/heatplus.service.ts';
import { planners } from './access.ts';
import { monitorContext } from './pages/context.ts';
import { HeatPlusPage } from './pages/heatplus-page.tsx';
import { fileOf, HEATPLUS_LIMITS, multipartLimits } from './upload.ts';

export const heatPlusRoutes: FastifyPluginAsync<RouteDeps> = async (app) => {
  // Only this plugin's routes accept multipart bodies (Fastify encapsulation).
  await app.register(multipart, {
    attachFieldsToBody: true,
    ...multipartLimits(HEATPLUS_LIMITS.bytes),
  });

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
};
