/**
 * SQL for the catalog. Rows are mapped to records explicitly, so a new column never leaks
 * into a page or the API by accident.
 */
import { isUuid } from '../platform/ids.ts';
import { one, type Queryable } from '../db/db.ts';
import {
  copenhagenNow,
  DISTANCE_HALF_KM,
  effectiveSort,
  filterQuery,
  MATCH_TIERS,
  matchReasons,
  orQuery,
  PAGE_SIZE,
  searchTerms,
  type FinderQuery,
  type FinderSort,
  type LocalMoment,
  type MatchReason,
  type SearchTerm,
} from './finder.ts';
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
  /** The place's coordinates (for the results map); null without a place. */
  latitude: number | null;
  longitude: number | null;
  /** Metres from the searched place; null without a place or for online-only offers. */
  meters: number | null;
  schedules: Schedule[];
  /** The text score (MATCH_TIERS points summed over the words); 0 without words. */
  score: number;
  /** Why the offer matched the words, best field first; empty without words. */
  reasons: MatchReason[];
}

export interface FinderResult {
  hits: FinderHit[];
  total: number;
  /** True when no exact word match was found and similar spellings were used. */
  fuzzy: boolean;
  /** True when no offer matched all the words and offers matching some of them are shown. */
  partial: boolean;
  /** The order used (the citizen's choice where it applies). */
  sort: FinderSort;
  /** The searched place (the position or the postcode's centre), for the results map. */
  origin: { latitude: number; longitude: number } | null;
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

type Origin = { latitude: number; longitude: number };
type Pass = 'all' | 'any' | 'fuzzy';

/**
 * One finder search. With a place, in-person offers within `km` across all municipalities
 * (citizens near a border see both sides) plus online offers of this municipality; without a
 * place, this municipality's offers. Words match Danish stems by prefix, related words and
 * translations, ranked by MATCH_TIERS blended with distance (decision 0011). If no offer has
 * all the words, offers with some of them are shown; if the words match nothing at all,
 * similar spellings are tried (typo tolerance).
 */
export async function searchOffers(
  q: Queryable,
  kommune: string,
  query: FinderQuery,
  origin: Origin | null,
  now: LocalMoment = copenhagenNow(),
): Promise<FinderResult> {
  const terms = searchTerms(query.q);
  const sort = effectiveSort(query, origin !== null);
  const run = (pass: Pass) => runSearch(q, kommune, query, terms, origin, now, sort, pass);
  const done = (r: Omit<FinderResult, 'fuzzy' | 'partial' | 'sort' | 'origin'>, pass: Pass) => ({
    ...r,
    origin,
    fuzzy: pass === 'fuzzy' && r.total > 0,
    partial: pass === 'any' && r.total > 0,
    sort,
  });
  const exact = await run('all');
  if (exact.total > 0 || terms.length === 0) return done(exact, 'all');
  if (terms.length > 1) {
    const some = await run('any');
    if (some.total > 0) return done(some, 'any');
  }
  if (await wordsMatchAnything(q, terms)) return done(exact, 'all');
  return done(await run('fuzzy'), 'fuzzy');
}

/** True when the words are spelt as some published offer has them: then the filters or the
 *  distance emptied the list, and a fuzzy retry (a full scan) would find nothing better. */
async function wordsMatchAnything(q: Queryable, terms: readonly SearchTerm[]): Promise<boolean> {
  if (!terms.length) return false;
  const [row] = await q.query<{ found: boolean }>(
    `select exists (select 1 from published_offer o
       where o.search_da @@ to_tsquery('danish', $1) or o.search_other @@ to_tsquery('simple', $1)) as found`,
    [filterQuery(terms, 'any')],
  );
  return row?.found ?? false;
}

/** Characters that end a word in a title, for the compound test (ASCII classes plus dashes). */
const SEP = '[[:space:][:punct:]–—]';
const NONSEP = '[^[:space:][:punct:]–—]';
/** A title word that ends with one of the words after a stem of 4 or more letters ("stavgang"),
 *  allowing a short inflection ("gåture"); "forældre" is not a compound of "ældre". */
const compoundRe = (ws: readonly string[]) =>
  `(^|${SEP})${NONSEP}{4,}(${ws.join('|')})${NONSEP}{0,3}(${SEP}|$)`;

/**
 * The best MATCH_TIERS tier (1-based) of one term for the row `o`, as a SQL CASE. The summary
 * and description tiers of a word with idioms test the text with the idioms taken out.
 */
function tierSql(term: SearchTerm, p: (v: unknown) => string): string {
  const da = (tq: string) => `o.search_da @@ to_tsquery('danish', ${p(tq)})`;
  const all = [term.word, ...term.related];
  // The regular expression runs only where the field has the word at all.
  const inField = (
    weight: 'B' | 'C',
    column: 'summary' | 'description',
    ws: string[],
    prefix: boolean,
  ) => {
    const plain = da(orQuery(ws, { prefix, weight }));
    if (!term.idiom) return plain;
    return `(${plain} and to_tsvector('danish', regexp_replace(lower(o.${column}), ${p(term.idiom)}, ' ', 'g')) @@ to_tsquery('danish', ${p(orQuery(ws, { prefix }))}))`;
  };
  const cases: string[] = [
    da(orQuery([term.word], { prefix: false, weight: 'A' })),
    `${da(orQuery([term.word], { prefix: true, weight: 'A' }))} or lower(o.title) ~ ${p(compoundRe([term.word]))}`,
    term.related.length
      ? `${da(orQuery(term.related, { prefix: true, weight: 'A' }))} or lower(o.title) ~ ${p(compoundRe(term.related))}`
      : 'false',
    inField('B', 'summary', [term.word], false),
    inField('B', 'summary', [term.word], true),
    `o.search_other @@ to_tsquery('simple', ${p(orQuery(all, { prefix: true }))})`,
    term.related.length ? da(orQuery(term.related, { prefix: true, weight: 'B' })) : 'false',
    inField('C', 'description', [term.word], false),
    inField('C', 'description', [term.word], true),
    term.related.length ? da(orQuery(term.related, { prefix: true, weight: 'C' })) : 'false',
  ];
  return `case ${cases.map((c, i) => `when ${c} then ${i + 1}`).join(' ')} else 0 end`;
}

/** Points of a tier column, from MATCH_TIERS (constants, not input). */
const pointsSql = (col: string) =>
  `(case ${col} ${MATCH_TIERS.map((t, i) => `when ${i + 1} then ${t.points}`).join(' ')} else 0 end)`;

async function runSearch(
  q: Queryable,
  kommune: string,
  query: FinderQuery,
  terms: readonly SearchTerm[],
  origin: Origin | null,
  now: LocalMoment,
  sort: FinderSort,
  pass: Pass,
): Promise<Omit<FinderResult, 'fuzzy' | 'partial' | 'sort' | 'origin'>> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // published_offer: public rows, read past the tenant policy so the indexes work (0004).
  const where: string[] = ['true'];
  const text = terms.length > 0;
  let tierCols = 'null::int[] as tiers';
  let score = '0::float8';
  let keep = 'true';
  if (text && pass !== 'fuzzy') {
    const tq = p(filterQuery(terms, pass));
    where.push(
      `(o.search_da @@ to_tsquery('danish', ${tq}) or o.search_other @@ to_tsquery('simple', ${tq}))`,
    );
    tierCols = `array[${terms.map((t) => tierSql(t, p)).join(', ')}] as tiers`;
    score = terms.map((_, i) => pointsSql(`s.tiers[${i + 1}]`)).join(' + ');
    // Every word must match outside idioms ('all'), or one of them ('any').
    keep =
      pass === 'all'
        ? terms.map((_, i) => `s.tiers[${i + 1}] > 0`).join(' and ')
        : `(${terms.map((_, i) => `s.tiers[${i + 1}] > 0`).join(' or ')})`;
  } else if (text) {
    // similarity() rather than the % operator: % hung PGlite with cube loaded (ARCHITECTURE.md).
    const words = p(query.q.toLowerCase());
    where.push(
      `(word_similarity(${words}, lower(o.title)) >= 0.45 or similarity(lower(o.title), ${words}) >= 0.3)`,
    );
    score = `10 * word_similarity(${words}, lower(s.title))`;
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

  const k = p(kommune);
  const limit = p(PAGE_SIZE);
  const offset = p((query.page - 1) * PAGE_SIZE);
  const orderOf = (r: string) =>
    [
      ...(sort === 'next' ? [`${r}.next_at nulls last`] : []),
      ...(sort === 'distance' ? [`${r}.meters nulls last`] : []),
      ...(text ? [`${r}.blended desc`] : []),
      ...(origin ? [`${r}.meters nulls last`] : []),
      `${r}.title`,
      `${r}.id`,
    ].join(', ');
  // The next meeting of each offer `s` (only for that sort: it reads every candidate's schedules).
  const nextJoin =
    sort === 'next'
      ? `left join lateral (${nextSessionSql(p(now.date), p(now.time))}) nxt on true`
      : '';
  const nextAt = sort === 'next' ? 'nxt.next_at' : 'null::timestamp as next_at';
  const reachOf = origin ? reachSql(p, origin, query, k) : null;
  const head =
    reachOf && !text
      ? placeOnlyHead({
          reach: reachOf,
          where,
          sort,
          orderOf,
          nextJoin,
          nextAt,
          limit,
          offset,
          // Only the distance and title orders cut at the page's last row; a parameter the
          // statement does not use would be refused ("bind message supplies N parameters").
          last: sort === 'next' ? '' : p(query.page * PAGE_SIZE - 1),
        })
      : wordsHead({
          reach: reachOf,
          where,
          ranked: text && pass !== 'fuzzy',
          k,
          tierCols,
          score,
          keep,
          orderOf,
          nextJoin,
          nextAt,
          limit,
          offset,
        });
  // One statement, one round trip (issue 16). The head picks, counts, orders and cuts one page
  // of narrow rows; then, for the page's rows only, the display columns, the place shown (the
  // nearest, else the first by name) and the schedules.
  const rows = await q.query<
    Omit<FinderHit, 'reasons' | 'location_name'> & {
      location_name: string | null;
      location_id: string | null;
      total: number;
      tiers: number[] | null;
    }
  >(
    `${head}
     select o.id, o.kommune, o.title, o.summary, o.translations, o.languages, o.mode, o.free,
            o.price_dkk::float8 as price_dkk, o.interpreter_available, o.children_welcome,
            o.wheelchair_accessible, org.name as organization_name, page.tiers, page.location_id,
            page.meters, page.score, page.total,
            pl.name as location_name, pl.address_1, pl.postal_code, pl.city, pl.latitude,
            pl.longitude,
            (select coalesce(json_agg(json_build_object(${SCHEDULE_JSON}) order by s.weekday, s.starts_at), '[]'::json)
               from schedule s where s.offer_id = page.id) as schedules
       from page
       join published_offer o on o.id = page.id
       join organization org on org.id = o.organization_id
       left join lateral (
         select l.name, l.address_1, l.postal_code, l.city, l.latitude, l.longitude
           from offer_location ol join location l on l.id = ol.location_id
          where ol.offer_id = page.id and (page.location_id is null or l.id = page.location_id)
          order by l.name limit 1) pl on true
      order by ${orderOf('page')}`,
    params,
  );
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map((r) => ({
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
      location_name: r.location_name,
      address_1: r.address_1,
      postal_code: r.postal_code,
      city: r.city,
      latitude: r.latitude,
      longitude: r.longitude,
      meters: r.meters === null ? null : Math.round(r.meters),
      schedules: r.schedules,
      score: Math.round(r.score * 100) / 100,
      reasons:
        pass === 'fuzzy'
          ? [{ field: 'similar', words: [{ word: query.q, forTerm: null }] }]
          : r.tiers
            ? matchReasons(terms, r.tiers, r)
            : [],
    })),
  };
}

