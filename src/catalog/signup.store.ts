import { one, type Queryable } from '../db/db.ts';
import { CONSENT_VERSION, receiptCode, type ContactChannel, type SignupInput } from './signup.ts';
import type { CancelRow } from './signup-cancel.ts';

export interface SignupRow extends SignupInput {
  id: string;
  offer_id: string;
  offer_title: string;
  receipt_code: string;
  status: 'new' | 'contacted' | 'attending' | 'cancelled';
  created_at: Date;
  /** When the sign-up was cancelled (by the receipt's or a message's link, or the provider). */
  cancelled_at: Date | null;
  cancelled_by: 'citizen' | 'provider' | null;
  /** The citizen confirmed by a message's reply link that they are coming. */
  confirmed_at: Date | null;
  /** The citizen asked for a new time by a message's reply link. */
  new_time_requested_at: Date | null;
  /** The check constraint (0020) holds these to the known channels. */
  contact_channels: ContactChannel[];
}

export async function createSignup(
  q: Queryable,
  kommune: string,
  offerId: string,
  /** `notice_language`: what messages to the citizen are written in (Danish when left out). */
  input: SignupInput & { notice_language?: string },
  cancel?: { hash: string; expiresAt: Date },
  /** The citizen record (people/) the sign-up points to, in the same municipality. */
  citizenId: string | null = null,
): Promise<{ id: string; receipt_code: string }> {
  const row = await one<{ id: string; receipt_code: string }>(
    q,
    `insert into signup (kommune, offer_id, name, phone, email, preferred_language, needs_interpreter, message,
                         consent_version, consented_at, receipt_code, cancel_token_hash, cancel_expires_at,
                         citizen_id, contact_channels, notice_language)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11, $12, $13, $14, $15)
     returning id, receipt_code`,
    [
      kommune,
      offerId,
      input.name,
      input.phone,
      input.email,
      input.preferred_language,
      input.needs_interpreter,
      input.message,
      CONSENT_VERSION,
      receiptCode(),
      cancel?.hash ?? null,
      cancel?.expiresAt.toISOString() ?? null,
      citizenId,
      input.contact_channels ?? [],
      input.notice_language ?? 'da',
    ],
  );
  if (!row) throw new Error('sign-up not stored');
  return row;
}

/** Sign-ups a staff member may see: a provider its organisation's offers', an admin all. */
export async function listSignups(
  q: Queryable,
  organizationId: string | null,
): Promise<SignupRow[]> {
  return q.query<SignupRow>(
    `select s.id, s.offer_id, o.title as offer_title, s.name, s.phone, s.email, s.preferred_language,
            s.needs_interpreter, s.message, s.receipt_code, s.status, s.created_at, s.cancelled_at,
            ${replyColumns}
       from signup s join offer o on o.id = s.offer_id
      where ($1::uuid is null or o.organization_id = $1)
      order by s.created_at desc limit 500`,
    [organizationId],
  );
}

const replyColumns = `s.cancelled_by, s.confirmed_at, s.new_time_requested_at, s.contact_channels`;

/** One sign-up a staff member may see (as listSignups), or null. */
export async function getSignupForStaff(
  q: Queryable,
  id: string,
  organizationId: string | null,
): Promise<SignupRow | null> {
  const [row] = await q.query<SignupRow>(
    `select s.id, s.offer_id, o.title as offer_title, s.name, s.phone, s.email, s.preferred_language,
            s.needs_interpreter, s.message, s.receipt_code, s.status, s.created_at, s.cancelled_at,
            ${replyColumns}
       from signup s join offer o on o.id = s.offer_id
      where s.id = $1 and ($2::uuid is null or o.organization_id = $2)`,
    [id, organizationId],
  );
  return row ?? null;
}

/** What a confirmation or reminder needs of a sign-up: its address, channels and language. */
export interface SignupContactRow {
  id: string;
  offer_id: string;
  email: string;
  phone: string;
  contact_channels: string[];
  notice_language: string;
}

/**
 * The tenant's sign-ups that may get a reminder for `date` ('YYYY-MM-DD', ISO weekday
 * `weekday`): not cancelled, with a channel, not waiting for the new time they asked for
 * since `quietSince`, for a published offer with a schedule on that weekday valid that day.
 * Whether the offer really meets that day (every other week) is the caller's rule
 * (signup-notices.ts sessionOn).
 */
export async function reminderCandidates(
  q: Queryable,
  date: string,
  weekday: number,
  quietSince: Date,
): Promise<SignupContactRow[]> {
  return q.query<SignupContactRow>(
    `select s.id, s.offer_id, s.email, s.phone, s.contact_channels, s.notice_language
       from signup s join offer o on o.id = s.offer_id
      where s.status <> 'cancelled' and s.contact_channels <> '{}' and o.status = 'published'
        and (s.new_time_requested_at is null or s.new_time_requested_at < $3
             or s.confirmed_at > s.new_time_requested_at)
        and exists (select 1 from schedule sc
                     where sc.offer_id = s.offer_id and sc.weekday = $2
                       and (sc.valid_from is null or sc.valid_from <= $1::date)
                       and (sc.valid_to is null or sc.valid_to >= $1::date))
      order by s.offer_id, s.id`,
    [date, weekday, quietSince.toISOString()],
  );
}

/** A sign-up as a reply link sees it: its offer and whether it is still open. */
export interface SignupReplyRow {
  id: string;
  offer_id: string;
  status: SignupRow['status'];
}

export async function signupForReply(q: Queryable, id: string): Promise<SignupReplyRow | null> {
  const [row] = await q.query<SignupReplyRow>(
    'select id, offer_id, status from signup where id = $1',
    [id],
  );
  return row ?? null;
}

