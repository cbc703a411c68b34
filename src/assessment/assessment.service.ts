/**
 * Equity impact assessment's use cases (issue 13, decision 0027): the template, starting an
 * assessment, each step's change (one transaction: version check, the change, a history row,
 * an audit row), comments, states, the review, the monitor's figures for the chosen groups, and
 * turning a mitigation into an intervention of the planning domain.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import type { StaffUser } from '../platform/principal.ts';
import {
  areaGaps,
  currentDataset,
  indicatorSeries,
  listDimensions,
  listIndicators,
  type DimensionInfo,
  type IndicatorInfo,
  type Priority,
  type SeriesRow,
} from '../monitor/index.ts';
import { DEPARTMENTS, createGoal, createIntervention, isDepartment } from '../planning/index.ts';
import {
  canMove,
  checkAction,
  checkCells,
  checkIndicator,
  checkProposal,
  checkReviewDate,
  checkScope,
  isConfidence,
  isImpact,
  isLayer,
  isState,
  notReady,
  reviewDue,
  reviewWindow,
  summarise,
  unmitigated,
  type Action,
  type ActionKind,
  type Cell,
  type CellForm,
  type GroupSummary,
  type NotReady,
  type Proposal,
  type ProposalForm,
} from './assessment.ts';
import { isAnswer, screen, type ScreeningResult } from './screening.ts';
import {
  DEFAULT_TEMPLATE,
  checkTemplateForm,
  parseTemplate,
  type AssessmentState,
  type Layer,
  type ProposalType,
  type Template,
  type TemplateForm,
} from './template.ts';
import * as store from './assessment.store.ts';

export interface AssessmentActor {
  staff: StaffUser;
  requestId: string;
}

/** A change lost to another person's (a stale form): the page shows what is there now. */
export class AssessmentStale extends LighedError {
  constructor() {
    super('LIGHED_ERR_CONFLICT', 'The assessment changed meanwhile');
  }
}

type Outcome = { ok: true } | { ok: false; problems: FieldProblem[] };

const auditActor = (a: AssessmentActor): AuditActor => ({
  kommune: a.staff.kommune,
  actorId: a.staff.id,
  actorRole: a.staff.role,
  requestId: a.requestId,
});
const who = (a: AssessmentActor) => ({ id: a.staff.id, name: a.staff.name });
const tx = <T>(db: Db, a: AssessmentActor, fn: (q: Queryable) => Promise<T>) =>
  inTenant(db, a.staff.kommune, fn);

// ---- the template ------------------------------------------------------------------------------

export async function loadTemplate(
  db: Db,
  actor: AssessmentActor,
): Promise<{ template: Template; version: number; custom: boolean }> {
  return tx(db, actor, async (q) => {
    const row = await store.templateRow(q);
    if (!row) return { template: DEFAULT_TEMPLATE, version: 0, custom: false };
    return {
      template: parseTemplate(row.questions, row.groups),
      version: row.version,
      custom: true,
    };
  });
}

export async function saveTemplateSettings(
  db: Db,
  actor: AssessmentActor,
  form: TemplateForm,
): Promise<Outcome> {
  const dims = await listDimensions(db, actor.staff.kommune);
  const checked = checkTemplateForm(form, dims.length ? new Set(dims.map((d) => d.key)) : null);
  if (!checked.ok) return checked;
  return tx(db, actor, async (q) => {
    const saved = await store.saveTemplate(
      q,
      actor.staff.kommune,
      checked.template,
      Number(form.version) || 0,
    );
    if (!saved) throw new AssessmentStale();
    await audit(q, auditActor(actor), {
      action: 'update',
      entity: 'assessment_template',
      entityId: actor.staff.kommune,
    });
    return { ok: true };
  });
}

export async function resetTemplate(db: Db, actor: AssessmentActor, version: number) {
  return tx(db, actor, async (q) => {
    if (!(await store.deleteTemplate(q, version))) throw new AssessmentStale();
    await audit(q, auditActor(actor), {
      action: 'delete',
      entity: 'assessment_template',
      entityId: actor.staff.kommune,
    });
  });
}

// ---- starting and listing ------------------------------------------------------------------------

export interface AreaChoice {
  code: string;
  name: string;
}

