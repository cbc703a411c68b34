/**
 * The reach answers' storage: counts only, apart from the person (0025_reach.sql). Runs in
 * the caller's tenant transaction, so the answers are counted with the sign-up, enrolment or
 * conversation they came with, or not at all.
 */
import type { Queryable } from '../../db/db.ts';
import { LighedError } from '../../platform/errors.ts';
import {
  isEmptyReach,
  reachMonth,
  reachProblems,
  REACH_DIMENSIONS,
  type ReachAnswers,
  type ReachContext,
  type ReachDimension,
} from './questions.ts';

/**
 * Counts one person's answers. Nothing is written when nothing was answered; a value the form
 * never offers is refused (callers check `reachProblems` first to show it at the field).
 */
export async function recordReachAnswers(
  tx: Queryable,
  kommune: string,
  where: { offerId?: string | null; context: ReachContext; now?: Date },
  answers: ReachAnswers,
): Promise<boolean> {
  if (isEmptyReach(answers)) return false;
  const problems = reachProblems(answers);
  if (problems.length)
    throw new LighedError('LIGHED_ERR_VALIDATION', 'Invalid reach answers', problems);
  await tx.query(
    `insert into reach_answer_count
       (kommune, offer_id, context, month, uddannelse, arbejdsmarked, herkomst, n)
     values ($1, $2, $3, $4::date, $5, $6, $7, 1)
     on conflict (kommune, offer_id, context, month, uddannelse, arbejdsmarked, herkomst)
     do update set n = reach_answer_count.n + 1`,
    [
      kommune,
      where.offerId ?? null,
      where.context,
      reachMonth(where.now ?? new Date()),
      answers.uddannelse,
      answers.arbejdsmarked,
      answers.herkomst,
    ],
  );
  return true;
}

/** Participants per answer for one dimension over some offers (all time). */
export interface ReachTally {
  /** People who answered anything at all, for these offers. */
  people: number;
  /** Per dimension: count per value ('' not answered, 'prefer_not', or a code). */
  byDimension: Record<ReachDimension, Record<string, number>>;
}

/** Sums the counts for these offers (none: an empty tally), every context. */
export async function reachTally(q: Queryable, offerIds: readonly string[]): Promise<ReachTally> {
  const byDimension = Object.fromEntries(REACH_DIMENSIONS.map((d) => [d, {}])) as Record<
    ReachDimension,
    Record<string, number>
  >;
  if (offerIds.length === 0) return { people: 0, byDimension };
  let people = 0;
  for (const d of REACH_DIMENSIONS) {
    // The column name comes from the fixed list above, never from input.
    const rows = await q.query<{ v: string; n: string | number }>(
      `select ${d} as v, sum(n)::int8 as n from reach_answer_count
        where offer_id = any($1::uuid[]) group by ${d}`,
      [offerIds],
    );
    let total = 0;
    for (const r of rows) {
      byDimension[d][r.v] = Number(r.n);
      total += Number(r.n);
    }
    people = Math.max(people, total);
  }
  return { people, byDimension };
}

/** People who answered, per offer (the reach page's list). */
export async function reachAnswerTotals(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ offer_id: string; n: string | number }>(
    `select offer_id, sum(n)::int8 as n from reach_answer_count
      where offer_id is not null group by offer_id`,
  );
  return new Map(rows.map((r) => [r.offer_id, Number(r.n)]));
}

/** The planner's chosen target indicator for an offer (null: everyone; undefined: not chosen). */
export async function offerTarget(
  q: Queryable,
  offerId: string,
): Promise<{ indicator: string | null; version: number } | undefined> {
  const rows = await q.query<{ indicator: string | null; version: number }>(
    `select indicator, version from reach_offer_target where offer_id = $1`,
    [offerId],
  );
  return rows[0];
}

/**
 * Sets the target indicator; `expectedVersion` 0 for a first choice. False when someone else
 * changed it meanwhile (the caller shows a stale-form message).
 */
export async function setOfferTarget(
  q: Queryable,
  kommune: string,
  offerId: string,
  indicator: string | null,
  expectedVersion: number,
): Promise<boolean> {
  const rows =
    expectedVersion === 0
      ? await q.query(
          `insert into reach_offer_target (kommune, offer_id, indicator) values ($1, $2, $3)
           on conflict (kommune, offer_id) do nothing returning version`,
          [kommune, offerId, indicator],
        )
      : await q.query(
          `update reach_offer_target set indicator = $2, version = version + 1, updated_at = now()
            where offer_id = $1 and version = $3 returning version`,
          [offerId, indicator, expectedVersion],
        );
  return rows.length === 1;
}
