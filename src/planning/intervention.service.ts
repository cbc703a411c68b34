/**
 * Interventions' use cases (issue 12, decision 0023): list, read, create, edit with a version
 * check, publish to every municipality, browse others' published ones and copy one into the
 * own plan. Writes are for planners and admins, in one transaction with their audit rows.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { ARENAS, TOPICS, listOffersForStaff } from '../catalog/index.ts';
import { actorFrom, auditActorOf, mustEdit, PlanningStale, type ActorLike } from './actor.ts';
import {
  checkInterventionForm,
  formOfInput,
  type Department,
  type InterventionDetail,
  type InterventionForm,
  type InterventionInput,
  type InterventionSummary,
} from './intervention.ts';
import {
  insertIntervention,
  interventionRow,
  interventionRows,
  publishedRows,
  replaceOffers,
  setPublished,
  updateIntervention,
  type PublishedIntervention,
} from './intervention.store.ts';

export type { PublishedIntervention } from './intervention.store.ts';

const VOCAB = { arenas: ARENAS, riskFactors: TOPICS };

/** The municipality's own interventions (not others' published ones), by department and name. */
export async function listInterventions(
  db: Db,
  kommune: string,
  filter: { department?: Department; published?: boolean } = {},
): Promise<InterventionSummary[]> {
  return inTenant(db, kommune, (tx) => interventionRows(tx, kommune, filter));
}

export async function getIntervention(
  db: Db,
  kommune: string,
  id: string,
): Promise<InterventionDetail | null> {
  if (!isUuid(id)) return null;
  return inTenant(db, kommune, (tx) => interventionRow(tx, kommune, id));
}

/** The municipality's offers a planner may link (any status: a draft may be planned for). */
export async function offerChoices(
  db: Db,
  kommune: string,
): Promise<{ id: string; title: string; status: string }[]> {
  return inTenant(db, kommune, async (tx) =>
    (await listOffersForStaff(tx, kommune, null)).map((o) => ({
      id: o.id,
      title: o.title,
      status: o.status,
    })),
  );
}

async function unknownOffers(tx: Queryable, kommune: string, ids: readonly string[]) {
  if (ids.length === 0) return false;
  const own = new Set((await listOffersForStaff(tx, kommune, null)).map((o) => o.id));
  return ids.some((id) => !own.has(id));
}

export type SaveResult = { ok: true; id: string } | { ok: false; problems: FieldProblem[] };

/**
 * Creates (`id` null) or edits an intervention from the form. A stale `version` throws
 * PlanningStale; bad fields come back as problems with nothing saved.
 */
export async function saveInterventionForm(
  db: Db,
  actorLike: ActorLike,
  id: string | null,
  form: InterventionForm,
  targetGroups?: InterventionInput['targetGroups'],
): Promise<SaveResult> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const kommune = actor.staff.kommune;
  const checked = checkInterventionForm(form, VOCAB);
  if (!checked.ok) return checked;
  const input = targetGroups ? { ...checked.value, targetGroups } : checked.value;
  return inTenant(db, kommune, async (tx): Promise<SaveResult> => {
    if (await unknownOffers(tx, kommune, input.offerIds ?? []))
      return { ok: false, problems: [{ path: 'offerIds', message: 'planning.error.offers' }] };
    let savedId: string;
    if (id === null) {
      savedId = await insertIntervention(tx, kommune, input, { createdBy: actor.staff.id });
    } else {
      if (!isUuid(id)) throw notFound('Intervention');
      const current = await interventionRow(tx, kommune, id);
      if (!current) throw notFound('Intervention');
      const v = await updateIntervention(tx, kommune, id, input, Number(form.version));
      if (v === null) throw new PlanningStale();
      savedId = id;
    }
    await replaceOffers(tx, kommune, savedId, input.offerIds ?? []);
    await audit(tx, auditActorOf(actor), {
      action: id === null ? 'create' : 'update',
      entity: 'planning_intervention',
      entityId: savedId,
      summary: id === null ? 'created intervention' : 'edited intervention',
    });
    return { ok: true, id: savedId };
  });
}

/** Creates an intervention; minimal valid input is name, purpose, department and type. */
export async function createIntervention(
  db: Db,
  actor: ActorLike,
  input: InterventionInput,
): Promise<string> {
  const r = await saveInterventionForm(db, actor, null, formOfInput(input), input.targetGroups);
  if (!r.ok) throw new LighedError('LIGHED_ERR_VALIDATION', 'Invalid intervention', r.problems);
  return r.id;
}

/** Publishes to (or withdraws from) every municipality, with its evidence and evaluation. */
export async function publishIntervention(
  db: Db,
  actorLike: ActorLike,
  id: string,
  publish: boolean,
  version: number,
): Promise<void> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const kommune = actor.staff.kommune;
  if (!isUuid(id)) throw notFound('Intervention');
  await inTenant(db, kommune, async (tx) => {
    if (!(await interventionRow(tx, kommune, id))) throw notFound('Intervention');
    if ((await setPublished(tx, kommune, id, publish, version)) === null) throw new PlanningStale();
    await audit(tx, auditActorOf(actor), {
      action: 'update',
      entity: 'planning_intervention',
      entityId: id,
      summary: publish ? 'published intervention to all municipalities' : 'withdrew intervention',
    });
  });
}

/** Published interventions of every municipality (the own included, marked by `kommune`). */
export async function listPublishedInterventions(
  db: Db,
  kommune: string,
  filter: { department?: Department } = {},
): Promise<PublishedIntervention[]> {
  return inTenant(db, kommune, (tx) => publishedRows(tx, filter));
}

export async function getPublishedIntervention(
  db: Db,
  kommune: string,
  id: string,
): Promise<PublishedIntervention | null> {
  if (!isUuid(id)) return null;
  return inTenant(db, kommune, async (tx) => (await publishedRows(tx, { id }))[0] ?? null);
}

/**
 * Copies a published intervention into the actor's own plan as an idea: text, type, arenas,
 * target groups, the health administration's role, evidence and the source's evaluation (so
 * the local results travel with it). Offers and recommendations are local and not copied.
 */
export async function copyPublishedIntervention(
  db: Db,
  actorLike: ActorLike,
  id: string,
): Promise<string> {
  const actor = actorFrom(actorLike);
  mustEdit(actor);
  const kommune = actor.staff.kommune;
  if (!isUuid(id)) throw notFound('Intervention');
  return inTenant(db, kommune, async (tx) => {
    const [src] = await publishedRows(tx, { id });
    if (!src) throw notFound('Intervention');
    const newId = await insertIntervention(
      tx,
      kommune,
      {
        name: src.name,
        purpose: src.purpose,
        department: src.department,
        type: src.type,
        status: 'idea',
        arenas: src.arenas,
        targetGroups: src.targetGroups,
        healthRoles: src.healthRoles,
        evidenceLevel: src.evidenceLevel,
        evidenceSources: src.evidenceSources,
        evaluation: src.evaluation
          ? `${src.tenantName} (${src.publishedAt?.slice(0, 10) ?? ''}): ${src.evaluation}`.slice(
              0,
              8000,
            )
          : '',
      },
      { createdBy: actor.staff.id, copiedFrom: { kommune: src.kommune, id: src.id } },
    );
    await audit(tx, auditActorOf(actor), {
      action: 'create',
      entity: 'planning_intervention',
      entityId: newId,
      summary: `copied published intervention from ${src.kommune}`,
    });
    return newId;
  });
}
