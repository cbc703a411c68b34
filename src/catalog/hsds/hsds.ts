/**
 * Mapping between the catalog (src/catalog/offer.ts) and Open Referral HSDS 3.0: export of our
 * records as HSDS objects, and import of HSDS JSON (one object, an array, an API page, the
 * `tabular.json` form) and of the CSV data package. Pure: no database, no files (the HSDS schemas
 * are read once from ./schema by hsds.schema.ts when validation is first used).
 *
 * Decisions (PROFILE.md in this folder says the same for people who consume our feed):
 *
 * - IDs are our uuids (organization, location, offer = service, offer_location =
 *   service_at_location, schedule). Objects we have no table for (address, phone, contact,
 *   language, cost option, accessibility, attribute, taxonomy term, taxonomy) get stable
 *   name-based (v5-style) uuids derived from their parent's id, so every export gives the same ids.
 *
 * - The municipal profile (arena, offer type, topics, life phases, mode, flags, recommendations,
 *   organisation kind) travels as HSDS `attributes` whose `taxonomy_term` belongs to taxonomies
 *   named `lighed-arena`, `lighed-offer-type`, `lighed-topic`, `lighed-life-phase`, `lighed-mode`,
 *   `lighed-flag`, `lighed-recommendation`, `lighed-organization-kind`. A flag is present only
 *   when true. Term ids are stable per (taxonomy, code), so `?taxonomy_term_id=` filters work.
 *
 * - Translations: HSDS 3.0 has no multilingual fields. The Danish text is in the standard fields
 *   (name, description, application_process); each other language is one attribute in taxonomy
 *   `lighed-translation` whose term code is the ISO 639-1 language and whose `value` is a JSON
 *   object {title, summary, description, how_to_join}. Not `metadata`: HSDS metadata is a change
 *   log (required last_action_date, previous_value, ...), not a place for content. Attributes are
 *   what the standard offers for extensions, survive the CSV form (attributes.csv) and are
 *   ignored by consumers that do not know them. The short summary, which HSDS has no field for,
 *   is the attribute `lighed-text`/`summary`.
 *
 * - Never exported: `target_groups` (internal) and `demo`.
 *
 * - Postal codes: our column requires four digits (a Danish postnummer). An imported address
 *   with a Danish (or no) country and a four-digit code (also "DK-4000") keeps it. Any other
 *   address (the HSDS examples are British/American: "ABC 1234", country "US") is stored with
 *   postal_code '0000' (no such Danish postcode exists), and its original address_2, region,
 *   state/province, postal code and country are appended, verbatim and comma-separated, to
 *   address_1, so nothing is lost and nothing looks like a real Danish postcode. A warning names
 *   each such address. On export '0000' becomes an empty postal_code and country.
 *
 * - Coordinates outside -90..90 / -180..180 (the HSDS examples use 100, 101) are impossible
 *   positions: the location is imported without coordinates, with a warning. A latitude that is
 *   not a number at all is an error.
 *
 * - Schedules: our schedule is one weekday with opening and closing time, every n weeks. An HSDS
 *   WEEKLY schedule with byday "TH,FR" becomes one row per day. Times are Danish wall-clock time
 *   (Europe/Copenhagen) written HH:MM without an offset: a fixed UTC offset (the `timezone`
 *   field) cannot express daylight saving time, so we do not set it. Schedules we cannot
 *   represent (MONTHLY, no byday or times, closing after midnight, interval > 8) are skipped
 *   with a warning; location-level schedules (opening hours of a building) are not imported.
 */
import { createHash } from 'node:crypto';
import type { FieldProblem } from '../../platform/errors.ts';
import { translator } from '../../web/i18n.ts';
import {
  ARENAS,
  FLAGS,
  TRANSLATION_LANGUAGES,
  LIFE_PHASES,
  MODES,
  OFFER_TYPES,
  ORGANIZATION_KINDS,
  RECOMMENDATIONS,
  TOPICS,
  type Arena,
  type Flag,
  type LifePhase,
  type Location,
  type Mode,
  type Offer,
  type OfferDetail,
  type OfferStatus,
  type OfferTranslation,
  type OfferType,
  type Organization,
  type OrganizationKind,
  type Schedule,
  type Topic,
} from '../offer.ts';
import { type UiLanguage } from '../../web/languages.ts';
import { CsvSyntaxError, parseCsvTable } from '../../platform/csv.ts';
import {
  ajvField,
  ajvMessage,
  hsdsChildren,
  hsdsErrors,
  hsdsTables,
  validateHsds,
  type HsdsSchemaName,
  type HsdsTable,
} from './hsds.schema.ts';

export const HSDS_VERSION = '3.0';
export const HSDS_PROFILE_URL = 'https://lighed.dk/hsds/profile';
export const HSDS_OPENAPI_URL =
  'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

// ---------------------------------------------------------------------------------------------
// HSDS object shapes (the fields we write or read; the schemas allow more).

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy?: string;
  taxonomy_detail?: HsdsTaxonomy;
  language?: string;
  taxonomy_id?: string;
  term_uri?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  taxonomy_term_id?: string;
  link_type?: string;
  link_entity?: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

export interface HsdsLanguage {
  id: string;
  service_id?: string;
  location_id?: string;
  phone_id?: string;
  name?: string;
  code?: string;
  note?: string;
}

export interface HsdsPhone {
  id: string;
  location_id?: string;
  service_id?: string;
  organization_id?: string;
  contact_id?: string;
  service_at_location_id?: string;
  number: string;
  extension?: number;
  type?: string;
  description?: string;
  languages?: HsdsLanguage[];
}

