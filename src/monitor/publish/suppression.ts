/**
 * Small-cell suppression: every figure that leaves the system (page, API, export) passes here.
 * See README.md in this folder for the rules and the reasons behind them.
 *
 * A cell is one published figure: a prevalence from `n` respondents of whom `cases` have the
 * condition. A margin says that some cells (the parts) add up to another (the total): the
 * subgroups of a dimension to the everyone-row, or the areas to their region.
 */
import { recoverableCells } from './audit.ts';
import type { Margin } from './margin.ts';

export type SuppressionReason = 'few-respondents' | 'few-cases' | 'complementary';

export interface SuppressionOptions {
  /** No estimate from fewer respondents than this. */
  minRespondents: number;
  /** No count (with the condition, or without it) below this. */
  minCount: number;
}

/** 20 respondents is common Danish practice for survey estimates; 5 is the usual count floor. */
export const DEFAULT_SUPPRESSION: SuppressionOptions = { minRespondents: 20, minCount: 5 };

export interface Cell {
  id: string;
  /** Respondents (unweighted). */
  n: number;
  /** Respondents with the condition (unweighted). */
  cases: number;
}

/** Suppression message for a hidden figure. */
export const SUPPRESSED_TEXT = { da: 'For få svar', en: 'Too few responses' } as const;

/**
 * Why a figure may not be shown on its own merits, or null when it may.
 *
 * A prevalence from n respondents with x cases reveals both x and n - x, so both are counts
 * that must reach `minCount`. That includes 0: a 0 % or 100 % figure tells anyone who knows a
 * person belongs to the group that person's answer (none or all of them smoke), which is the
 * very disclosure the count rule exists to prevent.
 */
export function primaryReason(
  c: Pick<Cell, 'n' | 'cases'>,
  opts: SuppressionOptions = DEFAULT_SUPPRESSION,
): 'few-respondents' | 'few-cases' | null {
  if (!(c.n >= opts.minRespondents)) return 'few-respondents';
  if (!(c.cases >= opts.minCount) || !(c.n - c.cases >= opts.minCount)) return 'few-cases';
  return null;
}

/**
 * Decide which cells to hide. Returns suppressed id -> reason; cells not in the map may be shown.
 *
 * `unpublished` names cells that are never shown (e.g. respondents whose category is unknown,
 * the remainder between the total and the sum of the subgroups). They count as hidden in their
 * margins and, when they would fail the thresholds themselves, are protected like a small cell;
 * they are not in the returned map.
 *
 * Complementary suppression, repeated until nothing changes (a cell can sit in several margins):
 * in a margin that hides a protected cell, hide the next smallest published cell when
 *  - only one cell of the margin (the total counting as a cell) is hidden, so total minus the
 *    others gives it away, or
 *  - the total is published and the hidden parts together (which anyone can compute as total
 *    minus the published parts) would fail the thresholds, e.g. a 3-respondent group hidden
 *    together with an empty group, or two groups whose cases add up to 0.
 * Then a linear-algebra audit over all margins at once (audit.ts) catches cells that only a
 * combination of margins gives away; each such cell costs one more complementary cell.
 */
export function suppressCells(
  cells: readonly Cell[],
  margins: readonly Margin[],
  opts: SuppressionOptions = DEFAULT_SUPPRESSION,
  unpublished: readonly string[] = [],
  strategy: ComplementStrategy = 'smallest',
  /** Cells another plan already hides as complements (kept hidden here too, for consistency). */
  preset: readonly string[] = [],
): Map<string, SuppressionReason> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const m of margins)
    for (const id of [m.total, ...m.parts])
      if (!byId.has(id)) throw new Error(`Margin names unknown cell ${id}`);
  const never = new Set(unpublished);
  const out = new Map<string, SuppressionReason>();
  for (const c of cells) {
    const r = never.has(c.id) ? null : primaryReason(c, opts);
    if (r) out.set(c.id, r);
  }
  for (const id of preset) if (!out.has(id) && byId.has(id)) out.set(id, 'complementary');
  const isHidden = (id: string) => out.has(id) || never.has(id);
  const isProtected = (id: string) =>
    out.has(id) || (never.has(id) && primaryReason(cell(byId, id), opts) !== null);

  for (;;) {
    let changed = false;
    for (const m of margins) {
      if (!exposed(m, byId, isHidden, isProtected, opts)) continue;
      const pick = complementIn(m, byId, isHidden, strategy);
      if (pick === null) continue;
      out.set(pick, 'complementary');
      changed = true;
    }
    if (changed) continue;
    // No single margin gives anything away; now every margin at once.
    const leaked = [...recoverableCells(margins, isHidden)].filter(isProtected).sort();
    const pick = leaked
      .map((id) => protectAcross(id, margins, byId, isHidden, strategy))
      .find((p) => p !== null);
    if (pick === undefined || pick === null) return out;
    out.set(pick, 'complementary');
  }
}

/**
 * How a complementary cell is chosen in an exposed margin: `smallest` the published part with
 * the fewest respondents (the total only when every part is hidden); `aggregates-first` the
 * total of an `aggregate` margin (a region or the country) while it is published, else as
 * `smallest`.
 */
export type ComplementStrategy = 'smallest' | 'aggregates-first';

