/**
 * Import mapping, part two: HSDS services mapped to our offers, with their schedules.
 *
 * - Schedules: our schedule is one weekday with opening and closing time, every n weeks. An HSDS
 *   WEEKLY schedule with byday "TH,FR" becomes one row per day. Times are Danish wall-clock time
 *   (Europe/Copenhagen) written HH:MM without an offset: a fixed UTC offset (the `timezone`
 *   field) cannot express daylight saving time, so we do not set it. Schedules we cannot
 *   represent (MONTHLY, no byday or times, closing after midnight, interval > 8) are skipped
 *   with a warning; location-level schedules (opening hours of a building) are not imported.
 */
import type {
  Arena,
  Flag,
  LifePhase,
  Mode,
  Offer,
  OfferTranslation,
  OfferType,
  Topic,
} from '../offer.ts';
import type { UiLanguage } from '../../web/languages.ts';
import { BYDAY, STATUS_FROM_HSDS, isObject, nonEmpty } from './fields.ts';
import {
  cleanPhone,
  lighedProfile,
  type ImportedOffer,
  type ImportedSchedule,
} from './import-records.ts';
import type { ReadLog, Where } from './problems.ts';
import { stableId, type LighedTaxonomy } from './taxonomies.ts';
import type { HsdsSchedule, HsdsService, HsdsServiceAtLocation } from './types.ts';

/** A service as the reader collected it: where it is, its places and schedules. */
export interface ServiceEntry {
  obj: HsdsService;
  where: Where;
  orgId: string | null;
  virtual: boolean;
  sals: { obj: HsdsServiceAtLocation; where: Where; locationId: string }[];
  schedules: {
    obj: HsdsSchedule;
    where: Where;
    locationId: string | null;
    level: 'service' | 'sal';
  }[];
}

