/**
 * The outreach lane's SQL (0022_outreach.sql). Every call runs in a transaction whose scope
 * (municipality and role) row-level security reads; citizens' names come through the citizen
 * policy, which lets an outreach worker see those with an open case.
 */
import { one, type Queryable } from '../db/db.ts';
import type { AttemptMethod, OutreachEvent, OutreachOutcome, OutreachRule } from './rules.ts';

export async function ruleRows(
  q: Queryable,
): Promise<{ event: string; enabled: boolean; threshold: number; updated_at: Date }[]> {
  return q.query(
    `select event, enabled, threshold, updated_at from outreach_rule where kommune = lighed_kommune()`,
  );
}

export async function saveRules(
  q: Queryable,
  kommune: string,
  rules: readonly OutreachRule[],
): Promise<void> {
  for (const r of rules)
    await q.query(
      `insert into outreach_rule (kommune, event, enabled, threshold) values ($1, $2, $3, $4)
       on conflict (kommune, event) do update
         set enabled = excluded.enabled, threshold = excluded.threshold, updated_at = now()`,
      [kommune, r.event, r.enabled, r.threshold],
    );
}

export interface KnownReasonRow {
  citizen_id: string;
  status: 'open' | 'closed';
  event: string;
  referral_id: string | null;
  signup_id: string | null;
}

export async function knownReasons(q: Queryable): Promise<KnownReasonRow[]> {
  return q.query<KnownReasonRow>(
    `select c.citizen_id, c.status, r.event, r.referral_id, r.signup_id
       from outreach_case_reason r join outreach_case c on c.id = r.case_id
      where c.kommune = lighed_kommune()`,
  );
}

/** Per citizen: the last closed case or reached attempt (outreach's own contact). */
export async function outreachContacts(q: Queryable): Promise<{ citizen_id: string; at: Date }[]> {
  return q.query(
    `select c.citizen_id, max(greatest(c.closed_at, a.at)) as at
       from outreach_case c
       left join outreach_attempt a on a.case_id = c.id and a.reached
      where c.kommune = lighed_kommune() and (c.closed_at is not null or a.at is not null)
      group by c.citizen_id`,
  );
}

export async function openCaseOf(q: Queryable, citizenId: string): Promise<string | undefined> {
  return (
    await one<{ id: string }>(
      q,
      `select id from outreach_case where citizen_id = $1 and status = 'open' and kommune = lighed_kommune()`,
      [citizenId],
    )
  )?.id;
}

/** A new open case, or undefined when the citizen has one already (a concurrent scan). */
export async function insertCase(
  q: Queryable,
  c: {
    kommune: string;
    citizenId: string;
    reason: OutreachEvent;
    referralId: string | null;
    signupId: string | null;
    detectedAt: Date;
  },
): Promise<string | undefined> {
  return (
    await one<{ id: string }>(
      q,
      `insert into outreach_case (kommune, citizen_id, reason, referral_id, signup_id, detected_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (kommune, citizen_id) where status = 'open' do nothing returning id`,
      [c.kommune, c.citizenId, c.reason, c.referralId, c.signupId, c.detectedAt],
    )
  )?.id;
}

/** Adds a reason unless the case has it already; true when added. */
export async function insertReason(
  q: Queryable,
  r: {
    caseId: string;
    kommune: string;
    event: OutreachEvent;
    referralId: string | null;
    signupId: string | null;
    detectedAt: Date;
  },
): Promise<boolean> {
  const rows = await q.query(
    `insert into outreach_case_reason (case_id, kommune, event, referral_id, signup_id, detected_at)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning id`,
    [r.caseId, r.kommune, r.event, r.referralId, r.signupId, r.detectedAt],
  );
  return rows.length > 0;
}

export interface CaseRow {
  id: string;
  kommune: string;
  citizen_id: string;
  citizen_name: string | null;
  status: 'open' | 'closed';
  reason: OutreachEvent;
  referral_id: string | null;
  signup_id: string | null;
  detected_at: Date;
  assigned_to: string | null;
  assigned_name: string | null;
  outcome: OutreachOutcome | null;
  outcome_referral_id: string | null;
  outcome_signup_id: string | null;
  outcome_note: string;
  closed_at: Date | null;
  version: number;
  created_at: Date;
  attempts: number;
}

