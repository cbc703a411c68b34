/**
 * The citizen record's use cases: find or create (with the duplicate check), grant access,
 * the card, "vis CPR", search, insight export and erasure. Every read and write of a citizen
 * is audited in the same transaction; no CPR number ever goes into the audit summary, a log
 * line, an error message or a URL.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import {
  channelProblems,
  citizenInputSchema,
  CONTACT_CHANNELS,
  CONTACT_CONSENT_VERSION,
  contactPurpose,
  isContactChannel,
  normaliseName,
  type AccessVia,
  type ContactChannel,
  type CitizenCard,
  type CitizenInput,
  type CitizenSearch,
} from './citizen.ts';
import {
  attachCpr,
  auditTrail,
  deleteCitizen,
  findByIndex,
  findByNameAndBirth,
  findDuplicate,
  getCitizen,
  insertAccess,
  insertCitizen,
  insertConsent,
  listAccess,
  listConsents,
  lockIdentity,
  setContactChannels,
  setScope,
  withdrawConsentsFor,
  withdrawConsent as withdrawConsentRow,
  type CitizenRow,
  type PeopleScope,
} from './citizen.store.ts';
import { formatCpr, maskCpr, validateCpr } from './cpr.ts';
import { cprBlindIndex, decryptCpr, encryptCpr } from './cpr-crypto.ts';
import { requireCprKeyring } from './keyring.ts';
import { checkSources, type CitizenDataSource, type InsightExport } from './insight.ts';

export type { PeopleScope };

/**
 * A transaction in which the citizen policies know who asks: municipality, role, organisation
 * and team. Staff pass their StaffUser; API clients their role ('referrer'/'provider') and
 * organisation; CLI tasks role 'system'.
 */
export function inPeopleScope<T>(
  db: Db,
  staff: PeopleScope,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await setScope(tx, staff);
    return fn(tx);
  });
}

function invalid(problems: { path: string; message: string }[]): LighedError {
  return new LighedError(
    'LIGHED_ERR_VALIDATION',
    `Citizen: ${problems.map((p) => p.path).join(', ')} not valid`,
    problems,
  );
}

/**
 * The citizen `input` describes: an existing record when the CPR number (blind index) or, for
 * records without one, the name and birth date match; otherwise a new record. A consent in the
 * input is recorded on whichever record it is. Runs in the caller's transaction (inPeopleScope).
 */
