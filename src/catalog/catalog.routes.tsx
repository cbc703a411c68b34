/**
 * Citizen routes: the finder (/), offer pages, sign-up and "Meld en fejl". Public, no account.
 * A sign-up belongs to the offer's municipality (an offer across the border is that
 * municipality's), so it is written in that tenant.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant } from '../db/db.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { isSearch, parseFinderQuery } from './finder.ts';
import { getOfferDetail, searchOffers } from './offer.store.ts';
import { createErrorReport, createSignup } from './signup.store.ts';
import { readSignupForm, validateSignup } from './signup.ts';
import { FinderPage } from './pages/finder-page.tsx';
import { OfferPage, ReportPage, SignupDonePage, SignupPage } from './pages/offer-page.tsx';
import type { OfferDetail } from './offer.ts';

const RECEIPT_COOKIE = 'lighed_receipt';
type IdParams = { Params: { id: string } };
type Body = Record<string, unknown>;

export const catalogRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, geocoder }) => {
  /** A published offer, or (for signed-in staff of its municipality) a draft as a preview. */
  async function loadOffer(req: FastifyRequest<IdParams>): Promise<OfferDetail> {
    const offer = await inTenant(db, req.tenant.kommune, (tx) => getOfferDetail(tx, req.params.id));
    if (!offer || (offer.status !== 'published' && !req.staff))
      throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
    return offer;
  }

  const citizen = (req: FastifyRequest, kommune: string): AuditActor => ({
    kommune,
    actorId: req.staff?.id ?? null,
    actorRole: req.staff?.role ?? 'citizen',
    requestId: req.id,
  });

  app.get('/', async (req, reply) => {
    const { query, problems } = parseFinderQuery(req.query as Record<string, unknown>);
    let origin = query.position;
    let originLabel: string | null = query.position ? req.t('finder.yourPosition') : null;
    if (!origin && query.postnummer) {
      const place = await geocoder.postcode(query.postnummer);
      if (place) {
        origin = place;
        originLabel = place.label;
      } else {
        problems.push({ path: 'postnummer', message: 'finder.error.unknownPostnummer' });
      }
    }
    const result =
      isSearch(query) && problems.length === 0
        ? await inTenant(db, req.tenant.kommune, (tx) =>
            searchOffers(tx, req.tenant.kommune, query, origin),
          )
        : null;
    return sendPage(
      reply,
      <FinderPage
        ctx={pageContext(req, reply)}
        query={query}
        problems={problems}
        result={result}
        originLabel={originLabel}
      />,
      { status: problems.length ? 400 : 200 },
    );
  });

  app.get<IdParams>('/tilbud/:id', async (req, reply) => {
    const offer = await loadOffer(req);
    return sendPage(reply, <OfferPage ctx={pageContext(req, reply)} offer={offer} />);
  });

  const emptySignup = {
    name: '',
    phone: '',
    email: '',
    preferred_language: '',
    needs_interpreter: false,
    message: '',
    consent: false,
  };

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
      {
        personal: true,
      },
    );
  });

  app.post<IdParams & { Body: Body }>('/tilbud/:id/tilmeld', async (req, reply) => {
    const offer = await loadOffer(req);
    const form = readSignupForm(req.body ?? {});
    const { input, problems } = validateSignup(form);
    if (!input) return renderSignupErrors(req, reply, offer, form, problems);
    const created = await inTenant(db, offer.kommune, async (tx) => {
      const row = await createSignup(tx, offer.kommune, offer.id, input);
      await audit(tx, citizen(req, offer.kommune), {
        action: 'create',
        entity: 'signup',
        entityId: row.id,
        summary: `sign-up for offer ${offer.id}`,
      });
      return row;
    });
    reply.setCookie(RECEIPT_COOKIE, `${offer.id}:${created.receipt_code}`, {
      path: '/tilbud',
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 3600,
    });
    return reply.redirect(`/tilbud/${offer.id}/tilmeldt`, 303);
  });

  function renderSignupErrors(
    req: FastifyRequest,
    reply: FastifyReply,
    offer: OfferDetail,
    form: ReturnType<typeof readSignupForm>,
    problems: FieldProblem[],
  ) {
    return sendPage(
      reply,
      <SignupPage ctx={pageContext(req, reply)} offer={offer} form={form} problems={problems} />,
      {
        status: 400,
        personal: true,
      },
    );
  }

  app.get<IdParams>('/tilbud/:id/tilmeldt', async (req, reply) => {
    const offer = await loadOffer(req);
    const raw = req.cookies[RECEIPT_COOKIE];
    const cookie = raw ? req.unsignCookie(raw) : null;
    const [offerId, code] = cookie?.valid && cookie.value ? cookie.value.split(':') : [];
    if (offerId !== offer.id || !code) return reply.redirect(`/tilbud/${offer.id}`, 303);
    return sendPage(
      reply,
      <SignupDonePage ctx={pageContext(req, reply)} offer={offer} receipt={code} />,
      { personal: true },
    );
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
    const message =
      typeof req.body?.message === 'string' ? req.body.message.trim().slice(0, 2000) : '';
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().slice(0, 200) : '';
    const problems: FieldProblem[] = [];
    if (message.length < 5) problems.push({ path: 'message', message: 'report.error.message' });
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email))
      problems.push({ path: 'email', message: 'signup.error.email' });
    if (problems.length) {
      return sendPage(
        reply,
        <ReportPage
          ctx={pageContext(req, reply)}
          offer={offer}
          form={{ message, email }}
          problems={problems}
          done={false}
        />,
        {
          status: 400,
        },
      );
    }
    await inTenant(db, offer.kommune, async (tx) => {
      const id = await createErrorReport(tx, offer.kommune, offer.id, message, email);
      if (email)
        await audit(tx, citizen(req, offer.kommune), {
          action: 'create',
          entity: 'error_report',
          entityId: id,
        });
    });
    return reply.redirect(`/tilbud/${offer.id}/fejl?sendt=ja`, 303);
  });
};
