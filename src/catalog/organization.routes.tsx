/**
 * Staff pages for organisations (providers) and their places. Admins manage all of the
 * municipality's; a provider only its own organisation and its places.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant, one } from '../db/db.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { audit } from '../platform/audit.store.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { Checkbox, FormPage, Select, SubmitButton, TextField } from '../web/form.tsx';
import { Layout } from '../web/layout.tsx';
import type { Translate } from '../web/i18n.ts';
import { listLocations, listOrganizations } from './offer.store.ts';
import { isUuid } from '../platform/ids.ts';
import { ORGANIZATION_KINDS, type Location, type Organization } from './offer.ts';
import { readLocationForm, readOrganizationForm } from './organization-form.ts';

type IdParams = { Params: { id: string } };
type Body = Record<string, unknown>;
const managers = requireRole('admin', 'provider');
const back = (t: Translate) => ({ href: '/personale/organisationer', label: t('offerForm.back') });
const scopeOf = (req: FastifyRequest) =>
  req.staff?.role === 'provider' ? req.staff.organization_id : null;

export const organizationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, geocoder }) => {
  function allowed(req: FastifyRequest, organizationId: string) {
    const scope = scopeOf(req);
    if (scope && scope !== organizationId)
      throw new LighedError('LIGHED_ERR_FORBIDDEN', 'Not your organisation');
  }

  app.get('/personale/organisationer', { preHandler: managers }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    const scope = scopeOf(req);
    const { organizations, locations } = await inTenant(db, req.tenant.kommune, async (tx) => ({
      organizations: (await listOrganizations(tx, req.tenant.kommune)).filter(
        (o) => !scope || o.id === scope,
      ),
      locations: await listLocations(tx, req.tenant.kommune, scope),
    }));
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('orgs.title')} area="staff">
        <h1>{t('orgs.title')}</h1>
        {!scope && (
          <p>
            <a class="button button-secondary" href="/personale/organisationer/ny">
              {t('orgs.new')}
            </a>
          </p>
        )}
        <table class="table table--zebra">
          <caption class="sr-only">{t('orgs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orgs.col.name')}</th>
              <th scope="col">{t('orgs.col.kind')}</th>
              <th scope="col">{t('orgs.col.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr>
                <td>
                  <a href={`/personale/organisationer/${o.id}`}>{o.name}</a>
                  {o.status === 'retired' ? ` (${t('status.retired')})` : ''}
                </td>
                <td>{t(`orgKind.${o.kind}`)}</td>
                <td>{[o.email, o.phone].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('places.title')}</h2>
        <p>
          <a class="button button-secondary" href="/personale/steder/ny">
            {t('places.new')}
          </a>
        </p>
        <ul>
          {locations.map((l) => (
            <li>
              <a href={`/personale/steder/${l.id}`}>{l.name}</a>, {l.address_1}, {l.postal_code}{' '}
              {l.city}
            </li>
          ))}
        </ul>
      </Layout>,
      { personal: true },
    );
  });

  function orgPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: Record<string, string>,
    problems: FieldProblem[],
  ) {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    const title = id ? t('orgForm.editTitle', { name: values.name ?? '' }) : t('orgs.new');
    const f = { problems, t };
    return sendPage(
      reply,
      <FormPage
        ctx={ctx}
        title={title}
        area="staff"
        back={back(t)}
        problems={problems}
        action={id ? `/personale/organisationer/${id}` : '/personale/organisationer/ny'}
      >
        <TextField name="name" label={t('orgs.col.name')} value={values.name ?? ''} {...f} />
        <TextField
          name="description"
          label={t('offerForm.description')}
          value={values.description ?? ''}
          multiline
          {...f}
        />
        <Select
          name="kind"
          label={t('orgs.col.kind')}
          value={values.kind ?? ''}
          options={[
            { value: '', label: t('offerForm.choose') },
            ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
          ]}
          {...f}
        />
        <TextField
          name="email"
          label={t('offerForm.contactEmail')}
          value={values.email ?? ''}
          type="email"
          {...f}
        />
        <TextField
          name="phone"
          label={t('offerForm.contactPhone')}
          value={values.phone ?? ''}
          type="tel"
          {...f}
        />
        <TextField
          name="website"
          label={t('offerForm.url')}
          value={values.website ?? ''}
          type="url"
          {...f}
        />
        <Select
          name="status"
          label={t('offerForm.status')}
          value={values.status ?? 'active'}
          options={[
            { value: 'active', label: t('orgForm.active') },
            { value: 'retired', label: t('status.retired') },
          ]}
          {...f}
        />
        <SubmitButton>{t('offerForm.save')}</SubmitButton>
      </FormPage>,
      { status: problems.length ? 400 : 200, personal: true },
    );
  }

  async function loadOrg(req: FastifyRequest<IdParams>): Promise<Organization> {
    if (!isUuid(req.params.id))
      throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such organisation');
    const org = await inTenant(db, req.tenant.kommune, (tx) =>
      one<Organization>(
        tx,
        'select id, kommune, name, description, kind, email, phone, website, status from organization where id = $1 and kommune = $2',
        [req.params.id, req.tenant.kommune],
      ),
    );
    if (!org) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such organisation');
    allowed(req, org.id);
    return org;
  }

  app.get('/personale/organisationer/ny', { preHandler: requireRole('admin') }, (req, reply) =>
    orgPage(req, reply, null, { status: 'active' }, []),
  );

  app.post<{ Body: Body }>(
    '/personale/organisationer/ny',
    { preHandler: requireRole('admin') },
    async (req, reply) => {
      const { values, input, problems } = readOrganizationForm(req.body);
      if (!input) return orgPage(req, reply, null, values, problems);
      const id = await inTenant(db, req.tenant.kommune, async (tx) => {
        const row = await one<{ id: string }>(
          tx,
          `insert into organization (kommune, name, description, kind, email, phone, website, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
          [
            req.tenant.kommune,
            input.name,
            input.description,
            input.kind,
            input.email,
            input.phone,
            input.website,
            input.status,
          ],
        );
        await audit(tx, actorOf(req), {
          action: 'create',
          entity: 'organization',
          entityId: row!.id,
        });
        return row!.id;
      });
      return reply.redirect(`/personale/organisationer/${id}`, 303);
    },
  );

  app.get<IdParams>(
    '/personale/organisationer/:id',
    { preHandler: managers },
    async (req, reply) => {
      const org = await loadOrg(req);
      return orgPage(
        req,
        reply,
        org.id,
        { ...org, email: org.email ?? '', phone: org.phone ?? '', website: org.website ?? '' },
        [],
      );
    },
  );

  app.post<IdParams & { Body: Body }>(
    '/personale/organisationer/:id',
    { preHandler: managers },
    async (req, reply) => {
      const org = await loadOrg(req);
      const { values, input, problems } = readOrganizationForm(req.body);
      if (!input) return orgPage(req, reply, org.id, values, problems);
      await inTenant(db, req.tenant.kommune, async (tx) => {
        await tx.query(
          `update organization set name = $2, description = $3, kind = $4, email = $5, phone = $6, website = $7, status = $8,
                updated_at = now() where id = $1`,
          [
            org.id,
            input.name,
            input.description,
            input.kind,
            input.email,
            input.phone,
            input.website,
            input.status,
          ],
        );
        await audit(tx, actorOf(req), {
          action: 'update',
          entity: 'organization',
          entityId: org.id,
        });
      });
      return reply.redirect('/personale/organisationer', 303);
    },
  );

  async function organizationsFor(req: FastifyRequest) {
    const scope = scopeOf(req);
    return (
      await inTenant(db, req.tenant.kommune, (tx) => listOrganizations(tx, req.tenant.kommune))
    ).filter((o) => !scope || o.id === scope);
  }

  async function placePage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: Record<string, string>,
    problems: FieldProblem[],
  ) {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    const orgs = await organizationsFor(req);
    const title = id ? t('places.editTitle', { name: values.name ?? '' }) : t('places.new');
    const f = { problems, t };
    return sendPage(
      reply,
      <FormPage
        ctx={ctx}
        title={title}
        area="staff"
        back={back(t)}
        problems={problems}
        action={id ? `/personale/steder/${id}` : '/personale/steder/ny'}
      >
        <Select
          name="organization_id"
          label={t('offerForm.organization')}
          value={values.organization_id ?? ''}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          {...f}
        />
        <TextField name="name" label={t('places.name')} value={values.name ?? ''} {...f} />
        <TextField
          name="address_1"
          label={t('places.address')}
          value={values.address_1 ?? ''}
          autocomplete="street-address"
          {...f}
        />
        <TextField
          name="postal_code"
          label={t('finder.postnummer')}
          value={values.postal_code ?? ''}
          inputmode="numeric"
          width="s"
          {...f}
        />
        <TextField name="city" label={t('places.city')} value={values.city ?? ''} {...f} />
        <TextField
          name="latitude"
          label={t('places.latitude')}
          hint={t('places.coordinatesHint')}
          value={values.latitude ?? ''}
          width="m"
          {...f}
        />
        <TextField
          name="longitude"
          label={t('places.longitude')}
          value={values.longitude ?? ''}
          width="m"
          {...f}
        />
        <Checkbox
          name="wheelchair_accessible"
          label={t('flag.wheelchair_accessible')}
          checked={values.wheelchair_accessible === 'ja'}
          {...f}
        />
        <TextField
          name="accessibility_note"
          label={t('places.accessibilityNote')}
          value={values.accessibility_note ?? ''}
          {...f}
        />
        <TextField
          name="transport_note"
          label={t('places.transportNote')}
          hint={t('places.transportHint')}
          value={values.transport_note ?? ''}
          {...f}
        />
        <SubmitButton>{t('offerForm.save')}</SubmitButton>
      </FormPage>,
      { status: problems.length ? 400 : 200, personal: true },
    );
  }

  /** Fills missing coordinates: the address service where enabled, else the postcode centroid. */
  async function place(input: ReturnType<typeof readLocationForm>['input'] & object) {
    if (input.latitude !== null && input.longitude !== null) return input;
    const found =
      (await geocoder.address(`${input.address_1}, ${input.postal_code} ${input.city}`)) ??
      (await geocoder.postcode(input.postal_code));
    return found ? { ...input, latitude: found.latitude, longitude: found.longitude } : input;
  }

  async function saveLocation(req: FastifyRequest, reply: FastifyReply, id: string | null) {
    const { values, input, problems } = readLocationForm(req.body as Body);
    const orgs = await organizationsFor(req);
    if (input && !orgs.some((o) => o.id === input.organization_id))
      problems.push({ path: 'organization_id', message: 'offerForm.error.organization' });
    if (!input || problems.length) return placePage(req, reply, id, values, problems);
    const l = await place(input);
    await inTenant(db, req.tenant.kommune, async (tx) => {
      const params = [
        l.organization_id,
        l.name,
        l.address_1,
        l.postal_code,
        l.city,
        l.latitude,
        l.longitude,
        l.wheelchair_accessible,
        l.accessibility_note,
        l.transport_note,
      ];
      if (id) {
        await tx.query(
          `update location set organization_id = $2, name = $3, address_1 = $4, postal_code = $5, city = $6, latitude = $7, longitude = $8,
                  wheelchair_accessible = $9, accessibility_note = $10, transport_note = $11, updated_at = now() where id = $1`,
          [id, ...params],
        );
        await audit(tx, actorOf(req), { action: 'update', entity: 'location', entityId: id });
      } else {
        const row = await one<{ id: string }>(
          tx,
          `insert into location (kommune, organization_id, name, address_1, postal_code, city, latitude, longitude,
                                 wheelchair_accessible, accessibility_note, transport_note)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
          [req.tenant.kommune, ...params],
        );
        await audit(tx, actorOf(req), { action: 'create', entity: 'location', entityId: row!.id });
      }
    });
    return reply.redirect('/personale/organisationer', 303);
  }

  async function loadPlace(req: FastifyRequest<IdParams>): Promise<Location> {
    if (!isUuid(req.params.id)) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such place');
    const [l] = (
      await inTenant(db, req.tenant.kommune, (tx) => listLocations(tx, req.tenant.kommune, null))
    ).filter((x) => x.id === req.params.id);
    if (!l) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such place');
    allowed(req, l.organization_id);
    return l;
  }

  app.get('/personale/steder/ny', { preHandler: managers }, (req, reply) =>
    placePage(req, reply, null, {}, []),
  );
  app.post('/personale/steder/ny', { preHandler: managers }, (req, reply) =>
    saveLocation(req, reply, null),
  );
  app.get<IdParams>('/personale/steder/:id', { preHandler: managers }, async (req, reply) => {
    const l = await loadPlace(req);
    return placePage(
      req,
      reply,
      l.id,
      {
        ...l,
        latitude: l.latitude === null ? '' : String(l.latitude),
        longitude: l.longitude === null ? '' : String(l.longitude),
        wheelchair_accessible: l.wheelchair_accessible ? 'ja' : '',
      },
      [],
    );
  });
  app.post<IdParams>('/personale/steder/:id', { preHandler: managers }, async (req, reply) => {
    const l = await loadPlace(req);
    return saveLocation(req, reply, l.id);
  });
};
