/**
 * Seeds the demo municipality (Roskilde, synthetic, marked as demo) from demo.data.ts:
 * providers, places, offers and staff accounts. All in one transaction; idempotent.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import {
  insertLocation,
  insertOrganization,
  saveOffer,
  type OfferInput,
} from '../catalog/index.ts';
import { createUser, hashPassword } from '../staff/index.ts';
import {
  DEMO_KOMMUNE,
  DEMO_KOMMUNE_NAME,
  DEMO_PASSWORD,
  demoLocations,
  demoOffers,
  demoOrganizations,
  demoStaff,
  demoTeams,
  type DemoOffer,
} from './demo.data.ts';
import {
  accountTeam,
  ensureTeam,
  hasAnyTeam,
  insertDemoTenant,
  setAccountTeam,
  tenantExists,
} from './demo.store.ts';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export function demoAccounts(): DemoAccount[] {
  return demoStaff.map((s) => ({ role: s.role, email: s.email, password: DEMO_PASSWORD }));
}

/** Creates the demo municipality; returns false when it already exists. */
export async function seedDemo(db: Db, opts: { hostnames?: string[] } = {}): Promise<boolean> {
  if (await tenantExists(db, DEMO_KOMMUNE)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Creating a municipality is an owner task: the application role may not write `tenant`.
  await db.asOwner((tx) =>
    insertDemoTenant(tx, DEMO_KOMMUNE, DEMO_KOMMUNE_NAME, opts.hostnames ?? []),
  );
  await inTenant(db, DEMO_KOMMUNE, async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of demoOrganizations) {
      const { name, description, kind, email, phone, website } = o;
      const input = { name, description, kind, status: 'active' as const };
      orgIds.set(
        o.key,
        await insertOrganization(tx, DEMO_KOMMUNE, {
          ...input,
          email: email ?? null,
          phone: phone ?? null,
          website: website ?? null,
        }),
      );
    }
    const locationIds = new Map<string, string>();
    for (const l of demoLocations) {
      locationIds.set(
        l.key,
        await insertLocation(tx, DEMO_KOMMUNE, {
          organization_id: must(orgIds, l.organization),
          name: l.name,
          address_1: l.address_1,
          postal_code: l.postal_code,
          city: l.city,
          latitude: l.latitude,
          longitude: l.longitude,
          wheelchair_accessible: l.wheelchair_accessible,
          accessibility_note: l.accessibility_note ?? '',
          transport_note: l.transport_note ?? '',
        }),
      );
    }
    for (const o of demoOffers) {
      const input = offerInput(o, must(orgIds, o.organization), (k) => must(locationIds, k));
      await saveOffer(tx, DEMO_KOMMUNE, input, { status: o.status ?? 'published', demo: true });
    }
    const teamIds = await demoTeamIds(tx);
    for (const s of demoStaff) {
      await createUser(tx, {
        team_id: s.team ? must(teamIds, s.team) : null,
        kommune: DEMO_KOMMUNE,
        email: s.email,
        name: s.name,
        role: s.role,
        organization_id: s.organization ? must(orgIds, s.organization) : null,
        password_hash: passwordHash,
      });
    }
  });
  return true;
}

/** The catalog's input for a demo offer: the file's optional fields at the catalog's defaults. */
function offerInput(
  o: DemoOffer,
  organizationId: string,
  locationId: (key: string) => string,
): OfferInput {
  const locs = (o.locations ?? []).map(locationId);
  return {
    organization_id: organizationId,
    title: o.title,
    summary: o.summary,
    description: o.description,
    how_to_join: o.how_to_join ?? '',
    arena: o.arena,
    offer_type: o.offer_type,
    topics: [...o.topics],
    life_phases: [...o.life_phases],
    languages: [...o.languages],
    mode: o.mode,
    interpreter_available: o.interpreter_available ?? false,
    free: o.free,
    price_dkk: o.price_dkk ?? null,
    price_note: o.price_note ?? '',
    children_welcome: o.children_welcome ?? false,
    childcare: o.childcare ?? false,
    wheelchair_accessible: o.wheelchair_accessible ?? false,
    welcomes_newcomers: o.welcomes_newcomers ?? false,
    transport_help: o.transport_help ?? false,
    min_age: o.min_age ?? null,
    max_age: o.max_age ?? null,
    recommendations: [...(o.recommendations ?? [])],
    target_groups: [...(o.target_groups ?? [])],
    contact_name: o.contact_name ?? '',
    contact_phone: o.contact_phone ?? '',
    contact_email: o.contact_email ?? '',
    url: o.url ?? '',
    translations: o.translations ?? {},
    location_ids: locs,
    schedules: (o.schedules ?? []).map((s) => ({ ...s, location_id: locs[0] ?? null })),
  };
}

/** The demo teams, created where missing (idempotent). */
async function demoTeamIds(tx: Queryable): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of demoTeams) ids.set(t.key, await ensureTeam(tx, DEMO_KOMMUNE, t));
  return ids;
}

/**
 * A demo municipality made before teams existed gets them, and its frontline accounts join
 * their team, so the health conversation works on an upgraded demo database. Once only: when
 * the demo has any team this does nothing, so an admin's later changes (a worker moved out of
 * a team, an account or team deleted) stand, and no account is ever made here.
 */
export async function ensureDemoTeams(db: Db): Promise<void> {
  if (!(await tenantExists(db, DEMO_KOMMUNE, { demoOnly: true }))) return;
  await inTenant(db, DEMO_KOMMUNE, async (tx) => {
    if (await hasAnyTeam(tx, DEMO_KOMMUNE)) return;
    const teamIds = await demoTeamIds(tx);
    for (const s of demoStaff.filter((x) => x.team)) {
      const row = await accountTeam(tx, DEMO_KOMMUNE, s.email);
      if (row && row.team_id === null)
        await setAccountTeam(tx, DEMO_KOMMUNE, s.email, must(teamIds, s.team!));
    }
  });
}

function must(map: Map<string, string>, key: string): string {
  const v = map.get(key);
  if (!v) throw new Error(`demo data: unknown key ${key}`);
  return v;
}
