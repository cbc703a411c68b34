/**
 * The audit log in the reader's language. Rows store codes and short English summaries written
 * by every domain (and kept for ever: the log is append-only), so the page words them here:
 * each known summary is matched to a message key with its figures, each role, action and
 * record type to its label. Anything unknown (an older row, a value a newer release writes) is
 * shown as stored, never an error. summary.test.ts checks that every summary written in src/
 * is known.
 */
import { ROLES } from '../platform/principal.ts';
import { AUDIT_ACTIONS } from './audit.ts';
import type { MessageValues } from '../web/i18n.ts';

export interface Worded {
  key: string;
  values?: MessageValues;
}

type Pattern = readonly [RegExp, string, (m: RegExpMatchArray) => MessageValues];

const none = () => ({});
const num = (s: string | undefined) => Number(s ?? 0);

/** Stored summary (whole text) → message key and values. */
const SUMMARIES: readonly Pattern[] = [
  [/^retention period ended$/, 'audit.summary.retentionEnded', none],
  [/^status (\w+)$/, 'audit.summary.status', (m) => ({ status: m[1]! })],
  [/^sign-up for offer (\S+)$/, 'audit.summary.signupForOffer', (m) => ({ offer: m[1]! })],
  [/^listed on sign-ups page$/, 'audit.summary.signupsListed', none],
  [/^deleted on request$/, 'audit.summary.deletedOnRequest', none],
  [
    /^imported aggregates \((\d+) rows from (\d+) respondents\)$/,
    'audit.summary.importedAggregates',
    (m) => ({ rows: num(m[1]), respondents: num(m[2]) }),
  ],
  [
    /^imported microdata \((\d+) rows\)$/,
    'audit.summary.importedMicrodata',
    (m) => ({ rows: num(m[1]) }),
  ],
  [
    /^imported HEAT Plus file \((\d+) rows\)$/,
    'audit.summary.importedHeatPlus',
    (m) => ({ rows: num(m[1]) }),
  ],
  [
    /^deleted microdata \((\d+) rows\)$/,
    'audit.summary.deletedMicrodata',
    (m) => ({ rows: num(m[1]) }),
  ],
  [/^listed$/, 'audit.summary.listed', none],
  [/^started an anonymous conversation$/, 'audit.summary.startedAnonymous', none],
  [/^started a conversation with consent$/, 'audit.summary.startedWithConsent', none],
  [/^opened step (\d+)$/, 'audit.summary.openedStep', (m) => ({ step: num(m[1]) })],
  [
    /^step (\d+) shown again with (\d+) problems$/,
    'audit.summary.stepShownAgain',
    (m) => ({ step: num(m[1]), count: num(m[2]) }),
  ],
  [
    /^saved step (\d+) \(([^)]*)\)(?:, (paused|finished))?$/,
    'audit.summary.savedStep',
    (m) => ({ step: num(m[1]), instrument: m[2]!, status: m[3] ?? 'none' }),
  ],
  [/^viewed profile$/, 'audit.summary.viewedProfile', none],
  [/^support level back to the computed one$/, 'audit.summary.supportComputed', none],
  [
    /^profile shown again: the support level was not changed$/,
    'audit.summary.supportNotChanged',
    none,
  ],
  [/^support level overridden, with a note$/, 'audit.summary.supportOverridden', none],
  [
    /^(PDF|printable) profile in (\S+)$/,
    'audit.summary.profileOut',
    (m) => ({ kind: m[1] === 'PDF' ? 'pdf' : 'print', lang: m[2]! }),
  ],
  [/^opened deletion$/, 'audit.summary.openedDeletion', none],
  [
    /^(\d+) of (\d+) instruments on$/,
    'audit.summary.instrumentsOn',
    (m) => ({ on: num(m[1]), of: num(m[2]) }),
  ],
  [/^matching weights saved$/, 'audit.summary.weightsSaved', none],
  [/^team created$/, 'audit.summary.teamCreated', none],
  [/^moved to team (.+)$/, 'audit.summary.movedToTeam', (m) => ({ team: m[1]! })],
  [/^taken out of its team$/, 'audit.summary.takenOutOfTeam', none],
  [/^FHIR QuestionnaireResponse bundle \(lighed export fhir\)$/, 'audit.summary.fhirExport', none],
  [/^matched (\d+) offers$/, 'audit.summary.matchedOffers', (m) => ({ count: num(m[1]) })],
  [/^saved (\d+) offers$/, 'audit.summary.savedOffers', (m) => ({ count: num(m[1]) })],
  [
    /^signed up by a frontline worker for offer (\S+)$/,
    'audit.summary.signedUpByWorker',
    (m) => ({ offer: m[1]! }),
  ],
  [
    /^signed the citizen up for offer (\S+)$/,
    'audit.summary.signedCitizenUp',
    (m) => ({ offer: m[1]! }),
  ],
  [/^saw a sign-up receipt$/, 'audit.summary.sawReceipt', none],
  [/^opened the cancel link$/, 'audit.summary.openedCancelLink', none],
  [/^cancelled by the citizen with the receipt link$/, 'audit.summary.cancelledByCitizen', none],
  [/^opened a sign-up$/, 'audit.summary.openedSignup', none],
  [
    /^opened sign-up for offer (\S+)$/,
    'audit.summary.openedSignupForOffer',
    (m) => ({ offer: m[1]! }),
  ],
  [/^sign-up form sent$/, 'audit.summary.signupFormSent', none],
  [
    /^sign-up form sent for offer (\S+)$/,
    'audit.summary.signupFormSentForOffer',
    (m) => ({ offer: m[1]! }),
  ],
  [/^new one-time sign-in link for an administrator$/, 'audit.summary.adminLinkRenewed', none],
  [/^administrator created with a one-time sign-in link$/, 'audit.summary.adminCreated', none],
  [/^password chosen through a one-time sign-in link$/, 'audit.summary.passwordChosen', none],
  [/^citizen record created$/, 'audit.summary.citizenCreated', none],
  [/^matched an existing citizen record$/, 'audit.summary.citizenMatched', none],
  [/^consent recorded for (\S+)$/, 'audit.summary.consentRecorded', (m) => ({ purpose: m[1]! })],
  [
    /^access granted via (\S+) (\S+)$/,
    'audit.summary.accessGranted',
    (m) => ({ via: m[1]!, id: m[2]! }),
  ],
  [/^viewed citizen card$/, 'audit.summary.citizenCardViewed', none],
  [/^CPR number shown$/, 'audit.summary.cprShown', none],
  [/^found by search$/, 'audit.summary.foundBySearch', none],
  [/^insight export \((\w+)\)$/, 'audit.summary.insightExport', (m) => ({ format: m[1]! })],
  [/^opened erasure$/, 'audit.summary.openedErasure', none],
  [/^erased on request$/, 'audit.summary.erasedOnRequest', none],
  [/^erased with the citizen on request$/, 'audit.summary.referralErased', none],
  [/^deleted with the citizen on request$/, 'audit.summary.deletedWithCitizen', none],
  [/^consent withdrawn for (\S+)$/, 'audit.summary.consentWithdrawn', (m) => ({ purpose: m[1]! })],
  [
    /^CPR number re-encrypted with key (\S+)$/,
    'audit.summary.cprReencrypted',
    (m) => ({ key: m[1]! }),
  ],
  [/^viewed referral$/, 'audit.summary.referralViewed', none],
  [/^conditional create found the existing referral$/, 'audit.summary.referralFoundExisting', none],
  [
    /^referral created \((\S+), (\S+)\)$/,
    'audit.summary.referralCreated',
    (m) => ({ source: m[1]!, service: m[2]! }),
  ],
  [/^status (\S+) → (\S+)$/, 'audit.summary.referralStatus', (m) => ({ from: m[1]!, to: m[2]! })],
  [/^forwarded to a provider$/, 'audit.summary.referralForwarded', none],
  [/^afklarende samtale booked$/, 'audit.summary.clarifyingBooked', none],
  [
    /^afklarende samtale booked from a referral$/,
    'audit.summary.clarifyingBookedFromReferral',
    none,
  ],
  [/^read for a referral$/, 'audit.summary.readForReferral', none],
  [/^citizen contacted$/, 'audit.summary.citizenContacted', none],
  [/^session recorded \((\S+)\)$/, 'audit.summary.sessionRecorded', (m) => ({ attendance: m[1]! })],
  [/^answer time (\d+) working days$/, 'audit.summary.answerTime', (m) => ({ days: num(m[1]) })],
  // The outreach lane (issue 11) and `lighed staff create`.
  [/^opened by the outreach scan \(\w+\)$/, 'audit.summary.outreachOpened', none],
  [/^reason added by the outreach scan \(\w+\)$/, 'audit.summary.outreachReasonAdded', none],
  [/^outreach rules saved$/, 'audit.summary.outreachRulesSaved', none],
  [/^viewed outreach case$/, 'audit.summary.outreachViewed', none],
  [/^case taken \(\S+\)$/, 'audit.summary.outreachTaken', none],
  [
    /^attempt recorded \(\w+, (reached|not reached), \S+\)$/,
    'audit.summary.outreachAttempt',
    (m) => ({ reached: m[1] === 'reached' ? 'yes' : 'no' }),
  ],
  [/^case closed \((\w+)\)$/, 'audit.summary.outreachClosed', (m) => ({ outcome: m[1]! })],
  [/^read for outreach$/, 'audit.summary.readForOutreach', none],
  [
    /^status (\S+) → (\S+) \(outreach: \w+\)$/,
    'audit.summary.referralStatusOutreach',
    (m) => ({ from: m[1]!, to: m[2]! }),
  ],
  [
    /^staff account created with a one-time sign-in link \(\w+\)$/,
    'audit.summary.staffCreated',
    none,
  ],
  [/^new one-time sign-in link \(\w+\)$/, 'audit.summary.staffLinkRenewed', none],
  // Messages to citizens, reply links and the outbox (issue 11).
  [/^reminder for the session on (\S+)$/, 'audit.summary.reminderQueued', (m) => ({ date: m[1]! })],
  // The reply page and its two handlers (sign-up, referral) each write their own row.
  [
    /^(?:opened a reply link|reply link opened|reply page opened)$/,
    'audit.summary.replyLinkOpened',
    none,
  ],
  [/^reply link used on a cancelled sign-up$/, 'audit.summary.replyLinkOnCancelled', none],
  [/^viewed the sign-up and its messages$/, 'audit.summary.signupMessagesViewed', none],
  [
    /^(?:reply link answered|citizen replied): (\w+)$/,
    'audit.summary.citizenReplied',
    (m) => ({ choice: m[1]! }),
  ],
  [
    /^(confirmed|cancelled|new time asked for) by the citizen with a reply link$/,
    'audit.summary.citizenReplied',
    (m) => ({
      choice: m[1] === 'confirmed' ? 'confirm' : m[1] === 'cancelled' ? 'cancel' : 'new_time',
    }),
  ],
  [/^aggregate counts$/, 'audit.summary.aggregateCounts', none],
  [/^contact channels: none$/, 'audit.summary.contactChannelsNone', none],
  [/^contact channels: (.+)$/, 'audit.summary.contactChannels', (m) => ({ channels: m[1]! })],
  [/^cpr read for digital post$/, 'audit.summary.cprReadForDigitalPost', none],
  [
    /^viewed (\d+) failed message\(s\), recipients masked$/,
    'audit.summary.outboxFailedViewed',
    (m) => ({ count: num(m[1]) }),
  ],
  [
    /^queued a failed (\S+) message \((\S+)\) again$/,
    'audit.summary.outboxRequeued',
    (m) => ({ channel: m[1]!, kind: m[2]! }),
  ],
  // Equity impact assessment (issue 13).
  [
    /^assessment (draft|consultation|final)$/,
    'audit.summary.assessmentState',
    (m) => ({ state: m[1]! }),
  ],
  [/^assessment report as (PDF|Word)$/, 'audit.summary.assessmentReport', (m) => ({ kind: m[1]! })],
  // Planning: goals, interventions, recommendations, the portfolio and committee reports.
  [/^goal (\w+)$/, 'audit.summary.goalCreated', (m) => ({ kind: m[1]! })],
  [/^goal target or links$/, 'audit.summary.goalEdited', none],
  [/^created intervention$/, 'audit.summary.interventionCreated', none],
  [/^edited intervention$/, 'audit.summary.interventionEdited', none],
  [/^published intervention to all municipalities$/, 'audit.summary.interventionPublished', none],
  [/^withdrew intervention$/, 'audit.summary.interventionWithdrawn', none],
  [
    /^copied published intervention from (\S+)$/,
    'audit.summary.interventionCopied',
    (m) => ({ kommune: m[1]! }),
  ],
  [
    /^portfolio decision on (\w+) \S+: (\w+)$/,
    'audit.summary.portfolioDecision',
    (m) => ({ subject: m[1]!, decision: m[2]! }),
  ],
  [/^reach target indicator: everyone$/, 'audit.summary.reachTargetEveryone', none],
  [/^reach target indicator: (\S+)$/, 'audit.summary.reachTarget', (m) => ({ indicator: m[1]! })],
  [/^adopted framework (\S+)$/, 'audit.summary.frameworkAdopted', (m) => ({ framework: m[1]! })],
  [/^recommendation state (\w+)$/, 'audit.summary.recommendationState', (m) => ({ state: m[1]! })],
  [/^added own recommendation$/, 'audit.summary.ownRecommendationAdded', none],
  [/^linked intervention to recommendation$/, 'audit.summary.interventionLinked', none],
  [/^unlinked intervention$/, 'audit.summary.interventionUnlinked', none],
  [
    /^committee report (\S+) (\d+)$/,
    'audit.summary.committeeReport',
    (m) => ({ department: m[1]!, year: m[2]! }),
  ],
  // Citizens' panels (voice).
  [/^demo member$/, 'audit.summary.panelDemoMember', none],
  [/^viewed the panel’s members$/, 'audit.summary.panelMembersViewed', none],
  [/^joined a panel with consent$/, 'audit.summary.panelJoined', none],
  [/^removed from a panel on request$/, 'audit.summary.panelMemberRemoved', none],
  [/^invited to a panel meeting$/, 'audit.summary.panelInvited', none],
  [/^retention$/, 'audit.summary.retentionEnded', none],
];

