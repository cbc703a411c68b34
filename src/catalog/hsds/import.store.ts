/**
 * SQL for the HSDS import: everything in one transaction bound to one municipality, all or
 * nothing, and importing the same records twice changes nothing.
 */
import { inTenant, type Db, type Queryable } from '../../db/db.ts';
import { LighedError, type FieldProblem } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { HsdsImport } from './import-records.ts';
import { stableId } from './taxonomies.ts';

export interface HsdsImportCounts {
  organizations: number;
  locations: number;
  services: number;
  service_at_locations: number;
  schedules: number;
}

const orgFields = ['name', 'description', 'kind', 'email', 'phone', 'website'] as const;
const locationFields = [
  'organization_id',
  'name',
  'description',
  'address_1',
  'postal_code',
  'city',
  'latitude',
  'longitude',
  'wheelchair_accessible',
  'accessibility_note',
  'transport_note',
] as const;
const offerFields = [
  'organization_id',
  'title',
  'summary',
  'description',
  'how_to_join',
  'arena',
  'offer_type',
  'topics',
  'life_phases',
  'languages',
  'mode',
  'interpreter_available',
  'free',
  'price_dkk',
  'price_note',
  'children_welcome',
  'childcare',
  'wheelchair_accessible',
  'welcomes_newcomers',
  'transport_help',
  'min_age',
  'max_age',
  'recommendations',
  'contact_name',
  'contact_phone',
  'contact_email',
  'url',
  'status',
  'translations',
  'last_confirmed_at',
] as const;
const casts: Partial<Record<string, string>> = {
  organization_id: '::uuid',
  topics: '::text[]',
  life_phases: '::text[]',
  languages: '::text[]',
  recommendations: '::text[]',
  translations: '::jsonb',
  last_confirmed_at: '::timestamptz',
  price_dkk: '::numeric',
  latitude: '::float8',
  longitude: '::float8',
  min_age: '::int',
  max_age: '::int',
};

/**
 * `insert ... on conflict (id) do update` that changes a row (and its updated_at) only when a
 * value differs, so importing the same file twice leaves the database exactly as it was.
 * `keep` gives, per column, the value to write on update when it is not simply the new one.
 */
function upsertSql(
  table: string,
  fields: readonly string[],
  extra: { updatedAt?: string; keep?: Record<string, string> } = {},
): string {
  const cols = ['id', 'kommune', ...fields];
  const values = cols.map((c, i) => `$${i + 1}${c === 'id' ? '::uuid' : (casts[c] ?? '')}`);
  const updatedAt = extra.updatedAt ?? 'now()';
  const next = (f: string) => extra.keep?.[f] ?? `excluded.${f}`;
  return `insert into ${table} (${cols.join(', ')}, updated_at) values (${values.join(', ')}, ${updatedAt})
    on conflict (id) do update set ${fields.map((f) => `${f} = ${next(f)}`).join(', ')}, updated_at = ${updatedAt}
    where (${fields.map((f) => `${table}.${f}`).join(', ')}) is distinct from (${fields.map(next).join(', ')})`;
}

/**
 * HSDS carries last_confirmed_at as a date (assured_date): an import of the same day keeps the
 * time we have, so importing our own export changes nothing.
 */
const keepConfirmedTime = `case when (offer.last_confirmed_at at time zone 'Europe/Copenhagen')::date
    = (excluded.last_confirmed_at at time zone 'UTC')::date then offer.last_confirmed_at else excluded.last_confirmed_at end`;

/**
 * Writes an import in one transaction in `kommune`: organisations, locations and offers are
 * upserted by id, each offer's service_at_locations and schedules replaced. Any problem (an id
 * of another municipality, an unknown organisation) throws LighedError with every problem and
 * changes nothing. Importing the same records again changes nothing either.
 */