export async function findOrCreateCitizen(
  tx: Queryable,
  actor: AuditActor,
  input: CitizenInput,
): Promise<{ id: string; created: boolean }> {
  const parsed = citizenInputSchema.safeParse(input);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const c = parsed.data;
  const kommune = actor.kommune;
  const name = normaliseName(c.name);
  const cpr = c.cpr === undefined ? undefined : validateCpr(c.cpr);
  const digits = cpr?.ok ? cpr.digits : null;
  const birthDate = cpr?.ok ? cpr.birthDate : (c.birthDate ?? null);
  const ring = digits ? requireCprKeyring() : null;
  const index = ring && digits ? cprBlindIndex(ring, kommune, digits) : null;
  const seal = (id: string) =>
    ring && digits && index
      ? { ...encryptCpr(ring, digits, { kommune, citizenId: id }), index }
      : null;

  // Two requests for the same person at once: the second waits, then finds the first's record.
  if (index) await lockIdentity(tx, `citizen:${kommune}:cpr:${index}`);
  if (birthDate) await lockIdentity(tx, `citizen:${kommune}:${name.toLowerCase()}:${birthDate}`);

  const consent = async (id: string) => {
    if (!c.consent) return;
    await insertConsent(tx, {
      citizenId: id,
      kommune,
      purpose: c.consent.purpose,
      version: c.consent.version,
      recordedBy: actor.actorId,
    });
    await audit(tx, actor, {
      action: 'create',
      entity: 'citizen',
      entityId: id,
      summary: `consent recorded for ${c.consent.purpose}`,
    });
  };

  // Channels ticked now are added to a matched record's (a later form never takes one away:
  // unticking is the citizen's own change on the card, or a withdrawal).
  // A new record is inserted with its channels (its creator, a GP, may not update it after).
  const ticked = CONTACT_CHANNELS.filter((ch) => c.contactChannels?.includes(ch));
  const channels = async (id: string, created: boolean) => {
    if (ticked.length === 0) return;
    const before = created ? [] : await contactChannelsOf(tx, id);
    if (before === undefined) return;
    const after = CONTACT_CHANNELS.filter((ch) => before.includes(ch) || ticked.includes(ch));
    await recordChannels(tx, actor, id, kommune, before, after, !created);
  };

  const existing = await findDuplicate(tx, index, name, birthDate);
  if (existing) {
    const sealed = seal(existing);
    if (sealed) await attachCpr(tx, existing, sealed);
    await audit(tx, actor, {
      action: 'read',
      entity: 'citizen',
      entityId: existing,
      summary: 'matched an existing citizen record',
    });
    await consent(existing);
    await channels(existing, false);
    return { id: existing, created: false };
  }

  const id = randomUUID();
  await insertCitizen(tx, {
    id,
    kommune,
    name,
    birthDate,
    sex: c.sex ?? (cpr?.ok ? cpr.sex : null),
    phone: c.phone ?? '',
    email: c.email ?? '',
    postcode: c.postcode ?? null,
    address: c.address ?? '',
    preferredLanguage: c.preferredLanguage,
    interpreterNeeded: c.interpreterNeeded,
    contactChannels: ticked,
    cpr: seal(id),
  });
  // A record with the same CPR number committed meanwhile (under another name): that one.
  const winner = index ? await findDuplicate(tx, index, name, birthDate) : id;
  if (winner && winner !== id) {
    await audit(tx, actor, {
      action: 'read',
      entity: 'citizen',
      entityId: winner,
      summary: 'matched an existing citizen record',
    });
    await consent(winner);
    await channels(winner, false);
    return { id: winner, created: false };
  }
  await audit(tx, actor, {
    action: 'create',
    entity: 'citizen',
    entityId: id,
    summary: 'citizen record created',
  });
  await consent(id);
  await channels(id, true);
  return { id, created: true };
}

/** The channels on record, when the scope may see it (a GP's form may not: then undefined). */
async function contactChannelsOf(tx: Queryable, id: string): Promise<ContactChannel[] | undefined> {
  const row = await getCitizen(tx, id);
  return row?.contact_channels.filter(isContactChannel);
}

/**
 * Moves the record from `before` to `after` channels: the column, a consent row per channel
 * ticked, withdrawn_at on each unticked one, and the audit, in the caller's transaction.
 */
async function recordChannels(
  tx: Queryable,
  actor: AuditActor,
  citizenId: string,
  kommune: string,
  before: readonly ContactChannel[],
  after: readonly ContactChannel[],
  setColumn = true,
): Promise<void> {
  const added = after.filter((c) => !before.includes(c));
  const removed = before.filter((c) => !after.includes(c));
  if (added.length === 0 && removed.length === 0) return;
  if (setColumn) await setContactChannels(tx, citizenId, after);
  for (const ch of added)
    await insertConsent(tx, {
      citizenId,
      kommune,
      purpose: contactPurpose(ch),
      version: CONTACT_CONSENT_VERSION,
      recordedBy: actor.actorId,
    });
  await withdrawConsentsFor(tx, citizenId, removed.map(contactPurpose));
  await audit(tx, actor, {
    action: 'update',
    entity: 'citizen',
    entityId: citizenId,
    summary: `contact channels: ${after.join(', ') || 'none'}`,
  });
}

/**
 * The citizen's answer to "Må vi sende beskeder om tider?" as staff record it on the card: each
 * channel needs its address on the record (Digital Post a CPR number). Problems name the field
 * ('contactChannels') with a message key; nothing changes then.
 */
