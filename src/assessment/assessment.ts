/**
 * The assessment's pure rules: the forms (proposal, scope, matrix, actions, indicators, review)
 * and their checks, the matrix's summary, what must be in place before an assessment is final,
 * the review window (6 to 12 months after the decision) and when a review is due.
 */
import type { FieldProblem } from '../platform/errors.ts';
import {
  CONFIDENCES,
  IMPACTS,
  LAYERS,
  PROPOSAL_TYPES,
  STATES,
  type AssessmentState,
  type Confidence,
  type Impact,
  type Layer,
  type ProposalType,
} from './template.ts';

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);
export const isProposalType = (v: unknown): v is ProposalType => oneOf(PROPOSAL_TYPES, v);
export const isLayer = (v: unknown): v is Layer => oneOf(LAYERS, v);
export const isImpact = (v: unknown): v is Impact => oneOf(IMPACTS, v);
export const isConfidence = (v: unknown): v is Confidence => oneOf(CONFIDENCES, v);
export const isState = (v: unknown): v is AssessmentState => oneOf(STATES, v);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `iso` plus whole months (the day clamped to the month's last). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

// ---- the proposal ----------------------------------------------------------------------------

export interface ProposalForm {
  title: string;
  proposalType: string;
  department: string;
  description: string;
  decision: string;
  decisionDate: string;
  objective: string;
  area: string;
}

export interface Proposal {
  title: string;
  proposalType: ProposalType;
  department: string;
  description: string;
  decision: string;
  decisionDate: string;
  objective: string;
  area: string;
}

export function checkProposal(
  f: ProposalForm,
  departments: readonly string[],
  areas: readonly string[],
): { ok: true; proposal: Proposal } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const p = (path: string, message: string) => problems.push({ path, message });
  const title = f.title.trim();
  if (title.length < 1 || title.length > 200) p('title', 'assessment.error.title');
  if (!isProposalType(f.proposalType)) p('proposalType', 'assessment.error.proposalType');
  if (!departments.includes(f.department)) p('department', 'assessment.error.department');
  if (f.description.length > 4000) p('description', 'assessment.error.tooLong');
  const decision = f.decision.trim();
  if (decision.length < 1 || decision.length > 500) p('decision', 'assessment.error.decision');
  if (!isIsoDate(f.decisionDate)) p('decisionDate', 'assessment.error.decisionDate');
  if (f.objective.length > 2000) p('objective', 'assessment.error.tooLong');
  if (!areas.includes(f.area)) p('area', 'assessment.error.area');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    proposal: {
      title,
      proposalType: f.proposalType as ProposalType,
      department: f.department,
      description: f.description.trim(),
      decision,
      decisionDate: f.decisionDate,
      objective: f.objective.trim(),
      area: f.area,
    },
  };
}

// ---- scope and matrix ------------------------------------------------------------------------

