/**
 * The code systems and identifiers the FHIR API speaks. Lighed's own code systems live under
 * https://lighed.dk/fhir/CodeSystem/ and use the catalog's and the referrals' stable codes
 * (docs/medcom-mapping.md lists them beside MedCom's).
 */

/** The Danish CPR number (MedCom's and DK Core's identifier system). */
export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

/** FHIR core extension: the patient needs an interpreter. */
export const INTERPRETER_EXTENSION =
  'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired';

export const TASK_CODE_SYSTEM = 'http://hl7.org/fhir/CodeSystem/task-code';
export const BCP47 = 'urn:ietf:bcp:47';

const LIGHED = 'https://lighed.dk/fhir/CodeSystem';
/** The catalog's topics (diet, smoking, ...): HealthcareService.category, ServiceRequest.reasonCode. */
export const TOPIC_SYSTEM = `${LIGHED}/topic`;
/** The catalog's offer types (individual, group, structural) and the afklarende samtale. */
export const SERVICE_TYPE_SYSTEM = `${LIGHED}/service-type`;
/** Special needs on a referral (interpreter, hand-held support, transport, mobility). */
export const NEED_SYSTEM = `${LIGHED}/special-need`;
/** Why a referral was rejected, cancelled, put on hold or failed. */
export const STATUS_REASON_SYSTEM = `${LIGHED}/referral-status-reason`;
/** The closing note's parts, in Task.output. */
export const CLOSING_NOTE_SYSTEM = `${LIGHED}/closing-note`;
/** Other reasons on a referral: pregnancy, chronic conditions. */
export const REASON_SYSTEM = `${LIGHED}/referral-reason`;

/** The municipality's afklarende samtale, one per municipality: its HealthcareService id. */
export const AFKLARENDE_SAMTALE_ID = 'afklarende-samtale';

/** The parts of the closing note, as Task.output types. */
export const CLOSING_NOTE_PARTS = ['outcome', 'sessions-attended', 'agreed', 'next-step'] as const;
export type ClosingNotePart = (typeof CLOSING_NOTE_PARTS)[number];

export const TASK_STATUS_SEARCH_NOTE =
  'One or more Task statuses, comma-separated (draft, requested, accepted, rejected, cancelled, in-progress, on-hold, failed, completed, entered-in-error).';
