/**
 * Storage of referrals, their history and sessions. Row-level security (0011_referrals.sql)
 * limits every query to what the actor may see; the service opens the transaction with the
 * actor's municipality, role, organisation, team and client set. Every change checks the
 * version it read: `where id = $1 and version = $2`, so of two concurrent changes the second
 * finds no row and is told the referral is stale.
 */
import { one, type Queryable } from '../db/db.ts';
import type {
  Attendance,
  ReferralNeeds,
  ReferralReason,
  ReferralSource,
  RequestedService,
} from './referral.ts';
import type { ReferralStatus } from './state-machine.ts';
import { DEFAULT_WORKING_DAY_RULES, type WorkingDayRules } from './working-days.ts';

export interface ReferralRow {
  id: string;
  kommune: string;
  citizen_id: string;
  status: ReferralStatus;
  status_reason: string | null;
  status_reason_text: string;
  version: number;
  source: ReferralSource;
  requester_org_id: string | null;
  requester_org_name: string | null;
  requester_staff_id: string | null;
  requester_team_id: string | null;
  requester_client_id: string | null;
  requester_name: string;
  requested_service: RequestedService;
  offer_id: string | null;
  offer_title: string | null;
  owner_org_id: string | null;
  owner_org_name: string | null;
  conversation_id: string | null;
  team_id: string | null;
  identifier_system: string | null;
  identifier_value: string | null;
  reason: ReferralReason;
  needs: ReferralNeeds;
  note: string;
  consent_at: Date;
  answer_due: string | null;
  contacted_at: Date | null;
  enrolled_on: string | null;
  closing_outcome: string | null;
  closing_sessions_attended: number | null;
  closing_agreed: string;
  closing_next_step: string;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  appointment_at: Date | null;
  appointment_place: string | null;
  citizen_reply: CitizenReply | null;
  citizen_reply_at: Date | null;
  owner_org_phone: string | null;
}

/** The citizen's latest answer to the appointment (through the reply link). */
export type CitizenReply = 'confirmed' | 'cancelled' | 'new_time';

const columns = `r.id, r.kommune, r.citizen_id, r.status, r.status_reason, r.status_reason_text, r.version,
  r.source, r.requester_org_id, ro.name as requester_org_name, r.requester_staff_id, r.requester_team_id,
  r.requester_client_id, r.requester_name, r.requested_service, r.offer_id, o.title as offer_title,
  r.owner_org_id, ow.name as owner_org_name, r.conversation_id, r.team_id, r.identifier_system,
  r.identifier_value, r.reason, r.needs, r.note, r.consent_at, r.answer_due::text as answer_due,
  r.contacted_at, r.enrolled_on::text as enrolled_on, r.closing_outcome, r.closing_sessions_attended,
  r.closing_agreed, r.closing_next_step, r.closed_at, r.created_at, r.updated_at, r.appointment_at,
  r.appointment_place, r.citizen_reply, r.citizen_reply_at, ow.phone as owner_org_phone`;
// Offers are read through the catalog's own table: a referral's offer may be a draft of the
// municipality's (visible to it) or retired since.
const from = `referral r
  left join organization ro on ro.id = r.requester_org_id
  left join organization ow on ow.id = r.owner_org_id
  left join offer o on o.id = r.offer_id`;

export interface NewReferralRow {
  kommune: string;
  citizen_id: string;
  status: ReferralStatus;
  source: ReferralSource;
  requester_org_id: string | null;
  requester_staff_id: string | null;
  requester_team_id: string | null;
  requester_client_id: string | null;
  requester_name: string;
  requested_service: RequestedService;
  offer_id: string | null;
  owner_org_id: string | null;
  conversation_id: string | null;
  team_id: string | null;
  identifier_system: string | null;
  identifier_value: string | null;
  reason: ReferralReason;
  needs: ReferralNeeds;
  note: string;
  consent_at: Date;
  answer_due: string | null;
}

