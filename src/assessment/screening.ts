/**
 * The screening's rule: does a proposal need a full equity impact assessment, and why. A "yes"
 * to a decisive question is enough; so are two "yes" answers to the others (several ways to
 * touch health), or three "don't know" (too little is known to leave it out). Fewer: no full
 * assessment, with the answers kept as the reason. Unanswered questions: no conclusion yet.
 */
import { ANSWERS, type Answer, type ScreeningQuestion } from './template.ts';

export const SEVERAL_YES = 2;
export const SEVERAL_UNSURE = 3;

export type ScreeningReason =
  | { kind: 'decisive'; question: string }
  | { kind: 'several'; count: number }
  | { kind: 'unknown'; count: number }
  | { kind: 'few'; yes: number; unsure: number };

export type ScreeningResult =
  | { status: 'incomplete'; unanswered: string[] }
  | { status: 'full' | 'not_needed'; reasons: ScreeningReason[] };

export const isAnswer = (v: unknown): v is Answer =>
  typeof v === 'string' && (ANSWERS as readonly string[]).includes(v);

export function screen(
  questions: readonly ScreeningQuestion[],
  answers: Readonly<Record<string, unknown>>,
): ScreeningResult {
  const unanswered = questions.filter((q) => !isAnswer(answers[q.key])).map((q) => q.key);
  if (unanswered.length) return { status: 'incomplete', unanswered };
  const reasons: ScreeningReason[] = [];
  for (const q of questions)
    if (q.decisive && answers[q.key] === 'yes') reasons.push({ kind: 'decisive', question: q.key });
  const yes = questions.filter((q) => !q.decisive && answers[q.key] === 'yes').length;
  const unsure = questions.filter((q) => answers[q.key] === 'unsure').length;
  if (yes >= SEVERAL_YES) reasons.push({ kind: 'several', count: yes });
  if (unsure >= SEVERAL_UNSURE) reasons.push({ kind: 'unknown', count: unsure });
  if (reasons.length) return { status: 'full', reasons };
  return { status: 'not_needed', reasons: [{ kind: 'few', yes, unsure }] };
}
