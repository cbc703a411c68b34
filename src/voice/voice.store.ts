/**
 * The citizens' voice in SQL (migration 0028). Every function runs in a transaction bound to
 * the municipality (inTenant); panel members also need the staff role bound (`bindRole`),
 * which their row-level security reads.
 */
import type { Queryable } from '../db/db.ts';
import type { Barrier, JoinChannel, PanelKind, PanelStatus, SuggestionStatus } from './voice.ts';
import type { FeedbackRow } from './summary.ts';

/** Binds the acting role for row-level security (panels: planner, admin or system). */
export async function bindRole(q: Queryable, role: string): Promise<void> {
  await q.query(`select set_config('lighed.staff_role', $1, true)`, [role]);
}

// --- feedback --------------------------------------------------------------------------------

export async function insertFeedback(
  q: Queryable,
  f: {
    kommune: string;
    offerId: string;
    rating: number;
    barriers: readonly Barrier[];
    comment: string;
    month: string;
  },
): Promise<void> {
  await q.query(
    `insert into voice_feedback (kommune, offer_id, rating, barriers, comment, received_month)
     values ($1, $2, $3, $4::text[], $5, $6::date)`,
    [f.kommune, f.offerId, f.rating, [...f.barriers], f.comment, f.month],
  );
}

/** Feedback from `from` to `to` (months, inclusive), with its offer; a provider's only. */
export async function feedbackRows(
  q: Queryable,
  p: { from: string; to: string; organizationId?: string | null },
): Promise<FeedbackRow[]> {
  const rows = await q.query<{
    offer_id: string;
    title: string;
    arena: string;
    rating: number;
    barriers: string[];
    comment: string;
  }>(
    `select f.offer_id, o.title, o.arena, f.rating, f.barriers, f.comment
       from voice_feedback f join offer o on o.id = f.offer_id
      where f.received_month between $1::date and $2::date
        and ($3::uuid is null or o.organization_id = $3::uuid)`,
    [`${p.from}-01`, `${p.to}-01`, p.organizationId ?? null],
  );
  return rows.map((r) => ({
    offerId: r.offer_id,
    offerTitle: r.title,
    arena: r.arena,
    rating: Number(r.rating),
    barriers: r.barriers,
    comment: r.comment,
  }));
}

/** Whether the municipality has any feedback (the demo seeds once). */
export async function hasFeedback(q: Queryable): Promise<boolean> {
  const rows = await q.query('select 1 from voice_feedback limit 1');
  return rows.length > 0;
}

// --- suggestions -----------------------------------------------------------------------------

export interface SuggestionRecord {
  id: string;
  what: string;
  place: string;
  for_whom: string;
  received_month: string;
  status: SuggestionStatus;
  tags: string[];
  answer: string;
  published: boolean;
  answered_at: string | null;
  version: number;
}

const suggestionColumns = `id, what, place, for_whom, to_char(received_month, 'YYYY-MM') as received_month,
  status, tags, answer, published, to_char(answered_at, 'YYYY-MM-DD') as answered_at, version`;

export async function insertSuggestion(
  q: Queryable,
  s: { kommune: string; what: string; place: string; forWhom: string; month: string },
): Promise<void> {
  await q.query(
    `insert into voice_suggestion (kommune, what, place, for_whom, received_month)
     values ($1, $2, $3, $4, $5::date)`,
    [s.kommune, s.what, s.place, s.forWhom, s.month],
  );
}

export async function listSuggestions(
  q: Queryable,
  filter: { status?: SuggestionStatus | undefined; publishedOnly?: boolean } = {},
): Promise<SuggestionRecord[]> {
  return q.query<SuggestionRecord>(
    `select ${suggestionColumns} from voice_suggestion
      where ($1::text is null or status = $1) and (not $2 or published)
      order by received_month desc, status, id`,
    [filter.status ?? null, filter.publishedOnly ?? false],
  );
}

export async function getSuggestion(q: Queryable, id: string): Promise<SuggestionRecord | null> {
  const [row] = await q.query<SuggestionRecord>(
    `select ${suggestionColumns} from voice_suggestion where id = $1`,
    [id],
  );
  return row ?? null;
}

/** Saves a planner's handling; false when someone else saved first (version). */
export async function updateSuggestion(
  q: Queryable,
  id: string,
  e: {
    status: SuggestionStatus;
    tags: readonly string[];
    answer: string;
    published: boolean;
    version: number;
    today: string;
  },
): Promise<boolean> {
  const rows = await q.query(
    `update voice_suggestion
        set status = $2, tags = $3::text[], answer = $4, published = $5,
            answered_at = case when $4 = '' then null
                               when answer is distinct from $4 then $7::date
                               else answered_at end,
            version = version + 1
      where id = $1 and version = $6
      returning id`,
    [id, e.status, [...e.tags], e.answer, e.published, e.version, e.today],
  );
  return rows.length === 1;
}

// --- panels ----------------------------------------------------------------------------------

export interface PanelRecord {
  id: string;
  name: string;
  kind: PanelKind;
  purpose: string;
  status: PanelStatus;
  closed_at: string | null;
  members: number;
  version: number;
}

