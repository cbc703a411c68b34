/**
 * The priority finder: which indicator x group x area gaps would move the most people if the
 * group had the best group's rate. Ranked by people concerned (the gap applied to the group's
 * estimated population, i.e. PAR x population for that group), ties by the gap itself. Only clear
 * gaps count: a suppressed figure, or one whose interval overlaps the best group's, is skipped
 * and counted, so the page can say how many and why.
 */

export interface Text {
  da: string;
  en: string;
}

export interface PriorityCandidate {
  indicatorKey: string;
  indicatorLabel: Text;
  /** A short present-tense verb phrase about the condition, e.g. {da: 'ryger dagligt', en: 'smoke daily'}. */
  phrase: Text;
  /** Higher is better (e.g. good self-rated health). */
  favourable: boolean;
  dimensionKey: string;
  dimensionLabel: Text;
  groupLabel: Text;
  bestGroupLabel: Text;
  areaCode: string;
  areaName: string;
  year: number;
  /** Percentages (0-100) with their 95 % limits. */
  groupEstimate: number;
  groupLower: number;
  groupUpper: number;
  bestEstimate: number;
  bestLower: number;
  bestUpper: number;
  settingAverage: number;
  /** Estimated persons in the group (sum of weights). */
  groupPopulation: number;
  suppressed: boolean;
}

export interface Priority extends PriorityCandidate {
  rank: number;
  /** Percentage points to the best group; positive = this group is worse off. */
  gap: number;
  /** People in the group who would be spared the condition (or gain the favourable state) at the best group's rate. */
  people: number;
  explanation: Text;
}

export type SkipReason = 'suppressed' | 'no-gap' | 'overlap';

export interface PriorityResult {
  rows: Priority[];
  skipped: Record<SkipReason, number>;
}

/** Signed gap in percentage points: positive when the group is worse off than the best group. */
export function gapToBest(
  c: Pick<PriorityCandidate, 'favourable' | 'groupEstimate' | 'bestEstimate'>,
): number {
  return c.favourable ? c.bestEstimate - c.groupEstimate : c.groupEstimate - c.bestEstimate;
}

/** Why a candidate is not a priority, or null when it is one. */
export function skipReason(c: PriorityCandidate): SkipReason | null {
  if (c.suppressed) return 'suppressed';
  if (!(gapToBest(c) > 0)) return 'no-gap';
  // Overlapping 95 % intervals: not a clear gap (conservative, as in the benchmark comparisons).
  if (c.groupLower <= c.bestUpper && c.bestLower <= c.groupUpper) return 'overlap';
  return null;
}

/** Rank the clear gaps; `limit` keeps the top rows (the skipped counts cover every candidate). */
export function rankPriorities(
  candidates: readonly PriorityCandidate[],
  limit = Infinity,
): PriorityResult {
  const skipped: Record<SkipReason, number> = { suppressed: 0, 'no-gap': 0, overlap: 0 };
  const kept: Omit<Priority, 'rank'>[] = [];
  for (const c of candidates) {
    const why = skipReason(c);
    if (why) {
      skipped[why]++;
      continue;
    }
    const gap = gapToBest(c);
    const people = (gap * Math.max(0, c.groupPopulation)) / 100;
    kept.push({ ...c, gap, people, explanation: explain(c, people) });
  }
  kept.sort(
    (a, b) =>
      byMore(a.people, b.people) ||
      byMore(a.gap, b.gap) ||
      stableKey(a).localeCompare(stableKey(b)),
  );
  const rows = kept.slice(0, limit).map((r, i) => ({ ...r, rank: i + 1 }));
  return { rows, skipped };
}

/** Descending, with floating-point noise counted as a tie (so the next key decides). */
function byMore(a: number, b: number): number {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? 0 : b - a;
}

const stableKey = (c: PriorityCandidate) =>
  `${c.indicatorKey}|${c.areaCode}|${c.dimensionKey}|${c.groupLabel.en}|${c.year}`;

/**
 * One row in plain language. The template uses the phrase only in its present tense (Danish
 * "der ryger dagligt", English "would smoke daily"), so any indicator reads right, adverse or
 * favourable. "Omkring"/"about" and two significant figures: the number is an estimate.
 */
export function explain(c: PriorityCandidate, people: number): Text {
  const [g, b] = percents(c.groupEstimate, c.bestEstimate);
  const dim = { da: lowerFirst(c.dimensionLabel.da), en: lowerFirst(c.dimensionLabel.en) };
  const da =
    `I ${c.areaName} er det ${g.da} af borgerne i gruppen »${c.groupLabel.da}« (${dim.da}), der ${c.phrase.da}, ` +
    `mod ${b.da} i gruppen »${c.bestGroupLabel.da}«. ` +
    `Med samme andel ville der være omkring ${roughly(people, 'da-DK')} ${c.favourable ? 'flere' : 'færre'}, der ${c.phrase.da}.`;
  const en =
    `In ${c.areaName}, ${g.en} of people in the group ‘${c.groupLabel.en}’ (${dim.en}) ${c.phrase.en}, ` +
    `against ${b.en} in the group ‘${c.bestGroupLabel.en}’. ` +
    `At the same rate, about ${roughly(people, 'en-GB')} ${c.favourable ? 'more' : 'fewer'} people would ${c.phrase.en}.`;
  return { da, en };
}

/** What the page says about the candidates left out. */
export function describeSkipped(skipped: Record<SkipReason, number>): Text {
  const da: string[] = [];
  const en: string[] = [];
  if (skipped.suppressed) {
    da.push(`${fmt(skipped.suppressed, 'da-DK')} med for få svar`);
    en.push(`${fmt(skipped.suppressed, 'en-GB')} with too few responses`);
  }
  if (skipped.overlap) {
    da.push(
      `${fmt(skipped.overlap, 'da-DK')} hvor forskellen ikke er tydelig (sikkerhedsintervallerne overlapper)`,
    );
    en.push(
      `${fmt(skipped.overlap, 'en-GB')} where the gap is not clear (the confidence intervals overlap)`,
    );
  }
  if (skipped['no-gap']) {
    da.push(`${fmt(skipped['no-gap'], 'da-DK')} uden forskel til den bedst stillede gruppe`);
    en.push(`${fmt(skipped['no-gap'], 'en-GB')} with no gap to the best-off group`);
  }
  if (da.length === 0) return { da: 'Ingen er udeladt.', en: 'None left out.' };
  return { da: `Udeladt: ${listOf(da, 'og')}.`, en: `Left out: ${listOf(en, 'and')}.` };
}

/** Whole percents; one decimal when whole percents would make the two figures look equal. */
function percents(a: number, b: number): [Text, Text] {
  const digits = fmt(a, 'en-GB') === fmt(b, 'en-GB') ? 1 : 0;
  const pct = (v: number): Text => ({
    da: `${fmt(v, 'da-DK', digits)} %`,
    en: `${fmt(v, 'en-GB', digits)}%`,
  });
  return [pct(a), pct(b)];
}

/** People as they should be shown: two significant figures (1,937 -> 1,900; 94 -> 94), an estimate. */
export function approxPeople(v: number): number {
  if (!Number.isFinite(v) || v === 0) return 0;
  return Number(v.toPrecision(2));
}

function roughly(v: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(approxPeople(v));
}

function fmt(v: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('da-DK') + s.slice(1);

function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}
