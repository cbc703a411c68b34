/**
 * The portfolio review (issue 12, decision 0026), pure: which offers and interventions to look at
 * again, and the planner's decision form. "Kritisk vurderer, om forebyggelsestilbud uden
 * tilstrækkeligt borger- eller vidensgrundlag skal fortsætte" (KL, pejlemærke 1).
 */
import type { FieldProblem } from '../platform/errors.ts';
import type {
  Department,
  EvidenceLevel,
  InterventionStatus,
  InterventionType,
} from './intervention.ts';

export const FLAGS = [
  'low_participation',
  'low_reach',
  'weak_evidence',
  'no_evaluation',
  'not_confirmed',
] as const;
export type Flag = (typeof FLAGS)[number];

export const DECISIONS = ['continue', 'adjust', 'stop'] as const;
export type Decision = (typeof DECISIONS)[number];
export const isDecision = (v: unknown): v is Decision =>
  typeof v === 'string' && (DECISIONS as readonly string[]).includes(v);

export type Subject = 'offer' | 'intervention';

/** Fewer sign-ups than this in the last twelve months is low for a group or individual offer. */
export const LOW_PARTICIPATION = 5;
/** Details the provider has not confirmed (or edited) for longer than this are due a check. */
export const CONFIRM_DAYS = 365;
const DAY_MS = 86_400_000;

export interface DecisionView {
  id: string;
  decision: Decision;
  reason: string;
  decidedOn: string;
  decidedBy: string | null;
}

export interface PortfolioItem {
  subject: Subject;
  id: string;
  name: string;
  /** The owning department: an intervention's, or for an offer the first intervention's. */
  department: Department | null;
  flags: Flag[];
  /** Sign-ups in the last twelve months; null where there is no sign-up (structural, no offers). */
  signups: number | null;
  lastConfirmedAt: string | null;
  evidenceLevel: EvidenceLevel | null;
  /** Reach in plain Danish, when participants answered the questions. */
  reach: string[];
  /** Newest first; the first is the current decision. */
  history: DecisionView[];
}

export const currentDecision = (item: Pick<PortfolioItem, 'history'>): DecisionView | null =>
  item.history[0] ?? null;

export function offerFlags(
  o: { offerType: InterventionType; signups: number; lastConfirmedAt: Date | null },
  lowReach: boolean,
  now: Date,
): Flag[] {
  const flags: Flag[] = [];
  if (o.offerType !== 'structural' && o.signups < LOW_PARTICIPATION)
    flags.push('low_participation');
  if (lowReach) flags.push('low_reach');
  if (!o.lastConfirmedAt || now.getTime() - o.lastConfirmedAt.getTime() > CONFIRM_DAYS * DAY_MS)
    flags.push('not_confirmed');
  return flags;
}

export function interventionFlags(
  i: {
    type: InterventionType;
    status: InterventionStatus;
    evidenceLevel: EvidenceLevel;
    hasEvaluation: boolean;
  },
  signups: number | null,
  lowReach: boolean,
): Flag[] {
  const flags: Flag[] = [];
  if (i.type !== 'structural' && signups !== null && signups < LOW_PARTICIPATION)
    flags.push('low_participation');
  if (lowReach) flags.push('low_reach');
  if (i.evidenceLevel === 'none' || i.evidenceLevel === 'weak') flags.push('weak_evidence');
  // Ideas and plans are not expected to be evaluated yet.
  if (!i.hasEvaluation && (i.status === 'running' || i.status === 'ended'))
    flags.push('no_evaluation');
  return flags;
}

export interface DecisionInput {
  decision: Decision;
  reason: string;
  decidedOn: string;
  /** How many decisions the planner saw on the subject: the version check. */
  seen: number;
}

export interface DecisionForm {
  decision: string;
  reason: string;
  decidedOn: string;
  seen: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Reads the decision form; `today` (YYYY-MM-DD, Copenhagen) is the latest date allowed. */
export function readDecisionForm(
  body: unknown,
  today: string,
):
  | { ok: true; input: DecisionInput; form: DecisionForm }
  | { ok: false; problems: FieldProblem[]; form: DecisionForm } {
  const b = (body ?? {}) as Record<string, unknown>;
  const form: DecisionForm = {
    decision: str(b.decision),
    reason: str(b.reason),
    decidedOn: str(b.decidedOn) || today,
    seen: str(b.seen),
  };
  const problems: FieldProblem[] = [];
  if (!isDecision(form.decision))
    problems.push({ path: 'decision', message: 'report.portfolio.error.decision' });
  if (form.reason.length === 0)
    problems.push({ path: 'reason', message: 'report.portfolio.error.reason' });
  else if (form.reason.length > 2000)
    problems.push({ path: 'reason', message: 'report.portfolio.error.reasonLong' });
  if (!isIsoDate(form.decidedOn) || form.decidedOn > today)
    problems.push({ path: 'decidedOn', message: 'report.portfolio.error.date' });
  if (problems.length) return { ok: false, problems, form };
  return {
    ok: true,
    form,
    input: {
      decision: form.decision as Decision,
      reason: form.reason,
      decidedOn: form.decidedOn,
      seen: Number(form.seen) || 0,
    },
  };
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today in Copenhagen as YYYY-MM-DD. */
export const copenhagenDate = (now: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);

/** Flagged items first (most flags first), then by name. */
export function sortPortfolio(items: PortfolioItem[]): PortfolioItem[] {
  return [...items].sort(
    (a, b) => b.flags.length - a.flags.length || a.name.localeCompare(b.name, 'da'),
  );
}
