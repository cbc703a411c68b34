/**
 * The outreach lane's use cases (issue 11, decision 0022): the scan that puts citizens in the
 * queue, the rules page, the queue, the case (take it, record attempts, the outcome). Each runs
 * in one transaction with the actor's scope set for row-level security and audits in it. Other
 * domains' facts come through their index.ts; the scan runs as the system.
 */
import type { Db, Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import type { StaffUser } from '../platform/principal.ts';
import {
  citizenCard,
  grantCitizenAccess,
  inPeopleScope,
  type CitizenCard,
} from '../people/index.ts';
import {
  citizenReferralsSince,
  closeReferralForOutreach,
  referralBriefs,
  referralOutreachFacts,
  type ReferralBrief,
} from '../referrals/index.ts';
import {
  citizenSignupsSince,
  signupBriefs,
  signupOutreachFacts,
  type SignupBrief,
} from '../catalog/index.ts';
import { conversationOutreachFacts } from '../conversation/index.ts';
import {
  checkAttempt,
  checkOutcome,
  checkRulesForm,
  effectiveRules,
  findHits,
  hitKey,
  newHitsByCitizen,
  type AttemptForm,
  type OutcomeForm,
  type OutreachRule,
  type RulesForm,
} from './rules.ts';
import {
  attemptRows,
  caseRow,
  insertAttempt,
  insertCase,
  insertReason,
  knownReasons,
  lockCase,
  openCaseOf,
  outreachContacts,
  queueRows,
  reasonRows,
  ruleRows,
  saveRules,
  tenantCodes,
  updateCase,
  type AttemptRow,
  type CaseRow,
  type ReasonRow,
} from './outreach.store.ts';

const DAY = 86_400_000;

const scopeOf = (s: StaffUser) => ({
  kommune: s.kommune,
  role: s.role,
  organization_id: s.organization_id,
  team_id: s.team_id,
});

export interface OutreachActor {
  staff: StaffUser;
  requestId: string;
}

const auditActor = (a: OutreachActor): AuditActor => ({
  kommune: a.staff.kommune,
  actorId: a.staff.id,
  actorRole: a.staff.role,
  requestId: a.requestId,
});

/** A change lost to another (a stale form): the page shows the case as it is now. */
export class OutreachStale extends LighedError {
  constructor() {
    super('LIGHED_ERR_CONFLICT', 'The outreach case changed meanwhile');
  }
}

// ---- the scan ------------------------------------------------------------------------------------

/**
 * Runs the municipality's rules (or every municipality's) at `at` as the system: each citizen
 * hit opens a case, or, when one is open, gets the new reasons on it. A hit already recorded
 * for the citizen is not raised again. Returns counts only (nothing personal is logged).
 */
export async function scanOutreach(
  db: Db,
  opts: { at: Date; kommune?: string },
): Promise<{ opened: number; added: number }> {
  const kommuner = opts.kommune
    ? [opts.kommune]
    : await inPeopleScope(
        db,
        { kommune: '', role: 'system', organization_id: null, team_id: null },
        tenantCodes,
      );
  let opened = 0;
  let added = 0;
  for (const kommune of kommuner) {
    const r = await scanOne(db, kommune, opts.at);
    opened += r.opened;
    added += r.added;
  }
  return { opened, added };
}

async function scanOne(db: Db, kommune: string, at: Date) {
  const actor: AuditActor = {
    kommune,
    actorId: null,
    actorRole: 'system',
    requestId: 'outreach-scan',
  };
  return inPeopleScope(
    db,
    { kommune, role: 'system', organization_id: null, team_id: null },
    async (tx) => {
      const rules = effectiveRules(await ruleRows(tx));
      // Closed referrals are chased for at most the largest threshold (90 days).
      const referrals = await referralOutreachFacts(tx, at, new Date(at.getTime() - 120 * DAY));
      const signups = await signupOutreachFacts(tx, new Date(at.getTime() - 400 * DAY));
      const contacts = await conversationOutreachFacts(tx, at);
      const outreachContact = new Map(
        (await outreachContacts(tx)).map((r) => [r.citizen_id, r.at]),
      );
      const hits = findHits({ referrals, signups, contacts, outreachContact }, rules, at);
      const known = new Map<string, { open: Set<string>; any: Set<string> }>();
      for (const k of await knownReasons(tx)) {
        const entry = known.get(k.citizen_id) ?? { open: new Set(), any: new Set() };
        const key = hitKey({ event: k.event, referralId: k.referral_id, signupId: k.signup_id });
        entry.any.add(key);
        if (k.status === 'open') entry.open.add(key);
        known.set(k.citizen_id, entry);
      }
      let opened = 0;
      let added = 0;
      for (const [citizenId, list] of newHitsByCitizen(hits, known)) {
        const first = list[0]!;
        let caseId = await openCaseOf(tx, citizenId);
        let isNew = false;
        if (!caseId) {
          caseId = await insertCase(tx, {
            kommune,
            citizenId,
            reason: first.event,
            referralId: first.referralId,
            signupId: first.signupId,
            detectedAt: at,
          });
          isNew = caseId !== undefined;
          caseId ??= await openCaseOf(tx, citizenId);
        }
        if (!caseId) continue;
        if (isNew) {
          opened++;
          await audit(tx, actor, {
            action: 'create',
            entity: 'outreach_case',
            entityId: caseId,
            summary: `opened by the outreach scan (${first.event})`,
          });
        }
        for (const h of list) {
          const ok = await insertReason(tx, {
            caseId,
            kommune,
            event: h.event,
            referralId: h.referralId,
            signupId: h.signupId,
            detectedAt: at,
          });
          if (ok && !(isNew && h === first)) {
            added++;
            await audit(tx, actor, {
              action: 'update',
              entity: 'outreach_case',
              entityId: caseId,
              summary: `reason added by the outreach scan (${h.event})`,
            });
          }
        }
      }
      return { opened, added };
    },
  );
}

// ---- rules -----------------------------------------------------------------------------------

export async function outreachRules(db: Db, a: OutreachActor): Promise<OutreachRule[]> {
  return inPeopleScope(db, scopeOf(a.staff), async (tx) => effectiveRules(await ruleRows(tx)));
}

export async function saveOutreachRules(
  db: Db,
  a: OutreachActor,
  form: RulesForm,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  const checked = checkRulesForm(form);
  if (!checked.ok) return checked;
  await inPeopleScope(db, scopeOf(a.staff), async (tx) => {
    await saveRules(tx, a.staff.kommune, checked.rules);
    await audit(tx, auditActor(a), {
      action: 'update',
      entity: 'outreach_rule',
      entityId: a.staff.kommune,
      summary: 'outreach rules saved',
    });
  });
  return { ok: true };
}

// ---- the queue and the case --------------------------------------------------------------------

export interface QueueEntry {
  id: string;
  citizenName: string;
  reasons: string[];
  since: Date;
  attempts: number;
  assignedName: string | null;
  assignedToMe: boolean;
  version: number;
}

export async function outreachQueue(db: Db, a: OutreachActor): Promise<QueueEntry[]> {
  return inPeopleScope(db, scopeOf(a.staff), async (tx) => {
    const rows = await queueRows(tx);
    const out: QueueEntry[] = [];
    for (const r of rows) {
      const reasons = [...new Set((await reasonRows(tx, r.id)).map((x) => x.event))];
      out.push({
        id: r.id,
        citizenName: r.citizen_name ?? '',
        reasons: reasons.length ? reasons : [r.reason],
        since: r.detected_at,
        attempts: r.attempts,
        assignedName: r.assigned_name,
        assignedToMe: r.assigned_to === a.staff.id,
        version: r.version,
      });
    }
    await audit(
      tx,
      auditActor(a),
      rows.map((r) => ({
        action: 'read' as const,
        entity: 'outreach_case',
        entityId: r.id,
        summary: 'listed',
      })),
    );
    return out;
  });
}

export interface OutcomeChoice {
  value: string;
  label: string;
  createdAt: Date;
}

export interface CaseView {
  case: CaseRow;
  citizen: CitizenCard | null;
  reasons: ReasonRow[];
  referrals: ReferralBrief[];
  signups: SignupBrief[];
  attempts: AttemptRow[];
  /** New referrals and sign-ups since the case opened (the re-engaged outcome names one). */
  choices: OutcomeChoice[];
}

const choiceLabel = (r: ReferralBrief) => r.offerTitle ?? 'afklarende samtale';

async function loadCase(
  tx: Queryable,
  a: OutreachActor,
  id: string,
): Promise<CaseView | undefined> {
  const row = await caseRow(tx, id);
  if (!row) return undefined;
  const actor = auditActor(a);
  const reasons = await reasonRows(tx, id);
  const referralIds = [
    ...new Set(
      [row.referral_id, row.outcome_referral_id, ...reasons.map((r) => r.referral_id)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const signupIds = [
    ...new Set(
      [row.signup_id, row.outcome_signup_id, ...reasons.map((r) => r.signup_id)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const citizen = (await citizenCard(tx, actor, row.citizen_id)) ?? null;
  const referrals = await referralBriefs(tx, actor, referralIds);
  const signups = await signupBriefs(tx, actor, signupIds);
  const choices: OutcomeChoice[] =
    row.status === 'open'
      ? [
          ...(await citizenReferralsSince(tx, actor, row.citizen_id, row.created_at)).map((r) => ({
            value: `referral:${r.id}`,
            label: choiceLabel(r),
            createdAt: r.createdAt,
          })),
          ...(await citizenSignupsSince(tx, actor, row.citizen_id, row.created_at)).map((s) => ({
            value: `signup:${s.id}`,
            label: s.offerTitle,
            createdAt: s.createdAt,
          })),
        ]
      : [];
  await audit(tx, actor, {
    action: 'read',
    entity: 'outreach_case',
    entityId: id,
    summary: 'viewed outreach case',
  });
  return {
    case: row,
    citizen,
    reasons,
    referrals,
    signups,
    attempts: await attemptRows(tx, id),
    choices,
  };
}

export async function outreachCase(db: Db, a: OutreachActor, id: string): Promise<CaseView> {
  if (!isUuid(id)) throw notFound('Outreach case');
  const view = await inPeopleScope(db, scopeOf(a.staff), (tx) => loadCase(tx, a, id));
  if (!view) throw notFound('Outreach case');
  return view;
}

/** Runs one change on an open case at the version the form showed. */
async function changeCase<T>(
  db: Db,
  a: OutreachActor,
  id: string,
  fn: (tx: Queryable, row: CaseRow) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw notFound('Outreach case');
  return inPeopleScope(db, scopeOf(a.staff), async (tx) => {
    await lockCase(tx, id);
    const row = await caseRow(tx, id);
    if (!row) throw notFound('Outreach case');
    return fn(tx, row);
  });
}

/** "Tag sagen": the worker takes the case (and, through their team, sees the citizen after). */
export async function takeCase(
  db: Db,
  a: OutreachActor,
  id: string,
  version: number,
  at: Date,
): Promise<void> {
  await changeCase(db, a, id, async (tx, row) => {
    if (row.status !== 'open' || row.version !== version) throw new OutreachStale();
    if ((await updateCase(tx, id, version, { assigned_to: a.staff.id })) === undefined)
      throw new OutreachStale();
    await grantWorker(tx, a, row);
    await audit(tx, auditActor(a), {
      action: 'update',
      entity: 'outreach_case',
      entityId: id,
      summary: `case taken (${at.toISOString().slice(0, 10)})`,
    });
  });
}

async function grantWorker(tx: Queryable, a: OutreachActor, row: CaseRow) {
  if (a.staff.role === 'outreach' && a.staff.team_id)
    await grantCitizenAccess(
      tx,
      {
        citizenId: row.citizen_id,
        kommune: row.kommune,
        teamId: a.staff.team_id,
        via: 'outreach',
        viaId: row.id,
      },
      auditActor(a),
    );
}

export type FormResult = { ok: true } | { ok: false; problems: FieldProblem[] };

/** One attempt (append-only: two workers' attempts never conflict; the case must be open). */
export async function recordAttempt(
  db: Db,
  a: OutreachActor,
  id: string,
  form: AttemptForm,
  at: Date,
): Promise<FormResult> {
  const checked = checkAttempt(form);
  if (!checked.ok) return checked;
  await changeCase(db, a, id, async (tx, row) => {
    if (row.status !== 'open') throw new OutreachStale();
    const attemptId = await insertAttempt(tx, {
      caseId: id,
      kommune: row.kommune,
      at,
      method: checked.method,
      reached: checked.reached,
      note: checked.note,
      recordedBy: a.staff.id,
    });
    await grantWorker(tx, a, row);
    await audit(tx, auditActor(a), {
      action: 'update',
      entity: 'outreach_case',
      entityId: id,
      summary: `attempt recorded (${checked.method}, ${checked.reached ? 'reached' : 'not reached'}, ${attemptId})`,
    });
  });
  return { ok: true };
}

/**
 * The outcome: closes the case and, through the referrals domain, the referrals still under
 * way among its reasons (the re-engaged one excepted), so the referrer gets the closing note.
 */
export async function recordOutcome(
  db: Db,
  a: OutreachActor,
  id: string,
  form: OutcomeForm,
  at: Date,
): Promise<FormResult> {
  return changeCase(db, a, id, async (tx, row) => {
    if (row.status !== 'open' || String(row.version) !== form.version) throw new OutreachStale();
    const view = await loadCase(tx, a, id);
    const choices = view?.choices ?? [];
    const checked = checkOutcome(
      form,
      choices.map((c) => c.value),
    );
    if (!checked.ok) return checked;
    const chosen = choices.find((c) => c.value === form.newOffer);
    const actor = auditActor(a);
    const referralIds = new Set(
      [row.referral_id, ...(view?.reasons ?? []).map((r) => r.referral_id)].filter(
        (x): x is string => !!x && x !== checked.referralId,
      ),
    );
    for (const rid of referralIds)
      await closeReferralForOutreach(
        tx,
        actor,
        rid,
        checked.outcome === 'reengaged'
          ? { kind: 'reengaged', newOffer: chosen?.label ?? '' }
          : { kind: checked.outcome },
        at,
      );
    const v = await updateCase(tx, id, row.version, {
      status: 'closed',
      outcome: checked.outcome,
      outcome_referral_id: checked.referralId,
      outcome_signup_id: checked.signupId,
      outcome_note: checked.note,
      closed_at: at,
      ...(row.assigned_to ? {} : { assigned_to: a.staff.id }),
    });
    if (v === undefined) throw new OutreachStale();
    await grantWorker(tx, a, row);
    await audit(tx, actor, {
      action: 'update',
      entity: 'outreach_case',
      entityId: id,
      summary: `case closed (${checked.outcome})`,
    });
    return { ok: true } as const;
  });
}
