/**
 * The demo municipality's data: providers, places, offers and staff accounts for a synthetic
 * Roskilde. The data itself is demo-catalog.json; this module reads it, checks it against the
 * catalog's vocabulary (a typo in the file fails at load, and so in demo.data.test.ts) and gives
 * it types. Read by demo.seed.ts (which writes it to the database).
 *
 * Everything in it is made up for demonstration. Providers carry the names of real kinds of
 * organisations in Roskilde, and the places use real street and area names, but the offers,
 * times, people, e-mail addresses, phone numbers and web addresses are FICTITIOUS: do not
 * call or write to them. E-mail addresses end in demo.roskilde.dk or demo.lighed.dk.
 *
 * The offers follow the source documents (DOMAIN.md §5 and §6): local offers in housing areas,
 * job centre, residential facilities, drop-in centres and own home; individual, group-based and
 * framework-setting offers; association communities that welcome newcomers. Titles name the
 * activity, never the participants' social position (Sundhedsstyrelsen 2009, "Undgå
 * stigmatisering af målgruppen"); who an offer is meant for is kept in the internal
 * `target_groups` only. Every offer carries its contact details and wheelchair access in full
 * (taken from its provider and first place when it has none of its own), so the file is exactly
 * what the demo seeds.
 */
import { z } from 'zod';
import {
  ARENAS,
  LIFE_PHASES,
  MODES,
  OFFER_LANGUAGES,
  OFFER_STATUSES,
  OFFER_TYPES,
  ORGANIZATION_KINDS,
  RECOMMENDATIONS,
  TOPICS,
  TRANSLATION_LANGUAGES,
  type Arena,
  type LifePhase,
  type Mode,
  type OfferLanguage,
  type OfferStatus,
  type OfferTranslation,
  type OfferType,
  type OrganizationKind,
  type Recommendation,
  type Topic,
} from '../catalog/index.ts';
import type { UiLanguage } from '../web/languages.ts';
import { ROLES, type Role } from '../platform/principal.ts';
import raw from './demo-catalog.json' with { type: 'json' };

// ---- types -----------------------------------------------------------------------------------

export type DemoTranslations = Partial<Record<UiLanguage, OfferTranslation>>;

export interface DemoOrganization {
  /** Stable slug; offers, places and staff refer to it. */
  key: string;
  name: string;
  description: string;
  kind: OrganizationKind;
  email?: string;
  phone?: string;
  website?: string;
}

export interface DemoLocation {
  key: string;
  /** Key of the organisation that runs the place. */
  organization: string;
  name: string;
  address_1: string;
  postal_code: string;
  city: string;
  latitude: number;
  longitude: number;
  wheelchair_accessible: boolean;
  accessibility_note?: string;
  transport_note?: string;
}

export interface DemoSchedule {
  /** ISO weekday: 1 Monday .. 7 Sunday. */
  weekday: number;
  /** 'HH:MM' */
  starts_at: string;
  ends_at: string;
  interval_weeks?: number;
  /** 'YYYY-MM-DD' */
  valid_from?: string;
  valid_to?: string;
  note?: string;
}

export interface DemoOffer {
  key: string;
  organization: string;
  /** Keys of demoLocations; none for offers that are only online. The first place gets the schedules. */
  locations?: readonly string[];
  title: string;
  summary: string;
  description: string;
  how_to_join?: string;
  arena: Arena;
  offer_type: OfferType;
  topics: readonly Topic[];
  life_phases: readonly LifePhase[];
  languages: readonly OfferLanguage[];
  mode: Mode;
  interpreter_available?: boolean;
  free: boolean;
  price_dkk?: number;
  price_note?: string;
  children_welcome?: boolean;
  childcare?: boolean;
  wheelchair_accessible?: boolean;
  welcomes_newcomers?: boolean;
  transport_help?: boolean;
  min_age?: number;
  max_age?: number;
  recommendations?: readonly Recommendation[];
  /** Internal only: who the offer is meant for. Never shown to citizens. */
  target_groups?: readonly string[];
  contact_name?: string;
  contact_phone?: string;
  contact_email?: string;
  url?: string;
  schedules?: readonly DemoSchedule[];
  status?: OfferStatus;
  translations?: DemoTranslations;
}

export interface DemoStaff {
  email: string;
  name: string;
  role: Role;
  /** Organisation key; required for providers. */
  organization?: string;
  /** Team key; frontline workers hold health conversations within their team. */
  team?: string;
}

export interface DemoTeam {
  key: string;
  name: string;
  arena: Arena;
}

