/**
 * The committee report's use cases: gather one department's goals, the area's largest gaps, the
 * recommendations' states, the interventions' reach and the portfolio decisions of the year;
 * publish a snapshot; read published ones.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { areaGaps } from '../monitor/index.ts';
import { portfolioOfferFacts } from '../catalog/index.ts';
import { listGoals } from './goal.service.ts';
import { listInterventions } from './intervention.service.ts';
import type { Department } from './intervention.ts';
import { listRecommendations } from './recommendation.service.ts';
import { reachForIntervention, reachIndex } from './reach.service.ts';
import { lowReach } from './reach.ts';
import { copenhagenDate } from './portfolio.ts';
import { listDecisions } from './portfolio.store.ts';
import {
  goalDepartments,
  inYear,
  reportGoal,
  type CommitteeReport,
  type ReportIntervention,
} from './report.ts';
import { getReport, insertReport, listReports, type PublishedReport } from './report.store.ts';

/** The largest gaps a committee paper can take in without losing the thread. */
const GAPS_SHOWN = 5;

export async function committeeReport(
  db: Db,
  kommune: string,
  department: Department,
  period: { year: number },
  now: Date = new Date(),
): Promise<CommitteeReport> {
  const [tenants, goals, allInterventions, allRecs, gaps, index, decisions, offers] =
    await Promise.all([
      listTenants(db),
      listGoals(db, kommune, { now }),
      listInterventions(db, kommune),
      listRecommendations(db, kommune),
      areaGaps(db, kommune, kommune, { limit: GAPS_SHOWN }),
      reachIndex(db, kommune),
      inTenant(db, kommune, (tx) => listDecisions(tx, kommune)),
      portfolioOfferFacts(db, kommune, new Date(0)),
    ]);
  const interventions = allInterventions.filter((i) => i.department === department);
  const answered = new Set(index.interventions.filter((x) => x.answers > 0).map((x) => x.id));
  const reported: ReportIntervention[] = [];
  for (const i of interventions) {
    const reach = answered.has(i.id)
      ? await reachForIntervention(db, kommune, i.id).catch(() => null)
      : null;
    reported.push({
      id: i.id,
      name: i.name,
      type: i.type,
      status: i.status,
      reach: reach?.sentences ?? [],
      lowReach: reach !== null && lowReach(reach),
    });
  }
  const depOf = new Map(allInterventions.map((i) => [i.id, i.department]));
  const recDeps = new Map(allRecs.map((r) => [r.id, r.departments]));
  // The department's subjects: its interventions and the offers they run.
  const names = new Map<string, string>(interventions.map((i) => [i.id, i.name]));
  for (const i of interventions)
    for (const id of i.offerIds) {
      const o = offers.find((x) => x.id === id);
      if (o) names.set(o.id, o.title);
    }
  return {
    kommune,
    municipality: tenants.find((t) => t.kommune === kommune)?.name ?? kommune,
    department,
    year: period.year,
    generatedOn: copenhagenDate(now),
    goals: goals
      .filter((g) =>
        goalDepartments(
          g,
          (id) => depOf.get(id),
          (id) => recDeps.get(id),
        ).includes(department),
      )
      .map(reportGoal),
    gaps: gaps && {
      year: gaps.year,
      crude: gaps.crude,
      rows: gaps.rows.map((r) => ({
        rank: r.rank,
        indicator: r.indicatorLabel,
        group: r.groupLabel,
        dimension: r.dimensionLabel,
        best: r.bestGroupLabel,
        groupEstimate: r.groupEstimate,
        bestEstimate: r.bestEstimate,
        gap: r.gap,
        people: r.people,
        explanation: r.explanation,
      })),
    },
    recommendations: allRecs
      .filter((r) => r.departments.includes(department))
      .map(({ id, frameworkKey, code, title, state, note, noteDate }) => ({
        id,
        frameworkKey,
        code,
        title,
        state,
        note,
        noteDate,
      })),
    interventions: reported,
    decisions: decisions
      .filter((d) => names.has(d.subjectId) && inYear(d.decidedOn, period.year))
      .map((d) => ({
        subject: d.subject,
        name: names.get(d.subjectId)!,
        decision: d.decision,
        reason: d.reason,
        decidedOn: d.decidedOn,
      })),
  };
}

/** Publishes the report as it reads today: a stored snapshot with the date. */
export async function publishReport(
  db: Db,
  actor: AuditActor,
  department: Department,
  period: { year: number },
  now: Date = new Date(),
): Promise<string> {
  const report = await committeeReport(db, actor.kommune, department, period, now);
  return inTenant(db, actor.kommune, async (tx) => {
    const id = await insertReport(tx, report, report.generatedOn, actor.actorId);
    await audit(tx, actor, {
      action: 'create',
      entity: 'committee_report',
      entityId: id,
      summary: `committee report ${department} ${period.year}`,
    });
    return id;
  });
}

export async function publishedReport(
  db: Db,
  kommune: string,
  id: string,
): Promise<PublishedReport> {
  const r = isUuid(id) ? await inTenant(db, kommune, (tx) => getReport(tx, id)) : undefined;
  if (!r) throw notFound('Report');
  return r;
}

export const publishedReports = (db: Db, kommune: string) =>
  inTenant(db, kommune, (tx) => listReports(tx, kommune));
