/**
 * SQL for the catalog. Rows are mapped to records explicitly, so a new column never leaks
 * into a page or the API by accident.
 */
import { isUuid } from '../platform/ids.ts';
import { one, type Queryable } from '../db/db.ts';
import { PAGE_SIZE, toPrefixQuery, type FinderQuery } from './finder.ts';
import type { Location, Offer, OfferDetail, Organization, Schedule } from './offer.ts';

export interface FinderHit {
  id: string;
  kommune: string;
  title: string;
  summary: string;
  translations: Offer['translations'];
  languages: string[];
  mode: Offer['mode'];
  free: boolean;
  price_dkk: number | null;
  interpreter_available: boolean;
  children_welcome: boolean;
  wheelchair_accessible: boolean;
  organization_name: string;
  location_name: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
  /** Metres from the searched place; null without a place or for online-only offers. */
  meters: number | null;
  schedules: Schedule[];
}

export interface FinderResult {
  hits: FinderHit[];
  total: number;
  /** True when no exact word match was found and similar spellings were used. */
  fuzzy: boolean;
}

/** Every column of an Offer, named; shared by the stores that read whole offers. */
export const offerColumns = `o.id, o.kommune, o.organization_id, o.title, o.summary, o.description, o.how_to_join,
  o.arena, o.offer_type, o.topics, o.life_phases, o.languages, o.mode, o.interpreter_available, o.free,
  o.price_dkk::float8 as price_dkk, o.price_note, o.children_welcome, o.childcare, o.wheelchair_accessible,
  o.welcomes_newcomers, o.transport_help, o.min_age, o.max_age, o.recommendations, o.target_groups,
  o.contact_name, o.contact_phone, o.contact_email, o.url, o.status, o.translations, o.last_confirmed_at,
  o.demo, o.created_at, o.updated_at`;

const scheduleColumns = `s.id, s.location_id, s.weekday, to_char(s.starts_at, 'HH24:MI') as starts_at,
  to_char(s.ends_at, 'HH24:MI') as ends_at, s.interval_weeks, to_char(s.valid_from, 'YYYY-MM-DD') as valid_from,
  to_char(s.valid_to, 'YYYY-MM-DD') as valid_to, s.note`;

/**
 * One finder search. With a place, in-person offers within `km` across all municipalities
 * (citizens near a border see both sides) plus online offers of this municipality; without a
 * place, this municipality's offers. Words match Danish stems by prefix, and translations;
 * if nothing matches, similar spellings are tried (typo tolerance).
 */
export async function searchOffers(
  q: Queryable,
  kommune: string,
  query: FinderQuery,
  origin: { latitude: number; longitude: number } | null,
): Promise<FinderResult> {
  const exact = await runSearch(q, kommune, query, origin, false);
  if (exact.total > 0 || !query.q || (await wordsMatchAnything(q, query.q)))
    return { ...exact, fuzzy: false };
  const fuzzy = await runSearch(q, kommune, query, origin, true);
  return { ...fuzzy, fuzzy: fuzzy.total > 0 };
}

/** True when the words are spelt as some published offer has them: then the filters or the
 *  distance emptied the list, and a fuzzy retry (a full scan) would find nothing better. */
async function wordsMatchAnything(q: Queryable, text: string): Promise<boolean> {
  const prefix = toPrefixQuery(text);
  if (!prefix) return false;
  const [row] = await q.query<{ found: boolean }>(
    `select exists (select 1 from published_offer o
       where o.search_da @@ to_tsquery('danish', $1) or o.search_other @@ to_tsquery('simple', $1)) as found`,
    [prefix],
  );
  return row?.found ?? false;
}