export function changeContactChannels(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  citizenId: string,
  channels: readonly string[],
): Promise<{ ok: true } | { ok: false; problems: { path: string; message: string }[] }> {
  return inPeopleScope(db, scope, async (tx) => {
    const row = await getCitizen(tx, citizenId);
    if (!row) throw notFound('Citizen');
    const after = CONTACT_CHANNELS.filter((c) => channels.includes(c));
    const problems = channelProblems(after, {
      email: row.email !== '',
      phone: row.phone !== '',
      cpr: row.cpr_ciphertext !== null,
    });
    if (problems.length) return { ok: false, problems };
    await recordChannels(
      tx,
      actor,
      citizenId,
      row.kommune,
      row.contact_channels.filter(isContactChannel),
      after,
    );
    return { ok: true };
  });
}

/**
 * Lets an organisation or team see the citizen because of a referral, conversation or sign-up.
 * Audited (as `actor`, or the system when none is given).
 */
export async function grantCitizenAccess(
  tx: Queryable,
  link: {
    citizenId: string;
    kommune: string;
    organizationId?: string | null;
    teamId?: string | null;
    via: AccessVia;
    viaId: string;
  },
  actor?: AuditActor,
): Promise<void> {
  const organizationId = link.organizationId ?? null;
  const teamId = link.teamId ?? null;
  if (!organizationId && !teamId)
    throw new LighedError('LIGHED_ERR_VALIDATION', 'Access needs an organisation or a team');
  const added = await insertAccess(tx, {
    citizenId: link.citizenId,
    kommune: link.kommune,
    organizationId,
    teamId,
    via: link.via,
    viaId: link.viaId,
  });
  if (!added) return;
  await audit(
    tx,
    actor ?? { kommune: link.kommune, actorId: null, actorRole: 'system', requestId: '' },
    {
      action: 'update',
      entity: 'citizen',
      entityId: link.citizenId,
      summary: `access granted via ${link.via} ${link.viaId}`,
    },
  );
}

