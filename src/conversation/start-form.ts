/**
 * Starting a conversation: reading and checking the start form. Consent comes first: a named
 * conversation needs the citizen's recorded yes; an anonymous one takes no name or birth year.
 */
import { ARENAS, TIMES_OF_DAY, type Arena, type TimeOfDay } from '../catalog/index.ts';
import { UI_LANGUAGES, type UiLanguage } from '../web/languages.ts';
import type { FieldProblem } from '../platform/errors.ts';
import type { NewConversation } from './conversation.store.ts';
import { GENERAL_SET_ID } from './instruments/sets.ts';

export interface StartFormValues {
  mode: 'named' | 'anonymous' | '';
  consent: boolean;
  citizen_name: string;
  birth_year: string;
  sex: string;
  postcode: string;
  language: string;
  interpreter_needed: boolean;
  arena: string;
  brings_children: boolean;
  days: string[];
  times: string[];
  /** The instrument set asked (instruments/sets.ts); the general conversation by default. */
  set: string;
}

type Body = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );

export function emptyStartForm(arena: Arena): StartFormValues {
  return {
    mode: '',
    consent: false,
    citizen_name: '',
    birth_year: '',
    sex: '',
    postcode: '',
    language: 'da',
    interpreter_needed: false,
    arena,
    brings_children: false,
    days: [],
    times: [],
    set: GENERAL_SET_ID,
  };
}

export function readStartForm(body: Body): StartFormValues {
  const mode = text(body.mode);
  return {
    mode: mode === 'named' || mode === 'anonymous' ? mode : '',
    consent: text(body.consent) === 'ja',
    citizen_name: text(body.citizen_name).slice(0, 200),
    birth_year: text(body.birth_year).slice(0, 4),
    sex: text(body.sex),
    postcode: text(body.postcode).replace(/\s/g, '').slice(0, 4),
    language: text(body.language) || 'da',
    interpreter_needed: text(body.interpreter_needed) === 'ja',
    arena: text(body.arena),
    brings_children: text(body.brings_children) === 'ja',
    days: list(body.days),
    times: list(body.times),
    set: text(body.set) || GENERAL_SET_ID,
  };
}

export function validateStartForm(
  f: StartFormValues,
  now = new Date(),
  /** The sets the municipality has switched on (a worker may start only those). */
  startable: readonly string[] = [GENERAL_SET_ID],
): { input: Omit<NewConversation, 'instruments'> | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!f.mode) problems.push({ path: 'mode', message: 'conversation.error.mode' });
  const named = f.mode === 'named';
  if (named && !f.consent)
    problems.push({ path: 'consent', message: 'conversation.error.consent' });
  if (named && f.citizen_name.length < 2)
    problems.push({ path: 'citizen_name', message: 'conversation.error.name' });
  let birthYear: number | null = null;
  if (named && f.birth_year) {
    const y = Number(f.birth_year);
    if (!/^\d{4}$/.test(f.birth_year) || y < now.getFullYear() - 110 || y > now.getFullYear() - 10)
      problems.push({ path: 'birth_year', message: 'conversation.error.birthYear' });
    else birthYear = y;
  }
  if (f.sex && f.sex !== 'female' && f.sex !== 'male')
    problems.push({ path: 'sex', message: 'conversation.error.option' });
  if (f.postcode && !/^\d{4}$/.test(f.postcode))
    problems.push({ path: 'postcode', message: 'conversation.error.postcode' });
  if (!(UI_LANGUAGES as readonly string[]).includes(f.language))
    problems.push({ path: 'language', message: 'conversation.error.option' });
  if (!(ARENAS as readonly string[]).includes(f.arena))
    problems.push({ path: 'arena', message: 'conversation.error.option' });
  if (!startable.includes(f.set))
    problems.push({ path: 'set', message: 'conversation.error.option' });
  const days = [...new Set(f.days.map(Number))]
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    .sort();
  const times = [...new Set(f.times)].filter((x): x is TimeOfDay =>
    (TIMES_OF_DAY as readonly string[]).includes(x),
  );
  if (problems.length) return { input: null, problems };
  return {
    input: {
      anonymous: !named,
      citizen_name: named ? f.citizen_name : null,
      birth_year: named ? birthYear : null,
      sex: f.sex === 'female' || f.sex === 'male' ? f.sex : null,
      postcode: f.postcode || null,
      language: f.language as UiLanguage,
      interpreter_needed: f.interpreter_needed,
      arena: f.arena as Arena,
      brings_children: f.brings_children,
      availability: { days, times },
    },
    problems,
  };
}
