/**
 * The planning demo (issue 12): Roskilde's recommendations and interventions (P1's seed), goals
 * on smoking and physical activity by education (goals), reach answers from demo participants
 * (reach), then a few portfolio decisions and one published report for the health committee.
 * Needs the demo catalog and the demo survey first. Idempotent: each part seeds only once.
 */
import { inTenant, type Db } from '../db/db.ts';
import type { AuditActor } from '../platform/audit.store.ts';
import { portfolioOfferFacts } from '../catalog/index.ts';
import { seedPlanningFrameworksDemo } from './demo-frameworks.seed.ts';
import { seedGoalsDemo } from './demo-goals.seed.ts';
import { seedReachDemo } from './demo-reach.seed.ts';
import { listInterventions } from './intervention.service.ts';
import { copenhagenDate } from './portfolio.ts';
import { recordDecision } from './portfolio.service.ts';
import { firstPlanner, listDecisions } from './portfolio.store.ts';
import { publishReport } from './report.service.ts';
import { listReports } from './report.store.ts';

/** The planner (or admin) the demo's decisions are recorded as; null without one. */
async function demoPlanner(db: Db, kommune: string): Promise<AuditActor | null> {
  const u = await inTenant(db, kommune, (tx) => firstPlanner(tx, kommune));
  return u ? { kommune, actorId: u.id, actorRole: u.role, requestId: 'demo' } : null;
}

export async function seedPlanningDemo(
  db: Db,
  kommune: string,
  now: Date = new Date(),
): Promise<void> {
  await seedPlanningFrameworksDemo(db, kommune);
  await seedGoalsDemo(db, kommune);
  await seedReachDemo(db, kommune, { now });
  const actor = await demoPlanner(db, kommune);
  if (!actor) return;
  const [decisions, reports] = await inTenant(db, kommune, async (tx) => [
    await listDecisions(tx, kommune),
    await listReports(tx, kommune),
  ]);
  if (decisions.length === 0) await seedDecisions(db, actor, now);
  if (!reports.some((r) => r.department === 'health'))
    await publishReport(
      db,
      actor,
      'health',
      { year: Number(copenhagenDate(now).slice(0, 4)) },
      now,
    );
}

/** Three decisions of the kind a review brings: keep what works, adjust, stop the unused. */
async function seedDecisions(db: Db, actor: AuditActor, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const interventions = await listInterventions(db, actor.kommune);
  const offers = await portfolioOfferFacts(
    db,
    actor.kommune,
    new Date(now.getTime() - 365 * 864e5),
  );
  const structural = interventions.find((i) => i.type === 'structural');
  const weak = interventions.find(
    (i) => i.type !== 'structural' && (i.evidenceLevel === 'weak' || i.evidenceLevel === 'none'),
  );
  const smoking = offers.find((o) => o.title === 'Rygestop på aftenhold');
  const plan = [
    structural && {
      subject: 'intervention' as const,
      id: structural.id,
      decision: 'continue' as const,
      reason: 'Virker for alle elever uden tilmelding, og skolerne bakker op.',
    },
    weak && {
      subject: 'intervention' as const,
      id: weak.id,
      decision: 'adjust' as const,
      reason: 'Svag evidens: vi følger den op med en evaluering og justerer efter et år.',
    },
    smoking && {
      subject: 'offer' as const,
      id: smoking.id,
      decision: 'adjust' as const,
      reason:
        'Kurset når for få med grundskole som højeste uddannelse. Vi flytter et hold til boligområdet og samarbejder med jobcentret.',
    },
  ];
  for (const p of plan) {
    if (!p) continue;
    await recordDecision(db, actor, p.subject, p.id, {
      decision: p.decision,
      reason: p.reason,
      decidedOn: today,
      seen: 0,
    });
  }
}
