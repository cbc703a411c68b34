/**
 * The referrals domain's surface (issue 10, contract in briefs): create, read, list and change
 * referrals; the pure state machine and vocabulary. The FHIR API (fhir/) and the health
 * conversation use these; nothing else of referrals/ is imported across domains.
 */
export {
  createReferral,
  transitionReferral,
  getReferral,
  listReferrals,
  forwardToProvider,
  bookAfklarendeSamtale,
  setAppointment,
  markContacted,
  recordSession,
  ReferralError,
  referralErrorCode,
  REFERRAL_CONSENT_VERSION,
  type NewReferral,
  type ReferralActor,
  type ReferralView,
  type ReferralHistoryEntry,
  type ReferralErrorCode,
  type TransitionInput,
} from './referral.service.ts';
export {
  canTransition,
  checkTransition,
  nextStatuses,
  REFERRAL_STATUSES,
  REASON_CODES,
  REASON_REQUIRED,
  ACTIVE_STATUSES,
  isActive,
  type ReferralStatus,
  type ReferralParty,
  type ReasonCode,
} from './state-machine.ts';
export {
  CONDITIONS,
  NEEDS,
  REFERRAL_OUTCOMES,
  ATTENDANCE,
  type ClosingNote,
  type ReferralNeeds,
  type ReferralReason,
  type ReferralOutcome,
  type RequestedService,
} from './referral.ts';
export { answerDue, isWorkingDay, type WorkingDayRules } from './working-days.ts';
export { referralCitizenData, ACTIVE_REFERRAL_HOLD } from './citizen-data.service.ts';
export { referralReplyHandler, sendReferralReminders } from './citizen-messages.service.ts';
export { REPLY_CHOICES, type AppointmentForm } from './appointment.ts';
export {
  referralOutreachFacts,
  referralBriefs,
  citizenReferralsSince,
  closeReferralForOutreach,
  reengagedNextStep,
  type ReferralOutreachFact,
  type ReferralBrief,
  type OutreachReferralOutcome,
} from './outreach.service.ts';
