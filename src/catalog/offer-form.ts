/**
 * The staff offer form: reading posted fields into an OfferInput, with problems named by
 * field. Pure; the routes do the saving. Translations are optional per language.
 */
import type { FieldProblem } from '../platform/errors.ts';
import type { OfferInput } from './offer.store.ts';
import {
  ARENAS,
  FLAGS,
  TRANSLATION_LANGUAGES,
  LIFE_PHASES,
  MODES,
  OFFER_LANGUAGES,
  OFFER_TYPES,
  RECOMMENDATIONS,
  TOPICS,
  type Arena,
  type Mode,
  type OfferDetail,
  type OfferTranslation,
  type OfferType,
  type Location,
  type Organization,
  type Schedule,
} from './offer.ts';
import type { StigmaFinding } from './stigma.ts';
import { type UiLanguage } from '../web/languages.ts';

export const SCHEDULE_ROWS = 3;

type Body = Record<string, unknown>;
const str = (v: unknown, max = 4000) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const arr = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
const pick = <T extends string>(allowed: readonly T[], v: unknown[]): T[] =>
  v.filter((x): x is T => (allowed as readonly unknown[]).includes(x));

/** The form as the user typed it, to re-render with errors without losing anything. */
export interface OfferFormValues {
  [field: string]: string | string[];
}

/** What the offer edit page shows; `id` is null for a new offer. */
export interface OfferEditState {
  id: string | null;
  status: string;
  values: OfferFormValues;
  problems: FieldProblem[];
  /** Just saved: the page says so. */
  saved: boolean;
  /** Stigmatising words in the public texts, to warn about (not to refuse). */
  findings: StigmaFinding[];
  /** Only the municipality's own staff move an offer to another organisation. */
  canChooseOrganization: boolean;
  options: { organizations: Organization[]; locations: Location[] };
}

export function readOfferForm(
  body: Body,
  allowedLocationIds: readonly string[],
): { values: OfferFormValues; input: OfferInput | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: OfferFormValues = {};
  for (const [k, v] of Object.entries(body))
    if (k !== '_csrf') values[k] = Array.isArray(v) ? arr(v) : str(v);

  const title = str(body.title, 200);
  if (title.length < 3) problems.push({ path: 'title', message: 'offerForm.error.title' });
  const summary = str(body.summary, 300);
  if (!summary) problems.push({ path: 'summary', message: 'offerForm.error.summary' });
  const arena = str(body.arena);
  if (!(ARENAS as readonly string[]).includes(arena))
    problems.push({ path: 'arena', message: 'offerForm.error.arena' });
  const offerType = str(body.offer_type);
  if (!(OFFER_TYPES as readonly string[]).includes(offerType))
    problems.push({ path: 'offer_type', message: 'offerForm.error.offerType' });
  const mode = str(body.mode) || 'in_person';
  if (!(MODES as readonly string[]).includes(mode))
    problems.push({ path: 'mode', message: 'offerForm.error.mode' });
  const languages = pick(OFFER_LANGUAGES, arr(body.languages));
  if (languages.length === 0)
    problems.push({ path: 'languages', message: 'offerForm.error.languages' });
  const flags = new Set(arr(body.flags));
  const free = flags.has('free');
  let price: number | null = null;
  const priceRaw = str(body.price_dkk).replace(',', '.');
  if (priceRaw) {
    price = Number(priceRaw);
    if (!Number.isFinite(price) || price < 0 || price > 100000) {
      problems.push({ path: 'price_dkk', message: 'offerForm.error.price' });
      price = null;
    }
  }
  if (!free && price === null && !problems.some((p) => p.path === 'price_dkk')) {
    problems.push({ path: 'price_dkk', message: 'offerForm.error.priceOrFree' });
  }
  const age = (field: 'min_age' | 'max_age') => {
    const raw = str(body[field]);
    if (!raw) return null;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 120) {
      problems.push({ path: field, message: 'offerForm.error.age' });
      return null;
    }
    return n;
  };
  const minAge = age('min_age');
  const maxAge = age('max_age');
  if (minAge !== null && maxAge !== null && maxAge < minAge)
    problems.push({ path: 'max_age', message: 'offerForm.error.ageOrder' });
  const contactEmail = str(body.contact_email, 200);
  if (contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(contactEmail)) {
    problems.push({ path: 'contact_email', message: 'signup.error.email' });
  }
  const url = str(body.url, 500);
  if (url && !/^https?:\/\/\S+$/.test(url))
    problems.push({ path: 'url', message: 'offerForm.error.url' });
  const locationIds = arr(body.location_ids).filter((id) => allowedLocationIds.includes(id));
  if (mode !== 'online' && locationIds.length === 0)
    problems.push({ path: 'location_ids', message: 'offerForm.error.location' });

  const schedules: Schedule[] = [];
  for (let i = 0; i < SCHEDULE_ROWS; i++) {
    const weekday = Number(str(body[`schedule_${i}_weekday`]));
    const start = str(body[`schedule_${i}_start`]);
    const end = str(body[`schedule_${i}_end`]);
    if (!weekday && !start && !end) continue;
    const time = /^([01]\d|2[0-3])[:.][0-5]\d$/;
    if (
      !(weekday >= 1 && weekday <= 7) ||
      !time.test(start) ||
      !time.test(end) ||
      end.replace('.', ':') <= start.replace('.', ':')
    ) {
      problems.push({ path: `schedule_${i}_weekday`, message: 'offerForm.error.schedule' });
      continue;
    }
    schedules.push({
      weekday,
      starts_at: start.replace('.', ':'),
      ends_at: end.replace('.', ':'),
      location_id: locationIds[0] ?? null,
    });
  }

  const translations: Partial<Record<UiLanguage, OfferTranslation>> = {};
  for (const l of TRANSLATION_LANGUAGES) {
    const tr: OfferTranslation = {};
    for (const f of ['title', 'summary', 'description'] as const) {
      const v = str(body[`tr_${l}_${f}`], f === 'title' ? 200 : 4000);
      if (v) tr[f] = v;
    }
    if (Object.keys(tr).length) {
      if (!tr.title)
        problems.push({ path: `tr_${l}_title`, message: 'offerForm.error.translationTitle' });
      translations[l] = tr;
    }
  }

  if (problems.length) return { values, input: null, problems };
  return {
    values,
    problems,
    input: {
      organization_id: str(body.organization_id),
      title,
      summary,
      description: str(body.description),
      how_to_join: str(body.how_to_join, 2000),
      arena: arena as Arena,
      offer_type: offerType as OfferType,
      topics: pick(TOPICS, arr(body.topics)),
      life_phases: pick(LIFE_PHASES, arr(body.life_phases)),
      languages,
      mode: mode as Mode,
      interpreter_available: flags.has('interpreter_available'),
      free,
      price_dkk: free ? null : price,
      price_note: str(body.price_note, 300),
      children_welcome: flags.has('children_welcome'),
      childcare: flags.has('childcare'),
      wheelchair_accessible: flags.has('wheelchair_accessible'),
      welcomes_newcomers: flags.has('welcomes_newcomers'),
      transport_help: flags.has('transport_help'),
      min_age: minAge,
      max_age: maxAge,
      recommendations: pick(RECOMMENDATIONS, arr(body.recommendations)),
      target_groups: str(body.target_groups, 1000)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      contact_name: str(body.contact_name, 200),
      contact_phone: str(body.contact_phone, 40),
      contact_email: contactEmail,
      url,
      translations,
      location_ids: locationIds,
      schedules,
    },
  };
}

