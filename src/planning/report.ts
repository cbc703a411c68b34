/**
 * The committee report (issue 12, decision 0026), pure: what one committee (a department's) reads
 * for one year, as data that the page, the PDF and the Word file all draw, and that a published
 * report keeps as its snapshot. "Sundhedsfremme og forebyggelse skal være en dagsorden i alle
 * fagudvalg" (Roskilde 1).
 */
import type { Department } from './intervention.ts';
import type { GoalView } from './goal.ts';
import { pathValue } from './goal.ts';
import type { RecommendationView } from './recommendation.ts';
import type { Decision, Subject } from './portfolio.ts';

export interface ReportGoal {
  id: string;
  kind: GoalView['kind'];
  measure: GoalView['measure'];
  indicatorLabel: string;
  groupLabel: string | null;
  labelsEn: GoalView['labelsEn'];
  baseline: GoalView['baseline'];
  target: GoalView['target'];
  latest: GoalView['latest'];
  state: GoalView['state'];
  sentence: string;
  series: GoalView['series'];
}

export interface ReportGap {
  rank: number;
  indicator: { da: string; en: string };
  group: { da: string; en: string };
  dimension: { da: string; en: string };
  best: { da: string; en: string };
  groupEstimate: number;
  bestEstimate: number;
  gap: number;
  people: number;
  explanation: { da: string; en: string };
}

export interface ReportIntervention {
  id: string;
  name: string;
  type: string;
  status: string;
  /** Plain Danish reach sentences; empty when no participant answered. */
  reach: string[];
  lowReach: boolean;
}

export interface ReportDecision {
  subject: Subject;
  name: string;
  decision: Decision;
  reason: string;
  decidedOn: string;
}

export interface CommitteeReport {
  kommune: string;
  municipality: string;
  department: Department;
  year: number;
  /** The day the figures were read (YYYY-MM-DD). */
  generatedOn: string;
  goals: ReportGoal[];
  gaps: { year: number; crude: boolean; rows: ReportGap[] } | null;
  recommendations: Pick<
    RecommendationView,
    'id' | 'frameworkKey' | 'code' | 'title' | 'state' | 'note' | 'noteDate'
  >[];
  interventions: ReportIntervention[];
  decisions: ReportDecision[];
}

/**
 * Which committee a goal belongs to: its intervention's department, else its recommendation's
 * departments; a goal tied to neither is a public-health goal, the health committee's.
 */
export function goalDepartments(
  g: Pick<GoalView, 'interventionId' | 'recommendationId'>,
  interventionDepartment: (id: string) => Department | undefined,
  recommendationDepartments: (id: string) => readonly Department[] | undefined,
): Department[] {
  const own = g.interventionId ? interventionDepartment(g.interventionId) : undefined;
  if (own) return [own];
  const rec = g.recommendationId ? recommendationDepartments(g.recommendationId) : undefined;
  if (rec?.length) return [...rec];
  return ['health'];
}

export const reportGoal = (g: GoalView): ReportGoal => ({
  id: g.id,
  kind: g.kind,
  measure: g.measure,
  indicatorLabel: g.indicatorLabel,
  groupLabel: g.groupLabel,
  labelsEn: g.labelsEn,
  baseline: g.baseline,
  target: g.target,
  latest: g.latest,
  state: g.state,
  sentence: g.sentence,
  series: g.series,
});

/** The chart's rows: every wave and the target year, the measured value and the goal's path. */
export function goalChartRows(g: Pick<ReportGoal, 'series' | 'baseline' | 'target'>): {
  year: number;
  measured: { value: number | null; lower: number | null; upper: number | null } | null;
  path: number | null;
}[] {
  const years = [...new Set([...g.series.map((s) => s.year), g.baseline.year, g.target.year])].sort(
    (a, b) => a - b,
  );
  return years.map((year) => {
    const s = g.series.find((x) => x.year === year);
    return {
      year,
      measured: s ? { value: s.suppressed ? null : s.value, lower: s.lo, upper: s.hi } : null,
      path: year >= g.baseline.year ? pathValue(g.baseline, g.target, year) : null,
    };
  });
}

/** A year given as a query parameter: 2000–2100, else `fallback`. */
export function readYear(v: unknown, fallback: number): number | null {
  if (v === undefined || v === '') return fallback;
  const n = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  return n >= 2000 && n <= 2100 ? n : null;
}

export const inYear = (date: string, year: number) => date.startsWith(`${year}-`);
