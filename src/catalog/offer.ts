/**
 * The catalog's vocabulary and record shapes. HSDS 3.0 (organization, service, location,
 * service_at_location, schedule, language, cost option, accessibility, contact) is the spine;
 * the municipal profile (arena, offer type, topics, ...) sits on top. DB columns match these
 * names in snake_case (src/db/migrations/0001_foundation.sql).
 */
import { UI_LANGUAGES, type UiLanguage } from '../web/languages.ts';

export const ARENAS = [
  'job_centre',
  'residential_facility',
  'drop_in_centre',
  'housing_area',
  'own_home',
  'school',
  'day_care',
  'workplace',
  'health_centre',
  'association',
  'online',
] as const;
export type Arena = (typeof ARENAS)[number];

export const OFFER_TYPES = ['individual', 'group', 'structural'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** KRAM (diet, smoking, alcohol, physical activity) plus the wider risk factors and topics. */
export const TOPICS = [
  'diet',
  'smoking',
  'alcohol',
  'physical_activity',
  'mental_wellbeing',
  'loneliness',
  'community',
  'family',
  'overweight',
  'musculoskeletal',
  'sleep',
  'chronic_illness',
] as const;
export type Topic = (typeof TOPICS)[number];

export const LIFE_PHASES = ['children', 'youth', 'adults', 'seniors'] as const;
export type LifePhase = (typeof LIFE_PHASES)[number];

export const MODES = ['in_person', 'online', 'both'] as const;
export type Mode = (typeof MODES)[number];

export const OFFER_STATUSES = ['draft', 'published', 'retired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const ORGANIZATION_KINDS = ['municipal', 'regional', 'civil_society', 'private'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Languages an offer's text may be translated into (Danish is the source). */
export const TRANSLATION_LANGUAGES = UI_LANGUAGES.filter(
  (l): l is Exclude<UiLanguage, 'da'> => l !== 'da',
);

/** Yes/no facts about an offer that citizens filter on and HSDS carries as attributes. */
export const FLAGS = [
  'interpreter_available',
  'free',
  'children_welcome',
  'childcare',
  'wheelchair_accessible',
  'welcomes_newcomers',
  'transport_help',
] as const;
export type Flag = (typeof FLAGS)[number];

/** Languages an offer may be held in (ISO 639-1): the UI languages plus common others. */
export const OFFER_LANGUAGES = [
  ...UI_LANGUAGES,
  'fa',
  'ur',
  'pl',
  'ro',
  'ti',
  'ku',
  'de',
  'sv',
] as const;
export type OfferLanguage = (typeof OFFER_LANGUAGES)[number];

/** The recommendation frameworks an offer may implement (DOMAIN.md §10), as stable codes. */
export const RECOMMENDATIONS = [
  'roskilde-1',
  'roskilde-2',
  'roskilde-3',
  'roskilde-4',
  'roskilde-5',
  'roskilde-6',
  'roskilde-7',
  'roskilde-8',
  'alliancen-1',
  'alliancen-2',
  'alliancen-3',
  'alliancen-4',
  'alliancen-5',
  'alliancen-6',
  'kl-1',
  'kl-2',
  'kl-3',
  'kl-4',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Translatable text of an offer in one non-Danish language. */
export interface OfferTranslation {
  title?: string;
  summary?: string;
  description?: string;
  how_to_join?: string;
}

export interface Schedule {
  id?: string;
  location_id?: string | null;
  /** ISO weekday: 1 Monday .. 7 Sunday. */
  weekday: number;
  /** 'HH:MM' */
  starts_at: string;
  ends_at: string;
  interval_weeks?: number;
  /** 'YYYY-MM-DD' */
  valid_from?: string | null;
  valid_to?: string | null;
  note?: string;
}

export interface Organization {
  id: string;
  kommune: string;
  name: string;
  description: string;
  kind: OrganizationKind;
  email: string | null;
  phone: string | null;
  website: string | null;
  status: 'active' | 'retired';
}

export interface Location {
  id: string;
  kommune: string;
  organization_id: string;
  name: string;
  description: string;
  address_1: string;
  postal_code: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  wheelchair_accessible: boolean;
  accessibility_note: string;
  transport_note: string;
}

export interface Offer {
  id: string;
  kommune: string;
  organization_id: string;
  title: string;
  summary: string;
  description: string;
  how_to_join: string;
  arena: Arena;
  offer_type: OfferType;
  topics: Topic[];
  life_phases: LifePhase[];
  languages: string[];
  mode: Mode;
  interpreter_available: boolean;
  free: boolean;
  price_dkk: number | null;
  price_note: string;
  children_welcome: boolean;
  childcare: boolean;
  wheelchair_accessible: boolean;
  welcomes_newcomers: boolean;
  transport_help: boolean;
  min_age: number | null;
  max_age: number | null;
  recommendations: string[];
  /** Internal only; never shown to citizens nor exported. */
  target_groups: string[];
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  url: string;
  status: OfferStatus;
  translations: Partial<Record<UiLanguage, OfferTranslation>>;
  last_confirmed_at: Date | null;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
}

/** An offer with what a page or an export needs around it. */
export interface OfferDetail extends Offer {
  organization: Organization;
  locations: Location[];
  schedules: Schedule[];
}

/**
 * Addresses the citizens' voice (src/voice/, decision 0028) answers: feedback on an offer (the
 * offer page and the reminder link to it) and "Foreslå et tilbud" (the finder links to it).
 */
export const offerFeedbackPath = (offerId: string) => `/tilbud/${offerId}/mening`;
export const SUGGEST_OFFER_PATH = '/foreslaa';
