/**
 * Scores one instrument from its answers. Pure: the rules' thresholds live in the instrument
 * data; this file only knows the scoring kinds. A declined ("vil ikke svare") or unanswered
 * item counts as missing, and too many missing items give "not scored", never a zero.
 * Items skipped by `appliesIf` are neither missing nor scored.
 */
import type { Answer, Answers, Band, Instrument, Item } from './instrument.ts';
import { isApplicable } from './instrument.ts';

export interface ScoringContext {
  sex?: 'male' | 'female';
  /** Age in years, for age-dependent limits (alcohol under 18). */
  age?: number;
}

export interface ScoreResult {
  instrumentId: string;
  score: number | null;
  band: Band | null;
  /** Applicable items declined or left unanswered. */
  missing: string[];
  scored: boolean;
  /** Why the result is what it is, in plain English for workers and tests. */
  reasons: string[];
  /** Item ids that flag something (social needs). */
  flags: string[];
}

type Scoring = Instrument['scoring'];

function codeOf(a: Answer | undefined): string | undefined {
  return a !== undefined && 'code' in a ? a.code : undefined;
}

function numberOf(a: Answer | undefined): number | undefined {
  return a !== undefined && 'value' in a && Number.isFinite(a.value) ? a.value : undefined;
}

function itemById(inst: Instrument, id: string): Item {
  const item = inst.items.find((i) => i.id === id);
  if (!item) throw new Error(`instrument ${inst.id} has no item ${id}`);
  return item;
}

function bandFor(bands: readonly Band[], score: number): Band | null {
  return (
    bands.find(
      (b) => (b.min === undefined || score >= b.min) && (b.max === undefined || score <= b.max),
    ) ?? null
  );
}

function bandById(bands: readonly Band[], id: string): Band | null {
  return bands.find((b) => b.id === id) ?? null;
}

/** The score of a choice answer, reversed where the item says so; undefined when missing. */
export function itemScore(item: Item, answer: Answer | undefined): number | undefined {
  const code = codeOf(answer);
  const option = item.options.find((o) => o.code === code);
  if (option?.score === undefined) return undefined;
  if (!item.reversed) return option.score;
  const scores = item.options.flatMap((o) => (o.score === undefined ? [] : [o.score]));
  return Math.max(...scores) + Math.min(...scores) - option.score;
}

function result(
  inst: Instrument,
  partial: Partial<ScoreResult> & Pick<ScoreResult, 'reasons'>,
): ScoreResult {
  return {
    instrumentId: inst.id,
    score: null,
    band: null,
    missing: [],
    scored: false,
    flags: [],
    ...partial,
  };
}

interface SumParts {
  sum: number;
  answered: number;
  missing: string[];
}

function sumItems(
  inst: Instrument,
  answers: Answers,
  itemIds: readonly string[] | undefined,
): SumParts {
  const items = itemIds
    ? itemIds.map((id) => itemById(inst, id))
    : inst.items.filter((i) => i.kind === 'choice' && i.options.some((o) => o.score !== undefined));
  const parts: SumParts = { sum: 0, answered: 0, missing: [] };
  for (const item of items) {
    if (!isApplicable(item, answers)) continue;
    const s = itemScore(item, answers[item.id]);
    if (s === undefined) parts.missing.push(item.id);
    else {
      parts.sum += s;
      parts.answered += 1;
    }
  }
  return parts;
}

/** Sum with proration when a few items are allowed missing: mean of answered x number asked. */
function proratedSum(p: SumParts): number {
  const asked = p.answered + p.missing.length;
  return p.missing.length === 0 || p.answered === 0
    ? p.sum
    : Math.round((p.sum / p.answered) * asked);
}

function tooManyMissing(
  inst: Instrument,
  p: SumParts,
  maxMissing: number,
): ScoreResult | undefined {
  if (p.missing.length <= maxMissing && (p.answered > 0 || p.missing.length === 0))
    return undefined;
  return result(inst, {
    missing: p.missing,
    reasons: [
      `Not scored: ${p.missing.length} item(s) missing (${p.missing.join(', ')}); at most ${maxMissing} allowed.`,
    ],
  });
}