export function checkScope(
  groups: readonly string[],
  layers: readonly string[],
  known: readonly string[],
): { ok: true; groups: string[]; layers: Layer[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const g = [...new Set(groups)].filter((x) => known.includes(x));
  const l = [...new Set(layers)].filter(isLayer);
  if (g.length === 0) problems.push({ path: 'groups', message: 'assessment.error.groups' });
  if (l.length === 0) problems.push({ path: 'layers', message: 'assessment.error.layers' });
  if (problems.length) return { ok: false, problems };
  // Kept in the template's and the model's order, whatever order the form sent.
  return {
    ok: true,
    groups: known.filter((k) => g.includes(k)),
    layers: LAYERS.filter((x) => l.includes(x)),
  };
}

export interface Cell {
  group: string;
  layer: Layer;
  impact: Impact;
  evidence: string;
  confidence: Confidence;
}

/** One cell as posted: impact '' = not assessed (the cell is left out). */
export interface CellForm {
  group: string;
  layer: string;
  impact: string;
  evidence: string;
  confidence: string;
}

export const cellField = (group: string, layer: string, part: string) =>
  `c_${group}_${layer}_${part}`;

export function checkCells(
  forms: readonly CellForm[],
): { ok: true; cells: Cell[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const cells: Cell[] = [];
  for (const f of forms) {
    if (!f.impact) {
      if (f.evidence.trim())
        problems.push({
          path: cellField(f.group, f.layer, 'impact'),
          message: 'assessment.error.cellImpact',
        });
      continue;
    }
    if (!isImpact(f.impact) || !isLayer(f.layer)) {
      problems.push({
        path: cellField(f.group, f.layer, 'impact'),
        message: 'assessment.error.cellImpact',
      });
      continue;
    }
    if (!isConfidence(f.confidence)) {
      problems.push({
        path: cellField(f.group, f.layer, 'confidence'),
        message: 'assessment.error.cellConfidence',
      });
      continue;
    }
    if (f.evidence.length > 2000) {
      problems.push({
        path: cellField(f.group, f.layer, 'evidence'),
        message: 'assessment.error.tooLong',
      });
      continue;
    }
    cells.push({
      group: f.group,
      layer: f.layer,
      impact: f.impact,
      evidence: f.evidence.trim(),
      confidence: f.confidence,
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, cells };
}

export interface GroupSummary {
  group: string;
  positive: number;
  negative: number;
  uncertain: number;
  /** The word the report uses for the group overall. */
  overall: Impact | 'none';
}

/**
 * Per group: the impacts counted, and overall "negative" when any layer is negative (a harm is
 * not cancelled by a gain elsewhere), else "uncertain" when any is, else "positive".
 */
export function summarise(groups: readonly string[], cells: readonly Cell[]): GroupSummary[] {
  return groups.map((group) => {
    const own = cells.filter((c) => c.group === group);
    const n = (i: Impact) => own.filter((c) => c.impact === i).length;
    const s = {
      group,
      positive: n('positive'),
      negative: n('negative'),
      uncertain: n('uncertain'),
    };
    const overall: GroupSummary['overall'] = s.negative
      ? 'negative'
      : s.uncertain
        ? 'uncertain'
        : s.positive
          ? 'positive'
          : 'none';
    return { ...s, overall };
  });
}

// ---- actions and indicators ------------------------------------------------------------------

export const ACTION_KINDS = ['mitigate', 'amplify'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface Action {
  id: string;
  kind: ActionKind;
  text: string;
  group: string | null;
  interventionId: string | null;
}

export function checkAction(
  f: { kind: string; text: string; group: string },
  groups: readonly string[],
):
  | { ok: true; action: { kind: ActionKind; text: string; group: string | null } }
  | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!oneOf(ACTION_KINDS, f.kind))
    problems.push({ path: 'actionKind', message: 'assessment.error.actionKind' });
  const text = f.text.trim();
  if (text.length < 1 || text.length > 2000)
    problems.push({ path: 'actionText', message: 'assessment.error.actionText' });
  if (f.group && !groups.includes(f.group))
    problems.push({ path: 'actionGroup', message: 'assessment.error.actionGroup' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    action: { kind: f.kind as ActionKind, text, group: f.group || null },
  };
}

/** Groups with a negative impact and no mitigation aimed at them (or at everyone). */
export function unmitigated(
  cells: readonly Cell[],
  actions: readonly Pick<Action, 'kind' | 'group'>[],
): string[] {
  const general = actions.some((a) => a.kind === 'mitigate' && a.group === null);
  if (general) return [];
  const negative = [...new Set(cells.filter((c) => c.impact === 'negative').map((c) => c.group))];
  return negative.filter((g) => !actions.some((a) => a.kind === 'mitigate' && a.group === g));
}

export function checkIndicator(
  f: { indicator: string; dimension: string; description: string },
  indicators: readonly string[],
  dimensions: readonly string[],
):
  | {
      ok: true;
      indicator: { indicator: string | null; dimension: string | null; description: string };
    }
  | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const description = f.description.trim();
  if (f.indicator && !indicators.includes(f.indicator))
    problems.push({ path: 'indicator', message: 'assessment.error.indicator' });
  if (f.dimension && !dimensions.includes(f.dimension))
    problems.push({ path: 'indicatorDimension', message: 'assessment.error.dimension' });
  if (!f.indicator && !description)
    problems.push({ path: 'indicator', message: 'assessment.error.indicatorNone' });
  if (description.length > 500)
    problems.push({ path: 'indicatorDescription', message: 'assessment.error.tooLong' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    indicator: {
      indicator: f.indicator || null,
      dimension: f.indicator && f.dimension ? f.dimension : null,
      description,
    },
  };
}

// ---- review ----------------------------------------------------------------------------------

export const REVIEW_MIN_MONTHS = 6;
export const REVIEW_MAX_MONTHS = 12;

export function reviewWindow(decisionDate: string): { from: string; to: string } {
  return {
    from: addMonths(decisionDate, REVIEW_MIN_MONTHS),
    to: addMonths(decisionDate, REVIEW_MAX_MONTHS),
  };
}

export function checkReviewDate(date: string, decisionDate: string): FieldProblem[] {
  if (!isIsoDate(date)) return [{ path: 'reviewDate', message: 'assessment.error.reviewDate' }];
  const w = reviewWindow(decisionDate);
  if (date < w.from || date > w.to)
    return [{ path: 'reviewDate', message: 'assessment.error.reviewWindow' }];
  return [];
}

/** Due from the review date until someone records the review. */
export const reviewDue = (
  a: { reviewDate: string | null; reviewedAt: Date | null; state: AssessmentState },
  today: string,
) => a.state === 'final' && a.reviewDate !== null && a.reviewedAt === null && a.reviewDate <= today;

// ---- states ----------------------------------------------------------------------------------

const MOVES: Record<AssessmentState, readonly AssessmentState[]> = {
  draft: ['consultation', 'final'],
  consultation: ['draft', 'final'],
  final: ['draft'],
};
export const canMove = (from: AssessmentState, to: AssessmentState) => MOVES[from].includes(to);
export const movesFrom = (from: AssessmentState) => MOVES[from];

export type NotReady =
  'screening' | 'scope' | 'matrix' | 'mitigation' | 'indicators' | 'reviewDate' | 'conclusion';

/**
 * What is missing before an assessment can be final. Screened out (no full assessment): the
 * screening and a conclusion suffice. Otherwise the matrix, a mitigation for every group harmed,
 * an indicator to follow and a review date.
 */
export function notReady(a: {
  screening: 'incomplete' | 'full' | 'not_needed';
  groups: readonly string[];
  layers: readonly string[];
  cells: readonly Cell[];
  actions: readonly Pick<Action, 'kind' | 'group'>[];
  indicators: number;
  reviewDate: string | null;
  conclusion: string;
}): NotReady[] {
  const out: NotReady[] = [];
  if (a.screening === 'incomplete') return ['screening'];
  if (a.screening === 'not_needed') return a.conclusion.trim() ? [] : ['conclusion'];
  if (a.groups.length === 0 || a.layers.length === 0) out.push('scope');
  if (a.cells.length === 0) out.push('matrix');
  if (unmitigated(a.cells, a.actions).length) out.push('mitigation');
  if (a.indicators === 0) out.push('indicators');
  if (!a.reviewDate) out.push('reviewDate');
  if (!a.conclusion.trim()) out.push('conclusion');
  return out;
}
