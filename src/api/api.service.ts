/**
 * The open API's use cases: which municipality, then its published planning and monitor figures
 * mapped to the API's shapes (api.schemas.ts). Only what is public: goals, adopted
 * recommendations, interventions marked as published, and the monitor's suppressed figures.
 */
import type { Db } from '../db/db.ts';
import { LighedError } from '../platform/errors.ts';
import type { Clock } from '../platform/clock.ts';
import { takeAttempt } from '../platform/rate-limit.store.ts';
import type { Tenant } from '../platform/tenant.ts';
import { listTenants } from '../platform/tenant.store.ts';
import {
  listGoals,
  listInterventions,
  listRecommendations,
  type GoalView,
} from '../planning/index.ts';
import { indicatorSeries, listDimensions, listIndicators } from '../monitor/index.ts';
import { PERCENT_DIGITS, apiKeys, goalDigits, roundOrNull, roundTo } from './api.ts';

export interface Municipality {
  kommune: string;
  municipality: string;
}

/** `?kommune=` when given (unknown: 404), else the host's municipality. */
export async function municipalityOf(
  db: Db,
  hostTenant: Tenant,
  kommune: string | undefined,
): Promise<Municipality> {
  if (kommune === undefined || kommune === hostTenant.kommune)
    return { kommune: hostTenant.kommune, municipality: hostTenant.name };
  const t = (await listTenants(db)).find((r) => r.kommune === kommune);
  if (!t) throw new LighedError('LIGHED_ERR_NOT_FOUND', `No municipality ${kommune} here`);
  return { kommune: t.kommune, municipality: t.name };
}

export async function apiGoals(db: Db, m: Municipality) {
  const goals = await listGoals(db, m.kommune);
  return {
    ...m,
    items: goals.map(apiGoal),
  };
}

/** One goal, its numbers at the precision its page shows (percent or points 1, ratios 2). */
function apiGoal(g: GoalView) {
  const d = goalDigits(g.measure);
  return {
    id: g.id,
    kind: g.kind,
    indicator: g.indicator,
    indicatorLabel: g.indicatorLabel,
    dimension: g.dimension,
    group: g.group,
    groupLabel: g.groupLabel,
    area: g.area,
    measure: g.measure,
    baseline: { year: g.baseline.year, value: roundTo(g.baseline.value, d) },
    target: { year: g.target.year, value: roundTo(g.target.value, d) },
    latest: g.latest && {
      year: g.latest.year,
      value: roundOrNull(g.latest.value, d),
      lo: roundOrNull(g.latest.lo, d),
      hi: roundOrNull(g.latest.hi, d),
    },
    pathValue: roundOrNull(g.pathValue, d),
    state: g.state,
    sentence: g.sentence,
  };
}

export async function apiRecommendations(db: Db, m: Municipality) {
  const recs = await listRecommendations(db, m.kommune);
  return {
    ...m,
    items: recs.map((r) => ({
      id: r.id,
      framework: r.frameworkKey,
      code: r.code,
      title: r.title,
      text: r.text,
      departments: r.departments,
      state: r.state,
      note: r.note,
      noteDate: r.noteDate,
      interventionIds: r.interventionIds,
    })),
  };
}

export async function apiInterventions(db: Db, m: Municipality) {
  const all = await listInterventions(db, m.kommune);
  return {
    ...m,
    items: all
      .filter((i) => i.published)
      .map((i) => ({
        id: i.id,
        name: i.name,
        purpose: i.purpose,
        department: i.department,
        type: i.type,
        status: i.status,
        evidenceLevel: i.evidenceLevel,
        hasEvaluation: i.hasEvaluation,
        targetGroups: i.targetGroups,
        recommendationIds: i.recommendationIds,
      })),
  };
}

export async function apiIndicators(db: Db, m: Municipality) {
  const [indicators, dimensions] = await Promise.all([
    listIndicators(db, m.kommune),
    listDimensions(db, m.kommune),
  ]);
  return {
    ...m,
    items: indicators.map((i) => ({
      key: i.key,
      label: i.label,
      favourable: i.favourable,
      years: i.years,
    })),
    dimensions: dimensions.map((d) => ({ key: d.key, label: d.label, groups: d.groups })),
  };
}

export async function apiFigures(
  db: Db,
  m: Municipality,
  q: { indicator: string; dimension?: string | undefined; area?: string | undefined },
) {
  const area = q.area ?? m.kommune;
  const rows = await indicatorSeries(db, {
    kommune: m.kommune,
    indicator: q.indicator,
    dimension: q.dimension,
    area,
  });
  return {
    ...m,
    indicator: q.indicator,
    dimension: q.dimension ?? null,
    area,
    unit: 'percent' as const,
    // Hidden figures carry no numbers at all: not even the respondents behind them.
    items: rows.map((r) => ({
      year: r.year,
      group: r.group,
      groupLabel: r.groupLabel,
      value: r.suppressed ? null : roundOrNull(r.value, PERCENT_DIGITS),
      lo: r.suppressed ? null : roundOrNull(r.lo, PERCENT_DIGITS),
      hi: r.suppressed ? null : roundOrNull(r.hi, PERCENT_DIGITS),
      n: r.suppressed ? null : r.n,
      suppressed: r.suppressed,
    })),
  };
}

/** Counts one request against the address's budget; refuses with Retry-After when spent. */
export async function admitApiRequest(db: Db, clock: Clock, ip: string): Promise<number | null> {
  const verdict = await takeAttempt(db, apiKeys(ip), clock.now());
  return verdict.allowed ? null : verdict.retryAfterSeconds;
}
