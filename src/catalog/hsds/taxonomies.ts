/**
 * Ids, labels and our taxonomies (PROFILE.md in this folder says the same for people who
 * consume our feed):
 *
 * - IDs are our uuids (organization, location, offer = service, offer_location =
 *   service_at_location, schedule). Objects we have no table for (address, phone, contact,
 *   language, cost option, accessibility, attribute, taxonomy term, taxonomy) get stable
 *   name-based (v5-style) uuids derived from their parent's id, so every export gives the same ids.
 *
 * - The municipal profile (arena, offer type, topics, life phases, mode, flags, recommendations,
 *   organisation kind) travels as HSDS `attributes` whose `taxonomy_term` belongs to taxonomies
 *   named `lighed-arena`, `lighed-offer-type`, `lighed-topic`, `lighed-life-phase`, `lighed-mode`,
 *   `lighed-flag`, `lighed-recommendation`, `lighed-organization-kind`. A flag is present only
 *   when true. Term ids are stable per (taxonomy, code), so `?taxonomy_term_id=` filters work.
 *
 * - Translations: HSDS 3.0 has no multilingual fields. The Danish text is in the standard fields
 *   (name, description, application_process); each other language is one attribute in taxonomy
 *   `lighed-translation` whose term code is the ISO 639-1 language and whose `value` is a JSON
 *   object {title, summary, description, how_to_join}. Not `metadata`: HSDS metadata is a change
 *   log (required last_action_date, previous_value, ...), not a place for content. Attributes are
 *   what the standard offers for extensions, survive the CSV form (attributes.csv) and are
 *   ignored by consumers that do not know them. The short summary, which HSDS has no field for,
 *   is the attribute `lighed-text`/`summary`.
 */
import { createHash } from 'node:crypto';
import { translator } from '../../web/i18n.ts';
import {
  ARENAS,
  FLAGS,
  TRANSLATION_LANGUAGES,
  LIFE_PHASES,
  MODES,
  OFFER_TYPES,
  ORGANIZATION_KINDS,
  RECOMMENDATIONS,
  TOPICS,
} from '../offer.ts';
import { HSDS_PROFILE_URL, type HsdsTaxonomy, type HsdsTaxonomyTerm } from './types.ts';

const ID_NAMESPACE = Buffer.from('5b1f0f2e9c6a4d7e8a3b2c1d0e9f8a7b', 'hex');

/** A stable uuid for `name` (SHA-1 name-based, RFC 4122 version 5 layout). */
export function stableId(name: string): string {
  const h = createHash('sha1').update(ID_NAMESPACE).update(name, 'utf8').digest();
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const da = translator('da');
/** A Danish UI label, or `fallback` when the key is missing. */
export const label = (key: string, fallback: string): string => {
  try {
    return da(key);
  } catch {
    return fallback;
  }
};
const languageNames = new Intl.DisplayNames(['da'], { type: 'language', fallback: 'code' });
export const languageName = (code: string): string => {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

export interface TaxonomyDef {
  title: string;
  codes: readonly string[];
  label: (code: string) => string;
  linkType: string;
}

export const LIGHED_TAXONOMIES = {
  'lighed-arena': {
    title: 'Arena',
    codes: ARENAS,
    label: (c) => label(`arena.${c}`, c),
    linkType: 'arena',
  },
  'lighed-offer-type': {
    title: 'Type',
    codes: OFFER_TYPES,
    label: (c) => label(`offerType.${c}`, c),
    linkType: 'offer_type',
  },
  'lighed-topic': {
    title: 'Emne',
    codes: TOPICS,
    label: (c) => label(`topic.${c}`, c),
    linkType: 'topic',
  },
  'lighed-life-phase': {
    title: 'Livsfase',
    codes: LIFE_PHASES,
    label: (c) => label(`lifePhase.${c}`, c),
    linkType: 'audience',
  },
  'lighed-mode': {
    title: 'Fremmøde eller online',
    codes: MODES,
    label: (c) => label(`mode.${c}`, c),
    linkType: 'mode',
  },
  'lighed-flag': {
    title: 'Kendetegn',
    codes: FLAGS,
    label: (c) => label(`flag.${c}`, c),
    linkType: 'flag',
  },
  'lighed-recommendation': {
    title: 'Anbefaling',
    codes: RECOMMENDATIONS,
    label: (c) => label(`recommendation.${c}`, c),
    linkType: 'recommendation',
  },
  'lighed-organization-kind': {
    title: 'Slags organisation',
    codes: ORGANIZATION_KINDS,
    label: (c) => label(`orgKind.${c}`, c),
    linkType: 'organization_kind',
  },
  'lighed-translation': {
    title: 'Oversættelse',
    codes: TRANSLATION_LANGUAGES,
    label: (c) => languageName(c),
    linkType: 'translation',
  },
  'lighed-text': {
    title: 'Tekst',
    codes: ['summary'],
    label: () => 'Kort beskrivelse',
    linkType: 'text',
  },
} satisfies Record<string, TaxonomyDef>;
export type LighedTaxonomy = keyof typeof LIGHED_TAXONOMIES;

export const isLighedTaxonomy = (v: unknown): v is LighedTaxonomy =>
  typeof v === 'string' && v in LIGHED_TAXONOMIES;

export const taxonomyId = (tax: LighedTaxonomy) => stableId(`taxonomy/${tax}`);
export const termId = (tax: LighedTaxonomy, code: string) => stableId(`taxonomy/${tax}/${code}`);

export function hsdsTaxonomy(tax: LighedTaxonomy): HsdsTaxonomy {
  return {
    id: taxonomyId(tax),
    name: tax,
    description: `Lighed: ${LIGHED_TAXONOMIES[tax].title}`,
    uri: `${HSDS_PROFILE_URL}#${tax}`,
    version: '1',
  };
}

export function hsdsTaxonomyTerm(tax: LighedTaxonomy, code: string): HsdsTaxonomyTerm {
  const def: TaxonomyDef = LIGHED_TAXONOMIES[tax];
  const name = def.label(code);
  return {
    id: termId(tax, code),
    code,
    name,
    description: `${def.title}: ${name}`,
    taxonomy: tax,
    taxonomy_detail: hsdsTaxonomy(tax),
    language: 'da',
    taxonomy_id: taxonomyId(tax),
    term_uri: `${HSDS_PROFILE_URL}#${tax}/${encodeURIComponent(code)}`,
  };
}

/** Every term of our taxonomies by id (for `?taxonomy_term_id=` and for CSV attribute rows). */
const termIndex = new Map<string, { taxonomy: LighedTaxonomy; code: string }>();
const taxonomyIndex = new Map<string, LighedTaxonomy>();
for (const tax of Object.keys(LIGHED_TAXONOMIES) as LighedTaxonomy[]) {
  taxonomyIndex.set(taxonomyId(tax), tax);
  for (const code of (LIGHED_TAXONOMIES[tax] as TaxonomyDef).codes)
    termIndex.set(termId(tax, code), { taxonomy: tax, code });
}
export const lighedTermById = (id: string) => termIndex.get(id.toLowerCase());
export const lighedTaxonomyById = (id: string) => taxonomyIndex.get(id.toLowerCase());