export async function insertReferral(
  q: Queryable,
  r: NewReferralRow,
): Promise<{ id: string; version: number }> {
  const row = await one<{ id: string; version: number }>(
    q,
    `insert into referral (kommune, citizen_id, status, source, requester_org_id, requester_staff_id,
       requester_team_id, requester_client_id, requester_name, requested_service, offer_id, owner_org_id,
       conversation_id, team_id, identifier_system, identifier_value, reason, needs, note, consent_at, answer_due)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     returning id, version`,
    [
      r.kommune,
      r.citizen_id,
      r.status,
      r.source,
      r.requester_org_id,
      r.requester_staff_id,
      r.requester_team_id,
      r.requester_client_id,
      r.requester_name,
      r.requested_service,
      r.offer_id,
      r.owner_org_id,
      r.conversation_id,
      r.team_id,
      r.identifier_system,
      r.identifier_value,
      JSON.stringify(r.reason),
      JSON.stringify(r.needs),
      r.note,
      r.consent_at,
      r.answer_due,
    ],
  );
  return row!;
}

/** The referral whose afklarende samtale is this conversation, if any. */
export async function findByConversation(
  q: Queryable,
  conversationId: string,
): Promise<{ id: string } | undefined> {
  return one(q, 'select id from referral where conversation_id = $1', [conversationId]);
}

/** Conditional create: the referral (visible to the actor) with this identifier. */
export async function findByIdentifier(
  q: Queryable,
  system: string,
  value: string,
): Promise<{ id: string; version: number } | undefined> {
  return one(
    q,
    'select id, version from referral where identifier_system = $1 and identifier_value = $2',
    [system, value],
  );
}

export async function getReferralRow(q: Queryable, id: string): Promise<ReferralRow | undefined> {
  return one<ReferralRow>(q, `select ${columns} from ${from} where r.id = $1`, [id]);
}

export interface ReferralQuery {
  status?: readonly ReferralStatus[];
  updatedSince?: Date;
  requesterOrgId?: string;
  requesterStaffId?: string;
  /** A frontline team: referrals it made or whose afklarende samtale it holds. */
  requesterTeamId?: string;
  requesterClientId?: string;
  ownerOrgId?: string;
  /** Only those with no owner yet: the municipality's intake queue. */
  unrouted?: boolean;
  limit?: number;
}

/** Referrals the actor sees (row-level security), narrowed by the query; newest change first. */
export async function queryReferrals(q: Queryable, f: ReferralQuery): Promise<ReferralRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (f.status?.length) add((n) => `r.status = any(${n}::text[])`, f.status);
  if (f.updatedSince) add((n) => `r.updated_at >= ${n}`, f.updatedSince);
  if (f.requesterOrgId) add((n) => `r.requester_org_id = ${n}`, f.requesterOrgId);
  if (f.requesterStaffId) add((n) => `r.requester_staff_id = ${n}`, f.requesterStaffId);
  if (f.requesterTeamId)
    add((n) => `(r.requester_team_id = ${n} or r.team_id = ${n})`, f.requesterTeamId);
  if (f.requesterClientId) add((n) => `r.requester_client_id = ${n}`, f.requesterClientId);
  if (f.ownerOrgId) add((n) => `r.owner_org_id = ${n}`, f.ownerOrgId);
  if (f.unrouted) where.push('r.owner_org_id is null and r.conversation_id is null');
  params.push(Math.min(f.limit ?? 500, 1000));
  return q.query<ReferralRow>(
    `select ${columns} from ${from} ${where.length ? `where ${where.join(' and ')}` : ''}
      order by r.updated_at desc, r.id limit $${params.length}`,
    params,
  );
}