/** The monitor's areas (the municipality first), or the municipality alone without data. */
export async function areaChoices(db: Db, kommune: string): Promise<AreaChoice[]> {
  const d = await currentDataset(db, kommune);
  if (!d) return [{ code: kommune, name: kommune }];
  const own = d.areas.find((a) => a.code === d.area);
  return [...(own ? [own] : []), ...d.areas.filter((a) => a.code !== d.area)];
}

export async function createAssessment(
  db: Db,
  actor: AssessmentActor,
  form: ProposalForm,
): Promise<{ ok: true; id: string } | { ok: false; problems: FieldProblem[] }> {
  const areas = await areaChoices(db, actor.staff.kommune);
  const checked = checkProposal(
    form,
    DEPARTMENTS,
    areas.map((a) => a.code),
  );
  if (!checked.ok) return checked;
  const { template } = await loadTemplate(db, actor);
  return tx(db, actor, async (q) => {
    const id = await store.insertAssessment(
      q,
      actor.staff.kommune,
      checked.proposal,
      actor.staff.id,
      template,
    );
    await store.insertHistory(q, actor.staff.kommune, id, who(actor), 'created');
    await audit(q, auditActor(actor), { action: 'create', entity: 'assessment', entityId: id });
    return { ok: true, id };
  });
}

export interface ListEntry {
  id: string;
  title: string;
  proposalType: ProposalType;
  department: string;
  decisionDate: string;
  state: AssessmentState;
  ownerName: string | null;
  updatedAt: Date;
}

export async function listAssessments(db: Db, actor: AssessmentActor): Promise<ListEntry[]> {
  return tx(db, actor, async (q) =>
    (await store.listRows(q)).map((r) => ({
      id: r.id,
      title: r.title,
      proposalType: r.proposal_type as ProposalType,
      department: r.department,
      decisionDate: r.decision_date,
      state: isState(r.state) ? r.state : 'draft',
      ownerName: r.owner_name,
      updatedAt: r.updated_at,
    })),
  );
}

// ---- one assessment ------------------------------------------------------------------------------

export interface IndicatorEntry {
  id: string;
  indicator: string | null;
  dimension: string | null;
  description: string;
  goalId: string | null;
}

export interface CommentEntry {
  id: string;
  authorName: string;
  body: string;
  at: Date;
}

export interface HistoryEntry {
  actorName: string;
  at: Date;
  what: string;
  detail: string;
}

/** An assessment as its pages see it: the proposal, then its steps, state and history. */
export interface AssessmentView extends Proposal {
  id: string;
  ownerId: string | null;
  ownerName: string | null;
  state: AssessmentState;
  template: Template;
  answers: Record<string, string>;
  screening: ScreeningResult;
  groups: string[];
  layers: Layer[];
  cells: Cell[];
  summary: GroupSummary[];
  actions: Action[];
  unmitigated: string[];
  indicators: IndicatorEntry[];
  comments: CommentEntry[];
  history: HistoryEntry[];
  conclusion: string;
  reviewDate: string | null;
  reviewWindow: { from: string; to: string };
  reviewedAt: Date | null;
  reviewNote: string;
  reviewDue: boolean;
  notReady: NotReady[];
  version: number;
  updatedAt: Date;
}

