/**
 * The candidates for matching: published offers of the municipality, and in-person offers
 * of neighbouring municipalities within reach of the citizen's postcode, each with its
 * distance to the nearest place and its schedules. The ranking itself is pure (matching.ts).
 */
import type { Queryable } from '../db/db.ts';
import { schedulesFor, type OfferTranslation } from '../catalog/index.ts';
import type { UiLanguage } from '../web/languages.ts';
import type { MatchOffer } from './matching.ts';

export interface CandidateOffer extends MatchOffer {
  kommune: string;
}

/** What a page shows of a suggested offer, fetched for the few shown rather than all candidates. */
export interface OfferText {
  id: string;
  title: string;
  summary: string;
  translations: Partial<Record<UiLanguage, OfferTranslation>>;
}

export async function offerTexts(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, OfferText>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<OfferText>(
    'select id, title, summary, translations from published_offer where id = any($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * $1 municipality, $2 postcode ('' for none), $3 reach in metres, $4 the topics that can fit
 * (`fittingTopics`): an offer with none of them would never be suggested. Exported for the
 * benchmark's baseline.
 */
export const CANDIDATES_SQL = `
  with here as (select latitude as la, longitude as lo, ll_to_earth(latitude, longitude) as e from postcode where postnummer = $2),
  -- Other municipalities' places within reach, through the GiST index.
  near as (
    select ol.offer_id, min(lighed_meters(h.la, h.lo, l.latitude, l.longitude)) as meters
      from here h join location l on earth_box(h.e, $3) @> ll_to_earth(l.latitude, l.longitude)
      join offer_location ol on ol.location_id = l.id
     where ol.kommune <> $1
     group by ol.offer_id),
  -- Their offers within reach, and all of the municipality's own with the distance to their
  -- nearest place, however far (the ranking leaves out in-person offers beyond reach).
  ids as (
    select offer_id as id, meters from near where meters <= $3
    union all
    select o.id, (select min(lighed_meters(h.la, h.lo, l.latitude, l.longitude))
                    from here h, offer_location ol join location l on l.id = ol.location_id
                   where ol.offer_id = o.id and l.latitude is not null)
      from published_offer o where o.kommune = $1)
  select o.id, o.kommune, o.title, o.topics, o.arena, o.offer_type, o.languages, o.mode,
         o.interpreter_available, o.free, o.price_dkk::float8 as price_dkk, o.children_welcome, o.childcare,
         o.transport_help, o.welcomes_newcomers, o.min_age, o.max_age, o.contact_name,
         case when o.mode = 'online' then null else ids.meters end as "distanceMeters"
    from ids join published_offer o on o.id = ids.id
   where o.topics && $4::text[] and (o.kommune = $1 or o.mode <> 'online')`;

export async function candidateOffers(
  q: Queryable,
  kommune: string,
  postcode: string | null,
  maxKm: number,
  topics: readonly string[],
  /** Schedules count only when the citizen said when they can; reading them costs more than the ranking. */
  withSchedules = true,
): Promise<CandidateOffer[]> {
  if (topics.length === 0) return [];
  const rows = await q.query<Omit<CandidateOffer, 'schedules'>>(CANDIDATES_SQL, [
    kommune,
    postcode ?? '',
    maxKm * 1000,
    topics,
  ]);
  const schedules =
    rows.length && withSchedules
      ? await schedulesFor(
          q,
          rows.map((r) => r.id),
        )
      : new Map<string, CandidateOffer['schedules']>();
  return rows.map((r) => ({ ...r, schedules: schedules.get(r.id) ?? [] }));
}
