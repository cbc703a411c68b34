/**
 * What an equity impact assessment asks, as data: the screening questions and the population
 * groups (a municipality may adjust both; the defaults are here), and the fixed vocabulary of
 * proposal types, Dahlgren and Whitehead's determinant layers, impacts and confidence.
 * Texts are our own wording (PLANNING.md: implement the methods, don't copy the tools' texts).
 */
import type { FieldProblem } from '../platform/errors.ts';
import { formText } from '../web/form-post.ts';

export const PROPOSAL_TYPES = [
  'kommuneplan',
  'lokalplan',
  'policy',
  'budget',
  'offer',
  'other',
] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

/** Dahlgren and Whitehead's layers, from the centre out. */
export const LAYERS = ['individual', 'lifestyle', 'networks', 'conditions', 'general'] as const;
export type Layer = (typeof LAYERS)[number];

export const IMPACTS = ['positive', 'negative', 'uncertain'] as const;
export type Impact = (typeof IMPACTS)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const STATES = ['draft', 'consultation', 'final'] as const;
export type AssessmentState = (typeof STATES)[number];

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface Texts {
  da: string;
  en: string;
}

export interface ScreeningQuestion {
  key: string;
  text: Texts;
  /** A "yes" alone calls for a full assessment. */
  decisive: boolean;
}

export interface PopulationGroup {
  key: string;
  label: Texts;
  /** The monitor's dimension whose figures describe the group (its groups' gaps); none: words only. */
  dimension: string | null;
}

export interface Template {
  questions: ScreeningQuestion[];
  groups: PopulationGroup[];
}

const q = (key: string, da: string, en: string, decisive = false): ScreeningQuestion => ({
  key,
  text: { da, en },
  decisive,
});
const g = (key: string, da: string, en: string, dimension: string | null = null) => ({
  key,
  label: { da, en },
  dimension,
});

export const DEFAULT_TEMPLATE: Template = {
  questions: [
    q(
      'disadvantaged',
      'Rammer forslaget især grupper, der i forvejen har dårligere sundhed (fx kort uddannelse, uden for arbejdsmarkedet, handicap, hjemløshed)?',
      'Does the proposal particularly affect groups whose health is already worse (e.g. short education, outside the labour market, disability, homelessness)?',
      true,
    ),
    q(
      'cuts',
      'Betyder forslaget besparelser, egenbetaling, lukning eller længere vej til et tilbud?',
      'Does the proposal mean savings, user charges, closure or a longer way to a service?',
      true,
    ),
    q(
      'uneven',
      'Kan gevinsten gå mest til dem, der i forvejen har det godt?',
      'Could the benefit go mostly to those who are already well off?',
      true,
    ),
    q(
      'many',
      'Berører forslaget mange borgere eller et helt område?',
      'Does the proposal affect many residents or a whole area?',
    ),
    q(
      'access',
      'Ændrer forslaget adgangen til service, tilbud eller transport?',
      'Does the proposal change access to services, offers or transport?',
    ),
    q(
      'surroundings',
      'Ændrer forslaget boliger, byrum, grønne områder, trafik eller miljø?',
      'Does the proposal change housing, public space, green areas, traffic or the environment?',
    ),
    q(
      'work',
      'Påvirker forslaget arbejde, indkomst eller uddannelse?',
      'Does the proposal affect work, income or education?',
    ),
    q(
      'community',
      'Påvirker forslaget fællesskaber, foreninger eller steder, hvor folk mødes?',
      'Does the proposal affect communities, associations or places where people meet?',
    ),
    q(
      'habits',
      'Påvirker forslaget mulighederne for at bevæge sig, spise sundt, sove, ryge eller drikke mindre?',
      'Does the proposal affect the chance to be active, eat well, sleep, smoke or drink less?',
    ),
    q(
      'concerns',
      'Har borgere, brugere eller fagfolk rejst bekymringer om forslaget?',
      'Have residents, users or professionals raised concerns about the proposal?',
    ),
  ],
  groups: [
    g('education', 'Borgere efter uddannelse', 'Residents by education', 'uddannelse'),
    g(
      'labour',
      'Borgere efter tilknytning til arbejdsmarkedet',
      'Residents by labour-market status',
      'arbejdsmarked',
    ),
    g('income', 'Borgere efter indkomst', 'Residents by income', 'indkomst'),
    g('origin', 'Etniske minoriteter', 'Ethnic minorities', 'herkomst'),
    g('living_alone', 'Borgere, der bor alene', 'People living alone', 'samliv'),
    g('age', 'Børn, unge og ældre', 'Children, young and older people', 'aldersgruppe'),
    g('sex', 'Kvinder og mænd', 'Women and men', 'koen'),
    g('disability', 'Borgere med handicap', 'People with disabilities'),
    g('mental_illness', 'Borgere med psykisk sygdom', 'People with mental illness'),
    g('homeless', 'Borgere uden fast bolig', 'People without a home'),
    g('lgbt', 'LGBT+-personer', 'LGBT+ people'),
    g('single_parents', 'Enlige forsørgere', 'Single parents'),
  ],
};

const KEY = /^[a-z0-9_]{1,40}$/;
const DIMENSION = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_QUESTIONS = 20;
export const MAX_GROUPS = 30;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTexts = (v: unknown): v is Texts =>
  isRecord(v) && typeof v.da === 'string' && typeof v.en === 'string';

