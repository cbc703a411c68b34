import { describe, expect, it } from 'vitest';
import { SOURCE_INSTRUMENTS } from './index.ts';
import {
  availableSets,
  defineSets,
  GENERAL_SET_ID,
  INSTRUMENT_SETS,
  instrumentsOfSet,
  optInInstruments,
  setById,
  switchedOff,
} from './sets.ts';

const PREGNANCY_OWN = ['pregnancy-alcohol', 't-ace', 'smoke-free-home', 'oss-3'];
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('instrument sets', () => {
  it('the general set asks what the conversation always asked, none of the pregnancy instruments', () => {
    const general = setById(GENERAL_SET_ID)!;
    expect(general.instruments).toHaveLength(15);
    for (const id of PREGNANCY_OWN) expect(general.instruments).not.toContain(id);
  });

  it('the first conversation in pregnancy asks alcohol, smoke, support network and shared ones', () => {
    const set = setById('pregnancy-first')!;
    expect(set.title.da).toBe('Første samtale i graviditeten');
    for (const id of [...PREGNANCY_OWN, 'social-needs', 'resources', 'priorities'])
      expect(set.instruments).toContain(id);
  });

  it('only the pregnancy instruments are opt-in', () => {
    expect([...optInInstruments()].sort()).toEqual([...PREGNANCY_OWN].sort());
  });

  it('refuses unknown instruments, an instrument in no set and a set that does not start with the general one', () => {
    const general = { ...INSTRUMENT_SETS[0]! };
    expect(() =>
      defineSets(
        [{ ...general, instruments: [...general.instruments, 'nope'] }],
        SOURCE_INSTRUMENTS,
      ),
    ).toThrow(/unknown instruments: nope/);
    expect(() => defineSets([general], SOURCE_INSTRUMENTS)).toThrow(/in no set: pregnancy-alcohol/);
    expect(() => defineSets([...INSTRUMENT_SETS].reverse(), SOURCE_INSTRUMENTS)).toThrow(
      /first set/,
    );
  });
});

describe('what a municipality has switched on', () => {
  it('with nothing stored: the pregnancy instruments are off and only the general set can start', () => {
    const off = switchedOff([]);
    expect([...off].sort()).toEqual([...PREGNANCY_OWN].sort());
    expect(ids(availableSets(off))).toEqual([GENERAL_SET_ID]);
    expect(ids(instrumentsOfSet(INSTRUMENT_SETS[0]!, off, SOURCE_INSTRUMENTS))).toEqual(
      INSTRUMENT_SETS[0]!.instruments,
    );
  });

  it('switching one pregnancy instrument on offers the set, with the shared ones that are on', () => {
    const off = switchedOff([
      { instrument_id: 'oss-3', enabled: true },
      { instrument_id: 'who-5', enabled: false },
    ]);
    expect(ids(availableSets(off))).toEqual([GENERAL_SET_ID, 'pregnancy-first']);
    const asked = ids(instrumentsOfSet(setById('pregnancy-first')!, off, SOURCE_INSTRUMENTS));
    expect(asked).toContain('oss-3');
    expect(asked).not.toContain('who-5');
    expect(asked).not.toContain('t-ace');
  });

  it('shared instruments alone do not offer the pregnancy set', () => {
    const off = switchedOff([{ instrument_id: 'social-needs', enabled: true }]);
    expect(ids(availableSets(off))).toEqual([GENERAL_SET_ID]);
  });

  it('a stored off wins over the opt-in default being switched on elsewhere', () => {
    const off = switchedOff([{ instrument_id: 't-ace', enabled: false }]);
    expect(off.has('t-ace')).toBe(true);
  });
});
