/** Goals' SQL (0024_goals.sql); row-level security keeps each municipality to its own. */
import { one, type Queryable } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import type { GoalKind, GoalMeasure } from './goal.ts';

export interface GoalRow {
  id: string;
  kind: GoalKind;
  measure: GoalMeasure;
  indicator: string | null;
  dimension: string | null;
  grp: string | null;
  area: string;
  offer_id: string | null;
  intervention_id: string | null;
  recommendation_id: string | null;
  baseline_year: number;
  baseline_value: number;
  target_year: number;
  target_value: number;
  baseline_source: string;
  note: string;
  version: number;
}

const COLUMNS = `id, kind, measure, indicator, dimension, grp, area, offer_id, intervention_id,
  recommendation_id, baseline_year, baseline_value, target_year, target_value, baseline_source,
  note, version`;

const toRow = (r: GoalRow): GoalRow => ({
  ...r,
  baseline_year: Number(r.baseline_year),
  baseline_value: Number(r.baseline_value),
  target_year: Number(r.target_year),
  target_value: Number(r.target_value),
  version: Number(r.version),
});

export async function goalRows(q: Queryable): Promise<GoalRow[]> {
  const rows = await q.query<GoalRow>(
    `select ${COLUMNS} from planning_goal where kommune = lighed_kommune() order by created_at, id`,
  );
  return rows.map(toRow);
}

export async function goalRow(q: Queryable, id: string): Promise<GoalRow | undefined> {
  const r = await one<GoalRow>(
    q,
    `select ${COLUMNS} from planning_goal where id = $1 and kommune = lighed_kommune()`,
    [id],
  );
  return r ? toRow(r) : undefined;
}

export type NewGoal = Omit<GoalRow, 'id' | 'version'> & { created_by: string | null };

export async function insertGoal(q: Queryable, kommune: string, g: NewGoal): Promise<string> {
  const r = await one<{ id: string }>(
    q,
    `insert into planning_goal (kommune, kind, measure, indicator, dimension, grp, area, offer_id,
       intervention_id, recommendation_id, baseline_year, baseline_value, target_year,
       target_value, baseline_source, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     returning id`,
    [
      kommune,
      g.kind,
      g.measure,
      g.indicator,
      g.dimension,
      g.grp,
      g.area,
      g.offer_id,
      g.intervention_id,
      g.recommendation_id,
      g.baseline_year,
      g.baseline_value,
      g.target_year,
      g.target_value,
      g.baseline_source,
      g.note,
      g.created_by,
    ],
  );
  return r!.id;
}

/** The editable parts; false when the version moved on (someone else saved first). */
export async function updateGoal(
  q: Queryable,
  id: string,
  version: number,
  g: Pick<
    GoalRow,
    'target_year' | 'target_value' | 'recommendation_id' | 'intervention_id' | 'note'
  >,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `update planning_goal set target_year = $3, target_value = $4, recommendation_id = $5,
            intervention_id = $6, note = $7, version = version + 1, updated_at = now()
      where id = $1 and version = $2 and kommune = lighed_kommune() returning id`,
    [id, version, g.target_year, g.target_value, g.recommendation_id, g.intervention_id, g.note],
  );
  return rows.length === 1;
}

export async function deleteGoal(q: Queryable, id: string, version: number): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `delete from planning_goal where id = $1 and version = $2 and kommune = lighed_kommune() returning id`,
    [id, version],
  );
  return rows.length === 1;
}

/** A planner (else an admin) of the municipality: whom the demo's goals are set as. */
export async function goalSetter(q: Queryable): Promise<StaffUser | undefined> {
  return one<StaffUser>(
    q,
    `select id, kommune, email, name, role, organization_id, team_id from staff_user
      where kommune = lighed_kommune() and role in ('planner', 'admin')
      order by role desc, email limit 1`,
  );
}
