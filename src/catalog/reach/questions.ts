/**
 * The reach questions (issue 12, decision 0025): a short, voluntary, anonymous set asked at
 * sign-up, at a referral's enrolment and in the health conversation, so planners can see who an
 * offer reaches against who it is for. The answers use the monitor's own dimensions and
 * category codes (examples/monitor/codebook.json; a test holds the two together), so a
 * participant's answer and the survey's population fall in the same groups.
 */
import type { FieldProblem } from '../../platform/errors.ts';

/** A monitor dimension key, its form field and its category codes in the codebook's order. */
export const REACH_QUESTIONS = [
  { dimension: 'uddannelse', field: 'reach_uddannelse', codes: ['1', '2', '3', '4'] },
  {
    dimension: 'arbejdsmarked',
    field: 'reach_arbejdsmarked',
    codes: ['1', '2', '3', '4', '5', '6'],
  },
  // "Born in Denmark or not", in the monitor's origin groups: Danish, western, non-western.
  { dimension: 'herkomst', field: 'reach_herkomst', codes: ['1', '2', '3'] },
] as const;

export type ReachDimension = (typeof REACH_QUESTIONS)[number]['dimension'];
export const REACH_DIMENSIONS: readonly ReachDimension[] = REACH_QUESTIONS.map((q) => q.dimension);

/** "Vil ikke svare": stored, so the share who decline can be told from those never asked. */
export const PREFER_NOT = 'prefer_not';

/** Per dimension: '' (not answered), `prefer_not`, or a category code. */
export type ReachAnswers = Record<ReachDimension, string>;

export const NO_REACH_ANSWERS: ReachAnswers = { uddannelse: '', arbejdsmarked: '', herkomst: '' };

/** Where the answers were given. */
export const REACH_CONTEXTS = ['signup', 'referral', 'conversation'] as const;
export type ReachContext = (typeof REACH_CONTEXTS)[number];

const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

/** The fieldset's values from a posted form (absent fields: not answered). */
export function readReachAnswers(body: Record<string, unknown> | null | undefined): ReachAnswers {
  const b = body ?? {};
  const out = { ...NO_REACH_ANSWERS };
  for (const q of REACH_QUESTIONS) out[q.dimension] = text(b[q.field]);
  return out;
}

/** A value the form never offers is a tampered or stale form: named at its field. */
export function reachProblems(a: ReachAnswers): FieldProblem[] {
  return REACH_QUESTIONS.filter((q) => {
    const v = a[q.dimension];
    return v !== '' && v !== PREFER_NOT && !(q.codes as readonly string[]).includes(v);
  }).map((q) => ({ path: q.field, message: 'reach.error.option' }));
}

/** Nothing answered at all (not even "vil ikke svare"): nothing is stored. */
export function isEmptyReach(a: ReachAnswers): boolean {
  return REACH_DIMENSIONS.every((d) => a[d] === '');
}

/** The coarse date kept with the answers: the first day of the month, in Danish time. */
export function reachMonth(now: Date): string {
  const ym = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
  }).format(now);
  return `${ym.slice(0, 7)}-01`;
}
