/**
 * Planners' panel pages: list and create, one panel (members, make-up, invitation), its
 * status, removing a member on request. Planners and admins only.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import {
  changePanelStatus,
  createPanel,
  invitePanel,
  panelDetail,
  panelsForStaff,
  removeMember,
} from './panel.service.ts';
import { PanelPage, PanelsPage } from './pages/panel-pages.tsx';
import { JOIN_PATH, PANELS_PATH } from './paths.ts';
import { PANEL_STATUSES, readInviteForm, readPanelForm, type PanelStatus } from './voice.ts';

type Body = Record<string, unknown>;
type PanelParams = { Params: { id: string } };
const planners = requireRole('planner', 'admin');
const emptyInvite = { date: '', time: '', place: '', address: '', contact: '' };

export const voicePanelRoutes: FastifyPluginAsync<RouteDeps> = async (
  app,
  { db, clock, config },
) => {
  const showPanel = async (
    req: FastifyRequest<PanelParams>,
    reply: FastifyReply,
    extra: { invite?: typeof emptyInvite; problems?: FieldProblem[]; status?: number } = {},
  ) => {
    const ctx = staffPageContext(req, reply);
    const detail = await panelDetail(db, actorOf(req), req.params.id);
    const notice = (req.query as { besked?: string }).besked;
    return sendPage(
      reply,
      <PanelPage
        ctx={ctx}
        detail={detail}
        joinUrl={`${config.publicUrl}${JOIN_PATH}/${detail.panel.id}`}
        invite={extra.invite ?? emptyInvite}
        problems={extra.problems ?? []}
        notice={
          notice === 'inviteret'
            ? ctx.t('voice.staff.invite.done')
            : notice === 'fjernet'
              ? ctx.t('voice.staff.members.removed')
              : notice === 'gemt'
                ? ctx.t('voice.staff.saved')
                : null
        }
      />,
      { status: extra.status ?? 200, personal: true },
    );
  };

  app.get(PANELS_PATH, { preHandler: planners }, async (req, reply) =>
    sendPage(
      reply,
      <PanelsPage
        ctx={staffPageContext(req, reply)}
        panels={await panelsForStaff(db, actorOf(req))}
        form={{ name: '', kind: 'user_panel', purpose: '' }}
        problems={[]}
      />,
    ),
  );

  app.post<{ Body: Body }>(PANELS_PATH, { preHandler: planners }, async (req, reply) => {
    const { form, problems } = readPanelForm(req.body);
    if (problems.length)
      return sendPage(
        reply,
        <PanelsPage
          ctx={staffPageContext(req, reply)}
          panels={await panelsForStaff(db, actorOf(req))}
          form={form}
          problems={problems}
        />,
        { status: 400 },
      );
    const id = await createPanel(db, actorOf(req), form);
    return reply.redirect(`${PANELS_PATH}/${id}`, 303);
  });

  app.get<PanelParams>(`${PANELS_PATH}/:id`, { preHandler: planners }, (req, reply) =>
    showPanel(req, reply),
  );

  app.post<PanelParams & { Body: Body }>(
    `${PANELS_PATH}/:id/status`,
    { preHandler: planners },
    async (req, reply) => {
      const body = req.body ?? {};
      const status = typeof body.status === 'string' ? body.status : '';
      if (!(PANEL_STATUSES as readonly string[]).includes(status))
        return showPanel(req, reply, {
          problems: [{ path: 'status', message: 'voice.staff.error.status' }],
          status: 400,
        });
      const saved = await changePanelStatus(
        db,
        actorOf(req),
        req.params.id,
        status as PanelStatus,
        Number(body.version) || 0,
        clock.now(),
      );
      if (saved === 'conflict')
        return showPanel(req, reply, {
          problems: [{ path: 'status', message: 'voice.staff.error.conflict' }],
          status: 409,
        });
      return reply.redirect(`${PANELS_PATH}/${req.params.id}?besked=gemt`, 303);
    },
  );

  app.post<PanelParams & { Body: Body }>(
    `${PANELS_PATH}/:id/inviter`,
    { preHandler: planners },
    async (req, reply) => {
      const read = readInviteForm(req.body, clock.now());
      if (!read.startsAt)
        return showPanel(req, reply, { invite: read.form, problems: read.problems, status: 400 });
      await invitePanel(db, actorOf(req), req.params.id, {
        startsAt: read.startsAt,
        place: read.form.place,
        address: read.form.address,
        contact: read.form.contact,
      });
      return reply.redirect(`${PANELS_PATH}/${req.params.id}?besked=inviteret`, 303);
    },
  );

  app.post<{ Params: { id: string; member: string } }>(
    `${PANELS_PATH}/:id/medlemmer/:member/slet`,
    { preHandler: planners },
    async (req, reply) => {
      await removeMember(db, actorOf(req), req.params.id, req.params.member);
      return reply.redirect(`${PANELS_PATH}/${req.params.id}?besked=fjernet`, 303);
    },
  );
};
