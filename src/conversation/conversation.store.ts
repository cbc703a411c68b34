/**
 * Storage of health conversations. Every call runs inside `inTeam`, so row-level security
 * (0005_conversation.sql) limits it to the worker's team, or the whole municipality for an
 * admin, whatever the SQL says. Routes audit each read and write (audit.store.ts).
 */
import { inTenant, one, type Db, type Queryable } from '../db/db.ts';
import type { Arena, Offer, TimeOfDay } from '../catalog/index.ts';
import type { UiLanguage } from '../web/languages.ts';
import type { Answers } from './instrument.ts';
import type { ConversationAnswers } from './flow.ts';
import type { SupportLevel } from './profile.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import {
  INSTRUMENT_SETS,
  instrumentsOfSet,
  switchedOff,
  type InstrumentSet,
  type InstrumentSwitch,
} from './instruments/sets.ts';
import type { Instrument } from './instrument.ts';
import type { MatchReason } from './matching.ts';

/** Bumped whenever the consent text (conversation.consent.*) changes; stored with the consent. */
export const CONVERSATION_CONSENT_VERSION = 'conversation-consent-2026-11';

/** How long a conversation is kept, as the consent text promises. */
export const CONVERSATION_RETENTION = {
  /** A named conversation: a year after its last change. */
  namedDays: 365,
  /** An anonymous conversation lives for the day only: long enough to finish and print. */
  anonymousHours: 24,
} as const;

export interface Availability {
  days: number[];
  times: TimeOfDay[];
}

export interface Conversation {
  id: string;
  kommune: string;
  team_id: string;
  team_name: string;
  worker_id: string | null;
  worker_name: string | null;
  anonymous: boolean;
  citizen_name: string | null;
  birth_year: number | null;
  sex: 'female' | 'male' | null;
  postcode: string | null;
  consent_version: string | null;
  consented_at: Date | null;
  language: UiLanguage;
  interpreter_needed: boolean;
  arena: Arena;
  brings_children: boolean;
  availability: Availability;
  instruments: string[];
  answers: ConversationAnswers;
  step: number;
  status: 'in_progress' | 'paused' | 'finished';
  support_override: SupportLevel | null;
  support_note: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  delete_after: Date;
  /** The citizen record (people/) it points to: set when booked from a referral. */
  citizen_id?: string | null;
}

export interface TeamStaff {
  id: string;
  kommune: string;
  role: string;
  team_id: string | null;
}

/**
 * A transaction bound to the municipality, the staff member's team and role: the policies on
 * conversation read these settings. The system (retention, CLI) passes role 'system'.
 */
export async function inTeam<T>(
  db: Db,
  staff: TeamStaff,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return inTenant(db, staff.kommune, async (tx) => {
    await tx.query(
      `select set_config('lighed.team', $1, true), set_config('lighed.staff_role', $2, true)`,
      [staff.team_id ?? '', staff.role],
    );
    return fn(tx);
  });
}

export const systemStaff = (kommune: string): TeamStaff => ({
  id: '',
  kommune,
  role: 'system',
  team_id: null,
});

const columns = `c.id, c.kommune, c.team_id, t.name as team_name, c.worker_id, u.name as worker_name, c.anonymous,
  c.citizen_name, c.birth_year, c.sex, c.postcode, c.consent_version, c.consented_at, c.language,
  c.interpreter_needed, c.arena, c.brings_children, c.availability, c.instruments, c.answers, c.step, c.status,
  c.support_override, c.support_note, c.created_at, c.updated_at, c.finished_at, c.delete_after, c.citizen_id`;
const from =
  'conversation c join team t on t.id = c.team_id left join staff_user u on u.id = c.worker_id';

/** The next deletion date after a change (named) or from the start (anonymous). */
const deleteAfterSql = (anonymous: string) =>
  `now() + case when ${anonymous} then make_interval(hours => ${CONVERSATION_RETENTION.anonymousHours})
               else make_interval(days => ${CONVERSATION_RETENTION.namedDays}) end`;

export type NewConversation = Pick<
  Conversation,
  | 'anonymous'
  | 'citizen_name'
  | 'birth_year'
  | 'sex'
  | 'postcode'
  | 'language'
  | 'interpreter_needed'
  | 'arena'
  | 'brings_children'
  | 'availability'
  | 'instruments'
> & { citizen_id?: string | null };