// ---- the municipality and the accounts -------------------------------------------------------

export const DEMO_KOMMUNE = '0265';
export const DEMO_KOMMUNE_NAME = 'Roskilde';
/** Shared password of every demo account. Only for the demo municipality. */
export const DEMO_PASSWORD = 'demo-lighed-2026';

// ---- the file's shape ------------------------------------------------------------------------
// Strict objects: a misspelt key fails instead of being dropped. `satisfies` keeps each schema
// in step with its interface above.

const text = z.string();
const maybeText = text.exactOptional();
const maybeFlag = z.boolean().exactOptional();
const maybeInt = z.number().int().exactOptional();
const time = z.string().regex(/^\d{2}:\d{2}$/);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .exactOptional();

const teamSchema = z.strictObject({
  key: text,
  name: text,
  arena: z.enum(ARENAS),
}) satisfies z.ZodType<DemoTeam>;

const staffSchema = z.strictObject({
  email: text,
  name: text,
  role: z.enum(ROLES),
  organization: maybeText,
  team: maybeText,
}) satisfies z.ZodType<DemoStaff>;

const organizationSchema = z.strictObject({
  key: text,
  name: text,
  description: text,
  kind: z.enum(ORGANIZATION_KINDS),
  email: maybeText,
  phone: maybeText,
  website: maybeText,
}) satisfies z.ZodType<DemoOrganization>;

const locationSchema = z.strictObject({
  key: text,
  organization: text,
  name: text,
  address_1: text,
  postal_code: text,
  city: text,
  latitude: z.number(),
  longitude: z.number(),
  wheelchair_accessible: z.boolean(),
  accessibility_note: maybeText,
  transport_note: maybeText,
}) satisfies z.ZodType<DemoLocation>;

const scheduleSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  starts_at: time,
  ends_at: time,
  interval_weeks: maybeInt,
  valid_from: date,
  valid_to: date,
  note: maybeText,
}) satisfies z.ZodType<DemoSchedule>;

const translationSchema = z.strictObject({
  title: maybeText,
  summary: maybeText,
  description: maybeText,
  how_to_join: maybeText,
}) satisfies z.ZodType<OfferTranslation>;

const offerSchema = z.strictObject({
  key: text,
  organization: text,
  locations: z.array(text).exactOptional(),
  title: text,
  summary: text,
  description: text,
  how_to_join: maybeText,
  arena: z.enum(ARENAS),
  offer_type: z.enum(OFFER_TYPES),
  topics: z.array(z.enum(TOPICS)),
  life_phases: z.array(z.enum(LIFE_PHASES)),
  languages: z.array(z.enum(OFFER_LANGUAGES)),
  mode: z.enum(MODES),
  interpreter_available: maybeFlag,
  free: z.boolean(),
  price_dkk: z.number().exactOptional(),
  price_note: maybeText,
  children_welcome: maybeFlag,
  childcare: maybeFlag,
  wheelchair_accessible: maybeFlag,
  welcomes_newcomers: maybeFlag,
  transport_help: maybeFlag,
  min_age: maybeInt,
  max_age: maybeInt,
  recommendations: z.array(z.enum(RECOMMENDATIONS)).exactOptional(),
  target_groups: z.array(text).exactOptional(),
  contact_name: maybeText,
  contact_phone: maybeText,
  contact_email: maybeText,
  url: maybeText,
  schedules: z.array(scheduleSchema).exactOptional(),
  status: z.enum(OFFER_STATUSES).exactOptional(),
  // Danish is the offer's own text; translations are into the other interface languages.
  translations: z.partialRecord(z.enum(TRANSLATION_LANGUAGES), translationSchema).exactOptional(),
}) satisfies z.ZodType<DemoOffer>;

const demoFileSchema = z.strictObject({
  teams: z.array(teamSchema),
  staff: z.array(staffSchema),
  organizations: z.array(organizationSchema),
  locations: z.array(locationSchema),
  offers: z.array(offerSchema),
});

/** Checks a demo file's content; throws (naming the path) when it does not fit. */
export function parseDemoFile(content: unknown) {
  return demoFileSchema.parse(content);
}

// ---- the data --------------------------------------------------------------------------------

const demo = parseDemoFile(raw);

export const demoTeams: readonly DemoTeam[] = demo.teams;
export const demoStaff: readonly DemoStaff[] = demo.staff;
export const demoOrganizations: readonly DemoOrganization[] = demo.organizations;
export const demoLocations: readonly DemoLocation[] = demo.locations;
export const demoOffers: readonly DemoOffer[] = demo.offers;
