/**
 * Reach (proportionate universalism, issue 12, decision 0025), pure: who takes part against
 * who the offer is for. Per group, the reach ratio is the group's share among participants
 * divided by its share in the target population (1 = reached in proportion, below 1 =
 * under-reached), with a 95 % interval on the log scale by the delta method:
 *   var(log r) ≈ (1 − p1)/(n1·p1) + (SE2/p2)²
 * p1 from n1 participants (binomial), p2 and SE2 from the survey. Suppressed when the
 * participants' count or the population cell is below the monitor's thresholds.
 */
import { DEFAULT_SUPPRESSION, suppressCells, type SuppressionOptions } from '../monitor/index.ts';

/** The reach pages (planners). */
export const REACH_PATH = '/personale/planlaegning/raekkevidde';

export const Z95 = 1.959963984540054;

export interface ReachGroup {
  dimension: string;
  group: string;
  groupLabel: string;
  /** Participants who gave this answer; 0 when their count is hidden (small cells). */
  participants: number;
  participantShare: number | null;
  populationShare: number | null;
  ratio: number | null;
  lo: number | null;
  hi: number | null;
  suppressed: boolean;
  /** The intervention targets this group (or, without a target, the most disadvantaged). */
  targeted: boolean;
}

export interface ReachView {
  subject: 'offer' | 'intervention';
  id: string;
  name: string;
  /** People who answered at least one question (counts of every context). */
  answers: number;
  /** The target population's monitor indicator key; null = the whole adult population. */
  indicator: string | null;
  groups: ReachGroup[];
  /** Plain Danish, one per group whose interval excludes 1 (or one saying none does). */
  sentences: string[];
  /** Where the population came from (null when no survey has the dimensions). */
  population: {
    datasetName: string;
    synthetic: boolean;
    year: number;
    area: string;
    indicatorLabel: string | null;
    /** The indicator's plain phrase, e.g. "ryger dagligt" (null: the whole population). */
    phrase: string | null;
  } | null;
}

/** The ratio and its interval, or null when either share is 0 or missing. */
export function reachRatio(
  p1: number,
  n1: number,
  p2: number,
  se2: number,
  z = Z95,
): { ratio: number; lo: number; hi: number } | null {
  if (!(p1 > 0 && p2 > 0 && n1 > 0)) return null;
  const ratio = p1 / p2;
  const sd = Math.sqrt((1 - p1) / (n1 * p1) + (se2 / p2) ** 2);
  return { ratio, lo: ratio * Math.exp(-z * sd), hi: ratio * Math.exp(z * sd) };
}

/**
 * Which participant groups of one dimension may be shown: none from fewer than
 * `minRespondents` answers; no count below `minCount`, and a second group hidden when one
 * hidden group could be found as the total minus the others (the monitor's suppressCells).
 */
export function hiddenParticipantGroups(
  counts: readonly { group: string; n: number }[],
  opts: SuppressionOptions = DEFAULT_SUPPRESSION,
): Set<string> {
  const total = counts.reduce((s, c) => s + c.n, 0);
  if (total < opts.minRespondents) return new Set(counts.map((c) => c.group));
  // A count is a cell whose every member "has the condition": only the count floor applies.
  const cells = counts.map((c) => ({ id: `g:${c.group}`, n: c.n, cases: c.n }));
  const hidden = suppressCells(
    [{ id: 'total', n: total, cases: total }, ...cells],
    [{ total: 'total', parts: cells.map((c) => c.id) }],
    { minRespondents: opts.minCount, minCount: 0 },
  );
  return new Set(counts.filter((c) => hidden.has(`g:${c.group}`)).map((c) => c.group));
}

export interface PopulationGroup {
  group: string;
  label: string;
  share: number | null;
  se: number | null;
  suppressed: boolean;
}

/** One dimension's groups: participants' counts beside the population's shares. */
export function reachGroups(
  dimension: string,
  population: readonly PopulationGroup[],
  participantCounts: Readonly<Record<string, number>>,
  targeted: (group: string) => boolean,
  opts: SuppressionOptions = DEFAULT_SUPPRESSION,
): ReachGroup[] {
  const counts = population.map((g) => ({ group: g.group, n: participantCounts[g.group] ?? 0 }));
  const n1 = counts.reduce((s, c) => s + c.n, 0);
  const hidden = hiddenParticipantGroups(counts, opts);
  return population.map((g) => {
    const c = participantCounts[g.group] ?? 0;
    const ownHidden = hidden.has(g.group);
    const popHidden = g.suppressed || g.share === null || g.se === null;
    const p1 = ownHidden ? null : c / n1;
    const r =
      ownHidden || popHidden || p1 === null ? null : reachRatio(p1, n1, g.share!, g.se!, Z95);
    return {
      dimension,
      group: g.group,
      groupLabel: g.label,
      participants: ownHidden ? 0 : c,
      participantShare: p1,
      populationShare: popHidden ? null : g.share,
      ratio: r?.ratio ?? null,
      lo: r?.lo ?? null,
      hi: r?.hi ?? null,
      suppressed: r === null,
      targeted: targeted(g.group),
    };
  });
}

