/**
 * The outreach overview for coordinators and planners (issue 11): how many referrals get how
 * far along the pathway, how many citizens fall out and where, and how many outreach brings
 * back; by arena, offer and the social groups the citizen record holds. Pure: facts in (one
 * row per referral or outreach case, no identities), suppressed tables out. Every figure goes
 * through the monitor's small-cell suppression in ONE plan, since the tables share their total
 * row and the funnel's first step: a number hidden in one table must not be read off another.
 */
import { suppressCells, type Cell, type Margin, type SuppressionReason } from '../monitor/index.ts';
import type { FieldProblem } from '../platform/errors.ts';
import type { Translate } from '../web/i18n.ts';

import { OUTREACH_EVENTS, type OutreachEvent } from './rules.ts';

export { OUTREACH_EVENTS, type OutreachEvent };

/** The pathway's steps, each a subset of the one before. */
export const FUNNEL_STEPS = ['received', 'answered', 'reached', 'started', 'completed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** Where on the pathway a citizen fell out; hand-held support sits beside the referral path. */
export const FALLOUT_STEPS = [
  'not_answered',
  'not_reached',
  'dropped_out',
  'rejected',
  'handheld',
] as const;
export type FalloutStep = (typeof FALLOUT_STEPS)[number];

const STEP_OF: Record<OutreachEvent, FalloutStep> = {
  referral_unanswered: 'not_answered',
  not_reached: 'not_reached',
  missed_sessions: 'dropped_out',
  cancelled_no_new_time: 'dropped_out',
  rejected_no_alternative: 'rejected',
  handheld_no_contact: 'handheld',
};

export const falloutStepOf = (reason: OutreachEvent): FalloutStep => STEP_OF[reason];

/** What became of an outreach case: its outcome, or still open. */
export const CASE_STATES = ['reengaged', 'declined', 'unreachable', 'open'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The citizen's groups as the record holds them (no free text is read). */
export interface CitizenFacts {
  sex: 'female' | 'male' | null;
  /** Whole years at the referral's arrival or the case's detection; null without a birth date. */
  age: number | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

export interface OfferFacts {
  /** The referral's offer, or the offer of the case's referral or sign-up; null for none. */
  offerId: string | null;
  offerTitle: string | null;
  arena: string | null;
}

export interface ReferralFact extends CitizenFacts, OfferFacts {
  answered: boolean;
  reached: boolean;
  started: boolean;
  completed: boolean;
}

export interface CaseFact extends CitizenFacts, OfferFacts {
  reason: OutreachEvent;
  status: 'open' | 'closed';
  outcome: 'reengaged' | 'declined' | 'unreachable' | null;
}

/**
 * A case's state; a closed case with no outcome recorded is null (it counts in the case total
 * and is never shown on its own).
 */
export function caseState(c: Pick<CaseFact, 'status' | 'outcome'>): CaseState | null {
  return c.status === 'open' ? 'open' : c.outcome;
}

/**
 * How far a referral got. The steps are nested whatever the record says: a citizen who started
 * was reached, so a provider who recorded attendance but not contact doesn't break the funnel.
 */
export function referralStep(r: Pick<ReferralFact, FunnelStepFlag>): FunnelStep {
  if (r.completed) return 'completed';
  if (r.started) return 'started';
  if (r.reached) return 'reached';
  if (r.answered) return 'answered';
  return 'received';
}
type FunnelStepFlag = 'answered' | 'reached' | 'started' | 'completed';

// --- groups ----------------------------------------------------------------------------------

export const DIMENSIONS = ['arena', 'offer', 'sex', 'age', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AGE_BANDS = ['0-29', '30-49', '50-64', '65+'] as const;
export const LANGUAGE_GROUPS = ['da', 'other', 'interpreter'] as const;
/** The key of facts with no value in a dimension (no offer, no birth date, no sex recorded). */
export const NONE = 'none';

export function ageBand(age: number | null): string {
  if (age === null || !Number.isFinite(age) || age < 0) return NONE;
  if (age < 30) return '0-29';
  if (age < 50) return '30-49';
  if (age < 65) return '50-64';
  return '65+';
}

/** Needs an interpreter; else reads another language than Danish; else Danish. */
export function languageGroup(f: Pick<CitizenFacts, 'preferredLanguage' | 'interpreterNeeded'>) {
  if (f.interpreterNeeded) return 'interpreter';
  return f.preferredLanguage === 'da' ? 'da' : 'other';
}

export function groupKey(dim: Dimension, f: CitizenFacts & OfferFacts): string {
  switch (dim) {
    case 'arena':
      return f.arena ?? NONE;
    case 'offer':
      return f.offerId ?? NONE;
    case 'sex':
      return f.sex ?? NONE;
    case 'age':
      return ageBand(f.age);
    case 'language':
      return languageGroup(f);
  }
}

// --- counting --------------------------------------------------------------------------------

export interface CaseCounts {
  cases: number;
  reengaged: number;
  declined: number;
  unreachable: number;
  open: number;
  /** Closed without an outcome: part of `cases`, never shown. */
  unrecorded: number;
}

const zeroCounts = (): CaseCounts => ({
  cases: 0,
  reengaged: 0,
  declined: 0,
  unreachable: 0,
  open: 0,
  unrecorded: 0,
});

function addCase(into: CaseCounts, c: CaseFact): void {
  into.cases++;
  into[caseState(c) ?? 'unrecorded']++;
}

/** How many referrals reached each step (at least). */
export function funnelCounts(referrals: readonly ReferralFact[]): Record<FunnelStep, number> {
  const out = { received: 0, answered: 0, reached: 0, started: 0, completed: 0 };
  for (const r of referrals) {
    const reached = FUNNEL_STEPS.indexOf(referralStep(r));
    FUNNEL_STEPS.forEach((s, i) => {
      if (i <= reached) out[s]++;
    });
  }
  return out;
}

export function falloutCounts(cases: readonly CaseFact[]): Record<FalloutStep, CaseCounts> {
  const out = Object.fromEntries(FALLOUT_STEPS.map((s) => [s, zeroCounts()])) as Record<
    FalloutStep,
    CaseCounts
  >;
  for (const c of cases) addCase(out[falloutStepOf(c.reason)], c);
  return out;
}

export interface GroupCounts extends CaseCounts {
  key: string;
  /** The offer's title for the offer dimension; other dimensions are labelled by key. */
  title: string | null;
  referrals: number;
}

/** Referrals and cases by one dimension, in a stable order (known keys first, none last). */
export function groupCounts(
  dim: Dimension,
  referrals: readonly ReferralFact[],
  cases: readonly CaseFact[],
): GroupCounts[] {
  const by = new Map<string, GroupCounts>();
  const at = (f: CitizenFacts & OfferFacts): GroupCounts => {
    const key = groupKey(dim, f);
    let g = by.get(key);
    if (!g) {
      g = { key, title: dim === 'offer' ? f.offerTitle : null, referrals: 0, ...zeroCounts() };
      by.set(key, g);
    }
    return g;
  };
  for (const r of referrals) at(r).referrals++;
  for (const c of cases) addCase(at(c), c);
  // Fixed categories always show, so a table's rows don't depend on (and reveal) the data.
  for (const key of fixedKeys(dim))
    if (!by.has(key)) by.set(key, { key, title: null, referrals: 0, ...zeroCounts() });
  const order = fixedKeys(dim);
  return [...by.values()].sort((a, b) => {
    if (a.key === NONE || b.key === NONE) return a.key === NONE ? 1 : b.key === NONE ? -1 : 0;
    const ia = order.indexOf(a.key);
    const ib = order.indexOf(b.key);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return (a.title ?? a.key).localeCompare(b.title ?? b.key, 'da');
  });
}

function fixedKeys(dim: Dimension): readonly string[] {
  if (dim === 'sex') return ['female', 'male'];
  if (dim === 'age') return AGE_BANDS;
  if (dim === 'language') return LANGUAGE_GROUPS;
  return [];
}

// --- suppression -----------------------------------------------------------------------------

/** A figure as published: the number, or why it is not shown. */
export type Shown =
  | { kind: 'count'; value: number }
  /** Below the threshold itself. */
  | { kind: 'few' }
  /** A complement: shown, it would give away a small number through a total. */
  | { kind: 'hidden' };

/** Counts below this are not shown (the monitor's count floor). */
export const MIN_COUNT = 5;
/**
 * The monitor's suppression over counts: a cell is its count as `n` with no cases, so the only
 * primary rule that can bite is "fewer than MIN_COUNT". Counts of 1 to 4 are hidden; a zero is
 * shown, as in Danish register statistics: it is nobody, and hiding every empty category
 * would (by the monitor's rule that hidden parts together must not be small) hide the
 * categories with people in them too.
 */
const COUNT_RULES = { minRespondents: MIN_COUNT, minCount: 0 };

const CASE_COLUMNS = ['cases', ...CASE_STATES] as const;

export interface ShownCases {
  cases: Shown;
  reengaged: Shown;
  declined: Shown;
  unreachable: Shown;
  open: Shown;
  /** Brought back per case, where both are shown. */
  reengagedShare: number | null;
}

export interface FunnelRow {
  step: FunnelStep;
  count: Shown;
  /** Of the referrals received, where both are shown. */
  share: number | null;
}

export interface GroupRow extends ShownCases {
  key: string;
  title: string | null;
  referrals: Shown;
}

export interface GroupTable {
  dimension: Dimension;
  rows: GroupRow[];
}

export interface Overview {
  funnel: FunnelRow[];
  fallout: { step: FalloutStep; cases: ShownCases }[];
  /** The total row every case table shares. */
  total: ShownCases;
  groups: GroupTable[];
  /** How many figures were hidden below the threshold and as complements (for the method note). */
  hidden: { few: number; complementary: number };
}

/**
 * Builds the suppressed overview. Cells and margins:
 *  - funnel: step(k) = step(k+1) + lost(k); the lost counts are never shown but protected, so
 *    "2 of 50 were not answered" cannot be read off as 50 − 48;
 *  - each case row: cases = reengaged + declined + unreachable + open (+ unrecorded, unshown);
 *  - each case column: the total = the sum of the steps' rows, and of each dimension's rows;
 *  - referrals by group: the sum of a dimension's rows = referrals received.
 */
export function buildOverview(
  referrals: readonly ReferralFact[],
  cases: readonly CaseFact[],
): Overview {
  const cells: Cell[] = [];
  const margins: Margin[] = [];
  const unpublished: string[] = [];
  const has = new Set<string>();
  const add = (id: string, count: number, shown = true) => {
    // A zero is shown as it is and is no unknown in any sum: it stays out of the plan.
    if (count === 0) return id;
    cells.push({ id, n: count, cases: 0 });
    has.add(id);
    if (!shown) unpublished.push(id);
    return id;
  };

  const funnel = funnelCounts(referrals);
  FUNNEL_STEPS.forEach((s) => add(`funnel:${s}`, funnel[s]));
  FUNNEL_STEPS.slice(0, -1).forEach((s, i) => {
    const next = FUNNEL_STEPS[i + 1]!;
    const lost = add(`funnel:lost:${s}`, funnel[s] - funnel[next], false);
    margins.push({ total: `funnel:${s}`, parts: [`funnel:${next}`, lost] });
  });

  const caseRow = (prefix: string, c: CaseCounts): string[] => {
    const ids = CASE_COLUMNS.map((col) => add(`${prefix}:${col}`, c[col]));
    const parts = CASE_STATES.map((s) => `${prefix}:${s}`);
    // A remainder of nobody is no cell; a real one is hidden, and protected when small.
    if (c.unrecorded > 0) parts.push(add(`${prefix}:unrecorded`, c.unrecorded, false));
    margins.push({ total: `${prefix}:cases`, parts });
    return ids;
  };
  const columnMargins = (rowPrefixes: readonly string[]) => {
    for (const col of [...CASE_COLUMNS, 'unrecorded'] as const) {
      const total = `total:${col}`;
      margins.push({ total, parts: rowPrefixes.map((p) => `${p}:${col}`) });
    }
  };

  const steps = falloutCounts(cases);
  const total = zeroCounts();
  for (const c of cases) addCase(total, c);
  caseRow('total', total);
  const stepPrefixes = FALLOUT_STEPS.map((s) => `step:${s}`);
  FALLOUT_STEPS.forEach((s, i) => caseRow(stepPrefixes[i]!, steps[s]));
  columnMargins(stepPrefixes);

  const groups = DIMENSIONS.map((dim) => {
    const rows = groupCounts(dim, referrals, cases);
    const prefixes = rows.map((g) => `${dim}:${g.key}`);
    rows.forEach((g, i) => {
      caseRow(prefixes[i]!, g);
      add(`${prefixes[i]!}:referrals`, g.referrals);
    });
    columnMargins(prefixes);
    margins.push({ total: 'funnel:received', parts: prefixes.map((p) => `${p}:referrals`) });
    return { dim, rows, prefixes };
  });

  const planned = margins
    .filter((m) => has.has(m.total))
    .map((m) => ({ total: m.total, parts: m.parts.filter((id) => has.has(id)) }));
  const hidden = suppressCells(cells, planned, COUNT_RULES, unpublished);
  const value = new Map(cells.map((c) => [c.id, c.n]));
  const shown = (id: string): Shown => showCell(hidden.get(id), value.get(id) ?? 0);
  const share = (id: string, base: string): number | null => {
    const a = shown(id);
    const b = shown(base);
    return a.kind === 'count' && b.kind === 'count' && b.value > 0 ? a.value / b.value : null;
  };
  const shownCases = (prefix: string): ShownCases => ({
    cases: shown(`${prefix}:cases`),
    reengaged: shown(`${prefix}:reengaged`),
    declined: shown(`${prefix}:declined`),
    unreachable: shown(`${prefix}:unreachable`),
    open: shown(`${prefix}:open`),
    reengagedShare: share(`${prefix}:reengaged`, `${prefix}:cases`),
  });

  let few = 0;
  let complementary = 0;
  for (const why of hidden.values()) {
    if (why === 'complementary') complementary++;
    else few++;
  }
  return {
    funnel: FUNNEL_STEPS.map((step) => ({
      step,
      count: shown(`funnel:${step}`),
      share: step === 'received' ? null : share(`funnel:${step}`, 'funnel:received'),
    })),
    fallout: FALLOUT_STEPS.map((step) => ({ step, cases: shownCases(`step:${step}`) })),
    total: shownCases('total'),
    groups: groups.map(({ dim, rows, prefixes }) => ({
      dimension: dim,
      rows: rows.map((g, i) => ({
        key: g.key,
        title: g.title,
        referrals: shown(`${prefixes[i]!}:referrals`),
        ...shownCases(prefixes[i]!),
      })),
    })),
    hidden: { few, complementary },
  };
}

function showCell(why: SuppressionReason | undefined, n: number): Shown {
  if (why === undefined) return { kind: 'count', value: n };
  return why === 'complementary' ? { kind: 'hidden' } : { kind: 'few' };
}

// --- words -----------------------------------------------------------------------------------

/** How a figure reads in the page's language: the number, "færre end 5" or "skjult". */
export function shownText(s: Shown, t: Translate, lang: string): string {
  if (s.kind === 'few') return t('outreach.overview.few');
  if (s.kind === 'hidden') return t('outreach.overview.hidden');
  return s.value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
}

/** A share in whole percent, or null. */
export function shareText(share: number | null, lang: string): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** The label of a group row: the offer's title, or the category's words. */
export function groupLabel(
  t: Translate,
  dimension: string,
  row: { key: string; title: string | null },
): string {
  if (row.key === 'none') return t(`outreach.overview.none.${dimension}`);
  if (dimension === 'offer') return row.title ?? row.key;
  if (dimension === 'arena') return t(`arena.${row.key}`);
  return t(`outreach.overview.${dimension}.${row.key}`);
}

// --- the period ------------------------------------------------------------------------------

/** Whole months, inclusive, in Europe/Copenhagen: `YYYY-MM`. */
export interface Period {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The longest period asked for in one go (ten years). */
export const MAX_MONTHS = 120;

/** The month `at` falls in, in Europe/Copenhagen. */
export function monthOf(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  const y = parts.find((p) => p.type === 'year')?.value ?? '1970';
  const m = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${y}-${m}`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

const monthIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
};

/** The last twelve months, this one included. */
export function defaultPeriod(now: Date): Period {
  const to = monthOf(now);
  return { from: addMonths(to, -11), to };
}

/** The first day of `from` and the first day after `to`, as dates for SQL (local midnight). */
export function periodBounds(p: Period): { start: string; end: string } {
  return { start: `${p.from}-01`, end: `${addMonths(p.to, 1)}-01` };
}

export type PeriodInput = { fra?: unknown; til?: unknown };

/**
 * Reads the period from the query string. Neither given: the last twelve months; one given:
 * the other defaults around it. Problems name the field (`fra`, `til`).
 */
export function readPeriod(
  q: PeriodInput,
  now: Date,
):
  | { ok: true; period: Period; form: { fra: string; til: string } }
  | { ok: false; problems: FieldProblem[]; form: { fra: string; til: string } } {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 20) : '');
  const form = { fra: text(q.fra), til: text(q.til) };
  const problems: FieldProblem[] = [];
  if (form.fra && !MONTH.test(form.fra))
    problems.push({ path: 'fra', message: 'outreach.overview.error.fromFormat' });
  if (form.til && !MONTH.test(form.til))
    problems.push({ path: 'til', message: 'outreach.overview.error.toFormat' });
  if (problems.length > 0) return { ok: false, problems, form };
  const fallback = defaultPeriod(now);
  const to = form.til || (form.fra ? addMonths(form.fra, 11) : fallback.to);
  const from = form.fra || addMonths(to, -11);
  if (monthIndex(from) > monthIndex(to))
    return {
      ok: false,
      problems: [{ path: 'til', message: 'outreach.overview.error.order' }],
      form,
    };
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS)
    return {
      ok: false,
      problems: [{ path: 'fra', message: 'outreach.overview.error.tooLong' }],
      form,
    };
  return { ok: true, period: { from, to }, form: { fra: from, til: to } };
}