export async function insertPanel(
  q: Queryable,
  p: { kommune: string; name: string; kind: PanelKind; purpose: string; createdBy: string | null },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into voice_panel (kommune, name, kind, purpose, created_by)
     values ($1, $2, $3, $4, $5) returning id`,
    [p.kommune, p.name, p.kind, p.purpose, p.createdBy],
  );
  return row!.id;
}

const panelColumns = `p.id, p.name, p.kind, p.purpose, p.status,
  to_char(p.closed_at, 'YYYY-MM-DD') as closed_at, p.version`;

/** Panels with their member counts (needs a planner's role bound). */
export async function listPanels(q: Queryable): Promise<PanelRecord[]> {
  const rows = await q.query<PanelRecord>(
    `select ${panelColumns}, (select count(*) from voice_panel_member m where m.panel_id = p.id)::int as members
       from voice_panel p order by p.status = 'closed', p.created_at desc`,
  );
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

/** One panel; its member count is 0 unless a planner's role is bound. */
export async function getPanel(q: Queryable, id: string): Promise<PanelRecord | null> {
  const [row] = await q.query<PanelRecord>(
    `select ${panelColumns}, (select count(*) from voice_panel_member m where m.panel_id = p.id)::int as members
       from voice_panel p where p.id = $1`,
    [id],
  );
  return row ? { ...row, members: Number(row.members) } : null;
}

export async function setPanelStatus(
  q: Queryable,
  id: string,
  status: PanelStatus,
  version: number,
  today: string,
): Promise<boolean> {
  const rows = await q.query(
    `update voice_panel set status = $2, version = version + 1,
            closed_at = case when $2 = 'closed' then coalesce(closed_at, $4::date) else null end
      where id = $1 and version = $3 returning id`,
    [id, status, version, today],
  );
  return rows.length === 1;
}

/** Members of a closed panel go six months after it closed (retention, voice.ts). */
export async function shortenRetention(q: Queryable, panelId: string, until: string) {
  await q.query(
    `update voice_panel_member set retain_until = least(retain_until, $2::date) where panel_id = $1`,
    [panelId, until],
  );
}

export interface MemberRecord {
  id: string;
  name: string;
  email: string;
  phone: string;
  channels: JoinChannel[];
  language: string;
  education: string | null;
  labour: string | null;
  born_dk: string | null;
  age_group: string | null;
  consent_at: Date;
  retain_until: string;
}

/** A citizen adds herself: no `returning`, which would need a read she is not allowed. */
export async function insertMember(
  q: Queryable,
  m: {
    id: string;
    kommune: string;
    panelId: string;
    name: string;
    email: string;
    phone: string;
    channels: readonly JoinChannel[];
    language: string;
    categories: Record<'education' | 'labour' | 'born_dk' | 'age_group', string | null>;
    consentAt: Date;
    consentText: string;
    retainUntil: string;
  },
): Promise<void> {
  await q.query(
    `insert into voice_panel_member (id, kommune, panel_id, name, email, phone, channels, language,
        education, labour, born_dk, age_group, consent_at, consent_text, retain_until)
     values ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, $13, $14, $15::date)`,
    [
      m.id,
      m.kommune,
      m.panelId,
      m.name,
      m.email,
      m.phone,
      [...m.channels],
      m.language,
      m.categories.education,
      m.categories.labour,
      m.categories.born_dk,
      m.categories.age_group,
      m.consentAt,
      m.consentText,
      m.retainUntil,
    ],
  );
}

export async function listMembers(q: Queryable, panelId: string): Promise<MemberRecord[]> {
  return q.query<MemberRecord>(
    `select id, name, email, phone, channels, language, education, labour, born_dk, age_group,
            consent_at, to_char(retain_until, 'YYYY-MM-DD') as retain_until
       from voice_panel_member where panel_id = $1 order by name, id`,
    [panelId],
  );
}

export async function deleteMember(q: Queryable, panelId: string, id: string): Promise<boolean> {
  const rows = await q.query(
    `delete from voice_panel_member where panel_id = $1 and id = $2 returning id`,
    [panelId, id],
  );
  return rows.length === 1;
}

export async function insertInvitation(
  q: Queryable,
  i: {
    kommune: string;
    panelId: string;
    startsAt: Date;
    place: string;
    address: string;
    contact: string;
    sent: number;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into voice_panel_invitation (kommune, panel_id, starts_at, place, address, contact, sent, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [i.kommune, i.panelId, i.startsAt, i.place, i.address, i.contact, i.sent, i.createdBy],
  );
  return row!.id;
}

export async function setInvitationSent(q: Queryable, id: string, sent: number): Promise<void> {
  await q.query(`update voice_panel_invitation set sent = $2 where id = $1`, [id, sent]);
}

export async function listInvitations(
  q: Queryable,
  panelId: string,
): Promise<{ id: string; starts_at: Date; place: string; sent: number }[]> {
  return q.query(
    `select id, starts_at, place, sent from voice_panel_invitation
      where panel_id = $1 order by starts_at desc`,
    [panelId],
  );
}

// --- retention -------------------------------------------------------------------------------

/** Deletes members past their retention date; returns their ids (for the audit). */
export async function deleteExpiredMembers(q: Queryable, today: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `delete from voice_panel_member where retain_until <= $1::date returning id`,
    [today],
  );
  return rows.map((r) => r.id);
}

/** Deletes feedback and suggestions filed before `month` ('YYYY-MM-01'). */
export async function deleteOldResponses(q: Queryable, month: string): Promise<number> {
  const a = await q.query(
    `delete from voice_feedback where received_month < $1::date returning id`,
    [month],
  );
  const b = await q.query(
    `delete from voice_suggestion where received_month < $1::date returning id`,
    [month],
  );
  return a.length + b.length;
}
