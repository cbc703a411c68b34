/**
 * Staff pages for the catalog: list, create, edit, publish and retire offers; see sign-ups
 * and error reports. A provider manages only its own organisation's offers; admins, planners
 * and frontline workers the municipality's. Reading sign-ups is audited.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant } from '../db/db.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { audit } from '../platform/audit.store.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { Layout, type PageContext } from '../web/layout.tsx';
import {
  getOfferDetail,
  listLocations,
  listOffersForStaff,
  listOrganizations,
  saveOffer,
  setOfferStatus,
} from './offer.store.ts';
import { isUuid } from '../platform/ids.ts';
import {
  offerToForm,
  publicTextFields,
  readOfferForm,
  type OfferFormValues,
} from './offer-form.ts';
import { deleteSignup, listErrorReports, listSignups } from './signup.store.ts';
import { CsrfField } from '../web/form.tsx';
import { checkStigma } from './stigma.ts';
import { OfferEditPage } from './pages/offer-edit-page.tsx';
import { dateText, languageName } from '../web/present.ts';
import type { Location, Organization } from './offer.ts';

type IdParams = { Params: { id: string } };
type Body = Record<string, unknown>;

const editors = requireRole('admin', 'planner', 'frontline', 'provider');

/** The organisation a provider is bound to; null (all) for the municipality's own staff. */
const scopeOf = (req: FastifyRequest) =>
  req.staff?.role === 'provider' ? req.staff.organization_id : null;