function viewOf(
  r: store.AssessmentRow,
  cellRows: store.CellRow[],
  actionRows: store.ActionRow[],
  indicatorRows: store.IndicatorRow[],
  comments: store.CommentRow[],
  history: store.HistoryRow[],
  today: string,
): AssessmentView {
  const t = r.template as Partial<Template> | null;
  const template = parseTemplate(t?.questions, t?.groups);
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.screening)) if (isAnswer(v)) answers[k] = v;
  const screening = screen(template.questions, answers);
  const groups = r.groups.filter((g) => template.groups.some((x) => x.key === g));
  const layers = r.layers.filter(isLayer);
  const cells: Cell[] = cellRows
    .filter((c) => isLayer(c.layer) && isImpact(c.impact) && isConfidence(c.confidence))
    .map((c) => ({
      group: c.group_key,
      layer: c.layer as Layer,
      impact: c.impact as Cell['impact'],
      evidence: c.evidence,
      confidence: c.confidence as Cell['confidence'],
    }));
  const actions: Action[] = actionRows.map((a) => ({
    id: a.id,
    kind: a.kind as ActionKind,
    text: a.text,
    group: a.group_key,
    interventionId: a.intervention_id,
  }));
  const state: AssessmentState = isState(r.state) ? r.state : 'draft';
  const inScope = cells.filter((c) => groups.includes(c.group) && layers.includes(c.layer));
  return {
    id: r.id,
    title: r.title,
    proposalType: r.proposal_type as ProposalType,
    department: r.department,
    description: r.description,
    decision: r.decision,
    decisionDate: r.decision_date,
    objective: r.objective,
    area: r.area,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    state,
    template,
    answers,
    screening,
    groups,
    layers,
    cells: inScope,
    summary: summarise(groups, inScope),
    actions,
    unmitigated: unmitigated(inScope, actions),
    indicators: indicatorRows.map((i) => ({
      id: i.id,
      indicator: i.indicator,
      dimension: i.dimension,
      description: i.description,
      goalId: i.goal_id,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.author_name,
      body: c.body,
      at: c.created_at,
    })),
    history: history.map((h) => ({
      actorName: h.actor_name,
      at: h.at,
      what: h.what,
      detail: h.detail,
    })),
    conclusion: r.conclusion,
    reviewDate: r.review_date,
    reviewWindow: reviewWindow(r.decision_date),
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    reviewDue: reviewDue({ reviewDate: r.review_date, reviewedAt: r.reviewed_at, state }, today),
    notReady: notReady({
      screening: screening.status,
      groups,
      layers,
      cells: inScope,
      actions,
      indicators: indicatorRows.length,
      reviewDate: r.review_date,
      conclusion: r.conclusion,
    }),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

async function readView(q: Queryable, id: string, today: string): Promise<AssessmentView> {
  const r = await store.assessmentRow(q, id);
  if (!r) throw notFound('Assessment');
  return viewOf(
    r,
    await store.cellRows(q, id),
    await store.actionRows(q, id),
    await store.indicatorRows(q, id),
    await store.commentRows(q, id),
    await store.historyRows(q, id),
    today,
  );
}

/** Copenhagen's calendar date of `now` (review dates are dates in Denmark). */
export const danishDate = (now: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);

export async function assessmentView(
  db: Db,
  actor: AssessmentActor,
  id: string,
  now: Date,
): Promise<AssessmentView> {
  if (!isUuid(id)) throw notFound('Assessment');
  return tx(db, actor, (q) => readView(q, id, danishDate(now)));
}

/**
 * One change: lock the row, check the version the form was read at, apply, bump the version,
 * write history and audit. `apply` returns the history entry (or problems: nothing changes).
 */
async function change(
  db: Db,
  actor: AssessmentActor,
  id: string,
  version: number,
  apply: (
    q: Queryable,
    row: store.AssessmentRow,
  ) => Promise<{ what: string; detail?: string; auditSummary?: string } | FieldProblem[]>,
): Promise<Outcome> {
  if (!isUuid(id)) throw notFound('Assessment');
  return tx(db, actor, async (q) => {
    const row = await store.assessmentRow(q, id, true);
    if (!row) throw notFound('Assessment');
    if (row.version !== version) throw new AssessmentStale();
    const r = await apply(q, row);
    if (Array.isArray(r)) return { ok: false, problems: r };
    await store.insertHistory(q, actor.staff.kommune, id, who(actor), r.what, r.detail ?? '');
    await audit(q, auditActor(actor), {
      action: 'update',
      entity: 'assessment',
      entityId: id,
      ...(r.auditSummary ? { summary: r.auditSummary } : {}),
    });
    return { ok: true };
  });
}

export async function updateProposal(
  db: Db,
  actor: AssessmentActor,
  id: string,
  form: ProposalForm,
  version: number,
): Promise<Outcome> {
  const areas = await areaChoices(db, actor.staff.kommune);
  const checked = checkProposal(
    form,
    DEPARTMENTS,
    areas.map((a) => a.code),
  );
  if (!checked.ok) return checked;
  const p = checked.proposal;
  return change(db, actor, id, version, async (q) => {
    await store.updateAssessment(q, id, {
      title: p.title,
      proposal_type: p.proposalType,
      department: p.department,
      description: p.description,
      decision: p.decision,
      decision_date: p.decisionDate,
      objective: p.objective,
      area: p.area,
    });
    return { what: 'proposal' };
  });
}

export async function saveScreening(
  db: Db,
  actor: AssessmentActor,
  id: string,
  answers: Record<string, string>,
  version: number,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    const t = row.template as Partial<Template> | null;
    const template = parseTemplate(t?.questions, t?.groups);
    const result = screen(template.questions, answers);
    if (result.status === 'incomplete')
      return result.unanswered.map((k) => ({
        path: `s_${k}`,
        message: 'assessment.error.screeningAnswer',
      }));
    const kept = Object.fromEntries(template.questions.map((x) => [x.key, answers[x.key]]));
    await store.updateAssessment(q, id, {
      screening: JSON.stringify(kept),
      screened_at: new Date(),
    });
    return { what: 'screening', detail: result.status };
  });
}

