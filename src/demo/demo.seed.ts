/**
 * Seeds the demo municipality (Roskilde, synthetic, marked as demo) from demo.data.ts:
 * providers, places, offers and staff accounts. All in one transaction; idempotent.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { saveOffer, type OfferInput } from '../catalog/offer.store.ts';
import { hashPassword } from '../staff/password.ts';
import { createUser } from '../staff/staff.store.ts';
import {
  DEMO_KOMMUNE,
  DEMO_KOMMUNE_NAME,
  DEMO_PASSWORD,
  demoLocations,
  demoOffers,
  demoOrganizations,
  demoStaff,
  demoTeams,
} from './demo.data.ts';

export async function hasAnyTenant(db: Db): Promise<boolean> {
  const rows = await db.query('select 1 from tenant limit 1');
  return rows.length > 0;
}

export function demoAccounts(): { role: string; email: string; password: string }[] {
  return demoStaff.map((s) => ({ role: s.role, email: s.email, password: DEMO_PASSWORD }));
}

/** Creates the demo municipality; returns false when it already exists. */
export async function seedDemo(db: Db, opts: { hostnames?: string[] } = {}): Promise<boolean> {
  const existing = await db.query('select 1 from tenant where kommune = $1', [DEMO_KOMMUNE]);
  if (existing.length) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into tenant (kommune, name, hostnames, demo) values ($1, $2, $3, true)`,
      [DEMO_KOMMUNE, DEMO_KOMMUNE_NAME, opts.hostnames ?? []],
    );
  });
  await inTenant(db, DEMO_KOMMUNE, async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of demoOrganizations) {
      const [row] = await tx.query<{ id: string }>(
        `insert into organization (kommune, name, description, kind, email, phone, website)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          DEMO_KOMMUNE,
          o.name,
          o.description,
          o.kind,
          o.email ?? null,
          o.phone ?? null,
          o.website ?? null,
        ],
      );
      orgIds.set(o.key, row!.id);
    }
    const locationIds = new Map<string, string>();
    for (const l of demoLocations) {
      const [row] = await tx.query<{ id: string }>(
        `insert into location (kommune, organization_id, name, address_1, postal_code, city, latitude, longitude,
                               wheelchair_accessible, accessibility_note, transport_note)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        [
          DEMO_KOMMUNE,
          must(orgIds, l.organization),
          l.name,
          l.address_1,
          l.postal_code,
          l.city,
          l.latitude,
          l.longitude,
          l.wheelchair_accessible,
          l.accessibility_note ?? '',
          l.transport_note ?? '',
        ],
      );
      locationIds.set(l.key, row!.id);
    }
    for (const o of demoOffers) {
      const locs = (o.locations ?? []).map((k) => must(locationIds, k));
      const input: OfferInput = {
        organization_id: must(orgIds, o.organization),
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

/** The demo teams, created where missing (idempotent). */
async function demoTeamIds(tx: Queryable): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of demoTeams) {
    await tx.query(
      'insert into team (kommune, name, arena) values ($1, $2, $3) on conflict (kommune, name) do nothing',
      [DEMO_KOMMUNE, t.name, t.arena],
    );
    const [row] = await tx.query<{ id: string }>(
      'select id from team where kommune = $1 and name = $2',
      [DEMO_KOMMUNE, t.name],
    );
    ids.set(t.key, row!.id);
  }
  return ids;
}

/**
 * A demo municipality made before teams existed gets them now, and its frontline accounts
 * join their team, so the health conversation works on an upgraded demo database too.
 */
export async function ensureDemoTeams(db: Db): Promise<void> {
  const existing = await db.query('select 1 from tenant where kommune = $1 and demo', [
    DEMO_KOMMUNE,
  ]);
  if (existing.length === 0) return;
  await inTenant(db, DEMO_KOMMUNE, async (tx) => {
    const teamIds = await demoTeamIds(tx);
    for (const s of demoStaff.filter((x) => x.team)) {
      const team = must(teamIds, s.team!);
      const [row] = await tx.query<{ team_id: string | null }>(
        'select team_id from staff_user where kommune = $1 and lower(email) = lower($2)',
        [DEMO_KOMMUNE, s.email],
      );
      if (row && row.team_id === null) {
        await tx.query(
          'update staff_user set team_id = $2 where kommune = $3 and lower(email) = lower($1)',
          [s.email, team, DEMO_KOMMUNE],
        );
      } else if (!row) {
        // Hashed only when an account is missing: scrypt is deliberately slow, and this runs at every start.
        const password_hash = await hashPassword(DEMO_PASSWORD);
        await createUser(tx, {
          kommune: DEMO_KOMMUNE,
          email: s.email,
          name: s.name,
          role: s.role,
          organization_id: null,
          team_id: team,
          password_hash,
        });
      }
    }
  });
}

function must(map: Map<string, string>, key: string): string {
  const v = map.get(key);
  if (!v) throw new Error(`demo data: unknown key ${key}`);
  return v;
}
