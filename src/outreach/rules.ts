/**
 * The outreach lane's rules (REFERRALS.md "The outreach lane"): which facts about a citizen's
 * referrals, sign-ups and conversations put the citizen in the outreach queue, each event with
 * a threshold the municipality sets. Pure: facts and rules in, hits out (decision 0022).
 */
import type { ReferralOutreachFact } from '../referrals/index.ts';

export const OUTREACH_EVENTS = [
  'referral_unanswered',
  'not_reached',
  'missed_sessions',
  'cancelled_no_new_time',
  'handheld_no_contact',
  'rejected_no_alternative',
] as const;
export type OutreachEvent = (typeof OUTREACH_EVENTS)[number];

export const isOutreachEvent = (s: unknown): s is OutreachEvent =>
  typeof s === 'string' && (OUTREACH_EVENTS as readonly string[]).includes(s);

/** What a threshold counts: working days past the answer time, days, or sessions. */
export type ThresholdUnit = 'workingDays' | 'days' | 'sessions';

export interface RuleSpec {
  unit: ThresholdUnit;
  defaultThreshold: number;
  min: number;
  max: number;
}

export const RULE_SPECS: Readonly<Record<OutreachEvent, RuleSpec>> = {
  referral_unanswered: { unit: 'workingDays', defaultThreshold: 0, min: 0, max: 30 },
  not_reached: { unit: 'days', defaultThreshold: 5, min: 1, max: 90 },
  missed_sessions: { unit: 'sessions', defaultThreshold: 2, min: 1, max: 10 },
  cancelled_no_new_time: { unit: 'days', defaultThreshold: 3, min: 0, max: 90 },
  handheld_no_contact: { unit: 'days', defaultThreshold: 30, min: 7, max: 365 },
  rejected_no_alternative: { unit: 'days', defaultThreshold: 5, min: 0, max: 90 },
};

export interface OutreachRule {
  event: OutreachEvent;
  enabled: boolean;
  threshold: number;
}

/** The municipality's rules: its stored rows, the default for every event without one. */
export function effectiveRules(
  stored: readonly { event: string; enabled: boolean; threshold: number }[],
): OutreachRule[] {
  return OUTREACH_EVENTS.map((event) => {
    const row = stored.find((r) => r.event === event);
    return row
      ? { event, enabled: row.enabled, threshold: row.threshold }
      : { event, enabled: true, threshold: RULE_SPECS[event].defaultThreshold };
  });
}

// ---- the settings form -----------------------------------------------------------------------

export type RulesForm = Record<OutreachEvent, { enabled: boolean; threshold: string }>;

export function readRulesForm(body: Record<string, unknown>): RulesForm {
  const form = {} as RulesForm;
  for (const e of OUTREACH_EVENTS) {
    const t = body[`${e}.threshold`];
    form[e] = {
      enabled: body[`${e}.enabled`] === 'ja',
      threshold: typeof t === 'string' ? t.trim() : '',
    };
  }
  return form;
}

export function rulesFormOf(rules: readonly OutreachRule[]): RulesForm {
  const form = {} as RulesForm;
  for (const r of rules) form[r.event] = { enabled: r.enabled, threshold: String(r.threshold) };
  return form;
}

/** Whole numbers within each event's range; a problem names the field (`<event>.threshold`). */
export function checkRulesForm(
  form: RulesForm,
):
  | { ok: true; rules: OutreachRule[] }
  | { ok: false; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const rules: OutreachRule[] = [];
  for (const e of OUTREACH_EVENTS) {
    const f = form[e];
    const spec = RULE_SPECS[e];
    const n = /^\d{1,4}$/.test(f.threshold) ? Number(f.threshold) : NaN;
    if (!Number.isInteger(n) || n < spec.min || n > spec.max)
      problems.push({ path: `${e}.threshold`, message: `outreach.rules.error.${e}` });
    else rules.push({ event: e, enabled: f.enabled, threshold: n });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rules };
}

// ---- the facts and the hits ------------------------------------------------------------------

/** One referral as the rules see it: the referrals domain's outreach fact (the one shape). */
export type ReferralFact = ReferralOutreachFact;

export interface SignupFact {
  id: string;
  citizenId: string;
  createdAt: Date;
  status: string;
  cancelledBy: string | null;
  cancelledAt: Date | null;
}

export interface ContactFact {
  citizenId: string;
  /** Hand-held support from the latest health conversation. */
  handHeld: boolean;
  lastContactAt: Date | null;
}

export interface Hit {
  citizenId: string;
  event: OutreachEvent;
  referralId: string | null;
  signupId: string | null;
}

export interface OutreachFacts {
  referrals: readonly ReferralFact[];
  signups: readonly SignupFact[];
  contacts: readonly ContactFact[];
  /** Per citizen: the last closed outreach case or reached attempt (counts as contact). */
  outreachContact: ReadonlyMap<string, Date>;
}

const DAY = 86_400_000;
const daysSince = (at: Date, since: Date) => (at.getTime() - since.getTime()) / DAY;

