/**
 * The priority finder's candidates: every indicator x dimension x subgroup of one area and year
 * against the best-off subgroup of the same dimension. Ranking and wording are pure
 * (../publish/priority.ts); this file only gathers the suppressed, published figures.
 */
import type { Queryable } from '../../db/db.ts';
import {
  rankPriorities,
  type PriorityCandidate,
  type PriorityResult,
} from '../publish/priority.ts';
import { loadSums } from './estimates.store.ts';
import { type DatasetInfo } from '../microdata/dataset.store.ts';
import { plansFor, scopesFor, DEFAULT_SETTINGS, type MonitorSettings } from './monitor.service.ts';
import { buildTable, indexSums, type Table } from './tables.ts';

/** The codebook's verb phrase ("ryger dagligt"); without one, a neutral phrase around the label. */
function phraseOf(table: Table): { da: string; en: string } {
  if (table.indicator.phrase) return table.indicator.phrase;
  const l = table.indicator.label;
  return {
    da: `er i gruppen »${l.da.toLowerCase()}«`,
    en: `are in the group ‘${l.en.toLowerCase()}’`,
  };
}

export function candidatesOf(table: Table, areaName: string): PriorityCandidate[] {
  const published = table.groups.filter((g) => !g.suppressed && g.prevalence.value !== null);
  if (published.length < 2 || table.total.prevalence.value === null) return [];
  const better = (a: number, b: number) => (table.indicator.favourable ? a > b : a < b);
  const best = published.reduce((b, g) =>
    better(g.prevalence.value ?? 0, b.prevalence.value ?? 0) ? g : b,
  );
  return table.groups
    .filter((g) => g !== best)
    .map((g) => ({
      indicatorKey: table.indicator.key,
      indicatorLabel: table.indicator.label,
      phrase: phraseOf(table),
      favourable: table.indicator.favourable,
      dimensionKey: table.dimension.key,
      dimensionLabel: table.dimension.label,
      groupLabel: g.label,
      bestGroupLabel: best.label,
      areaCode: table.scope.code,
      areaName,
      year: table.year,
      groupEstimate: g.prevalence.value ?? 0,
      groupLower: g.prevalence.lower ?? 0,
      groupUpper: g.prevalence.upper ?? 0,
      bestEstimate: best.prevalence.value ?? 0,
      bestLower: best.prevalence.lower ?? 0,
      bestUpper: best.prevalence.upper ?? 0,
      settingAverage: table.total.prevalence.value ?? 0,
      groupPopulation: g.prevalence.population,
      // No interval, no comparison: treated like a hidden figure rather than guessed at.
      suppressed:
        Boolean(g.suppressed) ||
        g.prevalence.value === null ||
        g.prevalence.lower === null ||
        g.prevalence.upper === null,
    }));
}

/**
 * Gathers one area's candidates for a year along the chosen dimension (the picker's "Opdel
 * efter") and ranks them (the priority finder's page). Groups of one dimension are compared
 * with each other only. The figures are crude: the sums hold no cross-tabulation of a group by
 * age, so no group can be age-standardised; `crude` tells the page to say so (false only when
 * the dimension is age itself).
 */
export async function prioritiesForArea(
  q: Queryable,
  dataset: DatasetInfo,
  at: { area: string; year: number; dim: number },
  settings: MonitorSettings = DEFAULT_SETTINGS,
): Promise<PriorityResult & { crude: boolean }> {
  const scope = scopesFor(at.area)[0];
  if (!scope) throw new Error('No scope');
  const cb = dataset.codebook;
  const candidates: PriorityCandidate[] = [];
  const dims = cb.dimensions[at.dim - 1] ? [at.dim] : [];
  const crude = cb.dimensions[at.dim - 1]?.key !== cb.ageDimension;
  const keys = cb.indicators.flatMap((_, i) =>
    dims.map((dim) => ({ indicator: i + 1, dim, year: at.year })),
  );
  const sums = indexSums(
    await loadSums(q, {
      datasetId: dataset.id,
      dims: [0, ...dims],
      years: [at.year],
      areas: [at.area],
    }),
  );
  const plan = await plansFor(q, dataset, keys, settings);
  cb.indicators.forEach((_, i) => {
    dims.forEach((dim) => {
      const at2 = { indicator: i + 1, dim, year: at.year };
      const table = buildTable(
        cb,
        sums,
        { ...at2, scope },
        { suppression: settings.suppression, measures: null, plan: plan(at2) },
      );
      candidates.push(...candidatesOf(table, scope.name.da));
    });
  });
  return { ...rankPriorities(candidates), crude };
}
