/**
 * What staff see of the feedback, pure (decision 0028): counts by offer, arena and barrier,
 * every one through the monitor's small-cell suppression, and the free texts of an offer only
 * when it has enough responses in the period that no one can be recognised by them.
 *
 * Counts are cells with the count as `n` (as the outreach overview does): a count from 1 to 4
 * is hidden (the monitor's count floor, DEFAULT_SUPPRESSION.minCount), and its complements
 * through the margins: the five ratings add up to the responses, each barrier's "named" and
 * "not named" add up to them, offers add up to their arena and arenas to the whole. "Not
 * named" is never shown and is protected even at zero, so "all of them named money" is hidden
 * too: it would tell the provider each participant's answer.
 */
import {
  DEFAULT_SUPPRESSION,
  suppressCells,
  type Cell,
  type Margin,
  type SuppressionReason,
} from '../monitor/index.ts';
import { BARRIERS, RATINGS, type Barrier } from './voice.ts';

/** Counts below this are not shown: the monitor's count floor. */
export const MIN_COUNT = DEFAULT_SUPPRESSION.minCount;
const COUNT_RULES = { minRespondents: MIN_COUNT, minCount: 0 };
/**
 * An offer's free texts are shown when it has at least this many responses in the period:
 * twice the count floor, so a handful who came the same week cannot be told apart by their
 * words. Never with a date, rating or barriers beside them, and in alphabetical order.
 */
export const FREE_TEXT_MIN_RESPONSES = 2 * MIN_COUNT;

export interface FeedbackRow {
  offerId: string;
  offerTitle: string;
  arena: string;
  rating: number;
  barriers: readonly string[];
  comment: string;
}

export type Shown = { kind: 'count'; value: number } | { kind: 'few' } | { kind: 'hidden' };

export interface FeedbackGroup {
  key: string;
  label: string;
  responses: Shown;
  ratings: Shown[];
  barriers: Record<Barrier, Shown>;
  /** The offer's free texts, or null while it has fewer than FREE_TEXT_MIN_RESPONSES. */
  comments: string[] | null;
}

export interface FeedbackSummary {
  total: FeedbackGroup;
  offers: FeedbackGroup[];
  /** Empty for a provider (whose offers are the whole view). */
  arenas: FeedbackGroup[];
  hidden: { few: number; complementary: number };
}

interface Counts {
  n: number;
  ratings: number[];
  barriers: Record<Barrier, number>;
  comments: string[];
}

function count(rows: readonly FeedbackRow[]): Counts {
  const c: Counts = {
    n: rows.length,
    ratings: RATINGS.map(() => 0),
    barriers: Object.fromEntries(BARRIERS.map((b) => [b, 0])) as Record<Barrier, number>,
    comments: [],
  };
  for (const r of rows) {
    const i = r.rating - 1;
    if (i >= 0 && i < 5) c.ratings[i]! += 1;
    for (const b of BARRIERS) if (r.barriers.includes(b)) c.barriers[b] += 1;
    if (r.comment.trim()) c.comments.push(r.comment.trim());
  }
  return c;
}

const MEASURES = [
  'n',
  ...RATINGS.map((k) => `r${k}`),
  ...BARRIERS.flatMap((b) => [`b:${b}`, `nb:${b}`]),
];

/**
 * The summary: `withArenas` for planners (offers within arenas within the whole), without for
 * a provider (their offers within their whole).
 */
