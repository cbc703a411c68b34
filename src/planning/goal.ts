/**
 * Goals (issue 12, decision 0024): pure rules. A goal's path is the straight line from its
 * baseline to its target; a wave is ahead when its whole 95 % interval is better than the
 * path's value for that year, behind when the whole interval is worse, on track otherwise, and
 * no data when the figure is hidden or missing. "Better" follows the goal's polarity.
 */
import type { FieldProblem } from '../platform/errors.ts';

export type GoalState = 'ahead' | 'on_track' | 'behind' | 'no_data';
export type GoalKind = 'level' | 'gap' | 'reach';
export type GoalMeasure = 'prevalence' | 'D' | 'SII' | 'reach_ratio';
export const GOAL_KINDS: readonly GoalKind[] = ['level', 'gap', 'reach'];

export interface Point {
  year: number;
  value: number;
}

export interface SeriesPoint {
  year: number;
  value: number | null;
  lo: number | null;
  hi: number | null;
  suppressed: boolean;
}

export interface GoalView {
  id: string;
  kind: GoalKind;
  indicator: string;
  indicatorLabel: string;
  dimension: string | null;
  group: string | null;
  groupLabel: string | null;
  area: string;
  measure: GoalMeasure;
  baseline: Point;
  target: Point;
  latest: { year: number; value: number | null; lo: number | null; hi: number | null } | null;
  pathValue: number | null;
  state: GoalState;
  /** Plain Danish, with the interval. */
  sentence: string;
  recommendationId: string | null;
  interventionId: string | null;
  series: SeriesPoint[];
  /** Reach goals: the offer or intervention whose reach is followed. */
  offerId: string | null;
  /** Higher is better for this goal (see `higherIsBetter`). */
  higherIsBetter: boolean;
  trend: TrendMarker;
  version: number;
  /** English labels for the English pages. */
  labelsEn: { indicator: string; group: string | null };
}

/** The path's value in `year`: linear between baseline and target (held flat outside them). */
export function pathValue(baseline: Point, target: Point, year: number): number {
  if (target.year === baseline.year) return target.value;
  const t = (year - baseline.year) / (target.year - baseline.year);
  const clamped = Math.min(1, Math.max(0, t));
  return baseline.value + clamped * (target.value - baseline.value);
}

/**
 * Which way is better. A level goal: the indicator's polarity (higher is better for a
 * favourable indicator). A reach goal: a higher ratio (towards 1 and above). A gap goal: from
 * the baseline towards the target, so a goal narrows the gap whichever sign the measure has.
 */
export function higherIsBetter(
  kind: GoalKind,
  opts: { favourable: boolean; baseline: number; target: number },
): boolean {
  if (kind === 'level') return opts.favourable;
  if (kind === 'reach') return true;
  return opts.target > opts.baseline;
}

/** The state of one wave against the path's value for its year. */
export function goalState(
  wave: { value: number | null; lo: number | null; hi: number | null; suppressed?: boolean } | null,
  path: number,
  higherBetter: boolean,
): GoalState {
  if (!wave || wave.suppressed || wave.value === null || wave.lo === null || wave.hi === null)
    return 'no_data';
  const betterThanPath = higherBetter ? wave.lo > path : wave.hi < path;
  const worseThanPath = higherBetter ? wave.hi < path : wave.lo > path;
  if (betterThanPath) return 'ahead';
  if (worseThanPath) return 'behind';
  return 'on_track';
}

/** The latest wave of a series (hidden or not): the one a goal is judged by. */
export function latestWave(series: readonly SeriesPoint[]): SeriesPoint | null {
  return series.reduce<SeriesPoint | null>((a, p) => (!a || p.year > a.year ? p : a), null);
}

