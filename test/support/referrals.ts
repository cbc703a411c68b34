/**
 * Referral fixtures on top of seedFixture: referrer organisations (a GP practice, a hospital
 * department, a regional midwife) with their users, a coordinator, and a frontline team that
 * holds afklarende samtaler (set in referral_setting). Staff users come back as StaffUser.
 */
import { inTenant, type Db } from '../../src/db/db.ts';
import type { StaffUser } from '../../src/platform/principal.ts';
import { hashPassword } from '../../src/staff/password.ts';
import { createUser } from '../../src/staff/staff.store.ts';
import {
  createReferral,
  forwardToProvider,
  recordSession,
  transitionReferral,
  type ATTENDANCE,
  type NewReferral,
  type ReferralActor,
  type ReferralView,
} from '../../src/referrals/index.ts';
import { seedFixture, TEST_PASSWORD, type Fixture } from './app.ts';

type Attendance = (typeof ATTENDANCE)[number];

export interface ReferralFixture extends Fixture {
  gpOrgId: string;
  hospitalOrgId: string;
  midwifeOrgId: string;
  afklarendeTeamId: string;
  users: {
    gp: StaffUser;
    hospital: StaffUser;
    midwife: StaffUser;
    coordinator: StaffUser;
    afklarende: StaffUser;
    frontline: StaffUser;
    provider: StaffUser;
    otherProvider: StaffUser;
    admin: StaffUser;
    planner: StaffUser;
  };
}

export async function seedReferralFixture(db: Db): Promise<ReferralFixture> {
  const base = await seedFixture(db);
  const hash = await hashPassword(TEST_PASSWORD);
  return inTenant(db, '0265', async (tx) => {
    const org = async (name: string, kind: string) =>
      (
        await tx.query<{ id: string }>(
          `insert into organization (kommune, name, kind) values ('0265', $1, $2) returning id`,
          [name, kind],
        )
      )[0]!.id;
    const gpOrgId = await org('Lægehuset Algade', 'private');
    const hospitalOrgId = await org(
      'Sjællands Universitetshospital, Medicinsk afdeling',
      'regional',
    );
    const midwifeOrgId = await org('Jordemoderkonsultationen Roskilde', 'regional');
    const [team] = await tx.query<{ id: string }>(
      `insert into team (kommune, name, arena) values ('0265', 'Afklarende samtaler', 'health_centre') returning id`,
    );
    await tx.query(
      `insert into referral_setting (kommune, afklarende_team_id) values ('0265', $1)`,
      [team!.id],
    );
    const user = (
      email: string,
      role: StaffUser['role'],
      organization_id: string | null,
      team_id: string | null = null,
    ) =>
      createUser(tx, {
        kommune: '0265',
        email,
        name: email.split('@')[0]!,
        role,
        organization_id,
        team_id,
        password_hash: hash,
      });
    const existing = async (email: string) =>
      (
        await tx.query<StaffUser>(
          `select id, kommune, email, name, role, organization_id, team_id from staff_user where email = $1`,
          [email],
        )
      )[0]!;
    return {
      ...base,
      gpOrgId,
      hospitalOrgId,
      midwifeOrgId,
      afklarendeTeamId: team!.id,
      users: {
        gp: await user('gp@test.dk', 'referrer', gpOrgId),
        hospital: await user('hospital@test.dk', 'referrer', hospitalOrgId),
        midwife: await user('midwife@test.dk', 'referrer', midwifeOrgId),
        coordinator: await user('coordinator@test.dk', 'coordinator', null),
        afklarende: await user('afklarende@test.dk', 'frontline', null, team!.id),
        frontline: await existing('frontline@test.dk'),
        provider: await existing('provider@test.dk'),
        otherProvider: await existing('other-provider@test.dk'),
        admin: await existing('admin@test.dk'),
        planner: await existing('planner@test.dk'),
      },
    };
  });
}

/**
 * A referral from the GP, forwarded to the fixture's walking group, accepted by its provider
 * the next day and, with `attendance`, under way with those sessions a week apart (the first
 * the day after acceptance): the outreach lane's tests and issue 11's start here.
 */
export async function referralAtWalk(
  db: Db,
  f: ReferralFixture,
  input: NewReferral,
  opts: { at: Date; attendance?: readonly Attendance[] },
): Promise<ReferralView> {
  const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });
  const day = (n: number) => new Date(opts.at.getTime() + n * 864e5);
  const r = await createReferral(db, as(f.users.gp), input, { now: opts.at });
  let v = await forwardToProvider(
    db,
    as(f.users.coordinator),
    r.id,
    { expectedVersion: r.version, offerId: f.walkId },
    { now: opts.at },
  );
  v = await transitionReferral(
    db,
    as(f.users.provider),
    r.id,
    { to: 'accepted', expectedVersion: v.version },
    { now: day(1) },
  );
  if (!opts.attendance) return v;
  v = await transitionReferral(
    db,
    as(f.users.provider),
    r.id,
    { to: 'in-progress', expectedVersion: v.version, detail: { enrolledOn: isoDate(day(1)) } },
    { now: day(1) },
  );
  for (const [i, attendance] of opts.attendance.entries())
    v = await recordSession(
      db,
      as(f.users.provider),
      r.id,
      { expectedVersion: v.version, heldOn: isoDate(day(2 + 7 * i)), attendance },
      { now: day(2 + 7 * i) },
    );
  return v;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
