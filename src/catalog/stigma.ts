/**
 * Stigmatisation check for an offer's public texts.
 *
 * Why: Sundhedsstyrelsen's guidance (Lighed i sundhed, 2009, "Undgå stigmatisering af
 * målgruppen"; DOMAIN.md §5) warns that an offer named after its users' social position or
 * condition ("stavgang for arbejdsløse motionister", "socialt udsat") singles them out and keeps
 * away exactly the citizens it is meant for. Editors get a warning that says why and suggests
 * naming the activity instead. It is a warning, never a block: the words are sometimes right
 * (a quote, a provider's own name), and the editor decides.
 *
 * The terms live in stigma-terms.json so that they can be reviewed and extended without code
 * changes; this module only compiles them (validated with zod at load, so a bad edit fails at
 * start-up and in the tests, not silently) and matches them. Pure: no I/O at call time.
 */
import { z } from 'zod';
import rawTerms from './stigma-terms.json' with { type: 'json' };
import { UI_LANGUAGES, type UiLanguage } from '../web/languages.ts';

export interface StigmaFinding {
  /** The key the text was given under, e.g. 'title' or 'translations.ar.title'. */
  field: string;
  /** The matched text as written (a slice of the field's NFC form). */
  term: string;
  category: string;
  /** The language of the term list that matched (not necessarily the field's language). */
  lang: UiLanguage;
  /** UTF-16 offsets into the field's text in NFC (equal to the text as stored for normal input). */
  start: number;
  end: number;
}

export interface CheckStigmaOptions {
  /** Only use the terms of these languages. Default: all, since a Danish page may hold an English word. */
  languages?: readonly UiLanguage[];
}

export interface StigmaExplanation {
  explanation: string;
  suggestion: string;
}

// ---- data ------------------------------------------------------------------------------------

const text = z.string().trim().min(1);
const allLanguages = z.object({ da: text, en: text, ar: text, tr: text, so: text, uk: text });
const someLanguages = z.object({
  da: text,
  en: text,
  ar: text.optional(),
  tr: text.optional(),
  so: text.optional(),
  uk: text.optional(),
});

const TermsFile = z
  .object({
    version: z.literal(1),
    defs: z.record(z.string().regex(/^[A-Z][A-Z_]+$/), z.string().min(1)),
    general: z.object({ explanation: allLanguages, suggestion: allLanguages }),
    categories: z.record(
      z.string().regex(/^[a-z_]+$/),
      z.object({ explanation: someLanguages, suggestion: someLanguages }),
    ),
    terms: z.array(
      z.object({
        lang: z.enum(UI_LANGUAGES),
        category: z.string(),
        pattern: z.string().min(1),
        notFollowedBy: z.string().min(1).optional(),
        notPrecededBy: z.string().min(1).optional(),
        example: text,
      }),
    ),
  })
  .superRefine((file, ctx) => {
    file.terms.forEach((term, i) => {
      if (!(term.category in file.categories)) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', i, 'category'],
          message: `unknown category ${term.category}`,
        });
      }
    });
  });

type TermsData = z.infer<typeof TermsFile>;

export interface StigmaTerm {
  lang: UiLanguage;
  category: string;
  /** The pattern as written in the data file. */
  pattern: string;
  example: string;
  /** The compiled whole-word matcher (flags 'giu'). */
  regex: RegExp;
}

const data: TermsData = TermsFile.parse(rawTerms);

/**
 * Replaces {NAME} with defs.NAME. Names are two or more capitals not after \p or \P, so regex
 * quantifiers ({2}) and property escapes (\p{L}) are left alone.
 */
function expand(source: string): string {
  return source.replace(/(?<!\\[pP])\{([A-Z][A-Z_]+)\}/g, (_, name: string) => {
    const def = data.defs[name];
    if (def === undefined) throw new Error(`stigma-terms.json: unknown def {${name}}`);
    return def;
  });
}

/**
 * Wraps a pattern in Unicode word boundaries. JS `\b` only knows ASCII, so "arbejdsløse" or
 * "العاطلين" need lookarounds over letters and digits; combining marks (Arabic vowel signs,
 * decomposed accents) are allowed to trail a word without breaking it.
 */