/** The searched place as SQL: its point, the radius and the distance to a row's coordinates. */
interface Reach {
  here: string;
  radius: string;
  /** Great-circle metres from the searched place to the row `t`'s latitude and longitude. */
  meters: (t: string) => string;
  /** This municipality's online offers (row `t`), which count as in reach wherever one searches. */
  online: (t: string) => string;
}

function reachSql(p: (v: unknown) => string, origin: Origin, query: FinderQuery, k: string): Reach {
  const lat = p(origin.latitude);
  const lon = p(origin.longitude);
  return {
    here: `ll_to_earth(${lat}, ${lon})`,
    radius: p(query.km * 1000),
    // On earthdistance's sphere (earth()), as earth_distance() gives them, by haversine
    // arithmetic: cheaper per place than ll_to_earth and cube_distance.
    meters: (t) => `2 * earth() * asin(sqrt(power(sin(radians(${t}.latitude - ${lat}) / 2), 2)
      + cos(radians(${lat})) * cos(radians(${t}.latitude)) * power(sin(radians(${t}.longitude - ${lon}) / 2), 2)))`,
    online: (t) =>
      `${t}.mode in ('online', 'both') and ${t}.kommune = ${k} and ${query.mode === 'in_person' ? 'false' : 'true'}`,
  };
}

