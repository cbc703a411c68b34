/**
 * The public, read-only HSDS 3.0 API (the standard's openapi.json): published offers of every
 * municipality, optionally one (`?kommune=0265`). No cookies, no tenant: rows come through
 * row-level security as the application role, which sees published offers only.
 *
 *   GET /api/hsds/                            API metadata (version, profile, openapi_url)
 *   GET /api/hsds/services                    page of services (`full=true`: fully nested; `minimal=true`: id + last_modified)
 *   GET /api/hsds/services/:id                one fully nested service
 *   GET /api/hsds/organizations               page of organizations (`full=true`: with locations)
 *   GET /api/hsds/organizations/:id           organization with locations and services (`full_service=true`: nested)
 *   GET /api/hsds/service_at_locations        page of service_at_locations (`postcode`, `proximity` in metres)
 *   GET /api/hsds/service_at_locations/:id    one service_at_location with its location and service
 *
 * Pages carry the standard's envelope: total_items, total_pages, page_number, size,
 * first_page, last_page, empty, contents (plus per_page).
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { uuidSchema } from '../../platform/ids.ts';
import type { RouteDeps } from '../../platform/deps.ts';
import { LighedError, type FieldProblem } from '../../platform/errors.ts';
import {
  HSDS_OPENAPI_URL,
  HSDS_PROFILE_URL,
  HSDS_VERSION,
  scalars,
  toHsdsOrganization,
  toHsdsService,
  toHsdsServiceAtLocation,
  toHsdsServiceAtLocationFull,
  toHsdsServiceAtLocationListItem,
  toHsdsServiceListItem,
} from './hsds.ts';
import {
  loadOrganization,
  loadOrganizationLocations,
  loadOrganizations,
  loadService,
  loadServiceAtLocation,
  loadServiceAtLocations,
  loadServices,
} from './hsds.store.ts';

export const HSDS_DEFAULT_PER_PAGE = 50;
export const HSDS_MAX_PER_PAGE = 200;

const uuid = uuidSchema;
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
// A '+' in a query string arrives as a space: "2024-05-01T10:00:00 02:00" means +02:00.
const dateTime = z
  .string()
  .trim()
  .transform((v) => v.replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(v) &&
      !Number.isNaN(Date.parse(v)),
    {
      message: 'must be a date or date-time (ISO 8601), e.g. 2024-05-01T10:00:00Z',
    },
  )
  .transform((v) => new Date(v));

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(HSDS_MAX_PER_PAGE).default(HSDS_DEFAULT_PER_PAGE),
  search: z.string().trim().max(200).optional(),
  kommune: z
    .string()
    .regex(/^\d{4}$/, 'must be a kommunekode (four digits)')
    .optional(),
  format: z.literal('json', { message: 'only json is supported' }).optional(),
  full: bool.optional(),
});

const serviceQuery = pageQuery.extend({
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  organization_id: uuid.optional(),
  modified_after: dateTime.optional(),
  minimal: bool.optional(),
});

const salQuery = serviceQuery.extend({
  postcode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'must be a Danish postcode (four digits)')
    .optional(),
  proximity: z.coerce.number().min(0).max(1_000_000).optional(),
});

const organizationQuery = pageQuery.extend({ full_service: bool.optional() });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const problems: FieldProblem[] = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'query',
    message: i.message,
  }));
  throw new LighedError(
    'LIGHED_ERR_VALIDATION',
    `Invalid query: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    problems,
  );
}

function envelope<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    per_page: perPage,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const send = (reply: FastifyReply, body: unknown) =>
  reply
    .type('application/json; charset=utf-8')
    // Open data: any site may read it; there are no cookies or personal data here.
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'public, max-age=60')
    .send(body);

const notFound = (what: string) => new LighedError('LIGHED_ERR_NOT_FOUND', `${what} not found`);

export const hsdsRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  const meta = async (_req: unknown, reply: FastifyReply) =>
    send(reply, {
      version: HSDS_VERSION,
      profile: HSDS_PROFILE_URL,
      openapi_url: HSDS_OPENAPI_URL,
    });
  app.get('/api/hsds', meta);
  app.get('/api/hsds/', meta);

  app.get('/api/hsds/services', async (req, reply) => {
    const q = parse(serviceQuery, req.query);
    const { items, total } = await loadServices(db, {
      page: q.page,
      perPage: q.per_page,
      kommune: q.kommune,
      search: q.search || undefined,
      taxonomyTermId: q.taxonomy_term_id,
      taxonomyId: q.taxonomy_id,
      organizationId: q.organization_id,
      modifiedAfter: q.modified_after,
    });
    const contents: unknown[] = q.minimal
      ? items.map((d) => ({
          id: d.id,
          last_modified: (d.last_modified ?? d.updated_at).toISOString(),
        }))
      : q.full
        ? items.map(toHsdsService)
        : items.map(toHsdsServiceListItem);
    return send(reply, envelope(contents, total, q.page, q.per_page));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/services/:id', async (req, reply) => {
    const detail = await loadService(db, req.params.id);
    if (!detail) throw notFound('Service');
    return send(reply, toHsdsService(detail));
  });

  app.get('/api/hsds/organizations', async (req, reply) => {
    const q = parse(organizationQuery, req.query);
    const { items, total } = await loadOrganizations(db, {
      page: q.page,
      perPage: q.per_page,
      kommune: q.kommune,
      search: q.search || undefined,
    });
    let contents: unknown[];
    if (q.full) {
      const locations = await loadOrganizationLocations(
        db,
        items.map((o) => o.id),
      );
      contents = items.map((o) => toHsdsOrganization(o, { locations: locations.get(o.id) ?? [] }));
    } else {
      contents = items.map((o) => scalars(toHsdsOrganization(o)));
    }
    return send(reply, envelope(contents, total, q.page, q.per_page));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/organizations/:id', async (req, reply) => {
    const q = parse(organizationQuery, req.query);
    const found = await loadOrganization(db, req.params.id);
    if (!found) throw notFound('Organization');
    return send(reply, {
      ...toHsdsOrganization(found.organization, { locations: found.locations }),
      services: found.services.map((s) =>
        q.full_service ? toHsdsService(s) : toHsdsServiceListItem(s),
      ),
    });
  });

  app.get('/api/hsds/service_at_locations', async (req, reply) => {
    const q = parse(salQuery, req.query);
    if (q.proximity !== undefined && !q.postcode) {
      throw new LighedError('LIGHED_ERR_VALIDATION', 'Invalid query: proximity needs a postcode', [
        { path: 'proximity', message: 'needs a postcode' },
      ]);
    }
    const { items, total } = await loadServiceAtLocations(db, {
      page: q.page,
      perPage: q.per_page,
      kommune: q.kommune,
      search: q.search || undefined,
      taxonomyTermId: q.taxonomy_term_id,
      taxonomyId: q.taxonomy_id,
      organizationId: q.organization_id,
      modifiedAfter: q.modified_after,
      postcode: q.postcode,
      proximity: q.proximity,
    });
    const contents: unknown[] = items.map((x) =>
      q.full
        ? toHsdsServiceAtLocation(x.service, x.location)
        : toHsdsServiceAtLocationListItem(x.service, x.location),
    );
    return send(reply, envelope(contents, total, q.page, q.per_page));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/service_at_locations/:id', async (req, reply) => {
    const found = await loadServiceAtLocation(db, req.params.id);
    if (!found) throw notFound('Service at location');
    return send(reply, toHsdsServiceAtLocationFull(found.service, found.location));
  });
};