export async function saveScope(
  db: Db,
  actor: AssessmentActor,
  id: string,
  groups: string[],
  layers: string[],
  version: number,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    const t = row.template as Partial<Template> | null;
    const template = parseTemplate(t?.questions, t?.groups);
    const checked = checkScope(
      groups,
      layers,
      template.groups.map((g) => g.key),
    );
    if (!checked.ok) return checked.problems;
    await store.updateAssessment(q, id, { groups: checked.groups, layers: checked.layers });
    return { what: 'scope', detail: `${checked.groups.length}x${checked.layers.length}` };
  });
}

export async function saveCells(
  db: Db,
  actor: AssessmentActor,
  id: string,
  forms: CellForm[],
  version: number,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    const inScope = forms.filter(
      (f) => row.groups.includes(f.group) && row.layers.includes(f.layer),
    );
    const checked = checkCells(inScope);
    if (!checked.ok) return checked.problems;
    await store.replaceCells(q, actor.staff.kommune, id, checked.cells);
    await store.updateAssessment(q, id, {});
    return { what: 'matrix', detail: String(checked.cells.length) };
  });
}

export async function addAction(
  db: Db,
  actor: AssessmentActor,
  id: string,
  form: { kind: string; text: string; group: string },
  version: number,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    const checked = checkAction(form, row.groups);
    if (!checked.ok) return checked.problems;
    await store.insertAction(q, actor.staff.kommune, id, checked.action);
    await store.updateAssessment(q, id, {});
    return { what: `action_${checked.action.kind}`, detail: checked.action.text.slice(0, 120) };
  });
}

export async function removeAction(
  db: Db,
  actor: AssessmentActor,
  id: string,
  actionId: string,
  version: number,
): Promise<Outcome> {
  if (!isUuid(actionId)) throw notFound('Action');
  return change(db, actor, id, version, async (q) => {
    if (!(await store.deleteAction(q, id, actionId))) throw notFound('Action');
    await store.updateAssessment(q, id, {});
    return { what: 'action_removed' };
  });
}

/**
 * A mitigation (or amplification) becomes an intervention of the planning domain in the owner
 * department, with the action's group as its target; the action keeps the intervention's id.
 * The intervention is created in its own domain's transaction; the link follows.
 */
export async function actionToIntervention(
  db: Db,
  actor: AssessmentActor,
  id: string,
  actionId: string,
  version: number,
): Promise<{ interventionId: string }> {
  const view = await assessmentView(db, actor, id, new Date());
  if (view.version !== version) throw new AssessmentStale();
  const action = view.actions.find((a) => a.id === actionId);
  if (!action) throw notFound('Action');
  if (action.interventionId) return { interventionId: action.interventionId };
  const group = action.group ? view.template.groups.find((g) => g.key === action.group) : null;
  const department = isDepartment(view.department) ? view.department : 'health';
  const interventionId = await createIntervention(db, actor.staff, {
    name: action.text.split(/[.\n]/)[0]!.slice(0, 120) || view.title,
    purpose: action.text,
    department,
    type: 'structural',
    status: 'idea',
    ...(group
      ? {
          targetGroups: [
            group.dimension ? { dimension: group.dimension } : { riskFactor: group.label.da },
          ],
        }
      : {}),
  });
  const r = await change(db, actor, id, version, async (q) => {
    await store.linkIntervention(q, actionId, interventionId);
    await store.updateAssessment(q, id, {});
    return { what: 'intervention', detail: action.text.slice(0, 120) };
  });
  if (!r.ok) throw new AssessmentStale();
  return { interventionId };
}

