/**
 * SQL for the outreach overview: one row per referral received and per outreach case detected
 * in a period, carrying only what the tables group by (step flags, offer, arena, sex, age in
 * whole years, language) and never a name, an id of a person or free text.
 */
import type { Queryable } from '../db/db.ts';
import type { CaseFact, ReferralFact } from './overview.ts';
import type { OutreachEvent } from './rules.ts';

/**
 * Aggregates count every referral and case of the municipality, whoever may open them one by
 * one; the policies admit the system role for that. Only the overview's service calls this,
 * after the route's role check, and its queries return no identities.
 */
export async function readAsSystem(q: Queryable): Promise<void> {
  await q.query(`select set_config('lighed.staff_role', 'system', true)`);
}

/** Local midnight of a `YYYY-MM-DD` in Copenhagen, as SQL. */
const local = (p: string) => `(${p}::date::timestamp at time zone 'Europe/Copenhagen')`;

/** The citizen's groups, as of `at` (an SQL timestamptz expression). */
const citizenColumns = (at: string) => `
  c.sex,
  extract(year from age((${at} at time zone 'Europe/Copenhagen')::date, c.birth_date))::int as age,
  c.preferred_language,
  c.interpreter_needed`;

interface CitizenRow {
  sex: 'female' | 'male' | null;
  age: number | null;
  preferred_language: string;
  interpreter_needed: boolean;
  offer_id: string | null;
  offer_title: string | null;
  arena: string | null;
}

const citizenFacts = (r: CitizenRow) => ({
  sex: r.sex,
  age: r.age === null ? null : Number(r.age),
  preferredLanguage: r.preferred_language,
  interpreterNeeded: r.interpreter_needed,
  offerId: r.offer_id,
  offerTitle: r.offer_title,
  arena: r.arena,
});

/**
 * Referrals that arrived in [start, end) (local dates), drafts and entries in error left out.
 * Answered: accepted or rejected at some point (the history says so even after a forward sent
 * it back to `requested`); reached: contact recorded; started: enrolled or a session attended.
 */
export async function referralFacts(
  q: Queryable,
  kommune: string,
  start: string,
  end: string,
): Promise<ReferralFact[]> {
  const rows = await q.query<
    CitizenRow & { answered: boolean; reached: boolean; started: boolean; completed: boolean }
  >(
    `select ${citizenColumns('r.created_at')},
            o.id as offer_id, o.title as offer_title, o.arena,
            (r.status in ('accepted', 'rejected', 'in-progress', 'on-hold', 'failed', 'completed')
              or exists (select 1 from referral_event e
                          where e.referral_id = r.id and e.kind = 'transition'
                            and e.to_status in ('accepted', 'rejected'))) as answered,
            (r.contacted_at is not null) as reached,
            (r.enrolled_on is not null
              or exists (select 1 from referral_session s
                          where s.referral_id = r.id and s.attendance = 'attended')) as started,
            (r.status = 'completed') as completed
       from referral r
       join citizen c on c.id = r.citizen_id
       left join offer o on o.id = r.offer_id
      where r.kommune = $1
        and r.status not in ('draft', 'entered-in-error')
        and r.created_at >= ${local('$2')} and r.created_at < ${local('$3')}`,
    [kommune, start, end],
  );
  return rows.map((r) => ({
    ...citizenFacts(r),
    answered: r.answered,
    reached: r.reached,
    started: r.started,
    completed: r.completed,
  }));
}

/**
 * Outreach cases detected in [start, end), by their first reason; the offer is the one of the
 * case's referral, else of its sign-up.
 */
export async function caseFacts(
  q: Queryable,
  kommune: string,
  start: string,
  end: string,
): Promise<CaseFact[]> {
  const rows = await q.query<
    CitizenRow & {
      reason: OutreachEvent;
      status: 'open' | 'closed';
      outcome: CaseFact['outcome'];
    }
  >(
    `select ${citizenColumns('oc.detected_at')},
            o.id as offer_id, o.title as offer_title, o.arena,
            oc.reason, oc.status, oc.outcome
       from outreach_case oc
       join citizen c on c.id = oc.citizen_id
       left join referral r on r.id = oc.referral_id
       left join signup s on s.id = oc.signup_id
       left join offer o on o.id = coalesce(r.offer_id, s.offer_id)
      where oc.kommune = $1
        and oc.detected_at >= ${local('$2')} and oc.detected_at < ${local('$3')}`,
    [kommune, start, end],
  );
  return rows.map((r) => ({
    ...citizenFacts(r),
    reason: r.reason,
    status: r.status,
    outcome: r.outcome,
  }));
}