/** Columns a change may set (anything else is a programming error). */
export interface ReferralChange {
  status?: ReferralStatus;
  status_reason?: string | null;
  status_reason_text?: string;
  requested_service?: RequestedService;
  offer_id?: string | null;
  owner_org_id?: string | null;
  conversation_id?: string | null;
  team_id?: string | null;
  answer_due?: string | null;
  contacted_at?: Date | null;
  enrolled_on?: string | null;
  closing_outcome?: string | null;
  closing_sessions_attended?: number | null;
  closing_agreed?: string;
  closing_next_step?: string;
  closed_at?: Date | null;
  appointment_at?: Date | null;
  appointment_place?: string | null;
  citizen_reply?: CitizenReply | null;
  citizen_reply_at?: Date | null;
}

const CHANGEABLE: readonly (keyof ReferralChange)[] = [
  'status',
  'status_reason',
  'status_reason_text',
  'requested_service',
  'offer_id',
  'owner_org_id',
  'conversation_id',
  'team_id',
  'answer_due',
  'contacted_at',
  'enrolled_on',
  'closing_outcome',
  'closing_sessions_attended',
  'closing_agreed',
  'closing_next_step',
  'closed_at',
  'appointment_at',
  'appointment_place',
  'citizen_reply',
  'citizen_reply_at',
];

/**
 * Applies a change if the referral is still at `expectedVersion`, bumping the version; returns
 * the new version, or undefined when another change came first (or the row is not visible).
 */
export async function updateReferral(
  q: Queryable,
  id: string,
  expectedVersion: number,
  change: ReferralChange,
): Promise<number | undefined> {
  const sets: string[] = [];
  const params: unknown[] = [id, expectedVersion];
  for (const key of CHANGEABLE) {
    if (!(key in change)) continue;
    params.push(change[key]);
    sets.push(`${key} = $${params.length}`);
  }
  const row = await one<{ version: number }>(
    q,
    `update referral set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      where id = $1 and version = $2 returning version`,
    params,
  );
  return row?.version;
}

export type ReferralEventKind =
  | 'created'
  | 'transition'
  | 'routed'
  | 'booked'
  | 'contacted'
  | 'enrolled'
  | 'session'
  | 'closing_note'
  | 'appointment'
  | 'citizen_confirmed'
  | 'citizen_cancelled'
  | 'new_time_requested';

export interface ReferralEventInput {
  referral_id: string;
  kommune: string;
  actor_id: string | null;
  actor_role: string;
  client_id: string | null;
  kind: ReferralEventKind;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus | null;
  reason_code: string | null;
  reason_text: string;
  detail: Record<string, unknown>;
  /** When it happened (the injectable clock); default the transaction's time. */
  at?: Date;
}

export interface ReferralEventRow extends ReferralEventInput {
  id: string;
  at: Date;
  actor_name: string | null;
}

export async function insertEvent(q: Queryable, e: ReferralEventInput): Promise<void> {
  await q.query(
    `insert into referral_event (referral_id, kommune, actor_id, actor_role, client_id, kind, from_status,
       to_status, reason_code, reason_text, detail, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12::timestamptz, now()))`,
    [
      e.referral_id,
      e.kommune,
      e.actor_id,
      e.actor_role,
      e.client_id,
      e.kind,
      e.from_status,
      e.to_status,
      e.reason_code,
      e.reason_text,
      JSON.stringify(e.detail),
      e.at ?? null,
    ],
  );
}

export async function listEvents(q: Queryable, referralId: string): Promise<ReferralEventRow[]> {
  return q.query<ReferralEventRow>(
    `select e.id::text as id, e.referral_id, e.kommune, e.at, e.actor_id, e.actor_role, e.client_id, e.kind,
            e.from_status, e.to_status, e.reason_code, e.reason_text, e.detail, u.name as actor_name
       from referral_event e left join staff_user u on u.id = e.actor_id
      where e.referral_id = $1 order by e.id`,
    [referralId],
  );
}

export interface SessionRow {
  id: string;
  held_on: string;
  attendance: Attendance;
  created_at: Date;
}

export async function insertSession(
  q: Queryable,
  s: {
    referral_id: string;
    kommune: string;
    held_on: string;
    attendance: Attendance;
    recorded_by: string | null;
  },
): Promise<void> {
  await q.query(
    `insert into referral_session (referral_id, kommune, held_on, attendance, recorded_by)
     values ($1, $2, $3, $4, $5)`,
    [s.referral_id, s.kommune, s.held_on, s.attendance, s.recorded_by],
  );
}

