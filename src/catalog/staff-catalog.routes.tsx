/**
 * Staff pages for offers: list, create, edit, publish and retire. A provider manages only its
 * own organisation's offers; admins, planners and frontline workers the municipality's.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { editorOf } from './editor.ts';
import type { OfferEditState } from './offer-form.ts';
import {
  changeOfferStatus,
  offerForm,
  staffOffers,
  submitOfferForm,
} from './offer-editing.service.ts';
import { OfferEditPage, RetireOfferPage } from './pages/offer-edit-page.tsx';
import { StaffOffersPage } from './pages/staff-offers-page.tsx';

type IdParams = { Params: { id: string } };
type Body = Record<string, unknown>;

const editors = requireRole('admin', 'planner', 'frontline', 'provider');
const saved = (id: string) => `/personale/tilbud/${id}?gemt=ja`;
const retire = (id: string) => `/personale/tilbud/${id}/afslut`;

const editPage = (req: FastifyRequest, reply: FastifyReply, state: OfferEditState) =>
  sendPage(reply, <OfferEditPage ctx={pageContext(req, reply)} {...state} />, {
    status: state.problems.length ? 400 : 200,
    personal: true,
  });

export const staffCatalogRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  app.get('/personale/tilbud', { preHandler: editors }, async (req, reply) => {
    const offers = await staffOffers(db, editorOf(req));
    return sendPage(reply, <StaffOffersPage ctx={pageContext(req, reply)} offers={offers} />, {
      personal: true,
    });
  });

  app.get('/personale/tilbud/ny', { preHandler: editors }, async (req, reply) =>
    editPage(req, reply, await offerForm(db, editorOf(req), null)),
  );

  app.post<{ Body: Body }>('/personale/tilbud/ny', { preHandler: editors }, async (req, reply) => {
    const result = await submitOfferForm(db, editorOf(req), null, req.body);
    if (!result.ok) return editPage(req, reply, result);
    return reply.redirect(saved(result.id), 303);
  });

  app.get<IdParams & { Querystring: { gemt?: string } }>(
    '/personale/tilbud/:id',
    { preHandler: editors },
    async (req, reply) => {
      const state = await offerForm(db, editorOf(req), req.params.id, req.query.gemt === 'ja');
      return editPage(req, reply, state);
    },
  );

  app.post<IdParams & { Body: Body }>(
    '/personale/tilbud/:id',
    { preHandler: editors },
    async (req, reply) => {
      const result = await submitOfferForm(db, editorOf(req), req.params.id, req.body);
      if (!result.ok) return editPage(req, reply, result);
      return reply.redirect(saved(result.id), 303);
    },
  );

  app.post<IdParams & { Body: Body }>(
    '/personale/tilbud/:id/status',
    { preHandler: editors },
    async (req, reply) => {
      const r = await changeOfferStatus(
        db,
        editorOf(req),
        req.params.id,
        req.body.status,
        req.body.confirm,
      );
      return reply.redirect(r.confirm ? retire(r.id) : saved(r.id), 303);
    },
  );

  // The confirmation step for ending an offer (works without JavaScript).
  app.get<IdParams>('/personale/tilbud/:id/afslut', { preHandler: editors }, async (req, reply) => {
    const state = await offerForm(db, editorOf(req), req.params.id);
    return sendPage(reply, <RetireOfferPage ctx={pageContext(req, reply)} {...state} />, {
      personal: true,
    });
  });
};
