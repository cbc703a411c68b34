/**
 * Use cases for organisations (providers) and their places. Admins manage all of the
 * municipality's; a provider only its own organisation and its places (creating
 * organisations is the admin's: the routes name the roles). Writes are audited in their
 * transaction.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { LighedError } from '../platform/errors.ts';
import type { Geocoder } from '../platform/geo/geocoder.ts';
import { isUuid } from '../platform/ids.ts';
import { assertInScope, inScope, type Editor, type Saved } from './editor.ts';
import type { Location, Organization } from './offer.ts';
import {
  locationToForm,
  organizationToForm,
  type FormRead,
  type LocationInput,
  type OrganizationFormState,
  type OrganizationInput,
  type PlaceFormState,
} from './organization-form.ts';
import {
  getLocation,
  getOrganization,
  insertLocation,
  insertOrganization,
  listLocations,
  listOrganizations,
  updateLocation,
  updateOrganization,
} from './organization.store.ts';

const kommuneOf = (editor: Editor) => editor.actor.kommune;

/** The organisations the editor manages: a provider's own, or all of the municipality's. */
export async function organizationsFor(tx: Queryable, editor: Editor): Promise<Organization[]> {
  return (await listOrganizations(tx, kommuneOf(editor))).filter((o) => inScope(editor, o.id));
}

async function loadOrganization(tx: Queryable, editor: Editor, id: string) {
  const org = isUuid(id) ? await getOrganization(tx, kommuneOf(editor), id) : undefined;
  if (!org) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such organisation');
  assertInScope(editor, org.id, 'Not your organisation');
  return org;
}

async function loadLocation(tx: Queryable, editor: Editor, id: string): Promise<Location> {
  const l = isUuid(id) ? await getLocation(tx, kommuneOf(editor), id) : undefined;
  if (!l) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such place');
  assertInScope(editor, l.organization_id, 'Not your organisation');
  return l;
}

/** The list page: the organisations and places the editor manages. */
export async function organizationsOverview(db: Db, editor: Editor) {
  return inTenant(db, kommuneOf(editor), async (tx) => ({
    organizations: await organizationsFor(tx, editor),
    locations: await listLocations(tx, kommuneOf(editor), editor.scope),
  }));
}

/** The form for a new organisation (id null) or a stored one. */
export async function organizationForm(
  db: Db,
  editor: Editor,
  id: string | null,
): Promise<OrganizationFormState> {
  if (!id) return { id: null, values: { status: 'active' }, problems: [] };
  const org = await inTenant(db, kommuneOf(editor), (tx) => loadOrganization(tx, editor, id));
  return { id: org.id, values: organizationToForm(org), problems: [] };
}

/** Creates (id null) or updates an organisation from its read form. */
export async function saveOrganization(
  db: Db,
  editor: Editor,
  id: string | null,
  form: FormRead<OrganizationInput>,
): Promise<Saved<OrganizationFormState>> {
  return inTenant(db, kommuneOf(editor), async (tx) => {
    const existing = id ? await loadOrganization(tx, editor, id) : null;
    const { input, values, problems } = form;
    if (!input) return { ok: false, id: existing?.id ?? null, values, problems };
    if (existing) await updateOrganization(tx, existing.id, input);
    const savedId = existing?.id ?? (await insertOrganization(tx, kommuneOf(editor), input));
    await audit(tx, editor.actor, {
      action: existing ? 'update' : 'create',
      entity: 'organization',
      entityId: savedId,
    });
    return { ok: true, id: savedId };
  });
}

/** The form for a new place (id null) or a stored one. */
export async function placeForm(
  db: Db,
  editor: Editor,
  id: string | null,
): Promise<PlaceFormState> {
  return inTenant(db, kommuneOf(editor), async (tx) => {
    const l = id ? await loadLocation(tx, editor, id) : null;
    return {
      id: l?.id ?? null,
      values: l ? locationToForm(l) : {},
      problems: [],
      organizations: await organizationsFor(tx, editor),
    };
  });
}

/** Fills missing coordinates: the address service where enabled, else the postcode centroid. */
async function withCoordinates(geocoder: Geocoder, input: LocationInput): Promise<LocationInput> {
  if (input.latitude !== null && input.longitude !== null) return input;
  const found =
    (await geocoder.address(`${input.address_1}, ${input.postal_code} ${input.city}`)) ??
    (await geocoder.postcode(input.postal_code));
  return found ? { ...input, latitude: found.latitude, longitude: found.longitude } : input;
}

/** Creates (id null) or updates a place of an organisation the editor manages. */
export async function savePlace(
  db: Db,
  geocoder: Geocoder,
  editor: Editor,
  id: string | null,
  form: FormRead<LocationInput>,
): Promise<Saved<PlaceFormState>> {
  const { input, values, problems } = form;
  const { placeId, organizations } = await inTenant(db, kommuneOf(editor), async (tx) => ({
    placeId: id ? (await loadLocation(tx, editor, id)).id : null,
    organizations: await organizationsFor(tx, editor),
  }));
  if (input && !organizations.some((o) => o.id === input.organization_id))
    problems.push({ path: 'organization_id', message: 'offerForm.error.organization' });
  if (!input || problems.length) return { ok: false, id: placeId, values, problems, organizations };
  // Outside the transaction: the address service is a network call.
  const place = await withCoordinates(geocoder, input);
  return inTenant(db, kommuneOf(editor), async (tx) => {
    if (placeId) await updateLocation(tx, placeId, place);
    const savedId = placeId ?? (await insertLocation(tx, kommuneOf(editor), place));
    await audit(tx, editor.actor, {
      action: placeId ? 'update' : 'create',
      entity: 'location',
      entityId: savedId,
    });
    return { ok: true, id: savedId };
  });
}
