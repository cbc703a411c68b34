/** A text in Danish and, beside it, in the citizen's language (once when that is Danish). */
import type { UiLanguage } from '../../web/languages.ts';
import type { LocalizedText } from '../instrument.ts';
import { dirOf, textIn } from './present.ts';

export function Bilingual({ text, lang }: { text: LocalizedText; lang: UiLanguage }) {
  return (
    <span class={`lighed-bilingual${lang === 'da' ? ' lighed-bilingual--one' : ''}`}>
      <span lang="da" dir="ltr">
        {text.da}
      </span>
      {lang !== 'da' && (
        <span lang={lang} dir={dirOf(lang)} class="lighed-bilingual-other">
          {textIn(text, lang)}
        </span>
      )}
    </span>
  );
}
