/**
 * FHIR R4 export: an instrument as a Questionnaire, a conversation's answers as a
 * QuestionnaireResponse. Pure objects; minimal local types (no FHIR library dependency).
 * Declined answers ("vil ikke svare") are items without an answer, carrying the standard
 * data-absent-reason extension with `asked-declined`.
 */
import type {
  Answer,
  Answers,
  ConversationLanguage,
  Instrument,
  Item,
  LocalizedText,
} from './instrument.ts';
import { CONVERSATION_LANGUAGES, isApplicable } from './instrument.ts';

export const DEFAULT_FHIR_BASE = 'https://lighed.example/fhir';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

export interface FhirExtension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueDecimal?: number;
  extension?: FhirExtension[];
}
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}
export interface FhirElement {
  extension?: FhirExtension[];
}

export interface QuestionnaireItem {
  linkId: string;
  text: string;
  _text?: FhirElement;
  type: 'choice' | 'decimal' | 'text';
  required: false;
  repeats?: true;
  answerOption?: { valueCoding: FhirCoding; extension?: FhirExtension[] }[];
  enableWhen?: { question: string; operator: '='; answerCoding: FhirCoding }[];
  enableBehavior?: 'any';
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  _title?: FhirElement;
  status: 'draft' | 'active';
  language: 'da';
  copyright: string;
  description: string;
  item: QuestionnaireItem[];
}

export type QuestionnaireResponseAnswer =
  { valueCoding: FhirCoding } | { valueDecimal: number } | { valueString: string };

export interface QuestionnaireResponseItem {
  linkId: string;
  text: string;
  answer?: QuestionnaireResponseAnswer[];
  extension?: FhirExtension[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'in-progress' | 'completed';
  authored?: string;
  item: QuestionnaireResponseItem[];
}

export function codeSystemUrl(inst: Instrument, base = DEFAULT_FHIR_BASE): string {
  return `${base}/CodeSystem/${inst.id}`;
}

export function questionnaireUrl(inst: Instrument, base = DEFAULT_FHIR_BASE): string {
  return `${base}/Questionnaire/${inst.id}`;
}

/** Danish is the primary text; the other languages go in the standard translation extension. */
function translations(text: LocalizedText): FhirElement | undefined {
  const ext = CONVERSATION_LANGUAGES.filter(
    (l): l is Exclude<ConversationLanguage, 'da'> => l !== 'da',
  ).flatMap((lang) => {
    const content = text[lang];
    return content === undefined
      ? []
      : [
          {
            url: TRANSLATION,
            extension: [
              { url: 'lang', valueCode: lang },
              { url: 'content', valueString: content },
            ],
          },
        ];
  });
  return ext.length > 0 ? { extension: ext } : undefined;
}

function questionnaireItem(inst: Instrument, item: Item, base: string): QuestionnaireItem {
  const system = codeSystemUrl(inst, base);
  const type = item.kind === 'number' ? 'decimal' : item.kind === 'text' ? 'text' : 'choice';
  const q: QuestionnaireItem = { linkId: item.id, text: item.text.da, type, required: false };
  const tr = translations(item.text);
  if (tr) q._text = tr;
  if (item.kind === 'multiChoice') q.repeats = true;
  if (type === 'choice') {
    q.answerOption = item.options.map((o) => ({
      valueCoding: { system, code: o.code, display: o.label.da },
      ...(o.score === undefined ? {} : { extension: [{ url: ORDINAL, valueDecimal: o.score }] }),
    }));
  }
  if (item.appliesIf) {
    const { itemId, anyOf } = item.appliesIf;
    q.enableWhen = anyOf.map((code) => ({
      question: itemId,
      operator: '=',
      answerCoding: { system, code },
    }));
    if (anyOf.length > 1) q.enableBehavior = 'any';
  }
  return q;
}

/** The instrument as a FHIR R4 Questionnaire; "draft" while its licence must be checked. */
export function toQuestionnaire(inst: Instrument, base = DEFAULT_FHIR_BASE): Questionnaire {
  const q: Questionnaire = {
    resourceType: 'Questionnaire',
    id: inst.id,
    url: questionnaireUrl(inst, base),
    version: inst.version,
    name: inst.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    title: inst.title.da,
    status: inst.licence.checkBeforeShipping ? 'draft' : 'active',
    language: 'da',
    copyright: inst.licence.text,
    description: inst.source,
    item: inst.items.map((i) => questionnaireItem(inst, i, base)),
  };
  const tr = translations(inst.title);
  if (tr) q._title = tr;
  return q;
}

function answerOf(item: Item, a: Answer, system: string): QuestionnaireResponseAnswer[] {
  const coding = (code: string): QuestionnaireResponseAnswer[] => {
    const o = item.options.find((x) => x.code === code);
    return o ? [{ valueCoding: { system, code, display: o.label.da } }] : [];
  };
  if ('code' in a) return coding(a.code);
  if ('codes' in a) return a.codes.flatMap(coding);
  if ('value' in a) return [{ valueDecimal: a.value }];
  if ('text' in a) return a.text.trim() === '' ? [] : [{ valueString: a.text }];
  return [];
}

/**
 * The answers as a QuestionnaireResponse: only items that apply; declined items carry
 * data-absent-reason `asked-declined`; unanswered items are left out.
 */
export function toQuestionnaireResponse(
  inst: Instrument,
  answers: Answers,
  opts: { status?: 'in-progress' | 'completed'; authored?: string; base?: string } = {},
): QuestionnaireResponse {
  const base = opts.base ?? DEFAULT_FHIR_BASE;
  const system = codeSystemUrl(inst, base);
  const item = inst.items.flatMap((i): QuestionnaireResponseItem[] => {
    const a = answers[i.id];
    if (a === undefined || !isApplicable(i, answers)) return [];
    if ('declined' in a)
      return [
        {
          linkId: i.id,
          text: i.text.da,
          extension: [{ url: DATA_ABSENT, valueCode: 'asked-declined' }],
        },
      ];
    const answer = answerOf(i, a, system);
    return answer.length === 0 ? [] : [{ linkId: i.id, text: i.text.da, answer }];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${questionnaireUrl(inst, base)}|${inst.version}`,
    status: opts.status ?? 'completed',
    ...(opts.authored === undefined ? {} : { authored: opts.authored }),
    item,
  };
}
