/**
 * The equity impact assessments' SQL (0027_assessment.sql). Every call runs in a transaction
 * bound to the municipality (inTenant); changes to an assessment lock its row and check the
 * version the form was read at.
 */
import { one, type Queryable } from '../db/db.ts';
import type { Proposal } from './assessment.ts';
import type { Template } from './template.ts';

export interface AssessmentRow {
  id: string;
  title: string;
  proposal_type: string;
  department: string;
  description: string;
  decision: string;
  decision_date: string;
  objective: string;
  area: string;
  owner_id: string | null;
  owner_name: string | null;
  state: string;
  template: unknown;
  screening: Record<string, unknown>;
  screened_at: Date | null;
  groups: string[];
  layers: string[];
  conclusion: string;
  review_date: string | null;
  reviewed_at: Date | null;
  review_note: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `a.id, a.title, a.proposal_type, a.department, a.description, a.decision,
  to_char(a.decision_date, 'YYYY-MM-DD') as decision_date, a.objective, a.area, a.owner_id,
  u.name as owner_name, a.state, a.template, a.screening, a.screened_at, a.groups, a.layers,
  a.conclusion, to_char(a.review_date, 'YYYY-MM-DD') as review_date, a.reviewed_at,
  a.review_note, a.version, a.created_at, a.updated_at`;

export async function templateRow(
  q: Queryable,
): Promise<{ questions: unknown; groups: unknown; version: number } | undefined> {
  return one(
    q,
    `select questions, groups, version from assessment_template where kommune = lighed_kommune()`,
  );
}

/** Saves the municipality's template; false when `version` is stale (0: there was none). */
export async function saveTemplate(
  q: Queryable,
  kommune: string,
  t: Template,
  version: number,
): Promise<boolean> {
  if (version === 0) {
    const rows = await q.query(
      `insert into assessment_template (kommune, questions, groups) values ($1, $2, $3)
       on conflict (kommune) do nothing returning kommune`,
      [kommune, JSON.stringify(t.questions), JSON.stringify(t.groups)],
    );
    return rows.length === 1;
  }
  const rows = await q.query(
    `update assessment_template set questions = $2, groups = $3, version = version + 1,
            updated_at = now()
      where kommune = $1 and version = $4 returning kommune`,
    [kommune, JSON.stringify(t.questions), JSON.stringify(t.groups), version],
  );
  return rows.length === 1;
}

export async function deleteTemplate(q: Queryable, version: number): Promise<boolean> {
  const rows = await q.query(
    `delete from assessment_template where kommune = lighed_kommune() and version = $1
     returning kommune`,
    [version],
  );
  return rows.length === 1;
}

export async function insertAssessment(
  q: Queryable,
  kommune: string,
  p: Proposal,
  ownerId: string,
  template: Template,
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into assessment (kommune, title, proposal_type, department, description, decision,
                             decision_date, objective, area, owner_id, template)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      kommune,
      p.title,
      p.proposalType,
      p.department,
      p.description,
      p.decision,
      p.decisionDate,
      p.objective,
      p.area,
      ownerId,
      JSON.stringify(template),
    ],
  );
  return row!.id;
}

export interface ListRow {
  id: string;
  title: string;
  proposal_type: string;
  department: string;
  decision_date: string;
  state: string;
  owner_name: string | null;
  updated_at: Date;
}

export async function listRows(q: Queryable): Promise<ListRow[]> {
  return q.query<ListRow>(
    `select a.id, a.title, a.proposal_type, a.department,
            to_char(a.decision_date, 'YYYY-MM-DD') as decision_date, a.state,
            u.name as owner_name, a.updated_at
       from assessment a left join staff_user u on u.id = a.owner_id
      where a.kommune = lighed_kommune()
      order by a.updated_at desc
      limit 500`,
  );
}

export async function assessmentRow(
  q: Queryable,
  id: string,
  lock = false,
): Promise<AssessmentRow | undefined> {
  // `for update of a`: the owner's name comes from a join that must not be locked.
  return one<AssessmentRow>(
    q,
    `select ${COLUMNS} from assessment a left join staff_user u on u.id = a.owner_id
      where a.id = $1 and a.kommune = lighed_kommune()${lock ? ' for update of a' : ''}`,
    [id],
  );
}

/** Columns a change may set; the version goes up by one with every change. */
export type AssessmentChange = Partial<{
  title: string;
  proposal_type: string;
  department: string;
  description: string;
  decision: string;
  decision_date: string;
  objective: string;
  area: string;
  state: string;
  screening: string;
  screened_at: Date;
  groups: string[];
  layers: string[];
  conclusion: string;
  review_date: string | null;
  reviewed_at: Date | null;
  review_note: string;
}>;

export async function updateAssessment(
  q: Queryable,
  id: string,
  change: AssessmentChange,
): Promise<number> {
  const keys = Object.keys(change) as (keyof AssessmentChange)[];
  const sets = keys.map((k, i) => `${k} = $${i + 2}`);
  const [row] = await q.query<{ version: number }>(
    `update assessment set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      where id = $1 returning version`,
    [id, ...keys.map((k) => change[k])],
  );
  return row!.version;
}

export interface CellRow {
  group_key: string;
  layer: string;
  impact: string;
  evidence: string;
  confidence: string;
}

