/**
 * Goals' use cases: the baseline from the monitor when a goal is set, and each goal's state
 * against its path from the monitor's current, suppressed figures (../monitor/index.ts).
 */
import { inTenant, type Db } from '../db/db.ts';
import { LighedError, forbidden, notFound } from '../platform/errors.ts';
import { audit } from '../platform/audit.store.ts';
import type { Role, StaffUser } from '../platform/principal.ts';
import { isUuid } from '../platform/ids.ts';
import {
  currentDataset,
  gapSeries,
  indicatorSeries,
  listDimensions,
  listIndicators,
  type DimensionInfo,
  type IndicatorInfo,
  type MonitorSettings,
} from '../monitor/index.ts';
import { portfolioOfferFacts } from '../catalog/index.ts';
import {
  goalSentence,
  goalState,
  higherIsBetter,
  latestWave,
  pathValue,
  recentTrend,
  validateGoalForm,
  type GoalForm,
  type GoalInput,
  type GoalView,
  type SeriesPoint,
} from './goal.ts';
import { goalRow, goalRows, insertGoal, updateGoal, type GoalRow } from './goal.store.ts';
import { reachForIntervention, reachForOffer } from './reach.service.ts';
import { listInterventions } from './intervention.service.ts';
import { listRecommendations } from './recommendation.service.ts';

export const GOAL_EDITORS: readonly Role[] = ['planner', 'admin'];

/** A goal changed meanwhile (a stale form). */
export class GoalStale extends LighedError {
  constructor() {
    super('LIGHED_ERR_CONFLICT', 'The goal changed meanwhile');
  }
}

const invalid = (path: string, message: string) =>
  new LighedError('LIGHED_ERR_VALIDATION', 'Invalid goal', [{ path, message }]);

interface Labels {
  indicators: IndicatorInfo[];
  dimensions: DimensionInfo[];
}

type Series = (SeriesPoint & { n?: number })[];

/** The figures a goal is judged by, as the monitor shows them (reach: today's figure). */
async function seriesOf(
  db: Db,
  kommune: string,
  g: Pick<GoalRow, 'kind' | 'measure' | 'indicator' | 'dimension' | 'grp' | 'area'> & {
    offer_id: string | null;
    intervention_id: string | null;
  },
  now: Date,
  settings?: MonitorSettings,
): Promise<Series> {
  if (g.kind === 'reach') {
    try {
      const view = g.offer_id
        ? await reachForOffer(db, kommune, g.offer_id)
        : g.intervention_id
          ? await reachForIntervention(db, kommune, g.intervention_id)
          : null;
      const r = view?.groups.find((x) => x.dimension === g.dimension && x.group === g.grp);
      if (!r) return [];
      return [
        { year: now.getFullYear(), value: r.ratio, lo: r.lo, hi: r.hi, suppressed: r.suppressed },
      ];
    } catch (e) {
      if (e instanceof LighedError && e.code === 'LIGHED_ERR_NOT_FOUND') return [];
      throw e;
    }
  }
  if (g.kind === 'gap') {
    const rows = await gapSeries(
      db,
      {
        kommune,
        indicator: g.indicator ?? '',
        dimension: g.dimension ?? '',
        area: g.area,
        measure: g.measure === 'SII' ? 'SII' : 'D',
      },
      settings,
    );
    return rows.map((r) => ({ ...r, suppressed: r.suppressed }));
  }
  const rows = await indicatorSeries(
    db,
    {
      kommune,
      indicator: g.indicator ?? '',
      dimension: g.dimension ?? undefined,
      area: g.area,
    },
    settings,
  );
  return rows
    .filter((r) => r.group === (g.dimension ? g.grp : null))
    .map((r) => ({
      year: r.year,
      value: r.value,
      lo: r.lo,
      hi: r.hi,
      suppressed: r.suppressed,
      n: r.n,
    }));
}

