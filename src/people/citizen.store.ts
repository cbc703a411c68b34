/** SQL for citizens, their consents and access links; row-level security decides who sees what. */
import { one, type Queryable } from '../db/db.ts';
import type { AccessLink, AccessVia, Consent, ContactChannel } from './citizen.ts';

export interface PeopleScope {
  kommune: string;
  role: string;
  organization_id: string | null;
  team_id: string | null;
}

/** Binds the transaction to a municipality, a role, an organisation and a team (the policies read them). */
export async function setScope(q: Queryable, s: PeopleScope): Promise<void> {
  await q.query(
    `select set_config('lighed.kommune', $1, true), set_config('lighed.staff_role', $2, true),
            set_config('lighed.organization', $3, true), set_config('lighed.team', $4, true)`,
    [s.kommune, s.role, s.organization_id ?? '', s.team_id ?? ''],
  );
}

/** Serialises creators of the same person (by blind index or name + birth date) until commit. */
export async function lockIdentity(q: Queryable, key: string): Promise<void> {
  await q.query(`select pg_advisory_xact_lock(hashtextextended($1, 10))`, [key]);
}

/** The oldest duplicate's id in the scope's municipality, whoever may read it (definer function). */
export async function findDuplicate(
  q: Queryable,
  cprIndex: string | null,
  name: string,
  birthDate: string | null,
): Promise<string | undefined> {
  const row = await one<{ id: string | null }>(
    q,
    `select citizen_find_duplicate($1, $2, $3::date) as id`,
    [cprIndex, name, birthDate],
  );
  return row?.id ?? undefined;
}

export interface NewCitizenRow {
  id: string;
  kommune: string;
  name: string;
  birthDate: string | null;
  sex: 'female' | 'male' | null;
  phone: string;
  email: string;
  postcode: string | null;
  address: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  contactChannels: readonly ContactChannel[];
  cpr: { ciphertext: Buffer; keyId: string; index: string } | null;
}

/**
 * Inserts a record; a concurrent one with the same CPR number wins quietly (the caller looks
 * again). No RETURNING and no conflict target: either needs the right to read the row, which
 * the creator may not have (a GP's referral).
 */
export async function insertCitizen(q: Queryable, c: NewCitizenRow): Promise<void> {
  await q.query(
    `insert into citizen (id, kommune, name, birth_date, sex, phone, email, postcode, address,
                          preferred_language, interpreter_needed, cpr_ciphertext, cpr_key_id, cpr_index,
                          contact_channels)
     values ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text[])
     on conflict do nothing`,
    [
      c.id,
      c.kommune,
      c.name,
      c.birthDate,
      c.sex,
      c.phone,
      c.email,
      c.postcode,
      c.address,
      c.preferredLanguage,
      c.interpreterNeeded,
      c.cpr?.ciphertext ?? null,
      c.cpr?.keyId ?? null,
      c.cpr?.index ?? null,
      c.contactChannels,
    ],
  );
}

export async function attachCpr(
  q: Queryable,
  id: string,
  cpr: { ciphertext: Buffer; keyId: string; index: string },
): Promise<void> {
  await q.query(`select citizen_attach_cpr($1, $2, $3, $4)`, [
    id,
    cpr.ciphertext,
    cpr.keyId,
    cpr.index,
  ]);
}

export async function insertConsent(
  q: Queryable,
  c: {
    citizenId: string;
    kommune: string;
    purpose: string;
    version: string;
    recordedBy: string | null;
  },
): Promise<void> {
  await q.query(
    `insert into citizen_consent (citizen_id, kommune, purpose, version, recorded_by)
     values ($1, $2, $3, $4, $5)`,
    [c.citizenId, c.kommune, c.purpose, c.version, c.recordedBy],
  );
}