export async function listSessions(q: Queryable, referralId: string): Promise<SessionRow[]> {
  return q.query<SessionRow>(
    `select id, held_on::text as held_on, attendance, created_at from referral_session
      where referral_id = $1 order by held_on, created_at`,
    [referralId],
  );
}

export interface ReferralSettings {
  rules: WorkingDayRules;
  afklarendeTeamId: string | null;
}

export async function getSettings(q: Queryable): Promise<ReferralSettings> {
  const row = await one<{
    answer_days: number;
    grundlovsdag_closed: boolean;
    christmas_eve_closed: boolean;
    new_years_eve_closed: boolean;
    afklarende_team_id: string | null;
  }>(
    q,
    `select answer_days, grundlovsdag_closed, christmas_eve_closed, new_years_eve_closed, afklarende_team_id
       from referral_setting where kommune = lighed_kommune()`,
  );
  if (!row) return { rules: DEFAULT_WORKING_DAY_RULES, afklarendeTeamId: null };
  return {
    rules: {
      answerDays: row.answer_days,
      grundlovsdagClosed: row.grundlovsdag_closed,
      christmasEveClosed: row.christmas_eve_closed,
      newYearsEveClosed: row.new_years_eve_closed,
    },
    afklarendeTeamId: row.afklarende_team_id,
  };
}

export async function saveSettings(
  q: Queryable,
  kommune: string,
  s: ReferralSettings,
): Promise<void> {
  await q.query(
    `insert into referral_setting (kommune, answer_days, grundlovsdag_closed, christmas_eve_closed,
       new_years_eve_closed, afklarende_team_id)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (kommune) do update set answer_days = excluded.answer_days,
       grundlovsdag_closed = excluded.grundlovsdag_closed, christmas_eve_closed = excluded.christmas_eve_closed,
       new_years_eve_closed = excluded.new_years_eve_closed, afklarende_team_id = excluded.afklarende_team_id,
       updated_at = now()`,
    [
      kommune,
      s.rules.answerDays,
      s.rules.grundlovsdagClosed,
      s.rules.christmasEveClosed,
      s.rules.newYearsEveClosed,
      s.afklarendeTeamId,
    ],
  );
}

/** Sets the acting API client for row-level security (lighed_client()) in this transaction. */
export async function setClientScope(q: Queryable, clientId: string | null): Promise<void> {
  await q.query(`select set_config('lighed.client', $1, true)`, [clientId ?? '']);
}

/** Staff e-mail addresses of an organisation's referrers (the closing note's announcement). */
export async function referrerEmails(
  q: Queryable,
  r: { requester_staff_id: string | null; requester_org_id: string | null },
): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `select distinct email from staff_user
      where not disabled and (id = $1 or ($2::uuid is not null and organization_id = $2 and role = 'referrer'))`,
    [r.requester_staff_id, r.requester_org_id],
  );
  return rows.map((x) => x.email);
}

/** Offers a referrer may name: the municipality's published ones, with their provider. */
export async function referableOffers(
  q: Queryable,
): Promise<{ id: string; title: string; organization_id: string; organization_name: string }[]> {
  return q.query(
    `select o.id, o.title, o.organization_id, g.name as organization_name
       from offer o join organization g on g.id = o.organization_id
      where o.kommune = lighed_kommune() and o.status = 'published' order by o.title`,
  );
}

export async function offerProvider(
  q: Queryable,
  offerId: string,
): Promise<{ id: string; organization_id: string; title: string } | undefined> {
  return one(
    q,
    `select id, organization_id, title from offer
      where id = $1 and kommune = lighed_kommune() and status = 'published'`,
    [offerId],
  );
}