/** An existing offer as form values, for the edit page. */
export function offerToForm(o: OfferDetail): OfferFormValues {
  const v: OfferFormValues = {
    organization_id: o.organization_id,
    title: o.title,
    summary: o.summary,
    description: o.description,
    how_to_join: o.how_to_join,
    arena: o.arena,
    offer_type: o.offer_type,
    mode: o.mode,
    topics: o.topics,
    life_phases: o.life_phases,
    languages: o.languages,
    flags: FLAGS.filter((f) => o[f]),
    price_dkk: o.price_dkk === null ? '' : String(o.price_dkk),
    price_note: o.price_note,
    min_age: o.min_age === null ? '' : String(o.min_age),
    max_age: o.max_age === null ? '' : String(o.max_age),
    recommendations: o.recommendations,
    target_groups: o.target_groups.join(', '),
    contact_name: o.contact_name,
    contact_phone: o.contact_phone,
    contact_email: o.contact_email,
    url: o.url,
    location_ids: o.locations.map((l) => l.id),
  };
  o.schedules.slice(0, SCHEDULE_ROWS).forEach((s, i) => {
    v[`schedule_${i}_weekday`] = String(s.weekday);
    v[`schedule_${i}_start`] = s.starts_at;
    v[`schedule_${i}_end`] = s.ends_at;
  });
  for (const l of TRANSLATION_LANGUAGES) {
    const tr = o.translations[l];
    for (const f of ['title', 'summary', 'description'] as const) v[`tr_${l}_${f}`] = tr?.[f] ?? '';
  }
  return v;
}

/** The public text fields the stigmatisation check reads, keyed by form field name. */
export function publicTextFields(v: OfferFormValues): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const k of [
    'title',
    'summary',
    'description',
    ...TRANSLATION_LANGUAGES.flatMap((l) => [
      `tr_${l}_title`,
      `tr_${l}_summary`,
      `tr_${l}_description`,
    ]),
  ]) {
    const val = v[k];
    if (typeof val === 'string' && val) fields[k] = val;
  }
  return fields;
}
