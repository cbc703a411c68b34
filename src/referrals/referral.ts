/**
 * The referral's vocabulary and pure rules: what a referral says (reason, wishes, special
 * needs), the closing note, who an actor is to a referral (requester, receiver, coordinator),
 * and reading the forms. No I/O.
 */
import { z } from 'zod';
import { readReachAnswers, TOPICS, type ReachAnswers } from '../catalog/index.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { CONTACT_CHANNELS, isContactChannel, type ContactChannel } from '../people/index.ts';
import type { StaffUser } from '../platform/principal.ts';
import {
  REASON_CODES,
  REFERRAL_STATUSES,
  type ReferralParty,
  type ReferralStatus,
} from './state-machine.ts';

/**
 * Chronic conditions named in Sundhedsstyrelsen's "Forebyggelsestilbud til borgere med kronisk
 * sygdom" (2024) as the ones the municipal offers serve. Message keys `referral.condition.*`.
 */
export const CONDITIONS = [
  'type2_diabetes',
  'copd',
  'cardiovascular',
  'cancer',
  'musculoskeletal',
  'anxiety_depression',
  'osteoporosis',
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Special needs a referral may carry (MedCom XREF15's "særlige behov"). */
export const NEEDS = ['interpreter', 'handHeld', 'transport', 'mobility'] as const;
export type Need = (typeof NEEDS)[number];

export const REQUESTED_SERVICES = ['afklarende_samtale', 'offer'] as const;
export type RequestedService = (typeof REQUESTED_SERVICES)[number];

export const REFERRAL_SOURCES = ['referrer', 'worker', 'fhir'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** The closing note's outcome (XDIS15 "forløbsresultat", in plain words). */
export const REFERRAL_OUTCOMES = [
  'goal_met',
  'partly_met',
  'not_met',
  'referred_on',
  'dropped_out',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const ATTENDANCE = ['attended', 'no_show', 'cancelled'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export interface ReferralReason {
  topics: string[];
  conditions: Condition[];
  pregnant: boolean;
}

export interface ReferralNeeds {
  interpreter: boolean;
  /** ISO 639-1 of the interpreter's language, when one is needed and known. */
  interpreterLanguage?: string | undefined;
  handHeld: boolean;
  transport: boolean;
  mobility: boolean;
}

export interface ClosingNote {
  outcome: ReferralOutcome;
  sessionsAttended: number;
  agreed: string;
  nextStep: string;
}

export const reasonSchema = z.object({
  topics: z.array(z.enum(TOPICS)).default([]),
  conditions: z.array(z.enum(CONDITIONS)).default([]),
  pregnant: z.boolean().default(false),
});

export const needsSchema = z.object({
  interpreter: z.boolean().default(false),
  interpreterLanguage: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  handHeld: z.boolean().default(false),
  transport: z.boolean().default(false),
  mobility: z.boolean().default(false),
});

export const closingNoteSchema = z.object({
  outcome: z.enum(REFERRAL_OUTCOMES),
  sessionsAttended: z.number().int().min(0).max(1000),
  agreed: z.string().trim().max(2000).default(''),
  nextStep: z.string().trim().max(2000).default(''),
});

export const NOTE_MAX = 2000;

export const emptyReason = (): ReferralReason => ({ topics: [], conditions: [], pregnant: false });
export const emptyNeeds = (): ReferralNeeds => ({
  interpreter: false,
  handHeld: false,
  transport: false,
  mobility: false,
});

/** Who acts on referrals, as the scope and the state machine see them. */
export interface ActorScope {
  kommune: string;
  role: string;
  organizationId: string | null;
  teamId: string | null;
  staffId: string | null;
  clientId: string | null;
}

export interface ReferralParties {
  requester_org_id: string | null;
  requester_staff_id: string | null;
  requester_team_id: string | null;
  requester_client_id: string | null;
  owner_org_id: string | null;
  team_id: string | null;
}

/**
 * How the actor stands to a referral. The organisation (or API client, or worker's team) that
 * made it is the requester; the owner's organisation is the receiver; the visitation
 * (coordinator, admin) and the team holding its afklarende samtale act as coordinator.
 */
export function partiesOf(a: ActorScope, r: ReferralParties): ReferralParty[] {
  const parties: ReferralParty[] = [];
  const same = (x: string | null, y: string | null) => x !== null && y !== null && x === y;
  if (
    same(a.clientId, r.requester_client_id) ||
    (a.clientId === null &&
      (same(a.organizationId, r.requester_org_id) ||
        same(a.staffId, r.requester_staff_id) ||
        (a.role === 'frontline' && same(a.teamId, r.requester_team_id))))
  )
    parties.push('requester');
  if (same(a.organizationId, r.owner_org_id) && (a.role === 'provider' || a.clientId !== null))
    parties.push('receiver');
  if (
    a.clientId === null &&
    (a.role === 'coordinator' ||
      a.role === 'admin' ||
      (a.role === 'frontline' && same(a.teamId, r.team_id)))
  )
    parties.push('coordinator');
  return parties;
}

export const scopeOfStaff = (s: StaffUser): ActorScope => ({
  kommune: s.kommune,
  role: s.role,
  organizationId: s.organization_id,
  teamId: s.team_id,
  staffId: s.id,
  clientId: null,
});

// ---- forms ------------------------------------------------------------------------------------

type Body = Record<string, unknown>;

const str = (v: unknown): string =>
  (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').trim();
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map(String);
const checked = (v: unknown) => ['ja', 'yes', 'on', 'true'].includes(str(v));
const pick = <T extends string>(all: readonly T[], xs: string[]): T[] =>
  all.filter((a) => xs.includes(a));

/** What the referrer's form holds, as typed (re-shown with the error summary). */
export interface ReferralForm {
  name: string;
  cpr: string;
  birthDate: string;
  phone: string;
  email: string;
  postcode: string;
  address: string;
  preferredLanguage: string;
  /** "Må vi sende beskeder om tider?": the channels the citizen said yes to. */
  contactChannels: ContactChannel[];
  topics: string[];
  conditions: string[];
  pregnant: boolean;
  requestedService: string;
  offerId: string;
  needs: Need[];
  interpreterLanguage: string;
  consent: boolean;
  note: string;
}

export const emptyReferralForm = (): ReferralForm => ({
  name: '',
  cpr: '',
  birthDate: '',
  phone: '',
  email: '',
  postcode: '',
  address: '',
  preferredLanguage: 'da',
  contactChannels: [],
  topics: [],
  conditions: [],
  pregnant: false,
  requestedService: 'afklarende_samtale',
  offerId: '',
  needs: [],
  interpreterLanguage: '',
  consent: false,
  note: '',
});

export function readReferralForm(body: Body): ReferralForm {
  return {
    name: str(body.name),
    cpr: str(body.cpr),
    birthDate: str(body.birthDate),
    phone: str(body.phone),
    email: str(body.email),
    postcode: str(body.postcode),
    address: str(body.address),
    preferredLanguage: str(body.preferredLanguage) || 'da',
    contactChannels: CONTACT_CHANNELS.filter((c) =>
      list(body.contactChannels).filter(isContactChannel).includes(c),
    ),
    topics: pick(TOPICS, list(body.topics)),
    conditions: pick(CONDITIONS, list(body.conditions)),
    pregnant: checked(body.pregnant),
    requestedService: str(body.requestedService),
    offerId: str(body.offerId),
    needs: pick(NEEDS, list(body.needs)),
    interpreterLanguage: str(body.interpreterLanguage),
    consent: checked(body.consent),
    note: str(body.note),
  };
}

const LANGUAGE = /^[a-z]{2,3}$/;
const POSTCODE = /^[0-9]{4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isIsoDate = (s: string): boolean => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * The form's own checks, in the order of the fields (the error summary lists them so). CPR
 * format and checks belong to people/ (validateCpr); the service adds its problems.
 */
export function validateReferralForm(
  f: ReferralForm,
  offerIds: ReadonlySet<string>,
): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (f.name.length === 0) p.push({ path: 'name', message: 'referral.error.nameRequired' });
  else if (f.name.length > 200) p.push({ path: 'name', message: 'referral.error.nameTooLong' });
  if (f.cpr === '' && f.birthDate === '')
    p.push({ path: 'birthDate', message: 'referral.error.birthDateOrCpr' });
  else if (f.birthDate !== '' && !isIsoDate(f.birthDate))
    p.push({ path: 'birthDate', message: 'referral.error.birthDateInvalid' });
  if (f.phone === '' && f.email === '')
    p.push({ path: 'phone', message: 'referral.error.contactRequired' });
  else if (f.phone.length > 40) p.push({ path: 'phone', message: 'referral.error.phoneInvalid' });
  if (f.email !== '' && !EMAIL.test(f.email))
    p.push({ path: 'email', message: 'referral.error.emailInvalid' });
  if (f.postcode !== '' && !POSTCODE.test(f.postcode))
    p.push({ path: 'postcode', message: 'referral.error.postcodeInvalid' });
  if (f.address.length > 300) p.push({ path: 'address', message: 'referral.error.addressTooLong' });
  if (!LANGUAGE.test(f.preferredLanguage))
    p.push({ path: 'preferredLanguage', message: 'referral.error.languageInvalid' });
  // A channel needs its address; Digital Post goes by the CPR number.
  const missing = f.contactChannels.find((c) =>
    c === 'email' ? f.email === '' : c === 'sms' ? f.phone === '' : f.cpr === '',
  );
  if (missing) p.push({ path: 'contactChannels', message: `people.channels.error.${missing}` });
  if (f.topics.length === 0 && f.conditions.length === 0 && !f.pregnant)
    p.push({ path: 'topics', message: 'referral.error.reasonRequired' });
  if (!(REQUESTED_SERVICES as readonly string[]).includes(f.requestedService))
    p.push({ path: 'requestedService', message: 'referral.error.serviceRequired' });
  else if (f.requestedService === 'offer' && !offerIds.has(f.offerId))
    p.push({ path: 'offerId', message: 'referral.error.offerRequired' });
  if (
    f.needs.includes('interpreter') &&
    f.interpreterLanguage !== '' &&
    !LANGUAGE.test(f.interpreterLanguage)
  )
    p.push({ path: 'interpreterLanguage', message: 'referral.error.languageInvalid' });
  if (!f.consent) p.push({ path: 'consent', message: 'referral.error.consentRequired' });
  if (f.note.length > NOTE_MAX) p.push({ path: 'note', message: 'referral.error.noteTooLong' });
  return p;
}

export function reasonOf(
  f: Pick<ReferralForm, 'topics' | 'conditions' | 'pregnant'>,
): ReferralReason {
  return {
    topics: [...f.topics],
    conditions: pick(CONDITIONS, f.conditions),
    pregnant: f.pregnant,
  };
}

export function needsOf(f: Pick<ReferralForm, 'needs' | 'interpreterLanguage'>): ReferralNeeds {
  return {
    interpreter: f.needs.includes('interpreter'),
    ...(f.needs.includes('interpreter') && f.interpreterLanguage
      ? { interpreterLanguage: f.interpreterLanguage }
      : {}),
    handHeld: f.needs.includes('handHeld'),
    transport: f.needs.includes('transport'),
    mobility: f.needs.includes('mobility'),
  };
}

/** A provider's or coordinator's action form: transition, reason, closing note, dates. */
export interface ActionForm {
  action: string;
  version: number;
  reasonCode: string;
  reasonText: string;
  date: string;
  attendance: string;
  outcome: string;
  sessionsAttended: string;
  agreed: string;
  nextStep: string;
  offerId: string;
  teamId: string;
  /** The appointment's time (HH:MM) and place ("Aftal tid", and booking a samtale). */
  time: string;
  place: string;
  /** Enrolment: the voluntary, anonymous reach questions (catalog's reach/). */
  reach?: ReachAnswers;
}

export function readActionForm(body: Body): ActionForm {
  const v = Number(str(body.version));
  return {
    action: str(body.action),
    version: Number.isInteger(v) && v > 0 ? v : 0,
    reasonCode: str(body.reasonCode),
    reasonText: str(body.reasonText),
    date: str(body.date),
    attendance: str(body.attendance),
    outcome: str(body.outcome),
    sessionsAttended: str(body.sessionsAttended),
    agreed: str(body.agreed),
    nextStep: str(body.nextStep),
    offerId: str(body.offerId),
    teamId: str(body.teamId),
    time: str(body.time),
    place: str(body.place),
    reach: readReachAnswers(body),
  };
}

/** The closing note from the form, or the fields that are wrong. */
export function readClosingNote(
  f: Pick<ActionForm, 'outcome' | 'sessionsAttended' | 'agreed' | 'nextStep'>,
): { ok: true; note: ClosingNote } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!(REFERRAL_OUTCOMES as readonly string[]).includes(f.outcome))
    problems.push({ path: 'outcome', message: 'referral.error.outcomeRequired' });
  const n = Number(f.sessionsAttended);
  if (f.sessionsAttended === '' || !Number.isInteger(n) || n < 0 || n > 1000)
    problems.push({ path: 'sessionsAttended', message: 'referral.error.sessionsInvalid' });
  if (f.agreed.length > 2000)
    problems.push({ path: 'agreed', message: 'referral.error.textTooLong' });
  if (f.nextStep.length > 2000)
    problems.push({ path: 'nextStep', message: 'referral.error.textTooLong' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    note: {
      outcome: f.outcome as ReferralOutcome,
      sessionsAttended: n,
      agreed: f.agreed,
      nextStep: f.nextStep,
    },
  };
}

export const isStatusFilter = (s: unknown): s is ReferralStatus =>
  typeof s === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(s);

export { REASON_CODES };

/** The settings form (admin): answer time and closed days, the afklarende samtale team. */
export function readSettingsForm(body: Body) {
  return {
    answerDays: str(body.answerDays),
    grundlovsdagClosed: checked(body.grundlovsdagClosed),
    christmasEveClosed: checked(body.christmasEveClosed),
    newYearsEveClosed: checked(body.newYearsEveClosed),
    afklarendeTeamId: str(body.afklarendeTeamId),
  };
}

export { CONTACT_CHANNELS };
