import { describe, expect, it } from 'vitest';
import { translator } from '../web/i18n.ts';
import type { OfferDetail, Schedule } from './offer.ts';
import {
  copenhagenInstant,
  hasCalendar,
  icsFilename,
  offerCalendar,
  type CalendarOptions,
} from './signup-calendar.ts';

/** RFC 5545 §3.1: lines end in CRLF, a line starting with a space continues the one before. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** The content lines of each VEVENT (and the calendar's own), parsed as name;params:value. */
function parse(ics: string): { calendar: Prop[]; events: Prop[][]; timezones: string[][] } {
  const calendar: Prop[] = [];
  const events: Prop[][] = [];
  const timezones: string[][] = [];
  let event: Prop[] | null = null;
  let tz: string[] | null = null;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') event = [];
    else if (line === 'END:VEVENT') {
      events.push(event!);
      event = null;
    } else if (line === 'BEGIN:VTIMEZONE') tz = [];
    else if (line === 'END:VTIMEZONE') {
      timezones.push(tz!);
      tz = null;
    } else if (tz) tz.push(line);
    else {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [name = '', ...params] = line.slice(0, colon).split(';');
      const prop: Prop = {
        name,
        params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
        value: line.slice(colon + 1),
      };
      (event ?? calendar).push(prop);
    }
  }
  return { calendar, events, timezones };
}

const get = (props: Prop[], name: string) => props.find((p) => p.name === name);

const now = new Date('2026-03-02T08:00:00Z'); // Monday 2 March 2026, 09:00 in Copenhagen

function offer(schedules: Schedule[], over: Partial<OfferDetail> = {}): OfferDetail {
  return {
    id: '6f7c1f7e-3b0a-4a55-9f1e-0d6b1c3f2a11',
    kommune: '0265',
    organization_id: 'org',
    title: 'Gåtur i Æblehaven; kaffe, kage',
    summary: 'Vi går en tur sammen.',
    description: '',
    how_to_join: '',
    arena: 'housing_area',
    offer_type: 'group',
    topics: [],
    life_phases: [],
    languages: ['da'],
    mode: 'in_person',
    interpreter_available: false,
    free: true,
    price_dkk: null,
    price_note: '',
    children_welcome: false,
    childcare: false,
    wheelchair_accessible: false,
    welcomes_newcomers: false,
    transport_help: false,
    min_age: null,
    max_age: null,
    recommendations: [],
    target_groups: [],
    contact_name: 'Mette',
    contact_phone: '46 31 00 00',
    contact_email: 'sund@roskilde.dk',
    url: '',
    status: 'published',
    translations: { ar: { title: 'نزهة مشي', summary: 'نمشي معًا.' } },
    last_confirmed_at: null,
    demo: false,
    created_at: now,
    updated_at: now,
    organization: {
      id: 'org',
      kommune: '0265',
      name: 'Sundhedscenter Roskilde',
      description: '',
      kind: 'municipal',
      email: null,
      phone: null,
      website: null,
      status: 'active',
    },
    locations: [
      {
        id: 'loc',
        kommune: '0265',
        organization_id: 'org',
        name: 'Æblehavens beboerhus',
        description: '',
        address_1: 'Æblehaven 1',
        postal_code: '4000',
        city: 'Roskilde',
        latitude: 55.6469,
        longitude: 12.0631,
        wheelchair_accessible: true,
        accessibility_note: '',
        transport_note: '',
      },
    ],
    schedules,
    ...over,
  };
}

const opts = (over: Partial<CalendarOptions> = {}): CalendarOptions => ({
  lang: 'da',
  t: translator('da'),
  offerUrl: 'https://lighed.example/tilbud/6f7c1f7e-3b0a-4a55-9f1e-0d6b1c3f2a11',
  host: 'lighed.example',
  now,
  ...over,
});

const tuesday: Schedule = { id: 's1', weekday: 2, starts_at: '10:00', ends_at: '11:30' };

