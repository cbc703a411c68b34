/** The portfolio review's view of the catalog (portfolio-facts.store.ts), in the tenant. */
import { inTenant, type Db } from '../db/db.ts';
import { offerPortfolioFacts, type OfferPortfolioFact } from './portfolio-facts.store.ts';

export type { OfferPortfolioFact };

export async function portfolioOfferFacts(
  db: Db,
  kommune: string,
  since: Date,
): Promise<OfferPortfolioFact[]> {
  return inTenant(db, kommune, (tx) => offerPortfolioFacts(tx, kommune, since));
}