export async function importHsds(
  db: Db,
  kommune: string,
  records: HsdsImport,
): Promise<HsdsImportCounts & { warnings: FieldProblem[] }> {
  try {
    return await inTenant(db, kommune, (tx) => writeImport(tx, kommune, records));
  } catch (err) {
    if (err instanceof LighedError) throw err;
    const e = err as { code?: string; message?: string; constraint?: string };
    if (e.code === '23505' || e.code === '42501') {
      throw new LighedError(
        'LIGHED_ERR_IMPORT_INVALID',
        'The import uses an id that another municipality already has; nothing was imported',
        [{ path: e.constraint ?? 'id', message: 'already used by another municipality' }],
      );
    }
    if (e.code === '23514' || e.code === '23502' || e.code === '22P02' || e.code === '23503') {
      throw new LighedError(
        'LIGHED_ERR_IMPORT_INVALID',
        'The database refused a value; nothing was imported',
        [{ path: e.constraint ?? 'record', message: e.message ?? 'refused' }],
      );
    }
    throw err;
  }
}

async function writeImport(
  tx: Queryable,
  kommune: string,
  records: HsdsImport,
): Promise<HsdsImportCounts & { warnings: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const orgIds = new Set(records.organizations.map((o) => o.id));
  const locationIds = new Set(records.locations.map((l) => l.id));

  // Ids that exist in another municipality (what this role can see of them).
  const foreign = async (table: string, ids: string[]) =>
    ids.length
      ? new Map(
          (
            await tx.query<{ id: string; kommune: string }>(
              `select id, kommune from ${table} where id = any($1::uuid[]) and kommune <> $2`,
              [ids, kommune],
            )
          ).map((r) => [r.id, r.kommune]),
        )
      : new Map<string, string>();
  // One after another: a transaction is one connection (pg 9 drops queued concurrent queries).
  const foreignOrgs = await foreign('organization', [...orgIds]);
  const foreignLocs = await foreign('location', [...locationIds]);
  const foreignOffers = await foreign(
    'offer',
    records.offers.map((o) => o.id),
  );
  const foreignSals = await foreign(
    'offer_location',
    records.offers.flatMap((o) => o.service_at_locations.map((s) => s.id)),
  );
  for (const o of records.organizations)
    if (foreignOrgs.has(o.id))
      problems.push({
        path: `${o.source}.id`,
        message: `already used by municipality ${foreignOrgs.get(o.id)}`,
      });
  for (const l of records.locations)
    if (foreignLocs.has(l.id))
      problems.push({
        path: `${l.source}.id`,
        message: `already used by municipality ${foreignLocs.get(l.id)}`,
      });
  for (const o of records.offers) {
    if (foreignOffers.has(o.id))
      problems.push({
        path: `${o.source}.id`,
        message: `already used by municipality ${foreignOffers.get(o.id)}`,
      });
    for (const s of o.service_at_locations) {
      if (foreignSals.has(s.id))
        problems.push({
          path: `${s.source}.id`,
          message: `already used by municipality ${foreignSals.get(s.id)}`,
        });
    }
  }

  // References outside the import must be this municipality's own rows.
  const existing = async (table: string, ids: string[]) =>
    ids.length
      ? new Set(
          (
            await tx.query<{ id: string }>(
              `select id from ${table} where id = any($1::uuid[]) and kommune = $2`,
              [ids, kommune],
            )
          ).map((r) => r.id),
        )
      : new Set<string>();
  const wantedOrgs = [
    ...records.offers.map((o) => o.organization_id),
    ...records.locations.flatMap((l) => [l.organization_id, l.fallback_organization_id]),
  ].filter((id): id is string => !!id && isUuid(id) && !orgIds.has(id));
  const wantedLocs = records.offers
    .flatMap((o) => o.service_at_locations.map((s) => s.location_id))
    .filter((id) => isUuid(id) && !locationIds.has(id));
  const ownOrgs = await existing('organization', [...new Set(wantedOrgs)]);
  const ownLocs = await existing('location', [...new Set(wantedLocs)]);
  const knownOrg = (id: string | null): boolean => !!id && (orgIds.has(id) || ownOrgs.has(id));

  for (const o of records.offers) {
    if (o.organization_id && !knownOrg(o.organization_id)) {
      problems.push({
        path: `${o.source}.organization_id`,
        message: `organization ${o.organization_id} is neither in the import nor in municipality ${kommune}`,
      });
    }
    for (const s of o.service_at_locations) {
      if (!locationIds.has(s.location_id) && !ownLocs.has(s.location_id)) {
        problems.push({
          path: `${s.source}.location_id`,
          message: `location ${s.location_id} is neither in the import nor in municipality ${kommune}`,
        });
      }
    }
  }
  const locationOrg = new Map<string, string>();
  for (const l of records.locations) {
    if (l.organization_id && knownOrg(l.organization_id)) {
      locationOrg.set(l.id, l.organization_id);
    } else if (l.fallback_organization_id && knownOrg(l.fallback_organization_id)) {
      locationOrg.set(l.id, l.fallback_organization_id);
      if (l.organization_id) {
        warnings.push({
          path: `${l.source}.organization_id`,
          message: `organization ${l.organization_id} is not in the import: the location is attached to ${l.fallback_organization_id}, whose service is offered there`,
        });
      }
    } else {
      problems.push({
        path: `${l.source}.organization_id`,
        message: l.organization_id
          ? `organization ${l.organization_id} is neither in the import nor in municipality ${kommune}`
          : 'required (a location needs its organization: give organization_id, or import it inside an organization or a service)',
      });
    }
  }
  if (problems.length) {
    throw new LighedError(
      'LIGHED_ERR_IMPORT_INVALID',
      `The import has ${problems.length} problem(s); nothing was imported`,
      problems,
    );
  }

  const orgSql = upsertSql('organization', orgFields);
  for (const o of records.organizations) {
    await tx.query(orgSql, [o.id, kommune, ...orgFields.map((f) => o[f])]);
  }
  const locSql = upsertSql('location', locationFields);
  for (const l of records.locations) {
    await tx.query(locSql, [
      l.id,
      kommune,
      ...locationFields.map((f) => (f === 'organization_id' ? locationOrg.get(l.id) : l[f])),
    ]);
  }
  const offerSql = upsertSql('offer', offerFields, {
    updatedAt: `coalesce($${offerFields.length + 3}::timestamptz, now())`,
    keep: { last_confirmed_at: keepConfirmedTime },
  });
  let sals = 0;
  let schedules = 0;
  for (const o of records.offers) {
    const values = offerFields.map((f) =>
      f === 'translations' ? JSON.stringify(o.translations) : o[f],
    );
    await tx.query(offerSql, [o.id, kommune, ...values, o.updated_at]);

    const salIds = o.service_at_locations.map((s) => s.id);
    await tx.query(
      'delete from offer_location where offer_id = $1 and not (id = any($2::uuid[]))',
      [o.id, salIds],
    );
    for (const s of o.service_at_locations) {
      await tx.query(
        `insert into offer_location (id, kommune, offer_id, location_id) values ($1, $2, $3, $4)
         on conflict (id) do update set offer_id = excluded.offer_id, location_id = excluded.location_id
         where (offer_location.offer_id, offer_location.location_id) is distinct from (excluded.offer_id, excluded.location_id)`,
        [s.id, kommune, o.id, s.location_id],
      );
      sals++;
    }

    await tx.query('delete from schedule where offer_id = $1', [o.id]);
    // A schedule id another offer already uses (HSDS files reuse them) gets one derived from this offer.
    const taken = new Set(
      (
        await tx.query<{ id: string }>('select id from schedule where id = any($1::uuid[])', [
          o.schedules.map((s) => s.id),
        ])
      ).map((r) => r.id),
    );
    const used = new Set<string>();
    for (const s of o.schedules) {
      let id = s.id;
      if (taken.has(id) || used.has(id)) id = stableId(`${o.id}/schedule/${s.id}/${s.weekday}`);
      used.add(id);
      await tx.query(
        `insert into schedule (id, kommune, offer_id, location_id, weekday, starts_at, ends_at, interval_weeks, valid_from, valid_to, note)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          kommune,
          o.id,
          s.location_id,
          s.weekday,
          s.starts_at,
          s.ends_at,
          s.interval_weeks,
          s.valid_from,
          s.valid_to,
          s.note,
        ],
      );
      schedules++;
    }
  }
  return {
    organizations: records.organizations.length,
    locations: records.locations.length,
    services: records.offers.length,
    service_at_locations: sals,
    schedules,
    warnings,
  };
}
