/**
 * The outreach lane's surface (issue 11, decision 0022): the scan (the scheduled job
 * `outreach.scan` and `lighed outreach scan` call it), the events and their rules.
 */
export { scanOutreach } from './outreach.service.ts';
export {
  OUTREACH_EVENTS,
  OUTCOMES,
  ATTEMPT_METHODS,
  RULE_SPECS,
  effectiveRules,
  isOutreachEvent,
  type OutreachEvent,
  type OutreachOutcome,
  type OutreachRule,
  type AttemptMethod,
} from './rules.ts';
