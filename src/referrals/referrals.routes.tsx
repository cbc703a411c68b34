/**
 * Staff pages of referrals: the form (referrer, or a worker from a conversation), "my
 * referrals", the coordinator's intake queue, the provider's inbox, and one referral with its
 * actions. Thin: parse, call one use case, render one page.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { isUuid } from '../platform/ids.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { workerOf } from '../conversation/index.ts';
import { readActionForm, readReferralForm } from './referral.ts';
import {
  applyAction,
  intakeQueue,
  openReferralForm,
  referralDetail,
  referralList,
  sendReferralForm,
  staffActor,
} from './web.service.ts';
import { ReferralFormPage } from './pages/referral-form-page.tsx';
import {
  IntakeQueuePage,
  MyReferralsPage,
  ProviderInboxPage,
} from './pages/referral-list-pages.tsx';
import { ReferralDetailPage } from './pages/referral-detail-page.tsx';

type Id = { Params: { id: string } };
type FromConversation = { Querystring: { samtale?: string; besked?: string } };

const viewers = requireRole('referrer', 'frontline', 'coordinator', 'admin', 'provider');
const referrers = requireRole('referrer', 'frontline', 'coordinator', 'admin');
const coordinators = requireRole('coordinator', 'admin');
const providers = requireRole('provider');

const actor = (req: FastifyRequest) => staffActor(req.staff!, req.id);
/** A worker's referral from a conversation: only for a frontline worker (or admin) in a team. */
const conversationOf = (req: FastifyRequest<FromConversation>) => {
  const id = req.query.samtale;
  return id && isUuid(id) && req.staff!.team_id && ['frontline', 'admin'].includes(req.staff!.role)
    ? id
    : undefined;
};

export const referralRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  app.get<FromConversation>(
    '/personale/henvisninger',
    { preHandler: viewers },
    async (req, reply) => {
      if (req.staff!.role === 'provider')
        return reply.redirect('/personale/henvisninger/indbakke', 303);
      const rows = await referralList(db, actor(req), 'mine', clock.now());
      return sendPage(
        reply,
        <MyReferralsPage ctx={staffPageContext(req, reply)} rows={rows} canCreate />,
        { personal: true },
      );
    },
  );

  app.get<FromConversation>(
    '/personale/henvisninger/ny',
    { preHandler: referrers },
    async (req, reply) => {
      const conversationId = conversationOf(req);
      const s = await openReferralForm(
        db,
        req.staff!,
        conversationId ? workerOf(req) : null,
        conversationId,
      );
      if (s.attachedReferralId)
        return reply.redirect(`/personale/henvisninger/${s.attachedReferralId}#h-referOn`, 303);
      return sendPage(
        reply,
        <ReferralFormPage
          ctx={staffPageContext(req, reply)}
          form={s.form}
          offers={s.offers}
          problems={[]}
          action={req.url}
          fromConversation={s.draft ? { id: s.draft.conversationId, offers: s.draft.offers } : null}
        />,
        { personal: Boolean(conversationId) },
      );
    },
  );

  app.post<FromConversation>(
    '/personale/henvisninger/ny',
    { preHandler: referrers },
    async (req, reply) => {
      const form = readReferralForm(req.body as Record<string, unknown>);
      const conversationId = conversationOf(req);
      const r = await sendReferralForm(db, actor(req), form, { now: clock.now(), conversationId });
      if (r.ok) return reply.redirect(`/personale/henvisninger/${r.id}?besked=sendt`, 303);
      return sendPage(
        reply,
        <ReferralFormPage
          ctx={staffPageContext(req, reply)}
          form={form}
          offers={r.offers}
          problems={r.problems}
          action={req.url}
          fromConversation={conversationId ? { id: conversationId, offers: [] } : null}
        />,
        { status: 400, personal: true },
      );
    },
  );

  app.get(
    '/personale/henvisninger/visitation',
    { preHandler: coordinators },
    async (req, reply) => {
      const q = await intakeQueue(db, actor(req), clock.now());
      return sendPage(reply, <IntakeQueuePage ctx={staffPageContext(req, reply)} {...q} />, {
        personal: true,
      });
    },
  );

  app.get('/personale/henvisninger/indbakke', { preHandler: providers }, async (req, reply) => {
    const rows = await referralList(db, actor(req), 'inbox', clock.now());
    return sendPage(reply, <ProviderInboxPage ctx={staffPageContext(req, reply)} rows={rows} />, {
      personal: true,
    });
  });

  app.get<Id & FromConversation>(
    '/personale/henvisninger/:id',
    { preHandler: viewers },
    async (req, reply) => {
      const screen = await referralDetail(db, actor(req), req.params.id, clock.now());
      const b = req.query.besked;
      const notice = b === 'sendt' ? 'sent' : b === 'gemt' ? 'saved' : null;
      return sendPage(
        reply,
        <ReferralDetailPage
          ctx={staffPageContext(req, reply)}
          screen={screen}
          notice={notice}
          problems={[]}
        />,
        {
          personal: true,
        },
      );
    },
  );

  app.post<Id>(
    '/personale/henvisninger/:id/handling',
    { preHandler: viewers },
    async (req, reply) => {
      const form = readActionForm(req.body as Record<string, unknown>);
      const r = await applyAction(db, actor(req), req.params.id, form, clock.now());
      if (r.ok) return reply.redirect(`/personale/henvisninger/${r.referral.id}?besked=gemt`, 303);
      return sendPage(
        reply,
        <ReferralDetailPage
          ctx={staffPageContext(req, reply)}
          screen={r.screen}
          notice={r.kind === 'stale' ? 'stale' : null}
          problems={r.problems}
          form={r.kind === 'stale' ? null : form}
        />,
        { status: r.kind === 'stale' ? 409 : 400, personal: true },
      );
    },
  );
};
