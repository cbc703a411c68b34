/**
 * A referral coming in: the transaction Bundle of Patient + ServiceRequest + Task (HL7 SDOH
 * Clinical Care's referral pattern), checked with zod and read by pure functions into what
 * the referrals domain takes. Every problem names the element by its FHIRPath
 * (`Bundle.entry[2].resource.intent`), which the route puts in OperationOutcome.issue.expression.
 */
import { z } from 'zod';
import { TOPICS } from '../catalog/index.ts';
import { isUuid } from '../platform/ids.ts';
import { CONDITIONS, NEEDS } from '../referrals/index.ts';
import {
  AFKLARENDE_SAMTALE_ID,
  CPR_SYSTEM,
  INTERPRETER_EXTENSION,
  NEED_SYSTEM,
  REASON_SYSTEM,
  TASK_CODE_SYSTEM,
  TOPIC_SYSTEM,
} from './vocabulary.ts';

export interface BundleProblem {
  /** FHIRPath of the element at fault. */
  expression: string;
  message: string;
  code: 'structure' | 'required' | 'value' | 'invariant' | 'not-supported';
}

// ---- the shapes ----------------------------------------------------------------------------------
// Objects are not strict: a FHIR resource may carry many elements we do not use (meta, text,
// extensions); those pass and are ignored. What we use is checked.

const dateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be a FHIR dateTime with a time zone',
  );
const coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const concept = z.object({ coding: z.array(coding).optional(), text: z.string().optional() });
const reference = z.object({ reference: z.string().optional(), display: z.string().optional() });
const identifier = z.object({ system: z.string().optional(), value: z.string().optional() });
const extension = z.object({ url: z.string(), valueBoolean: z.boolean().optional() });

const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  identifier: z.array(identifier).optional(),
  name: z
    .array(
      z.object({
        use: z.string().optional(),
        text: z.string().optional(),
        family: z.string().optional(),
        given: z.array(z.string()).optional(),
      }),
    )
    .min(1, 'a Patient needs a name'),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  telecom: z
    .array(
      z.object({
        system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']).optional(),
        value: z.string().optional(),
      }),
    )
    .optional(),
  address: z
    .array(
      z.object({
        line: z.array(z.string()).optional(),
        postalCode: z.string().optional(),
        city: z.string().optional(),
      }),
    )
    .optional(),
  communication: z
    .array(z.object({ language: concept, preferred: z.boolean().optional() }))
    .optional(),
  extension: z.array(extension).optional(),
});

const serviceRequestSchema = z.object({
  resourceType: z.literal('ServiceRequest'),
  status: z.literal('active', 'a new referral is active'),
  intent: z.literal('order', 'a referral is an order'),
  subject: reference,
  performer: z.array(reference).optional(),
  locationReference: z.array(reference).optional(),
  reasonCode: z.array(concept).optional(),
  orderDetail: z.array(concept).optional(),
  note: z.array(z.object({ text: z.string() })).optional(),
  authoredOn: dateTime,
  requester: reference.optional(),
  code: concept.optional(),
});

const taskSchema = z.object({
  resourceType: z.literal('Task'),
  status: z.literal('requested', 'a new referral Task is requested'),
  intent: z.literal('order', 'a referral Task is an order'),
  code: concept.refine(
    (c) => (c.coding ?? []).some((x) => x.system === TASK_CODE_SYSTEM && x.code === 'fulfill'),
    `must carry ${TASK_CODE_SYSTEM}|fulfill`,
  ),
  focus: reference,
  for: reference,
  authoredOn: dateTime.optional(),
  identifier: z
    .array(identifier)
    .min(1, 'a Task needs an identifier (conditional create: a repeated POST creates nothing new)'),
  requester: reference.optional(),
  owner: reference.optional(),
});

const entrySchema = z.object({
  fullUrl: z.string().optional(),
  resource: z.object({ resourceType: z.string() }).passthrough(),
  request: z.object({
    method: z.literal('POST', 'only POST entries are supported'),
    url: z.string(),
    ifNoneExist: z.string().optional(),
  }),
});

const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('transaction', 'POST a Bundle of type transaction'),
  entry: z.array(entrySchema).min(1),
});

export type PatientResource = z.infer<typeof patientSchema>;
export type ServiceRequestResource = z.infer<typeof serviceRequestSchema>;
export type TaskResource = z.infer<typeof taskSchema>;

/** zod's path as FHIRPath under `prefix`: ['entry', 2, 'resource'] → Bundle.entry[2].resource. */
export function fhirPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

function problemsOf(err: z.ZodError, prefix: string): BundleProblem[] {
  return err.issues.map((i) => ({
    expression: fhirPath(prefix, i.path),
    message: i.message,
    code: i.code === 'invalid_type' && i.input === undefined ? 'required' : 'value',
  }));
}