/** What both kinds of statement head share: the filters, the order and the page's bounds. */
interface HeadParts {
  /** Conditions on the offer `o` (the filters; with words also the text match). */
  where: readonly string[];
  orderOf: (r: string) => string;
  nextJoin: string;
  nextAt: string;
  limit: string;
  offset: string;
}

/**
 * With words, or without a place (decision 0011). m: the offers the words (GIN indexes) and
 * filters pick, with only the columns later steps need (the match tiers' texts, the title as a
 * sort key); near: each match's nearest place in reach, by a lookup on published_offer_place
 * (decision 0031), so distances are computed for the matches' places only; s: the match tiers
 * of those in reach only; page: score, blend, order, count and one page of narrow rows.
 */
function wordsHead(
  a: HeadParts & {
    reach: Reach | null;
    /** The match tiers are computed (words, not the fuzzy retry): they read the offer's texts. */
    ranked: boolean;
    k: string;
    tierCols: string;
    score: string;
    keep: string;
  },
): string {
  const where = a.reach ? a.where : [...a.where, `o.kommune = ${a.k}`];
  const near = a.reach
    ? `, near as (
        select m.id as offer_id, p.location_id, p.meters
          from m cross join lateral (
            select n.location_id, ${a.reach.meters('n')} as meters
              from published_offer_place n
             where n.offer_id = m.id
             order by 2, 1 limit 1) p
         where m.mode <> 'online' and p.meters <= ${a.reach.radius})`
    : '';
  const s = a.reach
    ? `select o.id, o.title, ${a.tierCols}, near.location_id, near.meters
         from m o left join near on near.offer_id = o.id
        where (near.offer_id is not null and o.mode <> 'online') or (${a.reach.online('o')})`
    : `select o.id, o.title, ${a.tierCols}, null::uuid as location_id, null::float8 as meters from m o`;
  const blended = a.reach
    ? `(${a.score}) / (1 + coalesce(s.meters, ${DISTANCE_HALF_KM * 1000}) / ${DISTANCE_HALF_KM * 1000}.0)`
    : `(${a.score})`;
  // With tiers, m carries the texts they test: reading them again by id for the offers in
  // reach only was measured slower (the planner, misled by the estimates, joined all of them).
  const texts = a.ranked ? ', o.summary, o.description, o.search_da, o.search_other' : '';
  return `with m as materialized (select o.id, o.kommune, o.title, o.mode${texts} from published_offer o
                        where ${where.join(' and ')})${near},
     s as materialized (${s}),
     page as materialized (
       select c.*, count(*) over ()::int as total
         from (select s.id, s.title, s.tiers, s.location_id, s.meters,
                      (${a.score})::float8 as score, ${blended} as blended, ${a.nextAt}
                 from s
                 ${a.nextJoin}
                where ${a.keep}) c
        order by ${a.orderOf('c')}
        limit ${a.limit} offset ${a.offset})`;
}

