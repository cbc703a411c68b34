/**
 * The referral's states and who may move it between them: HL7 SDOH Clinical Care's "Task for
 * referral management" statuses (FHIR TaskStatus less `ready` and `received`), with the
 * requester / receiver split of that guide and the municipality's triage (the coordinator)
 * between them. Pure: data in, data out (decision 0014).
 */

export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'entered-in-error',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * How the actor stands to one referral: the organisation (or API client) that made it, the
 * organisation it is addressed to (the owner after triage), or the municipality's visitation
 * (coordinators and admins; also the worker who holds the afklarende samtale).
 */
export const REFERRAL_PARTIES = ['requester', 'receiver', 'coordinator'] as const;
export type ReferralParty = (typeof REFERRAL_PARTIES)[number];

/** Statuses a referral never leaves. */
export const TERMINAL_STATUSES: readonly ReferralStatus[] = [
  'rejected',
  'cancelled',
  'failed',
  'completed',
  'entered-in-error',
];

/** `statusReason` is required when moving into these (SDOH Clinical Care). */
export const REASON_REQUIRED: readonly ReferralStatus[] = [
  'rejected',
  'cancelled',
  'on-hold',
  'failed',
];

/** The closing note (outcome, sessions, what was agreed, next step) is required here. */
export const CLOSING_NOTE_REQUIRED: readonly ReferralStatus[] = ['completed', 'failed'];

/** A fixed, translatable list (message keys `referral.reason.<code>`); `other` needs a text. */
export const REASON_CODES = [
  'could_not_contact',
  'not_eligible',
  'no_capacity',
  'no_longer_interested',
  'moved',
  'got_help_elsewhere',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const R: ReferralParty = 'requester';
const V: ReferralParty = 'receiver';
const C: ReferralParty = 'coordinator';
/** "Either" in the guide's table: the requester or the receiving side. */
const EITHER: readonly ReferralParty[] = [R, V, C];

/**
 * Every allowed move and who may make it. Anything not listed is refused. `accepted` or
 * `in-progress` back to `requested` is the visitation forwarding a referral after the
 * afklarende samtale to an offer's provider (a new owner must accept it).
 */
export const TRANSITIONS: Readonly<
  Record<ReferralStatus, Partial<Record<ReferralStatus, readonly ReferralParty[]>>>
> = {
  draft: { requested: [R], cancelled: [R], 'entered-in-error': [R] },
  requested: {
    accepted: [V, C],
    rejected: [V, C],
    cancelled: EITHER,
    'entered-in-error': [R],
  },
  accepted: {
    'in-progress': [V, C],
    'on-hold': [V, C],
    requested: [C],
    failed: [V, C],
    cancelled: EITHER,
    'entered-in-error': [R],
  },
  'in-progress': {
    'on-hold': [V, C],
    requested: [C],
    completed: [V, C],
    failed: [V, C],
    cancelled: EITHER,
    'entered-in-error': [R],
  },
  'on-hold': {
    'in-progress': [V, C],
    failed: [V, C],
    cancelled: EITHER,
    'entered-in-error': [R],
  },
  rejected: {},
  cancelled: {},
  failed: {},
  completed: {},
  'entered-in-error': {},
};

export const isReferralStatus = (s: unknown): s is ReferralStatus =>
  typeof s === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(s);

export const isReasonCode = (s: unknown): s is ReasonCode =>
  typeof s === 'string' && (REASON_CODES as readonly string[]).includes(s);

/** May a party holding `byRole` move a referral from `from` to `to`? */
export function canTransition(
  from: ReferralStatus,
  to: ReferralStatus,
  byRole: ReferralParty | readonly ReferralParty[],
): boolean {
  const who = TRANSITIONS[from]?.[to];
  if (!who) return false;
  const roles: readonly ReferralParty[] = typeof byRole === 'string' ? [byRole] : byRole;
  return roles.some((r) => who.includes(r));
}

/** Where a party may move a referral next (for the pages' buttons). */
export function nextStatuses(
  from: ReferralStatus,
  byRole: ReferralParty | readonly ReferralParty[],
): ReferralStatus[] {
  return REFERRAL_STATUSES.filter((to) => canTransition(from, to, byRole));
}

export interface TransitionRequest {
  to: ReferralStatus;
  reasonCode?: string | undefined;
  reasonText?: string | undefined;
}

/** Why a transition is refused, as stable codes (message keys `referral.error.<code>`). */
export type TransitionProblem =
  | { code: 'forbidden'; from: ReferralStatus; to: ReferralStatus }
  | { code: 'reason_required'; field: 'reasonCode' }
  | { code: 'reason_unknown'; field: 'reasonCode' }
  | { code: 'reason_text_required'; field: 'reasonText' }
  | { code: 'reason_text_too_long'; field: 'reasonText' };

export const REASON_TEXT_MAX = 500;

/**
 * Checks one move: allowed for the party, and a reason from the fixed list when the target
 * needs one (`other` with a text). A reason given where none is needed is kept (a receiver may
 * say why it cancels); an unknown code is refused everywhere.
 */
export function checkTransition(
  from: ReferralStatus,
  req: TransitionRequest,
  byRole: ReferralParty | readonly ReferralParty[],
): TransitionProblem[] {
  if (!canTransition(from, req.to, byRole)) return [{ code: 'forbidden', from, to: req.to }];
  const problems: TransitionProblem[] = [];
  const code = req.reasonCode?.trim() || undefined;
  const text = req.reasonText?.trim() ?? '';
  if (code === undefined) {
    if (REASON_REQUIRED.includes(req.to))
      problems.push({ code: 'reason_required', field: 'reasonCode' });
  } else if (!isReasonCode(code)) {
    problems.push({ code: 'reason_unknown', field: 'reasonCode' });
  } else if (code === 'other' && text === '') {
    problems.push({ code: 'reason_text_required', field: 'reasonText' });
  }
  if (text.length > REASON_TEXT_MAX)
    problems.push({ code: 'reason_text_too_long', field: 'reasonText' });
  return problems;
}

/** A new referral waits for an answer while it is requested (in triage or at the provider). */
export const awaitsAnswer = (s: ReferralStatus) => s === 'requested';

export const isTerminal = (s: ReferralStatus) => TERMINAL_STATUSES.includes(s);

/**
 * A referral still under way: someone is to answer it or is working with the citizen. While one
 * is, the citizen's records are kept (an erasure on request waits until it is closed).
 */
export const ACTIVE_STATUSES: readonly ReferralStatus[] = [
  'requested',
  'accepted',
  'in-progress',
  'on-hold',
];
export const isActive = (s: ReferralStatus) => ACTIVE_STATUSES.includes(s);
