/**
 * What a citizen who signed up is told, and when (issue 11): the facts of a confirmation or a
 * reminder (where, who and when; never the offer's title or topic, which may say more about
 * the citizen's health than they want on a phone's lock screen), who gets it on which channel,
 * and which day a reminder is for. Pure; signup-messages.service.ts hands these to notify/.
 * The shapes match notify's NoticeFacts and NoticeRecipient, so this file needs no import of it.
 */
import type { OfferDetail, Schedule } from './offer.ts';
import { copenhagenNow, nextSession, type LocalMoment } from './finder.ts';
import { copenhagenInstant } from './signup-calendar.ts';
import { addressLine } from './signup-receipt.ts';
import { smsNumber, type ContactChannel } from './signup.ts';

export interface SignupNoticeFacts {
  placeName: string;
  address?: string | undefined;
  startsAt?: Date | undefined;
  contactPhone?: string | undefined;
}

export interface SignupNoticeRecipient {
  email?: string | undefined;
  phone?: string | undefined;
  channels: readonly ContactChannel[];
  language: string;
}

/** A session: the local day and time, and the schedule it belongs to (for its place). */
export type Session = LocalMoment & { schedule: Schedule };

/**
 * Where and who: the session's place (its schedule's location, else the offer's first), its
 * address, the session's start, and the provider's phone (the offer's contact, else the
 * organisation's). An online offer has no place: the provider's name stands for it.
 */
export function noticeFacts(
  offer: Pick<OfferDetail, 'locations' | 'organization' | 'contact_phone'>,
  session: Session | null,
): SignupNoticeFacts {
  const place =
    offer.locations.find((l) => l.id === session?.schedule.location_id) ?? offer.locations[0];
  const phone = offer.contact_phone.trim() || offer.organization.phone?.trim() || '';
  return {
    placeName: place?.name ?? offer.organization.name,
    ...(place ? { address: addressLine(place) } : {}),
    ...(session ? { startsAt: copenhagenInstant(session.date, session.time) } : {}),
    ...(phone ? { contactPhone: phone } : {}),
  };
}

/** The offer's next session from `now` on (Copenhagen time), or null when none is to come. */
export const nextSessionAfter = (schedules: readonly Schedule[], now: Date): Session | null =>
  nextSession(schedules, copenhagenNow(now));

/** The day after `at` in Copenhagen, 'YYYY-MM-DD': the day a reminder sent at `at` is for. */
export function dayAfter(at: Date): string {
  const today = copenhagenNow(at).date;
  const next = new Date(`${today}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The first session on `date` (local), or null when the offer does not meet that day. */
export function sessionOn(schedules: readonly Schedule[], date: string): Session | null {
  const first = nextSession(schedules, { date, time: '00:00' });
  return first && first.date === date ? first : null;
}

/**
 * A citizen who asked for a new time can't come to the next session: no reminder for the
 * sessions of the week after the request (unless they confirm again), then reminders resume,
 * since the offer meets weekly and the provider's call may not come.
 */
export const NEW_TIME_QUIET_DAYS = 6;

/** Reminders sent at `at` skip sign-ups whose new time was asked for after this instant. */
export const quietSince = (at: Date) => new Date(at.getTime() - NEW_TIME_QUIET_DAYS * 86_400_000);

/** The dedupe key that makes a second reminder run the same day send nothing. */
export const reminderKey = (signupId: string, sessionDate: string) =>
  `signup.reminder:${signupId}:${sessionDate}`;

/**
 * Who gets the message, on the channels the citizen ticked: the e-mail as given, the phone as
 * E.164 for the SMS gateway. A channel without an address is left for notify to skip.
 */
export function noticeRecipient(s: {
  email: string;
  phone: string;
  contact_channels: readonly string[];
  notice_language: string;
}): SignupNoticeRecipient {
  const channels = s.contact_channels.filter((c): c is ContactChannel =>
    (['email', 'sms'] as const).includes(c as ContactChannel),
  );
  const sms = s.phone ? smsNumber(s.phone) : undefined;
  return {
    ...(s.email ? { email: s.email } : {}),
    ...(sms ? { phone: sms } : {}),
    channels,
    language: s.notice_language,
  };
}

export type SignupStatusKey =
  | 'signup.status.confirmed'
  | 'signup.status.cancelledByCitizen'
  | 'signup.status.cancelledByProvider'
  | 'signup.status.newTime';

/**
 * What the provider should see of the citizen's answers, newest first: cancelled (and by
 * whom), asked for a new time, confirmed. Empty when the citizen has not answered.
 */
export function replyStatus(s: {
  status: string;
  cancelled_at: Date | null;
  cancelled_by: 'citizen' | 'provider' | null;
  confirmed_at: Date | null;
  new_time_requested_at: Date | null;
  created_at: Date;
}): { key: SignupStatusKey; at: Date }[] {
  const out: { key: SignupStatusKey; at: Date }[] = [];
  if (s.status === 'cancelled')
    out.push({
      key:
        s.cancelled_by === 'provider'
          ? 'signup.status.cancelledByProvider'
          : 'signup.status.cancelledByCitizen',
      at: s.cancelled_at ?? s.created_at,
    });
  if (s.new_time_requested_at)
    out.push({ key: 'signup.status.newTime', at: s.new_time_requested_at });
  if (s.confirmed_at) out.push({ key: 'signup.status.confirmed', at: s.confirmed_at });
  return out.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
}
