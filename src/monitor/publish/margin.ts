/**
 * A margin says that some cells (the parts) add up to another (the total). Its own file because
 * both suppression (which hides cells) and the audit (which tries to recover them) need it.
 */
export interface Margin {
  /** The cell that equals the sum of the parts. */
  total: string;
  parts: readonly string[];
}
