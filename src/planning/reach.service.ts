/**
 * Reach per offer and per intervention (issue 12, decision 0025): the anonymous answers'
 * counts (catalog's reach store) beside the target population's shares from the monitor's
 * latest wave, in the municipality. Aggregates only: no citizen's data is read here.
 */
import { inTenant, type Db } from '../db/db.ts';
import {
  getOfferDetail,
  listOffersForStaff,
  REACH_QUESTIONS,
  reachAnswerTotals,
  reachOfferTarget,
  reachTally,
  setReachOfferTarget,
  type ReachTally,
} from '../catalog/index.ts';
import {
  DEFAULT_SUPPRESSION,
  targetPopulationShares,
  type TargetPopulation,
} from '../monitor/index.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { LighedError } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { getIntervention, listInterventions } from './intervention.service.ts';
import type { TargetGroup } from './intervention.ts';
import { reachGroups, reachSentences, type ReachGroup, type ReachView } from './reach.ts';
import { targetIndicator } from './risk-indicator.ts';

const notFound = () => new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer or intervention');

/** Without a named target group, the most disadvantaged: grundskole as highest education. */
const DEFAULT_TARGETED: TargetGroup[] = [{ dimension: 'uddannelse', group: '1' }];

async function buildView(
  db: Db,
  kommune: string,
  subject: { kind: 'offer' | 'intervention'; id: string; name: string },
  tally: ReachTally,
  indicator: string | null,
  targets: readonly TargetGroup[],
): Promise<ReachView> {
  const named = targets.filter((g) => g.dimension && g.group);
  const targeted = named.length ? named : DEFAULT_TARGETED;
  const groups: ReachGroup[] = [];
  let population: TargetPopulation | null = null;
  for (const q of REACH_QUESTIONS) {
    const pop = await targetPopulationShares(db, {
      kommune,
      indicator,
      dimension: q.dimension,
      area: kommune,
    });
    population ??= pop;
    if (!pop) continue;
    groups.push(
      ...reachGroups(
        q.dimension,
        pop.groups.map((g) => ({
          group: g.group,
          label: g.label.da,
          share: g.share,
          se: g.se,
          suppressed: g.suppressed,
        })),
        tally.byDimension[q.dimension],
        (group) => targeted.some((t) => t.dimension === q.dimension && t.group === group),
        DEFAULT_SUPPRESSION,
      ),
    );
  }
  const phrase = population ? phraseOf(population) : null;
  const pop = population
    ? {
        datasetName: population.datasetName.da,
        synthetic: population.synthetic,
        year: population.year,
        area: population.area,
        indicatorLabel: population.indicatorLabel?.da ?? null,
        phrase,
      }
    : null;
  const view: ReachView = {
    subject: subject.kind,
    id: subject.id,
    name: subject.name,
    answers: tally.people,
    indicator,
    groups,
    sentences: [],
    population: pop,
  };
  view.sentences = reachSentences(view, 'da');
  return view;
}

/** The indicator's phrase ("ryger dagligt"), else its label in lower case. */
function phraseOf(p: TargetPopulation): string | null {
  if (p.indicator === null) return null;
  return p.indicatorPhrase?.da ?? p.indicatorLabel?.da.toLowerCase() ?? null;
}

/**
 * An offer's reach. The target population: the planner's choice on the reach page, else the
 * risk factor of an intervention the offer belongs to, else the whole adult population.
 */
export async function reachForOffer(db: Db, kommune: string, offerId: string): Promise<ReachView> {
  if (!isUuid(offerId)) throw notFound();
  const found = await inTenant(db, kommune, async (tx) => {
    const offer = await getOfferDetail(tx, offerId);
    if (!offer || offer.kommune !== kommune) return null;
    return {
      offer,
      tally: await reachTally(tx, [offerId]),
      chosen: await reachOfferTarget(tx, offerId),
    };
  });
  if (!found) throw notFound();
  const intervention = (await listInterventions(db, kommune)).find((i) =>
    i.offerIds.includes(offerId),
  );
  const targets = intervention?.targetGroups ?? [];
  const indicator = found.chosen !== undefined ? found.chosen.indicator : targetIndicator(targets);
  return buildView(
    db,
    kommune,
    { kind: 'offer', id: offerId, name: found.offer.title },
    found.tally,
    indicator,
    targets,
  );
}