export function mapService(
  log: ReadLog,
  e: ServiceEntry,
  wheelchairAt: Map<string, boolean>,
): ImportedOffer {
  const s = e.obj;
  const w = e.where;
  const profile = lighedProfile(log, s.attributes, w);
  const profiled = profile.size > 0;
  const codes = <T extends string>(tax: LighedTaxonomy) => [
    ...new Set((profile.get(tax) ?? []).map((t) => t.code as T)),
  ];
  const oneCode = <T extends string>(tax: LighedTaxonomy, fallback: T) =>
    (profile.get(tax)?.[0]?.code as T | undefined) ?? fallback;

  const title = (s.name ?? '').trim();
  if (title.length < 3 || title.length > 200) log.problem(w('name'), 'must be 3–200 characters');

  const summaryAttr = (profile.get('lighed-text') ?? []).find((t) => t.code === 'summary')?.value;
  let description = s.description ?? '';
  let summary = summaryAttr ?? '';
  if (summaryAttr !== undefined && description === summaryAttr) description = '';
  if (!profiled) summary = firstSentence(description);

  const flags = new Set(codes<Flag>('lighed-flag'));
  const costs = s.cost_options ?? [];
  const paid = costs.filter((c) => typeof c.amount === 'number' && c.amount > 0);
  const dkk = paid.find((c) => (c.currency ?? '').trim().toUpperCase() === 'DKK');
  const free = profiled
    ? flags.has('free')
    : costs.some((c) => c.amount === 0) && paid.length === 0;
  const otherCosts = profiled
    ? []
    : paid
        .filter((c) => c !== dkk)
        .map((c) =>
          [c.option, `${c.amount} ${(c.currency ?? '').toUpperCase()}`.trim(), c.amount_description]
            .filter(Boolean)
            .join(' '),
        );
  const priceNote = [nonEmpty(s.fees_description), ...otherCosts].filter(Boolean).join('\n');

  const physical = e.sals.length > 0;
  const mode: Mode = oneCode<Mode>(
    'lighed-mode',
    physical ? (e.virtual ? 'both' : 'in_person') : e.virtual ? 'online' : 'in_person',
  );

  const languages = [
    ...new Set(
      (s.languages ?? []).flatMap((l, i) => {
        const code = normalizeLanguage(l.code);
        if (!code) {
          log.warn(
            log.nested(w, l, `languages[${i}]`)('code'),
            `"${l.code ?? ''}" is not an ISO 639 language code: skipped`,
          );
          return [];
        }
        return [code];
      }),
    ),
  ];

  const translations: Offer['translations'] = {};
  for (const t of profile.get('lighed-translation') ?? []) {
    try {
      const v = JSON.parse(t.value ?? '') as unknown;
      if (!isObject(v)) throw new Error('not an object');
      const tr: OfferTranslation = {};
      for (const k of ['title', 'summary', 'description', 'how_to_join'] as const) {
        if (typeof v[k] === 'string') tr[k] = v[k];
      }
      translations[t.code as UiLanguage] = tr;
    } catch {
      log.problem(
        t.where('value'),
        'not a JSON object of {title, summary, description, how_to_join}',
      );
    }
  }

  const age = (field: 'minimum_age' | 'maximum_age'): number | null => {
    const v = s[field];
    if (v === undefined) return null;
    if (v < 0 || v > 120) {
      log.warn(w(field), `${v} is outside 0–120: imported without it`);
      return null;
    }
    return Math.round(v);
  };

  let lastConfirmed: Date | null = null;
  if (s.assured_date) {
    const d = parseDate(s.assured_date);
    if (d) lastConfirmed = new Date(`${d}T12:00:00Z`);
    else log.problem(w('assured_date'), 'not a date (YYYY-MM-DD)');
  }

  const wheelchair = profiled
    ? flags.has('wheelchair_accessible')
    : e.sals.length > 0 && e.sals.every((x) => wheelchairAt.get(x.locationId) === true);

  return {
    id: s.id,
    organization_id: e.orgId ?? '',
    title,
    summary,
    description,
    how_to_join: s.application_process ?? '',
    arena: oneCode<Arena>('lighed-arena', 'health_centre'),
    offer_type: oneCode<OfferType>('lighed-offer-type', 'group'),
    topics: codes<Topic>('lighed-topic'),
    life_phases: codes<LifePhase>('lighed-life-phase'),
    languages: languages.length ? languages : ['da'],
    mode,
    interpreter_available: profiled
      ? flags.has('interpreter_available')
      : !!nonEmpty(s.interpretation_services),
    free,
    price_dkk: free ? null : (dkk?.amount ?? null),
    price_note: priceNote,
    children_welcome: flags.has('children_welcome'),
    childcare: flags.has('childcare'),
    wheelchair_accessible: wheelchair,
    welcomes_newcomers: flags.has('welcomes_newcomers'),
    transport_help: flags.has('transport_help'),
    min_age: age('minimum_age'),
    max_age: age('maximum_age'),
    recommendations: codes('lighed-recommendation'),
    contact_name: s.contacts?.[0]?.name?.trim() ?? '',
    contact_phone: cleanPhone(s.phones?.[0]?.number ?? s.contacts?.[0]?.phones?.[0]?.number),
    contact_email: (s.email ?? s.contacts?.[0]?.email ?? '').trim(),
    url: s.url ?? '',
    status: STATUS_FROM_HSDS[s.status] ?? 'draft',
    translations,
    last_confirmed_at: lastConfirmed,
    updated_at: s.last_modified ? new Date(s.last_modified) : null,
    service_at_locations: e.sals.map((x) => ({
      id: x.obj.id,
      location_id: x.locationId,
      source: x.where(),
    })),
    schedules: mapSchedules(log, e, profiled),
    source: w(),
  };
}