/** True when the link is new. */
export async function insertAccess(
  q: Queryable,
  a: {
    citizenId: string;
    kommune: string;
    organizationId: string | null;
    teamId: string | null;
    via: AccessVia;
    viaId: string;
  },
): Promise<boolean> {
  const before = await one<{ n: number }>(
    q,
    `select count(*)::int as n from citizen_access
      where citizen_id = $1 and via = $2 and via_id = $3
        and organization_id is not distinct from $4::uuid and team_id is not distinct from $5::uuid`,
    [a.citizenId, a.via, a.viaId, a.organizationId, a.teamId],
  );
  if ((before?.n ?? 0) > 0) return false;
  await q.query(
    `insert into citizen_access (citizen_id, kommune, organization_id, team_id, via, via_id)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [a.citizenId, a.kommune, a.organizationId, a.teamId, a.via, a.viaId],
  );
  return true;
}

export interface CitizenRow {
  id: string;
  kommune: string;
  name: string;
  birth_date: string | null;
  sex: 'female' | 'male' | null;
  phone: string;
  email: string;
  postcode: string | null;
  address: string;
  preferred_language: string;
  interpreter_needed: boolean;
  contact_channels: ContactChannel[];
  cpr_ciphertext: Buffer | null;
  cpr_key_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const CITIZEN_COLUMNS = `id, kommune, name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, sex, phone,
  email, postcode, address, preferred_language, interpreter_needed, contact_channels, cpr_ciphertext,
  cpr_key_id, version, created_at, updated_at`;

/** Byte arrays come back as Uint8Array from PGlite and Buffer from node-postgres. */
const asRow = (r: CitizenRow): CitizenRow => ({
  ...r,
  cpr_ciphertext: r.cpr_ciphertext ? Buffer.from(r.cpr_ciphertext) : null,
});

/** The record, when the scope may see it. */
export async function getCitizen(q: Queryable, id: string): Promise<CitizenRow | undefined> {
  const row = await one<CitizenRow>(q, `select ${CITIZEN_COLUMNS} from citizen where id = $1`, [
    id,
  ]);
  return row && asRow(row);
}

export async function findByIndex(q: Queryable, cprIndex: string): Promise<CitizenRow[]> {
  const rows = await q.query<CitizenRow>(
    `select ${CITIZEN_COLUMNS} from citizen where cpr_index = $1 order by created_at`,
    [cprIndex],
  );
  return rows.map(asRow);
}

export async function findByNameAndBirth(
  q: Queryable,
  name: string,
  birthDate: string,
): Promise<CitizenRow[]> {
  const rows = await q.query<CitizenRow>(
    `select ${CITIZEN_COLUMNS} from citizen
      where lower(name) = lower($1) and birth_date = $2::date order by created_at limit 50`,
    [name, birthDate],
  );
  return rows.map(asRow);
}

export async function listConsents(q: Queryable, citizenId: string): Promise<Consent[]> {
  const rows = await q.query<{
    id: string;
    purpose: string;
    version: string;
    given_at: Date;
    recorded_by: string | null;
    withdrawn_at: Date | null;
  }>(
    `select id, purpose, version, given_at, recorded_by, withdrawn_at from citizen_consent
      where citizen_id = $1 order by given_at`,
    [citizenId],
  );
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    version: r.version,
    givenAt: r.given_at,
    recordedBy: r.recorded_by,
    withdrawnAt: r.withdrawn_at,
  }));
}

/**
 * Marks one of the citizen's consents withdrawn now; undefined when there is no such consent
 * or it is withdrawn already.
 */
export async function withdrawConsent(
  q: Queryable,
  citizenId: string,
  consentId: string,
): Promise<{ purpose: string } | undefined> {
  return one<{ purpose: string }>(
    q,
    `update citizen_consent set withdrawn_at = now()
      where id = $1 and citizen_id = $2 and withdrawn_at is null returning purpose`,
    [consentId, citizenId],
  );
}

/** Sets the citizen's contact channels (bumping the record's version); false when not visible. */
export async function setContactChannels(
  q: Queryable,
  id: string,
  channels: readonly ContactChannel[],
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `update citizen set contact_channels = $2::text[], version = version + 1, updated_at = now()
      where id = $1 returning id`,
    [id, channels],
  );
  return rows.length > 0;
}

/** Withdraws the citizen's active consents for these purposes now; the purposes withdrawn. */
export async function withdrawConsentsFor(
  q: Queryable,
  citizenId: string,
  purposes: readonly string[],
): Promise<string[]> {
  if (purposes.length === 0) return [];
  const rows = await q.query<{ purpose: string }>(
    `update citizen_consent set withdrawn_at = now()
      where citizen_id = $1 and purpose = any($2::text[]) and withdrawn_at is null returning purpose`,
    [citizenId, purposes],
  );
  return rows.map((r) => r.purpose);
}

export async function listAccess(q: Queryable, citizenId: string): Promise<AccessLink[]> {
  const rows = await q.query<{
    via: AccessVia;
    via_id: string;
    organization_id: string | null;
    organization_name: string | null;
    team_id: string | null;
    team_name: string | null;
    created_at: Date;
  }>(
    `select a.via, a.via_id, a.organization_id, o.name as organization_name, a.team_id,
            t.name as team_name, a.created_at
       from citizen_access a
       left join organization o on o.id = a.organization_id
       left join team t on t.id = a.team_id
      where a.citizen_id = $1 order by a.created_at`,
    [citizenId],
  );
  return rows.map((r) => ({
    via: r.via,
    viaId: r.via_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    teamId: r.team_id,
    teamName: r.team_name,
    createdAt: r.created_at,
  }));
}

export interface AuditTrailRow {
  at: Date;
  actor_role: string;
  actor_name: string | null;
  action: string;
  summary: string;
}

/** Who read or changed the record, for the citizen's insight. */
export async function auditTrail(q: Queryable, citizenId: string): Promise<AuditTrailRow[]> {
  return q.query<AuditTrailRow>(
    `select a.at, a.actor_role, u.name as actor_name, a.action, a.summary
       from audit_log a left join staff_user u on u.id = a.actor_id
      where a.entity = 'citizen' and a.entity_id = $1 order by a.seq`,
    [citizenId],
  );
}

/** Deletes the record; consents and access links go with it (on delete cascade). */
export async function deleteCitizen(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>(`delete from citizen where id = $1 returning id`, [
    id,
  ]);
  return rows.length > 0;
}

/** Records whose CPR number is sealed under another key than `activeKeyId` (all with `all`). */
export async function cprRowsToRotate(
  q: Queryable,
  activeKeyId: string,
  all: boolean,
  after: string,
  limit: number,
): Promise<{ id: string; kommune: string; cpr_ciphertext: Buffer; cpr_key_id: string }[]> {
  const rows = await q.query<{
    id: string;
    kommune: string;
    cpr_ciphertext: Uint8Array;
    cpr_key_id: string;
  }>(
    `select id, kommune, cpr_ciphertext, cpr_key_id from citizen
      where cpr_ciphertext is not null and ($2 or cpr_key_id <> $1) and id > $3::uuid
      order by id limit $4`,
    [activeKeyId, all, after, limit],
  );
  return rows.map((r) => ({ ...r, cpr_ciphertext: Buffer.from(r.cpr_ciphertext) }));
}

export async function updateCpr(
  q: Queryable,
  id: string,
  cpr: { ciphertext: Buffer; keyId: string; index: string },
): Promise<void> {
  await q.query(
    `update citizen set cpr_ciphertext = $2, cpr_key_id = $3, cpr_index = $4 where id = $1`,
    [id, cpr.ciphertext, cpr.keyId, cpr.index],
  );
}