export async function addIndicator(
  db: Db,
  actor: AssessmentActor,
  id: string,
  form: { indicator: string; dimension: string; description: string },
  version: number,
): Promise<Outcome> {
  const [indicators, dimensions] = await Promise.all([
    listIndicators(db, actor.staff.kommune),
    listDimensions(db, actor.staff.kommune),
  ]);
  const checked = checkIndicator(
    form,
    indicators.map((i) => i.key),
    dimensions.map((d) => d.key),
  );
  if (!checked.ok) return checked;
  return change(db, actor, id, version, async (q) => {
    await store.insertIndicator(q, actor.staff.kommune, id, checked.indicator);
    await store.updateAssessment(q, id, {});
    return {
      what: 'indicator_added',
      detail: checked.indicator.indicator ?? checked.indicator.description.slice(0, 120),
    };
  });
}

export async function removeIndicator(
  db: Db,
  actor: AssessmentActor,
  id: string,
  indicatorId: string,
  version: number,
): Promise<Outcome> {
  if (!isUuid(indicatorId)) throw notFound('Indicator');
  return change(db, actor, id, version, async (q) => {
    if (!(await store.deleteIndicator(q, id, indicatorId))) throw notFound('Indicator');
    await store.updateAssessment(q, id, {});
    return { what: 'indicator_removed' };
  });
}

/** The goal form beside a monitored indicator: a target value (percent, or points for a gap) and year. */
export interface GoalForm {
  targetValue: string;
  targetYear: string;
}

/**
 * A monitoring indicator becomes a goal of the planning domain: a gap goal (HEAT's D along the
 * dimension) when the indicator is followed by a dimension, a level goal otherwise, in the
 * assessment's area. The goal's baseline is the monitor's latest figure; the link follows.
 */
export async function indicatorToGoal(
  db: Db,
  actor: AssessmentActor,
  id: string,
  indicatorId: string,
  form: GoalForm,
  version: number,
  now: Date,
): Promise<Outcome> {
  const view = await assessmentView(db, actor, id, now);
  if (view.version !== version) throw new AssessmentStale();
  const ind = view.indicators.find((i) => i.id === indicatorId);
  if (!ind) throw notFound('Indicator');
  if (ind.goalId) return { ok: true };
  const problems: FieldProblem[] = [];
  const value = Number(form.targetValue.trim().replace(',', '.'));
  const year = Number(form.targetYear.trim());
  const thisYear = now.getUTCFullYear();
  if (!ind.indicator)
    problems.push({ path: `goal_${ind.id}_value`, message: 'assessment.error.goalIndicator' });
  else if (!form.targetValue.trim() || !Number.isFinite(value) || value < 0 || value > 100)
    problems.push({ path: `goal_${ind.id}_value`, message: 'assessment.error.goalValue' });
  if (!Number.isInteger(year) || year <= thisYear || year > thisYear + 25)
    problems.push({ path: `goal_${ind.id}_year`, message: 'assessment.error.goalYear' });
  if (problems.length) return { ok: false, problems };
  let goalId: string;
  try {
    goalId = await createGoal(
      db,
      actor.staff,
      {
        kind: ind.dimension ? 'gap' : 'level',
        indicator: ind.indicator,
        dimension: ind.dimension,
        area: view.area,
        ...(ind.dimension ? { measure: 'D' as const } : {}),
        targetValue: value,
        targetYear: year,
        note: view.title,
      },
      { now, requestId: actor.requestId },
    );
  } catch (e) {
    // The goal's own checks (no baseline in the monitor, a target year before it): at the field.
    if (e instanceof LighedError && e.code === 'LIGHED_ERR_VALIDATION')
      return {
        ok: false,
        problems: [{ path: `goal_${ind.id}_value`, message: 'assessment.error.goalRefused' }],
      };
    throw e;
  }
  const r = await change(db, actor, id, version, async (q) => {
    await store.linkGoal(q, indicatorId, goalId);
    await store.updateAssessment(q, id, {});
    return { what: 'goal', detail: ind.indicator ?? '' };
  });
  if (!r.ok) throw new AssessmentStale();
  return { ok: true };
}

