/**
 * HSDS 3.0: the version we speak, and the shapes of its objects as far as we write or read
 * them (the schemas in ./schema allow more; hsds.schema.ts validates against those).
 */
export const HSDS_VERSION = '3.0';
export const HSDS_PROFILE_URL = 'https://lighed.dk/hsds/profile';
export const HSDS_OPENAPI_URL =
  'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

// ---------------------------------------------------------------------------------------------
// HSDS object shapes (the fields we write or read; the schemas allow more).

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy?: string;
  taxonomy_detail?: HsdsTaxonomy;
  language?: string;
  taxonomy_id?: string;
  term_uri?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  taxonomy_term_id?: string;
  link_type?: string;
  link_entity?: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

export interface HsdsLanguage {
  id: string;
  service_id?: string;
  location_id?: string;
  phone_id?: string;
  name?: string;
  code?: string;
  note?: string;
}

export interface HsdsPhone {
  id: string;
  location_id?: string;
  service_id?: string;
  organization_id?: string;
  contact_id?: string;
  service_at_location_id?: string;
  number: string;
  extension?: number;
  type?: string;
  description?: string;
  languages?: HsdsLanguage[];
}

export interface HsdsContact {
  id: string;
  organization_id?: string;
  service_id?: string;
  service_at_location_id?: string;
  location_id?: string;
  name?: string;
  title?: string;
  department?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsAddress {
  id: string;
  location_id?: string;
  attention?: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsAccessibility {
  id: string;
  location_id?: string;
  description?: string;
  details?: string;
  url?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  timezone?: number;
  until?: string;
  count?: number;
  wkst?: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  byweekno?: string;
  bymonthday?: string;
  byyearday?: string;
  description?: string;
  opens_at?: string;
  closes_at?: string;
  schedule_link?: string;
  attending_type?: string;
  notes?: string;
}

export interface HsdsCostOption {
  id: string;
  service_id?: string;
  valid_from?: string;
  valid_to?: string;
  option?: string;
  currency?: string;
  amount?: number;
  amount_description?: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  url?: string;
  organization_id?: string;
  name?: string;
  alternate_name?: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  languages?: HsdsLanguage[];
  addresses?: HsdsAddress[];
  contacts?: HsdsContact[];
  accessibility?: HsdsAccessibility[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  attributes?: HsdsAttribute[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  email?: string;
  website?: string;
  legal_status?: string;
  logo?: string;
  uri?: string;
  parent_organization_id?: string;
  contacts?: HsdsContact[];
  phones?: HsdsPhone[];
  locations?: HsdsLocation[];
  attributes?: HsdsAttribute[];
  /** Not in the organization schema; the HSDS API nests services here (organization_full.json). */
  services?: HsdsService[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  contacts?: HsdsContact[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  location?: HsdsLocation;
  attributes?: HsdsAttribute[];
  /** Not in the service_at_location schema; the HSDS API nests the service here. */
  service?: HsdsService;
}

export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface HsdsService {
  id: string;
  organization_id?: string;
  program_id?: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: HsdsServiceStatus;
  interpretation_services?: string;
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_at_locations?: HsdsServiceAtLocation[];
  languages?: HsdsLanguage[];
  organization?: HsdsOrganization;
  cost_options?: HsdsCostOption[];
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
}

/** A scalar-only copy (the one-to-one fields), as list endpoints and CSV rows carry. */
export type HsdsScalars = Record<string, string | number | boolean | null>;
/** A list item: one-to-one fields plus nested one-to-one objects. */
export type HsdsListItem = {
  [key: string]: string | number | boolean | null | HsdsScalars | HsdsListItem;
};