function viewOf(row: GoalRow, series: Series, labels: Labels): GoalView {
  const ind = labels.indicators.find((i) => i.key === row.indicator);
  const dim = labels.dimensions.find((d) => d.key === row.dimension);
  const grp = dim?.groups.find((x) => x.code === row.grp);
  const baseline = { year: row.baseline_year, value: row.baseline_value };
  const target = { year: row.target_year, value: row.target_value };
  const higher = higherIsBetter(row.kind, {
    favourable: ind?.favourable ?? false,
    baseline: baseline.value,
    target: target.value,
  });
  // Waves from the baseline on are the goal's; older ones are context on the chart.
  const latest = latestWave(series.filter((p) => p.year >= baseline.year));
  const path = latest ? pathValue(baseline, target, latest.year) : null;
  const state = latest && path !== null ? goalState(latest, path, higher) : 'no_data';
  const indicatorLabel = ind?.label.da ?? row.indicator ?? '';
  const groupLabel = grp?.label.da ?? row.grp;
  const who = grp
    ? `gruppen »${grp.label.da}« (${dim?.label.da.toLowerCase() ?? ''})`
    : 'alle borgere';
  const what =
    row.kind === 'gap'
      ? `Forskellen (${row.measure}) i »${indicatorLabel.toLowerCase()}« efter ${dim?.label.da.toLowerCase() ?? ''}`
      : row.kind === 'reach'
        ? `Rækkevidden blandt ${who}`
        : ind?.phrase
          ? `Andelen, der ${ind.phrase.da}, blandt ${who}`
          : `Andelen med »${indicatorLabel.toLowerCase()}« blandt ${who}`;
  return {
    id: row.id,
    kind: row.kind,
    indicator: row.indicator ?? '',
    indicatorLabel,
    dimension: row.dimension,
    group: row.grp,
    groupLabel,
    area: row.area,
    measure: row.measure,
    baseline,
    target,
    latest: latest
      ? { year: latest.year, value: latest.value, lo: latest.lo, hi: latest.hi }
      : null,
    pathValue: path,
    state,
    sentence: goalSentence({
      kind: row.kind,
      measure: row.measure,
      subject: what,
      latest,
      pathValue: path,
      state,
      target,
    }),
    recommendationId: row.recommendation_id,
    interventionId: row.intervention_id,
    offerId: row.offer_id,
    series: series.map(({ year, value, lo, hi, suppressed }) => ({
      year,
      value,
      lo,
      hi,
      suppressed,
    })),
    higherIsBetter: higher,
    trend:
      row.kind === 'level'
        ? recentTrend(
            series.map((p) => ({ year: p.year, value: p.value, n: p.n ?? 0 })),
            higher,
          )
        : { kind: 'not_calculated' },
    version: row.version,
    labelsEn: { indicator: ind?.label.en ?? indicatorLabel, group: grp?.label.en ?? groupLabel },
  };
}

async function labelsOf(db: Db, kommune: string): Promise<Labels> {
  return {
    indicators: await listIndicators(db, kommune),
    dimensions: await listDimensions(db, kommune),
  };
}

export async function listGoals(
  db: Db,
  kommune: string,
  opts: { now?: Date; settings?: MonitorSettings } = {},
): Promise<GoalView[]> {
  const rows = await inTenant(db, kommune, goalRows);
  if (rows.length === 0) return [];
  const labels = await labelsOf(db, kommune);
  const now = opts.now ?? new Date();
  // Several goals on one indicator and dimension share one series.
  const cache = new Map<string, Promise<Series>>();
  const out: GoalView[] = [];
  for (const row of rows) {
    const key = JSON.stringify([
      row.kind,
      row.measure,
      row.indicator,
      row.dimension,
      row.kind === 'level' ? row.grp : null,
      row.area,
      row.offer_id,
      row.intervention_id,
      row.kind === 'reach' ? row.grp : null,
    ]);
    if (!cache.has(key)) cache.set(key, seriesOf(db, kommune, row, now, opts.settings));
    out.push(viewOf(row, await cache.get(key)!, labels));
  }
  return out;
}