/** An intervention's reach: the answers of all its offers, against its target risk factor. */
export async function reachForIntervention(
  db: Db,
  kommune: string,
  interventionId: string,
): Promise<ReachView> {
  const i = isUuid(interventionId) ? await getIntervention(db, kommune, interventionId) : null;
  if (!i) throw notFound();
  const tally = await inTenant(db, kommune, (tx) => reachTally(tx, i.offerIds));
  const indicator = targetIndicator(i.targetGroups);
  return buildView(
    db,
    kommune,
    { kind: 'intervention', id: i.id, name: i.name },
    tally,
    indicator,
    i.targetGroups,
  );
}

/** The reach page's chooser for an offer: the current choice and the indicators to pick from. */
export async function offerTargetChoice(
  db: Db,
  kommune: string,
  offerId: string,
): Promise<{
  indicator: string | null;
  version: number;
  indicators: { key: string; label: string; labelEn: string }[];
}> {
  const chosen = await inTenant(db, kommune, (tx) => reachOfferTarget(tx, offerId));
  const pop = await targetPopulationShares(db, {
    kommune,
    indicator: null,
    dimension: REACH_QUESTIONS[0].dimension,
    area: kommune,
  });
  return {
    indicator: chosen?.indicator ?? null,
    version: chosen?.version ?? 0,
    indicators: (pop?.indicators ?? []).map((i) => ({
      key: i.key,
      label: i.label.da,
      labelEn: i.label.en,
    })),
  };
}

/** The planner chooses an offer's target indicator ('' = the whole population). */
export async function chooseOfferTarget(
  db: Db,
  actor: AuditActor & { kommune: string },
  offerId: string,
  input: { indicator: string; version: number },
): Promise<'saved' | 'stale' | 'invalid'> {
  if (!isUuid(offerId)) throw notFound();
  const choice = await offerTargetChoice(db, actor.kommune, offerId);
  const indicator = input.indicator === '' ? null : input.indicator;
  if (indicator !== null && !choice.indicators.some((i) => i.key === indicator)) return 'invalid';
  return inTenant(db, actor.kommune, async (tx) => {
    const offer = await getOfferDetail(tx, offerId);
    if (!offer || offer.kommune !== actor.kommune) throw notFound();
    const ok = await setReachOfferTarget(tx, actor.kommune, offerId, indicator, input.version);
    if (!ok) return 'stale';
    await audit(tx, actor, {
      action: 'update',
      entity: 'offer',
      entityId: offerId,
      summary: `reach target indicator: ${indicator ?? 'everyone'}`,
    });
    return 'saved';
  });
}

/** The reach page's list: the municipality's offers and interventions with how many answered. */
export async function reachIndex(
  db: Db,
  kommune: string,
): Promise<{
  offers: { id: string; title: string; status: string; answers: number }[];
  interventions: { id: string; name: string; offers: number; answers: number }[];
}> {
  const interventions = await listInterventions(db, kommune);
  return inTenant(db, kommune, async (tx) => {
    const offers = await listOffersForStaff(tx, kommune, null);
    const totals = await reachAnswerTotals(tx);
    const sum = (ids: readonly string[]) => ids.reduce((s, id) => s + (totals.get(id) ?? 0), 0);
    return {
      offers: offers.map((o) => ({
        id: o.id,
        title: o.title,
        status: o.status,
        answers: sum([o.id]),
      })),
      interventions: interventions.map((i) => ({
        id: i.id,
        name: i.name,
        offers: i.offerIds.length,
        answers: sum(i.offerIds),
      })),
    };
  });
}