const caseColumns = `c.id, c.kommune, c.citizen_id, ci.name as citizen_name, c.status, c.reason,
  c.referral_id, c.signup_id, c.detected_at, c.assigned_to, u.name as assigned_name, c.outcome,
  c.outcome_referral_id, c.outcome_signup_id, c.outcome_note, c.closed_at, c.version, c.created_at,
  (select count(*)::int from outreach_attempt a where a.case_id = c.id) as attempts`;
const caseFrom = `outreach_case c left join citizen ci on ci.id = c.citizen_id
  left join staff_user u on u.id = c.assigned_to`;

/** The open cases, oldest first. */
export async function queueRows(q: Queryable): Promise<CaseRow[]> {
  return q.query<CaseRow>(
    `select ${caseColumns} from ${caseFrom}
      where c.kommune = lighed_kommune() and c.status = 'open'
      order by c.detected_at, c.created_at, c.id limit 500`,
  );
}

export async function caseRow(q: Queryable, id: string): Promise<CaseRow | undefined> {
  return one<CaseRow>(q, `select ${caseColumns} from ${caseFrom} where c.id = $1`, [id]);
}

export async function lockCase(q: Queryable, id: string): Promise<void> {
  await q.query(`select id from outreach_case where id = $1 for update`, [id]);
}

export interface ReasonRow {
  event: OutreachEvent;
  referral_id: string | null;
  signup_id: string | null;
  detected_at: Date;
}

export async function reasonRows(q: Queryable, caseId: string): Promise<ReasonRow[]> {
  return q.query<ReasonRow>(
    `select event, referral_id, signup_id, detected_at from outreach_case_reason
      where case_id = $1 order by id`,
    [caseId],
  );
}

export interface AttemptRow {
  id: string;
  at: Date;
  method: AttemptMethod;
  reached: boolean;
  note: string;
  recorded_by_name: string | null;
}

export async function attemptRows(q: Queryable, caseId: string): Promise<AttemptRow[]> {
  return q.query<AttemptRow>(
    `select a.id, a.at, a.method, a.reached, a.note, u.name as recorded_by_name
       from outreach_attempt a left join staff_user u on u.id = a.recorded_by
      where a.case_id = $1 order by a.at, a.id`,
    [caseId],
  );
}

export async function insertAttempt(
  q: Queryable,
  a: {
    caseId: string;
    kommune: string;
    at: Date;
    method: AttemptMethod;
    reached: boolean;
    note: string;
    recordedBy: string | null;
  },
): Promise<string> {
  const row = await one<{ id: string }>(
    q,
    `insert into outreach_attempt (case_id, kommune, at, method, reached, note, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [a.caseId, a.kommune, a.at, a.method, a.reached, a.note, a.recordedBy],
  );
  return row!.id;
}

export interface CaseChange {
  assigned_to?: string | null;
  status?: 'open' | 'closed';
  outcome?: OutreachOutcome;
  outcome_referral_id?: string | null;
  outcome_signup_id?: string | null;
  outcome_note?: string;
  closed_at?: Date;
}

/** Applies a change at `expectedVersion`; the new version, or undefined when it moved on. */
export async function updateCase(
  q: Queryable,
  id: string,
  expectedVersion: number,
  change: CaseChange,
): Promise<number | undefined> {
  const sets: string[] = [];
  const params: unknown[] = [id, expectedVersion];
  for (const [k, v] of Object.entries(change)) {
    params.push(v);
    sets.push(`${k} = $${params.length}`);
  }
  const row = await one<{ version: number }>(
    q,
    `update outreach_case set ${[...sets, 'version = version + 1'].join(', ')}
      where id = $1 and version = $2 returning version`,
    params,
  );
  return row?.version;
}

export async function tenantCodes(q: Queryable): Promise<string[]> {
  return (await q.query<{ kommune: string }>(`select kommune from tenant order by kommune`)).map(
    (r) => r.kommune,
  );
}
