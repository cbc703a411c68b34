/** SQL for organisations (providers) and their places. Call inside inTenant(). */
import { one, type Queryable } from '../db/db.ts';
import type { Location, Organization } from './offer.ts';
import type { LocationInput, OrganizationInput } from './organization-form.ts';

const organizationColumns = 'id, kommune, name, description, kind, email, phone, website, status';
const locationColumns = `id, kommune, organization_id, name, description, address_1, postal_code, city, latitude, longitude,
            wheelchair_accessible, accessibility_note, transport_note`;

export async function listOrganizations(q: Queryable, kommune: string): Promise<Organization[]> {
  return q.query<Organization>(
    `select ${organizationColumns}
       from organization where kommune = $1 order by name`,
    [kommune],
  );
}

/** The municipality's places; only one organisation's when `organizationId` is given. */
export async function listLocations(
  q: Queryable,
  kommune: string,
  organizationId: string | null,
): Promise<Location[]> {
  return q.query<Location>(
    `select ${locationColumns}
       from location where kommune = $1 and ($2::uuid is null or organization_id = $2) order by name`,
    [kommune, organizationId],
  );
}

export async function getOrganization(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<Organization | undefined> {
  return one<Organization>(
    q,
    `select ${organizationColumns} from organization where id = $1 and kommune = $2`,
    [id, kommune],
  );
}

export async function getLocation(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<Location | undefined> {
  return one<Location>(
    q,
    `select ${locationColumns} from location where id = $1 and kommune = $2`,
    [id, kommune],
  );
}

const organizationValues = (o: OrganizationInput) => [
  o.name,
  o.description,
  o.kind,
  o.email,
  o.phone,
  o.website,
  o.status,
];

export async function insertOrganization(
  q: Queryable,
  kommune: string,
  input: OrganizationInput,
): Promise<string> {
  const row = await one<{ id: string }>(
    q,
    `insert into organization (kommune, name, description, kind, email, phone, website, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [kommune, ...organizationValues(input)],
  );
  return row!.id;
}

export async function updateOrganization(
  q: Queryable,
  id: string,
  input: OrganizationInput,
): Promise<void> {
  await q.query(
    `update organization set name = $2, description = $3, kind = $4, email = $5, phone = $6, website = $7, status = $8,
            updated_at = now() where id = $1`,
    [id, ...organizationValues(input)],
  );
}

const locationValues = (l: LocationInput) => [
  l.organization_id,
  l.name,
  l.address_1,
  l.postal_code,
  l.city,
  l.latitude,
  l.longitude,
  l.wheelchair_accessible,
  l.accessibility_note,
  l.transport_note,
];

export async function insertLocation(
  q: Queryable,
  kommune: string,
  input: LocationInput,
): Promise<string> {
  const row = await one<{ id: string }>(
    q,
    `insert into location (kommune, organization_id, name, address_1, postal_code, city, latitude, longitude,
                           wheelchair_accessible, accessibility_note, transport_note)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [kommune, ...locationValues(input)],
  );
  return row!.id;
}

export async function updateLocation(
  q: Queryable,
  id: string,
  input: LocationInput,
): Promise<void> {
  await q.query(
    `update location set organization_id = $2, name = $3, address_1 = $4, postal_code = $5, city = $6, latitude = $7,
            longitude = $8, wheelchair_accessible = $9, accessibility_note = $10, transport_note = $11,
            updated_at = now() where id = $1`,
    [id, ...locationValues(input)],
  );
}
