/**
 * Offer matching for the health conversation (docs/decisions/0007-offer-matching.md): ranks
 * published offers for one citizen by a weighted sum of explainable factors. Every point an
 * offer earns comes with a reason the citizen sees ("på arabisk", "gratis", "1,2 km fra dig").
 * Pure: the store supplies offers with their distance; a municipality supplies its weights.
 */
import { z } from 'zod';
import type { Arena, Mode, OfferType, Schedule, TimeOfDay, Topic } from '../catalog/index.ts';
import type { RiskFactor, SupportLevel } from './profile.ts';
import type { PRIORITY_DOMAINS, SocialNeedDomain } from './instruments/social.ts';

export type PriorityDomain = (typeof PRIORITY_DOMAINS)[number];

export interface MatchCitizen {
  /** Codes from PRIORITY_DOMAINS the citizen chose ('illness': living with a long-term illness). */
  priorities: readonly PriorityDomain[];
  /** The citizen said they would like an app or an online programme on their own. */
  wantsDigital?: boolean;
  riskFactors: readonly RiskFactor[];
  severeLoneliness: boolean;
  socialNeeds: readonly SocialNeedDomain[];
  support: SupportLevel;
  /** The language the citizen reads (ISO 639-1, 'da' = Danish). */
  language: string;
  interpreterNeeded: boolean;
  /** Where the conversation is held: a place the citizen already visits. */
  arena: Arena;
  age: number | null;
  bringsChildren: boolean;
  /** ISO weekdays 1-7 and times of day; empty = any. */
  availability: { days: readonly number[]; times: readonly TimeOfDay[] };
}

/** What the store gives per published offer. */
export interface MatchOffer {
  id: string;
  title: string;
  topics: readonly Topic[];
  arena: Arena;
  offer_type: OfferType;
  languages: readonly string[];
  mode: Mode;
  interpreter_available: boolean;
  free: boolean;
  price_dkk: number | null;
  children_welcome: boolean;
  childcare: boolean;
  transport_help: boolean;
  welcomes_newcomers: boolean;
  min_age: number | null;
  max_age: number | null;
  contact_name: string;
  schedules: readonly Schedule[];
  /** From the citizen's postcode to the nearest location; null = unknown or online. */
  distanceMeters: number | null;
}

export type MatchReasonCode =
  | 'priority'
  | 'riskFactor'
  | 'community'
  | 'language'
  | 'interpreter'
  | 'distance'
  | 'free'
  | 'children'
  | 'individual'
  | 'namedContact'
  | 'sameArena'
  | 'online'
  | 'selfStart'
  | 'schedule'
  | 'transportHelp'
  | 'newcomers';

/** Values for the ICU messages `match.reason.<code>`. */
export interface MatchReason {
  code: MatchReasonCode;
  values: Record<string, string | number>;
}

export interface Match {
  offer: MatchOffer;
  score: number;
  reasons: MatchReason[];
}

const w = (value: number) => z.number().min(0).max(10).default(value);

/**
 * The weights, each in [0, 10]; a municipality passes only those it changes
 * (`MatchWeights.parse({ distance: 6 })`). Unknown keys are rejected so a typo is not ignored.
 */
export const MatchWeights = z
  .strictObject({
    /** Per chosen priority the offer's topics serve. */
    priority: w(5),
    /** Per risk factor the offer's topics serve (not already served by a priority). */
    riskFactor: w(2),
    /** Severe loneliness and a loneliness or community offer. */
    community: w(3),
    /** Held in the language the citizen reads (not Danish). */
    language: w(4),
    /** An interpreter can be booked for a citizen who needs one. */
    interpreter: w(3),
    /** Penalty: the citizen needs another language and the offer has neither it nor an interpreter. */
    languageMissing: w(3),
    /** At 0 km; halves at DISTANCE_HALF_KM. */
    distance: w(3),
    free: w(2),
    /** Social need "money": extra for free offers, penalty for paid ones. */
    moneyNeed: w(2),
    children: w(2),
    /** Hand-held (half for guided): an individual offer. */
    individual: w(3),
    /** Hand-held (half for guided): a named contact person. */
    namedContact: w(2),
    /** Hand-held (half for guided): in the arena where the conversation is held. */
    sameArena: w(3),
    /** Penalty: hand-held citizen and an online-only offer. */
    onlineForHandHeld: w(3),
    /** Self-help: can be followed online. */
    online: w(2),
    /** Self-help: a group or structural offer one can simply turn up to. */
    selfStart: w(2),
    /** A meeting time the citizen can make. */
    schedule: w(2),
    /** Penalty: the citizen gave times and no meeting fits them. */
    scheduleMiss: w(2),
    /** Social need "transport" and the offer helps with transport. */
    transportHelp: w(2),
    /** Newcomers welcome, for a citizen reading another language or severely lonely. */
    newcomers: w(1),
  })
  // The citizen chooses; the tool never prescribes: what they chose must outweigh what we found.
  .refine((x) => x.priority > x.riskFactor, {
    message: 'priority must weigh more than riskFactor',
    path: ['priority'],
  });
