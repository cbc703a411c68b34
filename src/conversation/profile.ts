/**
 * The personal health profile (CONVERSATION.md "Profile and differentiation"): per domain,
 * where the citizen stands against the recommendation in kind, factual words; the citizen's
 * resources; the priorities the citizen chose; and a support level by transparent rules.
 * Pure: takes instruments and answers, returns data for pages, print and export.
 */
import { LighedError } from '../platform/errors.ts';
import type { Answer, Answers, Domain, Instrument } from './instrument.ts';
import { fullText, listIn, msg, type Text } from './text.ts';
import { scoreInstrument, type ScoreResult, type ScoringContext } from './scoring.ts';
import { SOCIAL_NEED_DOMAIN, type SocialNeedDomain } from './instruments/social.ts';
import { SMOKE_SOURCE, type SmokeSource } from './instruments/pregnancy.ts';
import { UI_LANGUAGES } from '../web/languages.ts';

export interface Response {
  instrument: Instrument;
  answers: Answers;
}

export interface ProfileContext extends ScoringContext {
  /** The citizen needs an interpreter for conversations (recorded by the worker). */
  interpreterNeeded?: boolean;
}

export interface Statement {
  instrumentId: string;
  bandId: string | null;
  /** Worth a conversation: outside the recommendation or a sign of need. */
  attention: boolean;
  text: Text;
}

export interface DomainStatus {
  domain: Domain;
  /**
   * One verdict per domain, from the instruments that were scored: when one of them is worth a
   * talk, only those statements; otherwise the scored ones; "not enough answers" only when none
   * was scored. Two instruments of a domain never contradict each other on the page.
   */
  statements: Statement[];
}

export interface Chosen {
  code: string;
  label: Text;
}

export interface Resources {
  energy: Chosen[];
  people: Chosen[];
  /** Free text in the citizen's own words, as written. */
  notes: { itemId: string; text: string }[];
}

export interface Priorities {
  domains: Chosen[];
  other: string | null;
}

