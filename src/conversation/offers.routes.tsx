/**
 * A conversation's matched offers, and signing the citizen up for one (through the catalog),
 * with the receipt after a redirect. The use cases are in offers.service.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { readSignupForm } from '../catalog/index.ts';
import { workerOf, workers } from './access.ts';
import {
  matchedOffers,
  openSignup,
  saveChosenOffers,
  signUp,
  signupReceipt,
  type SignupScreen,
} from './offers.service.ts';
import { OffersPage, SignupDonePage, SignupPage } from './pages/profile-pages.tsx';
import { conversationHref } from './pages/present.ts';

type Body = Record<string, unknown>;
type IdParams = { Params: { id: string } };
type OfferParams = { Params: { id: string; offerId: string } };
const RECEIPT_COOKIE = 'lighed_conversation_receipt';

function signupPage(req: FastifyRequest, reply: FastifyReply, s: SignupScreen, status = 200) {
  return sendPage(
    reply,
    <SignupPage
      ctx={pageContext(req, reply)}
      conversation={s.conversation}
      offerTitle={s.offer.title}
      offerId={s.offer.id}
      provider={s.offer.organization.name}
      values={s.values}
      problems={s.problems}
    />,
    { status, personal: true },
  );
}

export const conversationOfferRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  const offers = '/personale/samtaler/:id/tilbud';

  app.get<IdParams & { Querystring: { gemt?: string } }>(
    offers,
    { preHandler: workers },
    async (req, reply) => {
      const o = await matchedOffers(db, workerOf(req), req.params.id);
      // After saving (POST-redirect-GET): how many were saved, for the success notice.
      const savedCount = /^\d{1,3}$/.test(req.query.gemt ?? '') ? Number(req.query.gemt) : null;
      return sendPage(
        reply,
        <OffersPage
          ctx={pageContext(req, reply)}
          conversation={o.conversation}
          matches={o.matches}
          texts={o.texts}
          saved={o.saved}
          savedCount={savedCount}
        />,
        { personal: true },
      );
    },
  );

  app.post<IdParams & { Body: Body }>(offers, { preHandler: workers }, async (req, reply) => {
    const chosen = new Set(
      (Array.isArray(req.body.offer) ? req.body.offer : [req.body.offer]).filter(
        (x): x is string => typeof x === 'string',
      ),
    );
    const n = await saveChosenOffers(db, workerOf(req), req.params.id, chosen);
    return reply.redirect(`${conversationHref(req.params.id)}/tilbud?gemt=${n}`, 303);
  });

  app.get<OfferParams>(`${offers}/:offerId/tilmeld`, { preHandler: workers }, async (req, reply) =>
    signupPage(req, reply, await openSignup(db, workerOf(req), req.params.id, req.params.offerId)),
  );

  app.post<OfferParams & { Body: Body }>(
    `${offers}/:offerId/tilmeld`,
    { preHandler: workers },
    async (req, reply) => {
      const { id, offerId } = req.params;
      const outcome = await signUp(db, workerOf(req), id, offerId, readSignupForm(req.body));
      if (outcome.kind === 'invalid') return signupPage(req, reply, outcome.screen, 400);
      const { conversation: c, offer, receipt } = outcome;
      // Redirect after the post, so a reload does not sign up twice; the receipt rides in a
      // signed cookie, never in the address.
      reply.setCookie(RECEIPT_COOKIE, `${c.id}:${offer.id}:${receipt}`, {
        path: '/personale/samtaler',
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        maxAge: 3600,
      });
      return reply.redirect(`${conversationHref(c.id)}/tilbud/${offer.id}/tilmeldt`, 303);
    },
  );

  app.get<OfferParams>(
    `${offers}/:offerId/tilmeldt`,
    { preHandler: workers },
    async (req, reply) => {
      const raw = req.cookies[RECEIPT_COOKIE];
      const cookie = raw ? req.unsignCookie(raw) : null;
      const receipt = cookie?.valid && cookie.value ? cookie.value : null;
      const { id, offerId } = req.params;
      const done = await signupReceipt(db, workerOf(req), id, offerId, receipt);
      if (!done) return reply.redirect(`${conversationHref(id)}/tilbud`, 303);
      return sendPage(
        reply,
        <SignupDonePage
          ctx={pageContext(req, reply)}
          conversation={done.conversation}
          offerTitle={done.offer.title}
          receipt={done.code}
        />,
        { personal: true },
      );
    },
  );
};
