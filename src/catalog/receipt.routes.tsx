/**
 * After a sign-up: the receipt (/tilbud/:id/tilmeldt, shown from the short-lived signed
 * receipt cookie only to whoever signed up), the offer's calendar file
 * (/tilbud/:id/kalender.ics: the offer's id and at most the receipt code, no personal data),
 * and the cancel link (/tilbud/:id/afmeld?noegle=…: a confirmation page, then a form post).
 * Public, no account.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { actorOf } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { offerForCitizen } from './citizen.service.ts';
import { CancelPage, ReceiptPage } from './pages/receipt-page.tsx';
import { hasCalendar, icsFilename, offerCalendar } from './signup-calendar.ts';
import { cancelPath, readCancelToken } from './signup-cancel.ts';
import { decodeReceiptCookie, readReceiptCode, RECEIPT_COOKIE } from './signup-receipt.ts';
import { cancelByLink, offerForCancelLink, openCancelLink } from './signup.service.ts';

type IdParams = { Params: { id: string } };

export const receiptRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const loadOffer = (req: FastifyRequest<IdParams>) =>
    offerForCitizen(db, req.tenant.kommune, req.params.id, Boolean(req.staff));
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  app.get<IdParams>('/tilbud/:id/tilmeldt', async (req, reply) => {
    const offer = await loadOffer(req);
    const raw = req.cookies[RECEIPT_COOKIE];
    const cookie = raw ? req.unsignCookie(raw) : null;
    const receipt = cookie?.valid ? decodeReceiptCookie(cookie.value) : null;
    if (!receipt || receipt.offerId !== offer.id) return reply.redirect(`/tilbud/${offer.id}`, 303);
    const now = clock.now();
    const token = readCancelToken(receipt.cancelToken);
    return sendPage(
      reply,
      <ReceiptPage
        ctx={pageContext(req, reply)}
        offer={offer}
        receiptCode={receipt.receiptCode}
        calendarHref={
          hasCalendar(offer, now)
            ? `/tilbud/${offer.id}/kalender.ics?kvittering=${receipt.receiptCode}`
            : null
        }
        cancel={
          token && receipt.cancelExpiresAt
            ? { href: cancelPath(offer.id, token), expiresAt: receipt.cancelExpiresAt }
            : null
        }
        now={now}
      />,
      { personal: true },
    );
  });

  app.get<IdParams & { Querystring: { kvittering?: string } }>(
    '/tilbud/:id/kalender.ics',
    async (req, reply) => {
      const offer = await loadOffer(req);
      const ics = offerCalendar(offer, {
        lang: req.lang,
        t: req.t,
        offerUrl: `${origin(req)}/tilbud/${offer.id}`,
        host: req.hostname,
        receiptCode: readReceiptCode(req.query.kvittering),
        now: clock.now(),
      });
      if (!ics) return reply.status(404).type('text/plain; charset=utf-8').send('No sessions');
      const name = icsFilename(offer.title);
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', req.query.kvittering ? 'private, no-store' : 'public, max-age=300')
        .type('text/calendar; charset=utf-8')
        .send(ics);
    },
  );

  app.get<IdParams & { Querystring: { noegle?: string } }>(
    '/tilbud/:id/afmeld',
    async (req, reply) => {
      const offer = await offerForCancelLink(db, req.tenant.kommune, req.params.id);
      const token = readCancelToken(req.query.noegle);
      const link = await openCancelLink(db, actorOf(req), offer, token, clock.now());
      return sendPage(
        reply,
        <CancelPage
          ctx={pageContext(req, reply)}
          offer={offer}
          state={link.state}
          done={false}
          receiptCode={link.receiptCode}
          token={token}
        />,
        { personal: true, status: statusOf(link.state) },
      );
    },
  );

  app.post<IdParams & { Body: Record<string, unknown> }>(
    '/tilbud/:id/afmeld',
    async (req, reply) => {
      const offer = await offerForCancelLink(db, req.tenant.kommune, req.params.id);
      const token = readCancelToken(req.body?.noegle);
      const link = await cancelByLink(db, actorOf(req), offer, token, clock.now());
      return sendPage(
        reply,
        <CancelPage
          ctx={pageContext(req, reply)}
          offer={offer}
          state={link.state}
          done={link.state === 'valid'}
          receiptCode={link.receiptCode}
          token={null}
        />,
        { personal: true, status: statusOf(link.state) },
      );
    },
  );
};

/** Unknown (forged, mistyped): 404; used or expired: 410 Gone; else 200. */
const statusOf = (state: string) => (state === 'unknown' ? 404 : state === 'valid' ? 200 : 410);