async function runSearch(
  q: Queryable,
  kommune: string,
  query: FinderQuery,
  origin: { latitude: number; longitude: number } | null,
  fuzzy: boolean,
): Promise<Omit<FinderResult, 'fuzzy'>> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // published_offer: public rows, read past the tenant policy so the indexes work (0002).
  const where: string[] = ['true'];
  let rank = '0';
  const prefix = toPrefixQuery(query.q);
  if (prefix && !fuzzy) {
    const tq = p(prefix);
    where.push(
      `(o.search_da @@ to_tsquery('danish', ${tq}) or o.search_other @@ to_tsquery('simple', ${tq}))`,
    );
    rank = `(ts_rank(o.search_da, to_tsquery('danish', ${tq})) + ts_rank(o.search_other, to_tsquery('simple', ${tq})))`;
  } else if (prefix && fuzzy) {
    // similarity() rather than the % operator: % hung PGlite with cube loaded (ARCHITECTURE.md).
    const text = p(query.q.toLowerCase());
    where.push(
      `(word_similarity(${text}, lower(o.title)) >= 0.45 or similarity(lower(o.title), ${text}) >= 0.3)`,
    );
    rank = `word_similarity(${text}, lower(o.title))`;
  }
  if (query.topics.length) where.push(`o.topics && ${p(query.topics)}::text[]`);
  if (query.language) where.push(`${p(query.language)} = any(o.languages)`);
  if (query.interpreter) where.push('o.interpreter_available');
  if (query.free) where.push('o.free');
  if (query.children) where.push('o.children_welcome');
  if (query.wheelchair) where.push('o.wheelchair_accessible');
  if (query.mode === 'in_person') where.push(`o.mode in ('in_person', 'both')`);
  if (query.mode === 'online') where.push(`o.mode in ('online', 'both')`);
  if (query.days.length || query.time) {
    const cond: string[] = [];
    if (query.days.length) cond.push(`s.weekday = any(${p(query.days)}::int[])`);
    if (query.time === 'morgen') cond.push(`s.starts_at < '12:00'`);
    if (query.time === 'eftermiddag') cond.push(`s.starts_at >= '12:00' and s.starts_at < '17:00'`);
    if (query.time === 'aften') cond.push(`s.starts_at >= '17:00'`);
    where.push(
      `exists (select 1 from schedule s where s.offer_id = o.id and ${cond.join(' and ')})`,
    );
  }

  let near = 'null::uuid as location_id, null::float8 as meters';
  let nearWith = '';
  let nearJoin = '';
  let order = rank === '0' ? 'o.title' : `${rank} desc, o.title`;
  const k = p(kommune);
  if (origin) {
    const lat = p(origin.latitude);
    const lon = p(origin.longitude);
    const radius = p(query.km * 1000);
    // Places first: earth_box finds candidates through the GiST index on location, so the
    // work is bounded by the places within reach, not by the number of offers; earth_distance
    // then trims to the circle, and each offer keeps its nearest place.
    nearWith = `with near as (
        select distinct on (ol.offer_id) ol.offer_id, l.id as location_id,
               earth_distance(ll_to_earth(l.latitude, l.longitude), ll_to_earth(${lat}, ${lon})) as meters
          from location l join offer_location ol on ol.location_id = l.id
         where earth_box(ll_to_earth(${lat}, ${lon}), ${radius}) @> ll_to_earth(l.latitude, l.longitude)
           and earth_distance(ll_to_earth(l.latitude, l.longitude), ll_to_earth(${lat}, ${lon})) <= ${radius}
         order by ol.offer_id, 3)`;
    nearJoin = 'left join near on near.offer_id = o.id';
    near = 'near.location_id, near.meters';
    where.push(`((near.offer_id is not null and o.mode <> 'online')
                 or (o.mode in ('online', 'both') and o.kommune = ${k} and ${query.mode === 'in_person' ? 'false' : 'true'}))`);
    order = prefix
      ? `${rank} * exp(-coalesce(near.meters, 5000) / 10000.0) desc, near.meters nulls last, o.title`
      : 'near.meters nulls last, o.title';
  } else {
    where.push(`o.kommune = ${k}`);
  }
  const limit = p(PAGE_SIZE);
  const offset = p((query.page - 1) * PAGE_SIZE);
  const rows = await q.query<
    Omit<FinderHit, 'schedules'> & { location_id: string | null; total: number }
  >(
    `${nearWith}
     select o.id, o.kommune, o.title, o.summary, o.translations, o.languages, o.mode, o.free,
            o.price_dkk::float8 as price_dkk, o.interpreter_available, o.children_welcome, o.wheelchair_accessible,
            org.name as organization_name, ${near}, count(*) over ()::int as total
       from published_offer o
       join organization org on org.id = o.organization_id
       ${nearJoin}
      where ${where.join(' and ')}
      order by ${order}
      limit ${limit} offset ${offset}`,
    params,
  );
  const ids = rows.map((r) => r.id);
  const [places, schedules] = await Promise.all([
    placesFor(q, rows),
    ids.length ? schedulesFor(q, ids) : Promise.resolve(new Map<string, Schedule[]>()),
  ]);
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map((r) => {
      const place = r.location_id ? places.get(r.location_id) : places.get(`first:${r.id}`);
      return {
        id: r.id,
        kommune: r.kommune,
        title: r.title,
        summary: r.summary,
        translations: r.translations,
        languages: r.languages,
        mode: r.mode,
        free: r.free,
        price_dkk: r.price_dkk,
        interpreter_available: r.interpreter_available,
        children_welcome: r.children_welcome,
        wheelchair_accessible: r.wheelchair_accessible,
        organization_name: r.organization_name,
        location_name: place?.name ?? null,
        address_1: place?.address_1 ?? null,
        postal_code: place?.postal_code ?? null,
        city: place?.city ?? null,
        meters: r.meters === null ? null : Math.round(r.meters),
        schedules: schedules.get(r.id) ?? [],
      };
    }),
  };
}