/** A value as the page shows it: percent, percentage points or a plain ratio. */
export function formatValue(measure: GoalMeasure, v: number, lang: 'da' | 'en' = 'da'): string {
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const f = (d: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  if (measure === 'prevalence') return lang === 'da' ? `${f(1)} %` : `${f(1)}%`;
  if (measure === 'reach_ratio') return f(2);
  return lang === 'da' ? `${f(1)} procentpoint` : `${f(1)} percentage points`;
}

/** Plain Danish: where the goal stands in its latest wave, with the interval. */
export function goalSentence(g: {
  kind: GoalKind;
  measure: GoalMeasure;
  /** What is measured, capitalised: "Andelen, der ryger dagligt, blandt gruppen »Grundskole«". */
  subject: string;
  latest: SeriesPoint | null;
  pathValue: number | null;
  state: GoalState;
  target: Point;
}): string {
  const fmt = (v: number) => formatValue(g.measure, v);
  const what = g.subject;
  if (g.state === 'no_data' || !g.latest || g.latest.value === null) {
    const why = g.latest?.suppressed ? 'der er for få svar til at vise tallet' : 'der er ingen tal';
    return `${what}: ${why}${g.latest ? ` i ${g.latest.year}` : ''}, så vi kan ikke sige, om målet nås.`;
  }
  const { value, lo, hi, year } = g.latest;
  const path = g.pathValue ?? g.target.value;
  const measured = `${what} var ${fmt(value)} i ${year} (95 % sikkerhedsinterval ${fmt(lo ?? value)} til ${fmt(hi ?? value)}).`;
  const onPath = `Ifølge planen skulle den være ${fmt(path)} i ${year} for at nå ${fmt(g.target.value)} i ${g.target.year}.`;
  const verdict =
    g.state === 'ahead'
      ? 'Målet er foran planen: hele intervallet er bedre end planens tal.'
      : g.state === 'behind'
        ? 'Målet er bagud i forhold til planen: hele intervallet er dårligere end planens tal.'
        : 'Målet følger planen: planens tal ligger inden for intervallet.';
  return `${measured} ${onPath} ${verdict}`;
}

// --- Fingertips' recent-trend marker --------------------------------------------------------

/** χ² for trend with 1 degree of freedom at 99.8 % (Fingertips' threshold). */
export const TREND_CHI2 = 9.5495;

export type TrendMarker =
  | { kind: 'not_calculated' }
  | { kind: 'no_change'; chi2: number }
  | { kind: 'increasing' | 'decreasing'; chi2: number; better: boolean };

/**
 * Fingertips' recent trend: the last five points, a chi-square test for trend in proportions
 * (Cochran–Armitage, time points scored 1..5). Counts are the respondents `n` and the cases
 * implied by the published percent (n x p). Fewer than five published points in the last five
 * waves: not calculated.
 */
export function recentTrend(
  points: readonly { year: number; value: number | null; n: number }[],
  higherBetter: boolean,
): TrendMarker {
  const last = [...points].sort((a, b) => a.year - b.year).slice(-5);
  if (last.length < 5 || last.some((p) => p.value === null || !(p.n > 0)))
    return { kind: 'not_calculated' };
  let N = 0;
  let X = 0;
  let NT = 0;
  let NT2 = 0;
  let XT = 0;
  last.forEach((p, i) => {
    const t = i + 1;
    const x = (p.n * (p.value ?? 0)) / 100;
    N += p.n;
    X += x;
    NT += p.n * t;
    NT2 += p.n * t * t;
    XT += x * t;
  });
  const pbar = X / N;
  const denom = pbar * (1 - pbar) * (NT2 - (NT * NT) / N);
  if (!(denom > 0)) return { kind: 'not_calculated' };
  const num = XT - pbar * NT;
  const chi2 = (num * num) / denom;
  if (!(chi2 > TREND_CHI2)) return { kind: 'no_change', chi2 };
  const increasing = num > 0;
  return {
    kind: increasing ? 'increasing' : 'decreasing',
    chi2,
    better: increasing === higherBetter,
  };
}

// --- The form ---------------------------------------------------------------------------

export interface GoalInput {
  kind: GoalKind;
  /** Level and gap goals: the monitor's indicator key. */
  indicator?: string | null | undefined;
  dimension?: string | null | undefined;
  group?: string | null | undefined;
  /** The municipality's code, or a sub-area the monitor has. */
  area?: string | null | undefined;
  /** Gap goals: D or SII. */
  measure?: 'D' | 'SII' | null | undefined;
  /** Reach goals: the offer or the intervention whose reach is followed. */
  offerId?: string | null | undefined;
  interventionId?: string | null | undefined;
  recommendationId?: string | null | undefined;
  targetValue: number;
  targetYear: number;
  /** Which wave is the baseline (default the latest); the value always comes from the monitor. */
  baselineYear?: number | null | undefined;
  note?: string | undefined;
}

/** The create/edit form as typed, kept on errors. */
export type GoalForm = Record<
  | 'kind'
  | 'indicator'
  | 'dimension'
  | 'group'
  | 'measure'
  | 'offerId'
  | 'interventionId'
  | 'recommendationId'
  | 'targetValue'
  | 'targetYear'
  | 'baselineYear'
  | 'note'
  | 'version',
  string
>;

export const EMPTY_FORM: GoalForm = {
  kind: 'level',
  indicator: '',
  dimension: '',
  group: '',
  measure: 'D',
  offerId: '',
  interventionId: '',
  recommendationId: '',
  targetValue: '',
  targetYear: '',
  baselineYear: '',
  note: '',
  version: '',
};

export function readGoalForm(body: Record<string, unknown>): GoalForm {
  const out = { ...EMPTY_FORM };
  for (const k of Object.keys(out) as (keyof GoalForm)[]) {
    const v = body[k];
    if (typeof v === 'string') out[k] = v.trim();
  }
  // The group picker's values are "dimension:group" (group codes repeat across dimensions).
  const i = out.group.indexOf(':');
  if (i > 0) {
    const dim = out.group.slice(0, i);
    if (!out.dimension) out.dimension = dim;
    out.group = out.dimension === dim ? out.group.slice(i + 1) : '';
  }
  return out;
}

/** A decimal as a Dane or an Englishman types it ("18", "18,5", "18.5 %"). */
export function parseDecimal(s: string): number | null {
  const t = s.replace(/\s|%/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Validates the form's own rules (the monitor's keys are checked by the service); problems
 * name the field and a message key.
 */
export function validateGoalForm(
  f: GoalForm,
  now: { year: number },
): { ok: true; input: GoalInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const kind = GOAL_KINDS.find((k) => k === f.kind);
  if (!kind) problems.push({ path: 'kind', message: 'goals.error.kind' });
  if (kind !== 'reach' && !f.indicator)
    problems.push({ path: 'indicator', message: 'goals.error.indicator' });
  if ((kind === 'gap' || kind === 'reach') && !f.dimension)
    problems.push({ path: 'dimension', message: 'goals.error.dimension' });
  if (f.dimension && kind !== 'gap' && !f.group)
    problems.push({ path: 'group', message: 'goals.error.group' });
  if (kind === 'gap' && f.measure !== 'D' && f.measure !== 'SII')
    problems.push({ path: 'measure', message: 'goals.error.measure' });
  if (kind === 'reach' && !f.offerId && !f.interventionId)
    problems.push({ path: 'offerId', message: 'goals.error.subject' });
  const value = parseDecimal(f.targetValue);
  const max = kind === 'reach' ? 10 : 100;
  const min = kind === 'gap' ? -100 : 0;
  if (value === null || value < min || value > max)
    problems.push({ path: 'targetValue', message: 'goals.error.targetValue' });
  const year = /^\d{4}$/.test(f.targetYear) ? Number(f.targetYear) : NaN;
  if (!(year > now.year) || year > now.year + 30)
    problems.push({ path: 'targetYear', message: 'goals.error.targetYear' });
  const baselineYear = f.baselineYear ? Number(f.baselineYear) : null;
  if (f.baselineYear && !/^\d{4}$/.test(f.baselineYear))
    problems.push({ path: 'baselineYear', message: 'goals.error.baselineYear' });
  if (f.note.length > 2000) problems.push({ path: 'note', message: 'goals.error.note' });
  if (problems.length > 0 || !kind || value === null) return { ok: false, problems };
  return {
    ok: true,
    input: {
      kind,
      indicator: f.indicator || null,
      dimension: f.dimension || null,
      group: kind === 'gap' ? null : f.group || null,
      measure: kind === 'gap' ? (f.measure as 'D' | 'SII') : null,
      offerId: f.offerId || null,
      interventionId: f.interventionId || null,
      recommendationId: f.recommendationId || null,
      targetValue: value,
      targetYear: year,
      baselineYear,
      note: f.note,
    },
  };
}
