/**
 * Recommendation frameworks and their recommendations (issue 12, decision 0023): adopting a
 * framework copies its items from frameworks/ into the municipality's rows; each then carries
 * its state, owning departments, a dated note and the interventions that answer it. A
 * municipality may add its own recommendations (framework 'own').
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import {
  actorFrom,
  auditActorOf,
  danishDate,
  mustEdit,
  PlanningStale,
  type ActorLike,
} from './actor.ts';
import { FRAMEWORKS, OWN_FRAMEWORK, frameworkByKey, type Framework } from './frameworks/index.ts';
import type { Department } from './intervention.ts';
import { interventionExists } from './intervention.store.ts';
import {
  checkOwnRecommendation,
  checkRecommendationForm,
  compareCodes,
  nextCode,
  type OwnRecommendationForm,
  type RecommendationForm,
  type RecommendationView,
} from './recommendation.ts';
import {
  adoptedFrameworks,
  deleteLink,
  frameworkCodes,
  insertFramework,
  insertLink,
  insertRecommendations,
  maxSort,
  recommendationRow,
  recommendationRows,
  updateRecommendation,
  type RecommendationRow,
} from './recommendation.store.ts';

export type { RecommendationRow } from './recommendation.store.ts';

export interface FrameworkChoice {
  framework: Framework;
  adoptedAt: Date | null;
}

/** Every framework Lighed holds, and whether (when) this municipality adopted it. */
export async function listFrameworks(db: Db, kommune: string): Promise<FrameworkChoice[]> {
  const adopted = await inTenant(db, kommune, (tx) => adoptedFrameworks(tx, kommune));
  return FRAMEWORKS.map((framework) => ({
    framework,
    adoptedAt: adopted.find((a) => a.key === framework.key)?.adoptedAt ?? null,
  }));
}

/** Recommendations of the adopted frameworks (and the own ones), framework by framework. */
export async function listRecommendations(
  db: Db,
  kommune: string,
  filter: { department?: Department; frameworkKey?: string } = {},
): Promise<RecommendationRow[]> {
  return inTenant(db, kommune, (tx) => recommendationRows(tx, kommune, filter));
}

export async function getRecommendation(
  db: Db,
  kommune: string,
  id: string,
): Promise<RecommendationRow | null> {
  if (!isUuid(id)) return null;
  return inTenant(db, kommune, (tx) => recommendationRow(tx, kommune, id));
}

/** Copies a framework's items into the municipality's rows; false when already adopted. */
export async function adoptIn(
  tx: Queryable,
  kommune: string,
  framework: Framework,
  adoptedBy: string | null,
): Promise<boolean> {
  if (!(await insertFramework(tx, kommune, framework.key, adoptedBy))) return false;
  const items = [...framework.items]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((item, i) => ({ ...item, sort: i + 1 }));
  await insertRecommendations(tx, kommune, framework.key, items);
  return true;
}

/** Adopts a framework: its items become the municipality's recommendations. Idempotent. */
export async function adoptFramework(
  db: Db,
  actorLike: ActorLike,
  frameworkKey: string,
): Promise<void> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const framework = frameworkByKey(frameworkKey);
  if (!framework) throw notFound('Framework');
  const kommune = actor.staff.kommune;
  await inTenant(db, kommune, async (tx) => {
    if (!(await adoptIn(tx, kommune, framework, actor.staff.id))) return;
    await audit(tx, auditActorOf(actor), {
      action: 'create',
      entity: 'planning_framework',
      entityId: framework.key,
      summary: `adopted framework ${framework.key}`,
    });
  });
}

export type RecommendationResult = { ok: true } | { ok: false; problems: FieldProblem[] };

