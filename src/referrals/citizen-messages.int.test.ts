/**
 * Issue 11, the referral side: an appointment (booked with the samtale, or "Aftal tid" with a
 * version check), the messages the citizen is sent in their language on the channels they
 * consented to (received, appointment, reminder the day before once, closed), and each of the
 * reply link's choices, applied as the citizen.
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import type { ContactChannel } from '../people/index.ts';
import { referralReplyHandler, sendReferralReminders } from './citizen-messages.service.ts';
import {
  bookAfklarendeSamtale,
  createReferral,
  forwardToProvider,
  getReferral,
  ReferralError,
  setAppointment,
  transitionReferral,
  type NewReferral,
  type ReferralActor,
} from './referral.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });

let n = 0;
const input = (
  language: string,
  channels: ContactChannel[],
  over: Partial<NewReferral> = {},
): NewReferral => ({
  citizen: {
    name: `Beskeder Borger ${++n}`,
    birthDate: '1971-03-04',
    phone: '20 30 40 50',
    email: `borger${n}@example.dk`,
    preferredLanguage: language,
    contactChannels: channels,
  },
  requestedService: 'afklarende_samtale',
  reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
  needs: { interpreter: false, handHeld: false },
  note: '',
  consentAt: new Date('2027-01-04T08:00:00Z'),
  ...over,
});

// Monday 4 January 2027, 09:00 in Copenhagen.
const now = new Date('2027-01-04T08:00:00Z');

interface Sent {
  kind: string;
  channel: string;
  to_address: string;
  subject: string;
  body_text: string;
  dedupe_key: string | null;
}

eachEngine('referral messages and replies', (ctx) => {
  let f: ReferralFixture;
  const sent = (id: string) =>
    inTenant(ctx.db, '0265', (tx) =>
      tx.query<Sent>(
        `select kind, channel, to_address, subject, body_text, dedupe_key from outbox
          where about_type = 'referral' and about_id = $1 order by created_at, channel`,
        [id],
      ),
    );
  const events = (id: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
      return tx.query<{ kind: string; actor_role: string; reason_text: string }>(
        'select kind, actor_role, reason_text from referral_event where referral_id = $1 order by id',
        [id],
      );
    });
  const audits = (id: string) =>
    inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ actor_role: string; summary: string }>(
        `select actor_role, summary from audit_log where entity = 'referral' and entity_id = $1 order by seq`,
        [id],
      ),
    );
  /** A referral booked for an afklarende samtale with an appointment on Thursday at 10:00. */
  const booked = async (language: string, channels: ContactChannel[]) => {
    const r = await createReferral(ctx.db, as(f.users.gp), input(language, channels), { now });
    return bookAfklarendeSamtale(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      {
        expectedVersion: r.version,
        appointment: { date: '2027-01-07', time: '10:00', place: '' },
      },
      { now },
    );
  };

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
  });

  it('booking with a time sends the appointment, in the citizen language, only on consented channels', async () => {
    const v = await booked('ar', ['email']);
    expect(v.status).toBe('accepted');
    // 10:00 in Copenhagen in winter is 09:00 UTC; the place defaults to the team's name.
    expect(v.appointment).toEqual({
      at: new Date('2027-01-07T09:00:00Z'),
      place: 'Afklarende samtaler',
    });
    const out = await sent(v.id);
    expect(out.map((m) => [m.kind, m.channel])).toEqual([['referral.appointment', 'email']]);
    expect(out[0]!.to_address).toMatch(/^borger\d+@example\.dk$/);
    // Arabic text, a reply link, and nothing about what the referral is for.
    expect(out[0]!.body_text).toMatch(/[\u0600-\u06ff]/);
    expect(out[0]!.body_text).toContain('/svar/');
    expect(out[0]!.body_text).not.toMatch(/physical|fysisk|diabetes/i);
    expect((await events(v.id)).map((e) => e.kind)).toEqual(['created', 'booked']);
  });

  it('sends nothing to a citizen who consented to no channel', async () => {
    const v = await booked('da', []);
    expect(v.appointment).not.toBeNull();
    expect(await sent(v.id)).toEqual([]);
  });

  it('e-mail and SMS both, the phone in E.164; booking without a time says received', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), input('tr', ['email', 'sms']), { now });
    const v = await bookAfklarendeSamtale(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: r.version },
      { now },
    );
    expect(v.appointment).toBeNull();
    const out = await sent(v.id);
    expect(out.map((m) => [m.kind, m.channel]).sort()).toEqual([
      ['referral.received', 'email'],
      ['referral.received', 'sms'],
    ]);
    expect(out.find((m) => m.channel === 'sms')!.to_address).toBe('+4520304050');
  });

  it('"Aftal tid": checks the version, the fields and the party; sends the appointment', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), input('uk', ['email']), { now });
    const b = await bookAfklarendeSamtale(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: r.version },
      { now },
    );
    // The referrer is no receiver.
    await expect(
      setAppointment(
        ctx.db,
        as(f.users.gp),
        r.id,
        { expectedVersion: b.version, date: '2027-01-08', time: '09:30', place: 'Her' },
        { now },
      ),
    ).rejects.toMatchObject({ referralCode: 'referral.transition' });
    // Fields named.
    const bad = await setAppointment(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: b.version, date: '2027-02-30', time: '25:00', place: 'x' },
      { now },
    ).catch((e: unknown) => e as ReferralError);
    expect((bad as ReferralError).problems.map((p) => [p.path, p.message])).toEqual([
      ['date', 'referral.appointment.error.date'],
      ['time', 'referral.appointment.error.time'],
    ]);
    const past = await setAppointment(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: b.version, date: '2027-01-03', time: '10:00', place: 'x' },
      { now },
    ).catch((e: unknown) => e as ReferralError);
    expect((past as ReferralError).problems[0]?.message).toBe('referral.appointment.error.past');

    const v = await setAppointment(
      ctx.db,
      as(f.users.afklarende),
      r.id,
      { expectedVersion: b.version, date: '2027-01-08', time: '09.30', place: '' },
      { now },
    );
    expect(v.version).toBe(b.version + 1);
    expect(v.appointment).toEqual({
      at: new Date('2027-01-08T08:30:00Z'),
      place: 'Afklarende samtaler',
    });
    // A second change at the old version is stale.
    await expect(
      setAppointment(
        ctx.db,
        as(f.users.coordinator),
        r.id,
        { expectedVersion: b.version, date: '2027-01-09', time: '10:00', place: 'Et sted' },
        { now },
      ),
    ).rejects.toMatchObject({ referralCode: 'referral.stale' });
    expect((await sent(r.id)).map((m) => m.kind)).toEqual([
      'referral.received',
      'referral.appointment',
    ]);
    expect((await sent(r.id))[1]!.body_text).toMatch(/[\u0400-\u04ff]/);
    expect((await events(r.id)).map((e) => e.kind)).toEqual(['created', 'booked', 'appointment']);
  });

  it('reminds once, the day before, in every municipality; not for other days', async () => {
    const v = await booked('en', ['email']);
    // Tuesday: the appointment is on Thursday, so no reminder for it yet.
    await sendReferralReminders(ctx.db, new Date('2027-01-05T10:00:00Z'));
    expect((await sent(v.id)).filter((m) => m.kind === 'referral.reminder')).toEqual([]);
    // Wednesday afternoon in Copenhagen: tomorrow's appointments.
    const wednesday = new Date('2027-01-06T16:00:00Z');
    expect(await sendReferralReminders(ctx.db, wednesday)).toBeGreaterThanOrEqual(1);
    expect(await sendReferralReminders(ctx.db, wednesday)).toBe(0);
    const reminders = (await sent(v.id)).filter((m) => m.kind === 'referral.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.dedupe_key).toBe(`referral.reminder:${v.id}:2027-01-07:email`);
    expect(reminders[0]!.body_text).toContain('/svar/');
    // After midnight in Copenhagen it is Friday's reminders, not this one's again.
    await sendReferralReminders(ctx.db, new Date('2027-01-06T23:30:00Z'));
    expect((await sent(v.id)).filter((m) => m.kind === 'referral.reminder')).toHaveLength(1);
  });

  it('each reply choice is applied as the citizen: confirm, new time (with a wish), cancel', async () => {
    const v = await booked('so', ['email']);
    const reply = (choice: 'confirm' | 'cancel' | 'new_time', note?: string) =>
      inTenant(ctx.db, '0265', (tx) =>
        referralReplyHandler.apply(
          tx,
          '0265',
          v.id,
          choice,
          new Date(now.getTime() + 60_000),
          note,
        ),
      );
    const describe = () =>
      inTenant(ctx.db, '0265', (tx) => referralReplyHandler.describe(tx, '0265', v.id));
    expect(await describe()).toEqual({
      placeName: 'Afklarende samtaler',
      startsAt: new Date('2027-01-07T09:00:00Z'),
      open: true,
    });

    await reply('confirm');
    let now2 = await getReferral(ctx.db, as(f.users.coordinator), v.id, { now });
    expect(now2.citizenReply?.reply).toBe('confirmed');
    expect(now2.version).toBe(v.version + 1);

    await reply('new_time', 'Helst om formiddagen');
    now2 = await getReferral(ctx.db, as(f.users.coordinator), v.id, { now });
    expect(now2.citizenReply?.reply).toBe('new_time');
    expect(now2.appointment).not.toBeNull();

    await reply('cancel');
    now2 = await getReferral(ctx.db, as(f.users.coordinator), v.id, { now });
    expect(now2.citizenReply?.reply).toBe('cancelled');
    expect(now2.appointment).toBeNull();
    expect(now2.status).toBe('accepted');
    expect((await describe())?.open).toBe(false);

    const ev = await events(v.id);
    expect(ev.slice(2).map((e) => [e.kind, e.actor_role, e.reason_text])).toEqual([
      ['citizen_confirmed', 'citizen', ''],
      ['new_time_requested', 'citizen', 'Helst om formiddagen'],
      ['citizen_cancelled', 'citizen', ''],
    ]);
    const citizenAudits = (await audits(v.id)).filter((a) => a.actor_role === 'citizen');
    expect(citizenAudits.map((a) => a.summary)).toEqual([
      'reply page opened',
      'citizen replied: confirm',
      'citizen replied: new_time',
      'citizen replied: cancel',
      'reply page opened',
    ]);
    // A reply once nothing is open changes nothing.
    await reply('confirm');
    expect((await events(v.id)).length).toBe(ev.length);

    // The intake queue marks it.
    const screen = await import('./web.service.ts').then((m) =>
      m.intakeQueue(ctx.db, as(f.users.coordinator), now),
    );
    expect(screen.replies.map((r) => r.referral.id)).toContain(v.id);
  });

  it('accepting at a provider says received; closing says closed, once', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), input('da', ['email']), { now });
    const fwd = await forwardToProvider(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      { expectedVersion: r.version, offerId: f.walkId },
      { now },
    );
    const acc = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      { to: 'accepted', expectedVersion: fwd.version },
      { now },
    );
    const started = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      { to: 'in-progress', expectedVersion: acc.version, detail: { enrolledOn: '2027-01-05' } },
      { now },
    );
    const done = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      {
        to: 'completed',
        expectedVersion: started.version,
        detail: {
          closingNote: { outcome: 'goal_met', sessionsAttended: 4, agreed: '', nextStep: '' },
        },
      },
      { now },
    );
    expect(done.status).toBe('completed');
    const out = await sent(r.id);
    expect(out.map((m) => [m.kind, m.channel])).toEqual([
      ['referral.received', 'email'],
      ['referral.closed', 'email'],
    ]);
    // Danish; where (the provider), never the offer's title.
    expect(out[0]!.body_text).toContain('Sundhedscenter Roskilde');
    expect(out.map((m) => m.body_text).join(' ')).not.toMatch(/Gåtur/i);
  });
});