/**
 * Suppression that loses the least of what the pages are about. An area's own figure is what
 * its planner's page shows; a region or the country is a benchmark beside it. With `smallest`,
 * a region of one large municipality and one tiny one hides the large one as the tiny one's
 * complement, while the region (the large one plus a handful of people) stays published. So
 * both strategies are planned, each complete (margins and audit), and the one that hides fewer
 * respondents in area cells as complements wins, then the one hiding fewer respondents in all;
 * on a tie `smallest`. `isArea` names the area cells. See docs/decisions/0006.
 */
export function suppressLeastLoss(
  cells: readonly Cell[],
  margins: readonly Margin[],
  isArea: (id: string) => boolean,
  opts: SuppressionOptions = DEFAULT_SUPPRESSION,
  unpublished: readonly string[] = [],
  preset: readonly string[] = [],
): Map<string, SuppressionReason> {
  const smallest = suppressCells(cells, margins, opts, unpublished, 'smallest', preset);
  const byId = new Map(cells.map((c) => [c.id, c]));
  const presetIds = new Set(preset);
  const loss = (out: Map<string, SuppressionReason>): [number, number] => {
    let areas = 0;
    let all = 0;
    for (const [id, why] of out) {
      if (why !== 'complementary' || presetIds.has(id)) continue;
      const n = byId.get(id)?.n ?? 0;
      all += n;
      if (isArea(id)) areas += n;
    }
    return [areas, all];
  };
  const a = loss(smallest);
  // Nothing an area's page is about was hidden as a complement: no better plan to look for.
  if (a[0] === 0 || !margins.some((m) => m.aggregate)) return smallest;
  const first = suppressCells(cells, margins, opts, unpublished, 'aggregates-first', preset);
  const b = loss(first);
  return b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? first : smallest;
}

/** One dimension: the subgroups and (when there is one) their total. Ids must be unique. */
export function suppressGroups(
  groups: readonly Cell[],
  total: Cell | null,
  opts: SuppressionOptions = DEFAULT_SUPPRESSION,
): Map<string, SuppressionReason> {
  if (!total) return suppressCells(groups, [], opts);
  // Respondents outside every subgroup (unknown category) make an unpublished remainder cell.
  const rest = { n: total.n - sum(groups, 'n'), cases: total.cases - sum(groups, 'cases') };
  const remainderId = uniqueId('(unknown)', [total, ...groups]);
  const withRest = rest.n > 0 ? [{ id: remainderId, ...rest }] : [];
  const parts = [...groups, ...withRest].map((g) => g.id);
  const out = suppressCells(
    [total, ...groups, ...withRest],
    [{ total: total.id, parts }],
    opts,
    withRest.map((c) => c.id),
  );
  return out;
}

function exposed(
  m: Margin,
  byId: Map<string, Cell>,
  isHidden: (id: string) => boolean,
  isProtected: (id: string) => boolean,
  opts: SuppressionOptions,
): boolean {
  const ids = [m.total, ...m.parts];
  if (!ids.some(isProtected)) return false;
  if (ids.filter(isHidden).length === 1) return true;
  if (isHidden(m.total)) return false;
  // Anyone can compute the hidden parts' sum as the total minus the published parts.
  const hiddenParts = m.parts.filter(isHidden).map((id) => cell(byId, id));
  return (
    primaryReason({ n: sum(hiddenParts, 'n'), cases: sum(hiddenParts, 'cases') }, opts) !== null
  );
}

/** The published part with the fewest respondents (ties by id, so the result is stable); the total last. */
function nextSmallest(
  m: Margin,
  byId: Map<string, Cell>,
  isHidden: (id: string) => boolean,
): string | null {
  const open = m.parts.filter((id) => !isHidden(id)).map((id) => cell(byId, id));
  open.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return open[0]?.id ?? (isHidden(m.total) ? null : m.total);
}

/** The complement to hide in an exposed margin, by strategy (see ComplementStrategy). */
function complementIn(
  m: Margin,
  byId: Map<string, Cell>,
  isHidden: (id: string) => boolean,
  strategy: ComplementStrategy,
): string | null {
  if (strategy === 'aggregates-first' && m.aggregate && !isHidden(m.total)) return m.total;
  return nextSmallest(m, byId, isHidden);
}

/** Among the margins holding a leaked cell, the smallest cell to hide next (by strategy). */
function protectAcross(
  id: string,
  margins: readonly Margin[],
  byId: Map<string, Cell>,
  isHidden: (id: string) => boolean,
  strategy: ComplementStrategy,
): string | null {
  const picks = margins
    .filter((m) => m.total === id || m.parts.includes(id))
    .map((m) => complementIn(m, byId, isHidden, strategy))
    .filter((p): p is string => p !== null)
    .map((p) => cell(byId, p));
  picks.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return picks[0]?.id ?? null;
}

function cell(byId: Map<string, Cell>, id: string): Cell {
  const c = byId.get(id);
  if (!c) throw new Error(`Unknown cell ${id}`);
  return c;
}

const sum = (cells: readonly Cell[], key: 'n' | 'cases'): number =>
  cells.reduce((a, c) => a + c[key], 0);

function uniqueId(base: string, taken: readonly Cell[]): string {
  const ids = new Set(taken.map((c) => c.id));
  let id = base;
  while (ids.has(id)) id += '_';
  return id;
}
