/** Recommendations of adopted frameworks: states and the view others read, pure. */
import type { FieldProblem } from '../platform/errors.ts';
import { isDepartment, type Department } from './intervention.ts';

export const RECOMMENDATION_STATES = ['not_started', 'planned', 'under_way', 'in_place'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

export interface RecommendationView {
  id: string;
  frameworkKey: string;
  /** '7' for a recommendation, '7.2' for one of its points. */
  code: string;
  title: string;
  text: string;
  departments: Department[];
  state: RecommendationState;
  note: string | null;
  noteDate: string | null;
  interventionIds: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface RecommendationForm {
  state: string;
  note: string;
  noteDate: string;
  departments: string[];
  version: string;
}

export interface RecommendationUpdate {
  state: RecommendationState;
  note: string | null;
  noteDate: string | null;
  departments: Department[];
}

const str = (b: Record<string, unknown>, k: string) =>
  typeof b[k] === 'string' ? b[k].trim() : '';
const list = (b: Record<string, unknown>, k: string): string[] => {
  const v = b[k];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(all.filter((x): x is string => typeof x === 'string' && x !== ''))];
};

export function readRecommendationForm(b: Record<string, unknown>): RecommendationForm {
  return {
    state: str(b, 'state'),
    note: str(b, 'note'),
    noteDate: str(b, 'noteDate'),
    departments: list(b, 'departments'),
    version: str(b, 'version'),
  };
}

export const formOfRecommendation = (r: RecommendationView & { version: number }) => ({
  state: r.state,
  note: r.note ?? '',
  noteDate: r.noteDate ?? '',
  departments: r.departments,
  version: String(r.version),
});

/**
 * The state, the owning departments and the dated note. A note without a date is dated
 * `today` (the page shows the date the note was written); a date without a note is refused.
 */
export function checkRecommendationForm(
  f: RecommendationForm,
  today: string,
): { ok: true; value: RecommendationUpdate } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!(RECOMMENDATION_STATES as readonly string[]).includes(f.state))
    problems.push({ path: 'state', message: 'planning.error.state' });
  if (f.note.length > 4000) problems.push({ path: 'note', message: 'planning.error.tooLong' });
  if (f.noteDate && (!DATE.test(f.noteDate) || Number.isNaN(Date.parse(f.noteDate))))
    problems.push({ path: 'noteDate', message: 'planning.error.date' });
  else if (f.noteDate && !f.note)
    problems.push({ path: 'note', message: 'planning.error.noteRequired' });
  if (!f.departments.every(isDepartment))
    problems.push({ path: 'departments', message: 'planning.error.departments' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      state: f.state as RecommendationState,
      note: f.note || null,
      noteDate: f.note ? f.noteDate || today : null,
      departments: f.departments as Department[],
    },
  };
}

export interface OwnRecommendationForm {
  title: string;
  text: string;
  departments: string[];
}

export function readOwnRecommendationForm(b: Record<string, unknown>): OwnRecommendationForm {
  return { title: str(b, 'title'), text: str(b, 'text'), departments: list(b, 'departments') };
}

export function checkOwnRecommendation(
  f: OwnRecommendationForm,
):
  | { ok: true; value: { title: string; text: string; departments: Department[] } }
  | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!f.title) problems.push({ path: 'title', message: 'planning.error.titleRequired' });
  else if (f.title.length > 300)
    problems.push({ path: 'title', message: 'planning.error.tooLong' });
  if (f.text.length > 8000) problems.push({ path: 'text', message: 'planning.error.tooLong' });
  if (!f.departments.every(isDepartment))
    problems.push({ path: 'departments', message: 'planning.error.departments' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { title: f.title, text: f.text, departments: f.departments as Department[] },
  };
}

/** Orders codes as numbers: '2' < '2.1' < '2.10' < '10'. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The next top-level code among a framework's items ('1' when there are none). */
export function nextCode(codes: readonly string[]): string {
  const tops = codes.filter((c) => !c.includes('.')).map(Number);
  return String(tops.length ? Math.max(...tops) + 1 : 1);
}
