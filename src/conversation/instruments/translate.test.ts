import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, SOURCE_INSTRUMENTS } from './index.ts';
import {
  citizenTexts,
  ITEM_TRANSLATION_LANGUAGES,
  loadTranslationTables,
  missingTranslations,
} from './translate.ts';

const tables = loadTranslationTables();
const danish = new Set(SOURCE_INSTRUMENTS.flatMap((i) => citizenTexts(i).map((t) => t.da)));
const hasLetters = (s: string) => /\p{L}/u.test(s);

describe.each(ITEM_TRANSLATION_LANGUAGES)('instrument texts in %s', (lang) => {
  const table = tables[lang];

  it('translate every Danish text a citizen reads', () => {
    expect(missingTranslations(SOURCE_INSTRUMENTS, table)).toEqual([]);
  });

  it('hold no stale entries for texts the library no longer has', () => {
    expect(Object.keys(table).filter((da) => !danish.has(da))).toEqual([]);
  });

  it('are real translations, not the Danish copied', () => {
    const copied = Object.entries(table).filter(
      ([da, tr]) => tr.trim() === '' || (hasLetters(da) && tr === da),
    );
    expect(copied).toEqual([]);
  });

  it('reach every item and option of the library as loaded', () => {
    for (const inst of INSTRUMENTS)
      for (const t of citizenTexts(inst)) expect(t[lang], `${inst.id}: ${t.da}`).toBeTruthy();
  });
});