const ACTIVE = ['requested', 'accepted', 'in-progress', 'on-hold'];
const WORKING = ['accepted', 'in-progress', 'on-hold'];
/** Closed for a reason that is itself an answer: the citizen moved on or said no. */
const NOT_CHASED_REASONS = ['no_longer_interested', 'moved', 'got_help_elsewhere'];

/** No-shows in a row at the end; a cancelled session neither counts nor breaks the run. */
export function trailingNoShows(sessions: readonly { attendance: string }[]): number {
  let n = 0;
  for (let i = sessions.length - 1; i >= 0; i--) {
    const a = sessions[i]!.attendance;
    if (a === 'no_show') n++;
    else if (a === 'attended') break;
  }
  return n;
}

/**
 * Every hit the enabled rules find at `at`. A citizen may have several; the scan groups them
 * by citizen (one open case) and leaves out hits already recorded.
 */
export function findHits(facts: OutreachFacts, rules: readonly OutreachRule[], at: Date): Hit[] {
  const rule = new Map(rules.filter((r) => r.enabled).map((r) => [r.event, r.threshold]));
  const hits: Hit[] = [];
  const hit = (
    citizenId: string,
    event: OutreachEvent,
    referralId: string | null,
    signupId: string | null,
  ) => hits.push({ citizenId, event, referralId, signupId });

  const referralsOf = new Map<string, ReferralFact[]>();
  for (const r of facts.referrals)
    referralsOf.set(r.citizenId, [...(referralsOf.get(r.citizenId) ?? []), r]);
  const signupsOf = new Map<string, SignupFact[]>();
  for (const s of facts.signups)
    signupsOf.set(s.citizenId, [...(signupsOf.get(s.citizenId) ?? []), s]);
  /** Something new for the citizen after `since`: a referral or a sign-up not cancelled. */
  const newSince = (citizenId: string, since: Date, except: string) =>
    (referralsOf.get(citizenId) ?? []).some(
      (r) => r.id !== except && r.createdAt > since && r.status !== 'entered-in-error',
    ) ||
    (signupsOf.get(citizenId) ?? []).some(
      (s) => s.id !== except && s.createdAt > since && s.status !== 'cancelled',
    );

  for (const r of facts.referrals) {
    const th = (e: OutreachEvent) => rule.get(e);
    const unanswered = th('referral_unanswered');
    if (
      unanswered !== undefined &&
      r.status === 'requested' &&
      r.pastDue &&
      r.workingDaysPastDue >= unanswered
    )
      hit(r.citizenId, 'referral_unanswered', r.id, null);

    const notReached = th('not_reached');
    if (
      notReached !== undefined &&
      WORKING.includes(r.status) &&
      r.contactedAt === null &&
      r.acceptedAt !== null &&
      daysSince(at, r.acceptedAt) >= notReached
    )
      hit(r.citizenId, 'not_reached', r.id, null);

    const missed = th('missed_sessions');
    if (missed !== undefined && WORKING.includes(r.status) && trailingNoShows(r.sessions) >= missed)
      hit(r.citizenId, 'missed_sessions', r.id, null);

    const cancelled = th('cancelled_no_new_time');
    if (
      cancelled !== undefined &&
      ACTIVE.includes(r.status) &&
      r.citizenCancelledAt !== null &&
      daysSince(at, r.citizenCancelledAt) >= cancelled &&
      !newSince(r.citizenId, r.citizenCancelledAt, r.id)
    )
      hit(r.citizenId, 'cancelled_no_new_time', r.id, null);

    const rejected = th('rejected_no_alternative');
    if (
      rejected !== undefined &&
      (r.status === 'rejected' || r.status === 'failed') &&
      r.closedAt !== null &&
      !NOT_CHASED_REASONS.includes(r.statusReason ?? '') &&
      r.closingOutcome !== 'referred_on' &&
      daysSince(at, r.closedAt) >= rejected &&
      !newSince(r.citizenId, r.closedAt, r.id)
    )
      hit(r.citizenId, 'rejected_no_alternative', r.id, null);
  }

  const cancelled = rule.get('cancelled_no_new_time');
  if (cancelled !== undefined)
    for (const s of facts.signups)
      if (
        s.status === 'cancelled' &&
        s.cancelledBy === 'citizen' &&
        s.cancelledAt !== null &&
        daysSince(at, s.cancelledAt) >= cancelled &&
        !newSince(s.citizenId, s.cancelledAt, s.id)
      )
        hit(s.citizenId, 'cancelled_no_new_time', null, s.id);

  const handheld = rule.get('handheld_no_contact');
  if (handheld !== undefined) {
    // Per hand-held citizen: when the support began (a never-contacted citizen counts from the
    // earliest hand-held referral under way, so a new referral is not chased the same day).
    const citizens = new Map<string, Date | null>();
    for (const c of facts.contacts) if (c.handHeld) citizens.set(c.citizenId, null);
    for (const r of facts.referrals)
      if (r.handHeld && ACTIVE.includes(r.status)) {
        const began = citizens.get(r.citizenId);
        citizens.set(r.citizenId, began && began < r.createdAt ? began : r.createdAt);
      }
    for (const [id, began] of citizens) {
      const last = lastContact(id, facts) ?? began;
      if (last === null || daysSince(at, last) >= handheld)
        hit(id, 'handheld_no_contact', null, null);
    }
  }
  return hits;
}