export interface HsdsContact {
  id: string;
  organization_id?: string;
  service_id?: string;
  service_at_location_id?: string;
  location_id?: string;
  name?: string;
  title?: string;
  department?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsAddress {
  id: string;
  location_id?: string;
  attention?: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsAccessibility {
  id: string;
  location_id?: string;
  description?: string;
  details?: string;
  url?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  timezone?: number;
  until?: string;
  count?: number;
  wkst?: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  byweekno?: string;
  bymonthday?: string;
  byyearday?: string;
  description?: string;
  opens_at?: string;
  closes_at?: string;
  schedule_link?: string;
  attending_type?: string;
  notes?: string;
}

export interface HsdsCostOption {
  id: string;
  service_id?: string;
  valid_from?: string;
  valid_to?: string;
  option?: string;
  currency?: string;
  amount?: number;
  amount_description?: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  url?: string;
  organization_id?: string;
  name?: string;
  alternate_name?: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  languages?: HsdsLanguage[];
  addresses?: HsdsAddress[];
  contacts?: HsdsContact[];
  accessibility?: HsdsAccessibility[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  attributes?: HsdsAttribute[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  email?: string;
  website?: string;
  legal_status?: string;
  logo?: string;
  uri?: string;
  parent_organization_id?: string;
  contacts?: HsdsContact[];
  phones?: HsdsPhone[];
  locations?: HsdsLocation[];
  attributes?: HsdsAttribute[];
  /** Not in the organization schema; the HSDS API nests services here (organization_full.json). */
  services?: HsdsService[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  contacts?: HsdsContact[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  location?: HsdsLocation;
  attributes?: HsdsAttribute[];
  /** Not in the service_at_location schema; the HSDS API nests the service here. */
  service?: HsdsService;
}

export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface HsdsService {
  id: string;
  organization_id?: string;
  program_id?: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: HsdsServiceStatus;
  interpretation_services?: string;
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_at_locations?: HsdsServiceAtLocation[];
  languages?: HsdsLanguage[];
  organization?: HsdsOrganization;
  cost_options?: HsdsCostOption[];
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
}

/** A scalar-only copy (the one-to-one fields), as list endpoints and CSV rows carry. */
export type HsdsScalars = Record<string, string | number | boolean | null>;
/** A list item: one-to-one fields plus nested one-to-one objects. */
export type HsdsListItem = {
  [key: string]: string | number | boolean | null | HsdsScalars | HsdsListItem;
};

// ---------------------------------------------------------------------------------------------
// Ids, labels, taxonomies.

const ID_NAMESPACE = Buffer.from('5b1f0f2e9c6a4d7e8a3b2c1d0e9f8a7b', 'hex');

/** A stable uuid for `name` (SHA-1 name-based, RFC 4122 version 5 layout). */
export function stableId(name: string): string {
  const h = createHash('sha1').update(ID_NAMESPACE).update(name, 'utf8').digest();
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const da = translator('da');
const label = (key: string, fallback: string): string => {
  try {
    return da(key);
  } catch {
    return fallback;
  }
};
const languageNames = new Intl.DisplayNames(['da'], { type: 'language', fallback: 'code' });
const languageName = (code: string): string => {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

interface TaxonomyDef {
  title: string;
  codes: readonly string[];
  label: (code: string) => string;
  linkType: string;
}

export const LIGHED_TAXONOMIES = {
  'lighed-arena': {
    title: 'Arena',
    codes: ARENAS,
    label: (c) => label(`arena.${c}`, c),
    linkType: 'arena',
  },
  'lighed-offer-type': {
    title: 'Type',
    codes: OFFER_TYPES,
    label: (c) => label(`offerType.${c}`, c),
    linkType: 'offer_type',
  },
  'lighed-topic': {
    title: 'Emne',
    codes: TOPICS,
    label: (c) => label(`topic.${c}`, c),
    linkType: 'topic',
  },
  'lighed-life-phase': {
    title: 'Livsfase',
    codes: LIFE_PHASES,
    label: (c) => label(`lifePhase.${c}`, c),
    linkType: 'audience',
  },
  'lighed-mode': {
    title: 'Fremmøde eller online',
    codes: MODES,
    label: (c) => label(`mode.${c}`, c),
    linkType: 'mode',
  },
  'lighed-flag': {
    title: 'Kendetegn',
    codes: FLAGS,
    label: (c) => label(`flag.${c}`, c),
    linkType: 'flag',
  },
  'lighed-recommendation': {
    title: 'Anbefaling',
    codes: RECOMMENDATIONS,
    label: (c) => label(`recommendation.${c}`, c),
    linkType: 'recommendation',
  },
  'lighed-organization-kind': {
    title: 'Slags organisation',
    codes: ORGANIZATION_KINDS,
    label: (c) => label(`orgKind.${c}`, c),
    linkType: 'organization_kind',
  },
  'lighed-translation': {
    title: 'Oversættelse',
    codes: TRANSLATION_LANGUAGES,
    label: (c) => languageName(c),
    linkType: 'translation',
  },
  'lighed-text': {
    title: 'Tekst',
    codes: ['summary'],
    label: () => 'Kort beskrivelse',
    linkType: 'text',
  },
} satisfies Record<string, TaxonomyDef>;
export type LighedTaxonomy = keyof typeof LIGHED_TAXONOMIES;

const isLighedTaxonomy = (v: unknown): v is LighedTaxonomy =>
  typeof v === 'string' && v in LIGHED_TAXONOMIES;

export const taxonomyId = (tax: LighedTaxonomy) => stableId(`taxonomy/${tax}`);
export const termId = (tax: LighedTaxonomy, code: string) => stableId(`taxonomy/${tax}/${code}`);

export function hsdsTaxonomy(tax: LighedTaxonomy): HsdsTaxonomy {
  return {
    id: taxonomyId(tax),
    name: tax,
    description: `Lighed: ${LIGHED_TAXONOMIES[tax].title}`,
    uri: `${HSDS_PROFILE_URL}#${tax}`,
    version: '1',
  };
}

export function hsdsTaxonomyTerm(tax: LighedTaxonomy, code: string): HsdsTaxonomyTerm {
  const def: TaxonomyDef = LIGHED_TAXONOMIES[tax];
  const name = def.label(code);
  return {
    id: termId(tax, code),
    code,
    name,
    description: `${def.title}: ${name}`,
    taxonomy: tax,
    taxonomy_detail: hsdsTaxonomy(tax),
    language: 'da',
    taxonomy_id: taxonomyId(tax),
    term_uri: `${HSDS_PROFILE_URL}#${tax}/${encodeURIComponent(code)}`,
  };
}

/** Every term of our taxonomies by id (for `?taxonomy_term_id=` and for CSV attribute rows). */
const termIndex = new Map<string, { taxonomy: LighedTaxonomy; code: string }>();
const taxonomyIndex = new Map<string, LighedTaxonomy>();
for (const tax of Object.keys(LIGHED_TAXONOMIES) as LighedTaxonomy[]) {
  taxonomyIndex.set(taxonomyId(tax), tax);
  for (const code of (LIGHED_TAXONOMIES[tax] as TaxonomyDef).codes)
    termIndex.set(termId(tax, code), { taxonomy: tax, code });
}
export const lighedTermById = (id: string) => termIndex.get(id.toLowerCase());
export const lighedTaxonomyById = (id: string) => taxonomyIndex.get(id.toLowerCase());

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** `{ [key]: value }` when value is present, else `{}`: keeps exactOptionalPropertyTypes happy. */
function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
}
const nonEmpty = (s: string | null | undefined): string | undefined =>
  s && s.trim() !== '' ? s : undefined;

// The email and URI rules of ajv-formats ("full" mode), so we never export what the schema refuses.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
export const validEmail = (v: string | null | undefined): string | undefined => {
  const s = v?.trim();
  return s && EMAIL.test(s) ? s : undefined;
};
export const validUri = (v: string | null | undefined): string | undefined => {
  const s = v?.trim();
  if (!s) return undefined;
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    // As written when it is already a clean URI (so 'https://x.dk' stays without a slash).
    return u.href === s || u.href === `${s}/` ? s : u.href;
  } catch {
    return undefined;
  }
};

export function scalars(o: object): HsdsScalars {
  const out: HsdsScalars = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      out[k] = v;
  }
  return out;
}

const copenhagenDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dateOnly = (d: Date | string | null | undefined): string | undefined => {
  if (!d) return undefined;
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? undefined : copenhagenDate.format(date);
};
const iso = (d: Date | string): string => (typeof d === 'string' ? new Date(d) : d).toISOString();

/** Danish regions by kommunekode: the address's required state_province. */
const REGIONS: Record<string, string> = {};
const regionCodes: [string, string][] = [
  [
    'Region Hovedstaden',
    '0101 0147 0151 0153 0155 0157 0159 0161 0163 0165 0167 0169 0173 0175 0183 0185 0187 0190 0201 0210 0217 0219 0223 0230 0240 0250 0260 0270 0400 0411',
  ],
  [
    'Region Sjælland',
    '0253 0259 0265 0269 0306 0316 0320 0326 0329 0330 0336 0340 0350 0360 0370 0376 0390',
  ],
  [
    'Region Syddanmark',
    '0410 0420 0430 0440 0450 0461 0479 0480 0482 0492 0510 0530 0540 0550 0561 0563 0573 0575 0580 0607 0621 0630',
  ],
  [
    'Region Midtjylland',
    '0615 0657 0661 0665 0671 0706 0707 0710 0727 0730 0740 0741 0746 0751 0756 0760 0766 0779 0791',
  ],
  ['Region Nordjylland', '0773 0787 0810 0813 0820 0825 0840 0846 0849 0851 0860'],
];
for (const [region, codes] of regionCodes) for (const c of codes.split(' ')) REGIONS[c] = region;
export const regionOf = (kommune: string): string => REGIONS[kommune] ?? '';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_DA = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

const STATUS_TO_HSDS: Record<OfferStatus, HsdsServiceStatus> = {
  published: 'active',
  draft: 'inactive',
  retired: 'defunct',
};
const STATUS_FROM_HSDS: Record<HsdsServiceStatus, OfferStatus> = {
  active: 'published',
  inactive: 'draft',
  // Closed for now: not shown to citizens, but not retired either.
  'temporarily closed': 'draft',
  defunct: 'retired',
};

// ---------------------------------------------------------------------------------------------
// Export.

/** An offer with what its HSDS service needs. */
export interface HsdsServiceDetail extends OfferDetail {
  /** offer_location.id (the service_at_location id) by location id; derived when missing. */
  service_at_location_ids?: Record<string, string>;
  /** When the offer, its organisation or a location last changed; defaults to updated_at. */
  last_modified?: Date;
}

function attribute(
  linkId: string,
  linkEntity: 'service' | 'location' | 'organization',
  tax: LighedTaxonomy,
  code: string,
  value?: string,
): HsdsAttribute {
  const term = hsdsTaxonomyTerm(tax, code);
  return {
    id: stableId(`${linkId}/attribute/${tax}/${code}`),
    link_id: linkId,
    link_type: LIGHED_TAXONOMIES[tax].linkType,
    link_entity: linkEntity,
    taxonomy_term_id: term.id,
    ...opt('value', value),
    taxonomy_term: term,
  };
}

export function toHsdsOrganization(
  o: Organization,
  opts: { locations?: Location[] } = {},
): HsdsOrganization {
  const phone = nonEmpty(o.phone);
  return {
    id: o.id,
    name: o.name,
    description: o.description,
    ...opt('email', validEmail(o.email)),
    ...opt('website', validUri(o.website)),
    ...(phone
      ? { phones: [{ id: stableId(`${o.id}/phone`), organization_id: o.id, number: phone }] }
      : {}),
    attributes: [attribute(o.id, 'organization', 'lighed-organization-kind', o.kind)],
    ...(opts.locations ? { locations: opts.locations.map((l) => toHsdsLocation(l)) } : {}),
  };
}

const wheelchairAccessibilityId = (locationId: string) =>
  stableId(`${locationId}/accessibility/wheelchair`);

export function toHsdsLocation(l: Location): HsdsLocation {
  const foreign = l.postal_code === '0000';
  const accessibility: HsdsAccessibility[] = [];
  if (l.wheelchair_accessible) {
    accessibility.push({
      id: wheelchairAccessibilityId(l.id),
      location_id: l.id,
      description: label('flag.wheelchair_accessible', 'Wheelchair access'),
    });
  }
  if (nonEmpty(l.accessibility_note)) {
    accessibility.push({
      id: stableId(`${l.id}/accessibility/note`),
      location_id: l.id,
      description: l.accessibility_note,
    });
  }
  const hasPosition = l.latitude !== null && l.longitude !== null;
  return {
    id: l.id,
    location_type: 'physical',
    organization_id: l.organization_id,
    name: l.name,
    description: l.description,
    ...opt('transportation', nonEmpty(l.transport_note)),
    ...(hasPosition ? { latitude: l.latitude as number, longitude: l.longitude as number } : {}),
    addresses: [
      {
        id: stableId(`${l.id}/address`),
        location_id: l.id,
        address_1: l.address_1,
        city: l.city,
        state_province: foreign ? '' : regionOf(l.kommune),
        postal_code: foreign ? '' : l.postal_code,
        country: foreign ? '' : 'DK',
        address_type: 'physical',
      },
    ],
    accessibility,
    attributes: l.wheelchair_accessible
      ? [attribute(l.id, 'location', 'lighed-flag', 'wheelchair_accessible')]
      : [],
  };
}

const hhmm = (t: string) => t.slice(0, 5);

function toHsdsSchedule(
  s: Schedule,
  offerId: string,
  at?: { salId: string; locationId: string },
): HsdsSchedule {
  const interval = s.interval_weeks ?? 1;
  const day = WEEKDAY_DA[s.weekday - 1] ?? '';
  const text = `${day.charAt(0).toUpperCase()}${day.slice(1)} kl. ${hhmm(s.starts_at)}–${hhmm(s.ends_at)}${interval > 1 ? `, hver ${interval}. uge` : ''} (dansk tid)`;
  return {
    id: s.id ?? stableId(`${offerId}/schedule/${s.weekday}/${s.starts_at}/${at?.locationId ?? ''}`),
    service_id: offerId,
    ...(at ? { service_at_location_id: at.salId, location_id: at.locationId } : {}),
    ...opt('valid_from', s.valid_from),
    ...opt('valid_to', s.valid_to),
    ...opt('dtstart', s.valid_from),
    ...opt('until', s.valid_to),
    wkst: 'MO',
    freq: 'WEEKLY',
    interval,
    byday: BYDAY[s.weekday - 1] ?? 'MO',
    description: text,
    opens_at: hhmm(s.starts_at),
    closes_at: hhmm(s.ends_at),
    ...opt('notes', nonEmpty(s.note)),
  };
}

const salIdOf = (d: HsdsServiceDetail, locationId: string) =>
  d.service_at_location_ids?.[locationId] ?? stableId(`${d.id}/service_at_location/${locationId}`);

export function toHsdsServiceAtLocation(d: HsdsServiceDetail, l: Location): HsdsServiceAtLocation {
  const salId = salIdOf(d, l.id);
  return {
    id: salId,
    service_id: d.id,
    location_id: l.id,
    location: toHsdsLocation(l),
    schedules: d.schedules
      .filter((s) => s.location_id === l.id)
      .map((s) => toHsdsSchedule(s, d.id, { salId, locationId: l.id })),
  };
}

function ageText(min: number | null, max: number | null): string | undefined {
  if (min !== null && max !== null) return `${min}–${max} år`;
  if (min !== null) return `Fra ${min} år`;
  if (max !== null) return `Til og med ${max} år`;
  return undefined;
}

function translationValue(t: OfferTranslation | undefined): string | undefined {
  if (!t) return undefined;
  const clean: OfferTranslation = {};
  for (const k of ['title', 'summary', 'description', 'how_to_join'] as const) {
    const v = t[k];
    if (typeof v === 'string' && v.trim() !== '') clean[k] = v;
  }
  return Object.keys(clean).length ? JSON.stringify(clean) : undefined;
}

/** One offer as a fully nested HSDS service (validates against service_with_definitions.json). */
export function toHsdsService(d: HsdsServiceDetail): HsdsService {
  const locationIds = new Set(d.locations.map((l) => l.id));
  const attrs: HsdsAttribute[] = [
    attribute(d.id, 'service', 'lighed-arena', d.arena),
    attribute(d.id, 'service', 'lighed-offer-type', d.offer_type),
    attribute(d.id, 'service', 'lighed-mode', d.mode),
    ...d.topics.map((c) => attribute(d.id, 'service', 'lighed-topic', c)),
    ...d.life_phases.map((c) => attribute(d.id, 'service', 'lighed-life-phase', c)),
    ...FLAGS.filter((f) => d[f]).map((f) => attribute(d.id, 'service', 'lighed-flag', f)),
    ...d.recommendations.map((c) => attribute(d.id, 'service', 'lighed-recommendation', c)),
  ];
  if (nonEmpty(d.summary))
    attrs.push(attribute(d.id, 'service', 'lighed-text', 'summary', d.summary));
  for (const lang of TRANSLATION_LANGUAGES) {
    const value = translationValue(d.translations[lang]);
    if (value) attrs.push(attribute(d.id, 'service', 'lighed-translation', lang, value));
  }

  const cost: HsdsCostOption = d.free
    ? {
        id: stableId(`${d.id}/cost`),
        service_id: d.id,
        option: label('flag.free', 'Gratis'),
        currency: 'DKK',
        amount: 0,
      }
    : {
        id: stableId(`${d.id}/cost`),
        service_id: d.id,
        option: 'Pris',
        currency: 'DKK',
        ...opt('amount', d.price_dkk),
        ...opt('amount_description', nonEmpty(d.price_note)),
      };

  const phone = nonEmpty(d.contact_phone);
  const email = validEmail(d.contact_email);
  const contactId = stableId(`${d.id}/contact`);
  const contacts: HsdsContact[] =
    nonEmpty(d.contact_name) || phone || email
      ? [
          {
            id: contactId,
            service_id: d.id,
            ...opt('name', nonEmpty(d.contact_name)),
            ...opt('email', email),
            ...(phone
              ? {
                  phones: [
                    { id: stableId(`${d.id}/contact/phone`), contact_id: contactId, number: phone },
                  ],
                }
              : {}),
          },
        ]
      : [];

  return {
    id: d.id,
    organization_id: d.organization_id,
    name: d.title,
    description: nonEmpty(d.description) ?? d.summary,
    ...opt('url', validUri(d.url)),
    ...opt('email', email),
    status: STATUS_TO_HSDS[d.status],
    ...opt(
      'interpretation_services',
      d.interpreter_available ? label('flag.interpreter_available', 'Tolk') : undefined,
    ),
    ...opt('application_process', nonEmpty(d.how_to_join)),
    ...opt('fees_description', nonEmpty(d.price_note)),
    ...opt('eligibility_description', ageText(d.min_age, d.max_age)),
    ...opt('minimum_age', d.min_age),
    ...opt('maximum_age', d.max_age),
    ...opt('assured_date', dateOnly(d.last_confirmed_at)),
    last_modified: iso(d.last_modified ?? d.updated_at),
    phones: phone ? [{ id: stableId(`${d.id}/phone`), service_id: d.id, number: phone }] : [],
    schedules: d.schedules
      .filter((s) => !s.location_id || !locationIds.has(s.location_id))
      .map((s) => toHsdsSchedule({ ...s, location_id: null }, d.id)),
    service_at_locations: d.locations.map((l) => toHsdsServiceAtLocation(d, l)),
    languages: d.languages.map((code) => ({
      id: stableId(`${d.id}/language/${code}`),
      service_id: d.id,
      name: languageName(code),
      code,
    })),
    organization: toHsdsOrganization(d.organization),
    cost_options: [cost],
    contacts,
    attributes: attrs,
  };
}

/** One item of `GET /services`: the one-to-one fields plus the organization's (service_list.json). */
export function toHsdsServiceListItem(d: HsdsServiceDetail): HsdsListItem {
  const full = toHsdsService(d);
  return { ...scalars(full), organization: scalars(toHsdsOrganization(d.organization)) };
}

/** One item of `GET /service_at_locations` (service_at_location_list.json). */
export function toHsdsServiceAtLocationListItem(d: HsdsServiceDetail, l: Location) {
  const sal = toHsdsServiceAtLocation(d, l);
  return {
    ...scalars(sal),
    location: scalars(toHsdsLocation(l)),
    service: toHsdsServiceListItem(d),
  };
}

/** `GET /service_at_locations/{id}`: the service_at_location, its location and its service. */
export function toHsdsServiceAtLocationFull(
  d: HsdsServiceDetail,
  l: Location,
): HsdsServiceAtLocation {
  const { service_at_locations: _omit, ...service } = toHsdsService(d);
  return { ...toHsdsServiceAtLocation(d, l), service };
}

// ---------------------------------------------------------------------------------------------
// Export as tables (the CSV data package).

export type HsdsTableRows = Map<string, HsdsScalars[]>;

/**
 * Flattens nested HSDS objects into the 21 tables of the data package (keyed by CSV file name),
 * following the schema's own nesting. Each row keeps only its table's columns; rows are
 * de-duplicated by id; a child without its parent's foreign key gets it.
 */
export function toHsdsTables(roots: {
  services?: HsdsService[];
  organizations?: HsdsOrganization[];
}): HsdsTableRows {
  const tables = hsdsTables();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: HsdsTableRows = new Map(tables.map((t) => [t.path, []]));
  const seen = new Map<string, Set<string>>(tables.map((t) => [t.path, new Set()]));

  const visit = (
    name: HsdsTable['name'],
    obj: Record<string, unknown>,
    parent?: { name: string; id: string },
  ) => {
    const table = byName.get(name);
    if (!table) return;
    const row: HsdsScalars = {};
    for (const c of table.columns) {
      const v = obj[c.name];
      if (v !== undefined && (v === null || typeof v !== 'object'))
        row[c.name] = v as string | number | boolean | null;
    }
    if (parent) {
      const fk = `${parent.name}_id`;
      if (table.columns.some((c) => c.name === fk) && row[fk] === undefined) row[fk] = parent.id;
      if (name === 'attribute') {
        row.link_id ??= parent.id;
        row.link_entity ??= parent.name;
      }
    }
    const id = typeof row.id === 'string' ? row.id : undefined;
    const seenHere = seen.get(table.path);
    if (id && seenHere) {
      if (!seenHere.has(id)) {
        seenHere.add(id);
        out.get(table.path)?.push(row);
      }
    }
    if (name === 'organization' && Array.isArray(obj.services)) {
      for (const s of obj.services as Record<string, unknown>[])
        visit('service', s, id ? { name, id } : undefined);
    }
    for (const child of hsdsChildren(name)) {
      const v = obj[child.property];
      const items = child.many
        ? Array.isArray(v)
          ? v
          : []
        : v && typeof v === 'object'
          ? [v]
          : [];
      for (const item of items as Record<string, unknown>[]) {
        // A service's organization and a term's taxonomy are parents, not children: no foreign key.
        const asChild = child.many && id ? { name, id } : undefined;
        visit(child.definition, item, asChild);
      }
    }
  };
  for (const s of roots.services ?? []) visit('service', s as unknown as Record<string, unknown>);
  for (const o of roots.organizations ?? [])
    visit('organization', o as unknown as Record<string, unknown>);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import: records as we store them.

export interface ImportedOrganization extends Omit<Organization, 'kommune' | 'status'> {
  /** Where it came from, for problems: `services[0].organization`, `organizations.csv line 2`. */
  source: string;
}

export interface ImportedLocation extends Omit<Location, 'kommune' | 'organization_id'> {
  source: string;
  /** The organization the HSDS location names (may be outside the import: the store checks). */
  organization_id: string | null;
  /** The organization of a service offered here: used when organization_id is unknown. */
  fallback_organization_id: string | null;
}

export interface ImportedSchedule {
  id: string;
  location_id: string | null;
  weekday: number;
  starts_at: string;
  ends_at: string;
  interval_weeks: number;
  valid_from: string | null;
  valid_to: string | null;
  note: string;
}

export interface ImportedOffer extends Omit<
  Offer,
  'kommune' | 'target_groups' | 'demo' | 'created_at' | 'updated_at'
> {
  source: string;
  /** last_modified; null: now. */
  updated_at: Date | null;
  service_at_locations: { id: string; location_id: string; source: string }[];
  schedules: ImportedSchedule[];
}

export interface HsdsImport {
  organizations: ImportedOrganization[];
  locations: ImportedLocation[];
  offers: ImportedOffer[];
}

export interface HsdsReadResult {
  records: HsdsImport;
  /** Errors: with any, nothing may be imported. */
  problems: FieldProblem[];
  /** What was adjusted or skipped (foreign postcode, impossible coordinates, ...). */
  warnings: FieldProblem[];
}

/** Names a field of a record for problems: JSON path or `file.csv line N, column x`. */
type Where = (field?: string) => string;

const jsonWhere =
  (path: string): Where =>
  (field) =>
    !field ? path : field.startsWith('[') ? `${path}${field}` : path ? `${path}.${field}` : field;

type Kind = 'service' | 'organization' | 'service_at_location' | 'location';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function detectKind(o: Record<string, unknown>): Kind | null {
  if ('location_type' in o) return 'location';
  if (isObject(o.service) || (isObject(o.location) && !('status' in o) && !('name' in o)))
    return 'service_at_location';
  if ('service_id' in o && 'location_id' in o && !('name' in o) && !('status' in o))
    return 'service_at_location';
  if (
    'status' in o ||
    'service_at_locations' in o ||
    isObject(o.organization) ||
    ('organization_id' in o && !('services' in o))
  ) {
    return 'service';
  }
  if ('services' in o || 'locations' in o || 'name' in o || 'description' in o)
    return 'organization';
  return null;
}

interface ServiceEntry {
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

/** Collects HSDS objects (nested any way the standard allows) and maps them to our records. */
class Reader {
  readonly problems: FieldProblem[] = [];
  readonly warnings: FieldProblem[] = [];
  private readonly orgs = new Map<string, { obj: HsdsOrganization; where: Where }>();
  private readonly locs = new Map<
    string,
    { obj: HsdsLocation; where: Where; fallback: string | null }
  >();
  private readonly services = new Map<string, ServiceEntry>();
  private readonly pendingSals: { obj: HsdsServiceAtLocation; where: Where }[] = [];

  /** `where` labels for objects assembled from CSV rows. */
  constructor(private readonly labels: WeakMap<object, Where> = new WeakMap()) {}

  private whereOf(obj: object, path: string): Where {
    return this.labels.get(obj) ?? jsonWhere(path);
  }

  /** Where a nested object is: its own label (a CSV row), else `parent.prop`. */
  private nested(parent: Where, obj: object | undefined, prop: string): Where {
    const own = obj ? this.labels.get(obj) : undefined;
    return own ?? ((field?: string) => parent(field ? `${prop}.${field}` : prop));
  }

  problem(path: string, message: string) {
    this.problems.push({ path, message });
  }
  warn(path: string, message: string) {
    this.warnings.push({ path, message });
  }

  /** Validates one top-level JSON object against its schema and collects it if valid. */
  addTop(value: unknown, path: string, kindHint?: Kind) {
    if (!isObject(value)) {
      this.problem(path, 'not an object');
      return;
    }
    const kind = kindHint ?? detectKind(value);
    if (!kind) {
      this.problem(path, 'not an HSDS service, organization, service_at_location or location');
      return;
    }
    const checks: [HsdsSchemaName, unknown, string][] = [[kind, value, path]];
    if (kind === 'organization' && Array.isArray(value.services)) {
      value.services.forEach((s, i) => checks.push(['service', s, `${path}.services[${i}]`]));
    }
    if (kind === 'service_at_location' && value.service !== undefined)
      checks.push(['service', value.service, `${path}.service`]);
    const found = checks.flatMap(([name, v, p]) => validateHsds(name, v, p));
    if (found.length) {
      this.problems.push(...found);
      return;
    }
    this.collect(kind, value, path);
  }

  /** Collects an object already known to be valid (JSON validated, or CSV rows validated). */
  collect(kind: Kind, value: object, path: string) {
    switch (kind) {
      case 'service':
        this.addService(value as HsdsService, path, null);
        break;
      case 'organization':
        this.addOrganization(value as HsdsOrganization, path);
        break;
      case 'location':
        this.addLocation(value as HsdsLocation, path, null);
        break;
      case 'service_at_location': {
        const sal = value as HsdsServiceAtLocation;
        if (sal.service) {
          const entry = this.addService(sal.service, `${path}.service`, null);
          if (entry) this.addSal(entry, sal, path);
        } else {
          this.pendingSals.push({ obj: sal, where: this.whereOf(sal, path) });
        }
        break;
      }
    }
  }

  private addOrganization(o: HsdsOrganization, path: string): string {
    const existing = this.orgs.get(o.id);
    if (existing) existing.obj = { ...o, ...existing.obj };
    else this.orgs.set(o.id, { obj: o, where: this.whereOf(o, path) });
    o.locations?.forEach((l, i) => this.addLocation(l, `${path}.locations[${i}]`, o.id));
    o.services?.forEach((s, i) => this.addService(s, `${path}.services[${i}]`, o.id));
    return o.id;
  }

  /** Returns the location id, or null for a virtual location (not a place). */
  private addLocation(l: HsdsLocation, path: string, fallback: string | null): string | null {
    if (l.location_type === 'virtual') return null;
    const existing = this.locs.get(l.id);
    if (existing) {
      existing.obj = { ...l, ...existing.obj };
      existing.fallback ??= fallback;
    } else {
      this.locs.set(l.id, { obj: l, where: this.whereOf(l, path), fallback });
    }
    return l.id;
  }

  private addService(
    s: HsdsService,
    path: string,
    parentOrg: string | null,
  ): ServiceEntry | undefined {
    const where = this.whereOf(s, path);
    const orgId = s.organization
      ? this.addOrganization(s.organization, `${path}.organization`)
      : (s.organization_id ?? parentOrg);
    if (!orgId)
      this.problem(where('organization_id'), 'required (a service needs its organization)');
    let entry = this.services.get(s.id);
    if (entry) {
      this.warn(where('id'), `service ${s.id} appears more than once; the first is used`);
      return entry;
    }
    entry = { obj: s, where, orgId, virtual: false, sals: [], schedules: [] };
    this.services.set(s.id, entry);
    s.service_at_locations?.forEach((x, i) =>
      this.addSal(entry, x, `${path}.service_at_locations[${i}]`),
    );
    s.schedules?.forEach((h, i) => {
      entry.schedules.push({
        obj: h,
        where: this.whereOf(h, `${path}.schedules[${i}]`),
        locationId: h.location_id ?? null,
        level: 'service',
      });
    });
    return entry;
  }

  private addSal(entry: ServiceEntry, x: HsdsServiceAtLocation, path: string) {
    const where = this.whereOf(x, path);
    if (x.location?.location_type === 'virtual') {
      entry.virtual = true;
      return;
    }
    const locationId = x.location
      ? this.addLocation(x.location, `${path}.location`, entry.orgId)
      : (x.location_id ?? null);
    if (!locationId) {
      this.problem(where('location_id'), 'required (a service_at_location needs its location)');
      return;
    }
    if (!x.location) {
      const known = this.locs.get(locationId);
      if (known) known.fallback ??= entry.orgId;
    }
    if (entry.sals.some((s) => s.locationId === locationId)) {
      this.warn(where(), `the service is at location ${locationId} twice; the first is used`);
    } else {
      entry.sals.push({ obj: x, where, locationId });
    }
    x.schedules?.forEach((h, i) => {
      entry.schedules.push({
        obj: h,
        where: this.whereOf(h, `${path}.schedules[${i}]`),
        locationId,
        level: 'sal',
      });
    });
  }

  finish(): HsdsReadResult {
    for (const { obj, where } of this.pendingSals) {
      const entry = obj.service_id ? this.services.get(obj.service_id) : undefined;
      if (!entry)
        this.problem(
          where('service_id'),
          'the service is not in the import (include it, or the service_at_location in the service)',
        );
      else this.addSal(entry, obj, where());
    }
    const organizations = [...this.orgs.values()].map(({ obj, where }) =>
      this.mapOrganization(obj, where),
    );
    const locations = [...this.locs.values()].map(({ obj, where, fallback }) =>
      this.mapLocation(obj, where, fallback),
    );
    const wheelchair = new Map(locations.map((l) => [l.id, l.wheelchair_accessible]));
    const offers = [...this.services.values()].map((e) => this.mapService(e, wheelchair));
    return {
      records: { organizations, locations, offers },
      problems: this.problems,
      warnings: this.warnings,
    };
  }

  private mapOrganization(o: HsdsOrganization, where: Where): ImportedOrganization {
    const name = (o.name ?? '').trim();
    if (name.length < 2 || name.length > 200)
      this.problem(where('name'), 'must be 2–200 characters');
    const profile = this.profile(o.attributes, where);
    const kind = (profile.get('lighed-organization-kind')?.[0]?.code ??
      'civil_society') as OrganizationKind;
    return {
      id: o.id,
      name,
      description: o.description ?? '',
      kind,
      email: nonEmpty(o.email)?.trim() ?? null,
      phone: cleanPhone(o.phones?.[0]?.number ?? o.contacts?.[0]?.phones?.[0]?.number) || null,
      website: nonEmpty(o.website)?.trim() ?? null,
      source: where(),
    };
  }

  private mapLocation(l: HsdsLocation, where: Where, fallback: string | null): ImportedLocation {
    const addresses = l.addresses ?? [];
    const ai = Math.max(
      0,
      addresses.findIndex((a) => a.address_type === 'physical'),
    );
    const a = addresses[ai];
    let address_1 = '';
    let postal_code = '0000';
    let city = '';
    if (!a) {
      this.warn(
        where('addresses'),
        'no address; imported with an empty address and postal code 0000',
      );
    } else {
      const country = (a.country ?? '').trim().toUpperCase();
      const danish =
        country === '' ||
        country === 'DK' ||
        country === 'DNK' ||
        country === 'DENMARK' ||
        country === 'DANMARK';
      const code = (a.postal_code ?? '').trim().replace(/^DK-?\s*/i, '');
      city = (a.city ?? '').trim();
      if (danish && /^\d{4}$/.test(code)) {
        postal_code = code;
        address_1 = [a.address_1, a.address_2]
          .map((s) => s?.trim())
          .filter(Boolean)
          .join(', ');
      } else {
        address_1 = [
          a.address_1,
          a.address_2,
          a.region,
          a.state_province,
          a.postal_code,
          danish ? '' : a.country,
        ]
          .map((s) => s?.trim())
          .filter(Boolean)
          .join(', ');
        if (a.postal_code?.trim() || !danish) {
          this.warn(
            this.nested(where, a, `addresses[${ai}]`)('postal_code'),
            `"${a.postal_code ?? ''}"${danish ? '' : ` (${a.country})`} is not a Danish postcode: stored as 0000, the original kept in address_1`,
          );
        }
      }
    }
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (typeof l.latitude === 'number' && typeof l.longitude === 'number') {
      if (Math.abs(l.latitude) <= 90 && Math.abs(l.longitude) <= 180) {
        latitude = l.latitude;
        longitude = l.longitude;
      } else {
        this.warn(
          where('latitude'),
          `${l.latitude}, ${l.longitude} is not a position on Earth: imported without coordinates`,
        );
      }
    } else if (typeof l.latitude === 'number' || typeof l.longitude === 'number') {
      this.warn(
        where(typeof l.latitude === 'number' ? 'longitude' : 'latitude'),
        'missing: imported without coordinates',
      );
    }
    const profile = this.profile(l.attributes, where);
    const access = l.accessibility ?? [];
    const ours = access.some((x) => x.id === wheelchairAccessibilityId(l.id));
    const notes = access
      .filter((x) => x.id !== wheelchairAccessibilityId(l.id))
      .map((x) =>
        [x.description, x.details]
          .map((s) => s?.trim())
          .filter(Boolean)
          .join('\n'),
      )
      .filter(Boolean);
    const wheelchair =
      profile.size > 0 || ours
        ? (profile.get('lighed-flag') ?? []).some((t) => t.code === 'wheelchair_accessible')
        : access.some((x) =>
            /wheelchair|kørestol/i.test(`${x.description ?? ''} ${x.details ?? ''}`),
          );
    const name =
      (l.name ?? '').trim() || (l.alternate_name ?? '').trim() || address_1 || 'Uden navn';
    return {
      id: l.id,
      organization_id: l.organization_id ?? null,
      fallback_organization_id: fallback,
      name,
      description: l.description ?? '',
      address_1,
      postal_code,
      city,
      latitude,
      longitude,
      wheelchair_accessible: wheelchair,
      accessibility_note: notes.join('\n'),
      transport_note: l.transportation ?? '',
      source: where(),
    };
  }

  /** Our taxonomy terms among the attributes; other taxonomies are ignored. */
  private profile(
    attributes: HsdsAttribute[] | undefined,
    where: Where,
  ): Map<LighedTaxonomy, { code: string; value: string | undefined; where: Where }[]> {
    const out = new Map<
      LighedTaxonomy,
      { code: string; value: string | undefined; where: Where }[]
    >();
    (attributes ?? []).forEach((a, i) => {
      const aw = this.nested(where, a, `attributes[${i}]`);
      const term = a.taxonomy_term;
      const byId = lighedTermById(a.taxonomy_term_id ?? term?.id ?? '');
      const tax = term?.taxonomy ?? term?.taxonomy_detail?.name ?? byId?.taxonomy;
      if (!isLighedTaxonomy(tax)) return;
      const code = term?.code ?? (byId?.taxonomy === tax ? byId.code : undefined);
      const def: TaxonomyDef = LIGHED_TAXONOMIES[tax];
      if (!code || !def.codes.includes(code)) {
        const tw = term ? this.labels.get(term) : undefined;
        this.warn(
          tw ? tw('code') : aw('taxonomy_term.code'),
          `"${code ?? ''}" is not a term of ${tax}: skipped`,
        );
        return;
      }
      out.set(tax, [...(out.get(tax) ?? []), { code, value: a.value, where: aw }]);
    });
    return out;
  }

  private mapService(e: ServiceEntry, wheelchairAt: Map<string, boolean>): ImportedOffer {
    const s = e.obj;
    const w = e.where;
    const profile = this.profile(s.attributes, w);
    const profiled = profile.size > 0;
    const codes = <T extends string>(tax: LighedTaxonomy) => [
      ...new Set((profile.get(tax) ?? []).map((t) => t.code as T)),
    ];
    const oneCode = <T extends string>(tax: LighedTaxonomy, fallback: T) =>
      (profile.get(tax)?.[0]?.code as T | undefined) ?? fallback;

    const title = (s.name ?? '').trim();
    if (title.length < 3 || title.length > 200) this.problem(w('name'), 'must be 3–200 characters');

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
            [
              c.option,
              `${c.amount} ${(c.currency ?? '').toUpperCase()}`.trim(),
              c.amount_description,
            ]
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
            this.warn(
              this.nested(w, l, `languages[${i}]`)('code'),
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
        this.problem(
          t.where('value'),
          'not a JSON object of {title, summary, description, how_to_join}',
        );
      }
    }

    const age = (field: 'minimum_age' | 'maximum_age'): number | null => {
      const v = s[field];
      if (v === undefined) return null;
      if (v < 0 || v > 120) {
        this.warn(w(field), `${v} is outside 0–120: imported without it`);
        return null;
      }
      return Math.round(v);
    };

    let lastConfirmed: Date | null = null;
    if (s.assured_date) {
      const d = parseDate(s.assured_date);
      if (d) lastConfirmed = new Date(`${d}T12:00:00Z`);
      else this.problem(w('assured_date'), 'not a date (YYYY-MM-DD)');
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
      schedules: this.mapSchedules(e, profiled),
      source: w(),
    };
  }

  private mapSchedules(e: ServiceEntry, profiled: boolean): ImportedSchedule[] {
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
      const skip = (why: string) => this.warn(where(), `schedule skipped: ${why}`);
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
      if (!opens) this.problem(where('opens_at'), 'not a time (HH:MM)');
      if (!closes) this.problem(where('closes_at'), 'not a time (HH:MM)');
      const days: number[] = [];
      let monthly = false;
      for (const token of h.byday
        .split(',')
        .map((t) => t.trim().toUpperCase())
        .filter(Boolean)) {
        const m = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(token);
        if (!m?.[2])
          this.problem(where('byday'), `"${token}" is not a weekday (MO, TU, WE, TH, FR, SA, SU)`);
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
        this.problem(where(h.valid_from ? 'valid_from' : 'dtstart'), 'not a date (YYYY-MM-DD)');
      if (to && !validTo)
        this.problem(where(h.valid_to ? 'valid_to' : 'until'), 'not a date (YYYY-MM-DD)');
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
}

function cleanPhone(v: string | undefined): string {
  let s = (v ?? '').trim();
  // The HSDS examples wrap numbers in literal quotes: "\"+44 1234 234567\"".
  while (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();
  return s;
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

/**
 * Reads HSDS JSON: a service, organization, service_at_location or location; an array of them;
 * an API page (`{ contents: [...] }`); or the tabular JSON form (`{ "services.csv": [...] }`).
 * Every object is validated against the standard's schema first; problems name the record and
 * field (`services[3].name: required`).
 */
export function fromHsdsJson(value: unknown): HsdsReadResult {
  if (isObject(value) && Object.keys(value).some((k) => k.endsWith('.csv'))) {
    // Cells are typed here, but a table is a table: a number in a text column (the standard's
    // own tabular.json has `external_identifier: 10092008082`) is read as its text, as from CSV.
    const columns = new Map(
      hsdsTables().map((t) => [t.path, new Map(t.columns.map((c) => [c.name, c.type]))]),
    );
    const tables: HsdsTableInput = {};
    for (const [file, rows] of Object.entries(value)) {
      const types = columns.get(file);
      tables[file] = Array.isArray(rows)
        ? rows.map((r, i) => {
            const values: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(isObject(r) ? r : {})) {
              values[k] =
                types?.get(k) === 'string' && (typeof v === 'number' || typeof v === 'boolean')
                  ? String(v)
                  : v;
            }
            return { where: jsonWhere(`${file}[${i}]`), values };
          })
        : [];
    }
    return fromHsdsTables(tables);
  }
  const reader = new Reader();
  if (Array.isArray(value)) {
    if (value.length === 0) reader.problem('', 'the list is empty');
    value.forEach((item, i) => {
      const kind = isObject(item) ? detectKind(item) : null;
      reader.addTop(item, `${kind ?? 'record'}s[${i}]`);
    });
  } else if (isObject(value) && Array.isArray(value.contents)) {
    if (value.contents.length === 0) reader.problem('contents', 'the page is empty');
    value.contents.forEach((item, i) => reader.addTop(item, `contents[${i}]`));
  } else if (isObject(value)) {
    const kind = detectKind(value);
    reader.addTop(value, kind ?? 'record');
  } else {
    reader.problem('', 'not an HSDS object, list or page');
  }
  return reader.finish();
}

// ---------------------------------------------------------------------------------------------
// Import from tables (CSV data package, tabular JSON).

/** Rows per CSV file name (`services.csv`, ...), each with where it came from. */
export type HsdsTableInput = Record<string, { where: Where; values: Record<string, unknown> }[]>;

/**
 * Parses the CSV files of a data package (file name → text) into typed rows: number columns
 * become numbers ("not a number" otherwise), empty cells are absent. Unknown files and
 * columns are reported as warnings and ignored.
 */
export function csvFilesToTables(files: Record<string, string>): {
  tables: HsdsTableInput;
  problems: FieldProblem[];
  warnings: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const tables: HsdsTableInput = {};
  const known = new Map(hsdsTables().map((t) => [t.path, t]));
  for (const [file, text] of Object.entries(files)) {
    const table = known.get(file);
    if (!table) {
      warnings.push({ path: file, message: 'not an HSDS table: ignored' });
      continue;
    }
    let parsed: ReturnType<typeof parseCsvTable>;
    try {
      parsed = parseCsvTable(text);
    } catch (err) {
      if (err instanceof CsvSyntaxError) {
        problems.push({
          path: `${file} line ${err.line}`,
          message: err.message.replace(/^line \d+: /, ''),
        });
        continue;
      }
      throw err;
    }
    const types = new Map(table.columns.map((c) => [c.name, c.type]));
    for (const h of parsed.header) {
      if (!types.has(h))
        warnings.push({
          path: `${file}, column ${h}`,
          message: 'not a column of this table: ignored',
        });
    }
    tables[file] = parsed.rows.map(({ line, values }) => {
      const where: Where = (field) =>
        field ? `${file} line ${line}, column ${field}` : `${file} line ${line}`;
      const row: Record<string, unknown> = {};
      for (const [col, raw] of Object.entries(values)) {
        const type = types.get(col);
        if (!type || raw.trim() === '') continue;
        if (type === 'number' || type === 'integer') {
          const n = Number(raw.trim());
          if (Number.isFinite(n)) row[col] = n;
          else problems.push({ path: where(col), message: 'not a number' });
        } else if (type === 'boolean') {
          const b = raw.trim().toLowerCase();
          if (b === 'true' || b === 'false') row[col] = b === 'true';
          else problems.push({ path: where(col), message: 'not true or false' });
        } else {
          row[col] = raw;
        }
      }
      return { where, values: row };
    });
  }
  return { tables, problems, warnings };
}

/**
 * Reads the HSDS tables (from CSV or tabular JSON): validates each row against its table's
 * schema, joins the rows into nested objects by their foreign keys and maps them like JSON.
 * Problems name file, line and column: `locations.csv line 7, column latitude: not a number`.
 */
export function fromHsdsTables(
  tables: HsdsTableInput,
  prior: { problems?: FieldProblem[]; warnings?: FieldProblem[] } = {},
): HsdsReadResult {
  const problems: FieldProblem[] = [...(prior.problems ?? [])];
  const warnings: FieldProblem[] = [...(prior.warnings ?? [])];
  const defs = new Map(hsdsTables().map((t) => [t.path, t]));
  const rows = (file: string) => tables[file] ?? [];

  for (const [file, list] of Object.entries(tables)) {
    const t = defs.get(file);
    if (!t) {
      if (!warnings.some((w) => w.path === file))
        warnings.push({ path: file, message: 'not an HSDS table: ignored' });
      continue;
    }
    for (const r of list) {
      for (const e of hsdsErrors(t.name, r.values)) {
        const field = ajvField(e);
        const path = r.where(field || undefined);
        const message = ajvMessage(e);
        if (!problems.some((x) => x.path === path && x.message === message))
          problems.push({ path, message });
      }
    }
  }
  if (
    !rows('services.csv').length &&
    !rows('organizations.csv').length &&
    !rows('locations.csv').length
  ) {
    problems.push({
      path: 'services.csv',
      message: 'the data package has no services, organizations or locations',
    });
  }
  if (problems.length)
    return { records: { organizations: [], locations: [], offers: [] }, problems, warnings };

  const labels = new WeakMap<object, Where>();
  const make = <T extends object>(
    r: { where: Where; values: Record<string, unknown> },
    extra: Record<string, unknown> = {},
  ): T => {
    const obj = { ...r.values, ...extra } as T;
    labels.set(obj, r.where);
    return obj;
  };
  const by = (file: string, key: string, id: string) =>
    rows(file).filter((r) => r.values[key] === id);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

  const taxonomies = new Map(rows('taxonomies.csv').map((r) => [str(r.values.id), r]));
  const terms = new Map(rows('taxonomy_terms.csv').map((r) => [str(r.values.id), r]));
  const attributesOf = (id: string) =>
    by('attributes.csv', 'link_id', id).map((r) => {
      const termRow = terms.get(str(r.values.taxonomy_term_id));
      const taxRow = termRow ? taxonomies.get(str(termRow.values.taxonomy_id)) : undefined;
      const term = termRow
        ? make<HsdsTaxonomyTerm>(
            termRow,
            taxRow ? { taxonomy_detail: make<HsdsTaxonomy>(taxRow) } : {},
          )
        : undefined;
      return make<HsdsAttribute>(r, term ? { taxonomy_term: term } : {});
    });
  const phonesOf = (key: string, id: string) =>
    by('phones.csv', key, id).map((r) => make<HsdsPhone>(r));
  const salIds = new Set(rows('service_at_location.csv').map((r) => str(r.values.id)));

  const locations = new Map<string, HsdsLocation>();
  for (const r of rows('locations.csv')) {
    const id = str(r.values.id) ?? '';
    locations.set(
      id,
      make<HsdsLocation>(r, {
        addresses: by('addresses.csv', 'location_id', id).map((a) => make<HsdsAddress>(a)),
        accessibility: by('accessibility.csv', 'location_id', id).map((a) =>
          make<HsdsAccessibility>(a),
        ),
        attributes: attributesOf(id),
      }),
    );
  }
  const organizations = new Map<string, HsdsOrganization>();
  for (const r of rows('organizations.csv')) {
    const id = str(r.values.id) ?? '';
    organizations.set(
      id,
      make<HsdsOrganization>(r, {
        phones: phonesOf('organization_id', id),
        attributes: attributesOf(id),
      }),
    );
  }
  const services: HsdsService[] = rows('services.csv').map((r) => {
    const id = str(r.values.id) ?? '';
    const sals = by('service_at_location.csv', 'service_id', id).map((x) => {
      const salId = str(x.values.id) ?? '';
      const location = locations.get(str(x.values.location_id) ?? '');
      return make<HsdsServiceAtLocation>(x, {
        ...(location ? { location } : {}),
        schedules: by('schedules.csv', 'service_at_location_id', salId).map((h) =>
          make<HsdsSchedule>(h),
        ),
      });
    });
    return make<HsdsService>(r, {
      service_at_locations: sals,
      // Service-level schedules: those of this service not tied to one of its service_at_locations.
      schedules: by('schedules.csv', 'service_id', id)
        .filter((h) => !salIds.has(str(h.values.service_at_location_id)))
        .map((h) => make<HsdsSchedule>(h)),
      languages: by('languages.csv', 'service_id', id).map((l) => make<HsdsLanguage>(l)),
      phones: phonesOf('service_id', id),
      contacts: by('contacts.csv', 'service_id', id).map((c) =>
        make<HsdsContact>(c, { phones: phonesOf('contact_id', str(c.values.id) ?? '') }),
      ),
      cost_options: by('cost_options.csv', 'service_id', id).map((c) => make<HsdsCostOption>(c)),
      attributes: attributesOf(id),
    });
  });

  const reader = new Reader(labels);
  // Services first, so a location reached through a service knows that service's organization.
  for (const s of services) reader.collect('service', s, '');
  for (const o of organizations.values()) reader.collect('organization', o, '');
  for (const l of locations.values()) reader.collect('location', l, '');
  const result = reader.finish();
  return { ...result, warnings: [...warnings, ...result.warnings] };
}