export function compileTerm(term: {
  pattern: string;
  notFollowedBy?: string | undefined;
  notPrecededBy?: string | undefined;
}): RegExp {
  const before = term.notPrecededBy === undefined ? '' : `(?<!${expand(term.notPrecededBy)})`;
  const after = term.notFollowedBy === undefined ? '' : `(?!${expand(term.notFollowedBy)})`;
  return new RegExp(
    `(?<![\\p{L}\\p{N}]\\p{M}*)${before}(?:${expand(term.pattern)})${after}(?!\\p{M}*[\\p{L}\\p{N}])`,
    'giu',
  );
}

/** Every term, compiled. Exported for the tests and for a page that lists the terms. */
export const STIGMA_TERMS: readonly StigmaTerm[] = data.terms.map((t) => ({
  lang: t.lang,
  category: t.category,
  pattern: t.pattern,
  example: t.example,
  regex: compileTerm(t),
}));

export const STIGMA_CATEGORIES: readonly string[] = Object.keys(data.categories);

// ---- check -----------------------------------------------------------------------------------

/**
 * Lower-cases with the term language's rules so that Turkish "İşsizler" meets the pattern
 * "işsiz" (the regex `i` flag folds İ to nothing useful). Only used when it keeps every offset.
 */
function fold(value: string, lang: UiLanguage): string {
  const folded = value.toLocaleLowerCase(lang);
  return folded.length === value.length ? folded : value;
}

/**
 * Finds terms that name users by social position or condition in each given text field.
 * Findings come in field order, then by position; overlapping matches of one category are
 * merged ("socialt udsatte" + "udsatte borgere"), and of different categories the first and
 * longest wins. Empty or missing fields are skipped.
 */
export function checkStigma(
  fields: Readonly<Record<string, string | null | undefined>>,
  opts: CheckStigmaOptions = {},
): StigmaFinding[] {
  const langs = new Set<UiLanguage>(opts.languages ?? UI_LANGUAGES);
  const terms = STIGMA_TERMS.filter((t) => langs.has(t.lang));
  const findings: StigmaFinding[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === null || value === undefined || value.trim() === '') continue;
    const source = value.normalize('NFC');
    const folded = new Map<UiLanguage, string>();
    const raw: StigmaFinding[] = [];
    for (const term of terms) {
      let haystack = folded.get(term.lang);
      if (haystack === undefined) {
        haystack = fold(source, term.lang);
        folded.set(term.lang, haystack);
      }
      term.regex.lastIndex = 0; // matchAll starts where a caller's .test() may have left it
      for (const m of haystack.matchAll(term.regex)) {
        if (m[0] === '') continue;
        const start = m.index;
        const end = start + m[0].length;
        raw.push({
          field,
          term: source.slice(start, end),
          category: term.category,
          lang: term.lang,
          start,
          end,
        });
      }
    }
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: StigmaFinding[] = [];
    for (const f of raw) {
      const last = kept[kept.length - 1];
      if (last !== undefined && f.start < last.end) {
        if (f.category === last.category && f.end > last.end) {
          last.end = f.end;
          last.term = source.slice(last.start, last.end);
        }
        continue;
      }
      kept.push({ ...f });
    }
    findings.push(...kept);
  }
  return findings;
}

/**
 * Why a category is a problem and what to write instead, in the editor's language: the
 * category's own text (written in Danish and English), else the general text in that language
 * (written in all six), so an Arabic-speaking editor still reads Arabic. An unknown language
 * gets Danish; an unknown category gets the general text.
 */
export function explainStigma(category: string, lang: string): StigmaExplanation {
  const l: UiLanguage = (UI_LANGUAGES as readonly string[]).includes(lang)
    ? (lang as UiLanguage)
    : 'da';
  const cat = data.categories[category];
  return {
    explanation: cat?.explanation[l] ?? data.general.explanation[l],
    suggestion: cat?.suggestion[l] ?? data.general.suggestion[l],
  };
}
