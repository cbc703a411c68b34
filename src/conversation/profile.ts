/**
 * The personal health profile (CONVERSATION.md "Profile and differentiation"): per domain,
 * where the citizen stands against the recommendation in kind, factual words; the citizen's
 * resources; the priorities the citizen chose; and a support level by transparent rules.
 * Pure: takes instruments and answers, returns data for pages, print and export.
 */
import { LighedError } from '../platform/errors.ts';
import type { Answer, Answers, DaEnText, Domain, Instrument } from './instrument.ts';
import { scoreInstrument, type ScoreResult, type ScoringContext } from './scoring.ts';
import { SOCIAL_NEED_DOMAIN, type SocialNeedDomain } from './instruments/social.ts';

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
  text: DaEnText;
}

export interface DomainStatus {
  domain: Domain;
  statements: Statement[];
}

export interface Chosen {
  code: string;
  label: DaEnText;
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
  | 'socialNeed'
  | 'severalRiskFactors'
  | 'lowConfidence'
  | 'interpreterNeeded';

export interface SupportReason {
  code: SupportReasonCode;
  text: DaEnText;
}

export interface SupportAssessment {
  level: SupportLevel;
  reasons: SupportReason[];
  /** One sentence on how the level follows from the reasons. */
  summary: DaEnText;
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

const NOT_ENOUGH: DaEnText = {
  da: 'Der er ikke svar nok til at sige noget om dette.',
  en: 'There are not enough answers to say anything about this.',
};

type TextRule = (r: ScoreResult, inst: Instrument) => DaEnText;
const fixed = (da: string, en: string): TextRule => () => ({ da, en });

const NEED_NAMES: Record<SocialNeedDomain, DaEnText> = {
  housing: { da: 'bolig', en: 'housing' },
  food: { da: 'mad', en: 'food' },
  money: { da: 'penge', en: 'money' },
  transport: { da: 'transport', en: 'transport' },
  safety: { da: 'tryghed', en: 'safety' },
};

export function socialNeedDomains(r: ScoreResult): SocialNeedDomain[] {
  const out = new Set<SocialNeedDomain>();
  for (const f of r.flags) {
    const d = (SOCIAL_NEED_DOMAIN as Record<string, SocialNeedDomain | undefined>)[f];
    if (d) out.add(d);
  }
  return [...out];
}

function alcoholLimits(inst: Instrument): { week: number; day: number } {
  return inst.scoring.kind === 'alcoholUnits' ? { week: inst.scoring.weekMax, day: inst.scoring.dayMax } : { week: 10, day: 4 };
}

/** Kind, factual sentences per instrument and band; `attention` marks bands worth a talk. */
const TEXTS: Record<string, Record<string, { attention: boolean; text: TextRule }>> = {
  'who-5': {
    likelyDepression: { attention: true, text: fixed('Dine svar tyder på, at de sidste to uger har været svære for dig. Det kan hjælpe at tale med din læge om det.', 'Your answers suggest the last two weeks have been hard for you. It can help to talk to your doctor about it.') },
    poor: { attention: true, text: fixed('Dine svar tyder på, at din trivsel har været lav de sidste to uger.', 'Your answers suggest your well-being has been low over the last two weeks.') },
    good: { attention: false, text: fixed('Dine svar tyder på, at du har haft det godt de sidste to uger.', 'Your answers suggest you have been well over the last two weeks.') },
  },
  smoking: {
    never: { attention: false, text: fixed('Du ryger ikke.', 'You do not smoke.') },
    former: { attention: false, text: fixed('Du er holdt op med at ryge.', 'You have stopped smoking.') },
    occasional: { attention: true, text: fixed('Du ryger af og til. Der er gratis hjælp at få, hvis du vil stoppe.', 'You smoke now and then. Free help is available if you want to stop.') },
    daily: { attention: true, text: fixed('Du ryger hver dag. Der er gratis hjælp at få, hvis du vil stoppe.', 'You smoke every day. Free help is available if you want to stop.') },
    heavy: { attention: true, text: fixed('Du ryger 15 eller flere om dagen. Der er gratis hjælp at få, hvis du vil stoppe.', 'You smoke 15 or more a day. Free help is available if you want to stop.') },
  },
  'alcohol-units': {
    within: {
      attention: false,
      text: (_r, inst) => {
        const l = alcoholLimits(inst);
        return {
          da: `Du drikker inden for Sundhedsstyrelsens anbefaling på højst ${l.week} genstande om ugen og højst ${l.day} på én dag.`,
          en: `You drink within the Danish Health Authority's recommendation of at most ${l.week} units a week and at most ${l.day} on one day.`,
        };
      },
    },
    above: {
      attention: true,
      text: (r, inst) => {
        const l = alcoholLimits(inst);
        const week = r.score !== null && r.score > l.week;
        return week
          ? { da: `Du drikker mere end Sundhedsstyrelsens anbefaling på højst ${l.week} genstande om ugen.`, en: `You drink more than the Danish Health Authority's recommendation of at most ${l.week} units a week.` }
          : { da: `Du drikker nogle dage mere end Sundhedsstyrelsens anbefaling på højst ${l.day} genstande på én dag.`, en: `On some days you drink more than the Danish Health Authority's recommendation of at most ${l.day} units on one day.` };
      },
    },
    underAge: { attention: true, text: fixed('Sundhedsstyrelsen anbefaler, at unge under 18 år ikke drikker alkohol.', 'The Danish Health Authority recommends that young people under 18 do not drink alcohol.') },
  },
  'audit-c': {
    negative: { attention: false, text: fixed('Dine svar om alkohol ligger under grænsen for et skadeligt forbrug.', 'Your answers about alcohol are below the cut-off for hazardous drinking.') },
    positive: { attention: true, text: fixed('Dine svar om alkohol ligger over den grænse, hvor det kan være godt at se nærmere på dine alkoholvaner.', 'Your answers about alcohol are above the cut-off where it can be worth looking at your drinking habits.') },
  },
  activity: {
    sedentary: { attention: true, text: fixed('Du sidder meget stille i din fritid. Sundhedsstyrelsen anbefaler mindst 30 minutters fysisk aktivitet om dagen.', 'You sit still a lot in your free time. The Danish Health Authority recommends at least 30 minutes of physical activity a day.') },
    below: { attention: true, text: fixed('Du bevæger dig mindre end anbefalingen på mindst 30 minutter om dagen.', 'You move less than the recommendation of at least 30 minutes a day.') },
    meetsWho: { attention: false, text: fixed('Du når WHO’s anbefaling på 150 minutter om ugen. Sundhedsstyrelsen anbefaler mindst 30 minutter om dagen.', "You reach WHO's recommendation of 150 minutes a week. The Danish Health Authority recommends at least 30 minutes a day.") },
    meetsDk: { attention: false, text: fixed('Du når anbefalingen på mindst 30 minutters fysisk aktivitet om dagen.', 'You reach the recommendation of at least 30 minutes of physical activity a day.') },
  },
  diet: {
    farFrom: { attention: true, text: fixed('Din mad ligger et stykke fra Fødevarestyrelsens kostråd om frugt og grønt, fisk og fuldkorn.', "Your food is some way from the Danish Food Administration's advice on fruit and vegetables, fish and wholegrain.") },
    partly: { attention: false, text: fixed('Du følger nogle af Fødevarestyrelsens kostråd om frugt og grønt, fisk og fuldkorn.', "You follow some of the Danish Food Administration's advice on fruit and vegetables, fish and wholegrain.") },
    meets: { attention: false, text: fixed('Du følger Fødevarestyrelsens kostråd om frugt og grønt, fisk og fuldkorn.', "You follow the Danish Food Administration's advice on fruit and vegetables, fish and wholegrain.") },
  },
  sleep: {
    none: { attention: false, text: fixed('Du har ikke været generet af dårlig søvn de sidste 14 dage.', 'You have not been bothered by poor sleep in the last 14 days.') },
    some: { attention: false, text: fixed('Du har været lidt generet af dårlig søvn de sidste 14 dage.', 'You have been a little bothered by poor sleep in the last 14 days.') },
    much: { attention: true, text: fixed('Du har været meget generet af dårlig søvn de sidste 14 dage.', 'You have been very bothered by poor sleep in the last 14 days.') },
  },
  'loneliness-3': {
    notSevere: { attention: false, text: fixed('Dine svar tyder ikke på, at du er meget ensom.', 'Your answers do not suggest you are very lonely.') },
    severe: { attention: true, text: fixed('Dine svar tyder på, at du tit føler dig alene. Det gør mange, og der findes fællesskaber, der kan hjælpe.', 'Your answers suggest you often feel alone. Many people do, and there are communities that can help.') },
  },
  'pss-10': {
    notHigh: { attention: false, text: fixed('Dine svar tyder ikke på et højt stressniveau.', 'Your answers do not suggest a high level of stress.') },
    high: { attention: true, text: fixed('Dine svar tyder på, at du har meget stress lige nu.', 'Your answers suggest you have a lot of stress right now.') },
  },
  'self-rated-health': {
    good: { attention: false, text: fixed('Du synes selv, at dit helbred er godt.', 'You feel your health is good.') },
    notGood: { attention: true, text: fixed('Du synes selv, at dit helbred er mindre godt eller dårligt.', 'You feel your health is fair or poor.') },
  },
  'health-literacy-1': {
    adequate: { attention: false, text: fixed('Du klarer selv at læse information om sundhed.', 'You manage to read health information on your own.') },
    limited: { attention: true, text: fixed('Du har nogle gange brug for hjælp til at læse information om sundhed. Det er helt almindeligt, og vi hjælper gerne.', 'You sometimes need help reading health information. That is very common, and we are glad to help.') },
  },
  'social-needs': {
    none: { attention: false, text: fixed('Du har ikke nævnt behov for hjælp med bolig, mad, penge, transport eller tryghed.', 'You have not mentioned needing help with housing, food, money, transport or safety.') },
    need: {
      attention: true,
      text: (r) => {
        const names = socialNeedDomains(r).map((d) => NEED_NAMES[d]);
        return {
          da: `Du har nævnt noget i din hverdag, som du kan få hjælp til: ${names.map((n) => n.da).join(', ')}.`,
          en: `You have mentioned something in your everyday life you can get help with: ${names.map((n) => n.en).join(', ')}.`,
        };
      },
    },
  },
};

function statementFor(r: ScoreResult, inst: Instrument): Statement | null {
  if (inst.scoring.kind === 'none') return null;
  if (!r.scored || !r.band) return { instrumentId: inst.id, bandId: null, attention: false, text: NOT_ENOUGH };
  const rule = TEXTS[inst.id]?.[r.band.id];
  // An instrument without our own sentence falls back to its band label.
  if (!rule) return { instrumentId: inst.id, bandId: r.band.id, attention: false, text: r.band.label };
  return { instrumentId: inst.id, bandId: r.band.id, attention: rule.attention, text: rule.text(r, inst) };
}

export type RiskFactor = 'smoking' | 'alcohol' | 'inactivity' | 'diet';

/** Lifestyle risk factors (smoking, alcohol, activity, diet); alcohol counts once. */
export function riskFactors(results: readonly ScoreResult[]): RiskFactor[] {
  const band = (id: string) => results.find((r) => r.instrumentId === id && r.scored)?.band?.id;
  const out: RiskFactor[] = [];
  const s = band('smoking');
  if (s === 'occasional' || s === 'daily' || s === 'heavy') out.push('smoking');
  const u = band('alcohol-units');
  if (u === 'above' || u === 'underAge' || band('audit-c') === 'positive') out.push('alcohol');
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
    return o ? [{ code, label: { da: o.label.da, en: o.label.en ?? o.label.da } }] : [];
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

const LEVEL_SUMMARY: Record<SupportLevel, DaEnText> = {
  selfHelp: {
    da: 'Ingen af reglerne for ekstra støtte gælder, så du kan selv finde og bruge tilbud. Vi er her, hvis du får brug for os.',
    en: 'None of the rules for extra support apply, so you can find and use offers yourself. We are here if you need us.',
  },
  guided: {
    da: 'Én af reglerne for ekstra støtte gælder, så en medarbejder hjælper dig med at vælge og booke et tilbud.',
    en: 'One of the rules for extra support applies, so a worker helps you choose and book an offer.',
  },
  handHeld: {
    da: `${SUPPORT_RULES.handHeldFromReasons} eller flere af reglerne for ekstra støtte gælder, så en fast kontaktperson følger dig hen til tilbuddet.`,
    en: `${SUPPORT_RULES.handHeldFromReasons} or more of the rules for extra support apply, so a named contact person goes with you to the offer.`,
  },
};

/**
 * The support level by transparent rules (CONVERSATION.md): each rule that applies is a
 * reason, shown as a sentence; no reasons = self-help, one = guided, two or more = hand-held.
 */
export function assessSupport(results: readonly ScoreResult[], responses: readonly Response[], ctx: ProfileContext): SupportAssessment {
  const band = (id: string) => results.find((r) => r.instrumentId === id && r.scored)?.band?.id;
  const reasons: SupportReason[] = [];
  if (band('health-literacy-1') === 'limited') {
    reasons.push({ code: 'limitedHealthLiteracy', text: { da: 'Du har nogle gange brug for hjælp til at læse information om sundhed.', en: 'You sometimes need help reading health information.' } });
  }
  const who5 = results.find((r) => r.instrumentId === 'who-5' && r.scored);
  if (who5?.score != null && who5.score <= SUPPORT_RULES.who5AtMost) {
    reasons.push({ code: 'lowWellbeing', text: { da: `Din trivsel (WHO-5) er ${who5.score} ud af 100, og ved ${SUPPORT_RULES.who5AtMost} eller derunder tilbyder vi ekstra støtte.`, en: `Your well-being (WHO-5) is ${who5.score} out of 100, and at ${SUPPORT_RULES.who5AtMost} or below we offer extra support.` } });
  }
  if (band('loneliness-3') === 'severe') {
    reasons.push({ code: 'severeLoneliness', text: { da: 'Du føler dig tit alene.', en: 'You often feel alone.' } });
  }
  const needs = results.find((r) => r.instrumentId === 'social-needs' && r.scored && r.flags.length > 0);
  if (needs) {
    const names = socialNeedDomains(needs).map((d) => NEED_NAMES[d]);
    reasons.push({ code: 'socialNeed', text: { da: `Du har nævnt behov for hjælp med ${names.map((n) => n.da).join(', ')}.`, en: `You have mentioned needing help with ${names.map((n) => n.en).join(', ')}.` } });
  }
  const risks = riskFactors(results);
  if (risks.length >= SUPPORT_RULES.riskFactorsAtLeast) {
    reasons.push({ code: 'severalRiskFactors', text: { da: `Du har ${risks.length} af de fire livsstilsfaktorer (rygning, alkohol, bevægelse, mad) på én gang.`, en: `You have ${risks.length} of the four lifestyle factors (smoking, alcohol, activity, food) at once.` } });
  }
  const confidence = confidenceOf(responses);
  if (confidence !== undefined && confidence <= SUPPORT_RULES.confidenceAtMost) {
    reasons.push({ code: 'lowConfidence', text: { da: `Du har sagt ${confidence} ud af 10 om, hvor sikker du er på at kunne lave en ændring.`, en: `You said ${confidence} out of 10 for how confident you are that you can make a change.` } });
  }
  if (ctx.interpreterNeeded === true) {
    reasons.push({ code: 'interpreterNeeded', text: { da: 'Du har brug for tolk.', en: 'You need an interpreter.' } });
  }
  const level: SupportLevel = reasons.length === 0 ? 'selfHelp' : reasons.length < SUPPORT_RULES.handHeldFromReasons ? 'guided' : 'handHeld';
  return { level, reasons, summary: LEVEL_SUMMARY[level] };
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
    const statement = r ? statementFor(r, resp.instrument) : null;
    if (!statement) return;
    const existing = domains.find((d) => d.domain === resp.instrument.domain);
    if (existing) existing.statements.push(statement);
    else domains.push({ domain: resp.instrument.domain, statements: [statement] });
  });
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

export type OverrideResult = { ok: true; value: SupportDecision } | { ok: false; error: LighedError };

/** The worker overrides the computed level; a written note is required. */
export function overrideSupport(computed: SupportAssessment, level: SupportLevel, note: string): OverrideResult {
  const trimmed = note.trim();
  if (trimmed === '') {
    return {
      ok: false,
      error: new LighedError('LIGHED_ERR_VALIDATION', 'An override of the support level needs a note', [
        { path: 'note', message: 'Skriv en kort begrundelse for, at du ændrer støtteniveauet' },
      ]),
    };
  }
  return { ok: true, value: { computed, level, override: { level, note: trimmed } } };
}

/** The decision without an override. */
export function acceptSupport(computed: SupportAssessment): SupportDecision {
  return { computed, level: computed.level, override: null };
}
