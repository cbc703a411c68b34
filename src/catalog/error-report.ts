/** "Meld en fejl": a citizen tells the provider an offer's facts are wrong. Pure reading. */
import type { FieldProblem } from '../platform/errors.ts';
import { isEmail } from './signup.ts';

export interface ErrorReportForm {
  message: string;
  /** Optional: only for an answer; the report is audited when it carries one. */
  email: string;
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export function readErrorReport(body: Record<string, unknown> | undefined): {
  form: ErrorReportForm;
  problems: FieldProblem[];
} {
  const form = { message: text(body?.message, 2000), email: text(body?.email, 200) };
  const problems: FieldProblem[] = [];
  if (form.message.length < 5) problems.push({ path: 'message', message: 'report.error.message' });
  if (form.email && !isEmail(form.email))
    problems.push({ path: 'email', message: 'signup.error.email' });
  return { form, problems };
}
