/**
 * SQL for the HSDS export and the public API (the import's is in import.store.ts). Reads for the
 * public API run as the application role without a tenant, so row-level security shows
 * published offers only; every query also says so itself.
 */
import type { Queryable } from '../../db/db.ts';
import { FLAGS, type Location, type Offer, type Organization, type Schedule } from '../offer.ts';
import { offerColumns } from '../offer.store.ts';
import { isUuid } from '../../platform/ids.ts';
import type { HsdsServiceDetail } from './export.ts';
import { lighedTaxonomyById, lighedTermById, type LighedTaxonomy } from './taxonomies.ts';

export interface HsdsServiceQuery {
  page: number;
  perPage: number;
  kommune?: string | undefined;
  search?: string | undefined;
  taxonomyTermId?: string | undefined;
  taxonomyId?: string | undefined;
  organizationId?: string | undefined;
  modifiedAfter?: Date | undefined;
  /** Drafts and retired offers too: for an export inside inTenant (RLS hides other tenants' drafts). */
  includeUnpublished?: boolean | undefined;
}

export interface HsdsServiceAtLocationQuery extends HsdsServiceQuery {
  /** Locations with this postal code; with `proximity`, within that many metres of its centre. */
  postcode?: string | undefined;
  proximity?: number | undefined;
}

