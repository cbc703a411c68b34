/**
 * The two outreach events not covered by outreach.int.test.ts: a cancellation by the citizen
 * with no new time (a linked sign-up; a referral appointment cancelled by reply link), and
 * hand-held support without contact.
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { createUser } from '../staff/staff.store.ts';
import {
  createReferral,
  forwardToProvider,
  markContacted,
  referralReplyHandler,
  setAppointment,
  transitionReferral,
  type NewReferral,
  type ReferralActor,
} from '../referrals/index.ts';
import { outreachQueue, scanOutreach, type OutreachActor } from './outreach.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });
const input = (name: string, over: Partial<NewReferral> = {}): NewReferral => ({
  citizen: {
    name,
    birthDate: '1970-02-02',
    phone: '20 30 40 50',
    email: `${name.replace(/\W/g, '').toLowerCase()}@example.dk`,
    preferredLanguage: 'da',
    interpreterNeeded: false,
  },
  requestedService: 'afklarende_samtale',
  reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
  needs: {},
  note: '',
  consentAt: new Date('2026-01-05T08:00:00Z'),
  ...over,
});
const monday = new Date('2026-01-05T08:00:00Z');
const day = (n: number) => new Date(monday.getTime() + n * 864e5);

eachEngine('outreach events: cancelled, hand-held', (ctx) => {
  let f: ReferralFixture;
  let worker: OutreachActor;

  const reasonsOf = async (name: string) =>
    (await outreachQueue(ctx.db, worker))
      .filter((q) => q.citizenName === name)
      .flatMap((q) => q.reasons);

  /** A citizen record and a sign-up of theirs to the walk, cancelled at `cancelledAt`. */
  async function cancelledSignup(name: string, by: 'citizen' | 'provider', cancelledAt: Date) {
    return ctx.db.asOwner(async (tx) => {
      const [c] = await tx.query<{ id: string }>(
        `insert into citizen (kommune, name, birth_date, phone) values ('0265', $1, '1980-03-03', '20304050') returning id`,
        [name],
      );
      const [s] = await tx.query<{ id: string }>(
        `insert into signup (kommune, offer_id, name, phone, preferred_language, consent_version,
                             consented_at, receipt_code, status, created_at, citizen_id,
                             cancelled_by, cancelled_at)
         values ('0265', $1, $2, '20304050', 'da', 'v1', $3, 'ABC123', 'cancelled', $3, $4, $5, $6)
         returning id`,
        [f.walkId, name, day(-10), c!.id, by, cancelledAt],
      );
      return { citizenId: c!.id, signupId: s!.id };
    });
  }

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    const w = await inTenant(ctx.db, '0265', async (tx) => {
      const [team] = await tx.query<{ id: string }>(
        `insert into team (kommune, name, arena) values ('0265', 'Opsøgende team', 'own_home') returning id`,
      );
      return createUser(tx, {
        kommune: '0265',
        email: 'outreach@test.dk',
        name: 'Opsøger Lise',
        role: 'outreach',
        organization_id: null,
        team_id: team!.id,
        password_hash: 'x',
      });
    });
    worker = { staff: w, requestId: 'test' };
    // Only the events under test: the others would also catch these citizens' referrals.
    await ctx.db.asOwner((tx) =>
      tx.query(
        `insert into outreach_rule (kommune, event, enabled, threshold)
         values ('0265', 'referral_unanswered', false, 0), ('0265', 'not_reached', false, 5),
                ('0265', 'rejected_no_alternative', false, 5)`,
      ),
    );
  });

  it('a linked sign-up the citizen cancelled: a case after 3 days, not before, once', async () => {
    await cancelledSignup('Signe Afmeldt', 'citizen', day(0));
    await cancelledSignup('Poul Aflyst', 'provider', day(0));
    await scanOutreach(ctx.db, { at: new Date(day(3).getTime() - 60_000), kommune: '0265' });
    expect(await reasonsOf('Signe Afmeldt')).toEqual([]);
    await scanOutreach(ctx.db, { at: day(3), kommune: '0265' });
    expect(await reasonsOf('Signe Afmeldt')).toEqual(['cancelled_no_new_time']);
    // The provider cancelled: not the citizen's doing, not chased.
    expect(await reasonsOf('Poul Aflyst')).toEqual([]);
    expect(await scanOutreach(ctx.db, { at: day(4), kommune: '0265' })).toEqual({
      opened: 0,
      added: 0,
    });
  });

  it('a public sign-up without a citizen record is not chased', async () => {
    await ctx.db.asOwner((tx) =>
      tx.query(
        `insert into signup (kommune, offer_id, name, phone, preferred_language, consent_version,
                             consented_at, receipt_code, status, cancelled_by, cancelled_at)
         values ('0265', $1, 'Anonym Afmelder', '20304050', 'da', 'v1', $2, 'XYZ789', 'cancelled',
                 'citizen', $2)`,
        [f.walkId, day(0)],
      ),
    );
    await scanOutreach(ctx.db, { at: day(10), kommune: '0265' });
    expect(await reasonsOf('Anonym Afmelder')).toEqual([]);
  });

  it('a referral appointment cancelled by the reply link with no new time opens a case', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), input('Rikke Reply'), { now: monday });
    let v = await forwardToProvider(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: r.version, offerId: f.walkId },
      { now: monday },
    );
    v = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      { to: 'accepted', expectedVersion: v.version },
      { now: day(1) },
    );
    v = await markContacted(
      ctx.db,
      as(f.users.provider),
      r.id,
      { expectedVersion: v.version },
      { now: day(1) },
    );
    await setAppointment(
      ctx.db,
      as(f.users.provider),
      r.id,
      { expectedVersion: v.version, date: '2026-01-20', time: '10:00', place: 'Sundhedshuset' },
      { now: day(1) },
    );
    await inTenant(ctx.db, '0265', (tx) =>
      referralReplyHandler.apply(tx, '0265', r.id, 'cancel', day(2)),
    );
    await scanOutreach(ctx.db, { at: day(4), kommune: '0265' });
    expect(await reasonsOf('Rikke Reply')).toEqual([]);
    await scanOutreach(ctx.db, { at: day(5), kommune: '0265' });
    expect(await reasonsOf('Rikke Reply')).toEqual(['cancelled_no_new_time']);
  });

  it('hand-held support without contact for 30 days opens a case, once', async () => {
    // A hand-held referral accepted and contacted on day 1; nothing since.
    const r = await createReferral(
      ctx.db,
      as(f.users.gp),
      input('Hans Hånd', { needs: { handHeld: true } }),
      { now: monday },
    );
    let v = await forwardToProvider(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: r.version, offerId: f.walkId },
      { now: monday },
    );
    v = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      { to: 'accepted', expectedVersion: v.version },
      { now: day(1) },
    );
    await markContacted(
      ctx.db,
      as(f.users.provider),
      r.id,
      { expectedVersion: v.version },
      { now: day(1) },
    );
    await scanOutreach(ctx.db, { at: day(30), kommune: '0265' });
    expect(await reasonsOf('Hans Hånd')).toEqual([]);
    const s = await scanOutreach(ctx.db, { at: day(31), kommune: '0265' });
    expect(s.opened).toBeGreaterThanOrEqual(1);
    expect(await reasonsOf('Hans Hånd')).toEqual(['handheld_no_contact']);
    await scanOutreach(ctx.db, { at: day(45), kommune: '0265' });
    expect(await reasonsOf('Hans Hånd')).toEqual(['handheld_no_contact']);
  });
});
