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
export {
  indicatorSeries,
  gapSeries,
  listIndicators,
  listDimensions,
  areaGaps,
  currentDataset,
  monitorSettings,
  type SeriesRow,
  type GapRow,
  type SeriesQuery,
  type GapQuery,
  type IndicatorInfo,
  type DimensionInfo,
  type CurrentDataset,
  type AreaGaps,
  type MonitorSettings,
  type Priority,
} from './figures.ts';
export {
  targetPopulationShares,
  shareWithSe,
  type TargetPopulation,
  type TargetShare,
  type TargetQuery,
} from './reach-figures.ts';
// The trend chart for other domains' pages and papers (the committee report): the SVG figure,
// its table, the standalone SVG and its PNG.
export { Trend, TrendTable, trendSvg, type TrendProps } from './charts/trend.tsx';
export { svgToPng } from './charts/png.ts';
