/**
 * Export: our records as HSDS objects (records → HSDS JSON). Pure: the SQL that loads them is
 * in hsds.store.ts. Never exported: `target_groups` (internal) and `demo`. A foreign address
 * (postal code '0000', see import-records.ts) gets an empty postal_code and country. Schedule
 * times are Danish wall-clock time, HH:MM without an offset (see import-services.ts).
 */
import {
  FLAGS,
  TRANSLATION_LANGUAGES,
  type Location,
  type OfferDetail,
  type OfferTranslation,
  type Organization,
  type Schedule,
} from '../offer.ts';
import {
  BYDAY,
  STATUS_TO_HSDS,
  WEEKDAY_DA,
  dateOnly,
  iso,
  nonEmpty,
  opt,
  regionOf,
  scalars,
  validEmail,
  validUri,
} from './fields.ts';
import {
  LIGHED_TAXONOMIES,
  hsdsTaxonomyTerm,
  label,
  languageName,
  stableId,
  type LighedTaxonomy,
} from './taxonomies.ts';
import type {
  HsdsAccessibility,
  HsdsAttribute,
  HsdsContact,
  HsdsCostOption,
  HsdsListItem,
  HsdsLocation,
  HsdsOrganization,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
} from './types.ts';

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

/** The id of the accessibility entry that says "wheelchair access": the import recognises it. */
export const wheelchairAccessibilityId = (locationId: string) =>
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
