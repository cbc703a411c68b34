/**
 * "Tilføj til kalender": an offer's schedule as an iCalendar file (RFC 5545), built with
 * ical-generator. Each weekly schedule is one event from its next session on, repeating as an
 * RRULE (FREQ=WEEKLY, its interval, UNTIL its last day); times are Copenhagen wall-clock times
 * (TZID=Europe/Copenhagen, with the VTIMEZONE the RFC asks for). The file holds the offer's
 * public facts and, if the citizen's receipt page asked for it, the receipt code: never a
 * name, phone or e-mail. Pure: the route sends it as text/calendar.
 */
import ical, { ICalEventRepeatingFreq, ICalWeekday, type ICalLocation } from 'ical-generator';
import type { Translate } from '../web/i18n.ts';
import type { UiLanguage } from '../web/languages.ts';
import type { OfferDetail, Schedule } from './offer.ts';
import { copenhagenNow, nextSession, type LocalMoment } from './finder.ts';
import { localText } from './pages/present.ts';
import { addressLine } from './signup-receipt.ts';

export const TIME_ZONE = 'Europe/Copenhagen';

/**
 * Europe/Copenhagen since 1996 (EU summer time: last Sunday of March 02:00 → 03:00, last
 * Sunday of October 03:00 → 02:00), as calendar programs expect it beside a TZID.
 */
export const COPENHAGEN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Copenhagen',
  'X-LIC-LOCATION:Europe/Copenhagen',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const WEEKDAYS: readonly ICalWeekday[] = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** Copenhagen's offset from UTC in minutes at an instant (+60 in winter, +120 in summer). */
function copenhagenOffset(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant of a Copenhagen wall-clock time ('YYYY-MM-DD', 'HH:MM[:SS]'). */
export function copenhagenInstant(date: string, time: string): Date {
  const [h = 0, mi = 0, s = 0] = time.split(':').map(Number);
  const [y = 1970, mo = 1, d = 1] = date.split('-').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = asUtc - copenhagenOffset(new Date(asUtc)) * 60_000;
  return new Date(asUtc - copenhagenOffset(new Date(first)) * 60_000);
}

/**
 * A wall-clock time for ical-generator: with an event time zone set it writes a Date by its
 * local fields after TZID=…, and an ISO string without offset is read as local time, so the
 * Copenhagen time comes out unchanged whatever the server's own zone is.
 */
const wallClock = (date: string, time: string) => `${date}T${time.slice(0, 5)}:00`;

export interface CalendarOptions {
  lang: UiLanguage;
  t: Translate;
  /** The offer page's absolute URL, put into each event. */
  offerUrl: string;
  /** The host name, for the events' UIDs (stable, so a second download updates). */
  host: string;
  /** The citizen's receipt code, if the receipt page passed it on. */
  receiptCode?: string | null;
  now?: Date;
}

/** The sessions the file will hold: each schedule with a session to come, from its next one. */
export function upcomingSchedules(
  schedules: readonly Schedule[],
  from: LocalMoment,
): { schedule: Schedule; first: LocalMoment }[] {
  return schedules.flatMap((schedule) => {
    const next = nextSession([schedule], from);
    return next ? [{ schedule, first: { date: next.date, time: next.time } }] : [];
  });
}

/** True when an .ics file would hold at least one event. */
export const hasCalendar = (offer: Pick<OfferDetail, 'schedules'>, now = new Date()) =>
  upcomingSchedules(offer.schedules, copenhagenNow(now)).length > 0;

/** The offer's sessions as an iCalendar text, or null when none are to come. */
export function offerCalendar(offer: OfferDetail, opts: CalendarOptions): string | null {
  const now = opts.now ?? new Date();
  const { t, lang } = opts;
  const sessions = upcomingSchedules(offer.schedules, copenhagenNow(now));
  if (sessions.length === 0) return null;
  const text = localText(offer, lang);
  const calendar = ical({
    prodId: { company: 'Lighed', product: 'Lighed', language: lang.toUpperCase() },
    name: text.title,
    // No calendar-wide zone (DTSTAMP and UNTIL stay in UTC, as RFC 5545 requires); the
    // generator adds the VTIMEZONE for the events' TZID.
    timezone: { name: null, generator: (tz) => (tz === TIME_ZONE ? COPENHAGEN_VTIMEZONE : null) },
  });
  const contact = [offer.contact_name, offer.contact_phone, offer.contact_email]
    .filter(Boolean)
    .join(', ');
  const description = [
    text.summary,
    t('receipt.ics.provider', { provider: offer.organization.name }),
    contact ? t('receipt.ics.contact', { contact }) : '',
    opts.receiptCode ? t('receipt.ics.receiptCode', { code: opts.receiptCode }) : '',
    opts.offerUrl,
  ]
    .filter(Boolean)
    .join('\n');
  sessions.forEach(({ schedule, first }, i) => {
    const place =
      offer.locations.find((l) => l.id === schedule.location_id) ?? offer.locations[0] ?? null;
    const location: ICalLocation | null = place
      ? {
          title: place.name,
          address: addressLine(place),
          ...(place.latitude !== null && place.longitude !== null
            ? { geo: { lat: place.latitude, lon: place.longitude } }
            : {}),
        }
      : offer.mode === 'online'
        ? { title: t('offer.online') }
        : null;
    const interval = schedule.interval_weeks ?? 1;
    calendar.createEvent({
      id: `${offer.id}-${schedule.id ?? i}@${opts.host}`,
      stamp: now,
      timezone: TIME_ZONE,
      start: wallClock(first.date, schedule.starts_at),
      end: wallClock(first.date, schedule.ends_at),
      summary: text.title,
      description,
      location,
      url: opts.offerUrl,
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        ...(interval > 1 ? { interval } : {}),
        byDay: [WEEKDAYS[schedule.weekday - 1]!],
        // Inclusive: the end of the schedule's last day, as an instant (UTC in the file).
        ...(schedule.valid_to ? { until: copenhagenInstant(schedule.valid_to, '23:59:59') } : {}),
      },
    });
  });
  return calendar.toString();
}

/** "gaatur-i-aeblehaven.ics": the Danish title in ASCII, for Content-Disposition. */
export function icsFilename(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${ascii || 'tilbud'}.ics`;
}