function mapSchedules(log: ReadLog, e: ServiceEntry, profiled: boolean): ImportedSchedule[] {
  // The same schedule may be given for the service and for a service_at_location (the HSDS
  // examples do): the more specific one wins.
  const byId = new Map<string, ServiceEntry['schedules'][number]>();
  for (const h of e.schedules) {
    const prev = byId.get(h.obj.id);
    if (!prev || (prev.level === 'service' && h.level === 'sal')) byId.set(h.obj.id, h);
  }
  const locationIds = new Set(e.sals.map((x) => x.locationId));
  const out: ImportedSchedule[] = [];
  for (const { obj: h, where, locationId } of byId.values()) {
    const skip = (why: string) => log.warn(where(), `schedule skipped: ${why}`);
    if (h.freq && h.freq !== 'WEEKLY') {
      skip(`only weekly schedules can be imported (freq ${h.freq})`);
      continue;
    }
    if (!h.byday || !h.opens_at || !h.closes_at) {
      skip('it needs byday, opens_at and closes_at');
      continue;
    }
    const opens = parseTime(h.opens_at);
    const closes = parseTime(h.closes_at);
    if (!opens) log.problem(where('opens_at'), 'not a time (HH:MM)');
    if (!closes) log.problem(where('closes_at'), 'not a time (HH:MM)');
    const days: number[] = [];
    let monthly = false;
    for (const token of h.byday
      .split(',')
      .map((t) => t.trim().toUpperCase())
      .filter(Boolean)) {
      const m = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(token);
      if (!m?.[2])
        log.problem(where('byday'), `"${token}" is not a weekday (MO, TU, WE, TH, FR, SA, SU)`);
      else if (m[1]) monthly = true;
      else days.push(BYDAY.indexOf(m[2] as (typeof BYDAY)[number]) + 1);
    }
    if (!opens || !closes || days.length === 0) continue;
    if (monthly) {
      skip('a day of the month (such as 2MO) cannot be imported');
      continue;
    }
    if (closes <= opens) {
      skip(`it closes (${closes}) before it opens (${opens})`);
      continue;
    }
    const interval = h.interval ?? 1;
    if (!Number.isInteger(interval) || interval < 1 || interval > 8) {
      skip(`interval ${interval} is not a whole number of weeks from 1 to 8`);
      continue;
    }
    const from = h.valid_from ?? h.dtstart;
    const to = h.valid_to ?? h.until;
    const validFrom = from ? parseDate(from) : null;
    const validTo = to ? parseDate(to) : null;
    if (from && !validFrom)
      log.problem(where(h.valid_from ? 'valid_from' : 'dtstart'), 'not a date (YYYY-MM-DD)');
    if (to && !validTo)
      log.problem(where(h.valid_to ? 'valid_to' : 'until'), 'not a date (YYYY-MM-DD)');
    const note = (h.notes ?? (profiled ? '' : (h.description ?? ''))).trim();
    for (const weekday of [...new Set(days)]) {
      out.push({
        id: days.length === 1 ? h.id : stableId(`${h.id}/${weekday}`),
        location_id: locationId && locationIds.has(locationId) ? locationId : null,
        weekday,
        starts_at: opens,
        ends_at: closes,
        interval_weeks: interval,
        valid_from: validFrom,
        valid_to: validTo,
        note,
      });
    }
  }
  return out;
}

function firstSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^(.{12,}?[.!?])(\s|$)/.exec(t);
  const s = m?.[1] ?? t;
  return s.length <= 200 ? s : `${s.slice(0, 199).trimEnd()}…`;
}

const ISO639_3: Record<string, string> = {
  dan: 'da',
  eng: 'en',
  ara: 'ar',
  tur: 'tr',
  som: 'so',
  ukr: 'uk',
  urd: 'ur',
  fas: 'fa',
  per: 'fa',
  pol: 'pl',
  ron: 'ro',
  rum: 'ro',
  tir: 'ti',
  kur: 'ku',
  deu: 'de',
  ger: 'de',
  swe: 'sv',
  nor: 'no',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  rus: 'ru',
  pus: 'ps',
  prs: 'fa',
  bos: 'bs',
  hrv: 'hr',
  srp: 'sr',
  vie: 'vi',
  tha: 'th',
  tgl: 'tl',
};
function normalizeLanguage(code: string | undefined): string | null {
  const c = (code ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(c)) return c;
  if (/^[a-z]{3}$/.test(c)) return ISO639_3[c] ?? null;
  return null;
}

/** 'HH:MM', 'H:MM', 'HH:MM:SS', with or without an offset ('Z', '+01:00'): → 'HH:MM'. */
export function parseTime(v: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
    v.trim(),
  );
  if (!m?.[1] || !m[2]) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** 'YYYY-MM-DD' (a date-time is cut to its date) when it is a real calendar date. */
export function parseDate(v: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
    ? `${m[1]}-${m[2]}-${m[3]}`
    : null;
}
