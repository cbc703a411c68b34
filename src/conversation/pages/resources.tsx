/** The citizen's resources as lists (what gives energy, people to lean on, own words), for the profile and the printout. */
import type { UiLanguage } from '../../web/languages.ts';
import type { Translate } from '../../web/i18n.ts';
import type { Resources } from '../profile.ts';

export function ResourceLists({
  resources: r,
  lang,
  t,
  headingClass,
}: {
  resources: Resources;
  lang: UiLanguage;
  t: Translate;
  headingClass?: string;
}) {
  const lists: [string, string[]][] = [
    ['print.resources', r.energy.map((x) => x.label[lang])],
    ['print.people', r.people.map((x) => x.label[lang])],
    ['print.ownWords', r.notes.map((n) => n.text)],
  ];
  return (
    <>
      {lists
        .filter(([, items]) => items.length > 0)
        .map(([key, items]) => (
          <>
            <h3 class={headingClass}>{t(key)}</h3>
            {/* dir="auto": the citizen's own words may be in any language. */}
            <ul>
              {items.map((item) => (
                <li dir="auto">{item}</li>
              ))}
            </ul>
          </>
        ))}
    </>
  );
}
