/**
 * A panel's make-up against the municipality's population, pure (decision 0028): per social
 * category, how many members gave it, their share among members who answered, the population's
 * share (the monitor's latest wave), and how many members short of the population's share the
 * panel is, so the planner knows whom to recruit next. Staff only; the planner already sees
 * each member, so these counts need no suppression; the population shares come suppressed.
 */
import { PANEL_DIMENSIONS, PANEL_DIMENSION_KEYS, type PanelDimension } from './voice.ts';

export interface PopulationShare {
  /** The monitor's category code ('1', '2', ...) in the dimension. */
  code: string;
  /** Null when the monitor suppressed it. */
  share: number | null;
}

export interface MakeupRow {
  code: string;
  members: number;
  /** Among members who gave this dimension; null when none did. */
  memberShare: number | null;
  populationShare: number | null;
  /** Whole members the panel is short of the population's share; 0 when it is not. */
  short: number;
}

export interface MakeupDimension {
  dimension: PanelDimension;
  answered: number;
  notGiven: number;
  rows: MakeupRow[];
}

/**
 * The population's share of each of our codes: the monitor's categories as they are, except
 * "born in Denmark" ('yes' is the monitor's origin category '1', Danish; 'no' the rest).
 */
export function populationFor(
  dimension: PanelDimension,
  shares: readonly PopulationShare[] | null,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (!shares) return out;
  if (dimension === 'born_dk') {
    const danish = shares.find((s) => s.code === '1')?.share ?? null;
    out.set('yes', danish);
    out.set('no', danish === null ? null : 1 - danish);
    return out;
  }
  for (const s of shares) out.set(s.code, s.share);
  return out;
}

export function panelMakeup(
  members: readonly Partial<Record<PanelDimension, string | null>>[],
  population: Partial<Record<PanelDimension, readonly PopulationShare[] | null>>,
): MakeupDimension[] {
  return PANEL_DIMENSION_KEYS.map((dimension) => {
    const given = members.map((m) => m[dimension] ?? null).filter((v): v is string => v !== null);
    const pop = populationFor(dimension, population[dimension] ?? null);
    const rows = (PANEL_DIMENSIONS[dimension].codes as readonly string[]).map((code) => {
      const n = given.filter((v) => v === code).length;
      const populationShare = pop.get(code) ?? null;
      const expected = populationShare === null ? 0 : populationShare * given.length;
      return {
        code,
        members: n,
        memberShare: given.length ? n / given.length : null,
        populationShare,
        short: Math.max(0, Math.floor(expected - n + 0.5)),
      };
    });
    return { dimension, answered: given.length, notGiven: members.length - given.length, rows };
  });
}

/** The groups to recruit next, most missing first: [dimension, code, short]. */
export function missingGroups(makeup: readonly MakeupDimension[]) {
  return makeup
    .flatMap((d) => d.rows.map((r) => ({ dimension: d.dimension, code: r.code, short: r.short })))
    .filter((r) => r.short > 0)
    .sort((a, b) => b.short - a.short);
}