export async function saveConclusion(
  db: Db,
  actor: AssessmentActor,
  id: string,
  form: { conclusion: string; reviewDate: string },
  version: number,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    const problems: FieldProblem[] = [];
    if (form.conclusion.length > 4000)
      problems.push({ path: 'conclusion', message: 'assessment.error.tooLong' });
    if (form.reviewDate) problems.push(...checkReviewDate(form.reviewDate, row.decision_date));
    if (problems.length) return problems;
    await store.updateAssessment(q, id, {
      conclusion: form.conclusion.trim(),
      review_date: form.reviewDate || null,
    });
    return { what: 'conclusion', detail: form.reviewDate };
  });
}

export async function addComment(
  db: Db,
  actor: AssessmentActor,
  id: string,
  body: string,
): Promise<Outcome> {
  const text = body.trim();
  if (text.length < 1 || text.length > 2000)
    return { ok: false, problems: [{ path: 'comment', message: 'assessment.error.comment' }] };
  if (!isUuid(id)) throw notFound('Assessment');
  // A comment never conflicts with an edit: no version check, the row is not changed.
  return tx(db, actor, async (q) => {
    if (!(await store.assessmentRow(q, id))) throw notFound('Assessment');
    await store.insertComment(q, actor.staff.kommune, id, who(actor), text);
    await store.insertHistory(q, actor.staff.kommune, id, who(actor), 'comment');
    await audit(q, auditActor(actor), { action: 'update', entity: 'assessment', entityId: id });
    return { ok: true };
  });
}

export async function setState(
  db: Db,
  actor: AssessmentActor,
  id: string,
  to: string,
  version: number,
  now: Date,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    if (!isState(to) || !isState(row.state) || !canMove(row.state, to))
      return [{ path: 'state', message: 'assessment.error.state' }];
    if (to === 'final') {
      const view = await readView(q, id, danishDate(now));
      if (view.notReady.length)
        return view.notReady
          .map(() => ({ path: 'state', message: 'assessment.error.notReady' }))
          .slice(0, 1);
    }
    await store.updateAssessment(q, id, { state: to });
    return { what: 'state', detail: to, auditSummary: `assessment ${to}` };
  });
}

export async function recordReview(
  db: Db,
  actor: AssessmentActor,
  id: string,
  note: string,
  version: number,
  now: Date,
): Promise<Outcome> {
  return change(db, actor, id, version, async (q, row) => {
    const text = note.trim();
    if (text.length < 1 || text.length > 2000)
      return [{ path: 'reviewNote', message: 'assessment.error.reviewNote' }];
    if (row.state !== 'final') return [{ path: 'reviewNote', message: 'assessment.error.state' }];
    await store.updateAssessment(q, id, { reviewed_at: now, review_note: text });
    return { what: 'review' };
  });
}

export async function recordExport(
  db: Db,
  actor: AssessmentActor,
  id: string,
  kind: 'pdf' | 'docx',
): Promise<void> {
  const asPdf = kind === 'pdf';
  await tx(db, actor, (q) =>
    audit(q, auditActor(actor), {
      action: 'export',
      entity: 'assessment',
      entityId: id,
      summary: asPdf ? 'assessment report as PDF' : 'assessment report as Word',
    }),
  );
}

// ---- the monitor's figures -----------------------------------------------------------------------

export interface GroupFigures {
  group: string;
  dimension: DimensionInfo;
  year: number | null;
  /** The clear gaps along the dimension, largest by people concerned first. */
  gaps: Priority[];
  /** Figures along the dimension hidden by the small-cell rule. */
  hidden: number;
  crude: boolean;
  /** The latest wave of the indicators that matter here, along the dimension, hidden cells marked. */
  series: SeriesFigures[];
}

export interface SeriesFigures {
  indicator: IndicatorInfo;
  year: number | null;
  rows: SeriesRow[];
}

export interface IndicatorFigures {
  id: string;
  indicator: IndicatorInfo;
  dimension: DimensionInfo | null;
  year: number | null;
  /** The latest wave: everyone, then each group (hidden ones with `suppressed`). */
  rows: SeriesRow[];
}