export function summarise(
  rows: readonly FeedbackRow[],
  opts: { withArenas: boolean; totalLabel: string },
): FeedbackSummary {
  const byOffer = new Map<string, FeedbackRow[]>();
  for (const r of rows) byOffer.set(r.offerId, [...(byOffer.get(r.offerId) ?? []), r]);
  const offers = [...byOffer.entries()].map(([id, rs]) => ({
    key: `offer:${id}`,
    label: rs[0]!.offerTitle,
    arena: rs[0]!.arena,
    counts: count(rs),
  }));
  offers.sort((a, b) => a.label.localeCompare(b.label, 'da') || a.key.localeCompare(b.key));
  const arenaKeys = [...new Set(offers.map((o) => o.arena))].sort();
  const arenas = opts.withArenas
    ? arenaKeys.map((a) => ({
        key: `arena:${a}`,
        label: a,
        counts: count(rows.filter((r) => r.arena === a)),
      }))
    : [];
  const total = { key: 'all', label: opts.totalLabel, counts: count(rows) };

  const cells: Cell[] = [];
  const unpublished: string[] = [];
  const has = new Set<string>();
  const add = (id: string, n: number, shown: boolean) => {
    // A shown zero is nobody and no unknown in any sum; a "not named" is a cell even at zero.
    if (n === 0 && shown) return;
    cells.push({ id, n, cases: 0 });
    has.add(id);
    if (!shown) unpublished.push(id);
  };
  const margins: Margin[] = [];
  const addGroup = (key: string, c: Counts) => {
    add(`${key}:n`, c.n, true);
    RATINGS.forEach((k, i) => add(`${key}:r${k}`, c.ratings[i]!, true));
    margins.push({ total: `${key}:n`, parts: RATINGS.map((k) => `${key}:r${k}`) });
    for (const b of BARRIERS) {
      add(`${key}:b:${b}`, c.barriers[b], true);
      add(`${key}:nb:${b}`, c.n - c.barriers[b], false);
      margins.push({ total: `${key}:n`, parts: [`${key}:b:${b}`, `${key}:nb:${b}`] });
    }
  };
  const sumMargins = (totalKey: string, partKeys: readonly string[]) => {
    for (const m of MEASURES)
      margins.push({
        total: `${totalKey}:${m}`,
        parts: partKeys.map((k) => `${k}:${m}`),
        aggregate: true,
      });
  };
  addGroup(total.key, total.counts);
  for (const o of offers) addGroup(o.key, o.counts);
  for (const a of arenas) addGroup(a.key, a.counts);
  if (opts.withArenas) {
    sumMargins(
      total.key,
      arenas.map((a) => a.key),
    );
    for (const a of arenas)
      sumMargins(
        a.key,
        offers.filter((o) => `arena:${o.arena}` === a.key).map((o) => o.key),
      );
  } else {
    sumMargins(
      total.key,
      offers.map((o) => o.key),
    );
  }
  const planned = margins
    .filter((m) => has.has(m.total))
    .map((m) => ({ ...m, parts: m.parts.filter((id) => has.has(id)) }))
    .filter((m) => m.parts.length > 0);
  // The offers are what the pages are about; an arena's or the whole's figure is hidden as a
  // complement before an offer's is.
  const hidden = suppressCells(cells, planned, COUNT_RULES, unpublished, 'aggregates-first');
  const value = new Map(cells.map((c) => [c.id, c.n]));
  const shown = (id: string): Shown => showCell(hidden.get(id), value.get(id) ?? 0);

  const group = (g: { key: string; label: string; counts: Counts }, texts: boolean) => ({
    key: g.key,
    label: g.label,
    responses: shown(`${g.key}:n`),
    ratings: RATINGS.map((k) => shown(`${g.key}:r${k}`)),
    barriers: Object.fromEntries(BARRIERS.map((b) => [b, shown(`${g.key}:b:${b}`)])) as Record<
      Barrier,
      Shown
    >,
    comments: texts ? freeTexts(g.counts) : null,
  });
  let few = 0;
  let complementary = 0;
  for (const why of hidden.values()) {
    if (why === 'complementary') complementary++;
    else few++;
  }
  return {
    total: group(total, false),
    offers: offers.map((o) => group(o, true)),
    arenas: arenas.map((a) => group(a, false)),
    hidden: { few, complementary },
  };
}

/** The free texts of one offer, when it has enough responses: sorted, so order says nothing. */
export function freeTexts(c: { n: number; comments: readonly string[] }): string[] | null {
  if (c.n < FREE_TEXT_MIN_RESPONSES) return null;
  return [...c.comments].sort((a, b) => a.localeCompare(b, 'da'));
}

function showCell(why: SuppressionReason | undefined, n: number): Shown {
  if (why === undefined) return { kind: 'count', value: n };
  return why === 'complementary' ? { kind: 'hidden' } : { kind: 'few' };
}
