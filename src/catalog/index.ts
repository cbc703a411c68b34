/**
 * The catalog's named surface: what other domains (the health conversation, the demo) may use.
 * Everything else in catalog/ is the catalog's own business and may change without notice.
 */
export * from './offer.ts';
export { TIMES_OF_DAY, type TimeOfDay } from './finder.ts';
export { readSignupForm, validateSignup, type SignupForm } from './signup.ts';
export { createSignup } from './signup.store.ts';
export { signUp, type SignupResult } from './signup.service.ts';
export { sendSignupReminders, signupReplyHandler } from './signup-messages.service.ts';
export {
  getOfferDetail,
  getOfferDetails,
  listOffersForStaff,
  schedulesFor,
  saveOffer,
  type OfferInput,
  type StaffOfferRow,
} from './offer.store.ts';
export { insertLocation, insertOrganization } from './organization.store.ts';
export type { LocationInput, OrganizationInput } from './organization-form.ts';
export { localText, type LocalText } from './pages/present.ts';
export { checkStigma } from './stigma.ts';
export { signupCitizenData } from './citizen-data.service.ts';
export {
  signupOutreachFacts,
  signupBriefs,
  citizenSignupsSince,
  type SignupOutreachFact,
  type SignupBrief,
} from './outreach-facts.service.ts';
export {
  REACH_QUESTIONS,
  REACH_DIMENSIONS,
  REACH_CONTEXTS,
  PREFER_NOT,
  NO_REACH_ANSWERS,
  readReachAnswers,
  reachProblems,
  isEmptyReach,
  type ReachAnswers,
  type ReachContext,
  type ReachDimension,
} from './reach/questions.ts';
export {
  recordReachAnswers,
  reachTally,
  reachAnswerTotals,
  offerTarget as reachOfferTarget,
  setOfferTarget as setReachOfferTarget,
  type ReachTally,
} from './reach/reach.store.ts';
export { ReachFieldset } from './reach/fieldset.tsx';
// The planners' portfolio review (src/planning/portfolio*): sign-ups and confirmation dates.
export { portfolioOfferFacts, type OfferPortfolioFact } from './portfolio-facts.service.ts';