/** The latest contact we know of: a conversation, contact or session, or outreach itself. */
export function lastContact(citizenId: string, facts: OutreachFacts): Date | null {
  const dates: Date[] = [];
  for (const c of facts.contacts)
    if (c.citizenId === citizenId && c.lastContactAt) dates.push(c.lastContactAt);
  for (const r of facts.referrals) {
    if (r.citizenId !== citizenId) continue;
    if (r.contactedAt) dates.push(r.contactedAt);
    for (const s of r.sessions)
      if (s.attendance === 'attended') dates.push(new Date(`${s.heldOn}T12:00:00Z`));
  }
  const o = facts.outreachContact.get(citizenId);
  if (o) dates.push(o);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

/** A hit's identity: the same event on the same referral or sign-up is one hit. */
export const hitKey = (h: { event: string; referralId: string | null; signupId: string | null }) =>
  `${h.event}:${h.referralId ?? ''}:${h.signupId ?? ''}`;

/**
 * Hits grouped by citizen, without those already recorded for the citizen (`known`: the keys
 * of reasons on any of the citizen's cases, open or closed, so a hit is raised once). A hand-
 * held hit has no referral or sign-up; it is raised again only after a closed case (which then
 * counts as contact, see lastContact), so for it only the open case's reasons count.
 */
export function newHitsByCitizen(
  hits: readonly Hit[],
  known: ReadonlyMap<string, { open: ReadonlySet<string>; any: ReadonlySet<string> }>,
): Map<string, Hit[]> {
  const out = new Map<string, Hit[]>();
  for (const h of hits) {
    const k = known.get(h.citizenId);
    const key = hitKey(h);
    const seen = h.event === 'handheld_no_contact' ? k?.open.has(key) : k?.any.has(key);
    if (seen) continue;
    const list = out.get(h.citizenId) ?? [];
    if (!list.some((x) => hitKey(x) === key)) list.push(h);
    out.set(h.citizenId, list);
  }
  return out;
}

// ---- attempts and outcomes -----------------------------------------------------------------------

export const ATTEMPT_METHODS = ['phone', 'letter', 'home_visit', 'known_worker'] as const;
export type AttemptMethod = (typeof ATTEMPT_METHODS)[number];
export const OUTCOMES = ['reengaged', 'declined', 'unreachable'] as const;
export type OutreachOutcome = (typeof OUTCOMES)[number];
export const NOTE_MAX = 2000;

export interface AttemptForm {
  method: string;
  reached: string;
  note: string;
  version: string;
}

export function checkAttempt(
  f: AttemptForm,
):
  | { ok: true; method: AttemptMethod; reached: boolean; note: string; version: number }
  | { ok: false; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  if (!(ATTEMPT_METHODS as readonly string[]).includes(f.method))
    problems.push({ path: 'method', message: 'outreach.error.method' });
  if (f.reached !== 'ja' && f.reached !== 'nej')
    problems.push({ path: 'reached', message: 'outreach.error.reached' });
  if (f.note.trim().length > NOTE_MAX)
    problems.push({ path: 'note', message: 'outreach.error.noteTooLong' });
  const version = Number(f.version);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    method: f.method as AttemptMethod,
    reached: f.reached === 'ja',
    note: f.note.trim(),
    version: Number.isInteger(version) ? version : 0,
  };
}

export interface OutcomeForm {
  outcome: string;
  /** 'referral:<id>' or 'signup:<id>' for re-engaged. */
  newOffer: string;
  note: string;
  version: string;
}

export function checkOutcome(
  f: OutcomeForm,
  choices: readonly string[],
):
  | {
      ok: true;
      outcome: OutreachOutcome;
      referralId: string | null;
      signupId: string | null;
      note: string;
      version: number;
    }
  | { ok: false; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  if (!(OUTCOMES as readonly string[]).includes(f.outcome))
    problems.push({ path: 'outcome', message: 'outreach.error.outcome' });
  if (f.outcome === 'reengaged' && !choices.includes(f.newOffer))
    problems.push({ path: 'newOffer', message: 'outreach.error.newOffer' });
  if (f.note.trim().length > NOTE_MAX)
    problems.push({ path: 'note', message: 'outreach.error.noteTooLong' });
  if (problems.length) return { ok: false, problems };
  const [kind, id] = f.outcome === 'reengaged' ? f.newOffer.split(':') : [];
  const version = Number(f.version);
  return {
    ok: true,
    outcome: f.outcome as OutreachOutcome,
    referralId: kind === 'referral' ? (id ?? null) : null,
    signupId: kind === 'signup' ? (id ?? null) : null,
    note: f.note.trim(),
    version: Number.isInteger(version) ? version : 0,
  };
}
