/**
 * Instrument sets: which instruments a kind of conversation asks, in order. The general health
 * conversation asks the general set; the health visitor's (sundhedsplejerske) first
 * conversation in pregnancy asks its own set (issue 10's family pathway).
 *
 * A municipality switches instruments on and off (instrument_setting). Instruments that only a
 * non-general set asks are off until the municipality switches them on: a new set never adds
 * questions to conversations already in use. A set can be chosen at start when at least one of
 * its own instruments is on. Pure.
 */
import { z } from 'zod';
import { DaEnText, type Instrument } from '../instrument.ts';
import { SOURCE_INSTRUMENTS } from './index.ts';
import { daEn } from './text.ts';

export const InstrumentSet = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: DaEnText,
  /** Who the set is for, shown to the admin and the worker. */
  purpose: DaEnText,
  /** Instrument ids in the order asked. */
  instruments: z.array(z.string().min(1)).min(1),
});
export type InstrumentSet = z.infer<typeof InstrumentSet>;

export const GENERAL_SET_ID = 'general';

const RAW_SETS: readonly z.input<typeof InstrumentSet>[] = [
  {
    id: GENERAL_SET_ID,
    title: daEn('Sundhedssamtale', 'Health conversation'),
    purpose: daEn(
      'Den almindelige sundhedssamtale med en voksen borger.',
      'The general health conversation with an adult citizen.',
    ),
    instruments: [
      'self-rated-health',
      'who-5',
      'smoking',
      'alcohol-units',
      'audit-c',
      'activity',
      'diet',
      'sleep',
      'loneliness-3',
      'pss-10',
      'health-literacy-1',
      'social-needs',
      'resources',
      'priorities',
      'motivation-rulers',
    ],
  },
  {
    id: 'pregnancy-first',
    title: daEn('Første samtale i graviditeten', 'First conversation in pregnancy'),
    purpose: daEn(
      'Sundhedsplejens første samtale med en gravid kvinde og hendes familie, fx efter henvisning fra jordemoderen: alkohol i graviditeten, røg omkring den gravide og barnet, og familiens netværk.',
      "The health visitor's first conversation with a pregnant woman and her family, e.g. after a referral from the midwife: alcohol in pregnancy, smoke around the pregnant woman and the child, and the family's support network.",
    ),
    instruments: [
      'who-5',
      'pregnancy-alcohol',
      't-ace',
      'smoke-free-home',
      'oss-3',
      'social-needs',
      'health-literacy-1',
      'resources',
      'priorities',
      'motivation-rulers',
    ],
  },
];

/** The sets, checked: every id known, no instrument twice, the general set first. */
export function defineSets(
  raw: readonly z.input<typeof InstrumentSet>[],
  library: readonly Instrument[],
): InstrumentSet[] {
  const sets = raw.map((s) => InstrumentSet.parse(s));
  if (sets[0]?.id !== GENERAL_SET_ID) throw new Error(`the first set must be "${GENERAL_SET_ID}"`);
  const known = new Set(library.map((i) => i.id));
  const seen = new Set<string>();
  for (const s of sets) {
    if (seen.has(s.id)) throw new Error(`set ${s.id} is defined twice`);
    seen.add(s.id);
    const unknown = s.instruments.filter((id) => !known.has(id));
    if (unknown.length)
      throw new Error(`set ${s.id} names unknown instruments: ${unknown.join(', ')}`);
    if (new Set(s.instruments).size !== s.instruments.length)
      throw new Error(`set ${s.id} names an instrument twice`);
  }
  const inSome = new Set(sets.flatMap((s) => s.instruments));
  const orphans = library.filter((i) => !inSome.has(i.id)).map((i) => i.id);
  if (orphans.length) throw new Error(`instruments in no set: ${orphans.join(', ')}`);
  return sets;
}

export const INSTRUMENT_SETS: readonly InstrumentSet[] = defineSets(RAW_SETS, SOURCE_INSTRUMENTS);

export function setById(id: string): InstrumentSet | undefined {
  return INSTRUMENT_SETS.find((s) => s.id === id);
}

const general = (sets: readonly InstrumentSet[]) => new Set(sets[0]?.instruments ?? []);

/** Instruments no general conversation asks: off until the municipality switches them on. */
export function optInInstruments(sets: readonly InstrumentSet[] = INSTRUMENT_SETS): Set<string> {
  const g = general(sets);
  return new Set(sets.flatMap((s) => s.instruments).filter((id) => !g.has(id)));
}

/** One stored switch (instrument_setting). */
export interface InstrumentSwitch {
  instrument_id: string;
  enabled: boolean;
}

/** The instruments switched off: stored as off, or opt-in and never switched on. */
export function switchedOff(
  stored: readonly InstrumentSwitch[],
  sets: readonly InstrumentSet[] = INSTRUMENT_SETS,
): Set<string> {
  const on = new Set(stored.filter((s) => s.enabled).map((s) => s.instrument_id));
  const off = new Set(stored.filter((s) => !s.enabled).map((s) => s.instrument_id));
  for (const id of optInInstruments(sets)) if (!on.has(id)) off.add(id);
  return off;
}

/**
 * The sets a worker can start: the general set when any of its instruments is on, another set
 * when at least one of its own (opt-in) instruments is on.
 */
export function availableSets(
  off: ReadonlySet<string>,
  sets: readonly InstrumentSet[] = INSTRUMENT_SETS,
): InstrumentSet[] {
  const g = general(sets);
  return sets.filter((s) =>
    s.instruments.some((id) => !off.has(id) && (s.id === GENERAL_SET_ID || !g.has(id))),
  );
}

/** The set's instruments that are on, in the set's order. */
export function instrumentsOfSet(
  set: InstrumentSet,
  off: ReadonlySet<string>,
  library: readonly Instrument[],
): Instrument[] {
  return set.instruments.flatMap((id) =>
    off.has(id) ? [] : (library.find((i) => i.id === id) ?? []),
  );
}