type Place = Pick<Location, 'name' | 'address_1' | 'postal_code' | 'city'>;

/** The nearest location of each hit, or its first location when no place was searched. */
async function placesFor(
  q: Queryable,
  rows: { id: string; location_id: string | null }[],
): Promise<Map<string, Place>> {
  const map = new Map<string, Place>();
  if (rows.length === 0) return map;
  const byLocation = rows.filter((r) => r.location_id).map((r) => r.location_id);
  const withoutLocation = rows.filter((r) => !r.location_id).map((r) => r.id);
  if (byLocation.length) {
    const found = await q.query<Place & { id: string }>(
      'select id, name, address_1, postal_code, city from location where id = any($1::uuid[])',
      [byLocation],
    );
    for (const l of found) map.set(l.id, l);
  }
  if (withoutLocation.length) {
    const found = await q.query<Place & { offer_id: string }>(
      `select distinct on (ol.offer_id) ol.offer_id, l.name, l.address_1, l.postal_code, l.city
         from offer_location ol join location l on l.id = ol.location_id
        where ol.offer_id = any($1::uuid[]) order by ol.offer_id, l.name`,
      [withoutLocation],
    );
    for (const l of found) map.set(`first:${l.offer_id}`, l);
  }
  return map;
}

export async function schedulesFor(
  q: Queryable,
  offerIds: string[],
): Promise<Map<string, Schedule[]>> {
  const rows = await q.query<Schedule & { offer_id: string }>(
    `select s.offer_id, ${scheduleColumns} from schedule s where s.offer_id = any($1::uuid[])
      order by s.weekday, s.starts_at`,
    [offerIds],
  );
  const map = new Map<string, Schedule[]>();
  for (const { offer_id, ...s } of rows) map.set(offer_id, [...(map.get(offer_id) ?? []), s]);
  return map;
}

/** An offer with its organisation, locations and schedules; drafts only within the tenant (RLS). */
export async function getOfferDetail(q: Queryable, id: string): Promise<OfferDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const offer = await one<Offer>(q, `select ${offerColumns} from offer o where o.id = $1`, [id]);
  if (!offer) return undefined;
  // One after another: callers pass a transaction, which is one connection.
  const organization = await one<Organization>(
    q,
    'select id, kommune, name, description, kind, email, phone, website, status from organization where id = $1',
    [offer.organization_id],
  );
  const locations = await q.query<Location>(
    `select l.id, l.kommune, l.organization_id, l.name, l.description, l.address_1, l.postal_code, l.city,
            l.latitude, l.longitude, l.wheelchair_accessible, l.accessibility_note, l.transport_note
       from offer_location ol join location l on l.id = ol.location_id where ol.offer_id = $1 order by l.name`,
    [id],
  );
  const schedules = await q.query<Schedule>(
    `select ${scheduleColumns} from schedule s where s.offer_id = $1 order by s.weekday, s.starts_at`,
    [id],
  );
  if (!organization) return undefined;
  return { ...offer, organization, locations, schedules };
}

