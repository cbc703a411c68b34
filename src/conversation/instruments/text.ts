import type { InstrumentInput } from '../instrument.ts';

type OptionInput = NonNullable<InstrumentInput['items'][number]['options']>[number];

/** Danish and English text; the other UI languages are added as translations arrive. */
export function daEn(da: string, en: string): { da: string; en: string } {
  return { da, en };
}

export function opt(code: string, da: string, en: string, score?: number): OptionInput {
  return score === undefined ? { code, label: daEn(da, en) } : { code, label: daEn(da, en), score };
}