// ---- what the referrals domain gets -----------------------------------------------------------

export interface CitizenFromPatient {
  name: string;
  cpr?: string;
  birthDate?: string;
  sex?: 'female' | 'male';
  phone?: string;
  email?: string;
  postcode?: string;
  address?: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

export interface IncomingReferral {
  citizen: CitizenFromPatient;
  /** Where each citizen field came from, to name it in an error from the people domain. */
  citizenPaths: Partial<Record<keyof CitizenFromPatient, string>>;
  service: { kind: 'afklarende_samtale' } | { kind: 'offer'; offerId: string };
  servicePath: string;
  topics: string[];
  conditions: string[];
  pregnant: boolean;
  needs: string[];
  note: string;
  consentAt: Date;
  identifier: { system: string; value: string };
  /** The Bundle's entries in order, to answer each in the transaction-response. */
  entries: { resourceType: 'Patient' | 'ServiceRequest' | 'Task' }[];
}

const refersTo = (ref: string | undefined, fullUrl: string | undefined) =>
  ref !== undefined && fullUrl !== undefined && ref === fullUrl;

/** The HealthcareService id a reference names (relative or absolute), or undefined. */
export function healthcareServiceId(ref: string | undefined): string | undefined {
  const m = /(?:^|\/)HealthcareService\/([A-Za-z0-9\-.]{1,64})$/.exec(ref ?? '');
  return m?.[1];
}

function citizenFromPatient(p: PatientResource, at: string) {
  const paths: IncomingReferral['citizenPaths'] = {};
  const n = p.name.find((x) => x.use === 'official') ?? p.name[0]!;
  const ni = p.name.indexOf(n);
  const name = (n.text?.trim() || [...(n.given ?? []), n.family ?? ''].join(' '))
    .replace(/\s+/g, ' ')
    .trim();
  paths.name = `${at}.name[${ni}]`;
  const c: CitizenFromPatient = { name, preferredLanguage: 'da', interpreterNeeded: false };
  const cprAt = (p.identifier ?? []).findIndex((i) => i.system === CPR_SYSTEM);
  const cpr = p.identifier?.[cprAt]?.value;
  if (cpr !== undefined) {
    c.cpr = cpr.replace(/[\s-]/g, '');
    paths.cpr = `${at}.identifier[${cprAt}].value`;
  }
  if (p.birthDate) {
    c.birthDate = p.birthDate;
    paths.birthDate = `${at}.birthDate`;
  }
  if (p.gender === 'female' || p.gender === 'male') c.sex = p.gender;
  const telecom = p.telecom ?? [];
  const phoneAt = telecom.findIndex((t) => (t.system === 'phone' || t.system === 'sms') && t.value);
  if (phoneAt >= 0) {
    c.phone = telecom[phoneAt]!.value!;
    paths.phone = `${at}.telecom[${phoneAt}].value`;
  }
  const emailAt = telecom.findIndex((t) => t.system === 'email' && t.value);
  if (emailAt >= 0) {
    c.email = telecom[emailAt]!.value!;
    paths.email = `${at}.telecom[${emailAt}].value`;
  }
  const a = p.address?.[0];
  if (a) {
    if (a.line?.length) {
      c.address = [a.line.join(', '), [a.postalCode, a.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', ');
      paths.address = `${at}.address[0].line`;
    }
    if (a.postalCode) {
      c.postcode = a.postalCode.trim();
      paths.postcode = `${at}.address[0].postalCode`;
    }
  }
  const comms = p.communication ?? [];
  const langAt = Math.max(
    comms.findIndex((x) => x.preferred === true),
    0,
  );
  const lang = comms[langAt]?.language.coding?.find((x) => x.code)?.code;
  if (lang) {
    // BCP 47: the primary language subtag ("ar-SY" → "ar").
    c.preferredLanguage = lang.split('-')[0]!.toLowerCase();
    paths.preferredLanguage = `${at}.communication[${langAt}].language`;
  }
  const interpreter = (p.extension ?? []).find((e) => e.url === INTERPRETER_EXTENSION);
  if (interpreter?.valueBoolean !== undefined) c.interpreterNeeded = interpreter.valueBoolean;
  paths.interpreterNeeded = `${at}.extension`;
  return { citizen: c, paths };
}

type Concepts = z.infer<typeof concept>[] | undefined;

/** The codes of one system in a list of CodeableConcepts, each with its FHIRPath. */
function codedIn(concepts: Concepts, system: string, at: string) {
  return (concepts ?? []).flatMap((c, i) =>
    (c.coding ?? []).flatMap((x, j) =>
      x.system === system && x.code
        ? [{ code: x.code, path: `${at}[${i}].coding[${j}].code` }]
        : [],
    ),
  );
}

/** ICD-10 (WHO, or the Danish SKS "D" codes, MedCom's diagnoses) in the reason codes. */
export const ICD10_SYSTEMS = ['http://hl7.org/fhir/sid/icd-10', 'urn:oid:1.2.208.176.2.4'];

function diagnosisCodes(concepts: Concepts): string[] {
  return (concepts ?? []).flatMap((c) =>
    (c.coding ?? [])
      .filter((x) => x.system && ICD10_SYSTEMS.includes(x.system) && x.code)
      .map((x) =>
        x
          .code!.toUpperCase()
          .replace(/^D(?=[A-Z]\d)/, '')
          .replace('.', ''),
      ),
  );
}

/**
 * The chronic conditions of Sundhedsstyrelsen's 2024 standard, from an ICD-10 code: type 2
 * diabetes E11, COPD J44, heart disease I20-I25/I50, cancer C00-C97, osteoporosis M80-M81,
 * anxiety and depression F32-F33/F41, back and joint disorders M15-M19/M40-M54.
 */
export function conditionOfDiagnosis(code: string): string | undefined {
  const letter = code[0];
  const n = Number(code.slice(1, 3));
  if (Number.isNaN(n)) return undefined;
  if (letter === 'E' && n === 11) return 'type2_diabetes';
  if (letter === 'J' && n === 44) return 'copd';
  if (letter === 'I' && ((n >= 20 && n <= 25) || n === 50)) return 'cardiovascular';
  if (letter === 'C' && n <= 97) return 'cancer';
  if (letter === 'M' && (n === 80 || n === 81)) return 'osteoporosis';
  if (letter === 'F' && (n === 32 || n === 33 || n === 41)) return 'anxiety_depression';
  if (letter === 'M' && ((n >= 15 && n <= 19) || (n >= 40 && n <= 54))) return 'musculoskeletal';
  return undefined;
}

/**
 * Reads a transaction Bundle into an IncomingReferral, or the problems found (all of them, each
 * with its FHIRPath). Whether the named HealthcareService exists is the service's to check.
 */
export function readReferralBundle(
  body: unknown,
): { ok: true; referral: IncomingReferral } | { ok: false; problems: BundleProblem[] } {
  const fail = (problems: BundleProblem[]) => ({ ok: false as const, problems });
  const envelope = bundleSchema.safeParse(body);
  if (!envelope.success) return fail(problemsOf(envelope.error, 'Bundle'));
  const entries = envelope.data.entry;
  const problems: BundleProblem[] = [];
  const find = (type: string) => {
    const at = entries.flatMap((e, i) => (e.resource.resourceType === type ? [i] : []));
    if (at.length !== 1)
      problems.push({
        expression: 'Bundle.entry',
        message: `the Bundle needs exactly one ${type} (found ${at.length})`,
        code: 'invariant',
      });
    return at[0];
  };
  entries.forEach((e, i) => {
    if (!['Patient', 'ServiceRequest', 'Task'].includes(e.resource.resourceType))
      problems.push({
        expression: `Bundle.entry[${i}].resource`,
        message: `${e.resource.resourceType} is not accepted in a referral Bundle`,
        code: 'not-supported',
      });
    if (
      e.request.url !== e.resource.resourceType &&
      !e.request.url.startsWith(`${e.resource.resourceType}?`)
    )
      problems.push({
        expression: `Bundle.entry[${i}].request.url`,
        message: `must be ${e.resource.resourceType}`,
        code: 'value',
      });
  });
  const pi = find('Patient');
  const si = find('ServiceRequest');
  const ti = find('Task');
  if (pi === undefined || si === undefined || ti === undefined || problems.length)
    return fail(problems);
  const at = (i: number) => `Bundle.entry[${i}].resource`;
  const patient = patientSchema.safeParse(entries[pi]!.resource);
  const request = serviceRequestSchema.safeParse(entries[si]!.resource);
  const task = taskSchema.safeParse(entries[ti]!.resource);
  if (!patient.success) problems.push(...problemsOf(patient.error, at(pi)));
  if (!request.success) problems.push(...problemsOf(request.error, at(si)));
  if (!task.success) problems.push(...problemsOf(task.error, at(ti)));
  if (!patient.success || !request.success || !task.success) return fail(problems);
  const p = patient.data;
  const sr = request.data;
  const t = task.data;
  const urls = { patient: entries[pi]!.fullUrl, sr: entries[si]!.fullUrl };

  // References inside the Bundle: the request and the Task are about this Patient.
  if (!refersTo(sr.subject.reference, urls.patient))
    problems.push({
      expression: `${at(si)}.subject`,
      message: "must reference the Patient entry's fullUrl",
      code: 'invariant',
    });
  if (!refersTo(t.for.reference, urls.patient))
    problems.push({
      expression: `${at(ti)}.for`,
      message: "must reference the Patient entry's fullUrl",
      code: 'invariant',
    });
  if (!refersTo(t.focus.reference, urls.sr))
    problems.push({
      expression: `${at(ti)}.focus`,
      message: "must reference the ServiceRequest entry's fullUrl",
      code: 'invariant',
    });

  // The service: performer or locationReference naming a HealthcareService.
  const named = [
    ...(sr.performer ?? []).map((r, i) => ({
      id: healthcareServiceId(r.reference),
      path: `${at(si)}.performer[${i}]`,
    })),
    ...(sr.locationReference ?? []).map((r, i) => ({
      id: healthcareServiceId(r.reference),
      path: `${at(si)}.locationReference[${i}]`,
    })),
  ].filter((x) => x.id !== undefined);
  let service: IncomingReferral['service'] | undefined;
  let servicePath = `${at(si)}.performer`;
  if (named.length !== 1) {
    problems.push({
      expression: servicePath,
      message: 'name exactly one HealthcareService (performer or locationReference)',
      code: named.length ? 'invariant' : 'required',
    });
  } else {
    const { id, path } = named[0]!;
    servicePath = path;
    if (id === AFKLARENDE_SAMTALE_ID) service = { kind: 'afklarende_samtale' };
    else if (isUuid(id)) service = { kind: 'offer', offerId: id.toLowerCase() };
    else problems.push({ expression: path, message: `no HealthcareService ${id}`, code: 'value' });
  }

  // Conditional create: If-None-Exist (identifier=system|value) or the Task's identifier.
  const ids = t.identifier.filter((x) => x.system && x.value);
  let ident: { system: string; value: string } | undefined;
  const ifNoneExist = entries[ti]!.request.ifNoneExist;
  if (ifNoneExist !== undefined) {
    const m = /^identifier=([^|&]+)\|([^&]+)$/.exec(ifNoneExist.trim());
    const wanted = m && { system: decodeURIComponent(m[1]!), value: decodeURIComponent(m[2]!) };
    if (!wanted || !ids.some((x) => x.system === wanted.system && x.value === wanted.value))
      problems.push({
        expression: `Bundle.entry[${ti}].request.ifNoneExist`,
        message: 'must be identifier=system|value naming one of the Task identifiers',
        code: 'value',
      });
    else ident = wanted;
  } else if (ids[0]) ident = { system: ids[0].system!, value: ids[0].value! };
  else
    problems.push({
      expression: `${at(ti)}.identifier`,
      message: 'needs a system and a value',
      code: 'required',
    });

  const srAt = at(si);
  const topics = codedIn(sr.reasonCode, TOPIC_SYSTEM, `${srAt}.reasonCode`);
  const reasons = codedIn(sr.reasonCode, REASON_SYSTEM, `${srAt}.reasonCode`);
  const needCodes = codedIn(sr.orderDetail, NEED_SYSTEM, `${srAt}.orderDetail`);
  for (const c of topics)
    if (!(TOPICS as readonly string[]).includes(c.code))
      problems.push({ expression: c.path, message: `unknown topic ${c.code}`, code: 'value' });
  for (const c of reasons)
    if (c.code !== 'pregnancy' && !(CONDITIONS as readonly string[]).includes(c.code))
      problems.push({
        expression: c.path,
        message: `unknown referral reason ${c.code}`,
        code: 'value',
      });
  for (const c of needCodes)
    if (!(NEEDS as readonly string[]).includes(c.code))
      problems.push({
        expression: c.path,
        message: `unknown special need ${c.code}`,
        code: 'value',
      });
  if (problems.length || !service || !ident) return fail(problems);
  const { citizen, paths } = citizenFromPatient(p, at(pi));
  const needs = needCodes.map((c) => c.code);
  if (citizen.interpreterNeeded && !needs.includes('interpreter')) needs.push('interpreter');
  const conditions = new Set(reasons.map((c) => c.code).filter((c) => c !== 'pregnancy'));
  for (const c of diagnosisCodes(sr.reasonCode)) {
    const condition = conditionOfDiagnosis(c);
    if (condition) conditions.add(condition);
  }
  return {
    ok: true,
    referral: {
      citizen,
      citizenPaths: paths,
      service,
      servicePath,
      topics: [...new Set(topics.map((c) => c.code))],
      conditions: [...conditions],
      pregnant: reasons.some((c) => c.code === 'pregnancy'),
      needs,
      note: (sr.note ?? [])
        .map((n) => n.text.trim())
        .filter(Boolean)
        .join('\n\n'),
      consentAt: new Date(sr.authoredOn),
      identifier: ident,
      entries: entries.map((e) => ({
        resourceType: e.resource.resourceType as 'Patient' | 'ServiceRequest' | 'Task',
      })),
    },
  };
}
