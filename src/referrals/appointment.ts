/**
 * A referral's appointment and the citizen's replies, pure (issue 11): reading the "Aftal tid"
 * form (a day and a time in Copenhagen, a place in words), what a message about it may say
 * (where and when, never the offer's topic), and what each reply choice does to the referral.
 */
import type { FieldProblem } from '../platform/errors.ts';
import { isIsoDate } from './referral.ts';
import type { CitizenReply, ReferralEventKind } from './referral.store.ts';
import { danishDate } from './working-days.ts';

export const PLACE_MAX = 300;
export const REPLY_CHOICES = ['confirm', 'cancel', 'new_time'] as const;
export type ReplyChoice = (typeof REPLY_CHOICES)[number];

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** The wall-clock time in Copenhagen at `at`, as UTC milliseconds of the same digits. */
function copenhagenWallClock(at: Date): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
}

/**
 * The instant of a day and time in Copenhagen ('2027-01-07', '10:00'). In the hour that does
 * not exist (spring forward) the time an hour later; in the hour that repeats, the first.
 */
export function copenhagenInstant(date: string, time: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(/[:.]/).map(Number) as [number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds: the offset at the guess, then at the corrected instant (around a DST change).
  let at = wanted - (copenhagenWallClock(new Date(wanted)) - wanted);
  at = wanted - (copenhagenWallClock(new Date(at)) - at);
  return new Date(at);
}

/** The day after `at` in Copenhagen (YYYY-MM-DD): the day a reminder sent at `at` is for. */
export function dayAfter(at: Date): string {
  const next = new Date(`${danishDate(at)}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export interface AppointmentForm {
  date: string;
  time: string;
  place: string;
}

/**
 * The form's appointment: a real day, a time (10:00, 10.00 or 9:30), a place of at most 300
 * characters, and not in the past. Problems name the field (date, time, place).
 */
export function readAppointment(
  f: AppointmentForm,
  now: Date,
): { ok: true; at: Date; place: string } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const date = f.date.trim();
  const time = f.time.trim();
  const place = f.place.trim();
  if (!isIsoDate(date)) problems.push({ path: 'date', message: 'referral.appointment.error.date' });
  if (!TIME.test(time)) problems.push({ path: 'time', message: 'referral.appointment.error.time' });
  if (place === '') problems.push({ path: 'place', message: 'referral.appointment.error.place' });
  else if (place.length > PLACE_MAX)
    problems.push({ path: 'place', message: 'referral.appointment.error.placeTooLong' });
  if (problems.length) return { ok: false, problems };
  const at = copenhagenInstant(date, time);
  if (at.getTime() <= now.getTime())
    return { ok: false, problems: [{ path: 'date', message: 'referral.appointment.error.past' }] };
  return { ok: true, at, place };
}

/** The appointment's day (YYYY-MM-DD) and time (HH:MM) in Copenhagen, to refill the form. */
export function appointmentFormOf(at: Date | null, place: string): AppointmentForm {
  if (!at) return { date: '', time: '', place };
  const wall = new Date(copenhagenWallClock(at)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16), place };
}

/** What a message may say about the appointment: where and who and when, nothing else. */
export function appointmentFacts(r: {
  appointment_at: Date | null;
  appointment_place: string | null;
  owner_org_name: string | null;
  owner_org_phone: string | null;
}): { placeName: string; startsAt?: Date | undefined; contactPhone?: string | undefined } {
  const phone = r.owner_org_phone?.trim();
  return {
    placeName: r.appointment_place ?? r.owner_org_name ?? '',
    ...(r.appointment_at ? { startsAt: r.appointment_at } : {}),
    ...(phone ? { contactPhone: phone } : {}),
  };
}

/**
 * What the citizen's choice does: the history's event, the reply kept on the referral, and
 * whether the appointment is given up (a cancellation: the outreach scan looks for these).
 */
export function replyEffect(choice: ReplyChoice): {
  event: ReferralEventKind;
  reply: CitizenReply;
  clearsAppointment: boolean;
} {
  switch (choice) {
    case 'confirm':
      return { event: 'citizen_confirmed', reply: 'confirmed', clearsAppointment: false };
    case 'cancel':
      return { event: 'citizen_cancelled', reply: 'cancelled', clearsAppointment: true };
    case 'new_time':
      return { event: 'new_time_requested', reply: 'new_time', clearsAppointment: false };
  }
}
