import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { inTenant } from '../db/db.ts';
import { REFERRAL_STATUSES } from '../referrals/index.ts';
import { DEMO_KOMMUNE } from './demo.data.ts';
import { seedDemo } from './demo.seed.ts';
import { DEMO_GP_PRACTICE, referralDemoAccounts, seedReferralDemo } from './referrals.seed.ts';

eachEngine('the referral demo', (ctx) => {
  let seeded: Awaited<ReturnType<typeof seedReferralDemo>>;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    seeded = await seedReferralDemo(ctx.db);
  }, 120_000);

  const asSystem = <T>(sql: string) =>
    inTenant(ctx.db, DEMO_KOMMUNE, async (tx) => {
      await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
      return tx.query<T>(sql);
    });

  it('has referrals in every status, from a GP practice, a hospital department and a midwife', async () => {
    const rows = await asSystem<{ status: string; org: string }>(
      `select r.status, o.name as org from referral r left join organization o on o.id = r.requester_org_id`,
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(rows.map((r) => r.org))).toEqual(
      new Set([
        DEMO_GP_PRACTICE,
        'Sjællands Universitetshospital, Medicinsk afdeling',
        'Jordemoderkonsultationen, Region Sjælland',
      ]),
    );
    const [gp] = await asSystem<{ id: string }>(
      `select id from organization where name = '${DEMO_GP_PRACTICE}'`,
    );
    expect(seeded).toEqual({ referrerOrganizationId: gp!.id });
  });

  it('closes the loop for the GP: a completed referral with a closing note and two sessions', async () => {
    const [done] = await asSystem<{ closing_outcome: string; sessions: number; events: number }>(
      `select closing_outcome, (select count(*)::int from referral_session s where s.referral_id = r.id) as sessions,
              (select count(*)::int from referral_event e where e.referral_id = r.id) as events
         from referral r where status = 'completed'`,
    );
    expect(done).toEqual({ closing_outcome: 'goal_met', sessions: 2, events: 10 });
  });

  it('has an outreach worker in the outreach team, and her queue is not empty', async () => {
    expect(referralDemoAccounts().map((a) => a.role)).toContain('outreach');
    const [worker] = await asSystem<{ team: string }>(
      `select t.name as team from staff_user u join team t on t.id = u.team_id where u.role = 'outreach'`,
    );
    expect(worker?.team).toBe('Opsøgende team');
    const cases = await asSystem<{ name: string; reason: string }>(
      `select c.name, o.reason from outreach_case o join citizen c on c.id = o.citizen_id
        where o.status = 'open'`,
    );
    expect(cases).toContainEqual({ name: 'Birthe Lund', reason: 'missed_sessions' });
  });

  it('has a coordinator and the afklarende samtale team, and seeds once only', async () => {
    expect(referralDemoAccounts().map((a) => a.role)).toContain('coordinator');
    const [setting] = await asSystem<{ team: string }>(
      `select t.name as team from referral_setting s join team t on t.id = s.afklarende_team_id`,
    );
    expect(setting?.team).toBe('Afklarende samtaler, Sundhedscenter Roskilde');
    expect(await seedReferralDemo(ctx.db)).toBeNull();
  });
});
