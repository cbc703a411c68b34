/**
 * The monitor's social groups as `dimension:group` choices for an intervention's target groups,
 * labelled in the page's language, and the label of a stored code.
 */
import type { Db } from '../db/db.ts';
import { listDimensions } from '../monitor/index.ts';
import type { GroupChoice } from './pages/intervention-pages.tsx';

export async function groupChoices(
  db: Db,
  kommune: string,
  lang: 'da' | 'en',
): Promise<GroupChoice[]> {
  // A municipality without survey data yet still gets its forms, with no groups to choose.
  const dims = await listDimensions(db, kommune).catch(() => []);
  return dims
    .filter((d) => d.kind === 'social')
    .flatMap((d) =>
      d.groups.map((g) => ({
        value: `${d.key}:${g.code}`,
        label: `${d.label[lang]}: ${g.label[lang]}`,
      })),
    );
}

/** Code to label; a code the monitor no longer knows shows as itself. */
export async function groupLabeller(db: Db, kommune: string, lang: 'da' | 'en') {
  const choices = await groupChoices(db, kommune, lang);
  return (code: string) => choices.find((c) => c.value === code)?.label ?? code;
}
