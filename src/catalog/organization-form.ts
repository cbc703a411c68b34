/** Reading the staff forms for organisations and places. Pure; problems name the field. */
import type { FieldProblem } from '../platform/errors.ts';
import {
  ORGANIZATION_KINDS,
  type Location,
  type Organization,
  type OrganizationKind,
} from './offer.ts';
import { isEmail } from './signup.ts';

type Body = Record<string, unknown>;
const str = (v: unknown, max = 2000) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** A form as read from a post: what was typed, and the input when it is valid. */
export interface FormRead<T> {
  values: Record<string, string>;
  input: T | null;
  problems: FieldProblem[];
}

/** What an organisation's form page shows; `id` is null for a new one. */
export interface OrganizationFormState {
  id: string | null;
  values: Record<string, string>;
  problems: FieldProblem[];
}

/** What a place's form page shows: also the organisations it may belong to. */
export interface PlaceFormState extends OrganizationFormState {
  organizations: Organization[];
}

export interface OrganizationInput {
  name: string;
  description: string;
  kind: OrganizationKind;
  email: string | null;
  phone: string | null;
  website: string | null;
  status: 'active' | 'retired';
}

export function readOrganizationForm(body: Body): FormRead<OrganizationInput> {
  const values = {
    name: str(body.name, 200),
    description: str(body.description),
    kind: str(body.kind),
    email: str(body.email, 200),
    phone: str(body.phone, 40),
    website: str(body.website, 500),
    status: str(body.status) || 'active',
  };
  const problems: FieldProblem[] = [];
  if (values.name.length < 2) problems.push({ path: 'name', message: 'orgForm.error.name' });
  if (!(ORGANIZATION_KINDS as readonly string[]).includes(values.kind))
    problems.push({ path: 'kind', message: 'orgForm.error.kind' });
  if (values.email && !isEmail(values.email))
    problems.push({ path: 'email', message: 'signup.error.email' });
  if (values.website && !/^https?:\/\/\S+$/.test(values.website))
    problems.push({ path: 'website', message: 'offerForm.error.url' });
  if (values.status !== 'active' && values.status !== 'retired')
    problems.push({ path: 'status', message: 'offerForm.error.status' });
  if (problems.length) return { values, input: null, problems };
  return {
    values,
    problems,
    input: {
      name: values.name,
      description: values.description,
      kind: values.kind as OrganizationKind,
      email: values.email || null,
      phone: values.phone || null,
      website: values.website || null,
      status: values.status as 'active' | 'retired',
    },
  };
}

/** A place as the staff form gives it (the description is not edited there). */
export type LocationInput = Omit<Location, 'id' | 'kommune' | 'description'>;

/** Coordinates are optional: without them the place is put at its postcode's centroid. */
export function readLocationForm(body: Body): FormRead<LocationInput> {
  const values = {
    organization_id: str(body.organization_id),
    name: str(body.name, 200),
    address_1: str(body.address_1, 200),
    postal_code: str(body.postal_code, 10).replace(/\s/g, ''),
    city: str(body.city, 100),
    latitude: str(body.latitude, 30).replace(',', '.'),
    longitude: str(body.longitude, 30).replace(',', '.'),
    wheelchair_accessible: str(body.wheelchair_accessible),
    accessibility_note: str(body.accessibility_note, 500),
    transport_note: str(body.transport_note, 500),
  };
  const problems: FieldProblem[] = [];
  if (values.name.length < 2) problems.push({ path: 'name', message: 'locationForm.error.name' });
  if (values.address_1.length < 2)
    problems.push({ path: 'address_1', message: 'locationForm.error.address' });
  if (!/^\d{4}$/.test(values.postal_code))
    problems.push({ path: 'postal_code', message: 'finder.error.postnummer' });
  if (values.city.length < 2) problems.push({ path: 'city', message: 'locationForm.error.city' });
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (values.latitude || values.longitude) {
    latitude = Number(values.latitude);
    longitude = Number(values.longitude);
    if (!Number.isFinite(latitude) || latitude < 54 || latitude > 58)
      problems.push({ path: 'latitude', message: 'locationForm.error.latitude' });
    if (!Number.isFinite(longitude) || longitude < 8 || longitude > 16)
      problems.push({ path: 'longitude', message: 'locationForm.error.longitude' });
  }
  if (problems.length) return { values, input: null, problems };
  return {
    values,
    problems,
    input: {
      organization_id: values.organization_id,
      name: values.name,
      address_1: values.address_1,
      postal_code: values.postal_code,
      city: values.city,
      latitude,
      longitude,
      wheelchair_accessible: values.wheelchair_accessible === 'ja',
      accessibility_note: values.accessibility_note,
      transport_note: values.transport_note,
    },
  };
}

/** A stored organisation as its form shows it. */
export function organizationToForm(o: Organization): Record<string, string> {
  return { ...o, email: o.email ?? '', phone: o.phone ?? '', website: o.website ?? '' };
}

/** A stored place as its form shows it. */
export function locationToForm(l: Location): Record<string, string> {
  return {
    ...l,
    latitude: l.latitude === null ? '' : String(l.latitude),
    longitude: l.longitude === null ? '' : String(l.longitude),
    wheelchair_accessible: l.wheelchair_accessible ? 'ja' : '',
  };
}
