/**
 * Import mapping, part one: the records we store, and HSDS organizations and locations mapped
 * to them (services are in import-services.ts). Problems and warnings go to the read's log.
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
 */
import type { FieldProblem } from '../../platform/errors.ts';
import type { Location, Offer, Organization, OrganizationKind } from '../offer.ts';
import { wheelchairAccessibilityId } from './export.ts';
import { nonEmpty } from './fields.ts';
import type { ReadLog, Where } from './problems.ts';
import {
  LIGHED_TAXONOMIES,
  isLighedTaxonomy,
  lighedTermById,
  type LighedTaxonomy,
  type TaxonomyDef,
} from './taxonomies.ts';
import type { HsdsAttribute, HsdsLocation, HsdsOrganization } from './types.ts';

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

export function mapOrganization(
  log: ReadLog,
  o: HsdsOrganization,
  where: Where,
): ImportedOrganization {
  const name = (o.name ?? '').trim();
  if (name.length < 2 || name.length > 200) log.problem(where('name'), 'must be 2–200 characters');
  const profile = lighedProfile(log, o.attributes, where);
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

export function mapLocation(
  log: ReadLog,
  l: HsdsLocation,
  where: Where,
  fallback: string | null,
): ImportedLocation {
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
    log.warn(where('addresses'), 'no address; imported with an empty address and postal code 0000');
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
        log.warn(
          log.nested(where, a, `addresses[${ai}]`)('postal_code'),
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
      log.warn(
        where('latitude'),
        `${l.latitude}, ${l.longitude} is not a position on Earth: imported without coordinates`,
      );
    }
  } else if (typeof l.latitude === 'number' || typeof l.longitude === 'number') {
    log.warn(
      where(typeof l.latitude === 'number' ? 'longitude' : 'latitude'),
      'missing: imported without coordinates',
    );
  }
  const profile = lighedProfile(log, l.attributes, where);
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
  const name = (l.name ?? '').trim() || (l.alternate_name ?? '').trim() || address_1 || 'Uden navn';
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
export function lighedProfile(
  log: ReadLog,
  attributes: HsdsAttribute[] | undefined,
  where: Where,
): Map<LighedTaxonomy, { code: string; value: string | undefined; where: Where }[]> {
  const out = new Map<
    LighedTaxonomy,
    { code: string; value: string | undefined; where: Where }[]
  >();
  (attributes ?? []).forEach((a, i) => {
    const aw = log.nested(where, a, `attributes[${i}]`);
    const term = a.taxonomy_term;
    const byId = lighedTermById(a.taxonomy_term_id ?? term?.id ?? '');
    const tax = term?.taxonomy ?? term?.taxonomy_detail?.name ?? byId?.taxonomy;
    if (!isLighedTaxonomy(tax)) return;
    const code = term?.code ?? (byId?.taxonomy === tax ? byId.code : undefined);
    const def: TaxonomyDef = LIGHED_TAXONOMIES[tax];
    if (!code || !def.codes.includes(code)) {
      const tw = term ? log.labels.get(term) : undefined;
      log.warn(
        tw ? tw('code') : aw('taxonomy_term.code'),
        `"${code ?? ''}" is not a term of ${tax}: skipped`,
      );
      return;
    }
    out.set(tax, [...(out.get(tax) ?? []), { code, value: a.value, where: aw }]);
  });
  return out;
}

export function cleanPhone(v: string | undefined): string {
  let s = (v ?? '').trim();
  // The HSDS examples wrap numbers in literal quotes: "\"+44 1234 234567\"".
  while (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();
  return s;
}
