/**
 * Use cases for the citizen pages: searching the finder, opening an offer, reporting an error
 * in it. Public, no account.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import type { Geocoder } from '../platform/geo/geocoder.ts';
import type { ErrorReportForm } from './error-report.ts';
import { copenhagenNow, isSearch, type FinderQuery } from './finder.ts';
import type { OfferDetail } from './offer.ts';
import { getOfferDetail, searchOffers, type FinderResult } from './offer.store.ts';
import { createErrorReport } from './signup.store.ts';

export interface FinderAnswer {
  result: FinderResult | null;
  problems: FieldProblem[];
  /** The searched postcode's name, when the search was from a postcode. */
  postcodeLabel: string | null;
}

/**
 * One finder search: from the citizen's position, else their postcode's centre, else
 * without a place. Nothing is searched while the query has problems or asks nothing. `now`
 * is when "next session" counts from (the sort by next session).
 */
export async function findOffers(
  db: Db,
  geocoder: Geocoder,
  kommune: string,
  query: FinderQuery,
  queryProblems: readonly FieldProblem[],
  now: Date = new Date(),
): Promise<FinderAnswer> {
  const problems = [...queryProblems];
  let origin = query.position;
  let postcodeLabel: string | null = null;
  if (!origin && query.postnummer) {
    const place = await geocoder.postcode(query.postnummer);
    if (place) {
      origin = place;
      postcodeLabel = place.label;
    } else {
      problems.push({ path: 'postnummer', message: 'finder.error.unknownPostnummer' });
    }
  }
  // No tenant transaction: the finder reads only public rows (published_offer and the
  // catalog tables' read-all policies) and names the municipality itself, so the statement
  // is one round trip instead of begin, set_config, search and commit (decision 0029).
  const result =
    isSearch(query) && problems.length === 0
      ? await searchOffers(db, kommune, query, origin, copenhagenNow(now))
      : null;
  return { result, problems, postcodeLabel };
}

/** A published offer, or (for signed-in staff of its municipality) a draft as a preview. */
export async function offerForCitizen(
  db: Db,
  kommune: string,
  id: string,
  staff: boolean,
): Promise<OfferDetail> {
  const offer = await inTenant(db, kommune, (tx) => getOfferDetail(tx, id));
  if (!offer || (offer.status !== 'published' && !staff))
    throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
  return offer;
}

/**
 * Stores a report for the offer's provider, in the offer's municipality. Audited only when it
 * carries an e-mail address: otherwise it holds no personal data.
 */
export async function reportError(
  db: Db,
  actor: AuditActor,
  offer: Pick<OfferDetail, 'id' | 'kommune'>,
  report: ErrorReportForm,
): Promise<void> {
  await inTenant(db, offer.kommune, async (tx) => {
    const id = await createErrorReport(tx, offer.kommune, offer.id, report.message, report.email);
    if (report.email)
      await audit(
        tx,
        { ...actor, kommune: offer.kommune },
        {
          action: 'create',
          entity: 'error_report',
          entityId: id,
        },
      );
  });
}
