/**
 * The outbox over HTTP: the admin's page of messages (/personale/admin/beskeder) with "Prøv
 * igen" for a failed one, and the SMS gateway's delivery reports (POST
 * /webhooks/sms/gatewayapi). A report must carry GatewayAPI's HS256 JWT in `X-Gwapi-Signature`
 * signed with LIGHED_SMS_WEBHOOK_SECRET; the JWT's claims are the report (the body is not
 * trusted). Without a secret, reports are taken unsigned outside production and refused in
 * production.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import {
  outboxOverview,
  receiveSmsReport,
  retryMessage,
  SMS_WEBHOOK_PATH,
} from '../platform/mail/index.ts';
import { actorOf, requireRole } from './access.ts';
import { sendPage, pageContext } from './context.ts';
import { OUTBOX_PATH, OutboxPage } from './message-log.tsx';

const admin = requireRole('admin');

export const outboxRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, config, clock }) => {
  app.get(OUTBOX_PATH, { preHandler: admin }, async (req, reply) => {
    const overview = await outboxOverview(db, actorOf(req));
    const retried = (req.query as Record<string, unknown>).igen === '1';
    return sendPage(
      reply,
      <OutboxPage ctx={pageContext(req, reply)} overview={overview} retried={retried} />,
      { personal: true },
    );
  });

  app.post<{ Params: { id: string } }>(
    `${OUTBOX_PATH}/:id/igen`,
    { preHandler: admin },
    async (req, reply) => {
      await retryMessage(db, actorOf(req), req.params.id);
      return reply.redirect(`${OUTBOX_PATH}?igen=1`, 303);
    },
  );

  app.post(SMS_WEBHOOK_PATH, async (req, reply) => {
    const header = req.headers['x-gwapi-signature'];
    const result = await receiveSmsReport(db, {
      secret: config.sms.webhookSecret,
      production: config.production,
      signature: typeof header === 'string' ? header : undefined,
      body: req.body,
      now: clock.now(),
    });
    if (result === 'unsigned') return reply.code(401).send({ error: 'signature required' });
    if (result === 'invalid') return reply.code(400).send({ error: 'not a delivery report' });
    // 2xx also for a message we no longer have: the gateway would otherwise retry for hours.
    return reply.code(204).send();
  });
};