export type MatchWeights = z.infer<typeof MatchWeights>;

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze(MatchWeights.parse({}));

/** Distance at which the distance bonus is half its weight. */
export const DISTANCE_HALF_KM = 2;
/** Guided sits between: the hand-held bonuses count this much, and nothing is penalised. */
export const GUIDED_SHARE = 0.5;
export const DEFAULT_MAX_KM = 25;
export const DEFAULT_LIMIT = 10;

/**
 * The catalog's topic for offers tied to a condition (a diabetes school, training after heart
 * disease): suggested only to a citizen who chose to work on living with an illness.
 */
export const CONDITION_TOPIC: Topic = 'chronic_illness';

const PRIORITY_TOPICS: Record<PriorityDomain, readonly Topic[]> = {
  activity: ['physical_activity'],
  diet: ['diet', 'overweight'],
  smoking: ['smoking'],
  alcohol: ['alcohol'],
  sleep: ['sleep'],
  stress: ['mental_wellbeing'],
  wellbeing: ['mental_wellbeing'],
  loneliness: ['loneliness', 'community'],
  // Housing and money are for the worker, not a catalog topic.
  socialNeeds: [],
  illness: [CONDITION_TOPIC],
};

const RISK_TOPIC: Record<RiskFactor, Topic> = {
  smoking: 'smoking',
  alcohol: 'alcohol',
  inactivity: 'physical_activity',
  diet: 'diet',
};

/**
 * Every topic an offer may have to fit this citizen at all: an offer with none of them gets no
 * fit reason and is never suggested, so the store may leave it out before ranking.
 */
export function fittingTopics(
  c: Pick<MatchCitizen, 'priorities' | 'riskFactors' | 'severeLoneliness'>,
): Topic[] {
  const out = new Set<Topic>();
  for (const p of c.priorities) for (const t of PRIORITY_TOPICS[p]) out.add(t);
  for (const r of c.riskFactors) out.add(RISK_TOPIC[r]);
  if (c.severeLoneliness) for (const t of PRIORITY_TOPICS.loneliness) out.add(t);
  return [...out].sort();
}

/** The order reasons are shown in: why it fits first, then how it suits the citizen. */
const REASON_ORDER: readonly MatchReasonCode[] = [
  'priority',
  'riskFactor',
  'community',
  'language',
  'interpreter',
  'individual',
  'namedContact',
  'sameArena',
  'online',
  'selfStart',
  'distance',
  'free',
  'children',
  'schedule',
  'transportHelp',
  'newcomers',
];

/** morgen < 12:00, eftermiddag 12:00–16:59, aften >= 17:00. */
export function timeOfDay(hhmm: string): TimeOfDay {
  const hour = Number(hhmm.slice(0, 2));
  return hour < 12 ? 'morgen' : hour < 17 ? 'eftermiddag' : 'aften';
}

const collator = new Intl.Collator('da');
const round = (n: number) => Math.round(n * 1000) / 1000;