export const SUPPORT_LEVELS = ['selfHelp', 'guided', 'handHeld'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export type SupportReasonCode =
  | 'limitedHealthLiteracy'
  | 'lowWellbeing'
  | 'severeLoneliness'
  | 'lowSocialSupport'
  | 'socialNeed'
  | 'severalRiskFactors'
  | 'lowConfidence'
  | 'interpreterNeeded';

export interface SupportReason {
  code: SupportReasonCode;
  text: Text;
}

export interface SupportAssessment {
  level: SupportLevel;
  reasons: SupportReason[];
  /** One sentence on how the level follows from the reasons. */
  summary: Text;
}

export interface Profile {
  results: ScoreResult[];
  domains: DomainStatus[];
  riskFactors: RiskFactor[];
  resources: Resources;
  priorities: Priorities;
  support: SupportAssessment;
}

/** The rules, as tunable constants; documented in the support summary. */
export const SUPPORT_RULES = {
  who5AtMost: 28,
  confidenceAtMost: 3,
  riskFactorsAtLeast: 3,
  /** Number of reasons from which the level is hand-held; one reason gives guided. */
  handHeldFromReasons: 2,
} as const;

const NOT_ENOUGH: Text = msg('profile.notEnough');

/**
 * How a sentence addresses the citizen: Arabic second-person forms differ for a woman and a
 * man; the messages choose with ICU `{sex, select, female {…} male {…} other {…}}`, and
 * `other` is neutral wording for a citizen whose sex is not recorded.
 */
export type Address = 'female' | 'male' | 'unknown';
export const addressOf = (sex: ScoringContext['sex'] | null | undefined): Address =>
  sex === 'female' || sex === 'male' ? sex : 'unknown';

type TextRule = (r: ScoreResult, inst: Instrument, sex: Address) => Text;
const fixed =
  (key: string): TextRule =>
  (_r, _inst, sex) =>
    msg(key, { sex });

const NEED_NAMES: Record<SocialNeedDomain, Text> = {
  housing: msg('profile.need.housing'),
  food: msg('profile.need.food'),
  money: msg('profile.need.money'),
  transport: msg('profile.need.transport'),
  safety: msg('profile.need.safety'),
};
const needsList = (r: ScoreResult) => {
  const names = socialNeedDomains(r).map((d) => NEED_NAMES[d]);
  return (lang: Parameters<typeof listIn>[0]) => listIn(lang, names);
};

export function socialNeedDomains(r: ScoreResult): SocialNeedDomain[] {
  const out = new Set<SocialNeedDomain>();
  for (const f of r.flags) {
    const d = (SOCIAL_NEED_DOMAIN as Record<string, SocialNeedDomain | undefined>)[f];
    if (d) out.add(d);
  }
  return [...out];
}

type Place = Exclude<SmokeSource, 'own'>;
const PLACE_NAMES: Record<Place, Text> = {
  home: msg('profile.smokePlace.home'),
  car: msg('profile.smokePlace.car'),
  elsewhere: msg('profile.smokePlace.elsewhere'),
};

/** Where the smoke around the citizen comes from (smoke-free-home), each place once. */
export function smokeSources(r: ScoreResult): SmokeSource[] {
  const out = new Set<SmokeSource>();
  for (const f of r.flags) {
    const s = (SMOKE_SOURCE as Record<string, SmokeSource | undefined>)[f];
    if (s) out.add(s);
  }
  return [...out];
}

const joined = (a: Text, b: Text): Text =>
  Object.fromEntries(UI_LANGUAGES.map((l) => [l, `${a[l]} ${b[l]}`])) as Text;

/** Own smoking or nicotine first, then the smoke from others, by place. */
const smokeAround: TextRule = (r, _inst, sex) => {
  const sources = smokeSources(r);
  const places = sources.filter((s): s is Place => s !== 'own').map((p) => PLACE_NAMES[p]);
  const exposure =
    places.length > 0
      ? msg('profile.smokeFreeHome.exposure', {
          places: (lang) => listIn(lang, places),
          sex,
        })
      : null;
  const own = sources.includes('own') ? msg('profile.smokeFreeHome.own', { sex }) : null;
  return own && exposure ? joined(own, exposure) : (own ?? exposure ?? NOT_ENOUGH);
};

function alcoholLimits(inst: Instrument): { week: number; day: number } {
  return inst.scoring.kind === 'alcoholUnits'
    ? { week: inst.scoring.weekMax, day: inst.scoring.dayMax }
    : { week: 10, day: 4 };
}

const limitValues = (inst: Instrument) => {
  const l = alcoholLimits(inst);
  return { weekMax: l.week, dayMax: l.day };
};

/** Kind, factual sentences per instrument and band; `attention` marks bands worth a talk. */
const TEXTS: Record<string, Record<string, { attention: boolean; text: TextRule }>> = {
  'who-5': {
    likelyDepression: { attention: true, text: fixed('profile.who5.likelyDepression') },
    poor: { attention: true, text: fixed('profile.who5.poor') },
    good: { attention: false, text: fixed('profile.who5.good') },
  },
  smoking: {
    never: { attention: false, text: fixed('profile.smoking.never') },
    former: { attention: false, text: fixed('profile.smoking.former') },
    occasional: { attention: true, text: fixed('profile.smoking.occasional') },
    daily: { attention: true, text: fixed('profile.smoking.daily') },
    heavy: { attention: true, text: fixed('profile.smoking.heavy') },
  },
  'alcohol-units': {
    within: {
      attention: false,
      text: (_r, inst, sex) => msg('profile.alcoholUnits.within', { ...limitValues(inst), sex }),
    },
    above: {
      attention: true,
      text: (r, inst, sex) => {
        const l = alcoholLimits(inst);
        return r.score !== null && r.score > l.week
          ? msg('profile.alcoholUnits.aboveWeek', { ...limitValues(inst), sex })
          : msg('profile.alcoholUnits.aboveDay', { ...limitValues(inst), sex });
      },
    },
    underAge: { attention: true, text: fixed('profile.alcoholUnits.underAge') },
  },
  'audit-c': {
    negative: { attention: false, text: fixed('profile.auditC.negative') },
    positive: { attention: true, text: fixed('profile.auditC.positive') },
  },
  activity: {
    sedentary: { attention: true, text: fixed('profile.activity.sedentary') },
    below: { attention: true, text: fixed('profile.activity.below') },
    meetsWho: { attention: false, text: fixed('profile.activity.meetsWho') },
    meetsDk: { attention: false, text: fixed('profile.activity.meetsDk') },
  },
  diet: {
    farFrom: { attention: true, text: fixed('profile.diet.farFrom') },
    partly: { attention: false, text: fixed('profile.diet.partly') },
    meets: { attention: false, text: fixed('profile.diet.meets') },
  },
  sleep: {
    none: { attention: false, text: fixed('profile.sleep.none') },
    some: { attention: false, text: fixed('profile.sleep.some') },
    much: { attention: true, text: fixed('profile.sleep.much') },
  },
  'loneliness-3': {
    notSevere: { attention: false, text: fixed('profile.loneliness.notSevere') },
    severe: { attention: true, text: fixed('profile.loneliness.severe') },
  },
  'pss-10': {
    notHigh: { attention: false, text: fixed('profile.pss10.notHigh') },
    high: { attention: true, text: fixed('profile.pss10.high') },
  },
  'self-rated-health': {
    good: { attention: false, text: fixed('profile.selfRatedHealth.good') },
    notGood: { attention: true, text: fixed('profile.selfRatedHealth.notGood') },
  },
  'health-literacy-1': {
    adequate: { attention: false, text: fixed('profile.healthLiteracy.adequate') },
    limited: { attention: true, text: fixed('profile.healthLiteracy.limited') },
  },
  'pregnancy-alcohol': {
    none: { attention: false, text: fixed('profile.pregnancyAlcohol.none') },
    need: {
      attention: true,
      text: (r, _inst, sex) =>
        r.flags.includes('pa-since')
          ? msg('profile.pregnancyAlcohol.since', { sex })
          : msg('profile.pregnancyAlcohol.before', { sex }),
    },
  },
  't-ace': {
    negative: { attention: false, text: fixed('profile.tAce.negative') },
    positive: { attention: true, text: fixed('profile.tAce.positive') },
  },
  'smoke-free-home': {
    none: { attention: false, text: fixed('profile.smokeFreeHome.none') },
    need: { attention: true, text: smokeAround },
  },
  'oss-3': {
    poor: { attention: true, text: fixed('profile.oss3.poor') },
    moderate: { attention: false, text: fixed('profile.oss3.moderate') },
    strong: { attention: false, text: fixed('profile.oss3.strong') },
  },
  'social-needs': {
    none: { attention: false, text: fixed('profile.socialNeeds.none') },
    need: {
      attention: true,
      text: (r, _inst, sex) => msg('profile.socialNeeds.need', { needs: needsList(r), sex }),
    },
  },
};

function statementFor(r: ScoreResult, inst: Instrument, sex: Address): Statement | null {
  if (inst.scoring.kind === 'none') return null;
  if (!r.scored || !r.band)
    return { instrumentId: inst.id, bandId: null, attention: false, text: NOT_ENOUGH };
  const rule = TEXTS[inst.id]?.[r.band.id];
  // An instrument without our own sentence falls back to its band label.
  if (!rule)
    return {
      instrumentId: inst.id,
      bandId: r.band.id,
      attention: false,
      text: fullText(r.band.label),
    };
  return {
    instrumentId: inst.id,
    bandId: r.band.id,
    attention: rule.attention,
    text: rule.text(r, inst, sex),
  };
}

/** The statements a domain shows: see DomainStatus. */
export function domainVerdict(statements: readonly Statement[]): Statement[] {
  const scored = statements.filter((s) => s.bandId !== null);
  if (scored.length === 0) return statements.slice(0, 1);
  const attention = scored.filter((s) => s.attention);
  return attention.length > 0 ? attention : scored;
}

export type RiskFactor = 'smoking' | 'alcohol' | 'inactivity' | 'diet';

/**
 * Lifestyle risk factors (smoking, alcohol, activity, diet); each counts once. In pregnancy
 * smoking or other nicotine, any alcohol since the pregnancy was known, and a positive T-ACE
 * count too (smoke from others does not: it is not the citizen's own habit).
 */
export function riskFactors(results: readonly ScoreResult[]): RiskFactor[] {
  const scored = (id: string) => results.find((r) => r.instrumentId === id && r.scored);
  const band = (id: string) => scored(id)?.band?.id;
  const flagged = (id: string, item: string) => scored(id)?.flags.includes(item) === true;
  const out: RiskFactor[] = [];
  const s = band('smoking');
  if (s === 'occasional' || s === 'daily' || s === 'heavy' || flagged('smoke-free-home', 'sfh-own'))
    out.push('smoking');
  const u = band('alcohol-units');
  if (
    u === 'above' ||
    u === 'underAge' ||
    band('audit-c') === 'positive' ||
    band('t-ace') === 'positive' ||
    flagged('pregnancy-alcohol', 'pa-since')
  )
    out.push('alcohol');
  const a = band('activity');
  if (a === 'sedentary' || a === 'below') out.push('inactivity');
  if (band('diet') === 'farFrom') out.push('diet');
  return out;
}

function chosen(inst: Instrument, itemId: string, a: Answer | undefined): Chosen[] {
  if (a === undefined || !('codes' in a)) return [];
  const item = inst.items.find((i) => i.id === itemId);
  return a.codes.flatMap((code) => {
    const o = item?.options.find((x) => x.code === code);
    return o ? [{ code, label: fullText(o.label) }] : [];
  });
}

function textOf(a: Answer | undefined): string | null {
  return a !== undefined && 'text' in a && a.text.trim() !== '' ? a.text.trim() : null;
}

function resourcesOf(responses: readonly Response[]): Resources {
  const res = responses.find((r) => r.instrument.domain === 'resources');
  if (!res) return { energy: [], people: [], notes: [] };
  const notes = res.instrument.items
    .filter((i) => i.kind === 'text')
    .flatMap((i) => {
      const text = textOf(res.answers[i.id]);
      return text === null ? [] : [{ itemId: i.id, text }];
    });
  return {
    energy: chosen(res.instrument, 'resources-energy', res.answers['resources-energy']),
    people: chosen(res.instrument, 'resources-people', res.answers['resources-people']),
    notes,
  };
}

function prioritiesOf(responses: readonly Response[]): Priorities {
  const p = responses.find((r) => r.instrument.domain === 'priorities');
  if (!p) return { domains: [], other: null };
  return {
    domains: chosen(p.instrument, 'priorities-domains', p.answers['priorities-domains']),
    other: textOf(p.answers['priorities-other']),
  };
}

function confidenceOf(responses: readonly Response[]): number | undefined {
  const m = responses.find((r) => r.instrument.domain === 'motivation');
  const a = m?.answers.confidence;
  if (a === undefined || !('code' in a)) return undefined;
  const n = Number(a.code);
  return Number.isInteger(n) ? n : undefined;
}

const levelSummary = (level: SupportLevel, sex: Address): Text =>
  msg(`support.summary.${level}`, { count: SUPPORT_RULES.handHeldFromReasons, sex });

/**
 * The support level by transparent rules (CONVERSATION.md): each rule that applies is a
 * reason, shown as a sentence; no reasons = self-help, one = guided, two or more = hand-held.
 */
export function assessSupport(
  results: readonly ScoreResult[],
  responses: readonly Response[],
  ctx: ProfileContext,
): SupportAssessment {
  const band = (id: string) => results.find((r) => r.instrumentId === id && r.scored)?.band?.id;
  const sex = addressOf(ctx.sex);
  const reasons: SupportReason[] = [];
  const reason = (code: SupportReasonCode, values?: Parameters<typeof msg>[1]) =>
    reasons.push({ code, text: msg(`support.reason.${code}`, { ...values, sex }) });
  if (band('health-literacy-1') === 'limited') reason('limitedHealthLiteracy');
  const who5 = results.find((r) => r.instrumentId === 'who-5' && r.scored);
  if (who5?.score != null && who5.score <= SUPPORT_RULES.who5AtMost)
    reason('lowWellbeing', { score: who5.score, limit: SUPPORT_RULES.who5AtMost });
  if (band('loneliness-3') === 'severe') reason('severeLoneliness');
  if (band('oss-3') === 'poor') reason('lowSocialSupport');
  const needs = results.find(
    (r) => r.instrumentId === 'social-needs' && r.scored && r.flags.length > 0,
  );
  if (needs) reason('socialNeed', { needs: needsList(needs) });
  const risks = riskFactors(results);
  if (risks.length >= SUPPORT_RULES.riskFactorsAtLeast)
    reason('severalRiskFactors', { count: risks.length });
  const confidence = confidenceOf(responses);
  if (confidence !== undefined && confidence <= SUPPORT_RULES.confidenceAtMost)
    reason('lowConfidence', { confidence });
  if (ctx.interpreterNeeded === true) reason('interpreterNeeded');
  const level: SupportLevel =
    reasons.length === 0
      ? 'selfHelp'
      : reasons.length < SUPPORT_RULES.handHeldFromReasons
        ? 'guided'
        : 'handHeld';
  return { level, reasons, summary: levelSummary(level, sex) };
}

/** Builds the whole profile from the conversation's responses. */
export function buildProfile(responses: readonly Response[], ctx: ProfileContext = {}): Profile {
  const scoringCtx: ScoringContext = {
    ...(ctx.sex ? { sex: ctx.sex } : {}),
    ...(ctx.age !== undefined ? { age: ctx.age } : {}),
  };
  const results = responses.map((r) => scoreInstrument(r.instrument, r.answers, scoringCtx));
  const domains: DomainStatus[] = [];
  responses.forEach((resp, i) => {
    const r = results[i];
    const statement = r ? statementFor(r, resp.instrument, addressOf(ctx.sex)) : null;
    if (!statement) return;
    const existing = domains.find((d) => d.domain === resp.instrument.domain);
    if (existing) existing.statements.push(statement);
    else domains.push({ domain: resp.instrument.domain, statements: [statement] });
  });
  for (const d of domains) d.statements = domainVerdict(d.statements);
  return {
    results,
    domains,
    riskFactors: riskFactors(results),
    resources: resourcesOf(responses),
    priorities: prioritiesOf(responses),
    support: assessSupport(results, responses, ctx),
  };
}

export interface SupportDecision {
  computed: SupportAssessment;
  level: SupportLevel;
  override: { level: SupportLevel; note: string } | null;
}

export type OverrideResult =
  { ok: true; value: SupportDecision } | { ok: false; error: LighedError };

/** The worker overrides the computed level; a written note is required. */
export function overrideSupport(
  computed: SupportAssessment,
  level: SupportLevel,
  note: string,
): OverrideResult {
  const trimmed = note.trim();
  if (trimmed === '') {
    return {
      ok: false,
      error: new LighedError(
        'LIGHED_ERR_VALIDATION',
        'An override of the support level needs a note',
        [{ path: 'note', message: 'Skriv en kort begrundelse for, at du ændrer støtteniveauet' }],
      ),
    };
  }
  return { ok: true, value: { computed, level, override: { level, note: trimmed } } };
}

/** The decision without an override. */
export function acceptSupport(computed: SupportAssessment): SupportDecision {
  return { computed, level: computed.level, override: null };
}
