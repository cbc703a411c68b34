/** Look-ups the referral demo needs in the demo municipality (run within inTenant). */
import { one, type Queryable } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';

export async function organizationIdByName(
  q: Queryable,
  name: string,
): Promise<string | undefined> {
  return (
    await one<{ id: string }>(
      q,
      'select id from organization where kommune = lighed_kommune() and name = $1',
      [name],
    )
  )?.id;
}

export async function offerIdByTitle(q: Queryable, title: string): Promise<string | undefined> {
  return (
    await one<{ id: string }>(
      q,
      'select id from offer where kommune = lighed_kommune() and title = $1',
      [title],
    )
  )?.id;
}

/** As the system (the seed): referrals are otherwise visible only to the parties. */
export async function hasAnyReferral(q: Queryable): Promise<boolean> {
  await q.query(`select set_config('lighed.staff_role', 'system', true)`);
  return (
    (await one<{ n: number }>(
      q,
      'select count(*)::int as n from referral where kommune = lighed_kommune()',
    ))!.n > 0
  );
}

export async function saveReferralSettings(
  q: Queryable,
  kommune: string,
  afklarendeTeamId: string,
): Promise<void> {
  await q.query(
    `insert into referral_setting (kommune, afklarende_team_id) values ($1, $2)
     on conflict (kommune) do update set afklarende_team_id = excluded.afklarende_team_id`,
    [kommune, afklarendeTeamId],
  );
}

export async function teamIdByName(q: Queryable, name: string): Promise<string | undefined> {
  return (
    await one<{ id: string }>(
      q,
      'select id from team where kommune = lighed_kommune() and name = $1',
      [name],
    )
  )?.id;
}

export async function staffByEmail(q: Queryable, email: string): Promise<StaffUser | undefined> {
  return one<StaffUser>(
    q,
    'select id, kommune, email, name, role, organization_id, team_id from staff_user where email = $1',
    [email],
  );
}
