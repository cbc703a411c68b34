import { describe, expect, it } from 'vitest';
import type { Location, Organization } from './offer.ts';
import {
  dayAfter,
  nextSessionAfter,
  noticeFacts,
  noticeRecipient,
  reminderKey,
  replyStatus,
  sessionOn,
} from './signup-notices.ts';

const place = (id: string, name: string): Location => ({
  id,
  kommune: '0265',
  organization_id: 'o',
  name,
  description: '',
  address_1: 'Æblehaven 1',
  postal_code: '4000',
  city: 'Roskilde',
  latitude: null,
  longitude: null,
  wheelchair_accessible: false,
  accessibility_note: '',
  transport_note: '',
});
const organization = {
  name: 'Sundhedscenter Roskilde',
  phone: '46 31 00 00',
} as Organization;
// Tuesdays 10:00 at the second place.
const schedules = [{ weekday: 2, starts_at: '10:00', ends_at: '11:30', location_id: 'p2' }];

describe('what a sign-up message says', () => {
  it('names the session’s place, its address and time, and the provider’s phone: never the offer', () => {
    // Monday 2 March 2026, 15:00 in Copenhagen: the next session is Tuesday 3 March 10:00 (CET).
    const session = nextSessionAfter(schedules, new Date('2026-03-02T14:00:00Z'));
    expect(session).toMatchObject({ date: '2026-03-03', time: '10:00' });
    const facts = noticeFacts(
      {
        locations: [place('p1', 'Beboerhuset'), place('p2', 'Æblehavens beboerhus')],
        organization,
        contact_phone: '',
      },
      session,
    );
    expect(facts).toEqual({
      placeName: 'Æblehavens beboerhus',
      address: 'Æblehaven 1, 4000 Roskilde',
      startsAt: new Date('2026-03-03T09:00:00Z'),
      contactPhone: '46 31 00 00',
    });
  });

  it('an online offer is named by its provider; the offer’s own phone comes first', () => {
    expect(
      noticeFacts({ locations: [], organization, contact_phone: '+45 4634 1000' }, null),
    ).toEqual({ placeName: 'Sundhedscenter Roskilde', contactPhone: '+45 4634 1000' });
  });

  it('sends on the ticked channels, the phone as E.164', () => {
    expect(
      noticeRecipient({
        email: 'a@b.dk',
        phone: '12345678',
        contact_channels: ['email', 'sms'],
        notice_language: 'ar',
      }),
    ).toEqual({
      email: 'a@b.dk',
      phone: '+4512345678',
      channels: ['email', 'sms'],
      language: 'ar',
    });
    expect(
      noticeRecipient({ email: '', phone: '', contact_channels: [], notice_language: 'da' }),
    ).toEqual({ channels: [], language: 'da' });
  });
});

describe('which day a reminder is for', () => {
  it('is the next day in Copenhagen, across midnight and summer time', () => {
    expect(dayAfter(new Date('2026-03-02T09:00:00Z'))).toBe('2026-03-03');
    // 23:30 UTC on 2 March is already 3 March in Copenhagen.
    expect(dayAfter(new Date('2026-03-02T23:30:00Z'))).toBe('2026-03-04');
    // 23:30 CET on 28 March, then 00:30 CET on 29 March (summer time begins that night).
    expect(dayAfter(new Date('2026-03-28T22:30:00Z'))).toBe('2026-03-29');
    expect(dayAfter(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-30');
    // 00:30 summer time on 1 July is 22:30 UTC on 30 June.
    expect(dayAfter(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-02');
    expect(dayAfter(new Date('2026-12-31T12:00:00Z'))).toBe('2027-01-01');
  });

  it('finds the session on a day, and none on a day the offer does not meet', () => {
    expect(sessionOn(schedules, '2026-03-03')).toMatchObject({ date: '2026-03-03', time: '10:00' });
    expect(sessionOn(schedules, '2026-03-04')).toBeNull();
    const fortnightly = [{ ...schedules[0]!, interval_weeks: 2, valid_from: '2026-03-03' }];
    expect(sessionOn(fortnightly, '2026-03-10')).toBeNull();
    expect(sessionOn(fortnightly, '2026-03-17')).not.toBeNull();
  });

  it('keys a reminder by sign-up and session date', () => {
    expect(reminderKey('abc', '2026-03-03')).toBe('signup.reminder:abc:2026-03-03');
  });
});

describe('the citizen’s answers as the provider sees them', () => {
  const base = {
    status: 'new',
    cancelled_at: null,
    cancelled_by: null,
    confirmed_at: null,
    new_time_requested_at: null,
    created_at: new Date('2026-03-01T10:00:00Z'),
  };
  it('lists the answers newest first, and who cancelled', () => {
    expect(replyStatus(base)).toEqual([]);
    expect(
      replyStatus({
        ...base,
        status: 'cancelled',
        cancelled_at: new Date('2026-03-03T10:00:00Z'),
        cancelled_by: 'citizen',
        confirmed_at: new Date('2026-03-02T10:00:00Z'),
      }).map((s) => s.key),
    ).toEqual(['signup.status.cancelledByCitizen', 'signup.status.confirmed']);
    expect(
      replyStatus({
        ...base,
        status: 'cancelled',
        cancelled_by: 'provider',
        new_time_requested_at: new Date('2026-03-02T10:00:00Z'),
      }).map((s) => s.key),
    ).toEqual(['signup.status.newTime', 'signup.status.cancelledByProvider']);
  });
});
