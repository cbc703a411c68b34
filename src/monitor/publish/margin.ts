/**
 * A margin says that some cells (the parts) add up to another (the total). Its own file because
 * both suppression (which hides cells) and the audit (which tries to recover them) need it.
 */
export interface Margin {
  /** The cell that equals the sum of the parts. */
  total: string;
  parts: readonly string[];
  /**
   * The total is a sum of areas (a region, the country): a benchmark beside the areas' own
   * figures, which suppression may hide as a complement instead of an area (suppression.ts).
   */
  aggregate?: boolean;
}
