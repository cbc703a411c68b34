/**
 * The referral's use cases: create (web form, worker, FHIR), read and list within the actor's
 * scope, and every change: transitions by the state machine, triage (book an afklarende
 * samtale, forward to a provider, decline), contact, enrolment, sessions and the closing note.
 * Each runs in one transaction with the actor's scope set for row-level security, checks the
 * version it read (a concurrent change makes it 'referral.stale'), writes a history row and
 * audits, all in that transaction. Citizens go through people/'s index.
 */
import type { Db, Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import type { StaffUser } from '../platform/principal.ts';
import {
  citizenCard,
  findOrCreateCitizen,
  grantCitizenAccess,
  inPeopleScope,
  type CitizenCard,
  type CitizenInput,
} from '../people/index.ts';
import { enqueueMail } from '../platform/mail/index.ts';
import { openConversationForReferral } from '../conversation/index.ts';
import { reachProblems, recordReachAnswers, type ReachAnswers } from '../catalog/index.ts';
import {
  closingNoteSchema,
  needsSchema,
  partiesOf,
  reasonSchema,
  REQUESTED_SERVICES,
  type ActorScope,
  type Attendance,
  type ClosingNote,
  type ReferralNeeds,
  type ReferralOutcome,
  type ReferralReason,
  type ReferralSource,
  type RequestedService,
} from './referral.ts';
import {
  defaultAppointmentPlace,
  findByConversation,
  findByIdentifier,
  getReferralRow,
  getSettings,
  insertEvent,
  insertReferral,
  insertSession,
  listEvents,
  listSessions,
  lockReferral,
  offerProvider,
  queryReferrals,
  referrerEmails,
  setClientScope,
  teams,
  tenantHost,
  updateReferral,
  type CitizenReply,
  type ReferralChange,
  type ReferralEventKind,
  type ReferralEventRow,
  type ReferralQuery,
  type ReferralRow,
  type SessionRow,
} from './referral.store.ts';
import {
  awaitsAnswer,
  checkTransition,
  CLOSING_NOTE_REQUIRED,
  isTerminal,
  nextStatuses,
  type ReferralParty,
  type ReferralStatus,
} from './state-machine.ts';
import { answerDue, danishDate, isOverdue } from './working-days.ts';
import { readAppointment, type AppointmentForm } from './appointment.ts';
import { notifyCitizen } from './citizen-messages.service.ts';

/** Bumped when the referral consent text (referral.form.consent*) changes. */
export const REFERRAL_CONSENT_VERSION = 'referral-consent-2026-11';

export type ReferralActor = (
  | { kind: 'staff'; staff: StaffUser }
  | {
      kind: 'client';
      clientId: string;
      kommune: string;
      role: 'referrer' | 'provider';
      organizationId: string | null;
    }
) & { requestId: string };

/** Why a referral use case refused: F maps stale to 412, transition to 422, not_found to 404. */
export type ReferralErrorCode = 'referral.stale' | 'referral.transition' | 'not_found';

export class ReferralError extends LighedError {
  constructor(
    readonly referralCode: ReferralErrorCode,
    message: string,
    problems: readonly FieldProblem[] = [],
    /** The referral as it is now (stale: the state the other change left). */
    readonly current?: ReferralView,
  ) {
    super(
      referralCode === 'not_found'
        ? 'LIGHED_ERR_NOT_FOUND'
        : referralCode === 'referral.stale'
          ? 'LIGHED_ERR_CONFLICT'
          : 'LIGHED_ERR_VALIDATION',
      message,
      problems,
    );
  }
}

export const referralErrorCode = (e: unknown): ReferralErrorCode | undefined =>
  e instanceof ReferralError ? e.referralCode : undefined;

const notFoundError = () => new ReferralError('not_found', 'Referral not found');

// ---- the actor ---------------------------------------------------------------------------------

export function scopeOf(a: ReferralActor): ActorScope {
  return a.kind === 'staff'
    ? {
        kommune: a.staff.kommune,
        role: a.staff.role,
        organizationId: a.staff.organization_id,
        teamId: a.staff.team_id,
        staffId: a.staff.id,
        clientId: null,
      }
    : {
        kommune: a.kommune,
        role: a.role,
        organizationId: a.organizationId,
        teamId: null,
        staffId: null,
        clientId: a.clientId,
      };
}

export function auditActorOf(a: ReferralActor): AuditActor {
  return a.kind === 'staff'
    ? {
        kommune: a.staff.kommune,
        actorId: a.staff.id,
        actorRole: a.staff.role,
        requestId: a.requestId,
      }
    : {
        kommune: a.kommune,
        actorId: a.clientId,
        actorRole: `api:${a.role}`,
        requestId: a.requestId,
      };
}

/** A transaction bound to the actor: municipality, role, organisation, team and API client. */
export function inReferralScope<T>(
  db: Db,
  actor: ReferralActor,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const s = scopeOf(actor);
  return inPeopleScope(
    db,
    { kommune: s.kommune, role: s.role, organization_id: s.organizationId, team_id: s.teamId },
    async (tx) => {
      await setClientScope(tx, s.clientId);
      return fn(tx);
    },
  );
}

// ---- the view ----------------------------------------------------------------------------------

export interface ReferralHistoryEntry {
  at: Date;
  kind: ReferralEventKind;
  actorName: string | null;
  actorRole: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  reasonCode: string | null;
  reasonText: string;
  detail: Record<string, unknown>;
}

export interface ReferralView {
  id: string;
  kommune: string;
  status: ReferralStatus;
  statusReason: { code: string; text: string } | null;
  version: number;
  source: ReferralSource;
  requestedService: RequestedService;
  offerId: string | null;
  offerTitle: string | null;
  ownerOrgId: string | null;
  ownerOrgName: string | null;
  requesterOrgId: string | null;
  requesterOrgName: string | null;
  requesterClientId: string | null;
  requesterName: string;
  identifier: { system: string; value: string } | null;
  citizenId: string;
  /** The card (CPR masked), read and audited for a single referral; null in lists. */
  citizen: CitizenCard | null;
  reason: ReferralReason;
  needs: ReferralNeeds;
  note: string;
  consentAt: Date;
  answerDue: string | null;
  overdue: boolean;
  contactedAt: Date | null;
  enrolledOn: string | null;
  conversationId: string | null;
  teamId: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closingNote: ClosingNote | null;
  /** The agreed time and place (an afklarende samtale or a first session). */
  appointment: { at: Date; place: string } | null;
  /** The citizen's latest answer to it through the reply link. */
  citizenReply: { reply: CitizenReply; at: Date } | null;
  history: ReferralHistoryEntry[];
  sessions: SessionRow[];
  /** How the viewer stands to it, and where the viewer may move it next. */
  parties: ReferralParty[];
  next: ReferralStatus[];
}

function toView(
  r: ReferralRow,
  scope: ActorScope,
  now: Date,
  extra: {
    citizen?: CitizenCard | null;
    events?: ReferralEventRow[];
    sessions?: SessionRow[];
  } = {},
): ReferralView {
  const parties = partiesOf(scope, r);
  return {
    id: r.id,
    kommune: r.kommune,
    status: r.status,
    statusReason: r.status_reason ? { code: r.status_reason, text: r.status_reason_text } : null,
    version: r.version,
    source: r.source,
    requestedService: r.requested_service,
    offerId: r.offer_id,
    offerTitle: r.offer_title,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: r.owner_org_name,
    requesterOrgId: r.requester_org_id,
    requesterOrgName: r.requester_org_name,
    requesterClientId: r.requester_client_id,
    requesterName: r.requester_name,
    identifier:
      r.identifier_system && r.identifier_value
        ? { system: r.identifier_system, value: r.identifier_value }
        : null,
    citizenId: r.citizen_id,
    citizen: extra.citizen ?? null,
    reason: r.reason,
    needs: r.needs,
    note: r.note,
    consentAt: r.consent_at,
    answerDue: r.answer_due,
    overdue: isOverdue(r.answer_due, awaitsAnswer(r.status), now),
    contactedAt: r.contacted_at,
    enrolledOn: r.enrolled_on,
    conversationId: r.conversation_id,
    teamId: r.team_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    closingNote:
      r.closing_outcome !== null
        ? {
            outcome: r.closing_outcome as ReferralOutcome,
            sessionsAttended: r.closing_sessions_attended ?? 0,
            agreed: r.closing_agreed,
            nextStep: r.closing_next_step,
          }
        : null,
    appointment: r.appointment_at
      ? { at: r.appointment_at, place: r.appointment_place ?? '' }
      : null,
    citizenReply:
      r.citizen_reply && r.citizen_reply_at
        ? { reply: r.citizen_reply, at: r.citizen_reply_at }
        : null,
    history: (extra.events ?? []).map((e) => ({
      at: e.at,
      kind: e.kind,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reasonCode: e.reason_code,
      reasonText: e.reason_text,
      detail: e.detail,
    })),
    sessions: extra.sessions ?? [],
    parties,
    next: nextStatuses(r.status, parties),
  };
}

/** The full view (citizen card, history, sessions), audited as a read; undefined when not visible. */
async function loadView(
  tx: Queryable,
  actor: ReferralActor,
  id: string,
  now: Date,
): Promise<ReferralView | undefined> {
  const row = await getReferralRow(tx, id);
  if (!row) return undefined;
  const scope = scopeOf(actor);
  if (partiesOf(scope, row).length === 0) return undefined;
  const a = auditActorOf(actor);
  const citizen = (await citizenCard(tx, a, row.citizen_id)) ?? null;
  const [events, sessions] = await Promise.all([listEvents(tx, id), listSessions(tx, id)]);
  await audit(tx, a, {
    action: 'read',
    entity: 'referral',
    entityId: id,
    summary: 'viewed referral',
  });
  return toView(row, scope, now, { citizen, events, sessions });
}

export async function getReferral(
  db: Db,
  actor: ReferralActor,
  id: string,
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  if (!isUuid(id)) throw notFoundError();
  const view = await inReferralScope(db, actor, (tx) =>
    loadView(tx, actor, id, opts.now ?? new Date()),
  );
  if (!view) throw notFoundError();
  return view;
}

/**
 * The referrals the actor stands in (scoped as the contract says: a referrer those its
 * organisation or client made, a provider those its organisation owns, coordinators and admins
 * all of the municipality's), newest change first. Without citizen cards or history; each row
 * is audited as listed.
 */
export async function listReferrals(
  db: Db,
  actor: ReferralActor,
  filter: { status?: ReferralStatus | readonly ReferralStatus[]; updatedSince?: Date } = {},
  opts: { now?: Date; view?: 'mine' | 'inbox' | 'queue' | 'all' } = {},
): Promise<ReferralView[]> {
  const s = scopeOf(actor);
  const now = opts.now ?? new Date();
  const q: ReferralQuery = {
    ...(filter.status !== undefined
      ? { status: typeof filter.status === 'string' ? [filter.status] : filter.status }
      : {}),
    ...(filter.updatedSince ? { updatedSince: filter.updatedSince } : {}),
  };
  const view = opts.view ?? defaultList(s);
  if (view === 'mine') {
    if (s.clientId) q.requesterClientId = s.clientId;
    else if (s.organizationId) q.requesterOrgId = s.organizationId;
    else if (s.role === 'frontline' && s.teamId) q.requesterTeamId = s.teamId;
    else if (s.staffId) q.requesterStaffId = s.staffId;
  } else if (view === 'inbox') {
    if (!s.organizationId) return [];
    q.ownerOrgId = s.organizationId;
  } else if (view === 'queue') {
    if (!['coordinator', 'admin'].includes(s.role) || s.clientId) return [];
    q.unrouted = true;
  } else if (!['coordinator', 'admin'].includes(s.role) || s.clientId) return [];
  return inReferralScope(db, actor, async (tx) => {
    const rows = (await queryReferrals(tx, q)).filter((r) => partiesOf(s, r).length > 0);
    await audit(
      tx,
      auditActorOf(actor),
      rows.map((r) => ({
        action: 'read' as const,
        entity: 'referral',
        entityId: r.id,
        summary: 'listed',
      })),
    );
    return rows.map((r) => toView(r, s, now));
  });
}

function defaultList(s: ActorScope): 'mine' | 'inbox' | 'all' {
  if (s.clientId) return s.role === 'provider' ? 'inbox' : 'mine';
  if (s.role === 'provider') return 'inbox';
  if (s.role === 'coordinator' || s.role === 'admin') return 'all';
  return 'mine';
}

/** A list with each referral's citizen name (cards read and audited): the staff pages' lists. */
export async function listWithNames(
  db: Db,
  actor: ReferralActor,
  view: 'mine' | 'inbox' | 'queue' | 'all',
  opts: { now?: Date; status?: readonly ReferralStatus[] } = {},
): Promise<{ referral: ReferralView; citizenName: string }[]> {
  const list = await listReferrals(db, actor, opts.status ? { status: opts.status } : {}, {
    view,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return inReferralScope(db, actor, async (tx) => {
    const a = auditActorOf(actor);
    const out: { referral: ReferralView; citizenName: string }[] = [];
    for (const r of list) {
      const card = await citizenCard(tx, a, r.citizenId);
      out.push({ referral: r, citizenName: card?.name ?? '' });
    }
    return out;
  });
}

// ---- create --------------------------------------------------------------------------------------

export interface NewReferral {
  citizen: CitizenInput;
  requestedService: RequestedService;
  offerId?: string | undefined;
  reason: Partial<ReferralReason>;
  needs: Partial<ReferralNeeds>;
  note?: string | undefined;
  consentAt: Date;
  identifier?: { system: string; value: string } | undefined;
  /** Who signed it, as the receiver reads it (a doctor's name); defaults to the staff name. */
  requesterName?: string | undefined;
  /** A worker's referral after a health conversation: the conversation it came from. */
  fromConversationId?: string | undefined;
  /** Saved as a draft (status draft), sent later by the requester. */
  draft?: boolean | undefined;
}

function invalid(problems: FieldProblem[]): LighedError {
  return new LighedError(
    'LIGHED_ERR_VALIDATION',
    `Referral: ${problems.map((p) => p.path).join(', ')} not valid`,
    problems,
  );
}

const sourceOf = (s: ActorScope): ReferralSource =>
  s.clientId ? 'fhir' : s.role === 'frontline' ? 'worker' : 'referrer';

/**
 * Creates a referral (status requested). It goes to the municipality's intake queue, except a
 * worker's referral to a named offer, which goes straight to the offer's provider (the
 * municipality has already done the triage in the conversation). An identifier already used
 * (conditional create) returns the existing referral with `created: false`.
 */
export async function createReferral(
  db: Db,
  actor: ReferralActor,
  input: NewReferral,
  opts: { now?: Date } = {},
): Promise<{ id: string; version: number; created: boolean }> {
  const s = scopeOf(actor);
  const now = opts.now ?? new Date();
  if (
    s.clientId
      ? s.role !== 'referrer'
      : !['referrer', 'frontline', 'coordinator', 'admin'].includes(s.role)
  )
    throw new LighedError('LIGHED_ERR_FORBIDDEN', 'This role cannot make referrals');
  if (!s.clientId && s.role === 'referrer' && !s.organizationId)
    throw new LighedError('LIGHED_ERR_FORBIDDEN', 'A referrer needs an organisation');
  if (!s.clientId && s.role === 'frontline' && !s.teamId)
    throw new LighedError('LIGHED_ERR_FORBIDDEN', 'A frontline worker needs a team');

  const problems: FieldProblem[] = [];
  if (!(REQUESTED_SERVICES as readonly string[]).includes(input.requestedService))
    problems.push({ path: 'requestedService', message: 'referral.error.serviceRequired' });
  if (input.requestedService === 'offer' && !isUuid(input.offerId))
    problems.push({ path: 'offerId', message: 'referral.error.offerRequired' });
  const reason = reasonSchema.safeParse(input.reason ?? {});
  if (!reason.success) problems.push({ path: 'reason', message: 'referral.error.reasonInvalid' });
  const needs = needsSchema.safeParse(input.needs ?? {});
  if (!needs.success) problems.push({ path: 'needs', message: 'referral.error.needsInvalid' });
  const note = (input.note ?? '').trim();
  if (note.length > 2000) problems.push({ path: 'note', message: 'referral.error.noteTooLong' });
  if (!(input.consentAt instanceof Date) || Number.isNaN(input.consentAt.getTime()))
    problems.push({ path: 'consent', message: 'referral.error.consentRequired' });
  if (
    input.identifier &&
    (!input.identifier.system ||
      !input.identifier.value ||
      input.identifier.system.length > 500 ||
      input.identifier.value.length > 200)
  )
    problems.push({ path: 'identifier', message: 'referral.error.identifierInvalid' });
  if (problems.length || !reason.success || !needs.success) throw invalid(problems);

  return inReferralScope(db, actor, async (tx) => {
    const a = auditActorOf(actor);
    if (input.identifier) {
      const existing = await findByIdentifier(tx, input.identifier.system, input.identifier.value);
      if (existing) {
        await audit(tx, a, {
          action: 'read',
          entity: 'referral',
          entityId: existing.id,
          summary: 'conditional create found the existing referral',
        });
        return { ...existing, created: false };
      }
    }
    let ownerOrgId: string | null = null;
    if (input.requestedService === 'offer') {
      const offer = await offerProvider(tx, input.offerId!);
      if (!offer) throw invalid([{ path: 'offerId', message: 'referral.error.offerRequired' }]);
      if (sourceOf(s) === 'worker') ownerOrgId = offer.organization_id;
    }
    const settings = await getSettings(tx);
    const citizen = await findOrCreateCitizen(tx, a, {
      ...input.citizen,
      interpreterNeeded: input.citizen.interpreterNeeded ?? needs.data.interpreter,
      consent: { purpose: 'referral', version: REFERRAL_CONSENT_VERSION },
    });
    const created = await insertReferral(tx, {
      kommune: s.kommune,
      citizen_id: citizen.id,
      status: input.draft ? 'draft' : 'requested',
      source: sourceOf(s),
      requester_org_id: s.clientId
        ? s.organizationId
        : s.role === 'frontline'
          ? null
          : s.organizationId,
      requester_staff_id: s.staffId,
      requester_team_id: s.role === 'frontline' ? s.teamId : null,
      requester_client_id: s.clientId,
      requester_name: (
        input.requesterName ?? (actor.kind === 'staff' ? actor.staff.name : '')
      ).slice(0, 200),
      requested_service: input.requestedService,
      offer_id: input.requestedService === 'offer' ? input.offerId! : null,
      owner_org_id: ownerOrgId,
      conversation_id: null,
      team_id: null,
      identifier_system: input.identifier?.system ?? null,
      identifier_value: input.identifier?.value ?? null,
      reason: reason.data,
      needs: needs.data,
      note,
      consent_at: input.consentAt,
      answer_due: input.draft ? null : answerDue(danishDate(now), settings.rules),
    });
    const grant = async (link: { organizationId?: string | null; teamId?: string | null }) => {
      if (link.organizationId || link.teamId)
        await grantCitizenAccess(
          tx,
          {
            citizenId: citizen.id,
            kommune: s.kommune,
            via: 'referral',
            viaId: created.id,
            ...link,
          },
          a,
        );
    };
    await grant({ organizationId: s.organizationId });
    if (s.role === 'frontline') await grant({ teamId: s.teamId });
    await grant({ organizationId: ownerOrgId });
    await insertEvent(tx, {
      ...eventBase(actor, created.id),
      kind: 'created',
      from_status: null,
      to_status: input.draft ? 'draft' : 'requested',
      reason_code: null,
      reason_text: '',
      detail: {
        source: sourceOf(s),
        ...(input.fromConversationId ? { conversationId: input.fromConversationId } : {}),
        ...(ownerOrgId ? { ownerOrgId } : {}),
      },
    });
    await audit(tx, a, {
      action: 'create',
      entity: 'referral',
      entityId: created.id,
      summary: `referral created (${sourceOf(s)}, ${input.requestedService})`,
    });
    return { ...created, created: true };
  });
}

function eventBase(actor: ReferralActor, referralId: string) {
  const a = auditActorOf(actor);
  return {
    referral_id: referralId,
    kommune: a.kommune,
    actor_id: actor.kind === 'staff' ? actor.staff.id : null,
    actor_role: a.actorRole,
    client_id: actor.kind === 'client' ? actor.clientId : null,
  };
}

// ---- changes -------------------------------------------------------------------------------------

interface Loaded {
  tx: Queryable;
  row: ReferralRow;
  parties: ReferralParty[];
}

/**
 * Runs one change: loads the referral visible to the actor, checks the version, lets `fn`
 * compute the change, applies it `where version = expected`, writes the history row and the
 * audit, and returns the new view. A lost race is 'referral.stale' with the state that won.
 */
async function change(
  db: Db,
  actor: ReferralActor,
  id: string,
  expectedVersion: number,
  now: Date,
  fn: (l: Loaded) => Promise<{
    change: ReferralChange;
    event: {
      kind: ReferralEventKind;
      to?: ReferralStatus;
      reasonCode?: string | null;
      reasonText?: string;
      detail?: Record<string, unknown>;
    };
    summary: string;
    after?: (tx: Queryable, row: ReferralRow) => Promise<void>;
  }>,
): Promise<ReferralView> {
  if (!isUuid(id)) throw notFoundError();
  try {
    return await inReferralScope(db, actor, async (tx) => {
      await lockReferral(tx, id);
      const row = await getReferralRow(tx, id);
      const parties = row ? partiesOf(scopeOf(actor), row) : [];
      if (!row || parties.length === 0) throw notFoundError();
      if (row.version !== expectedVersion)
        throw new ReferralError('referral.stale', 'The referral changed meanwhile');
      const c = await fn({ tx, row, parties });
      const version = await updateReferral(tx, id, expectedVersion, c.change);
      if (version === undefined)
        throw new ReferralError('referral.stale', 'The referral changed meanwhile');
      await insertEvent(tx, {
        ...eventBase(actor, id),
        kind: c.event.kind,
        from_status: row.status,
        to_status: c.event.to ?? row.status,
        reason_code: c.event.reasonCode ?? null,
        reason_text: c.event.reasonText ?? '',
        detail: c.event.detail ?? {},
      });
      await audit(tx, auditActorOf(actor), {
        action: 'update',
        entity: 'referral',
        entityId: id,
        summary: c.summary,
      });
      const fresh = await getReferralRow(tx, id);
      if (c.after && fresh) await c.after(tx, fresh);
      const view = await loadView(tx, actor, id, now);
      if (!view) throw notFoundError();
      return view;
    });
  } catch (err) {
    if (err instanceof ReferralError && err.referralCode === 'referral.stale') {
      // Told, and shown the state the other change left (read in a fresh transaction).
      const current = await inReferralScope(db, actor, (tx) => loadView(tx, actor, id, now));
      throw new ReferralError('referral.stale', err.message, [], current);
    }
    throw err;
  }
}

export interface TransitionInput {
  to: ReferralStatus;
  expectedVersion: number;
  reasonCode?: string | undefined;
  reasonText?: string | undefined;
  detail?: {
    closingNote?: unknown;
    /** Enrolment: the start date (YYYY-MM-DD), when moving to in-progress. */
    enrolledOn?: string;
    /** Forwarding (back to requested): the offer whose provider takes it over. */
    offerId?: string;
    [k: string]: unknown;
  };
  /** Enrolment: the reach questions, counted apart from the referral (catalog's reach/). */
  reach?: ReachAnswers;
}

function transitionProblems(row: ReferralRow, parties: ReferralParty[], t: TransitionInput) {
  const problems = checkTransition(
    row.status,
    { to: t.to, reasonCode: t.reasonCode, reasonText: t.reasonText },
    parties,
  );
  const forbidden = problems.find((p) => p.code === 'forbidden');
  if (forbidden)
    throw new ReferralError(
      'referral.transition',
      `A referral cannot go from ${row.status} to ${t.to} for this party`,
      [{ path: 'status', message: 'referral.error.transition' }],
    );
  const fields: FieldProblem[] = problems.map((p) => ({
    path: 'field' in p ? p.field : 'status',
    message: `referral.error.${p.code}`,
  }));
  let closing: ClosingNote | null = null;
  if (CLOSING_NOTE_REQUIRED.includes(t.to)) {
    const parsed = closingNoteSchema.safeParse(t.detail?.closingNote);
    if (!parsed.success)
      fields.push({ path: 'closingNote', message: 'referral.error.closingNote' });
    else closing = parsed.data;
  }
  if (t.detail?.enrolledOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(t.detail.enrolledOn))
    fields.push({ path: 'date', message: 'referral.error.dateInvalid' });
  if (t.to === 'requested' && row.status !== 'draft' && !isUuid(t.detail?.offerId))
    fields.push({ path: 'offerId', message: 'referral.error.offerRequired' });
  if (t.reach) fields.push(...reachProblems(t.reach));
  if (fields.length) throw invalid(fields);
  return closing;
}

/**
 * Moves a referral to `to` if the state machine lets the actor's party do so, with the reason
 * it needs and, on completed/failed, the closing note (`detail.closingNote`), which is then
 * announced to the referrer by e-mail (a link only).
 */
export async function transitionReferral(
  db: Db,
  actor: ReferralActor,
  id: string,
  t: TransitionInput,
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  return change(db, actor, id, t.expectedVersion, now, async ({ tx, row, parties }) => {
    const closing = transitionProblems(row, parties, t);
    const code = t.reasonCode?.trim() || null;
    const c: ReferralChange = {
      status: t.to,
      status_reason: code,
      status_reason_text: code ? (t.reasonText ?? '').trim() : '',
    };
    if (isTerminal(t.to)) c.closed_at = now;
    if (closing) {
      c.closing_outcome = closing.outcome;
      c.closing_sessions_attended = closing.sessionsAttended;
      c.closing_agreed = closing.agreed;
      c.closing_next_step = closing.nextStep;
    }
    if (t.detail?.enrolledOn) c.enrolled_on = t.detail.enrolledOn;
    let routedTo: string | null = null;
    if (t.to === 'requested' && row.status === 'draft')
      c.answer_due = answerDue(danishDate(now), (await getSettings(tx)).rules);
    else if (t.to === 'requested') {
      const offer = await offerProvider(tx, t.detail!.offerId!);
      if (!offer) throw invalid([{ path: 'offerId', message: 'referral.error.offerRequired' }]);
      routedTo = offer.organization_id;
      Object.assign(c, {
        requested_service: 'offer',
        offer_id: offer.id,
        owner_org_id: offer.organization_id,
        answer_due: answerDue(danishDate(now), (await getSettings(tx)).rules),
      } satisfies ReferralChange);
    }
    return {
      change: c,
      event: {
        kind: routedTo ? 'routed' : t.detail?.enrolledOn ? 'enrolled' : 'transition',
        to: t.to,
        reasonCode: code,
        reasonText: code ? (t.reasonText ?? '').trim() : '',
        detail: {
          ...(closing ? { closingNote: closing } : {}),
          ...(t.detail?.enrolledOn ? { enrolledOn: t.detail.enrolledOn } : {}),
          ...(routedTo ? { ownerOrgId: routedTo, offerId: t.detail?.offerId } : {}),
        },
      },
      summary: `status ${row.status} → ${t.to}`,
      after: async (tx2, fresh) => {
        // Enrolment (accepted → in-progress): the anonymous reach answers, same transaction.
        if (t.reach && row.status === 'accepted' && t.to === 'in-progress')
          await recordReachAnswers(
            tx2,
            fresh.kommune,
            { offerId: fresh.offer_id, context: 'referral', now },
            t.reach,
          );
        if (routedTo) await grantOwner(tx2, actor, fresh);
        if (closing) await announceClosingNote(tx2, fresh);
        // The citizen is told, on the channels they chose (nothing when none).
        if (t.to === 'accepted')
          await notifyCitizen(tx2, auditActorOf(actor), fresh, 'referral.received', { now });
        if (CLOSED_NOTICE.includes(t.to))
          await notifyCitizen(tx2, auditActorOf(actor), fresh, 'referral.closed', {
            now,
            dedupeKey: `referral.closed:${fresh.id}`,
          });
      },
    };
  });
}

async function grantOwner(tx: Queryable, actor: ReferralActor, r: ReferralRow): Promise<void> {
  if (!r.owner_org_id) return;
  await grantCitizenAccess(
    tx,
    {
      citizenId: r.citizen_id,
      kommune: r.kommune,
      organizationId: r.owner_org_id,
      via: 'referral',
      viaId: r.id,
    },
    auditActorOf(actor),
  );
}

/** The e-mail to the referrer: that a closing note is ready, and a link. Nothing else. */
export async function announceClosingNote(tx: Queryable, r: ReferralRow): Promise<void> {
  const emails = await referrerEmails(tx, r);
  if (emails.length === 0) return;
  const host = await tenantHost(tx, r.kommune);
  const link = `${host ? `https://${host}` : ''}/personale/henvisninger/${r.id}`;
  for (const to of emails)
    await enqueueMail(tx, {
      kommune: r.kommune,
      to,
      kind: 'referral.closing_note',
      subject: 'Afslutningsnotat klar / Closing note ready',
      text:
        `Der er et afslutningsnotat på en af jeres henvisninger i Lighed.\n` +
        `Log ind for at læse det: ${link}\n\n` +
        `A closing note is ready on one of your referrals in Lighed.\n` +
        `Sign in to read it: ${link}\n`,
    });
}

/** Closings the citizen is told of (a rejection or an error never reached them as accepted). */
const CLOSED_NOTICE: readonly ReferralStatus[] = ['completed', 'failed', 'cancelled'];

/** Forward a new referral to an offer's provider (the intake queue), status unchanged. */
export async function forwardToProvider(
  db: Db,
  actor: ReferralActor,
  id: string,
  input: { expectedVersion: number; offerId: string },
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  return change(db, actor, id, input.expectedVersion, now, async ({ tx, row, parties }) => {
    if (!parties.includes('coordinator') || row.status !== 'requested' || row.owner_org_id)
      throw new ReferralError(
        'referral.transition',
        'Only a new referral in triage can be forwarded',
        [{ path: 'status', message: 'referral.error.transition' }],
      );
    const offer = isUuid(input.offerId) ? await offerProvider(tx, input.offerId) : undefined;
    if (!offer) throw invalid([{ path: 'offerId', message: 'referral.error.offerRequired' }]);
    return {
      change: {
        requested_service: 'offer',
        offer_id: offer.id,
        owner_org_id: offer.organization_id,
        answer_due: answerDue(danishDate(now), (await getSettings(tx)).rules),
      },
      event: { kind: 'routed', detail: { ownerOrgId: offer.organization_id, offerId: offer.id } },
      summary: 'forwarded to a provider',
      after: (tx2, fresh) => grantOwner(tx2, actor, fresh),
    };
  });
}

/**
 * Book an afklarende samtale: the municipality accepts the referral and a health conversation
 * is opened for the team that holds them, with the referral attached. With a day and time
 * (`appointment`; the place defaults to the team's name) the citizen is sent the appointment
 * with the reply link; without, that the referral was received.
 */
export async function bookAfklarendeSamtale(
  db: Db,
  actor: ReferralActor,
  id: string,
  input: {
    expectedVersion: number;
    teamId?: string | undefined;
    appointment?: AppointmentForm | undefined;
  },
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  const wanted = input.appointment;
  const withTime = Boolean(wanted && (wanted.date.trim() || wanted.time.trim()));
  return change(db, actor, id, input.expectedVersion, now, async ({ tx, row, parties }) => {
    transitionProblems(
      row,
      parties.filter((p) => p === 'coordinator'),
      {
        to: 'accepted',
        expectedVersion: input.expectedVersion,
      },
    );
    if (row.owner_org_id)
      throw new ReferralError('referral.transition', 'The referral is with a provider', [
        { path: 'status', message: 'referral.error.transition' },
      ]);
    const teamId = isUuid(input.teamId) ? input.teamId : (await getSettings(tx)).afklarendeTeamId;
    if (!teamId) throw invalid([{ path: 'teamId', message: 'referral.error.teamRequired' }]);
    let appointment: { at: Date; place: string } | null = null;
    if (withTime && wanted) {
      const place =
        wanted.place.trim() || (await teams(tx)).find((x) => x.id === teamId)?.name || '';
      const read = readAppointment({ ...wanted, place }, now);
      if (!read.ok) throw invalid(read.problems);
      appointment = read;
    }
    const a = auditActorOf(actor);
    const card = await citizenCard(tx, a, row.citizen_id);
    if (!card) throw notFoundError();
    const conversationId = await openConversationForReferral(tx, a, {
      teamId,
      citizenName: card.name,
      birthYear: card.birthDate ? Number(card.birthDate.slice(0, 4)) : null,
      sex: card.sex,
      postcode: card.postcode,
      language: card.preferredLanguage,
      interpreterNeeded: card.interpreterNeeded || row.needs.interpreter,
      citizenId: row.citizen_id,
    });
    await grantCitizenAccess(
      tx,
      { citizenId: row.citizen_id, kommune: row.kommune, teamId, via: 'referral', viaId: row.id },
      a,
    );
    return {
      change: {
        status: 'accepted',
        status_reason: null,
        status_reason_text: '',
        requested_service: 'afklarende_samtale',
        conversation_id: conversationId,
        team_id: teamId,
        ...(appointment
          ? {
              appointment_at: appointment.at,
              appointment_place: appointment.place,
              citizen_reply: null,
              citizen_reply_at: null,
            }
          : {}),
      },
      event: {
        kind: 'booked',
        to: 'accepted',
        detail: {
          conversationId,
          teamId,
          ...(appointment
            ? { appointmentAt: appointment.at.toISOString(), place: appointment.place }
            : {}),
        },
      },
      summary: 'afklarende samtale booked',
      after: async (tx2, fresh) => {
        if (appointment)
          await notifyCitizen(tx2, a, fresh, 'referral.appointment', { reply: true, now });
        else await notifyCitizen(tx2, a, fresh, 'referral.received', { now });
      },
    };
  });
}

/** Where the "Aftal tid" form's place starts: the offer's place, the provider or the team. */
export async function appointmentPlaceFor(
  db: Db,
  actor: ReferralActor,
  id: string,
): Promise<string> {
  if (!isUuid(id)) return '';
  return inReferralScope(db, actor, (tx) => defaultAppointmentPlace(tx, id));
}

/**
 * "Aftal tid": the receiver (or the visitation) agrees a time and place with the citizen on an
 * accepted or running referral; version-checked, an 'appointment' event, and the citizen is
 * sent it with the reply link (confirm, cancel, new time). A new time clears an earlier reply.
 */
export async function setAppointment(
  db: Db,
  actor: ReferralActor,
  id: string,
  input: { expectedVersion: number } & AppointmentForm,
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  return change(db, actor, id, input.expectedVersion, now, async ({ tx, row, parties }) => {
    if (
      !parties.some((p) => p === 'receiver' || p === 'coordinator') ||
      !['accepted', 'in-progress'].includes(row.status)
    )
      throw new ReferralError('referral.transition', 'A time is agreed once accepted', [
        { path: 'status', message: 'referral.error.transition' },
      ]);
    const place = input.place.trim() || (await defaultAppointmentPlace(tx, id));
    const read = readAppointment({ date: input.date, time: input.time, place }, now);
    if (!read.ok) throw invalid(read.problems);
    return {
      change: {
        appointment_at: read.at,
        appointment_place: read.place,
        citizen_reply: null,
        citizen_reply_at: null,
      },
      event: {
        kind: 'appointment',
        detail: { appointmentAt: read.at.toISOString(), place: read.place },
      },
      summary: 'appointment agreed',
      after: async (tx2, fresh) => {
        await notifyCitizen(tx2, auditActorOf(actor), fresh, 'referral.appointment', {
          reply: true,
          now,
        });
      },
    };
  });
}

/** The receiver (or the visitation) has reached the citizen. */
export async function markContacted(
  db: Db,
  actor: ReferralActor,
  id: string,
  input: { expectedVersion: number },
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  return change(db, actor, id, input.expectedVersion, now, async ({ row, parties }) => {
    if (
      !parties.some((p) => p === 'receiver' || p === 'coordinator') ||
      !['accepted', 'in-progress', 'on-hold'].includes(row.status)
    )
      throw new ReferralError('referral.transition', 'Contact is recorded once accepted', [
        { path: 'status', message: 'referral.error.transition' },
      ]);
    return {
      change: { contacted_at: now },
      event: { kind: 'contacted' },
      summary: 'citizen contacted',
    };
  });
}

/** One session's attendance (attended, no-show, cancelled). */
export async function recordSession(
  db: Db,
  actor: ReferralActor,
  id: string,
  input: { expectedVersion: number; heldOn: string; attendance: Attendance },
  opts: { now?: Date } = {},
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  return change(db, actor, id, input.expectedVersion, now, async ({ row, parties }) => {
    if (
      !parties.some((p) => p === 'receiver' || p === 'coordinator') ||
      !['in-progress', 'on-hold', 'accepted'].includes(row.status)
    )
      throw new ReferralError('referral.transition', 'Sessions are recorded while enrolled', [
        { path: 'status', message: 'referral.error.transition' },
      ]);
    const problems: FieldProblem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.heldOn) || Number.isNaN(Date.parse(input.heldOn)))
      problems.push({ path: 'date', message: 'referral.error.dateInvalid' });
    if (!['attended', 'no_show', 'cancelled'].includes(input.attendance))
      problems.push({ path: 'attendance', message: 'referral.error.attendanceRequired' });
    if (problems.length) throw invalid(problems);
    return {
      change: {},
      event: { kind: 'session', detail: { heldOn: input.heldOn, attendance: input.attendance } },
      summary: `session recorded (${input.attendance})`,
      after: (tx2) =>
        insertSession(tx2, {
          referral_id: id,
          kommune: row.kommune,
          held_on: input.heldOn,
          attendance: input.attendance,
          recorded_by: actor.kind === 'staff' ? actor.staff.id : null,
        }),
    };
  });
}

/** The referral (visible to the actor) whose afklarende samtale is this conversation. */
export async function referralOfConversation(
  db: Db,
  actor: ReferralActor,
  conversationId: string,
): Promise<string | undefined> {
  if (!isUuid(conversationId)) return undefined;
  return inReferralScope(
    db,
    actor,
    async (tx) => (await findByConversation(tx, conversationId))?.id,
  );
}

/** The municipality's settings for the intake (answer time rules, afklarende team). */
export { getSettings as readReferralSettings };