export async function getGoal(
  db: Db,
  kommune: string,
  id: string,
  opts: { now?: Date; settings?: MonitorSettings } = {},
): Promise<GoalView> {
  const row = isUuid(id) ? await inTenant(db, kommune, (tx) => goalRow(tx, id)) : undefined;
  if (!row) throw notFound('Goal');
  const series = await seriesOf(db, kommune, row, opts.now ?? new Date(), opts.settings);
  return viewOf(row, series, await labelsOf(db, kommune));
}

function mayEdit(actor: StaffUser) {
  if (!GOAL_EDITORS.includes(actor.role)) throw forbidden('Only planners and admins set goals');
}

/** Who acted; a goal set without a request (demo seed, CLI) is the system's. */
const auditActor = (actor: StaffUser, requestId = 'system') => ({
  kommune: actor.kommune,
  actorId: actor.id,
  actorRole: actor.role,
  requestId,
});

/**
 * Sets a goal: checks the monitor's keys, takes the baseline (value and wave) from the monitor's
 * current figures, and stores it. A hidden or missing baseline is refused at its field.
 */
export async function createGoal(
  db: Db,
  actor: StaffUser,
  input: GoalInput,
  opts: { now?: Date; settings?: MonitorSettings; requestId?: string } = {},
): Promise<string> {
  mayEdit(actor);
  const kommune = actor.kommune;
  const now = opts.now ?? new Date();
  const labels = await labelsOf(db, kommune);
  const dataset = await currentDataset(db, kommune);
  const area = input.area ?? dataset?.area ?? kommune;
  if (input.kind !== 'reach') {
    if (!input.indicator || !labels.indicators.some((i) => i.key === input.indicator))
      throw invalid('indicator', 'goals.error.indicator');
  }
  const dim = input.dimension ? labels.dimensions.find((d) => d.key === input.dimension) : null;
  if (input.dimension && !dim) throw invalid('dimension', 'goals.error.dimension');
  if (input.kind !== 'gap' && dim && !dim.groups.some((g) => g.code === input.group))
    throw invalid('group', 'goals.error.group');
  if (input.kind === 'gap' && !dim) throw invalid('dimension', 'goals.error.dimension');
  if (input.kind === 'gap' && input.measure === 'SII' && !dim?.ordered)
    throw invalid('measure', 'goals.error.siiOrdered');
  if (!dataset?.areas.some((a) => a.code === area)) throw invalid('indicator', 'goals.error.area');
  const measure =
    input.kind === 'level' ? 'prevalence' : input.kind === 'reach' ? 'reach_ratio' : input.measure;
  if (!measure) throw invalid('measure', 'goals.error.measure');
  const goal = {
    kind: input.kind,
    measure,
    indicator: input.kind === 'reach' ? (input.indicator ?? null) : (input.indicator ?? null),
    dimension: input.dimension ?? null,
    grp: input.kind === 'gap' ? null : (input.group ?? null),
    area,
    offer_id: input.kind === 'reach' ? (input.offerId ?? null) : null,
    intervention_id: input.interventionId ?? null,
  } as const;
  const series = await seriesOf(db, kommune, goal, now, opts.settings);
  const published = series.filter((p) => p.value !== null);
  const base =
    input.baselineYear != null
      ? series.find((p) => p.year === input.baselineYear)
      : published.at(-1);
  if (input.baselineYear != null && !base)
    throw invalid('baselineYear', 'goals.error.baselineYear');
  if (!base || base.value === null)
    throw invalid(
      input.kind === 'reach' ? 'offerId' : 'indicator',
      input.kind === 'reach' ? 'goals.error.noReach' : 'goals.error.noBaseline',
    );
  if (input.targetYear <= base.year) throw invalid('targetYear', 'goals.error.targetYear');
  return inTenant(db, kommune, async (tx) => {
    const id = await insertGoal(tx, kommune, {
      ...goal,
      recommendation_id: input.recommendationId ?? null,
      baseline_year: base.year,
      baseline_value: base.value!,
      target_year: input.targetYear,
      target_value: input.targetValue,
      baseline_source: input.kind === 'reach' ? 'reach' : (dataset?.fileName ?? ''),
      note: input.note ?? '',
      created_by: actor.id,
    });
    await audit(tx, auditActor(actor, opts.requestId), {
      action: 'create',
      entity: 'planning_goal',
      entityId: id,
      summary: `goal ${input.kind}`,
    });
    return id;
  });
}