function scoreSum(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'sum' }>,
  answers: Answers,
): ScoreResult {
  const p = sumItems(inst, answers, s.items);
  const notScored = tooManyMissing(inst, p, s.maxMissing);
  if (notScored) return notScored;
  const score = proratedSum(p) * s.multiplier;
  const band = bandFor(s.bands, score);
  const reasons = [
    `Raw sum ${proratedSum(p)}${s.multiplier === 1 ? '' : ` x ${s.multiplier} = ${score}`}; band ${band?.id ?? 'none'}.`,
  ];
  if (p.missing.length > 0) reasons.push(`Prorated over ${p.missing.length} missing item(s).`);
  return result(inst, { score, band, missing: p.missing, scored: true, reasons });
}

function scoreSexThreshold(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'sexThreshold' }>,
  answers: Answers,
  ctx: ScoringContext,
): ScoreResult {
  const p = sumItems(inst, answers, s.items);
  const notScored = tooManyMissing(inst, p, s.maxMissing);
  if (notScored) return notScored;
  const score = proratedSum(p);
  const reasons: string[] = [];
  let cut: number;
  if (ctx.sex) {
    cut = s.positiveAtLeast[ctx.sex];
  } else {
    // Unknown sex: use the lower cut-off, so nobody is missed; say so.
    cut = Math.min(s.positiveAtLeast.male, s.positiveAtLeast.female);
    reasons.push(`Sex not given: the lower cut-off ${cut} is used.`);
  }
  const positive = score >= cut;
  reasons.unshift(
    `Score ${score}; positive at ${cut} or more${ctx.sex ? ` (${ctx.sex})` : ''}: ${positive ? 'positive' : 'negative'}.`,
  );
  return result(inst, {
    score,
    band: positive ? s.bands.positive : s.bands.negative,
    missing: p.missing,
    scored: true,
    reasons,
  });
}

function scoreSmoking(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'smoking' }>,
  answers: Answers,
): ScoreResult {
  const status = codeOf(answers[s.statusItem]);
  if (
    status === undefined ||
    !itemById(inst, s.statusItem).options.some((o) => o.code === status)
  ) {
    return result(inst, {
      missing: [s.statusItem],
      reasons: ['Not scored: smoking status missing.'],
    });
  }
  const amountApplies = isApplicable(itemById(inst, s.amountItem), answers);
  const amount = amountApplies ? numberOf(answers[s.amountItem]) : undefined;
  const missing = amountApplies && amount === undefined ? [s.amountItem] : [];
  let bandId = status;
  if (status === 'daily' && amount !== undefined && amount >= s.heavyAtLeast) bandId = 'heavy';
  const reasons = [
    `Status ${status}${amount === undefined ? '' : `, ${amount} a day`}; heavy at ${s.heavyAtLeast} or more daily.`,
  ];
  return result(inst, {
    score: amount ?? null,
    band: bandById(s.bands, bandId),
    missing,
    scored: true,
    reasons,
  });
}

function scoreAlcoholUnits(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'alcoholUnits' }>,
  answers: Answers,
  ctx: ScoringContext,
): ScoreResult {
  const week = numberOf(answers[s.weekItem]);
  const day = numberOf(answers[s.dayItem]);
  const missing = [
    ...(week === undefined ? [s.weekItem] : []),
    ...(day === undefined ? [s.dayItem] : []),
  ];
  const minor = ctx.age !== undefined && ctx.age < s.minAge;
  const reasons: string[] = [];
  let bandId: string | undefined;
  if (minor) {
    if ((week ?? 0) > 0 || (day ?? 0) > 0) bandId = 'underAge';
    else if (missing.length === 0) bandId = 'within';
    reasons.push(`Under ${s.minAge}: the recommendation is no alcohol.`);
  } else {
    if (week !== undefined && week > s.weekMax)
      reasons.push(`${week} units a week is above ${s.weekMax}.`);
    if (day !== undefined && day > s.dayMax)
      reasons.push(`${day} units on one day is above ${s.dayMax}.`);
    if (reasons.length > 0) bandId = 'above';
    else if (missing.length === 0) {
      bandId = 'within';
      reasons.push(
        `${week} a week and at most ${day} a day are within ${s.weekMax} / ${s.dayMax}.`,
      );
    }
  }
  if (bandId === undefined) {
    return result(inst, {
      missing,
      reasons: [...reasons, `Not scored: missing ${missing.join(', ')}.`],
    });
  }
  return result(inst, {
    score: week ?? null,
    band: bandById(s.bands, bandId),
    missing,
    scored: true,
    reasons,
  });
}

