/**
 * The municipality's adult population by the panel's social categories, from the monitor's
 * latest wave (targetPopulationShares through src/monitor/index.ts, already suppressed). Null
 * per dimension when the monitor has no survey with it for the municipality.
 */
import type { Db } from '../db/db.ts';
import { targetPopulationShares } from '../monitor/index.ts';
import type { PopulationShare } from './makeup.ts';
import { PANEL_DIMENSIONS, PANEL_DIMENSION_KEYS, type PanelDimension } from './voice.ts';

export async function panelPopulation(
  db: Db,
  kommune: string,
): Promise<Record<PanelDimension, readonly PopulationShare[] | null>> {
  const out = {} as Record<PanelDimension, readonly PopulationShare[] | null>;
  for (const d of PANEL_DIMENSION_KEYS) {
    const found = await targetPopulationShares(db, {
      kommune,
      indicator: null,
      dimension: PANEL_DIMENSIONS[d].monitor,
      area: kommune,
    });
    out[d] = found ? found.groups.map((g) => ({ code: g.group, share: g.share })) : null;
  }
  return out;
}
