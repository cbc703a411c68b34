/**
 * The use cases of the public HSDS API: load a page or a record through the store (published
 * offers only: no tenant, row-level security as the application role) and map it to HSDS.
 * Pages carry the standard's envelope: total_items, total_pages, page_number, size,
 * first_page, last_page, empty, contents (plus per_page).
 */
import type { Queryable } from '../../db/db.ts';
import { LighedError } from '../../platform/errors.ts';
import {
  toHsdsOrganization,
  toHsdsService,
  toHsdsServiceAtLocation,
  toHsdsServiceAtLocationFull,
  toHsdsServiceAtLocationListItem,
  toHsdsServiceListItem,
} from './export.ts';
import { scalars } from './fields.ts';
import type { OrganizationQuery, ServiceAtLocationQuery, ServiceQuery } from './hsds.query.ts';
import {
  loadOrganization,
  loadOrganizationLocations,
  loadOrganizations,
  loadService,
  loadServiceAtLocation,
  loadServiceAtLocations,
  loadServices,
  type HsdsServiceQuery,
} from './hsds.store.ts';
import { HSDS_OPENAPI_URL, HSDS_PROFILE_URL, HSDS_VERSION } from './types.ts';

/** `GET /api/hsds/`: the API's metadata. */
export const hsdsMeta = () => ({
  version: HSDS_VERSION,
  profile: HSDS_PROFILE_URL,
  openapi_url: HSDS_OPENAPI_URL,
});

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

/** The query's paging and filters as the store takes them. */
const serviceFilter = (q: ServiceQuery): HsdsServiceQuery => ({
  page: q.page,
  perPage: q.per_page,
  kommune: q.kommune,
  search: q.search || undefined,
  taxonomyTermId: q.taxonomy_term_id,
  taxonomyId: q.taxonomy_id,
  organizationId: q.organization_id,
  modifiedAfter: q.modified_after,
});

const notFound = (what: string) => new LighedError('LIGHED_ERR_NOT_FOUND', `${what} not found`);

/** A page of services: list items, fully nested (`full`) or only id + last_modified (`minimal`). */
export async function listServices(db: Queryable, q: ServiceQuery) {
  const { items, total } = await loadServices(db, serviceFilter(q));
  const contents: unknown[] = q.minimal
    ? items.map((d) => ({
        id: d.id,
        last_modified: (d.last_modified ?? d.updated_at).toISOString(),
      }))
    : q.full
      ? items.map(toHsdsService)
      : items.map(toHsdsServiceListItem);
  return envelope(contents, total, q.page, q.per_page);
}

/** One fully nested published service. */
export async function getService(db: Queryable, id: string) {
  const detail = await loadService(db, id);
  if (!detail) throw notFound('Service');
  return toHsdsService(detail);
}

/** A page of organizations, with their locations when `full`. */
export async function listOrganizations(db: Queryable, q: OrganizationQuery) {
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
  return envelope(contents, total, q.page, q.per_page);
}

/** An organization with its locations and services (nested when `full_service`). */
export async function getOrganization(db: Queryable, id: string, q: OrganizationQuery) {
  const found = await loadOrganization(db, id);
  if (!found) throw notFound('Organization');
  return {
    ...toHsdsOrganization(found.organization, { locations: found.locations }),
    services: found.services.map((s) =>
      q.full_service ? toHsdsService(s) : toHsdsServiceListItem(s),
    ),
  };
}

/** A page of service_at_locations: list items, or with schedules and location when `full`. */
export async function listServiceAtLocations(db: Queryable, q: ServiceAtLocationQuery) {
  const { items, total } = await loadServiceAtLocations(db, {
    ...serviceFilter(q),
    postcode: q.postcode,
    proximity: q.proximity,
  });
  const contents: unknown[] = items.map((x) =>
    q.full
      ? toHsdsServiceAtLocation(x.service, x.location)
      : toHsdsServiceAtLocationListItem(x.service, x.location),
  );
  return envelope(contents, total, q.page, q.per_page);
}

/** One service_at_location with its location and its service. */
export async function getServiceAtLocation(db: Queryable, id: string) {
  const found = await loadServiceAtLocation(db, id);
  if (!found) throw notFound('Service at location');
  return toHsdsServiceAtLocationFull(found.service, found.location);
}
