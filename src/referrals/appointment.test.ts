import { describe, expect, it } from 'vitest';
import {
  appointmentFacts,
  appointmentFormOf,
  copenhagenInstant,
  dayAfter,
  readAppointment,
  replyEffect,
} from './appointment.ts';

describe('appointment times in Copenhagen', () => {
  it('winter and summer time, and the days the clocks change', () => {
    expect(copenhagenInstant('2027-01-07', '10:00').toISOString()).toBe('2027-01-07T09:00:00.000Z');
    expect(copenhagenInstant('2027-07-01', '10.00').toISOString()).toBe('2027-07-01T08:00:00.000Z');
    // 28 March 2027: 02:00 becomes 03:00; 02:30 does not exist, so an hour later.
    expect(copenhagenInstant('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(copenhagenInstant('2027-03-28', '03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 31 October 2027: 03:00 becomes 02:00 again.
    expect(copenhagenInstant('2027-10-31', '12:00').toISOString()).toBe('2027-10-31T11:00:00.000Z');
  });

  it('the day after, as Copenhagen counts days', () => {
    expect(dayAfter(new Date('2027-01-06T16:00:00Z'))).toBe('2027-01-07');
    // 23:30 UTC on the 6th is already the 7th in Copenhagen.
    expect(dayAfter(new Date('2027-01-06T23:30:00Z'))).toBe('2027-01-08');
    expect(dayAfter(new Date('2027-12-31T12:00:00Z'))).toBe('2028-01-01');
  });

  it('refills the form with the same day and time', () => {
    expect(appointmentFormOf(new Date('2027-07-01T08:00:00Z'), 'Her')).toEqual({
      date: '2027-07-01',
      time: '10:00',
      place: 'Her',
    });
    expect(appointmentFormOf(null, 'Der')).toEqual({ date: '', time: '', place: 'Der' });
  });
});

describe('reading "Aftal tid"', () => {
  const now = new Date('2027-01-04T08:00:00Z');
  it('names each field wrong, and a time passed', () => {
    const r = readAppointment({ date: '2027-13-01', time: '7', place: '' }, now);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['date', 'time', 'place']);
    const long = readAppointment(
      { date: '2027-01-05', time: '10:00', place: 'x'.repeat(301) },
      now,
    );
    expect(long.ok ? '' : long.problems[0]!.message).toBe(
      'referral.appointment.error.placeTooLong',
    );
    const past = readAppointment({ date: '2027-01-04', time: '08:59', place: 'Her' }, now);
    expect(past.ok ? '' : past.problems[0]!.message).toBe('referral.appointment.error.past');
  });
  it('takes a good one, trimmed', () => {
    expect(readAppointment({ date: '2027-01-04', time: ' 9:30', place: ' Her ' }, now)).toEqual({
      ok: true,
      at: new Date('2027-01-04T08:30:00Z'),
      place: 'Her',
    });
  });
});

describe('what a message says and what a reply does', () => {
  it('place and time and the provider phone, nothing else', () => {
    const at = new Date('2027-01-07T09:00:00Z');
    expect(
      appointmentFacts({
        appointment_at: at,
        appointment_place: 'Sundhedscenter Roskilde',
        owner_org_name: 'X',
        owner_org_phone: ' 46 31 00 00 ',
      }),
    ).toEqual({ placeName: 'Sundhedscenter Roskilde', startsAt: at, contactPhone: '46 31 00 00' });
    expect(
      appointmentFacts({
        appointment_at: null,
        appointment_place: null,
        owner_org_name: 'Sundhedscenter Roskilde',
        owner_org_phone: null,
      }),
    ).toEqual({ placeName: 'Sundhedscenter Roskilde' });
  });
  it('only a cancellation gives the appointment up', () => {
    expect(replyEffect('confirm')).toEqual({
      event: 'citizen_confirmed',
      reply: 'confirmed',
      clearsAppointment: false,
    });
    expect(replyEffect('cancel').clearsAppointment).toBe(true);
    expect(replyEffect('new_time').event).toBe('new_time_requested');
  });
});
