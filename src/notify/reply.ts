/**
 * The reply link's rules, pure: what a subject's domain provides (ReplyHandler), the states a
 * link can be in, and reading the citizen's answer from the form.
 */
import type { Queryable } from '../db/db.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { REPLY_CHOICES, type ReplyChoice, type ReplySubject } from './notice.ts';

/** What the reply page shows about the subject; `open: false` when it can no longer change. */
export interface ReplyFacts {
  placeName: string;
  address?: string | undefined;
  startsAt?: Date | undefined;
  open: boolean;
}

/** Each subject's domain implements one; app.ts passes them to notify's reply routes. */
export interface ReplyHandler {
  subject: ReplySubject;
  /** What the reply page shows (place and time), or null when gone. tx bound to `kommune`. */
  describe(tx: Queryable, kommune: string, id: string): Promise<ReplyFacts | null>;
  /**
   * Applies the citizen's choice as the citizen (write the audit row and the domain's history).
   * `note`: the citizen's optional wish with 'new_time' (at most 300 characters, their own
   * words), only offered when `acceptsNote` is true.
   */
  apply(
    tx: Queryable,
    kommune: string,
    id: string,
    choice: ReplyChoice,
    at: Date,
    note?: string,
  ): Promise<void>;
  /** Whether the page asks for a wish with 'new_time' (the domain keeps it). Default: no. */
  acceptsNote?: boolean;
}

export const NOTE_MAX = 300;

/** The form's field names (Danish, like the other public forms' parameters). */
export const FIELD = { choice: 'valg', note: 'oenske' } as const;

export type ReplyForm =
  | { ok: true; choice: ReplyChoice; note: string | undefined }
  | { ok: false; problems: FieldProblem[]; note: string };

/** Reads the answer: one of the link's choices, and a wish only with 'new_time'. */
export function readReplyForm(
  body: Record<string, unknown> | undefined,
  allowed: readonly ReplyChoice[],
  acceptsNote: boolean,
): ReplyForm {
  const rawChoice = body?.[FIELD.choice];
  const rawNote = body?.[FIELD.note];
  const note =
    acceptsNote && typeof rawNote === 'string'
      ? rawNote
          .replace(/\r\n?/g, '\n')
          // Control characters (a NUL, a bell) are no part of a wish; line breaks stay.
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
          .trim()
      : '';
  const problems: FieldProblem[] = [];
  const choice = REPLY_CHOICES.find((c) => c === rawChoice && allowed.includes(c));
  if (!choice) problems.push({ path: FIELD.choice, message: 'reply.choiceRequired' });
  if ([...note].length > NOTE_MAX)
    problems.push({ path: FIELD.note, message: 'reply.noteTooLong' });
  if (problems.length || !choice) return { ok: false, problems, note };
  return { ok: true, choice, note: choice === 'new_time' && note ? note : undefined };
}

/** What a link shows: the form, or why it does not (with a number to call where known). */
export type ReplyView =
  | {
      state: 'open';
      subject: ReplySubject;
      choices: ReplyChoice[];
      facts: ReplyFacts;
      contactPhone: string | null;
      acceptsNote: boolean;
      /** The link's language: the page's language unless the reader chose another. */
      language: string;
    }
  | { state: 'done'; choice: ReplyChoice; contactPhone: string | null; language: string }
  | { state: 'used'; choice: ReplyChoice; contactPhone: string | null; language: string }
  | { state: 'closed'; contactPhone: string | null; language: string }
  | { state: 'expired'; contactPhone: string | null; language: string | null }
  | { state: 'unknown' };

/** Unknown: 404; expired, used or closed: 410 Gone; else 200. */
export function replyStatus(view: ReplyView): number {
  switch (view.state) {
    case 'unknown':
      return 404;
    case 'expired':
    case 'used':
    case 'closed':
      return 410;
    case 'open':
    case 'done':
      return 200;
  }
}
