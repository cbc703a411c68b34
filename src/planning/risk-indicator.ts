/**
 * Interventions name their target risk factors in the catalog's topics (`smoking`); reach
 * measures the target population with a monitor indicator (`dagligryger`). This is the one
 * mapping between the two, pure. Keys are those of the Sundhedsprofil-style codebook
 * (examples/monitor/codebook.json, the demo survey's); a topic with no matching indicator
 * (family, community, musculoskeletal) maps to null: reach then uses the whole population.
 */
import type { Topic } from '../catalog/index.ts';
import type { TargetGroup } from './intervention.ts';

export const TOPIC_INDICATOR: Readonly<Record<Topic, string | null>> = {
  smoking: 'dagligryger',
  physical_activity: 'fysisk_inaktiv',
  alcohol: 'hoejt_alkohol',
  diet: 'usundt_kostmoenster',
  overweight: 'svaer_overvaegt',
  mental_wellbeing: 'lav_trivsel',
  loneliness: 'ensom',
  sleep: 'daarlig_soevn',
  chronic_illness: 'langvarig_sygdom',
  musculoskeletal: null,
  community: null,
  family: null,
};

/** The monitor indicator key for a catalog topic; null when none measures it (or unknown). */
export const indicatorOfTopic = (topic: string): string | null =>
  Object.hasOwn(TOPIC_INDICATOR, topic) ? TOPIC_INDICATOR[topic as Topic] : null;

/** An intervention's target indicator: that of its first risk factor the monitor measures. */
export function targetIndicator(groups: readonly TargetGroup[]): string | null {
  for (const g of groups) {
    const key = g.riskFactor ? indicatorOfTopic(g.riskFactor) : null;
    if (key) return key;
  }
  return null;
}