/**
 * A place and no words (issue 16, decision 0031). m: the published in-person offers' places
 * within reach from the GiST index on published_offer_place (the box, then the distance trims
 * to the circle), one row per offer at its nearest place (an offer with several places is
 * compared with its others only then), joined to the offer only when a filter needs its
 * columns; plus this municipality's online offers, an offer in both ('both' within reach)
 * kept from the first. No row of location, offer_location or offer is read for the offers
 * in reach. page: the count from m's narrow rows; in distance order only the offers up to the
 * page's last distance (ties included, so the title can still break them) are joined to the
 * offer for their titles, rather than sorting every offer in reach by title.
 */
function placeOnlyHead(a: HeadParts & { reach: Reach; sort: FinderSort; last: string }): string {
  const { reach } = a;
  const filtered = a.where.length > 1;
  const inReach = (t: string) => `${reach.meters(t)} <= ${reach.radius}`;
  const m = `m as materialized (
       select pp.offer_id as id, pp.location_id, ${reach.meters('pp')} as meters
         from published_offer_place pp
         ${filtered ? 'join published_offer o on o.id = pp.offer_id' : ''}
        where earth_box(${reach.here}, ${reach.radius}) @> ll_to_earth(pp.latitude, pp.longitude)
          and ${inReach('pp')}
          and (pp.only_place or pp.location_id = (
                select n.location_id from published_offer_place n where n.offer_id = pp.offer_id
                 order by ${reach.meters('n')}, n.location_id limit 1))
          ${filtered ? `and ${a.where.join(' and ')}` : ''}
       union all
       select o.id, null::uuid, null::float8 from published_offer o
        where ${reach.online('o')} and ${a.where.join(' and ')}
          and (o.mode = 'online' or not exists (
                select 1 from published_offer_place n where n.offer_id = o.id and ${inReach('n')})))`;
  // The next meeting is known only per offer, so that order reads every offer in reach.
  const page =
    a.sort === 'next'
      ? `select c.*, count(*) over ()::int as total
           from (select s.id, o.title, s.location_id, s.meters, ${a.nextAt}
                   from m s join published_offer o on o.id = s.id
                   ${a.nextJoin}) c`
      : // The page's last distance by a bounded sort; none (fewer offers) or null (online
        // offers reached) takes them all.
        `select c.*, (select count(*) from m)::int as total
           from (select m.id, o.title, m.location_id, m.meters
                   from m
                   left join (select m.meters as v from m order by m.meters nulls last
                               limit 1 offset ${a.last}) t on true
                   join published_offer o on o.id = m.id
                  where coalesce(m.meters <= t.v, t.v is null)) c`;
  return `with ${m},
     page as materialized (
       select x.*, null::int[] as tiers, 0::float8 as score
         from (${page} order by ${a.orderOf('c')} limit ${a.limit} offset ${a.offset}) x)`;
}

