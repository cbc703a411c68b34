/**
 * What the outreach lane reads about referrals (issue 11): the facts its rules look at, the
 * short description its case page shows, and the citizen's referrals made since a date. The
 * caller's transaction sets the scope (the scan runs as the system; the case page as the
 * outreach worker, whom row-level security lets see the referrals of citizens in the queue).
 */
import type { Queryable } from '../db/db.ts';

export interface ReferralFactRow {
  id: string;
  citizen_id: string;
  status: string;
  status_reason: string | null;
  closing_outcome: string | null;
  answer_due: string | null;
  accepted_at: Date | null;
  contacted_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  hand_held: boolean;
  citizen_reply: string | null;
  citizen_reply_at: Date | null;
  sessions: { heldOn: string; attendance: string }[];
}

/**
 * The municipality's referrals still under way, and those closed since `closedSince` (a
 * rejected or failed referral is chased for a while after it closed).
 */
export async function referralFactRows(
  q: Queryable,
  closedSince: Date,
): Promise<ReferralFactRow[]> {
  return q.query<ReferralFactRow>(
    `select r.id, r.citizen_id, r.status, r.status_reason, r.closing_outcome,
            r.answer_due::text as answer_due,
            (select max(e.at) from referral_event e
              where e.referral_id = r.id and e.to_status = 'accepted'
                and e.from_status is distinct from 'accepted') as accepted_at,
            r.contacted_at, r.closed_at, r.created_at,
            coalesce((r.needs ->> 'handHeld')::boolean, false) as hand_held,
            r.citizen_reply, r.citizen_reply_at,
            coalesce((select json_agg(json_build_object('heldOn', s.held_on::text,
                                                        'attendance', s.attendance)
                                      order by s.held_on, s.created_at)
                        from referral_session s where s.referral_id = r.id), '[]'::json) as sessions
       from referral r
      where r.kommune = lighed_kommune()
        and (r.status in ('requested', 'accepted', 'in-progress', 'on-hold')
             or (r.status not in ('draft', 'entered-in-error') and r.closed_at >= $1))
      order by r.created_at, r.id`,
    [closedSince],
  );
}

export interface ReferralBriefRow {
  id: string;
  citizen_id: string;
  status: string;
  requested_service: string;
  offer_title: string | null;
  requester_name: string;
  requester_org_name: string | null;
  owner_org_name: string | null;
  answer_due: string | null;
  contacted_at: Date | null;
  created_at: Date;
  no_shows: number;
}

const briefColumns = `r.id, r.citizen_id, r.status, r.requested_service, o.title as offer_title,
  r.requester_name, ro.name as requester_org_name, ow.name as owner_org_name,
  r.answer_due::text as answer_due, r.contacted_at, r.created_at,
  (select count(*)::int from referral_session s
    where s.referral_id = r.id and s.attendance = 'no_show') as no_shows`;
const briefFrom = `referral r left join offer o on o.id = r.offer_id
  left join organization ro on ro.id = r.requester_org_id
  left join organization ow on ow.id = r.owner_org_id`;

export async function referralBriefRows(
  q: Queryable,
  ids: readonly string[],
): Promise<ReferralBriefRow[]> {
  if (ids.length === 0) return [];
  return q.query<ReferralBriefRow>(
    `select ${briefColumns} from ${briefFrom} where r.id = any($1::uuid[]) order by r.created_at`,
    [ids],
  );
}

export async function referralBriefsOfCitizenSince(
  q: Queryable,
  citizenId: string,
  since: Date,
): Promise<ReferralBriefRow[]> {
  return q.query<ReferralBriefRow>(
    `select ${briefColumns} from ${briefFrom}
      where r.citizen_id = $1 and r.created_at >= $2
        and r.status not in ('draft', 'entered-in-error', 'rejected', 'cancelled')
      order by r.created_at`,
    [citizenId, since],
  );
}

/** The number of attended sessions (the closing note's count). */
export async function attendedSessions(q: Queryable, referralId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `select count(*)::int as n from referral_session where referral_id = $1 and attendance = 'attended'`,
    [referralId],
  );
  return rows[0]?.n ?? 0;
}