/** One offer's score and reasons, or null when it does not fit or is excluded. */
function scoreOffer(c: MatchCitizen, o: MatchOffer, wt: MatchWeights, maxKm: number): Match | null {
  // Hard exclusions: age, and in-person-only offers too far away.
  if (
    c.age !== null &&
    ((o.min_age !== null && c.age < o.min_age) || (o.max_age !== null && c.age > o.max_age))
  )
    return null;
  const withinReach = o.distanceMeters !== null && o.distanceMeters <= maxKm * 1000;
  if (o.mode === 'in_person' && o.distanceMeters !== null && !withinReach) return null;
  // Tied to a condition: only for a citizen who said they live with one (or wish to work on it).
  if (o.topics.includes(CONDITION_TOPIC) && !c.priorities.includes('illness')) return null;
  // Hand-held: a contact person follows the citizen to the offer, which no one can do to an
  // app or a web page; online-only offers come only when the citizen asks for them.
  const onlineOnly = o.mode === 'online';
  if (c.support === 'handHeld' && onlineOnly && c.wantsDigital !== true) return null;

  const reasons: MatchReason[] = [];
  let score = 0;
  const add = (code: MatchReasonCode, points: number, values: MatchReason['values'] = {}) => {
    reasons.push({ code, values });
    score += points;
  };

  // Fit: what the citizen chose, then risk factors not already covered, then community.
  const topics = new Set(o.topics);
  const covered = new Set<Topic>();
  for (const p of new Set(c.priorities)) {
    const hit = PRIORITY_TOPICS[p].filter((t) => topics.has(t));
    if (hit.length === 0) continue;
    hit.forEach((t) => covered.add(t));
    add('priority', wt.priority, { goal: p });
  }
  for (const f of new Set(c.riskFactors)) {
    const t = RISK_TOPIC[f];
    if (topics.has(t) && !covered.has(t)) add('riskFactor', wt.riskFactor, { factor: f });
  }
  if (
    c.severeLoneliness &&
    !c.priorities.includes('loneliness') &&
    (topics.has('loneliness') || topics.has('community'))
  ) {
    add('community', wt.community);
  }
  if (reasons.length === 0) return null;

  // Language: held in the citizen's language, else an interpreter, else a penalty.
  const otherLanguage = c.language !== 'da';
  const languages = o.languages.length > 0 ? o.languages : ['da'];
  if (otherLanguage && languages.includes(c.language))
    add('language', wt.language, { language: c.language });
  else if ((otherLanguage || c.interpreterNeeded) && o.interpreter_available)
    add('interpreter', wt.interpreter);
  else if (otherLanguage || c.interpreterNeeded) score -= wt.languageMissing;

  // Support level.
  if (c.support === 'handHeld' || c.support === 'guided') {
    const share = c.support === 'handHeld' ? 1 : GUIDED_SHARE;
    if (o.offer_type === 'individual') add('individual', wt.individual * share);
    if (o.contact_name.trim() !== '') add('namedContact', wt.namedContact * share);
    if (o.arena === c.arena) add('sameArena', wt.sameArena * share, { arena: o.arena });
    // Nobody can be followed to a web page: asked for, it still weighs less than one they can.
    if (c.support === 'handHeld' && onlineOnly) score -= wt.onlineForHandHeld;
  } else {
    if (o.mode !== 'in_person') add('online', wt.online);
    // Structural offers (an open facility, a trail) need nobody; a group without a named contact is turn-up.
    if (o.offer_type === 'structural' || (o.offer_type === 'group' && o.contact_name.trim() === ''))
      add('selfStart', wt.selfStart);
  }

  // Distance: smooth and decreasing, only for offers one goes to.
  if (!onlineOnly && withinReach && o.distanceMeters !== null) {
    const km = o.distanceMeters / 1000;
    add('distance', (wt.distance * DISTANCE_HALF_KM) / (DISTANCE_HALF_KM + km), {
      meters: Math.round(o.distanceMeters),
      // The ICU message shows km ("1,2 km fra dig").
      km: Math.round(km * 10) / 10,
    });
  }

  // Cost: money matters more to a citizen who said money is tight.
  const moneyNeed = c.socialNeeds.includes('money');
  if (o.free) add('free', wt.free + (moneyNeed ? wt.moneyNeed : 0));
  else if (moneyNeed) score -= wt.moneyNeed;

  if (c.bringsChildren && (o.children_welcome || o.childcare)) add('children', wt.children);

  // Schedule: only when both sides say something about time.
  const { days, times } = c.availability;
  if ((days.length > 0 || times.length > 0) && o.schedules.length > 0) {
    const fits = o.schedules.some(
      (s) =>
        (days.length === 0 || days.includes(s.weekday)) &&
        (times.length === 0 || times.includes(timeOfDay(s.starts_at))),
    );
    if (fits) add('schedule', wt.schedule);
    else score -= wt.scheduleMiss;
  }

  if (c.socialNeeds.includes('transport') && o.transport_help)
    add('transportHelp', wt.transportHelp);
  if (o.welcomes_newcomers && (otherLanguage || c.severeLoneliness)) add('newcomers', wt.newcomers);

  // Stable sort keeps the citizen's own order among several priorities.
  reasons.sort((a, b) => REASON_ORDER.indexOf(a.code) - REASON_ORDER.indexOf(b.code));
  return { offer: o, score: round(score), reasons };
}

/**
 * Ranks offers for one citizen: best score first, then nearest (unknown last), then title in
 * Danish order, then id, so the same input always gives the same list. Throws a ZodError when
 * the weights are out of range.
 */
export function matchOffers(
  citizen: MatchCitizen,
  offers: readonly MatchOffer[],
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
  opts: { limit?: number; maxKm?: number } = {},
): Match[] {
  const wt = MatchWeights.parse(weights);
  const maxKm = opts.maxKm ?? DEFAULT_MAX_KM;
  const dist = (m: Match) => m.offer.distanceMeters ?? Number.MAX_VALUE;
  const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  return offers
    .map((o) => scoreOffer(citizen, o, wt, maxKm))
    .filter((m): m is Match => m !== null)
    .sort(
      (a, b) =>
        cmp(b.score, a.score) ||
        cmp(dist(a), dist(b)) ||
        collator.compare(a.offer.title, b.offer.title) ||
        cmp(a.offer.id, b.offer.id),
    )
    .slice(0, opts.limit ?? DEFAULT_LIMIT);
}
