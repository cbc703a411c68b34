import type { Instrument } from '../instrument.ts';
import { alcoholUnits, auditC } from './alcohol.ts';
import { activity, diet, sleep } from './lifestyle.ts';
import { healthLiteracy, loneliness, pss10, selfRatedHealth } from './mind.ts';
import { oss3, pregnancyAlcohol, smokeFreeHome, tAce } from './pregnancy.ts';
import { smoking } from './smoking.ts';
import { motivation, priorities, resources, socialNeeds } from './social.ts';
import { who5 } from './who5.ts';
import { loadTranslationTables, translateInstrument } from './translate.ts';

export {
  alcoholUnits,
  auditC,
  activity,
  diet,
  sleep,
  healthLiteracy,
  loneliness,
  pss10,
  selfRatedHealth,
  smoking,
  motivation,
  priorities,
  resources,
  socialNeeds,
  who5,
  pregnancyAlcohol,
  tAce,
  smokeFreeHome,
  oss3,
};

/** The library as written (Danish and English), in the order a conversation asks it. */
export const SOURCE_INSTRUMENTS: readonly Instrument[] = [
  selfRatedHealth,
  who5,
  smoking,
  alcoholUnits,
  auditC,
  activity,
  diet,
  sleep,
  loneliness,
  pss10,
  healthLiteracy,
  socialNeeds,
  resources,
  priorities,
  motivation,
  // The health visitor's first conversation in pregnancy (sets.ts); in no other set.
  pregnancyAlcohol,
  tAce,
  smokeFreeHome,
  oss3,
];

const tables = loadTranslationTables();

/** The library with the citizen languages filled in from i18n/<lang>.json. */
export const INSTRUMENTS: readonly Instrument[] = SOURCE_INSTRUMENTS.map((i) =>
  translateInstrument(i, tables),
);

export function instrumentById(id: string): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.id === id);
}