/** An offer as the staff's list shows it. */
export type StaffOfferRow = Pick<
  Offer,
  'id' | 'title' | 'status' | 'updated_at' | 'last_confirmed_at'
> & { organization_name: string };

/** Offers a staff member may manage: a provider only its organisation's, others the tenant's. */
export async function listOffersForStaff(
  q: Queryable,
  kommune: string,
  organizationId: string | null,
): Promise<StaffOfferRow[]> {
  return q.query(
    `select o.id, o.title, o.status, o.updated_at, o.last_confirmed_at, org.name as organization_name
       from offer o join organization org on org.id = o.organization_id
      where o.kommune = $1 and ($2::uuid is null or o.organization_id = $2)
      order by o.status = 'retired', o.title`,
    [kommune, organizationId],
  );
}

/** The editable part of an offer, as the staff form and the demo seed write it. */
export type OfferInput = Omit<
  Offer,
  'id' | 'kommune' | 'status' | 'last_confirmed_at' | 'demo' | 'created_at' | 'updated_at'
> & { location_ids: string[]; schedules: Schedule[] };

const writableColumns = [
  'organization_id',
  'title',
  'summary',
  'description',
  'how_to_join',
  'arena',
  'offer_type',
  'topics',
  'life_phases',
  'languages',
  'mode',
  'interpreter_available',
  'free',
  'price_dkk',
  'price_note',
  'children_welcome',
  'childcare',
  'wheelchair_accessible',
  'welcomes_newcomers',
  'transport_help',
  'min_age',
  'max_age',
  'recommendations',
  'target_groups',
  'contact_name',
  'contact_phone',
  'contact_email',
  'url',
  'translations',
] as const;

/** Creates or updates an offer with its locations and schedules. Call inside inTenant(). */
export async function saveOffer(
  q: Queryable,
  kommune: string,
  input: OfferInput,
  opts: { id?: string; status?: Offer['status']; demo?: boolean } = {},
): Promise<string> {
  const values = writableColumns.map((c) =>
    c === 'translations' ? JSON.stringify(input[c]) : input[c],
  );
  let id = opts.id;
  if (id) {
    const sets = writableColumns.map((c, i) => `${c} = $${i + 2}`).join(', ');
    const row = await one<{ id: string }>(
      q,
      `update offer set ${sets}, updated_at = now(), last_confirmed_at = now()
        where id = $1 returning id`,
      [id, ...values],
    );
    if (!row) throw new Error('offer not found in this municipality');
  } else {
    const cols = ['kommune', 'status', 'demo', ...writableColumns];
    const row = await one<{ id: string }>(
      q,
      `insert into offer (${cols.join(', ')}, last_confirmed_at)
       values (${cols.map((_, i) => `$${i + 1}`).join(', ')}, now()) returning id`,
      [kommune, opts.status ?? 'draft', opts.demo ?? false, ...values],
    );
    id = row!.id;
  }
  await q.query('delete from offer_location where offer_id = $1', [id]);
  for (const locationId of input.location_ids) {
    await q.query(
      'insert into offer_location (kommune, offer_id, location_id) values ($1, $2, $3)',
      [kommune, id, locationId],
    );
  }
  await q.query('delete from schedule where offer_id = $1', [id]);
  for (const s of input.schedules) {
    await q.query(
      `insert into schedule (kommune, offer_id, location_id, weekday, starts_at, ends_at, interval_weeks, valid_from, valid_to, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        kommune,
        id,
        s.location_id ?? null,
        s.weekday,
        s.starts_at,
        s.ends_at,
        s.interval_weeks ?? 1,
        s.valid_from ?? null,
        s.valid_to ?? null,
        s.note ?? '',
      ],
    );
  }
  return id;
}

export async function setOfferStatus(
  q: Queryable,
  id: string,
  status: Offer['status'],
): Promise<boolean> {
  const rows = await q.query(
    'update offer set status = $2, updated_at = now() where id = $1 returning id',
    [id, status],
  );
  return rows.length > 0;
}