export interface HsdsOrganizationQuery {
  page: number;
  perPage: number;
  kommune?: string | undefined;
  search?: string | undefined;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

const organizationColumns =
  'org.id, org.kommune, org.name, org.description, org.kind, org.email, org.phone, org.website, org.status';

const locationColumns = `l.id, l.kommune, l.organization_id, l.name, l.description, l.address_1, l.postal_code, l.city,
  l.latitude, l.longitude, l.wheelchair_accessible, l.accessibility_note, l.transport_note`;

const scheduleColumns = `s.id, s.location_id, s.weekday, to_char(s.starts_at, 'HH24:MI') as starts_at,
  to_char(s.ends_at, 'HH24:MI') as ends_at, s.interval_weeks, to_char(s.valid_from, 'YYYY-MM-DD') as valid_from,
  to_char(s.valid_to, 'YYYY-MM-DD') as valid_to, s.note`;

/** HSDS last_modified: "when the service, or any related information about the service, has changed". */
const lastModified = `greatest(o.updated_at, org.updated_at,
  (select max(l2.updated_at) from offer_location ol2 join location l2 on l2.id = ol2.location_id where ol2.offer_id = o.id))`;

type Params = { list: unknown[]; p: (v: unknown) => string };
const params = (): Params => {
  const list: unknown[] = [];
  return {
    list,
    p: (v) => {
      list.push(v);
      return `$${list.length}`;
    },
  };
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function termCondition(taxonomy: LighedTaxonomy, code: string, p: Params['p']): string {
  switch (taxonomy) {
    case 'lighed-arena':
      return `o.arena = ${p(code)}`;
    case 'lighed-offer-type':
      return `o.offer_type = ${p(code)}`;
    case 'lighed-mode':
      return `o.mode = ${p(code)}`;
    case 'lighed-topic':
      return `${p(code)} = any(o.topics)`;
    case 'lighed-life-phase':
      return `${p(code)} = any(o.life_phases)`;
    case 'lighed-recommendation':
      return `${p(code)} = any(o.recommendations)`;
    case 'lighed-flag':
      // The code is one of FLAGS (a column name), checked by the term index.
      return (FLAGS as readonly string[]).includes(code) ? `o.${code}` : 'false';
    case 'lighed-organization-kind':
      return `org.kind = ${p(code)}`;
    case 'lighed-translation':
      return `jsonb_exists(o.translations, ${p(code)})`;
    case 'lighed-text':
      return `o.summary <> ''`;
  }
}

function taxonomyCondition(taxonomy: LighedTaxonomy): string {
  switch (taxonomy) {
    case 'lighed-arena':
    case 'lighed-offer-type':
    case 'lighed-mode':
    case 'lighed-organization-kind':
      return 'true';
    case 'lighed-topic':
      return 'cardinality(o.topics) > 0';
    case 'lighed-life-phase':
      return 'cardinality(o.life_phases) > 0';
    case 'lighed-recommendation':
      return 'cardinality(o.recommendations) > 0';
    case 'lighed-flag':
      return `(${FLAGS.map((f) => `o.${f}`).join(' or ')})`;
    case 'lighed-translation':
      return `o.translations <> '{}'::jsonb`;
    case 'lighed-text':
      return `o.summary <> ''`;
  }
}

/** The where-clause shared by services and service_at_locations (tables `o` and `org`). */
function serviceWhere(query: HsdsServiceQuery, p: Params['p']): string[] {
  const where: string[] = [];
  if (!query.includeUnpublished) where.push(`o.status = 'published'`);
  if (query.kommune) where.push(`o.kommune = ${p(query.kommune)}`);
  if (query.organizationId) where.push(`o.organization_id = ${p(query.organizationId)}::uuid`);
  if (query.modifiedAfter) where.push(`${lastModified} >= ${p(query.modifiedAfter)}::timestamptz`);
  if (query.search) {
    const s = p(query.search);
    const like = p(`%${escapeLike(query.search)}%`);
    where.push(`(o.search_da @@ websearch_to_tsquery('danish', ${s}) or o.search_other @@ websearch_to_tsquery('simple', ${s})
      or o.title ilike ${like} or org.name ilike ${like})`);
  }
  if (query.taxonomyTermId) {
    const term = lighedTermById(query.taxonomyTermId);
    where.push(term ? termCondition(term.taxonomy, term.code, p) : 'false');
  }
  if (query.taxonomyId) {
    const taxonomy = lighedTaxonomyById(query.taxonomyId);
    where.push(taxonomy ? taxonomyCondition(taxonomy) : 'false');
  }
  return where.length ? where : ['true'];
}

const offset = (page: number, perPage: number) => Math.max(0, (page - 1) * perPage);

/** One page of services (offers) with everything their HSDS form needs, and the total. */
export async function loadServices(
  q: Queryable,
  query: HsdsServiceQuery,
): Promise<Paged<HsdsServiceDetail>> {
  const { list, p } = params();
  const where = serviceWhere(query, p).join(' and ');
  const from = `from offer o join organization org on org.id = o.organization_id where ${where}`;
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n ${from}`, list);
  const rows = await q.query<{ id: string }>(
    `select o.id ${from} order by o.title, o.id limit ${p(query.perPage)} offset ${p(offset(query.page, query.perPage))}`,
    list,
  );
  return {
    items: await loadServiceDetails(
      q,
      rows.map((r) => r.id),
    ),
    total: count?.n ?? 0,
  };
}

/** A published service by id (or, with includeUnpublished inside inTenant, any of the tenant's). */
export async function loadService(
  q: Queryable,
  id: string,
  opts: { includeUnpublished?: boolean } = {},
): Promise<HsdsServiceDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await q.query<{ id: string }>(
    `select o.id from offer o where o.id = $1 ${opts.includeUnpublished ? '' : `and o.status = 'published'`}`,
    [id],
  );
  if (!rows[0]) return undefined;
  return (await loadServiceDetails(q, [id]))[0];
}

/** Offers by id, in the order given, with organisation, locations (+ service_at_location ids) and schedules. */
export async function loadServiceDetails(
  q: Queryable,
  ids: string[],
): Promise<HsdsServiceDetail[]> {
  if (ids.length === 0) return [];
  // One after another: a transaction is one connection (pg 9 drops queued concurrent queries).
  const offers = await q.query<Offer & { last_modified: Date }>(
    `select ${offerColumns}, ${lastModified} as last_modified
       from offer o join organization org on org.id = o.organization_id where o.id = any($1::uuid[])`,
    [ids],
  );
  const organizations = await q.query<Organization>(
    `select ${organizationColumns} from organization org
      where org.id in (select organization_id from offer where id = any($1::uuid[]))`,
    [ids],
  );
  const locations = await q.query<Location & { offer_id: string; sal_id: string }>(
    `select ol.offer_id, ol.id as sal_id, ${locationColumns}
       from offer_location ol join location l on l.id = ol.location_id
      where ol.offer_id = any($1::uuid[]) order by l.name, l.id`,
    [ids],
  );
  const schedules = await q.query<Schedule & { offer_id: string }>(
    `select s.offer_id, ${scheduleColumns} from schedule s where s.offer_id = any($1::uuid[])
      order by s.weekday, s.starts_at, s.id`,
    [ids],
  );
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const byId = new Map(offers.map((o) => [o.id, o]));
  const out: HsdsServiceDetail[] = [];
  for (const id of ids) {
    const offer = byId.get(id);
    const organization = offer ? orgById.get(offer.organization_id) : undefined;
    if (!offer || !organization) continue;
    const mine = locations.filter((l) => l.offer_id === id);
    out.push({
      ...offer,
      organization,
      locations: mine.map(({ offer_id: _o, sal_id: _s, ...l }) => l),
      service_at_location_ids: Object.fromEntries(mine.map((l) => [l.id, l.sal_id])),
      schedules: schedules.filter((s) => s.offer_id === id).map(({ offer_id: _o, ...s }) => s),
    });
  }
  return out;
}

/** One page of active organisations. */
export async function loadOrganizations(
  q: Queryable,
  query: HsdsOrganizationQuery,
): Promise<Paged<Organization>> {
  const { list, p } = params();
  const where = [`org.status = 'active'`];
  if (query.kommune) where.push(`org.kommune = ${p(query.kommune)}`);
  if (query.search) {
    const like = p(`%${escapeLike(query.search)}%`);
    where.push(`(org.name ilike ${like} or org.description ilike ${like})`);
  }
  const from = `from organization org where ${where.join(' and ')}`;
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n ${from}`, list);
  const items = await q.query<Organization>(
    `select ${organizationColumns} ${from} order by org.name, org.id limit ${p(query.perPage)} offset ${p(offset(query.page, query.perPage))}`,
    list,
  );
  return { items, total: count?.n ?? 0 };
}

/** The locations of several organisations, by organisation id. */
export async function loadOrganizationLocations(
  q: Queryable,
  organizationIds: string[],
): Promise<Map<string, Location[]>> {
  const rows = organizationIds.length
    ? await q.query<Location>(
        `select ${locationColumns} from location l where l.organization_id = any($1::uuid[]) order by l.name, l.id`,
        [organizationIds],
      )
    : [];
  const out = new Map<string, Location[]>(organizationIds.map((id) => [id, []]));
  for (const l of rows) out.get(l.organization_id)?.push(l);
  return out;
}

/** An organisation with its locations and its published services. */
export async function loadOrganization(
  q: Queryable,
  id: string,
): Promise<
  { organization: Organization; locations: Location[]; services: HsdsServiceDetail[] } | undefined
> {
  if (!isUuid(id)) return undefined;
  const [organization] = await q.query<Organization>(
    // A retired organisation is gone from the open data, contact details and all.
    `select ${organizationColumns} from organization org where org.id = $1 and org.status = 'active'`,
    [id],
  );
  if (!organization) return undefined;
  // One after another: a transaction is one connection (pg 9 drops queued concurrent queries).
  const locations = await q.query<Location>(
    `select ${locationColumns} from location l where l.organization_id = $1 order by l.name, l.id`,
    [id],
  );
  const services = await q.query<{ id: string }>(
    `select o.id from offer o where o.organization_id = $1 and o.status = 'published' order by o.title, o.id`,
    [id],
  );
  return {
    organization,
    locations,
    services: await loadServiceDetails(
      q,
      services.map((s) => s.id),
    ),
  };
}

export interface ServiceAtLocationDetail {
  id: string;
  service: HsdsServiceDetail;
  location: Location;
}

/** One page of service_at_locations of published services. */
export async function loadServiceAtLocations(
  q: Queryable,
  query: HsdsServiceAtLocationQuery,
): Promise<Paged<ServiceAtLocationDetail>> {
  const { list, p } = params();
  const where = serviceWhere(query, p);
  if (query.postcode && query.proximity !== undefined) {
    where.push(`exists (select 1 from postcode pc where pc.postnummer = ${p(query.postcode)} and l.latitude is not null
      and earth_distance(ll_to_earth(l.latitude, l.longitude), ll_to_earth(pc.latitude, pc.longitude)) <= ${p(query.proximity)})`);
  } else if (query.postcode) {
    where.push(`l.postal_code = ${p(query.postcode)}`);
  }
  const from = `from offer_location ol join offer o on o.id = ol.offer_id join organization org on org.id = o.organization_id
    join location l on l.id = ol.location_id where ${where.join(' and ')}`;
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n ${from}`, list);
  const rows = await q.query<{ id: string; offer_id: string; location_id: string }>(
    `select ol.id, ol.offer_id, ol.location_id ${from} order by o.title, l.name, ol.id
      limit ${p(query.perPage)} offset ${p(offset(query.page, query.perPage))}`,
    list,
  );
  return { items: await salDetails(q, rows), total: count?.n ?? 0 };
}

export async function loadServiceAtLocation(
  q: Queryable,
  id: string,
): Promise<ServiceAtLocationDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await q.query<{ id: string; offer_id: string; location_id: string }>(
    `select ol.id, ol.offer_id, ol.location_id from offer_location ol join offer o on o.id = ol.offer_id
      where ol.id = $1 and o.status = 'published'`,
    [id],
  );
  return (await salDetails(q, rows))[0];
}

async function salDetails(
  q: Queryable,
  rows: { id: string; offer_id: string; location_id: string }[],
): Promise<ServiceAtLocationDetail[]> {
  const services = new Map(
    (await loadServiceDetails(q, [...new Set(rows.map((r) => r.offer_id))])).map((s) => [s.id, s]),
  );
  return rows.flatMap((r) => {
    const service = services.get(r.offer_id);
    const location = service?.locations.find((l) => l.id === r.location_id);
    return service && location ? [{ id: r.id, service, location }] : [];
  });
}

/** Whether this installation serves municipality `kommune`. */
export async function tenantExists(q: Queryable, kommune: string): Promise<boolean> {
  const rows = await q.query('select 1 from tenant where kommune = $1', [kommune]);
  return rows.length > 0;
}