/**
 * The citizen's answer by a reply link, on a sign-up not cancelled: confirm (they are coming),
 * cancel (by the citizen), or new_time (asked for another time; the sign-up stays). One
 * statement each, so the check and the change cannot be split. True when it changed.
 */
export async function applySignupReply(
  q: Queryable,
  id: string,
  choice: 'confirm' | 'cancel' | 'new_time',
  at: Date,
): Promise<boolean> {
  const set = {
    confirm: 'confirmed_at = $2',
    cancel: `status = 'cancelled', cancelled_by = 'citizen', cancelled_at = $2`,
    new_time: 'new_time_requested_at = $2',
  }[choice];
  const rows = await q.query(
    `update signup set ${set} where id = $1 and status <> 'cancelled' returning id`,
    [id, at.toISOString()],
  );
  return rows.length > 0;
}

/** A sign-up that points to a citizen record, with its offer's title. */
export interface CitizenSignupRow extends SignupRow {
  consent_version: string;
  consented_at: Date;
}

/** The sign-ups that point to a citizen record (people/), oldest first. */
export async function signupsOfCitizen(
  q: Queryable,
  citizenId: string,
): Promise<CitizenSignupRow[]> {
  return q.query<CitizenSignupRow>(
    `select s.id, s.offer_id, coalesce(o.title, '') as offer_title, s.name, s.phone, s.email,
            s.preferred_language, s.needs_interpreter, s.message, s.receipt_code, s.status,
            s.created_at, s.cancelled_at, s.consent_version, s.consented_at, ${replyColumns}
       from signup s left join offer o on o.id = s.offer_id
      where s.citizen_id = $1 order by s.created_at, s.id`,
    [citizenId],
  );
}

/** Deletes the sign-ups that point to a citizen record; their ids. */
export async function deleteSignupsOfCitizen(q: Queryable, citizenId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'delete from signup where citizen_id = $1 returning id',
    [citizenId],
  );
  return rows.map((r) => r.id);
}

export interface SignupByCancelLink extends CancelRow {
  id: string;
  receipt_code: string;
}

/** The sign-up of `offerId` whose cancel link has this token hash, if any. */
export async function findSignupByCancelHash(
  q: Queryable,
  offerId: string,
  hash: string,
): Promise<SignupByCancelLink | null> {
  const [row] = await q.query<SignupByCancelLink>(
    `select id, receipt_code, status, cancel_expires_at, cancelled_at
       from signup where cancel_token_hash = $1 and offer_id = $2`,
    [hash, offerId],
  );
  return row ?? null;
}

/**
 * Cancels the sign-up whose link has this token hash, if it still may be: not cancelled and
 * not expired. The check and the change are one statement, so a link works exactly once
 * even when clicked twice at the same time. Returns the sign-up's id, or null.
 */
export async function cancelSignupByHash(
  q: Queryable,
  offerId: string,
  hash: string,
  now: Date,
): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(
    `update signup set status = 'cancelled', cancelled_at = $3, cancelled_by = 'citizen'
      where cancel_token_hash = $1 and offer_id = $2 and cancelled_at is null
        and status <> 'cancelled' and cancel_expires_at > $3
      returning id`,
    [hash, offerId, now.toISOString()],
  );
  return row?.id ?? null;
}

export async function createErrorReport(
  q: Queryable,
  kommune: string,
  offerId: string,
  message: string,
  reporterEmail: string,
): Promise<string> {
  const row = await one<{ id: string }>(
    q,
    `insert into error_report (kommune, offer_id, message, reporter_email) values ($1, $2, $3, $4) returning id`,
    [kommune, offerId, message, reporterEmail],
  );
  return row!.id;
}

export interface ErrorReportRow {
  id: string;
  offer_id: string;
  offer_title: string;
  message: string;
  reporter_email: string;
  status: string;
  created_at: Date;
}

export async function listErrorReports(
  q: Queryable,
  organizationId: string | null,
): Promise<ErrorReportRow[]> {
  return q.query<ErrorReportRow>(
    `select r.id, r.offer_id, o.title as offer_title, r.message, r.reporter_email, r.status, r.created_at
       from error_report r join offer o on o.id = r.offer_id
      where ($1::uuid is null or o.organization_id = $1)
      order by r.created_at desc limit 200`,
    [organizationId],
  );
}

/** Deletes a sign-up on the citizen's request; a provider only for its own offers. */
export async function deleteSignup(
  q: Queryable,
  id: string,
  organizationId: string | null,
): Promise<boolean> {
  const rows = await q.query(
    `delete from signup s using offer o
      where s.id = $1 and o.id = s.offer_id and ($2::uuid is null or o.organization_id = $2)
      returning s.id`,
    [id, organizationId],
  );
  return rows.length > 0;
}

/**
 * Deletes the tenant's sign-ups past their retention: older than `maxDays`, or of an offer
 * retired more than `afterRetiredDays` ago. Returns the deleted ids, for the audit log.
 */
export async function deleteExpiredSignups(
  q: Queryable,
  now: Date,
  retention: { maxDays: number; afterRetiredDays: number },
): Promise<string[]> {
  const gone = await q.query<{ id: string }>(
    `delete from signup s using offer o
      where o.id = s.offer_id
        and (s.created_at < $1::timestamptz - make_interval(days => $2)
             or (o.status = 'retired' and o.updated_at < $1::timestamptz - make_interval(days => $3)))
      returning s.id`,
    [now.toISOString(), retention.maxDays, retention.afterRetiredDays],
  );
  return gone.map((g) => g.id);
}