export const staffCatalogRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  async function formOptions(
    req: FastifyRequest,
  ): Promise<{ organizations: Organization[]; locations: Location[] }> {
    return inTenant(db, req.tenant.kommune, async (tx) => {
      const scope = scopeOf(req);
      const organizations = (await listOrganizations(tx, req.tenant.kommune)).filter(
        (o) => !scope || o.id === scope,
      );
      const locations = await listLocations(tx, req.tenant.kommune, scope);
      return { organizations, locations };
    });
  }

  async function loadOwnOffer(req: FastifyRequest<IdParams>) {
    if (!isUuid(req.params.id)) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
    const offer = await inTenant(db, req.tenant.kommune, (tx) => getOfferDetail(tx, req.params.id));
    if (!offer || offer.kommune !== req.tenant.kommune)
      throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
    const scope = scopeOf(req);
    if (scope && offer.organization_id !== scope)
      throw new LighedError('LIGHED_ERR_FORBIDDEN', 'Not your organisation’s offer');
    return offer;
  }

  app.get('/personale/tilbud', { preHandler: editors }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t, lang } = ctx;
    const offers = await inTenant(db, req.tenant.kommune, (tx) =>
      listOffersForStaff(tx, req.tenant.kommune, scopeOf(req)),
    );
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('staffOffers.title')} area="staff">
        <h1>{t('staffOffers.title')}</h1>
        <p>
          <a class="button button-primary" href="/personale/tilbud/ny">
            {t('staffOffers.new')}
          </a>
        </p>
        <table class="table table--zebra">
          <caption class="sr-only">{t('staffOffers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffOffers.col.title')}</th>
              <th scope="col">{t('staffOffers.col.provider')}</th>
              <th scope="col">{t('staffOffers.col.status')}</th>
              <th scope="col">{t('staffOffers.col.confirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr>
                <td>
                  <a href={`/personale/tilbud/${o.id}`}>{o.title}</a>
                </td>
                <td>{o.organization_name}</td>
                <td>{t(`status.${o.status}`)}</td>
                <td>{o.last_confirmed_at ? dateText(o.last_confirmed_at, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
      { personal: true },
    );
  });

  function renderEdit(
    req: FastifyRequest,
    reply: Parameters<typeof pageContext>[1],
    opts: {
      id: string | null;
      status: string;
      values: OfferFormValues;
      problems: FieldProblem[];
      saved: boolean;
      options: Awaited<ReturnType<typeof formOptions>>;
    },
  ) {
    const ctx: PageContext = pageContext(req, reply);
    const findings = checkStigma(publicTextFields(opts.values));
    return sendPage(
      reply,
      <OfferEditPage
        ctx={ctx}
        {...opts}
        findings={findings}
        canChooseOrganization={!scopeOf(req)}
      />,
      { status: opts.problems.length ? 400 : 200, personal: true },
    );
  }

  app.get('/personale/tilbud/ny', { preHandler: editors }, async (req, reply) => {
    const options = await formOptions(req);
    const values: OfferFormValues = {
      languages: ['da'],
      flags: ['free'],
      mode: 'in_person',
      organization_id: options.organizations[0]?.id ?? '',
    };
    return renderEdit(req, reply, {
      id: null,
      status: 'draft',
      values,
      problems: [],
      saved: false,
      options,
    });
  });

  app.post<{ Body: Body }>('/personale/tilbud/ny', { preHandler: editors }, async (req, reply) => {
    const options = await formOptions(req);
    const { values, input, problems } = readOfferForm(
      req.body,
      options.locations.map((l) => l.id),
    );
    if (input && !options.organizations.some((o) => o.id === input.organization_id)) {
      problems.push({ path: 'organization_id', message: 'offerForm.error.organization' });
    }
    if (!input || problems.length)
      return renderEdit(req, reply, {
        id: null,
        status: 'draft',
        values,
        problems,
        saved: false,
        options,
      });
    const id = await inTenant(db, req.tenant.kommune, async (tx) => {
      const newId = await saveOffer(tx, req.tenant.kommune, input);
      await audit(tx, actorOf(req), { action: 'create', entity: 'offer', entityId: newId });
      return newId;
    });
    return reply.redirect(`/personale/tilbud/${id}?gemt=ja`, 303);
  });

  app.get<IdParams & { Querystring: { gemt?: string } }>(
    '/personale/tilbud/:id',
    { preHandler: editors },
    async (req, reply) => {
      const offer = await loadOwnOffer(req);
      const options = await formOptions(req);
      return renderEdit(req, reply, {
        id: offer.id,
        status: offer.status,
        values: offerToForm(offer),
        problems: [],
        saved: req.query.gemt === 'ja',
        options,
      });
    },
  );

  app.post<IdParams & { Body: Body }>(
    '/personale/tilbud/:id',
    { preHandler: editors },
    async (req, reply) => {
      const offer = await loadOwnOffer(req);
      const options = await formOptions(req);
      const { values, input, problems } = readOfferForm(
        req.body,
        options.locations.map((l) => l.id),
      );
      if (input && !options.organizations.some((o) => o.id === input.organization_id)) {
        problems.push({ path: 'organization_id', message: 'offerForm.error.organization' });
      }
      if (!input || problems.length)
        return renderEdit(req, reply, {
          id: offer.id,
          status: offer.status,
          values,
          problems,
          saved: false,
          options,
        });
      await inTenant(db, req.tenant.kommune, async (tx) => {
        await saveOffer(tx, req.tenant.kommune, input, { id: offer.id });
        await audit(tx, actorOf(req), { action: 'update', entity: 'offer', entityId: offer.id });
      });
      return reply.redirect(`/personale/tilbud/${offer.id}?gemt=ja`, 303);
    },
  );

  app.post<IdParams & { Body: Body }>(
    '/personale/tilbud/:id/status',
    { preHandler: editors },
    async (req, reply) => {
      const offer = await loadOwnOffer(req);
      const status = req.body.status;
      if (status !== 'published' && status !== 'retired' && status !== 'draft') {
        throw new LighedError('LIGHED_ERR_VALIDATION', 'Unknown status', [
          { path: 'status', message: 'offerForm.error.status' },
        ]);
      }
      await inTenant(db, req.tenant.kommune, async (tx) => {
        await setOfferStatus(tx, offer.id, status);
        await audit(tx, actorOf(req), {
          action: 'update',
          entity: 'offer',
          entityId: offer.id,
          summary: `status ${status}`,
        });
      });
      return reply.redirect(`/personale/tilbud/${offer.id}?gemt=ja`, 303);
    },
  );

  app.post<IdParams>(
    '/personale/tilmeldinger/:id/slet',
    { preHandler: requireRole('admin', 'provider') },
    async (req, reply) => {
      if (!isUuid(req.params.id)) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such sign-up');
      const deleted = await inTenant(db, req.tenant.kommune, async (tx) => {
        const ok = await deleteSignup(tx, req.params.id, scopeOf(req));
        if (ok)
          await audit(tx, actorOf(req), {
            action: 'delete',
            entity: 'signup',
            entityId: req.params.id,
            summary: 'deleted on request',
          });
        return ok;
      });
      if (!deleted) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such sign-up');
      return reply.redirect('/personale/tilmeldinger', 303);
    },
  );

  app.get(
    '/personale/tilmeldinger',
    { preHandler: requireRole('admin', 'provider') },
    async (req, reply) => {
      const ctx = pageContext(req, reply);
      const { t, lang } = ctx;
      const { signups, reports } = await inTenant(db, req.tenant.kommune, async (tx) => {
        const s = await listSignups(tx, scopeOf(req));
        const r = await listErrorReports(tx, scopeOf(req));
        await audit(
          tx,
          actorOf(req),
          s.map((x) => ({
            action: 'read' as const,
            entity: 'signup',
            entityId: x.id,
            summary: 'listed on sign-ups page',
          })),
        );
        return { signups: s, reports: r };
      });
      return sendPage(
        reply,
        <Layout ctx={ctx} title={t('signups.title')} area="staff">
          <h1>{t('signups.title')}</h1>
          {signups.length === 0 ? (
            <p>{t('signups.none')}</p>
          ) : (
            <table class="table table--zebra">
              <caption class="sr-only">{t('signups.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('signups.col.when')}</th>
                  <th scope="col">{t('signups.col.offer')}</th>
                  <th scope="col">{t('signups.col.name')}</th>
                  <th scope="col">{t('signups.col.contact')}</th>
                  <th scope="col">{t('signups.col.language')}</th>
                  <th scope="col">{t('signups.col.receipt')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('signups.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {signups.map((s) => (
                  <tr>
                    <td>{dateText(s.created_at, lang)}</td>
                    <td>{s.offer_title}</td>
                    <td>{s.name}</td>
                    <td>
                      {s.phone}
                      {s.phone && s.email ? <br /> : null}
                      {s.email}
                    </td>
                    <td>
                      {languageName(s.preferred_language, lang)}
                      {s.needs_interpreter ? ` · ${t('signups.interpreter')}` : ''}
                    </td>
                    <td>{s.receipt_code}</td>
                    <td>
                      <form method="post" action={`/personale/tilmeldinger/${s.id}/slet`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button
                          type="submit"
                          class="button button-tertiary"
                          aria-label={t('signups.deleteLabel', { name: s.name })}
                        >
                          {t('signups.delete')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('reports.title')}</h2>
          {reports.length === 0 ? (
            <p>{t('reports.none')}</p>
          ) : (
            <ul>
              {reports.map((r) => (
                <li>
                  <strong>{r.offer_title}</strong> ({dateText(r.created_at, lang)}): {r.message}
                </li>
              ))}
            </ul>
          )}
        </Layout>,
        { personal: true },
      );
    },
  );
};