describe("an offer's calendar file", () => {
  it('is a valid RFC 5545 calendar: CRLF, folded at 75 octets, VERSION, PRODID, one VEVENT', () => {
    const ics = offerCalendar(offer([tuesday]), opts())!;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parse(ics).events).toHaveLength(1);
  });

  it('repeats a weekly session from its next date, in Copenhagen time with its VTIMEZONE', () => {
    const { events, timezones } = parse(offerCalendar(offer([tuesday]), opts())!);
    const e = events[0]!;
    expect(get(e, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Copenhagen' },
      value: '20260303T100000',
    });
    expect(get(e, 'DTEND')?.value).toBe('20260303T113000');
    expect(get(e, 'DTEND')?.params.TZID).toBe('Europe/Copenhagen');
    expect(get(e, 'RRULE')?.value).toBe('FREQ=WEEKLY;BYDAY=TU');
    // DTSTAMP is UTC, as the RFC requires.
    expect(get(e, 'DTSTAMP')?.value).toBe('20260302T080000Z');
    expect(get(e, 'UID')?.value).toBe('6f7c1f7e-3b0a-4a55-9f1e-0d6b1c3f2a11-s1@lighed.example');
    expect(timezones).toHaveLength(1);
    expect(timezones[0]).toContain('TZID:Europe/Copenhagen');
    expect(timezones[0]).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(timezones[0]).toContain('TZOFFSETTO:+0200');
  });

  it('keeps an interval and ends on the last day as a UTC instant (UNTIL), summer time included', () => {
    const every2: Schedule = {
      id: 's2',
      weekday: 4,
      starts_at: '18:00',
      ends_at: '19:00',
      interval_weeks: 2,
      valid_from: '2026-03-05',
      valid_to: '2026-06-25',
    };
    const e = parse(offerCalendar(offer([every2]), opts())!).events[0]!;
    expect(get(e, 'DTSTART')?.value).toBe('20260305T180000');
    // 25 June 23:59:59 in Copenhagen is 21:59:59 UTC (summer time, +2).
    expect(get(e, 'RRULE')?.value).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20260625T215959Z;BYDAY=TH');
  });

  it('writes the same local times whatever time zone the server runs in', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const ny = offerCalendar(offer([tuesday]), opts())!;
      process.env.TZ = 'Asia/Tokyo';
      const tokyo = offerCalendar(offer([tuesday]), opts())!;
      expect(get(parse(ny).events[0]!, 'DTSTART')?.value).toBe('20260303T100000');
      expect(tokyo).toBe(ny);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('has one event per schedule still to come, and none (no file) when all have ended', () => {
    const ended: Schedule = { ...tuesday, id: 's3', valid_to: '2026-02-01' };
    expect(parse(offerCalendar(offer([tuesday, ended]), opts())!).events).toHaveLength(1);
    expect(offerCalendar(offer([ended]), opts())).toBeNull();
    expect(offerCalendar(offer([]), opts())).toBeNull();
    expect(hasCalendar(offer([ended]), now)).toBe(false);
    expect(hasCalendar(offer([tuesday]), now)).toBe(true);
  });

  it('names the place, its address and coordinates, and escapes text as the RFC says', () => {
    const e = parse(offerCalendar(offer([tuesday]), opts())!).events[0]!;
    expect(get(e, 'SUMMARY')?.value).toBe('Gåtur i Æblehaven\\; kaffe\\, kage');
    expect(get(e, 'LOCATION')?.value).toBe('Æblehavens beboerhus\\nÆblehaven 1\\, 4000 Roskilde');
    expect(get(e, 'GEO')?.value).toBe('55.6469;12.0631');
    expect(get(e, 'URL')?.value).toBe(opts().offerUrl);
    expect(get(e, 'DESCRIPTION')?.value).toContain('Arrangør: Sundhedscenter Roskilde');
  });

  it("is in the citizen's language and carries the receipt code only when asked, never personal data", () => {
    const ics = offerCalendar(
      offer([tuesday]),
      opts({ lang: 'ar', t: translator('ar'), receiptCode: 'K7QM-3XPA' }),
    )!;
    const e = parse(ics).events[0]!;
    expect(get(e, 'SUMMARY')?.value).toBe('نزهة مشي');
    expect(get(e, 'DESCRIPTION')?.value).toContain('K7QM-3XPA');
    expect(offerCalendar(offer([tuesday]), opts())).not.toContain('K7QM');
    // The provider's public contact is there; nothing about who signed up could be.
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER/);
  });
});

describe('Copenhagen wall-clock times', () => {
  it('turn into instants across summer time', () => {
    expect(copenhagenInstant('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(copenhagenInstant('2026-07-15', '10:00').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    // The last Sunday of March: 03:30 exists only in summer time.
    expect(copenhagenInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(copenhagenInstant('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('the file name', () => {
  it('is the title in plain ASCII', () => {
    expect(icsFilename('Gåtur i Æblehaven')).toBe('gaatur-i-aeblehaven.ics');
    expect(icsFilename('Søvn & stress: café')).toBe('soevn-stress-cafe.ics');
    expect(icsFilename('نزهة')).toBe('tilbud.ics');
  });
});
