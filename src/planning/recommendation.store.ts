/** SQL for adopted frameworks, their recommendations and links to interventions (migration 0023). */
import type { Queryable } from '../db/db.ts';
import type { Department } from './intervention.ts';
import type {
  RecommendationState,
  RecommendationUpdate,
  RecommendationView,
} from './recommendation.ts';

export interface RecommendationRow extends RecommendationView {
  version: number;
}

interface Row {
  id: string;
  framework_key: string;
  code: string;
  title: string;
  body: string;
  departments: Department[];
  state: RecommendationState;
  note: string | null;
  note_date: string | null;
  version: number;
  intervention_ids: string[] | null;
}

const SELECT = `
  select r.id, r.framework_key, r.code, r.title, r.body, r.departments, r.state, r.note,
         to_char(r.note_date, 'YYYY-MM-DD') as note_date, r.version,
         array(select l.intervention_id::text from planning_recommendation_intervention l
                where l.recommendation_id = r.id and l.kommune = $1
                order by l.intervention_id) as intervention_ids
    from planning_recommendation r`;

const viewOf = (r: Row): RecommendationRow => ({
  id: r.id,
  frameworkKey: r.framework_key,
  code: r.code,
  title: r.title,
  text: r.body,
  departments: r.departments,
  state: r.state,
  note: r.note,
  noteDate: r.note_date,
  interventionIds: r.intervention_ids ?? [],
  version: r.version,
});

export async function recommendationRows(
  q: Queryable,
  kommune: string,
  filter: { department?: Department | undefined; frameworkKey?: string | undefined },
): Promise<RecommendationRow[]> {
  const rows = await q.query<Row>(
    `${SELECT}
      where r.kommune = $1 and ($2::text is null or $2 = any(r.departments))
        and ($3::text is null or r.framework_key = $3)
      order by r.framework_key, r.sort`,
    [kommune, filter.department ?? null, filter.frameworkKey ?? null],
  );
  return rows.map(viewOf);
}

export async function recommendationRow(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<RecommendationRow | null> {
  const [r] = await q.query<Row>(`${SELECT} where r.kommune = $1 and r.id = $2`, [kommune, id]);
  return r ? viewOf(r) : null;
}

export async function adoptedFrameworks(
  q: Queryable,
  kommune: string,
): Promise<{ key: string; adoptedAt: Date }[]> {
  const rows = await q.query<{ framework_key: string; adopted_at: Date }>(
    `select framework_key, adopted_at from planning_framework where kommune = $1 order by adopted_at`,
    [kommune],
  );
  return rows.map((r) => ({ key: r.framework_key, adoptedAt: new Date(r.adopted_at) }));
}

/** Adds the framework row; false when it was already adopted. */
export async function insertFramework(
  q: Queryable,
  kommune: string,
  key: string,
  adoptedBy: string | null,
): Promise<boolean> {
  const r = await q.query(
    `insert into planning_framework (kommune, framework_key, adopted_by) values ($1, $2, $3)
     on conflict do nothing returning framework_key`,
    [kommune, key, adoptedBy],
  );
  return r.length > 0;
}

export async function insertRecommendations(
  q: Queryable,
  kommune: string,
  key: string,
  items: readonly {
    code: string;
    title: string;
    text: string;
    departments: Department[];
    sort: number;
  }[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `insert into planning_recommendation (kommune, framework_key, code, title, body, departments, sort)
     select $1, $2, x.code, x.title, x.body, array(select jsonb_array_elements_text(x.departments)), x.sort
       from jsonb_to_recordset($3::jsonb)
            as x(code text, title text, body text, departments jsonb, sort integer)
     returning id`,
    [
      kommune,
      key,
      JSON.stringify(
        items.map((i) => ({
          code: i.code,
          title: i.title,
          body: i.text,
          departments: i.departments,
          sort: i.sort,
        })),
      ),
    ],
  );
  return rows.map((r) => r.id);
}

export async function frameworkCodes(
  q: Queryable,
  kommune: string,
  key: string,
): Promise<string[]> {
  const rows = await q.query<{ code: string; sort: number }>(
    `select code, sort from planning_recommendation where kommune = $1 and framework_key = $2`,
    [kommune, key],
  );
  return rows.map((r) => r.code);
}

export async function maxSort(q: Queryable, kommune: string, key: string): Promise<number> {
  const [r] = await q.query<{ m: number | null }>(
    `select max(sort) as m from planning_recommendation where kommune = $1 and framework_key = $2`,
    [kommune, key],
  );
  return Number(r?.m ?? 0);
}

export async function updateRecommendation(
  q: Queryable,
  kommune: string,
  id: string,
  u: RecommendationUpdate,
  version: number,
): Promise<number | null> {
  const [r] = await q.query<{ version: number }>(
    `update planning_recommendation
        set state = $3, note = $4, note_date = $5, departments = $6,
            version = version + 1, updated_at = now()
      where kommune = $1 and id = $2 and version = $7
      returning version`,
    [kommune, id, u.state, u.note, u.noteDate, u.departments, version],
  );
  return r?.version ?? null;
}

export async function insertLink(
  q: Queryable,
  kommune: string,
  recommendationId: string,
  interventionId: string,
): Promise<boolean> {
  const r = await q.query(
    `insert into planning_recommendation_intervention (kommune, recommendation_id, intervention_id)
     values ($1, $2, $3) on conflict do nothing returning recommendation_id`,
    [kommune, recommendationId, interventionId],
  );
  return r.length > 0;
}

export async function deleteLink(
  q: Queryable,
  kommune: string,
  recommendationId: string,
  interventionId: string,
): Promise<boolean> {
  const r = await q.query(
    `delete from planning_recommendation_intervention
      where kommune = $1 and recommendation_id = $2 and intervention_id = $3
      returning recommendation_id`,
    [kommune, recommendationId, interventionId],
  );
  return r.length > 0;
}
