/**
 * What the planners' portfolio review (src/planning/portfolio*) needs to know about offers:
 * counts and dates only, never who signed up.
 */
import type { Queryable } from '../db/db.ts';

export interface OfferPortfolioFact {
  id: string;
  title: string;
  offerType: 'individual' | 'group' | 'structural';
  /** Sign-ups since the date asked for (cancelled ones too: they signed up). */
  signups: number;
  /** When the details were last confirmed by the provider or edited; null: never. */
  lastConfirmedAt: Date | null;
}

/** The municipality's published offers with their sign-ups since `since`. */
export async function offerPortfolioFacts(
  q: Queryable,
  kommune: string,
  since: Date,
): Promise<OfferPortfolioFact[]> {
  const rows = await q.query<{
    id: string;
    title: string;
    offer_type: OfferPortfolioFact['offerType'];
    signups: number;
    last_confirmed_at: Date | string | null;
  }>(
    `select o.id, o.title, o.offer_type,
            greatest(o.last_confirmed_at, o.updated_at) as last_confirmed_at,
            (select count(*)::int from signup s where s.offer_id = o.id and s.created_at >= $2)
              as signups
       from offer o
      where o.kommune = $1 and o.status = 'published'
      order by o.title`,
    [kommune, since],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    offerType: r.offer_type,
    signups: r.signups,
    lastConfirmedAt: r.last_confirmed_at ? new Date(r.last_confirmed_at) : null,
  }));
}
