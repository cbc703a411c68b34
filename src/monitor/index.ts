/**
 * The equity monitor's surface for other domains: the small-cell suppression every published
 * figure goes through (publish/README.md), so another domain's aggregates (the outreach
 * overview) hide small numbers and their complements by the same rules and code.
 */
export {
  suppressCells,
  suppressGroups,
  primaryReason,
  DEFAULT_SUPPRESSION,
  SUPPRESSED_TEXT,
  type Cell,
  type SuppressionOptions,
  type SuppressionReason,
} from './publish/suppression.ts';
export type { Margin } from './publish/margin.ts';
