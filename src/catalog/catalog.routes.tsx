/**
 * Citizen routes: the finder (/), offer pages, sign-up and "Meld en fejl". Public, no account.
 * The receipt of a sign-up travels in a short-lived signed cookie, so the receipt page
 * (receipt.routes.tsx) shows it only to whoever signed up.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { actorOf } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { admitForm, giveBackForm } from './anti-automation.service.ts';
import { findOffers, offerForCitizen, reportError } from './citizen.service.ts';
import { readErrorReport } from './error-report.ts';
import { parseFinderQuery } from './finder.ts';
import { FinderPage } from './pages/finder-page.tsx';
import { OfferPage, ReportPage, SignupPage } from './pages/offer-page.tsx';
import { signUp } from './signup.service.ts';
import { readSignupForm } from './signup.ts';
import { readReachAnswers } from './reach/questions.ts';
import { encodeReceiptCookie, RECEIPT_COOKIE, RECEIPT_COOKIE_SECONDS } from './signup-receipt.ts';

type IdParams = { Params: { id: string } };
type Body = Record<string, unknown>;

const emptySignup = {
  name: '',
  phone: '',
  email: '',
  preferred_language: '',
  needs_interpreter: false,
  message: '',
  consent: false,
};

export const catalogRoutes: FastifyPluginAsync<RouteDeps> = async (
  app,
  { db, geocoder, clock },
) => {
  const loadOffer = (req: FastifyRequest<IdParams>) =>
    offerForCitizen(db, req.tenant.kommune, req.params.id, Boolean(req.staff));

  app.get('/', async (req, reply) => {
    const parsed = parseFinderQuery(req.query as Record<string, unknown>);
    const { query } = parsed;
    const now = clock.now();
    const found = await findOffers(db, geocoder, req.tenant.kommune, query, parsed.problems, now);
    return sendPage(
      reply,
      <FinderPage
        ctx={pageContext(req, reply)}
        query={query}
        problems={found.problems}
        result={found.result}
        originLabel={query.position ? req.t('finder.yourPosition') : found.postcodeLabel}
        now={now}
      />,
      { status: found.problems.length ? 400 : 200 },
    );
  });

  app.get<IdParams>('/tilbud/:id', async (req, reply) => {
    const offer = await loadOffer(req);
    return sendPage(reply, <OfferPage ctx={pageContext(req, reply)} offer={offer} />);
  });

  app.get<IdParams>('/tilbud/:id/tilmeld', async (req, reply) => {
    const offer = await loadOffer(req);
    return sendPage(
      reply,
      <SignupPage
        ctx={pageContext(req, reply)}
        offer={offer}
        form={{ ...emptySignup, preferred_language: req.lang }}
        problems={[]}
      />,
      { personal: true },
    );
  });

  app.post<IdParams & { Body: Body }>('/tilbud/:id/tilmeld', async (req, reply) => {
    const offer = await loadOffer(req);
    const form = readSignupForm(req.body ?? {});
    const reach = readReachAnswers(req.body ?? {});
    const again = (problems: FieldProblem[], status: number) =>
      sendPage(
        reply,
        <SignupPage
          ctx={pageContext(req, reply)}
          offer={offer}
          form={form}
          reach={reach}
          problems={problems}
        />,
        { status, personal: true },
      );
    // Anti-automation first (honeypot, per address and offer): a refusal keeps what was typed.
    const admitted = await admitForm(db, clock, 'signup', offer.id, req.ip, req.body);
    if (!admitted.ok) {
      if (admitted.retryAfterSeconds)
        reply.header('retry-after', String(admitted.retryAfterSeconds));
      return again([admitted.problem], admitted.status);
    }
    const signed = await signUp(db, actorOf(req), offer, form, {
      now: clock.now(),
      formLanguage: req.lang,
      reach,
    });
    if (!signed.ok) {
      await giveBackForm(db, clock, 'signup', offer.id, req.ip);
      return again(signed.problems, 400);
    }
    // The receipt (receipt.routes.tsx) reads it: the code and the cancel link's token.
    const receipt = {
      offerId: offer.id,
      receiptCode: signed.signup.receipt_code,
      cancelToken: signed.signup.cancel_token,
      cancelExpiresAt: signed.signup.cancel_expires_at,
    };
    reply.setCookie(RECEIPT_COOKIE, encodeReceiptCookie(receipt), {
      path: '/tilbud',
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      maxAge: RECEIPT_COOKIE_SECONDS,
    });
    return reply.redirect(`/tilbud/${offer.id}/tilmeldt`, 303);
  });

  app.get<IdParams & { Querystring: { sendt?: string } }>(
    '/tilbud/:id/fejl',
    async (req, reply) => {
      const offer = await loadOffer(req);
      return sendPage(
        reply,
        <ReportPage
          ctx={pageContext(req, reply)}
          offer={offer}
          form={{ message: '', email: '' }}
          problems={[]}
          done={req.query.sendt === 'ja'}
        />,
      );
    },
  );

  app.post<IdParams & { Body: Body }>('/tilbud/:id/fejl', async (req, reply) => {
    const offer = await loadOffer(req);
    const { form, problems } = readErrorReport(req.body);
    const admitted = problems.length
      ? undefined
      : await admitForm(db, clock, 'report', offer.id, req.ip, req.body);
    if (!admitted?.ok) {
      if (admitted?.retryAfterSeconds)
        reply.header('retry-after', String(admitted.retryAfterSeconds));
      return sendPage(
        reply,
        <ReportPage
          ctx={pageContext(req, reply)}
          offer={offer}
          form={form}
          problems={admitted ? [admitted.problem] : problems}
          done={false}
        />,
        { status: admitted ? admitted.status : 400 },
      );
    }
    await reportError(db, actorOf(req), offer, form);
    return reply.redirect(`/tilbud/${offer.id}/fejl?sendt=ja`, 303);
  });
};