export async function createConversation(
  q: Queryable,
  staff: TeamStaff,
  c: NewConversation,
): Promise<string> {
  if (!staff.team_id) throw new Error('a conversation needs the worker’s team');
  const row = await one<{ id: string }>(
    q,
    `insert into conversation (kommune, team_id, worker_id, anonymous, citizen_name, birth_year, sex, postcode,
                               consent_version, consented_at, language, interpreter_needed, arena, brings_children,
                               availability, instruments, delete_after, citizen_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, case when $4 then null else $9 end, case when $4 then null else now() end,
             $10, $11, $12, $13, $14, $15, ${deleteAfterSql('$4')}, case when $4 then null else $16::uuid end) returning id`,
    [
      staff.kommune,
      staff.team_id,
      // No worker yet when booked from a referral's intake queue.
      staff.id || null,
      c.anonymous,
      c.citizen_name,
      c.birth_year,
      c.sex,
      c.postcode,
      CONVERSATION_CONSENT_VERSION,
      c.language,
      c.interpreter_needed,
      c.arena,
      c.brings_children,
      JSON.stringify(c.availability),
      c.instruments,
      c.citizen_id ?? null,
    ],
  );
  return row!.id;
}

export async function getConversation(q: Queryable, id: string): Promise<Conversation | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  // Past its date it is gone, even before the daily purge removes the row.
  return one<Conversation>(
    q,
    `select ${columns} from ${from} where c.id = $1 and c.delete_after > now()`,
    [id],
  );
}

export interface ConversationListRow {
  id: string;
  anonymous: boolean;
  citizen_name: string | null;
  status: Conversation['status'];
  step: number;
  steps: number;
  worker_name: string | null;
  updated_at: Date;
}

export async function listConversations(q: Queryable): Promise<ConversationListRow[]> {
  return q.query<ConversationListRow>(
    `select c.id, c.anonymous, c.citizen_name, c.status, c.step, cardinality(c.instruments) as steps,
            u.name as worker_name, c.updated_at
       from conversation c left join staff_user u on u.id = c.worker_id
      where c.delete_after > now()
      order by c.status = 'finished', c.updated_at desc limit 200`,
  );
}

/** Saves one instrument's answers and where the form stands; pushes the deletion date on. */
export async function saveAnswers(
  q: Queryable,
  id: string,
  instrumentId: string,
  answers: Answers,
  step: number,
  status: Conversation['status'],
): Promise<void> {
  await q.query(
    `update conversation set answers = jsonb_set(answers, array[$2::text], $3::jsonb), step = $4,
            status = $5, finished_at = case when $5 = 'finished' then coalesce(finished_at, now()) else finished_at end,
            updated_at = now(), delete_after = case when anonymous then delete_after else ${deleteAfterSql('false')} end
      where id = $1`,
    [id, instrumentId, JSON.stringify(answers), step, status],
  );
}

export async function setSupportOverride(
  q: Queryable,
  id: string,
  level: SupportLevel | null,
  note: string | null,
): Promise<void> {
  await q.query('update conversation set support_override = $2, support_note = $3 where id = $1', [
    id,
    level,
    note,
  ]);
  await touch(q, id);
}

/** A change: the named conversation's year starts again (the consent says "after the last change"). */
export async function touch(q: Queryable, id: string): Promise<void> {
  await q.query(
    `update conversation set updated_at = now(), delete_after = case when anonymous then delete_after else ${deleteAfterSql('false')} end where id = $1`,
    [id],
  );
}

export async function deleteConversation(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('delete from conversation where id = $1 returning id', [id]);
  return rows.length > 0;
}

/** The conversations that point to a citizen record (people/), oldest first, expired ones too. */
export async function conversationsOfCitizen(
  q: Queryable,
  citizenId: string,
): Promise<Conversation[]> {
  return q.query<Conversation>(
    `select ${columns} from ${from} where c.citizen_id = $1 order by c.created_at, c.id`,
    [citizenId],
  );
}

/** Deletes the conversations that point to a citizen record; their ids. */
export async function deleteConversationsOfCitizen(
  q: Queryable,
  citizenId: string,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'delete from conversation where citizen_id = $1 returning id',
    [citizenId],
  );
  return rows.map((r) => r.id);
}

// ---- saved offers -----------------------------------------------------------------------------

