/**
 * Offers as FHIR R4 HealthcareService, and the search rules over them (pure). The id is the
 * offer's id, the same as in the HSDS API (/api/hsds/services/{id}); the municipality's
 * afklarende samtale is one more HealthcareService with the fixed id `afklarende-samtale`.
 */
import type { OfferDetail } from '../catalog/index.ts';
import { AFKLARENDE_SAMTALE_ID, BCP47, SERVICE_TYPE_SYSTEM, TOPIC_SYSTEM } from './vocabulary.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface HealthcareService {
  resourceType: 'HealthcareService';
  id: string;
  meta?: { lastUpdated: string };
  active: boolean;
  providedBy?: { reference?: string; display: string };
  category?: { coding: { system: string; code: string }[] }[];
  type?: { coding: { system: string; code: string }[]; text?: string }[];
  name: string;
  comment?: string;
  extraDetails?: string;
  location?: { display: string }[];
  telecom?: { system: 'phone' | 'email' | 'url'; value: string }[];
  communication?: { coding: { system: string; code: string }[] }[];
  referralMethod?: { coding: { system: string; code: string }[] }[];
  availableTime?: {
    daysOfWeek: (typeof DAYS)[number][];
    availableStartTime: string;
    availableEndTime: string;
  }[];
}

const topicCategory = (topic: string) => ({ coding: [{ system: TOPIC_SYSTEM, code: topic }] });

/** Referrals reach a service through this API (and, for the web form, by other means). */
const REFERRAL_METHOD = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/service-referral-method', code: 'elec' },
    ],
  },
];

export function offerToHealthcareService(o: OfferDetail): HealthcareService {
  const telecom: NonNullable<HealthcareService['telecom']> = [];
  if (o.contact_phone) telecom.push({ system: 'phone', value: o.contact_phone });
  if (o.contact_email) telecom.push({ system: 'email', value: o.contact_email });
  if (o.url) telecom.push({ system: 'url', value: o.url });
  return {
    resourceType: 'HealthcareService',
    id: o.id,
    meta: { lastUpdated: o.updated_at.toISOString() },
    active: o.status === 'published',
    providedBy: { reference: `Organization/${o.organization.id}`, display: o.organization.name },
    ...(o.topics.length ? { category: o.topics.map(topicCategory) } : {}),
    type: [{ coding: [{ system: SERVICE_TYPE_SYSTEM, code: o.offer_type }] }],
    name: o.title,
    ...(o.summary ? { comment: o.summary } : {}),
    ...(o.description ? { extraDetails: o.description } : {}),
    ...(o.locations.length
      ? {
          location: o.locations.map((l) => ({
            display: `${l.name}, ${l.address_1}, ${l.postal_code} ${l.city}`,
          })),
        }
      : {}),
    ...(telecom.length ? { telecom } : {}),
    communication: o.languages.map((code) => ({ coding: [{ system: BCP47, code }] })),
    referralMethod: REFERRAL_METHOD,
    ...(o.schedules.length
      ? {
          availableTime: o.schedules.map((s) => ({
            daysOfWeek: [DAYS[s.weekday - 1]!],
            availableStartTime: `${s.starts_at}:00`,
            availableEndTime: `${s.ends_at}:00`,
          })),
        }
      : {}),
  };
}

/** The KRAM factors and chronic illness: what the afklarende samtale clarifies (SST 2024). */
export const AFKLARENDE_SAMTALE_TOPICS = [
  'diet',
  'smoking',
  'alcohol',
  'physical_activity',
  'mental_wellbeing',
  'chronic_illness',
] as const;

/** The municipality's afklarende samtale: referrals to it go to the visitation (triage). */
export function afklarendeSamtale(kommuneName: string): HealthcareService {
  return {
    resourceType: 'HealthcareService',
    id: AFKLARENDE_SAMTALE_ID,
    active: true,
    providedBy: { display: `${kommuneName} Kommune` },
    category: AFKLARENDE_SAMTALE_TOPICS.map(topicCategory),
    type: [
      {
        coding: [{ system: SERVICE_TYPE_SYSTEM, code: 'afklarende_samtale' }],
        text: 'Afklarende samtale',
      },
    ],
    name: 'Afklarende samtale',
    comment:
      'En samtale i kommunen, der afklarer borgerens behov og finder det forebyggelsestilbud, der passer.',
    communication: [{ coding: [{ system: BCP47, code: 'da' }] }],
    referralMethod: REFERRAL_METHOD,
  };
}

// ---- search ------------------------------------------------------------------------------------

export interface ServiceSearch {
  name?: { value: string; modifier: 'starts' | 'contains' | 'exact' };
  /** Any of these (system optional, `system|code` or `code`). */
  category?: { system?: string; code: string }[];
}

/** FHIR string matching: case- and accent-insensitive (except :exact). */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function matchesSearch(s: HealthcareService, q: ServiceSearch): boolean {
  if (q.name) {
    const { value, modifier } = q.name;
    const ok =
      modifier === 'exact'
        ? s.name === value
        : modifier === 'contains'
          ? fold(s.name).includes(fold(value))
          : // "starts with": the name, or any word of it (Danish titles lead with the activity).
            fold(s.name)
              .split(/[\s\-–,]+/)
              .concat(fold(s.name))
              .some((w) => w.startsWith(fold(value)));
    if (!ok) return false;
  }
  if (q.category?.length) {
    const codings = (s.category ?? []).flatMap((c) => c.coding);
    const hit = q.category.some((want) =>
      codings.some(
        (c) => c.code === want.code && (want.system === undefined || want.system === c.system),
      ),
    );
    if (!hit) return false;
  }
  return true;
}

/** Parses `name`, `name:contains`, `name:exact` and `service-category` from the query string. */
export function parseServiceSearch(
  query: Record<string, unknown>,
): { search: ServiceSearch } | { problem: { param: string; message: string } } {
  const search: ServiceSearch = {};
  for (const [key, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    const [param, modifier] = key.split(':');
    if (param === 'name') {
      if (modifier !== undefined && modifier !== 'contains' && modifier !== 'exact')
        return { problem: { param: key, message: 'name supports :contains and :exact' } };
      const v = values.at(-1)?.trim() ?? '';
      if (v === '') return { problem: { param: key, message: 'name needs a value' } };
      search.name = {
        value: v,
        modifier: modifier === 'contains' ? 'contains' : modifier === 'exact' ? 'exact' : 'starts',
      };
    } else if (param === 'service-category') {
      if (modifier !== undefined)
        return { problem: { param: key, message: 'service-category takes no modifier' } };
      const tokens = values
        .flatMap((v) => v.split(','))
        .map((t) => t.trim())
        .filter(Boolean);
      if (!tokens.length)
        return { problem: { param: key, message: 'service-category needs a value' } };
      search.category = tokens.map((t) => {
        const bar = t.indexOf('|');
        const system = bar < 0 ? '' : t.slice(0, bar);
        const code = bar < 0 ? t : t.slice(bar + 1);
        return system ? { system, code } : { code };
      });
    } else if (!['_format', '_count', '_summary'].includes(param ?? '')) {
      // Unknown parameters are an error rather than silently ignored (the client would
      // otherwise get everything and believe it filtered).
      return { problem: { param: key, message: `unsupported search parameter ${key}` } };
    }
  }
  return { search };
}
