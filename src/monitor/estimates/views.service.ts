/**
 * The planner pages' use cases: each resolves the choice from the query and gathers that page's
 * suppressed figures in one tenant transaction; null when no dataset is readable.
 */
import type { Db } from '../../db/db.ts';
import type { Config } from '../../platform/config.ts';
import { withChoice, type ChoiceQuery } from './choice.service.ts';
import {
  gapTrend,
  indicatorView,
  mapValues,
  overviewTables,
  DEFAULT_SETTINGS,
  type MonitorSettings,
} from './monitor.service.ts';
import { prioritiesForArea } from './priorities.service.ts';
import {
  heatPlusGapTrend,
  heatPlusIndicatorView,
  heatPlusMap,
  heatPlusOverview,
  heatPlusPriorities,
} from './heatplus-views.ts';

/** The suppression thresholds come from the configuration; the rest are the defaults. */
export function monitorSettings(
  config: Pick<Config, 'monitorMinRespondents' | 'monitorMinCount'>,
): MonitorSettings {
  return {
    ...DEFAULT_SETTINGS,
    suppression: { minRespondents: config.monitorMinRespondents, minCount: config.monitorMinCount },
  };
}

/** Every indicator along the chosen dimension, and whether the gap closes over the waves. */
export function overviewData(
  db: Db,
  kommune: string,
  query: ChoiceQuery,
  settings: MonitorSettings,
) {
  return withChoice(db, kommune, query, {}, async (tx, r) => {
    const heatplus = r.choice.dataset.kind === 'heatplus';
    const tables = await (heatplus ? heatPlusOverview : overviewTables)(
      tx,
      r.choice.dataset,
      r.choice,
      settings,
    );
    const trend = await (heatplus ? heatPlusGapTrend : gapTrend)(
      tx,
      r.choice.dataset,
      r.choice,
      settings,
    );
    return { ...r, tables, trend };
  });
}

/** One indicator: the area against region and country, its trend and the map. */
export function indicatorData(
  db: Db,
  kommune: string,
  query: ChoiceQuery,
  settings: MonitorSettings,
) {
  return withChoice(db, kommune, query, { indicator: true }, async (tx, r) => {
    const { choice } = r;
    const indicator = choice.indicator ?? 1;
    if (choice.dataset.kind === 'heatplus') {
      const at = { ...choice, indicator, measures: undefined };
      const view = await heatPlusIndicatorView(tx, choice.dataset, at, settings);
      return { ...r, view, map: await heatPlusMap(tx, choice.dataset, at, settings) };
    }
    const view = await indicatorView(
      tx,
      choice.dataset,
      { ...choice, indicator, measures: undefined },
      settings,
    );
    const map = await mapValues(tx, choice.dataset, { indicator, year: choice.year }, settings);
    return { ...r, view, map };
  });
}

/** The priority finder: the area's clear gaps of the year, ranked. */
export function prioritiesData(
  db: Db,
  kommune: string,
  query: ChoiceQuery,
  settings: MonitorSettings,
) {
  return withChoice(db, kommune, query, {}, async (tx, r) => {
    const result = await (
      r.choice.dataset.kind === 'heatplus' ? heatPlusPriorities : prioritiesForArea
    )(
      tx,
      r.choice.dataset,
      { area: r.choice.area, year: r.choice.year, dim: r.choice.dim },
      settings,
    );
    return { ...r, result };
  });
}