export interface SavedOffer {
  offer_id: string;
  kommune: string;
  title: string;
  summary: string;
  translations: Offer['translations'];
  contact_name: string;
  contact_phone: string;
  reasons: MatchReason[];
  signup_id: string | null;
  receipt_code: string | null;
}

export async function saveOffer(
  q: Queryable,
  c: Pick<Conversation, 'id' | 'kommune'>,
  offerId: string,
  reasons: MatchReason[],
): Promise<void> {
  await q.query(
    `insert into conversation_offer (conversation_id, kommune, offer_id, reasons) values ($1, $2, $3, $4)
     on conflict (conversation_id, offer_id) do update set reasons = excluded.reasons`,
    [c.id, c.kommune, offerId, JSON.stringify(reasons)],
  );
}

export async function removeOffer(
  q: Queryable,
  conversationId: string,
  offerId: string,
): Promise<void> {
  await q.query(
    'delete from conversation_offer where conversation_id = $1 and offer_id = $2 and signup_id is null',
    [conversationId, offerId],
  );
}

export async function savedOffers(q: Queryable, conversationId: string): Promise<SavedOffer[]> {
  // The sign-up may belong to another municipality's offer: its receipt is read through
  // the link only, never the sign-up's personal data.
  return q.query<SavedOffer>(
    `select co.offer_id, o.kommune, o.title, o.summary, o.translations, o.contact_name, o.contact_phone, co.reasons, co.signup_id, null::text as receipt_code
       from conversation_offer co join published_offer o on o.id = co.offer_id
      where co.conversation_id = $1 order by co.created_at`,
    [conversationId],
  );
}

export async function linkSignup(
  q: Queryable,
  conversationId: string,
  offerId: string,
  signupId: string,
): Promise<void> {
  await q.query(
    'update conversation_offer set signup_id = $3 where conversation_id = $1 and offer_id = $2',
    [conversationId, offerId, signupId],
  );
}

// ---- settings ---------------------------------------------------------------------------------

/** Instruments the municipality has switched off (opt-in ones until switched on, sets.ts). */
export async function disabledInstruments(q: Queryable): Promise<Set<string>> {
  const rows = await q.query<InstrumentSwitch>(
    'select instrument_id, enabled from instrument_setting',
  );
  return switchedOff(rows);
}

/** The set's instruments the municipality has on, in the set's order; the general set by default. */
export async function enabledInstruments(
  q: Queryable,
  set: InstrumentSet = INSTRUMENT_SETS[0]!,
): Promise<Instrument[]> {
  return instrumentsOfSet(set, await disabledInstruments(q), INSTRUMENTS);
}

export async function setInstrumentsEnabled(
  q: Queryable,
  kommune: string,
  enabled: ReadonlySet<string>,
  by: string,
): Promise<void> {
  for (const inst of INSTRUMENTS) {
    await q.query(
      `insert into instrument_setting (kommune, instrument_id, enabled, updated_by) values ($1, $2, $3, $4)
       on conflict (kommune, instrument_id) do update set enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = now()`,
      [kommune, inst.id, enabled.has(inst.id), by],
    );
  }
}

export async function loadWeightsJson(q: Queryable): Promise<unknown> {
  return (
    (await one<{ weights: unknown }>(q, 'select weights from matching_setting'))?.weights ?? null
  );
}

export async function saveWeightsJson(
  q: Queryable,
  kommune: string,
  weights: unknown,
  by: string,
): Promise<void> {
  await q.query(
    `insert into matching_setting (kommune, weights, updated_by) values ($1, $2, $3)
     on conflict (kommune) do update set weights = excluded.weights, updated_by = excluded.updated_by, updated_at = now()`,
    [kommune, JSON.stringify(weights), by],
  );
}

// ---- retention --------------------------------------------------------------------------------

/** Deletes conversations past their date, per municipality, and audits each deletion. */
export async function purgeExpiredConversations(
  db: Db,
  audit: (q: Queryable, kommune: string, ids: string[]) => Promise<void>,
): Promise<number> {
  const tenants = await db.query<{ kommune: string }>('select kommune from tenant');
  let total = 0;
  for (const { kommune } of tenants) {
    total += await inTeam(db, systemStaff(kommune), async (tx) => {
      const gone = await tx.query<{ id: string }>(
        'delete from conversation where delete_after < now() returning id',
      );
      await audit(
        tx,
        kommune,
        gone.map((g) => g.id),
      );
      return gone.length;
    });
  }
  return total;
}
