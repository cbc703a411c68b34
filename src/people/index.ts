/**
 * People and protection: the citizen record other domains point to (referrals, conversations,
 * sign-ups), its CPR number (validated, encrypted, blind-indexed), relationship-based access,
 * and the citizen's insight and erasure. Other domains use only this surface.
 */
export {
  citizenInputSchema,
  normaliseName,
  phoneE164,
  CONTACT_CHANNELS,
  CONTACT_CONSENT_VERSION,
  contactPurpose,
  isContactChannel,
  ACCESS_VIA,
  type ContactChannel,
  type AccessVia,
  type CitizenCard,
  type CitizenInput,
  type Consent,
  type AccessLink,
} from './citizen.ts';
export { validateCpr, maskCpr, type CprResult, type CprError } from './cpr.ts';
export {
  findOrCreateCitizen,
  grantCitizenAccess,
  citizenCard,
  cprForDigitalPost,
  inPeopleScope,
  type PeopleScope,
} from './citizen.service.ts';
export type { CitizenDataSource, InsightExport } from './insight.ts';
export { loadCprKeyring, useCprKeyring } from './keyring.ts';
