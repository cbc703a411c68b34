/**
 * The candidates for matching: published offers of the municipality, and in-person offers
 * of neighbouring municipalities within reach of the citizen's postcode, each with its
 * distance to the nearest place and its schedules. The ranking itself is pure (matching.ts).
 */
import type { Queryable } from '../db/db.ts';
import { schedulesFor } from '../catalog/offer.store.ts';
import type { OfferTranslation, UiLanguage } from '../catalog/offer.ts';
import type { MatchOffer } from './matching.ts';

export interface CandidateOffer extends MatchOffer {
  kommune: string;
  summary: string;
  translations: Partial<Record<UiLanguage, OfferTranslation>>;
}

/** $1 municipality, $2 postcode ('' for none), $3 reach in metres. Exported for the benchmark's baseline. */
export const CANDIDATES_SQL = `with here as (select latitude, longitude from postcode where postnummer = $2),
     near as (
       select ol.offer_id, min(earth_distance(ll_to_earth(l.latitude, l.longitude), ll_to_earth(h.latitude, h.longitude))) as meters
         from here h join location l on earth_box(ll_to_earth(h.latitude, h.longitude), $3) @> ll_to_earth(l.latitude, l.longitude)
         join offer_location ol on ol.location_id = l.id
        group by ol.offer_id)
     select o.id, o.kommune, o.title, o.summary, o.translations, o.topics, o.arena, o.offer_type, o.languages, o.mode,
            o.interpreter_available, o.free, o.price_dkk::float8 as price_dkk, o.children_welcome, o.childcare,
            o.transport_help, o.welcomes_newcomers, o.min_age, o.max_age, o.contact_name,
            case when o.mode = 'online' then null else near.meters end as "distanceMeters"
       from published_offer o left join near on near.offer_id = o.id
      where o.kommune = $1 or (o.mode <> 'online' and near.meters <= $3)`;

export async function candidateOffers(q: Queryable, kommune: string, postcode: string | null, maxKm: number): Promise<CandidateOffer[]> {
  const rows = await q.query<Omit<CandidateOffer, 'schedules'>>(
    CANDIDATES_SQL,
    [kommune, postcode ?? '', maxKm * 1000],
  );
  const schedules = rows.length ? await schedulesFor(q, rows.map((r) => r.id)) : new Map<string, CandidateOffer['schedules']>();
  return rows.map((r) => ({ ...r, schedules: schedules.get(r.id) ?? [] }));
}