/** Creates from the page's form: field problems come back instead of being thrown. */
export async function createGoalFromForm(
  db: Db,
  actor: StaffUser,
  form: GoalForm,
  opts: { now: Date; requestId: string; settings?: MonitorSettings },
): Promise<
  { ok: true; id: string } | { ok: false; problems: { path: string; message: string }[] }
> {
  const v = validateGoalForm(form, { year: opts.now.getFullYear() });
  if (!v.ok) return v;
  try {
    return { ok: true, id: await createGoal(db, actor, v.input, opts) };
  } catch (e) {
    if (e instanceof LighedError && e.code === 'LIGHED_ERR_VALIDATION')
      return { ok: false, problems: [...e.problems] };
    throw e;
  }
}

/** Edits the target and links; a stale version is refused (GoalStale). */
export async function editGoal(
  db: Db,
  actor: StaffUser,
  id: string,
  form: GoalForm,
  opts: { now: Date; requestId: string },
): Promise<{ ok: true } | { ok: false; problems: { path: string; message: string }[] }> {
  mayEdit(actor);
  const row = isUuid(id) ? await inTenant(db, actor.kommune, (tx) => goalRow(tx, id)) : undefined;
  if (!row) throw notFound('Goal');
  // The kind and subject are fixed once set; only the target and the links change.
  const v = validateGoalForm(
    {
      ...form,
      kind: row.kind,
      indicator: row.indicator ?? '',
      dimension: row.dimension ?? '',
      group: row.grp ?? '',
      measure: row.measure,
      offerId: row.offer_id ?? '',
      interventionId:
        form.interventionId || (row.kind === 'reach' ? (row.intervention_id ?? '') : ''),
    },
    { year: opts.now.getFullYear() },
  );
  if (!v.ok) return v;
  if (v.input.targetYear <= row.baseline_year)
    return { ok: false, problems: [{ path: 'targetYear', message: 'goals.error.targetYear' }] };
  const ok = await inTenant(db, actor.kommune, async (tx) => {
    const saved = await updateGoal(tx, id, Number(form.version), {
      target_year: v.input.targetYear,
      target_value: v.input.targetValue,
      recommendation_id: v.input.recommendationId ?? null,
      intervention_id: v.input.interventionId ?? null,
      note: v.input.note ?? '',
    });
    if (saved)
      await audit(tx, auditActor(actor, opts.requestId), {
        action: 'update',
        entity: 'planning_goal',
        entityId: id,
        summary: 'goal target or links',
      });
    return saved;
  });
  if (!ok) throw new GoalStale();
  return { ok: true };
}

/** What the form's pickers offer: the monitor's indicators, dimensions and groups; links. */
export async function goalFormOptions(db: Db, kommune: string) {
  const labels = await labelsOf(db, kommune);
  const dataset = await currentDataset(db, kommune);
  const [recommendations, interventions, offers] = await Promise.all([
    listRecommendations(db, kommune).catch(() => []),
    listInterventions(db, kommune).catch(() => []),
    portfolioOfferFacts(db, kommune, new Date(0)).catch(() => []),
  ]);
  return {
    ...labels,
    dataset,
    recommendations: recommendations.map((r) => ({ id: r.id, label: `${r.code}. ${r.title}` })),
    interventions: interventions.map((i) => ({ id: i.id, label: i.name })),
    offers: offers.map((o) => ({ id: o.id, label: o.title })),
  };
}
export type GoalFormOptions = Awaited<ReturnType<typeof goalFormOptions>>;
