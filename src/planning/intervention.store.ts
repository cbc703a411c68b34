/** SQL for interventions and their offer links (migration 0023). */
import type { Queryable } from '../db/db.ts';
import type {
  Department,
  InterventionDetail,
  InterventionInput,
  InterventionSummary,
  TargetGroup,
} from './intervention.ts';

interface Row {
  id: string;
  kommune: string;
  name: string;
  purpose: string;
  department: Department;
  type: InterventionSummary['type'];
  status: InterventionSummary['status'];
  arenas: string[];
  target_groups: TargetGroup[] | string;
  health_roles: InterventionDetail['healthRoles'];
  evidence_level: InterventionSummary['evidenceLevel'];
  evidence_sources: string;
  start_date: string | null;
  end_date: string | null;
  evaluation: string;
  published_at: Date | null;
  copied_from_kommune: string | null;
  copied_from_id: string | null;
  version: number;
  updated_at: Date;
  offer_ids: string[] | null;
  recommendation_ids: string[] | null;
  tenant_name?: string;
}

const SELECT = `
  select i.id, i.kommune, i.name, i.purpose, i.department, i.type, i.status, i.arenas,
         i.target_groups, i.health_roles, i.evidence_level, i.evidence_sources,
         to_char(i.start_date, 'YYYY-MM-DD') as start_date,
         to_char(i.end_date, 'YYYY-MM-DD') as end_date,
         i.evaluation, i.published_at, i.copied_from_kommune, i.copied_from_id, i.version,
         i.updated_at,
         array(select o.offer_id::text from planning_intervention_offer o
                where o.intervention_id = i.id and o.kommune = $1 order by o.offer_id) as offer_ids,
         array(select l.recommendation_id::text from planning_recommendation_intervention l
                where l.intervention_id = i.id and l.kommune = $1
                order by l.recommendation_id) as recommendation_ids
    from planning_intervention i`;

function detailOf(r: Row): InterventionDetail {
  const targetGroups =
    typeof r.target_groups === 'string'
      ? (JSON.parse(r.target_groups) as TargetGroup[])
      : r.target_groups;
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    department: r.department,
    type: r.type,
    status: r.status,
    offerIds: r.offer_ids ?? [],
    recommendationIds: r.recommendation_ids ?? [],
    evidenceLevel: r.evidence_level,
    hasEvaluation: r.evaluation.trim() !== '',
    published: r.published_at !== null,
    targetGroups,
    arenas: r.arenas,
    healthRoles: r.health_roles,
    evidenceSources: r.evidence_sources,
    startDate: r.start_date,
    endDate: r.end_date,
    evaluation: r.evaluation,
    version: r.version,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    copiedFrom:
      r.copied_from_kommune && r.copied_from_id
        ? { kommune: r.copied_from_kommune, id: r.copied_from_id }
        : null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function interventionRows(
  q: Queryable,
  kommune: string,
  filter: { department?: Department | undefined; published?: boolean | undefined },
): Promise<InterventionDetail[]> {
  const rows = await q.query<Row>(
    `${SELECT}
      where i.kommune = $1 and ($2::text is null or i.department = $2)
        and ($3::boolean is null or (i.published_at is not null) = $3)
      order by i.department, lower(i.name)`,
    [kommune, filter.department ?? null, filter.published ?? null],
  );
  return rows.map(detailOf);
}

export async function interventionRow(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<InterventionDetail | null> {
  const [r] = await q.query<Row>(`${SELECT} where i.kommune = $1 and i.id = $2`, [kommune, id]);
  return r ? detailOf(r) : null;
}

export interface PublishedIntervention extends InterventionDetail {
  kommune: string;
  tenantName: string;
}

/** Every municipality's published interventions (the read policy lets them through). */
export async function publishedRows(
  q: Queryable,
  filter: { department?: Department | undefined; id?: string | undefined },
): Promise<PublishedIntervention[]> {
  // $1 is the reader's own kommune in SELECT's link subqueries; another tenant's links stay
  // hidden by their policies anyway, so an empty kommune lists none.
  const rows = await q.query<Row>(
    `select p.*, t.name as tenant_name
       from (${SELECT} where i.published_at is not null
               and ($2::text is null or i.department = $2)
               and ($3::uuid is null or i.id = $3)) p
       join tenant t on t.kommune = p.kommune
      order by p.published_at desc`,
    ['', filter.department ?? null, filter.id ?? null],
  );
  return rows.map((r) => ({
    ...detailOf({ ...r, offer_ids: [], recommendation_ids: [] }),
    kommune: r.kommune,
    tenantName: r.tenant_name ?? r.kommune,
  }));
}

const values = (i: InterventionInput) => [
  i.name,
  i.purpose,
  i.department,
  i.type,
  i.status ?? 'idea',
  i.arenas ?? [],
  JSON.stringify(i.targetGroups ?? []),
  i.healthRoles ?? [],
  i.evidenceLevel ?? 'none',
  i.evidenceSources ?? '',
  i.startDate ?? null,
  i.endDate ?? null,
  i.evaluation ?? '',
];

export async function insertIntervention(
  q: Queryable,
  kommune: string,
  input: InterventionInput,
  opts: { createdBy: string | null; copiedFrom?: { kommune: string; id: string } | undefined },
): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `insert into planning_intervention (name, purpose, department, type, status, arenas,
       target_groups, health_roles, evidence_level, evidence_sources, start_date, end_date,
       evaluation, kommune, created_by, copied_from_kommune, copied_from_id)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     returning id`,
    [
      ...values(input),
      kommune,
      opts.createdBy,
      opts.copiedFrom?.kommune ?? null,
      opts.copiedFrom?.id ?? null,
    ],
  );
  return r!.id;
}

/** Updates when `version` is still current; returns the new version, or null when stale. */
export async function updateIntervention(
  q: Queryable,
  kommune: string,
  id: string,
  input: InterventionInput,
  version: number,
): Promise<number | null> {
  const [r] = await q.query<{ version: number }>(
    `update planning_intervention
        set name = $1, purpose = $2, department = $3, type = $4, status = $5, arenas = $6,
            target_groups = $7::jsonb, health_roles = $8, evidence_level = $9,
            evidence_sources = $10, start_date = $11, end_date = $12, evaluation = $13,
            version = version + 1, updated_at = now()
      where kommune = $14 and id = $15 and version = $16
      returning version`,
    [...values(input), kommune, id, version],
  );
  return r?.version ?? null;
}

export async function setPublished(
  q: Queryable,
  kommune: string,
  id: string,
  published: boolean,
  version: number,
): Promise<number | null> {
  const [r] = await q.query<{ version: number }>(
    `update planning_intervention
        set published_at = case when $3 then coalesce(published_at, now()) else null end,
            version = version + 1, updated_at = now()
      where kommune = $1 and id = $2 and version = $4
      returning version`,
    [kommune, id, published, version],
  );
  return r?.version ?? null;
}

export async function replaceOffers(
  q: Queryable,
  kommune: string,
  id: string,
  offerIds: readonly string[],
): Promise<void> {
  await q.query(
    `delete from planning_intervention_offer where kommune = $1 and intervention_id = $2`,
    [kommune, id],
  );
  if (offerIds.length === 0) return;
  await q.query(
    `insert into planning_intervention_offer (kommune, intervention_id, offer_id)
     select $1, $2, unnest($3::uuid[])`,
    [kommune, id, offerIds],
  );
}

export async function interventionExists(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<boolean> {
  const r = await q.query(`select 1 from planning_intervention where kommune = $1 and id = $2`, [
    kommune,
    id,
  ]);
  return r.length > 0;
}