/** Sets state, owning departments and the dated note; a stale version throws PlanningStale. */
export async function updateRecommendationForm(
  db: Db,
  actorLike: ActorLike,
  id: string,
  form: RecommendationForm,
  now: Date,
): Promise<RecommendationResult> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const kommune = actor.staff.kommune;
  const checked = checkRecommendationForm(form, danishDate(now));
  if (!checked.ok) return checked;
  if (!isUuid(id)) throw notFound('Recommendation');
  return inTenant(db, kommune, async (tx) => {
    if (!(await recommendationRow(tx, kommune, id))) throw notFound('Recommendation');
    const v = await updateRecommendation(tx, kommune, id, checked.value, Number(form.version));
    if (v === null) throw new PlanningStale();
    await audit(tx, auditActorOf(actor), {
      action: 'update',
      entity: 'planning_recommendation',
      entityId: id,
      summary: `recommendation state ${checked.value.state}`,
    });
    return { ok: true as const };
  });
}

/** Adds one of the municipality's own recommendations, numbered after the last. */
export async function addOwnRecommendation(
  db: Db,
  actorLike: ActorLike,
  form: OwnRecommendationForm,
): Promise<{ ok: true; id: string } | { ok: false; problems: FieldProblem[] }> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const kommune = actor.staff.kommune;
  const checked = checkOwnRecommendation(form);
  if (!checked.ok) return checked;
  return inTenant(db, kommune, async (tx) => {
    await insertFramework(tx, kommune, OWN_FRAMEWORK, actor.staff.id);
    const code = nextCode(await frameworkCodes(tx, kommune, OWN_FRAMEWORK));
    const sort = (await maxSort(tx, kommune, OWN_FRAMEWORK)) + 1;
    const [id] = await insertRecommendations(tx, kommune, OWN_FRAMEWORK, [
      { code, sort, ...checked.value },
    ]);
    await audit(tx, auditActorOf(actor), {
      action: 'create',
      entity: 'planning_recommendation',
      entityId: id!,
      summary: 'added own recommendation',
    });
    return { ok: true as const, id: id! };
  });
}

async function changeLink(
  db: Db,
  actorLike: ActorLike,
  interventionId: string,
  recommendationId: string,
  link: boolean,
): Promise<void> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const kommune = actor.staff.kommune;
  if (!isUuid(interventionId) || !isUuid(recommendationId))
    throw new LighedError('LIGHED_ERR_VALIDATION', 'Unknown intervention or recommendation', [
      { path: 'recommendationId', message: 'planning.error.recommendation' },
    ]);
  await inTenant(db, kommune, async (tx) => {
    // Both must be the municipality's own: a published intervention of another is not linkable.
    if (!(await interventionExists(tx, kommune, interventionId))) throw notFound('Intervention');
    if (!(await recommendationRow(tx, kommune, recommendationId)))
      throw new LighedError('LIGHED_ERR_VALIDATION', 'Unknown recommendation', [
        { path: 'recommendationId', message: 'planning.error.recommendation' },
      ]);
    const changed = link
      ? await insertLink(tx, kommune, recommendationId, interventionId)
      : await deleteLink(tx, kommune, recommendationId, interventionId);
    if (!changed) return;
    await audit(tx, auditActorOf(actor), {
      action: link ? 'create' : 'delete',
      entity: 'planning_recommendation_intervention',
      entityId: `${recommendationId}:${interventionId}`,
      summary: link ? 'linked intervention to recommendation' : 'unlinked intervention',
    });
  });
}

/** Records that an intervention answers a recommendation (both the municipality's own). */
export const linkRecommendation = (
  db: Db,
  actor: ActorLike,
  interventionId: string,
  recommendationId: string,
) => changeLink(db, actor, interventionId, recommendationId, true);

export const unlinkRecommendation = (
  db: Db,
  actor: ActorLike,
  interventionId: string,
  recommendationId: string,
) => changeLink(db, actor, interventionId, recommendationId, false);

/** The view others code against, without the version. */
export const viewOf = (r: RecommendationRow): RecommendationView => {
  const { version: _v, ...view } = r;
  return view;
};