/** A targeted group is under-reached: its ratio's upper bound is below 1. */
export function lowReach(view: Pick<ReachView, 'groups'>): boolean {
  return view.groups.some((g) => g.targeted && !g.suppressed && g.hi !== null && g.hi < 1);
}

export type Verdict = 'fewer' | 'more' | 'similar' | 'suppressed';

export function verdict(g: Pick<ReachGroup, 'suppressed' | 'lo' | 'hi'>): Verdict {
  if (g.suppressed || g.lo === null || g.hi === null) return 'suppressed';
  if (g.hi < 1) return 'fewer';
  if (g.lo > 1) return 'more';
  return 'similar';
}

type Lang = 'da' | 'en';

/** How a group reads inside a sentence ("med grundskole som højeste uddannelse"). */
const GROUP_PHRASES: Record<string, Record<string, Record<Lang, string>>> = {
  uddannelse: {
    '1': {
      da: 'med grundskole som højeste uddannelse',
      en: 'with primary and lower secondary school as their highest education',
    },
    '2': {
      da: 'med en ungdomsuddannelse som højeste uddannelse',
      en: 'with upper secondary or vocational education as their highest education',
    },
    '3': {
      da: 'med en kort eller mellemlang videregående uddannelse',
      en: 'with short-cycle or medium-length higher education',
    },
    '4': { da: 'med en lang videregående uddannelse', en: 'with long higher education' },
  },
  arbejdsmarked: {
    '1': { da: 'i beskæftigelse', en: 'in work' },
    '2': { da: 'ledige', en: 'unemployed people' },
    '3': { da: 'på kontanthjælp', en: 'on social assistance' },
    '4': { da: 'på førtidspension', en: 'on disability pension' },
    '5': { da: 'under uddannelse', en: 'in education' },
    '6': { da: 'pensionister', en: 'retired people' },
  },
  herkomst: {
    '1': { da: 'født i Danmark', en: 'born in Denmark' },
    '2': { da: 'født i et andet vestligt land', en: 'born in another western country' },
    '3': { da: 'født i et ikke-vestligt land', en: 'born in a non-western country' },
  },
};

function groupPhrase(g: Pick<ReachGroup, 'dimension' | 'group' | 'groupLabel'>, lang: Lang) {
  return (
    GROUP_PHRASES[g.dimension]?.[g.group]?.[lang] ??
    (lang === 'da' ? `i gruppen «${g.groupLabel}»` : `in the group “${g.groupLabel}”`)
  );
}

function targetPhrase(phrase: string | null, lang: Lang): string {
  if (phrase === null) return lang === 'da' ? 'i den voksne befolkning' : 'in the adult population';
  return lang === 'da' ? `blandt dem, der ${phrase},` : `among those who ${phrase}`;
}

/** The sentence for one group, or null when its ratio is hidden. */
export function reachSentence(
  name: string,
  g: Pick<ReachGroup, 'dimension' | 'group' | 'groupLabel' | 'suppressed' | 'lo' | 'hi'>,
  phrase: string | null,
  lang: Lang = 'da',
): string | null {
  const v = verdict(g);
  if (v === 'suppressed') return null;
  const who = groupPhrase(g, lang);
  const among = targetPhrase(phrase, lang);
  if (lang === 'en') {
    if (v === 'similar')
      return `It cannot be told whether “${name}” reaches people ${who} more or less than their share ${among} in the municipality.`;
    return `“${name}” reaches relatively ${v === 'fewer' ? 'fewer' : 'more'} people ${who} than there are ${among} in the municipality.`;
  }
  if (v === 'similar')
    return `Det kan ikke afgøres, om «${name}» når forholdsvis flere eller færre ${who}, end der er ${among} i kommunen.`;
  return `«${name}» når forholdsvis ${v === 'fewer' ? 'færre' : 'flere'} ${who}, end der er ${among} i kommunen.`;
}

/**
 * The view's sentences: one per group whose interval excludes 1; when none does, one saying
 * the participants can't be told apart from the target population (or that there are too few
 * answers to say anything).
 */
export function reachSentences(
  view: Pick<ReachView, 'name' | 'groups'> & { population: { phrase: string | null } | null },
  lang: Lang = 'da',
): string[] {
  const phrase = view.population?.phrase ?? null;
  const clear = view.groups
    .filter((g) => ['fewer', 'more'].includes(verdict(g)))
    .map((g) => reachSentence(view.name, g, phrase, lang)!);
  if (clear.length) return clear;
  const shown = view.groups.some((g) => verdict(g) === 'similar');
  if (lang === 'en')
    return [
      shown
        ? `The participants of “${view.name}” cannot be told apart from the target population in the municipality on any of the groups.`
        : `There are too few answers to say whom “${view.name}” reaches.`,
    ];
  return [
    shown
      ? `Deltagerne i «${view.name}» kan ikke skelnes fra målgruppen i kommunen på nogen af grupperne.`
      : `Der er for få svar til at sige, hvem «${view.name}» når.`,
  ];
}
