/**
 * Demo reach answers (issue 12's done-when): 120 synthetic participants of Roskilde's evening
 * smoking cessation course ("Rygestop på aftenhold", demo-catalog.json) who answered the
 * voluntary questions, few of them with grundskole as their highest education. Against daily
 * smokers in the municipality (the demo survey), the course reaches too few of that group.
 * The course's target is set to daily smokers. Runs once: nothing is added when answers exist.
 */
import { inTenant, type Db } from '../db/db.ts';
import {
  listOffersForStaff,
  reachOfferTarget,
  reachTally,
  recordReachAnswers,
  setReachOfferTarget,
  type ReachAnswers,
  type ReachContext,
} from '../catalog/index.ts';

export const DEMO_REACH_OFFER_TITLE = 'Rygestop på aftenhold';
export const DEMO_REACH_INDICATOR = 'dagligryger';

/** Answers per category code, in the order people are dealt out (sums to 120 each). */
const EDUCATION: [string, number][] = [
  ['1', 10],
  ['2', 40],
  ['3', 43],
  ['4', 22],
  ['prefer_not', 5],
];
const LABOUR: [string, number][] = [
  ['1', 68],
  ['2', 8],
  ['3', 5],
  ['4', 7],
  ['5', 6],
  ['6', 22],
  ['', 4],
];
const ORIGIN: [string, number][] = [
  ['1', 104],
  ['2', 8],
  ['3', 6],
  ['prefer_not', 2],
];

const deal = (xs: [string, number][]) => xs.flatMap(([v, n]) => Array<string>(n).fill(v));

/** Returns the number of answers added (0 when the course is missing or already has answers). */
export async function seedReachDemo(
  db: Db,
  kommune: string,
  opts: { now?: Date } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  return inTenant(db, kommune, async (tx) => {
    const offer = (await listOffersForStaff(tx, kommune, null)).find(
      (o) => o.title === DEMO_REACH_OFFER_TITLE,
    );
    if (!offer) return 0;
    if ((await reachTally(tx, [offer.id])).people > 0) return 0;
    if ((await reachOfferTarget(tx, offer.id)) === undefined)
      await setReachOfferTarget(tx, kommune, offer.id, DEMO_REACH_INDICATOR, 0);
    const edu = deal(EDUCATION);
    const lab = deal(LABOUR);
    const ori = deal(ORIGIN);
    // A fixed stride mixes the combinations without a random generator (stable demo figures).
    for (let i = 0; i < edu.length; i++) {
      const answers: ReachAnswers = {
        uddannelse: edu[i]!,
        arbejdsmarked: lab[(i * 7) % lab.length]!,
        herkomst: ori[(i * 11) % ori.length]!,
      };
      const context: ReachContext = i % 6 === 5 ? 'referral' : 'signup';
      // Spread over the last twelve months.
      const when = new Date(now.getTime() - (i % 12) * 30 * 24 * 3600 * 1000);
      await recordReachAnswers(tx, kommune, { offerId: offer.id, context, now: when }, answers);
    }
    return edu.length;
  });
}