/** A template read back from the database; anything malformed gives the default's part. */
export function parseTemplate(questions: unknown, groups: unknown): Template {
  const qs = Array.isArray(questions)
    ? questions.filter(
        (x): x is ScreeningQuestion =>
          isRecord(x) &&
          typeof x.key === 'string' &&
          KEY.test(x.key) &&
          isTexts(x.text) &&
          typeof x.decisive === 'boolean',
      )
    : [];
  const gs = Array.isArray(groups)
    ? groups.filter(
        (x): x is PopulationGroup =>
          isRecord(x) &&
          typeof x.key === 'string' &&
          KEY.test(x.key) &&
          isTexts(x.label) &&
          (x.dimension === null ||
            (typeof x.dimension === 'string' && DIMENSION.test(x.dimension))),
      )
    : [];
  return {
    questions: qs.length ? qs : DEFAULT_TEMPLATE.questions,
    groups: gs.length ? gs : DEFAULT_TEMPLATE.groups,
  };
}

// ---- the settings form ---------------------------------------------------------------------

export interface TemplateRowForm {
  key: string;
  da: string;
  en: string;
  /** Questions: 'ja' when decisive. Groups: the monitor dimension ('' for none). */
  extra: string;
  remove: boolean;
}

export interface TemplateForm {
  questions: TemplateRowForm[];
  groups: TemplateRowForm[];
  version: string;
}

/** Empty rows the settings page offers for new questions and groups. */
export const NEW_ROWS = 2;

export function templateFormOf(t: Template, version: number): TemplateForm {
  return {
    questions: t.questions.map((x) => ({
      key: x.key,
      da: x.text.da,
      en: x.text.en,
      extra: x.decisive ? 'ja' : '',
      remove: false,
    })),
    groups: t.groups.map((x) => ({
      key: x.key,
      da: x.label.da,
      en: x.label.en,
      extra: x.dimension ?? '',
      remove: false,
    })),
    version: String(version),
  };
}

/** The posted settings form: rows `q<i>_key`, `q<i>_da`, ... and `g<i>_...`. */
export function readTemplateForm(b: Record<string, unknown>): TemplateForm {
  const rows = (prefix: string, count: number): TemplateRowForm[] => {
    const out: TemplateRowForm[] = [];
    for (let i = 0; i < count; i++) {
      out.push({
        key: formText(b, `${prefix}${i}_key`).trim(),
        da: formText(b, `${prefix}${i}_da`).trim(),
        en: formText(b, `${prefix}${i}_en`).trim(),
        extra: formText(b, `${prefix}${i}_extra`).trim(),
        remove: formText(b, `${prefix}${i}_remove`) === 'ja',
      });
    }
    return out;
  };
  const count = (k: string, max: number) =>
    Math.min(max + NEW_ROWS, Math.max(0, Math.floor(Number(formText(b, k)) || 0)));
  return {
    questions: rows('q', count('questionRows', MAX_QUESTIONS)),
    groups: rows('g', count('groupRows', MAX_GROUPS)),
    version: formText(b, 'version'),
  };
}

/** A key for a new row from its Danish text, unique among `taken`. */
export function newKey(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'x';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

/**
 * The form as a template, or problems at the named fields. Blank new rows are ignored; a row
 * marked for removal is dropped; every kept row needs both texts; at least one of each.
 */
export function checkTemplateForm(
  form: TemplateForm,
  dimensions: ReadonlySet<string> | null,
): { ok: true; template: Template } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const build = <T>(
    rows: TemplateRowForm[],
    prefix: 'q' | 'g',
    make: (r: TemplateRowForm, key: string, i: number) => T | null,
  ): T[] => {
    const taken = new Set(rows.map((r) => r.key).filter((k) => KEY.test(k)));
    const out: T[] = [];
    rows.forEach((r, i) => {
      if (r.remove) return;
      if (!r.key && !r.da && !r.en) return;
      if (r.da.length < 1 || r.da.length > 300)
        problems.push({ path: `${prefix}${i}_da`, message: 'assessment.error.templateText' });
      if (r.en.length < 1 || r.en.length > 300)
        problems.push({ path: `${prefix}${i}_en`, message: 'assessment.error.templateText' });
      let key = r.key;
      if (!KEY.test(key)) {
        key = newKey(r.da, taken);
        taken.add(key);
      }
      const item = make(r, key, i);
      if (item) out.push(item);
    });
    return out;
  };
  const questions = build(form.questions, 'q', (r, key) => ({
    key,
    text: { da: r.da, en: r.en },
    decisive: r.extra === 'ja',
  }));
  const groups = build(form.groups, 'g', (r, key, i) => {
    const dim = r.extra || null;
    if (dim !== null && (!DIMENSION.test(dim) || (dimensions && !dimensions.has(dim)))) {
      problems.push({ path: `g${i}_extra`, message: 'assessment.error.templateDimension' });
      return null;
    }
    return { key, label: { da: r.da, en: r.en }, dimension: dim };
  });
  if (questions.length === 0)
    problems.push({ path: 'q0_da', message: 'assessment.error.templateNoQuestions' });
  if (groups.length === 0)
    problems.push({ path: 'g0_da', message: 'assessment.error.templateNoGroups' });
  if (questions.length > MAX_QUESTIONS)
    problems.push({ path: 'q0_da', message: 'assessment.error.templateTooMany' });
  if (groups.length > MAX_GROUPS)
    problems.push({ path: 'g0_da', message: 'assessment.error.templateTooMany' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, template: { questions, groups } };
}

/** The text in the page's language (staff pages: Danish or English). */
export const textIn = (t: Texts, lang: string) => (lang === 'da' ? t.da : t.en);
