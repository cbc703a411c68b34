/**
 * The health conversation's surface for other domains (decision 0009): referrals book an
 * afklarende samtale as a conversation and prefill a worker's referral from one.
 */
export {
  openConversationForReferral,
  referralDraft,
  type ReferralConversationInput,
  type ReferralDraft,
} from './referral-booking.service.ts';
export { workerOf, type Worker } from './access.ts';
export { conversationCitizenData } from './citizen-data.service.ts';
export {
  conversationOutreachFacts,
  type ConversationOutreachFact,
} from './outreach-facts.service.ts';
