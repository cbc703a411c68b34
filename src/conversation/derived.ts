/**
 * From a stored conversation to what the pages, print and export show: its responses, the
 * profile, the support decision and the citizen as the matching sees them. Pure.
 */
import type { Conversation } from './conversation.store.ts';
import type { Instrument } from './instrument.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { PRIORITY_DOMAINS } from './instruments/social.ts';
import type { MatchCitizen } from './matching.ts';
import {
  acceptSupport,
  buildProfile,
  overrideSupport,
  socialNeedDomains,
  type Profile,
  type Response,
  type SupportDecision,
} from './profile.ts';

/** The conversation's instruments in the order asked; unknown ids (a retired instrument) are left out. */
export function instrumentsOf(c: Pick<Conversation, 'instruments'>): Instrument[] {
  return c.instruments.flatMap((id) => INSTRUMENTS.find((i) => i.id === id) ?? []);
}

export function responsesOf(c: Pick<Conversation, 'instruments' | 'answers'>): Response[] {
  return instrumentsOf(c).map((instrument) => ({
    instrument,
    answers: c.answers[instrument.id] ?? {},
  }));
}

export function ageOf(c: Pick<Conversation, 'birth_year'>, now = new Date()): number | undefined {
  return c.birth_year === null ? undefined : now.getFullYear() - c.birth_year;
}

export function profileOf(c: Conversation, now = new Date()): Profile {
  const age = ageOf(c, now);
  return buildProfile(responsesOf(c), {
    ...(c.sex ? { sex: c.sex } : {}),
    ...(age !== undefined ? { age } : {}),
    interpreterNeeded: c.interpreter_needed,
  });
}

export function supportOf(c: Conversation, profile: Profile): SupportDecision {
  if (c.support_override && c.support_note) {
    const o = overrideSupport(profile.support, c.support_override, c.support_note);
    if (o.ok) return o.value;
  }
  return acceptSupport(profile.support);
}

type PriorityDomain = (typeof PRIORITY_DOMAINS)[number];
const isPriority = (code: string): code is PriorityDomain =>
  (PRIORITY_DOMAINS as readonly string[]).includes(code);

export function matchCitizenOf(
  c: Conversation,
  profile: Profile,
  support: SupportDecision,
  now = new Date(),
): MatchCitizen {
  const needs = profile.results.find((r) => r.instrumentId === 'social-needs' && r.scored);
  const digital = c.answers.priorities?.['priorities-digital'];
  return {
    priorities: profile.priorities.domains.map((d) => d.code).filter(isPriority),
    wantsDigital: digital !== undefined && 'code' in digital && digital.code === 'yes',
    riskFactors: profile.riskFactors,
    severeLoneliness: profile.results.some(
      (r) => r.instrumentId === 'loneliness-3' && r.band?.id === 'severe',
    ),
    socialNeeds: needs ? socialNeedDomains(needs) : [],
    support: support.level,
    language: c.language,
    interpreterNeeded: c.interpreter_needed,
    arena: c.arena,
    age: ageOf(c, now) ?? null,
    bringsChildren: c.brings_children,
    availability: c.availability,
  };
}
