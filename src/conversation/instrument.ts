/**
 * An instrument held as data (CONVERSATION.md): items, answer options, scoring, cut-offs,
 * version, source and licence. A municipality switches instruments on or off; the code only
 * knows the scoring kinds below, never a particular questionnaire.
 */
import { z } from 'zod';

export const CONVERSATION_LANGUAGES = ['da', 'en', 'ar', 'tr', 'so', 'uk'] as const;
export type ConversationLanguage = (typeof CONVERSATION_LANGUAGES)[number];

/** Danish is required; the other UI languages are filled in as translations arrive. */
export const LocalizedText = z.object({
  da: z.string().min(1),
  en: z.string().min(1).optional(),
  ar: z.string().min(1).optional(),
  tr: z.string().min(1).optional(),
  so: z.string().min(1).optional(),
  uk: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Used where we always write both (profile texts, band labels). */
export const DaEnText = z.object({ da: z.string().min(1), en: z.string().min(1) });
export type DaEnText = z.infer<typeof DaEnText>;

export const DOMAINS = [
  'wellbeing',
  'smoking',
  'alcohol',
  'activity',
  'diet',
  'sleep',
  'loneliness',
  'stress',
  'selfRatedHealth',
  'healthLiteracy',
  'socialNeeds',
  'socialSupport',
  'motivation',
  'priorities',
  'resources',
] as const;
export const Domain = z.enum(DOMAINS);
export type Domain = z.infer<typeof Domain>;

/** The answer code every choice item accepts; scoring treats it as missing. */
export const DECLINED = 'declined' as const;

export const AnswerOption = z.object({
  code: z
    .string()
    .min(1)
    .refine((c) => c !== DECLINED, 'reserved code'),
  label: LocalizedText,
  /** Absent for options that carry no score (e.g. "which domains do you want to work on"). */
  score: z.number().optional(),
});
export type AnswerOption = z.infer<typeof AnswerOption>;

/** Skip logic: show the item only when an earlier choice item's answer is one of `anyOf`. */
export const AppliesIf = z.object({
  itemId: z.string().min(1),
  anyOf: z.array(z.string().min(1)).min(1),
});
export type AppliesIf = z.infer<typeof AppliesIf>;

export const ItemKind = z.enum(['choice', 'multiChoice', 'number', 'text']);
export type ItemKind = z.infer<typeof ItemKind>;

export const Item = z.object({
  id: z.string().min(1),
  text: LocalizedText,
  kind: ItemKind,
  options: z.array(AnswerOption).default([]),
  /** Reversed items score (max + min - score) over the item's option scores. */
  reversed: z.boolean().default(false),
  appliesIf: AppliesIf.optional(),
  /** For number items. */
  min: z.number().optional(),
  max: z.number().optional(),
  unit: LocalizedText.optional(),
  /** A note for the worker, e.g. which unit a "drink" is. */
  note: LocalizedText.optional(),
});
export type Item = z.infer<typeof Item>;

/** A named band: the score lies in [min, max] (both inclusive; absent = open). */
export const Band = z.object({
  id: z.string().min(1),
  label: DaEnText,
  min: z.number().optional(),
  max: z.number().optional(),
});
export type Band = z.infer<typeof Band>;

const SumScoring = z.object({
  kind: z.literal('sum'),
  /** Items to sum; all scored choice items when absent. */
  items: z.array(z.string()).optional(),
  multiplier: z.number().positive().default(1),
  /** More missing (declined or unanswered) items than this: "not scored", never zero. */
  maxMissing: z.number().int().min(0).default(0),
  bands: z.array(Band).min(1),
});

/** A sum whose positive cut-off depends on sex (AUDIT-C). */
const SexThresholdScoring = z.object({
  kind: z.literal('sexThreshold'),
  items: z.array(z.string()).optional(),
  maxMissing: z.number().int().min(0).default(0),
  positiveAtLeast: z.object({ male: z.number(), female: z.number() }),
  bands: z.object({ negative: Band, positive: Band }),
});

/** Custom keyed rules: the code lives in scoring.ts, the thresholds here. */
const SmokingScoring = z.object({
  kind: z.literal('smoking'),
  statusItem: z.string(),
  amountItem: z.string(),
  heavyAtLeast: z.number(),
  bands: z.array(Band).min(1),
});
const AlcoholUnitsScoring = z.object({
  kind: z.literal('alcoholUnits'),
  weekItem: z.string(),
  dayItem: z.string(),
  weekMax: z.number(),
  dayMax: z.number(),
  minAge: z.number(),
  bands: z.array(Band).min(1),
});
const ActivityScoring = z.object({
  kind: z.literal('activity'),
  levelItem: z.string(),
  minutesItem: z.string(),
  minutesPerWeek: z.number(),
  minutesPerDayDk: z.number(),
  bands: z.array(Band).min(1),
});
/** Counts items whose answer meets the advice (`metBy` codes). */
const AdviceCountScoring = z.object({
  kind: z.literal('adviceCount'),
  metBy: z.record(z.string(), z.array(z.string()).min(1)),
  maxMissing: z.number().int().min(0).default(0),
  bands: z.array(Band).min(1),
});
/** Any item answered with a `flaggedBy` code flags a need; `alwaysFlag` items flag above their first option. */
const NeedsScoring = z.object({
  kind: z.literal('needs'),
  flaggedBy: z.record(z.string(), z.array(z.string()).min(1)),
  bands: z.object({ none: Band, need: Band }),
});
const NoScoring = z.object({ kind: z.literal('none') });

export const Scoring = z.discriminatedUnion('kind', [
  SumScoring,
  SexThresholdScoring,
  SmokingScoring,
  AlcoholUnitsScoring,
  ActivityScoring,
  AdviceCountScoring,
  NeedsScoring,
  NoScoring,
]);
export type Scoring = z.infer<typeof Scoring>;

export const Licence = z.object({
  text: z.string().min(1),
  /** CONVERSATION.md says "check": confirm at the source before shipping. */
  checkBeforeShipping: z.boolean(),
});

export const Instrument = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    title: LocalizedText.extend({ en: z.string().min(1) }),
    domain: Domain,
    source: z.string().min(1),
    licence: Licence,
    /** Wording we wrote ourselves where an official translation must replace it. */
    wordingNote: z.string().optional(),
    items: z.array(Item).min(1),
    scoring: Scoring,
  })
  .superRefine((inst, ctx) => {
    const ids = new Set<string>();
    inst.items.forEach((item, i) => {
      if (ids.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'duplicate item id' });
      if (item.appliesIf && !ids.has(item.appliesIf.itemId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'appliesIf'],
          message: 'must refer to an earlier item',
        });
      }
      if ((item.kind === 'choice' || item.kind === 'multiChoice') && item.options.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'options'],
          message: 'choice items need options',
        });
      }
      ids.add(item.id);
    });
  });
export type Instrument = z.infer<typeof Instrument>;
export type InstrumentInput = z.input<typeof Instrument>;

/** An answer to one item; `{ declined: true }` is "vil ikke svare" and is always allowed. */
export type Answer =
  | { declined: true }
  | { code: string }
  | { codes: string[] }
  | { value: number }
  | { text: string };
export type Answers = Readonly<Record<string, Answer>>;

export function defineInstrument(input: InstrumentInput): Instrument {
  return Instrument.parse(input);
}

/** Whether the item is shown, given the answers so far (skip logic). */
export function isApplicable(item: Item, answers: Answers): boolean {
  if (!item.appliesIf) return true;
  const a = answers[item.appliesIf.itemId];
  return a !== undefined && 'code' in a && item.appliesIf.anyOf.includes(a.code);
}

/** The items to ask, in order, given the answers so far. */
export function applicableItems(inst: Instrument, answers: Answers): Item[] {
  return inst.items.filter((item) => isApplicable(item, answers));
}
