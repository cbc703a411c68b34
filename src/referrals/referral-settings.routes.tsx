/** The municipality's referral settings (admin): answer time, closed days, afklarende team. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { readSettingsForm } from './referral.ts';
import { referralSettings, saveReferralSettings } from './web.service.ts';
import { ReferralSettingsPage } from './pages/referral-settings-page.tsx';

const admins = requireRole('admin');
const PATH = '/personale/henvisninger/indstillinger';

export const referralSettingsRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get<{ Querystring: { besked?: string } }>(
    PATH,
    { preHandler: admins },
    async (req, reply) => {
      const screen = await referralSettings(db, req.tenant.kommune);
      return sendPage(
        reply,
        <ReferralSettingsPage
          ctx={staffPageContext(req, reply)}
          screen={screen}
          problems={[]}
          saved={req.query.besked === 'gemt'}
        />,
      );
    },
  );

  app.post(PATH, { preHandler: admins }, async (req, reply) => {
    const form = readSettingsForm(req.body as Record<string, unknown>);
    const r = await saveReferralSettings(db, actorOf(req), form);
    if (r.ok) return reply.redirect(`${PATH}?besked=gemt`, 303);
    return sendPage(
      reply,
      <ReferralSettingsPage
        ctx={staffPageContext(req, reply)}
        screen={r.screen}
        form={form}
        problems={r.problems}
        saved={false}
      />,
      { status: 400 },
    );
  });
};