export async function cellRows(q: Queryable, id: string): Promise<CellRow[]> {
  return q.query<CellRow>(
    `select group_key, layer, impact, evidence, confidence from assessment_cell
      where assessment_id = $1 order by group_key, layer`,
    [id],
  );
}

export async function replaceCells(
  q: Queryable,
  kommune: string,
  id: string,
  cells: readonly {
    group: string;
    layer: string;
    impact: string;
    evidence: string;
    confidence: string;
  }[],
): Promise<void> {
  await q.query(`delete from assessment_cell where assessment_id = $1`, [id]);
  for (const c of cells)
    await q.query(
      `insert into assessment_cell (assessment_id, kommune, group_key, layer, impact, evidence,
                                    confidence)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [id, kommune, c.group, c.layer, c.impact, c.evidence, c.confidence],
    );
}

export interface ActionRow {
  id: string;
  kind: string;
  text: string;
  group_key: string | null;
  intervention_id: string | null;
}

export async function actionRows(q: Queryable, id: string): Promise<ActionRow[]> {
  return q.query<ActionRow>(
    `select id, kind, text, group_key, intervention_id from assessment_action
      where assessment_id = $1 order by created_at, id`,
    [id],
  );
}

export async function insertAction(
  q: Queryable,
  kommune: string,
  id: string,
  a: { kind: string; text: string; group: string | null },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into assessment_action (assessment_id, kommune, kind, text, group_key)
     values ($1, $2, $3, $4, $5) returning id`,
    [id, kommune, a.kind, a.text, a.group],
  );
  return row!.id;
}

export async function deleteAction(q: Queryable, id: string, actionId: string): Promise<boolean> {
  const rows = await q.query(
    `delete from assessment_action where assessment_id = $1 and id = $2 returning id`,
    [id, actionId],
  );
  return rows.length === 1;
}

export async function linkIntervention(
  q: Queryable,
  actionId: string,
  interventionId: string,
): Promise<void> {
  await q.query(`update assessment_action set intervention_id = $2 where id = $1`, [
    actionId,
    interventionId,
  ]);
}

export interface IndicatorRow {
  id: string;
  indicator: string | null;
  dimension: string | null;
  description: string;
  goal_id: string | null;
}

export async function indicatorRows(q: Queryable, id: string): Promise<IndicatorRow[]> {
  return q.query<IndicatorRow>(
    `select id, indicator, dimension, description, goal_id from assessment_indicator
      where assessment_id = $1 order by created_at, id`,
    [id],
  );
}

export async function insertIndicator(
  q: Queryable,
  kommune: string,
  id: string,
  i: { indicator: string | null; dimension: string | null; description: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into assessment_indicator (assessment_id, kommune, indicator, dimension, description)
     values ($1, $2, $3, $4, $5) returning id`,
    [id, kommune, i.indicator, i.dimension, i.description],
  );
  return row!.id;
}

export async function deleteIndicator(
  q: Queryable,
  id: string,
  indicatorId: string,
): Promise<boolean> {
  const rows = await q.query(
    `delete from assessment_indicator where assessment_id = $1 and id = $2 returning id`,
    [id, indicatorId],
  );
  return rows.length === 1;
}

export async function linkGoal(q: Queryable, indicatorId: string, goalId: string): Promise<void> {
  await q.query(`update assessment_indicator set goal_id = $2 where id = $1`, [
    indicatorId,
    goalId,
  ]);
}

export interface CommentRow {
  id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export async function commentRows(q: Queryable, id: string): Promise<CommentRow[]> {
  return q.query<CommentRow>(
    `select id, author_name, body, created_at from assessment_comment
      where assessment_id = $1 order by created_at, id`,
    [id],
  );
}

export async function insertComment(
  q: Queryable,
  kommune: string,
  id: string,
  author: { id: string; name: string },
  body: string,
): Promise<void> {
  await q.query(
    `insert into assessment_comment (assessment_id, kommune, author_id, author_name, body)
     values ($1, $2, $3, $4, $5)`,
    [id, kommune, author.id, author.name, body],
  );
}

export interface HistoryRow {
  actor_name: string;
  at: Date;
  what: string;
  detail: string;
}

export async function historyRows(q: Queryable, id: string): Promise<HistoryRow[]> {
  return q.query<HistoryRow>(
    `select actor_name, at, what, detail from assessment_history
      where assessment_id = $1 order by at desc, id desc limit 200`,
    [id],
  );
}

export async function insertHistory(
  q: Queryable,
  kommune: string,
  id: string,
  actor: { id: string; name: string },
  what: string,
  detail = '',
): Promise<void> {
  await q.query(
    `insert into assessment_history (assessment_id, kommune, actor_id, actor_name, what, detail)
     values ($1, $2, $3, $4, $5, $6)`,
    [id, kommune, actor.id, actor.name, what, detail.slice(0, 300)],
  );
}

/** Final assessments owned by `ownerId` whose review date has come and not been recorded. */
export async function dueReviews(
  q: Queryable,
  ownerId: string,
  today: string,
): Promise<{ id: string; title: string; review_date: string }[]> {
  return q.query(
    `select id, title, to_char(review_date, 'YYYY-MM-DD') as review_date from assessment
      where kommune = lighed_kommune() and owner_id = $1 and state = 'final'
        and reviewed_at is null and review_date <= $2
      order by review_date limit 20`,
    [ownerId, today],
  );
}