/** A stored summary as a message; null when it is empty or not known (shown as stored). */
export function wordSummary(summary: string): Worded | null {
  for (const [re, key, values] of SUMMARIES) {
    const m = summary.match(re);
    if (m) return { key, values: values(m) };
  }
  return null;
}

/** Record types (audit_log.entity) with a label: `audit.entity.<entity>`. */
export const AUDIT_ENTITIES = [
  'signup',
  'offer',
  'organization',
  'location',
  'error_report',
  'conversation',
  'instrument_setting',
  'matching_setting',
  'team',
  'staff_user',
  'api_client',
  'monitor_dataset',
  'citizen',
  'referral',
  'referral_setting',
  'outreach_case',
  'outreach_rule',
  'outreach_overview',
  'outbox',
  'assessment',
  'assessment_template',
  'planning_goal',
  'planning_intervention',
  'planning_framework',
  'planning_recommendation',
  'planning_recommendation_intervention',
  'portfolio_decision',
  'committee_report',
  'voice_panel',
  'panel_member',
] as const;

/** Roles a row may name (audit_log.actor_role) with a label: `role.<role>`. */
export const AUDIT_ROLES = [...ROLES, 'citizen', 'system'] as const;

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

/** The label key for a stored value, or null: the page then shows the value as stored. */
export const entityKey = (entity: string): string | null =>
  isOneOf(AUDIT_ENTITIES, entity) ? `audit.entity.${entity}` : null;
export const roleKey = (role: string): string | null =>
  isOneOf(AUDIT_ROLES, role) ? `role.${role}` : null;
export const actionKey = (action: string): string | null =>
  isOneOf(AUDIT_ACTIONS, action) ? `audit.action.${action}` : null;
