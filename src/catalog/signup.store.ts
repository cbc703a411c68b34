import { one, type Queryable } from '../db/db.ts';
import { CONSENT_VERSION, receiptCode, type SignupInput } from './signup.ts';
import type { CancelRow } from './signup-cancel.ts';

export interface SignupRow extends SignupInput {
  id: string;
  offer_id: string;
  offer_title: string;
  receipt_code: string;
  status: 'new' | 'contacted' | 'attending' | 'cancelled';
  created_at: Date;
  /** When the citizen cancelled through the receipt's link. */
  cancelled_at: Date | null;
}

export async function createSignup(
  q: Queryable,
  kommune: string,
  offerId: string,
  input: SignupInput,
  cancel?: { hash: string; expiresAt: Date },
  /** The citizen record (people/) the sign-up points to, in the same municipality. */
  citizenId: string | null = null,
): Promise<{ id: string; receipt_code: string }> {
  const row = await one<{ id: string; receipt_code: string }>(
    q,
    `insert into signup (kommune, offer_id, name, phone, email, preferred_language, needs_interpreter, message,
                         consent_version, consented_at, receipt_code, cancel_token_hash, cancel_expires_at,
                         citizen_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11, $12, $13) returning id, receipt_code`,
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
            s.needs_interpreter, s.message, s.receipt_code, s.status, s.created_at, s.cancelled_at
       from signup s join offer o on o.id = s.offer_id
      where ($1::uuid is null or o.organization_id = $1)
      order by s.created_at desc limit 500`,
    [organizationId],
  );
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
            s.created_at, s.cancelled_at, s.consent_version, s.consented_at
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
    `update signup set status = 'cancelled', cancelled_at = $3
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
