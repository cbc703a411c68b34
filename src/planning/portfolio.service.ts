/**
 * The portfolio review's use cases: the list of offers and interventions with their flags and
 * decisions, and recording a decision (history kept; version-checked; audited).
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { portfolioOfferFacts } from '../catalog/index.ts';
import { listInterventions } from './intervention.service.ts';
import { reachForIntervention, reachForOffer, reachIndex } from './reach.service.ts';
import { lowReach, type ReachView } from './reach.ts';
import {
  interventionFlags,
  offerFlags,
  sortPortfolio,
  type DecisionInput,
  type DecisionView,
  type PortfolioItem,
  type Subject,
} from './portfolio.ts';
import { insertDecision, listDecisions } from './portfolio.store.ts';

const YEAR_MS = 365 * 86_400_000;

/** Reach only where participants answered; a subject without a survey behind it has none. */
async function reachOf(get: () => Promise<ReachView>): Promise<ReachView | null> {
  try {
    return await get();
  } catch {
    return null;
  }
}

export async function listPortfolio(db: Db, kommune: string, now: Date): Promise<PortfolioItem[]> {
  const [interventions, offers, index, decisions] = await Promise.all([
    listInterventions(db, kommune),
    portfolioOfferFacts(db, kommune, new Date(now.getTime() - YEAR_MS)),
    reachIndex(db, kommune),
    inTenant(db, kommune, (tx) => listDecisions(tx, kommune)),
  ]);
  const answered = new Set(
    [...index.offers, ...index.interventions].filter((x) => x.answers > 0).map((x) => x.id),
  );
  const historyOf = (id: string): DecisionView[] =>
    decisions
      .filter((d) => d.subjectId === id)
      .map(({ id: did, decision, reason, decidedOn, decidedBy }) => ({
        id: did,
        decision,
        reason,
        decidedOn,
        decidedBy,
      }));
  const signupsOf = new Map(offers.map((o) => [o.id, o.signups]));
  const items: PortfolioItem[] = [];
  for (const i of interventions) {
    const reach = answered.has(i.id)
      ? await reachOf(() => reachForIntervention(db, kommune, i.id))
      : null;
    const counted = i.offerIds.filter((id) => signupsOf.has(id));
    const signups = counted.length
      ? counted.reduce((s, id) => s + (signupsOf.get(id) ?? 0), 0)
      : null;
    items.push({
      subject: 'intervention',
      id: i.id,
      name: i.name,
      department: i.department,
      flags: interventionFlags(i, signups, reach !== null && lowReach(reach)),
      signups: i.type === 'structural' ? null : signups,
      lastConfirmedAt: null,
      evidenceLevel: i.evidenceLevel,
      reach: reach?.sentences ?? [],
      history: historyOf(i.id),
    });
  }
  for (const o of offers) {
    const reach = answered.has(o.id) ? await reachOf(() => reachForOffer(db, kommune, o.id)) : null;
    const owner = interventions.find((i) => i.offerIds.includes(o.id));
    items.push({
      subject: 'offer',
      id: o.id,
      name: o.title,
      department: owner?.department ?? null,
      flags: offerFlags(o, reach !== null && lowReach(reach), now),
      signups: o.offerType === 'structural' ? null : o.signups,
      lastConfirmedAt: o.lastConfirmedAt?.toISOString() ?? null,
      evidenceLevel: null,
      reach: reach?.sentences ?? [],
      history: historyOf(o.id),
    });
  }
  return sortPortfolio(items);
}

export async function portfolioItem(
  db: Db,
  kommune: string,
  subject: Subject,
  id: string,
  now: Date,
): Promise<PortfolioItem> {
  if (!isUuid(id)) throw notFound('Portfolio item');
  const item = (await listPortfolio(db, kommune, now)).find(
    (x) => x.subject === subject && x.id === id,
  );
  if (!item) throw notFound('Portfolio item');
  return item;
}

/** Records a decision; 'stale' when someone else decided since the form was opened. */
export async function recordDecision(
  db: Db,
  actor: AuditActor,
  subject: Subject,
  id: string,
  input: DecisionInput,
): Promise<'saved' | 'stale'> {
  return inTenant(db, actor.kommune, async (tx) => {
    const newId = await insertDecision(tx, actor.kommune, subject, id, input, actor.actorId);
    if (!newId) return 'stale';
    await audit(tx, actor, {
      action: 'create',
      entity: 'portfolio_decision',
      entityId: newId,
      summary: `portfolio decision on ${subject} ${id}: ${input.decision}`,
    });
    return 'saved';
  });
}