/** A schedule as JSON with the keys and text formats of scheduleColumns, for the finder. */
const SCHEDULE_JSON = `'id', s.id, 'location_id', s.location_id, 'weekday', s.weekday,
  'starts_at', to_char(s.starts_at, 'HH24:MI'), 'ends_at', to_char(s.ends_at, 'HH24:MI'),
  'interval_weeks', s.interval_weeks, 'valid_from', to_char(s.valid_from, 'YYYY-MM-DD'),
  'valid_to', to_char(s.valid_to, 'YYYY-MM-DD'), 'note', s.note`;

/**
 * The next meeting of offer `s` from local date and time, as a local timestamp, the way
 * nextSession() in finder.ts counts it: the weekday on or after the later of today and
 * valid_from (a week on if today's time has passed), moved to the next week that keeps
 * interval_weeks from valid_from, within valid_to.
 */
function nextSessionSql(today: string, time: string): string {
  return `select min(case when sc.valid_to is null or d.day <= sc.valid_to then d.day + sc.starts_at end) as next_at
      from schedule sc
      cross join lateral (select greatest(${today}::date, coalesce(sc.valid_from, ${today}::date)) as base) b
      cross join lateral (select b.base + ((sc.weekday - extract(isodow from b.base)::int + 7) % 7) as first_day) w
      cross join lateral (select case when w.first_day = ${today}::date and sc.starts_at < ${time}::time
                                      then w.first_day + 7 else w.first_day end as day1) x
      cross join lateral (select case when sc.interval_weeks > 1 and sc.valid_from is not null
                                      then x.day1 + 7 * ((sc.interval_weeks - ((x.day1 - sc.valid_from) / 7) % sc.interval_weeks) % sc.interval_weeks)
                                      else x.day1 end as day) d
     where sc.offer_id = s.id`;
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
  return (await getOfferDetails(q, [id]))[0];
}

/**
 * Several offers in full, in the order asked, with four queries whatever their number (a list of
 * offers would otherwise cost four round trips each); ids not found or not visible are left out.
 */
export async function getOfferDetails(
  q: Queryable,
  ids: readonly string[],
): Promise<OfferDetail[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const offers = await q.query<Offer>(
    `select ${offerColumns} from offer o where o.id = any($1::uuid[])`,
    [wanted],
  );
  if (offers.length === 0) return [];
  const found = offers.map((o) => o.id);
  // One after another: callers pass a transaction, which is one connection.
  const organizations = await q.query<Organization>(
    'select id, kommune, name, description, kind, email, phone, website, status from organization where id = any($1::uuid[])',
    [[...new Set(offers.map((o) => o.organization_id))]],
  );
  const locations = await q.query<Location & { offer_id: string }>(
    `select ol.offer_id, l.id, l.kommune, l.organization_id, l.name, l.description, l.address_1, l.postal_code,
            l.city, l.latitude, l.longitude, l.wheelchair_accessible, l.accessibility_note, l.transport_note
       from offer_location ol join location l on l.id = ol.location_id
      where ol.offer_id = any($1::uuid[]) order by l.name`,
    [found],
  );
  const schedules = await schedulesFor(q, found);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const byId = new Map(offers.map((o) => [o.id, o]));
  return wanted.flatMap((id) => {
    const offer = byId.get(id);
    const organization = offer && orgById.get(offer.organization_id);
    if (!offer || !organization) return [];
    return [
      {
        ...offer,
        organization,
        locations: locations
          .filter((l) => l.offer_id === id)
          .map(({ offer_id: _offerId, ...l }) => l),
        schedules: schedules.get(id) ?? [],
      },
    ];
  });
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