export interface Figures {
  area: string;
  areaName: string;
  hasData: boolean;
  groups: GroupFigures[];
  indicators: IndicatorFigures[];
  indicatorChoices: IndicatorInfo[];
  dimensionChoices: DimensionInfo[];
}

const GAPS_PER_GROUP = 5;

/** The monitor's latest figures for the assessment's area: per chosen group, per indicator. */
export async function figuresFor(db: Db, kommune: string, view: AssessmentView): Promise<Figures> {
  const [dataset, dims, inds] = await Promise.all([
    currentDataset(db, kommune),
    listDimensions(db, kommune),
    listIndicators(db, kommune),
  ]);
  const areaName = dataset?.areas.find((a) => a.code === view.area)?.name ?? view.area;
  const out: Figures = {
    area: view.area,
    areaName,
    hasData: dataset !== null,
    groups: [],
    indicators: [],
    indicatorChoices: inds,
    dimensionChoices: dims,
  };
  if (!dataset) return out;
  const chosen = view.groups.flatMap((key) => {
    const g = view.template.groups.find((x) => x.key === key);
    const dim = g?.dimension ? dims.find((d) => d.key === g.dimension) : undefined;
    return dim ? [{ key, dim }] : [];
  });
  const gapsOf = new Map<string, Awaited<ReturnType<typeof areaGaps>>>();
  for (const { dim } of chosen)
    if (!gapsOf.has(dim.key))
      gapsOf.set(dim.key, await areaGaps(db, kommune, view.area, { dimension: dim.key }));
  // The indicators that matter for this proposal: those it will follow, else the largest gap's.
  const followed = view.indicators.flatMap((i) => (i.indicator ? [i.indicator] : []));
  const largest = [...gapsOf.values()]
    .flatMap((g) => g?.rows ?? [])
    .sort((a, b) => b.people - a.people)
    .map((p) => p.indicatorKey);
  const focus = [...new Set(followed.length ? followed : largest.slice(0, 1))]
    .map((k) => inds.find((x) => x.key === k))
    .filter((x): x is IndicatorInfo => x !== undefined)
    .slice(0, 3);
  for (const { key, dim } of chosen) {
    const gaps = gapsOf.get(dim.key) ?? null;
    const series: SeriesFigures[] = [];
    for (const info of focus) {
      const rows = await indicatorSeries(db, {
        kommune,
        indicator: info.key,
        dimension: dim.key,
        area: view.area,
      });
      const year = rows.length ? Math.max(...rows.map((r) => r.year)) : null;
      series.push({ indicator: info, year, rows: rows.filter((r) => r.year === year) });
    }
    out.groups.push({
      group: key,
      dimension: dim,
      year: gaps?.year ?? null,
      gaps: (gaps?.rows ?? []).slice(0, GAPS_PER_GROUP),
      hidden: gaps?.skipped.suppressed ?? 0,
      crude: gaps?.crude ?? false,
      series,
    });
  }
  for (const i of view.indicators) {
    const info = i.indicator ? inds.find((x) => x.key === i.indicator) : undefined;
    if (!info) continue;
    const rows = await indicatorSeries(db, {
      kommune,
      indicator: info.key,
      dimension: i.dimension ?? undefined,
      area: view.area,
    });
    const year = rows.length ? Math.max(...rows.map((r) => r.year)) : null;
    out.indicators.push({
      id: i.id,
      indicator: info,
      dimension: i.dimension ? (dims.find((d) => d.key === i.dimension) ?? null) : null,
      year,
      rows: rows.filter((r) => r.year === year),
    });
  }
  return out;
}

// ---- the staff home ------------------------------------------------------------------------------

export interface DueReview {
  id: string;
  title: string;
  reviewDate: string;
}

/** The signed-in person's own final assessments whose review is due. */
export async function dueReviewsFor(db: Db, staff: StaffUser, now: Date): Promise<DueReview[]> {
  return inTenant(db, staff.kommune, async (q) =>
    (await store.dueReviews(q, staff.id, danishDate(now))).map((r) => ({
      id: r.id,
      title: r.title,
      reviewDate: r.review_date,
    })),
  );
}
