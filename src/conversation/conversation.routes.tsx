/**
 * The health conversation for frontline workers: start (consent first, or anonymous), the
 * multi-step form, the profile with support level, matched offers, sign-up, print and PDF,
 * and deletion on request. Only frontline workers (their team's conversations) and admins
 * (the municipality's); row-level security enforces the same (inTeam). Every read and write
 * of a conversation is audited, with no personal data in the summary or the URL.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant, type Queryable } from '../db/db.ts';
import { audit, type AuditAction } from '../platform/audit.store.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { CsrfField } from '../web/form.tsx';
import { Layout } from '../web/layout.tsx';
import { isUiLanguage } from '../web/languages.ts';
import { getOfferDetail } from '../catalog/offer.store.ts';
import { isUuid } from '../platform/ids.ts';
import { createSignup } from '../catalog/signup.store.ts';
import { readSignupForm, validateSignup, type SignupForm } from '../catalog/signup.ts';
import { chromiumPdf, findChromium } from '../platform/pdf.ts';
import {
  createConversation,
  deleteConversation,
  enabledInstruments,
  getConversation,
  inTeam,
  linkSignup,
  listConversations,
  loadWeightsJson,
  removeOffer,
  saveAnswers,
  saveOffer,
  savedOffers,
  setSupportOverride,
  touch,
  type Conversation,
} from './conversation.store.ts';
import { instrumentsOf, matchCitizenOf, profileOf, supportOf } from './conversation.service.ts';
import { teamOf } from './access.ts';
import { applyStep, readStep, revealsMore, visibleItems } from './flow.ts';
import { candidateOffers, offerTexts } from './matching.store.ts';
import {
  DEFAULT_MATCH_WEIGHTS,
  DEFAULT_MAX_KM,
  fittingTopics,
  matchOffers,
  MatchWeights,
  type Match,
} from './matching.ts';
import { overrideSupport, SUPPORT_LEVELS, type SupportLevel } from './profile.ts';
import { emptyStartForm, readStartForm, validateStartForm } from './start-form.ts';
import { ListPage, StartPage } from './pages/start-pages.tsx';
import { StepPage } from './pages/step-page.tsx';
import { OffersPage, ProfilePage, SignupDonePage, SignupPage } from './pages/profile-pages.tsx';
import { renderPrint } from './pages/print-page.tsx';
import { citizenLabel, STAFF_LANGUAGES } from './pages/present.ts';

type Body = Record<string, unknown>;
type IdReq = FastifyRequest<{ Params: { id: string } }>;

const workers = requireRole('frontline', 'admin');
const PRINT_CSS = readFileSync(new URL('../web/assets/print.css', import.meta.url), 'utf8');
const base = (id: string) => `/personale/samtaler/${id}`;
const RECEIPT_COOKIE = 'lighed_conversation_receipt';

export const conversationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  const chromium = await findChromium();
  const pdf = chromium ? chromiumPdf(chromium) : null;

  const log = (
    tx: Queryable,
    req: FastifyRequest,
    action: AuditAction,
    id: string,
    summary: string,
  ) => audit(tx, actorOf(req), { action, entity: 'conversation', entityId: id, summary });

  /** Runs `fn` on the conversation within the team's transaction; unknown or not visible = 404. */
  async function withConversation<T>(
    req: IdReq,
    fn: (tx: Queryable, c: Conversation) => Promise<T>,
  ): Promise<T> {
    if (!isUuid(req.params.id)) throw notFound('Conversation');
    return inTeam(db, teamOf(req), async (tx) => {
      const c = await getConversation(tx, req.params.id);
      if (!c) throw notFound('Conversation');
      return fn(tx, c);
    });
  }

  async function weightsOf(tx: Queryable): Promise<MatchWeights> {
    const stored = await loadWeightsJson(tx);
    const parsed = stored === null ? null : MatchWeights.safeParse(stored);
    return parsed?.success ? parsed.data : DEFAULT_MATCH_WEIGHTS;
  }

  async function matchesFor(tx: Queryable, c: Conversation): Promise<Match[]> {
    const profile = profileOf(c);
    const citizen = matchCitizenOf(c, profile, supportOf(c, profile));
    const when = citizen.availability.days.length + citizen.availability.times.length > 0;
    const offers = await candidateOffers(
      tx,
      c.kommune,
      c.postcode,
      DEFAULT_MAX_KM,
      fittingTopics(citizen),
      when,
    );
    return matchOffers(citizen, offers, await weightsOf(tx), { maxKm: DEFAULT_MAX_KM });
  }

  // ---- list and start -----------------------------------------------------------------------

  app.get('/personale/samtaler', { preHandler: workers }, async (req, reply) => {
    const team = teamOf(req);
    const { rows, teamName } = await inTeam(db, team, async (tx) => {
      const rows = await listConversations(tx);
      // The list shows names: each conversation listed is a read of it.
      await audit(
        tx,
        actorOf(req),
        rows.map((r) => ({
          action: 'read' as const,
          entity: 'conversation',
          entityId: r.id,
          summary: 'listed',
        })),
      );
      const name = team.team_id
        ? (
            await tx.query<{ name: string }>('select name from team where id = $1', [team.team_id])
          )[0]?.name
        : null;
      return { rows, teamName: team.role === 'admin' ? null : (name ?? null) };
    });
    return sendPage(
      reply,
      <ListPage ctx={pageContext(req, reply)} rows={rows} teamName={teamName} />,
      { personal: true },
    );
  });

  const teamArena = async (req: FastifyRequest) =>
    inTeam(
      db,
      teamOf(req),
      async (tx) =>
        (
          await tx.query<{ arena: Conversation['arena'] }>('select arena from team where id = $1', [
            req.staff!.team_id,
          ])
        )[0]?.arena ?? 'job_centre',
    );

  const needTeam = (req: FastifyRequest) => {
    if (!req.staff!.team_id)
      throw new LighedError(
        'LIGHED_ERR_FORBIDDEN',
        'Only a member of a team can start a conversation',
      );
  };

  app.get<{ Querystring: { sprog?: string } }>(
    '/personale/samtaler/ny',
    { preHandler: workers },
    async (req, reply) => {
      needTeam(req);
      const values = emptyStartForm(await teamArena(req));
      if (isUiLanguage(req.query.sprog)) values.language = req.query.sprog;
      return sendPage(
        reply,
        <StartPage ctx={pageContext(req, reply)} values={values} problems={[]} />,
        { personal: true },
      );
    },
  );

  app.post<{ Body: Body }>('/personale/samtaler', { preHandler: workers }, async (req, reply) => {
    needTeam(req);
    const values = readStartForm(req.body);
    const { input, problems } = validateStartForm(values);
    if (!input)
      return sendPage(
        reply,
        <StartPage ctx={pageContext(req, reply)} values={values} problems={problems} />,
        { status: 400, personal: true },
      );
    const team = teamOf(req);
    const id = await inTeam(db, team, async (tx) => {
      const instruments = (await enabledInstruments(tx)).map((i) => i.id);
      if (instruments.length === 0)
        throw new LighedError('LIGHED_ERR_CONFLICT', 'All instruments are switched off');
      const id = await createConversation(tx, team, { ...input, instruments });
      await log(
        tx,
        req,
        'create',
        id,
        input.anonymous
          ? 'started an anonymous conversation'
          : 'started a conversation with consent',
      );
      return id;
    });
    return reply.redirect(`${base(id)}/trin/1`, 303);
  });

  // ---- the steps ------------------------------------------------------------------------------

  type StepReq = FastifyRequest<{ Params: { id: string; step: string }; Body: Body }>;

  const stepOf = (req: StepReq, c: Conversation) => {
    const n = Number(req.params.step);
    const instruments = instrumentsOf(c);
    if (!Number.isInteger(n) || n < 1 || n > instruments.length) throw notFound('Step');
    return { n, instrument: instruments[n - 1]!, steps: instruments.length };
  };

  function renderStep(
    req: StepReq,
    reply: FastifyReply,
    c: Conversation,
    extra: {
      raw?: Record<string, string>;
      problems?: FieldProblem[];
      answers?: Conversation['answers'][string];
    } = {},
  ) {
    const { n, instrument, steps } = stepOf(req, c);
    const answers = extra.answers ?? c.answers[instrument.id] ?? {};
    const view = visibleItems(instrument, c.answers[instrument.id] ?? {});
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      <StepPage
        ctx={ctx}
        conversationId={c.id}
        citizen={citizenLabel(c, ctx.t)}
        citizenLang={c.language}
        step={n}
        steps={steps}
        instrument={instrument}
        items={view.items}
        more={view.more}
        answers={answers}
        raw={extra.raw ?? {}}
        problems={extra.problems ?? []}
      />,
      { status: extra.problems?.length ? 400 : 200, personal: true },
    );
  }

  app.get<{ Params: { id: string; step: string } }>(
    '/personale/samtaler/:id/trin/:step',
    { preHandler: workers },
    async (req, reply) => {
      const c = await withConversation(req, async (tx, c) => {
        const { n } = stepOf(req as StepReq, c);
        await log(tx, req, 'read', c.id, `opened step ${n}`);
        return c;
      });
      return renderStep(req as StepReq, reply, c);
    },
  );

  app.post<{ Params: { id: string; step: string }; Body: Body }>(
    '/personale/samtaler/:id/trin/:step',
    { preHandler: workers },
    async (req, reply) => {
      const go = req.body.go === 'back' ? 'back' : req.body.go === 'pause' ? 'pause' : 'next';
      const outcome = await withConversation(req, async (tx, c) => {
        const { n, instrument, steps } = stepOf(req, c);
        const previous = c.answers[instrument.id] ?? {};
        const shown = visibleItems(instrument, previous).items;
        const { answers: posted, problems, raw } = readStep(shown, req.body);
        if (problems.length) {
          await log(
            tx,
            req,
            'read',
            c.id,
            `step ${n} shown again with ${problems.length} problems`,
          );
          return {
            kind: 'invalid' as const,
            c,
            raw,
            problems,
            answers: { ...previous, ...posted },
          };
        }
        const next = applyStep(instrument, previous, shown, posted);
        let target: string;
        let step = n;
        let status: Conversation['status'] = c.status === 'finished' ? 'finished' : 'in_progress';
        if (go === 'pause') {
          status = c.status === 'finished' ? 'finished' : 'paused';
          target = '/personale/samtaler';
        } else if (go === 'back') {
          step = Math.max(1, n - 1);
          target = `${base(c.id)}/trin/${step}`;
        } else if (revealsMore(instrument, shown, next)) {
          target = `${base(c.id)}/trin/${n}`;
        } else if (n < steps) {
          step = n + 1;
          target = `${base(c.id)}/trin/${step}`;
        } else {
          status = 'finished';
          target = base(c.id);
        }
        await saveAnswers(tx, c.id, instrument.id, next, step, status);
        await log(
          tx,
          req,
          'update',
          c.id,
          `saved step ${n} (${instrument.id})${status === 'paused' ? ', paused' : status === 'finished' && n === steps ? ', finished' : ''}`,
        );
        return { kind: 'saved' as const, target };
      });
      if (outcome.kind === 'invalid') return renderStep(req, reply, outcome.c, outcome);
      return reply.redirect(outcome.target, 303);
    },
  );

  // ---- profile and support level ----------------------------------------------------------

  app.get<{ Params: { id: string } }>(
    '/personale/samtaler/:id',
    { preHandler: workers },
    async (req, reply) => {
      const { c, saved } = await withConversation(req, async (tx, c) => {
        await log(tx, req, 'read', c.id, 'viewed profile');
        return { c, saved: await savedOffers(tx, c.id) };
      });
      const profile = profileOf(c);
      const support = supportOf(c, profile);
      return sendPage(
        reply,
        <ProfilePage
          ctx={pageContext(req, reply)}
          conversation={c}
          profile={profile}
          support={support}
          saved={saved}
          problems={[]}
          overrideValues={{ level: c.support_override ?? '', note: c.support_note ?? '' }}
        />,
        { personal: true },
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    '/personale/samtaler/:id/stoetteniveau',
    { preHandler: workers },
    async (req, reply) => {
      const level = typeof req.body.level === 'string' ? req.body.level : '';
      const note = typeof req.body.note === 'string' ? req.body.note.slice(0, 2000) : '';
      const result = await withConversation(req, async (tx, c) => {
        const profile = profileOf(c);
        if (level === '') {
          await setSupportOverride(tx, c.id, null, null);
          await log(tx, req, 'update', c.id, 'support level back to the computed one');
          return null;
        }
        const problems: FieldProblem[] = [];
        if (!(SUPPORT_LEVELS as readonly string[]).includes(level))
          problems.push({ path: 'level', message: 'conversation.error.option' });
        const o = problems.length
          ? null
          : overrideSupport(profile.support, level as SupportLevel, note);
        if (o && !o.ok) problems.push({ path: 'note', message: 'conversation.error.overrideNote' });
        if (problems.length || !o?.ok) {
          await log(
            tx,
            req,
            'read',
            c.id,
            'profile shown again: the support level was not changed',
          );
          return { c, profile, problems, saved: await savedOffers(tx, c.id) };
        }
        await setSupportOverride(tx, c.id, o.value.level, o.value.override!.note);
        await log(tx, req, 'update', c.id, 'support level overridden, with a note');
        return null;
      });
      if (result) {
        const { c, profile, problems, saved } = result;
        return sendPage(
          reply,
          <ProfilePage
            ctx={pageContext(req, reply)}
            conversation={c}
            profile={profile}
            support={supportOf(c, profile)}
            saved={saved}
            problems={problems}
            overrideValues={{ level, note }}
          />,
          { status: 400, personal: true },
        );
      }
      return reply.redirect(base(req.params.id), 303);
    },
  );

  // ---- matched offers and sign-up -----------------------------------------------------------

  app.get<{ Params: { id: string } }>(
    '/personale/samtaler/:id/tilbud',
    { preHandler: workers },
    async (req, reply) => {
      const { c, matches, texts, saved } = await withConversation(req, async (tx, c) => {
        const matches = await matchesFor(tx, c);
        await log(tx, req, 'read', c.id, `matched ${matches.length} offers`);
        return {
          c,
          matches,
          texts: await offerTexts(
            tx,
            matches.map((m) => m.offer.id),
          ),
          saved: await savedOffers(tx, c.id),
        };
      });
      return sendPage(
        reply,
        <OffersPage
          ctx={pageContext(req, reply)}
          conversation={c}
          matches={matches}
          texts={texts}
          saved={saved}
        />,
        { personal: true },
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    '/personale/samtaler/:id/tilbud',
    { preHandler: workers },
    async (req, reply) => {
      const chosen = new Set(
        (Array.isArray(req.body.offer) ? req.body.offer : [req.body.offer]).filter(
          (x): x is string => typeof x === 'string',
        ),
      );
      await withConversation(req, async (tx, c) => {
        const matches = await matchesFor(tx, c);
        let n = 0;
        for (const m of matches) {
          if (chosen.has(m.offer.id)) {
            await saveOffer(tx, c, m.offer.id, m.reasons);
            n++;
          } else await removeOffer(tx, c.id, m.offer.id);
        }
        await touch(tx, c.id);
        await log(tx, req, 'update', c.id, `saved ${n} offers`);
      });
      return reply.redirect(`${base(req.params.id)}/tilbud`, 303);
    },
  );

  type OfferReq = FastifyRequest<{ Params: { id: string; offerId: string }; Body: Body }>;

  async function offerFor(req: OfferReq) {
    if (!isUuid(req.params.offerId)) throw notFound('Offer');
    const offer = await inTenant(db, req.tenant.kommune, (tx) =>
      getOfferDetail(tx, req.params.offerId),
    );
    if (!offer || offer.status !== 'published') throw notFound('Offer');
    return offer;
  }

  app.get<{ Params: { id: string; offerId: string } }>(
    '/personale/samtaler/:id/tilbud/:offerId/tilmeld',
    { preHandler: workers },
    async (req, reply) => {
      const offer = await offerFor(req as OfferReq);
      const c = await withConversation(req, async (tx, c) => {
        // An anonymous conversation's audit names no offer: nothing ties it to the sign-up.
        await log(
          tx,
          req,
          'read',
          c.id,
          c.anonymous ? 'opened a sign-up' : `opened sign-up for offer ${offer.id}`,
        );
        return c;
      });
      const values: SignupForm = {
        name: c.citizen_name ?? '',
        phone: '',
        email: '',
        preferred_language: c.language,
        needs_interpreter: c.interpreter_needed,
        message: '',
        consent: false,
      };
      return sendPage(
        reply,
        <SignupPage
          ctx={pageContext(req, reply)}
          conversation={c}
          offerTitle={offer.title}
          offerId={offer.id}
          provider={offer.organization.name}
          values={values}
          problems={[]}
        />,
        { personal: true },
      );
    },
  );

  app.post<{ Params: { id: string; offerId: string }; Body: Body }>(
    '/personale/samtaler/:id/tilbud/:offerId/tilmeld',
    { preHandler: workers },
    async (req, reply) => {
      const offer = await offerFor(req);
      const form = readSignupForm(req.body);
      const { input, problems } = validateSignup(form);
      const c = await withConversation(req, async (tx, c) => {
        await log(
          tx,
          req,
          'read',
          c.id,
          c.anonymous ? 'sign-up form sent' : `sign-up form sent for offer ${offer.id}`,
        );
        return c;
      });
      if (!input) {
        return sendPage(
          reply,
          <SignupPage
            ctx={pageContext(req, reply)}
            conversation={c}
            offerTitle={offer.title}
            offerId={offer.id}
            provider={offer.organization.name}
            values={form}
            problems={problems}
          />,
          { status: 400, personal: true },
        );
      }
      // The sign-up belongs to the offer's municipality, like a citizen's own sign-up. From an
      // anonymous conversation it is audited under a request id of its own, and the
      // conversation is not touched: no record ties the name to the answers (decision 0008).
      const signup = await inTenant(db, offer.kommune, async (tx) => {
        const s = await createSignup(tx, offer.kommune, offer.id, input);
        const actor = {
          ...actorOf(req),
          kommune: offer.kommune,
          ...(c.anonymous ? { requestId: randomUUID() } : {}),
        };
        await audit(tx, actor, {
          action: 'create',
          entity: 'signup',
          entityId: s.id,
          summary: `signed up by a frontline worker for offer ${offer.id}`,
        });
        return s;
      });
      if (!c.anonymous) {
        await withConversation(req, async (tx, c) => {
          const matches = await matchesFor(tx, c);
          await saveOffer(
            tx,
            c,
            offer.id,
            matches.find((m) => m.offer.id === offer.id)?.reasons ?? [],
          );
          await linkSignup(tx, c.id, offer.id, signup.id);
          await touch(tx, c.id);
          await log(tx, req, 'update', c.id, `signed the citizen up for offer ${offer.id}`);
        });
      }
      // Redirect after the post, so a reload does not sign up twice; the receipt rides in a
      // signed cookie, never in the address.
      reply.setCookie(RECEIPT_COOKIE, `${c.id}:${offer.id}:${signup.receipt_code}`, {
        path: '/personale/samtaler',
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        maxAge: 3600,
      });
      return reply.redirect(`${base(c.id)}/tilbud/${offer.id}/tilmeldt`, 303);
    },
  );

  app.get<{ Params: { id: string; offerId: string } }>(
    '/personale/samtaler/:id/tilbud/:offerId/tilmeldt',
    { preHandler: workers },
    async (req, reply) => {
      const offer = await offerFor(req as OfferReq);
      const raw = req.cookies[RECEIPT_COOKIE];
      const cookie = raw ? req.unsignCookie(raw) : null;
      const [conversationId, offerId, code] =
        cookie?.valid && cookie.value ? cookie.value.split(':') : [];
      if (conversationId !== req.params.id || offerId !== offer.id || !code)
        return reply.redirect(`${base(req.params.id)}/tilbud`, 303);
      const c = await withConversation(req, async (tx, c) => {
        await log(tx, req, 'read', c.id, 'saw a sign-up receipt');
        return c;
      });
      return sendPage(
        reply,
        <SignupDonePage
          ctx={pageContext(req, reply)}
          conversation={c}
          offerTitle={offer.title}
          receipt={code}
        />,
        { personal: true },
      );
    },
  );

  // ---- print and PDF ----------------------------------------------------------------------------

  async function printable(
    req: FastifyRequest<{ Params: { id: string }; Querystring: { sprog?: string } }>,
    action: AuditAction,
  ) {
    return withConversation(req, async (tx, c) => {
      const lang = isUiLanguage(req.query.sprog) ? req.query.sprog : c.language;
      await log(
        tx,
        req,
        action,
        c.id,
        `${action === 'export' ? 'PDF' : 'printable'} profile in ${lang}`,
      );
      const profile = profileOf(c);
      return {
        c,
        lang,
        profile,
        support: supportOf(c, profile),
        saved: await savedOffers(tx, c.id),
      };
    });
  }

  app.get<{ Params: { id: string }; Querystring: { sprog?: string } }>(
    '/personale/samtaler/:id/udskrift',
    { preHandler: workers },
    async (req, reply) => {
      const p = await printable(req, 'read');
      const html = renderPrint({
        lang: p.lang,
        conversation: p.c,
        profile: p.profile,
        support: p.support,
        saved: p.saved,
        municipality: req.tenant.name,
        pdfHref: pdf ? `${base(p.c.id)}/udskrift.pdf?sprog=${p.lang}` : null,
        backHref: base(p.c.id),
      });
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { sprog?: string } }>(
    '/personale/samtaler/:id/udskrift.pdf',
    { preHandler: workers },
    async (req, reply) => {
      if (!pdf) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No PDF renderer: install chromium');
      const p = await printable(req, 'export');
      const html = renderPrint({
        lang: p.lang,
        conversation: p.c,
        profile: p.profile,
        support: p.support,
        saved: p.saved,
        municipality: req.tenant.name,
        inlineCss: PRINT_CSS,
      });
      const file = await pdf.render(html);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="sundhedsprofil-${p.lang}.pdf"`)
        .type('application/pdf')
        .send(file);
    },
  );

  // ---- deletion on request ---------------------------------------------------------------------

  app.get<{ Params: { id: string } }>(
    '/personale/samtaler/:id/slet',
    { preHandler: workers },
    async (req, reply) => {
      const c = await withConversation(req, async (tx, c) => {
        await log(tx, req, 'read', c.id, 'opened deletion');
        return c;
      });
      const ctx = pageContext(req, reply);
      const { t } = ctx;
      const title = t('conversation.delete.title', { citizen: citizenLabel(c, t) });
      return sendPage(
        reply,
        <Layout ctx={ctx} title={title} area="staff" languages={STAFF_LANGUAGES}>
          <p>
            <a href={base(c.id)} class="lighed-back">
              {t('conversation.offers.back')}
            </a>
          </p>
          <h1>{title}</h1>
          <p>{t('conversation.delete.lead')}</p>
          <form method="post" action={`${base(c.id)}/slet`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button button-primary">
              {t('conversation.delete.submit')}
            </button>
          </form>
        </Layout>,
        { personal: true },
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/personale/samtaler/:id/slet',
    { preHandler: workers },
    async (req, reply) => {
      await withConversation(req, async (tx, c) => {
        await deleteConversation(tx, c.id);
        await log(tx, req, 'delete', c.id, 'deleted on request');
      });
      return reply.redirect('/personale/samtaler', 303);
    },
  );
};
