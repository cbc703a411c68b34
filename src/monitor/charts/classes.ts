/** Quantile classes for the choropleth: pure, so the breaks can be tested and shown in tables. */

/** Type-7 (linear interpolation) quantile of sorted values, as R and numpy compute it by default. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * Inner class limits splitting the values into `classes` groups of about equal size. Fewer limits
 * come back when values repeat (so no class is empty); none when there are no values.
 */
export function quantileBreaks(values: readonly number[], classes = 5): number[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) {
    const q = quantile(sorted, k / classes);
    if (q > sorted[0]! && q < sorted[sorted.length - 1]! && !breaks.includes(q)) breaks.push(q);
  }
  return breaks;
}

/** Class index 0..breaks.length of a value: a value equal to a limit goes in the lower class. */
export const classify = (value: number, breaks: readonly number[]): number =>
  breaks.filter((b) => value > b).length;

/** Spreads n classes over a palette of `size` colours, keeping the lightest and darkest. */
export const paletteIndex = (cls: number, classes: number, size: number): number =>
  classes <= 1 ? size - 1 : Math.round((cls * (size - 1)) / (classes - 1));
