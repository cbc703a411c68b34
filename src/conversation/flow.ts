/**
 * The multi-step form's rules, pure: one step per instrument; which items a step shows given
 * the answers saved so far; reading a posted step into answers; and dropping answers that no
 * longer apply. Works without JavaScript: an item whose `appliesIf` depends on an unanswered
 * item is held back, and the step is shown again when a saved answer reveals it (progressive
 * disclosure, one round trip). Left empty, the condition reveals nothing and the form moves on.
 */
import type { FieldProblem } from '../platform/errors.ts';
import {
  DECLINED,
  isApplicable,
  type Answer,
  type Answers,
  type Instrument,
  type Item,
} from './instrument.ts';

/** All answers of a conversation: instrument id -> item id -> answer. */
export type ConversationAnswers = Readonly<Record<string, Answers>>;

export interface StepView {
  items: Item[];
  /** Items are held back until an answer on this step is saved. */
  more: boolean;
}

/** The items to show now: applicable ones; those whose condition is unanswered are held back. */
export function visibleItems(inst: Instrument, answers: Answers): StepView {
  const items: Item[] = [];
  let more = false;
  for (const item of inst.items) {
    const cond = item.appliesIf;
    if (cond && answers[cond.itemId] === undefined) more = true;
    else if (isApplicable(item, answers)) items.push(item);
  }
  return { items, more };
}

/** After a save: show the step again when an answer revealed items that were not on the form. */
export function revealsMore(inst: Instrument, shown: readonly Item[], saved: Answers): boolean {
  const ids = new Set(shown.map((i) => i.id));
  return visibleItems(inst, saved).items.some((i) => !ids.has(i.id));
}

/** Form field name of an item; item ids are [a-z0-9-], so this is safe in HTML and URLs. */
export const fieldName = (itemId: string) => `a_${itemId}`;

const MAX_TEXT = 1000;
type Body = Record<string, unknown>;
const values = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );

/** A number as a Dane or a Briton writes it: "3", "2,5", "2.5". */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/**
 * Reads the posted answers for the shown items. An empty field is "not answered" (nothing is
 * ever forced); problems name the field; `raw` keeps what was typed so nothing is lost.
 */
export function readStep(
  items: readonly Item[],
  body: Body,
): { answers: Record<string, Answer>; problems: FieldProblem[]; raw: Record<string, string> } {
  const answers: Record<string, Answer> = {};
  const problems: FieldProblem[] = [];
  const raw: Record<string, string> = {};
  for (const item of items) {
    const name = fieldName(item.id);
    const got = values(body[name])
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (got.includes(DECLINED)) {
      answers[item.id] = { declined: true };
      continue;
    }
    if (got.length === 0) continue;
    switch (item.kind) {
      case 'choice': {
        const code = got[0]!;
        if (item.options.some((o) => o.code === code)) answers[item.id] = { code };
        else problems.push({ path: name, message: 'conversation.error.option' });
        break;
      }
      case 'multiChoice': {
        const codes = [...new Set(got)];
        if (codes.every((c) => item.options.some((o) => o.code === c)))
          answers[item.id] = { codes };
        else problems.push({ path: name, message: 'conversation.error.option' });
        break;
      }
      case 'number': {
        raw[name] = got[0]!;
        const n = parseNumber(got[0]!);
        if (n === null) problems.push({ path: name, message: 'conversation.error.number' });
        else if (
          (item.min !== undefined && n < item.min) ||
          (item.max !== undefined && n > item.max)
        ) {
          problems.push({ path: name, message: 'conversation.error.range' });
        } else answers[item.id] = { value: n };
        break;
      }
      case 'text': {
        const text = got.join(' ');
        raw[name] = text;
        if (text.length > MAX_TEXT)
          problems.push({ path: name, message: 'conversation.error.tooLong' });
        else answers[item.id] = { text };
        break;
      }
    }
  }
  return { answers, problems, raw };
}

/**
 * The instrument's answers after a step is saved: the shown items take their new answers
 * (an item left empty is cleared), and answers to items that no longer apply are dropped.
 */
export function applyStep(
  inst: Instrument,
  previous: Answers,
  shown: readonly Item[],
  posted: Readonly<Record<string, Answer>>,
): Answers {
  const next: Record<string, Answer> = { ...previous };
  for (const item of shown) {
    const a = posted[item.id];
    if (a === undefined) delete next[item.id];
    else next[item.id] = a;
  }
  for (const item of inst.items) if (!isApplicable(item, next)) delete next[item.id];
  return next;
}

/** Item range text for hints, e.g. "0–100". */
export function rangeOf(item: Item): { min?: number; max?: number } {
  return {
    ...(item.min !== undefined ? { min: item.min } : {}),
    ...(item.max !== undefined ? { max: item.max } : {}),
  };
}
