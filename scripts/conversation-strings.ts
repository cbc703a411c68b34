/**
 * Lists every Danish text a citizen reads in the instrument library, with its English, as JSON
 * ({ "<dansk>": "<English>" }), for translators filling src/conversation/instruments/i18n/<lang>.json.
 * With a language (`-- ar`), lists only the texts that language still lacks.
 */
import { SOURCE_INSTRUMENTS } from '../src/conversation/instruments/index.ts';
import {
  citizenTexts,
  loadTranslationTables,
  missingTranslations,
  type ItemTranslationLanguage,
} from '../src/conversation/instruments/translate.ts';

const lang = process.argv[2] as ItemTranslationLanguage | undefined;
const todo = lang
  ? new Set(missingTranslations(SOURCE_INSTRUMENTS, loadTranslationTables()[lang]))
  : null;
const out: Record<string, string> = {};
for (const t of SOURCE_INSTRUMENTS.flatMap(citizenTexts)) {
  if (!todo || todo.has(t.da)) out[t.da] = t.en ?? '';
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