function scoreActivity(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'activity' }>,
  answers: Answers,
): ScoreResult {
  const minutes = numberOf(answers[s.minutesItem]);
  const level = itemScore(itemById(inst, s.levelItem), answers[s.levelItem]);
  const missing = [
    ...(level === undefined ? [s.levelItem] : []),
    ...(minutes === undefined ? [s.minutesItem] : []),
  ];
  const dk = s.minutesPerDayDk * 7;
  let bandId: string | undefined;
  let reason: string;
  if (minutes !== undefined) {
    bandId =
      minutes >= dk
        ? 'meetsDk'
        : minutes >= s.minutesPerWeek
          ? 'meetsWho'
          : level === 1
            ? 'sedentary'
            : 'below';
    reason = `${minutes} min a week; WHO ${s.minutesPerWeek}, Danish ${s.minutesPerDayDk} a day (${dk} a week).`;
  } else if (level === 1) {
    bandId = 'sedentary';
    reason = 'Minutes missing; leisure-time level 1 (mostly sedentary).';
  } else {
    reason = 'Not scored: minutes a week missing and the level alone does not tell.';
  }
  if (bandId === undefined) return result(inst, { missing, reasons: [reason] });
  return result(inst, {
    score: minutes ?? null,
    band: bandById(s.bands, bandId),
    missing,
    scored: true,
    reasons: [reason],
  });
}

function scoreAdviceCount(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'adviceCount' }>,
  answers: Answers,
): ScoreResult {
  const missing: string[] = [];
  const met: string[] = [];
  for (const [itemId, codes] of Object.entries(s.metBy)) {
    const item = itemById(inst, itemId);
    if (!isApplicable(item, answers)) continue;
    const code = codeOf(answers[itemId]);
    if (code === undefined || !item.options.some((o) => o.code === code)) missing.push(itemId);
    else if (codes.includes(code)) met.push(itemId);
  }
  if (missing.length > s.maxMissing) {
    return result(inst, {
      missing,
      reasons: [`Not scored: ${missing.length} item(s) missing; at most ${s.maxMissing} allowed.`],
    });
  }
  const band = bandFor(s.bands, met.length);
  return result(inst, {
    score: met.length,
    band,
    missing,
    scored: true,
    reasons: [`Advice met on ${met.length} item(s): ${met.join(', ') || 'none'}.`],
  });
}

function scoreNeeds(
  inst: Instrument,
  s: Extract<Scoring, { kind: 'needs' }>,
  answers: Answers,
): ScoreResult {
  const missing: string[] = [];
  const flags: string[] = [];
  let answered = 0;
  for (const [itemId, codes] of Object.entries(s.flaggedBy)) {
    const item = itemById(inst, itemId);
    if (!isApplicable(item, answers)) continue;
    const code = codeOf(answers[itemId]);
    if (code === undefined || !item.options.some((o) => o.code === code)) missing.push(itemId);
    else {
      answered += 1;
      if (codes.includes(code)) flags.push(itemId);
    }
  }
  // A need is a need even if other items were declined; only all-missing is "not scored".
  if (answered === 0) return result(inst, { missing, reasons: ['Not scored: no item answered.'] });
  const band = flags.length > 0 ? s.bands.need : s.bands.none;
  const reasons = [
    flags.length > 0 ? `Needs flagged by: ${flags.join(', ')}.` : 'No needs flagged.',
  ];
  return result(inst, { score: flags.length, band, missing, scored: true, reasons, flags });
}

/** Scores one instrument; `ctx` carries sex and age for sex- or age-dependent cut-offs. */
export function scoreInstrument(
  inst: Instrument,
  answers: Answers,
  ctx: ScoringContext = {},
): ScoreResult {
  const s = inst.scoring;
  switch (s.kind) {
    case 'sum':
      return scoreSum(inst, s, answers);
    case 'sexThreshold':
      return scoreSexThreshold(inst, s, answers, ctx);
    case 'smoking':
      return scoreSmoking(inst, s, answers);
    case 'alcoholUnits':
      return scoreAlcoholUnits(inst, s, answers, ctx);
    case 'activity':
      return scoreActivity(inst, s, answers);
    case 'adviceCount':
      return scoreAdviceCount(inst, s, answers);
    case 'needs':
      return scoreNeeds(inst, s, answers);
    case 'none':
      return result(inst, {
        reasons: ['This instrument is not scored; its answers are shown as given.'],
      });
  }
}
