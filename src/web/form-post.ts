/**
 * The one shape of a staff form's POST (CONVENTIONS.md §4, GOV.UK's post/redirect/get): run the
 * use case; problems show the page again with them at their fields (400); a stale version
 * (someone else saved first) shows it again with what was typed and a notice (409); success
 * redirects (303), so a reload never posts the form twice. Each domain names its own stale
 * error, so a conflict from another domain still reaches the error handler as before.
 */
import type { FastifyReply } from 'fastify';
import type { FieldProblem } from '../platform/errors.ts';

/** The notice a page shows over a stale form (the same key as `?besked=forældet`). */
export const STALE_NOTICE = 'forældet';

/** What a use case answers a form: done (perhaps with an id), or the problems at their fields. */
export type Checked = { ok: true } | { ok: false; problems: readonly FieldProblem[] };

/** What the page shows again: the problems (400), or the stale notice with none (409). */
export interface Again {
  problems: readonly FieldProblem[];
  notice?: string;
}

/** A domain's stale-version error class (`AssessmentStale`, `PlanningStale`, ...). */
export type StaleError = abstract new (...args: never[]) => Error;

/**
 * Runs `run` and answers the form. `again(status, shown)` renders the page once more; the
 * handler keeps what was typed in its own closure. A use case that answers nothing (void) only
 * redirects or, when stale, shows the page again.
 */
export async function submitForm<R extends Checked | void>(
  reply: FastifyReply,
  opts: {
    run: () => Promise<R>;
    stale?: StaleError;
    redirect: string | ((done: Exclude<R, { ok: false }>) => string);
    again: (status: 400 | 409, shown: Again) => Promise<unknown>;
  },
): Promise<unknown> {
  let r: R;
  try {
    r = await opts.run();
  } catch (e) {
    if (opts.stale && e instanceof opts.stale)
      return opts.again(409, { problems: [], notice: STALE_NOTICE });
    throw e;
  }
  if (r && !r.ok) return opts.again(400, { problems: r.problems });
  const to =
    typeof opts.redirect === 'string'
      ? opts.redirect
      : opts.redirect(r as Exclude<R, { ok: false }>);
  return reply.redirect(to, 303);
}

type Body = Record<string, unknown>;

/** A posted field as text: the first value when a field came twice, '' when missing. */
export function formText(b: Body, key: string): string {
  const v = b[key];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}

/** A posted multi-value field (checkboxes): every text value, none when missing. */
export function formTexts(b: Body, key: string): string[] {
  const v = b[key];
  return typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : [];
}