function toCard(r: CitizenRow): CitizenCard {
  // The masked number is the birth date's ddmmyy (equal to the CPR's date part, checked on
  // creation): no decryption for an ordinary read.
  const masked =
    r.cpr_ciphertext && r.birth_date
      ? maskCpr(
          `${r.birth_date.slice(8, 10)}${r.birth_date.slice(5, 7)}${r.birth_date.slice(2, 4)}0000`,
        )
      : null;
  return {
    id: r.id,
    name: r.name,
    cprMasked: masked,
    birthDate: r.birth_date,
    sex: r.sex,
    phone: r.phone,
    email: r.email,
    postcode: r.postcode,
    address: r.address,
    preferredLanguage: r.preferred_language,
    interpreterNeeded: r.interpreter_needed,
    contactChannels: r.contact_channels.filter(isContactChannel),
    hasCpr: r.cpr_ciphertext !== null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The card (CPR masked), when the scope may see the citizen; the read is audited. */
export async function citizenCard(
  tx: Queryable,
  actor: AuditActor,
  citizenId: string,
): Promise<CitizenCard | undefined> {
  const row = await getCitizen(tx, citizenId);
  if (!row) return undefined;
  await audit(tx, actor, {
    action: 'read',
    entity: 'citizen',
    entityId: citizenId,
    summary: 'viewed citizen card',
  });
  return toCard(row);
}

export interface CitizenDetail {
  card: CitizenCard;
  consents: Awaited<ReturnType<typeof listConsents>>;
  access: Awaited<ReturnType<typeof listAccess>>;
  /** In full only after the explicit "vis" (revealCpr). */
  cpr?: string;
}

/** The admin's citizen page: card, consents and links; `reveal` shows the CPR number (audited). */
export function citizenDetail(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  citizenId: string,
  reveal = false,
): Promise<CitizenDetail> {
  return inPeopleScope(db, scope, async (tx) => {
    const row = await getCitizen(tx, citizenId);
    if (!row) throw notFound('Citizen');
    const detail: CitizenDetail = {
      card: toCard(row),
      consents: await listConsents(tx, citizenId),
      access: await listAccess(tx, citizenId),
    };
    if (reveal && row.cpr_ciphertext && row.cpr_key_id) {
      detail.cpr = formatCpr(openCpr(row));
      await audit(tx, actor, {
        action: 'read',
        entity: 'citizen',
        entityId: citizenId,
        summary: 'CPR number shown',
      });
    } else
      await audit(tx, actor, {
        action: 'read',
        entity: 'citizen',
        entityId: citizenId,
        summary: 'viewed citizen card',
      });
    return detail;
  });
}

/**
 * The citizen withdraws a consent (the admin records it): it keeps its row, now with the time
 * it was withdrawn, shown on the card and in the insight export. Audited. Not found when the
 * consent is not the citizen's or is withdrawn already.
 */
export function withdrawConsent(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  citizenId: string,
  consentId: string,
): Promise<void> {
  return inPeopleScope(db, scope, async (tx) => {
    const row = await getCitizen(tx, citizenId);
    if (!row) throw notFound('Citizen');
    const withdrawn = isUuid(consentId)
      ? await withdrawConsentRow(tx, citizenId, consentId)
      : undefined;
    if (!withdrawn) throw notFound('Consent');
    await audit(tx, actor, {
      action: 'update',
      entity: 'citizen',
      entityId: citizenId,
      summary: `consent withdrawn for ${withdrawn.purpose}`,
    });
    // A channel's consent withdrawn: nothing more is sent on it.
    const channel = CONTACT_CHANNELS.find((c) => contactPurpose(c) === withdrawn.purpose);
    if (channel && row.contact_channels.includes(channel))
      await recordChannels(
        tx,
        actor,
        citizenId,
        row.kommune,
        row.contact_channels.filter(isContactChannel),
        row.contact_channels.filter(isContactChannel).filter((c) => c !== channel),
      );
  });
}

function openCpr(row: CitizenRow): string {
  return decryptCpr(
    requireCprKeyring(),
    { ciphertext: row.cpr_ciphertext!, keyId: row.cpr_key_id! },
    { kommune: row.kommune, citizenId: row.id },
  );
}

/** Citizens by CPR number (blind index) or name + birth date; each hit is an audited read. */
export function searchCitizens(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  search: CitizenSearch,
): Promise<CitizenCard[]> {
  return inPeopleScope(db, scope, async (tx) => {
    let rows: CitizenRow[];
    if ('cpr' in search) {
      const r = validateCpr(search.cpr);
      if (!r.ok) throw invalid([{ path: 'cpr', message: `people.error.cpr.${r.error}` }]);
      rows = await findByIndex(tx, cprBlindIndex(requireCprKeyring(), scope.kommune, r.digits));
    } else rows = await findByNameAndBirth(tx, normaliseName(search.name), search.birthDate);
    await audit(
      tx,
      actor,
      rows.map((r) => ({
        action: 'read' as const,
        entity: 'citizen',
        entityId: r.id,
        summary: 'found by search',
      })),
    );
    return rows.map(toCard);
  });
}

/**
 * Everything held about one citizen: the record with the CPR number in full, consents, access
 * links, who read or changed it, and each registered domain's section. Audited as an export.
 */
export function exportCitizen(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  citizenId: string,
  sources: readonly CitizenDataSource[],
  format: 'json' | 'print' | 'pdf',
): Promise<InsightExport> {
  checkSources(sources);
  return inPeopleScope(db, scope, async (tx) => {
    const row = await getCitizen(tx, citizenId);
    if (!row) throw notFound('Citizen');
    const sections: Record<string, unknown> = {};
    for (const s of sources) sections[s.key] = await s.collect(tx, citizenId);
    // The log before this export's own row: what the citizen sees is what had happened.
    const trail = await auditTrail(tx, citizenId);
    await audit(tx, actor, {
      action: 'export',
      entity: 'citizen',
      entityId: citizenId,
      summary: `insight export (${format})`,
    });
    return {
      format: 'lighed-insight/1',
      generatedAt: new Date().toISOString(),
      citizen: {
        id: row.id,
        name: row.name,
        cpr: row.cpr_ciphertext ? formatCpr(openCpr(row)) : null,
        birthDate: row.birth_date,
        sex: row.sex,
        phone: row.phone,
        email: row.email,
        postcode: row.postcode,
        address: row.address,
        preferredLanguage: row.preferred_language,
        interpreterNeeded: row.interpreter_needed,
        contactChannels: row.contact_channels,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      },
      consents: await listConsents(tx, citizenId),
      access: await listAccess(tx, citizenId),
      accessLog: trail.map((t) => ({
        at: new Date(t.at).toISOString(),
        actorRole: t.actor_role,
        actorName: t.actor_name,
        action: t.action,
        summary: t.summary,
      })),
      sections,
    };
  });
}

export type ErasureResult =
  { erased: true } | { erased: false; holds: string[]; card: { id: string; name: string } };

/** Before an erasure: whom it is about, and what would stop it now (every domain's holds). */
export function erasureCheck(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  citizenId: string,
  sources: readonly CitizenDataSource[],
): Promise<{ card: { id: string; name: string }; holds: string[] }> {
  return inPeopleScope(db, scope, async (tx) => {
    const row = await getCitizen(tx, citizenId);
    if (!row) throw notFound('Citizen');
    await audit(tx, actor, {
      action: 'read',
      entity: 'citizen',
      entityId: citizenId,
      summary: 'opened erasure',
    });
    return {
      card: { id: row.id, name: row.name },
      holds: await collectHolds(tx, citizenId, sources),
    };
  });
}

async function collectHolds(
  tx: Queryable,
  citizenId: string,
  sources: readonly CitizenDataSource[],
): Promise<string[]> {
  const holds: string[] = [];
  for (const s of sources) if (s.holds) holds.push(...(await s.holds(tx, citizenId)));
  return holds;
}

/**
 * Erases the citizen on request, where retention allows: if any domain holds records it must
 * keep, nothing is deleted and the holds are returned. Otherwise each domain erases its part,
 * then the record with its consents and links goes. The audit rows stay (they name the record's
 * id, never its content).
 */
export function eraseCitizen(
  db: Db,
  scope: PeopleScope,
  actor: AuditActor,
  citizenId: string,
  sources: readonly CitizenDataSource[],
): Promise<ErasureResult> {
  checkSources(sources);
  return inPeopleScope(db, scope, async (tx) => {
    const row = await getCitizen(tx, citizenId);
    if (!row) throw notFound('Citizen');
    const holds = await collectHolds(tx, citizenId, sources);
    if (holds.length > 0) return { erased: false, holds, card: { id: row.id, name: row.name } };
    for (const s of sources) if (s.erase) await s.erase(tx, actor, citizenId);
    if (!(await deleteCitizen(tx, citizenId))) throw notFound('Citizen');
    await audit(tx, actor, {
      action: 'delete',
      entity: 'citizen',
      entityId: citizenId,
      summary: 'erased on request',
    });
    return { erased: true };
  });
}

/**
 * The CPR number Digital Post needs, read at send time by the outbox (decision 0020) so the
 * outbox itself never holds it; null when the record is gone or has none. An audited read as
 * the system.
 */
export function cprForDigitalPost(
  db: Db,
  kommune: string,
  citizenId: string,
): Promise<string | null> {
  const scope = { kommune, role: 'system', organization_id: null, team_id: null };
  return inPeopleScope(db, scope, async (tx) => {
    const row = isUuid(citizenId) ? await getCitizen(tx, citizenId) : undefined;
    if (!row?.cpr_ciphertext) return null;
    await audit(
      tx,
      { kommune, actorId: null, actorRole: 'system', requestId: 'digital-post' },
      {
        action: 'read',
        entity: 'citizen',
        entityId: citizenId,
        summary: 'cpr read for digital post',
      },
    );
    return openCpr(row);
  });
}