/** The municipality's frontline teams (where an afklarende samtale can be booked). */
export async function teams(q: Queryable): Promise<{ id: string; name: string }[]> {
  return q.query('select id, name from team order by name');
}

/**
 * Locks the referral's row until commit, before anything else is written: concurrent changes
 * queue here (the second then reads the new version and is told it is stale), and every change
 * takes this lock before the audit chain's, so two changes never wait on each other crosswise.
 */
export async function lockReferral(q: Queryable, id: string): Promise<void> {
  await q.query('select 1 from referral where id = $1 for update', [id]);
}

/**
 * Where an appointment is by default: the offer's first place ("Sundhedscenter Roskilde,
 * Køgevej 3, 4000 Roskilde"), else the provider's name, else the team holding the samtale.
 */
export async function defaultAppointmentPlace(q: Queryable, id: string): Promise<string> {
  const row = await one<{ place: string | null }>(
    q,
    `select coalesce(
       (select l.name || ', ' || l.address_1 || ', ' || l.postal_code || ' ' || l.city
          from offer_location ol join location l on l.id = ol.location_id
         where ol.offer_id = r.offer_id order by l.name, l.id limit 1),
       (select name from organization where id = r.owner_org_id),
       (select name from team where id = r.team_id)) as place
       from referral r where r.id = $1`,
    [id],
  );
  return (row?.place ?? '').slice(0, 300);
}

/**
 * Active referrals with an appointment on `day` (YYYY-MM-DD, Copenhagen time): the reminders'
 * work list, in the transaction's municipality.
 */
export async function appointmentsOn(q: Queryable, day: string): Promise<ReferralRow[]> {
  return q.query<ReferralRow>(
    `select ${columns} from ${from}
      where r.appointment_at is not null
        and (r.appointment_at at time zone 'Europe/Copenhagen')::date = $1::date
        and r.status in ('accepted', 'in-progress')
      order by r.appointment_at, r.id`,
    [day],
  );
}

/**
 * Acts as the system in a transaction another domain opened (a citizen's reply link, bound to
 * the municipality): the referral policies admit the system. Returns a function that puts the
 * role back as it was.
 */
export async function actAsSystem(q: Queryable, kommune: string): Promise<() => Promise<void>> {
  const before = await one<{ role: string | null; kommune: string | null }>(
    q,
    `select current_setting('lighed.staff_role', true) as role,
            current_setting('lighed.kommune', true) as kommune`,
  );
  await q.query(
    `select set_config('lighed.staff_role', 'system', true), set_config('lighed.kommune', $1, true)`,
    [kommune],
  );
  return async () => {
    await q.query(
      `select set_config('lighed.staff_role', $1, true), set_config('lighed.kommune', $2, true)`,
      [before?.role ?? '', before?.kommune ?? ''],
    );
  };
}

/** The municipality's first host name, for links in e-mails. */
export async function tenantHost(q: Queryable, kommune: string): Promise<string | null> {
  const row = await one<{ host: string | null }>(
    q,
    'select hostnames[1] as host from tenant where kommune = $1',
    [kommune],
  );
  return row?.host ?? null;
}

// ---- the citizen's insight and erasure ------------------------------------------------------------

/** Every referral about one citizen (as far as the scope sees), oldest first. */
export async function referralsOfCitizen(q: Queryable, citizenId: string): Promise<ReferralRow[]> {
  return q.query<ReferralRow>(
    `select ${columns} from ${from} where r.citizen_id = $1 order by r.created_at, r.id`,
    [citizenId],
  );
}

/**
 * Deletes the citizen's referrals except those in `keep` statuses (an active one that appeared
 * since the check then stops the citizen's deletion on its foreign key instead of vanishing);
 * their history and sessions go with them (on delete cascade).
 */
export async function deleteReferralsOfCitizen(
  q: Queryable,
  citizenId: string,
  keep: readonly ReferralStatus[],
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'delete from referral where citizen_id = $1 and status <> all($2::text[]) returning id',
    [citizenId, keep],
  );
  return rows.map((r) => r.id);
}
