/**
 * The FHIR API's use cases for an authenticated API client: HealthcareService read and search
 * (the catalog's published offers of the client's municipality, and its afklarende samtale),
 * a referral Bundle in (through the referrals domain's createReferral), and Task read, search
 * and update (getReferral, listReferrals, transitionReferral). Every failure is a FhirError.
 */
import { inTenant, type Db } from '../db/db.ts';
import { getOfferDetail, getOfferDetails, listOffersForStaff } from '../catalog/index.ts';
import { citizenInputSchema } from '../people/index.ts';
import { LighedError } from '../platform/errors.ts';
import {
  createReferral,
  getReferral,
  listReferrals,
  referralErrorCode,
  ReferralError,
  transitionReferral,
  type NewReferral,
  type ReferralActor,
  type ReferralNeeds,
  type ReferralView,
} from '../referrals/index.ts';
import { translator } from '../web/i18n.ts';
import { readReferralBundle, type BundleProblem, type IncomingReferral } from './bundle.ts';
import {
  afklarendeSamtale,
  matchesSearch,
  offerToHealthcareService,
  parseServiceSearch,
  type HealthcareService,
} from './healthcare-service.ts';
import type { ApiPrincipal } from './oauth.service.ts';
import { FhirError, fhirError, notFoundOutcome, toFhirError, type Issue } from './outcome.ts';
import {
  etagOf,
  matchesTaskSearch,
  parseTaskSearch,
  readTaskUpdate,
  referralToTask,
  updatedSinceOf,
} from './task.ts';
import { AFKLARENDE_SAMTALE_ID } from './vocabulary.ts';

export interface FhirCall {
  db: Db;
  client: ApiPrincipal;
  requestId: string;
  kommuneName: string;
  /** The base URL (https://host/fhir) for fullUrl and Bundle links. */
  base: string;
}

const actorOf = (c: FhirCall): ReferralActor => ({
  kind: 'client',
  clientId: c.client.clientId,
  kommune: c.client.kommune,
  role: c.client.role,
  organizationId: c.client.organizationId,
  requestId: c.requestId,
});

const issuesOf = (problems: BundleProblem[]): Issue[] =>
  problems.map((p) => ({
    severity: 'error',
    code: p.code,
    diagnostics: p.message,
    expression: [p.expression],
  }));

export const searchset = (
  base: string,
  self: string,
  resources: { id: string }[],
  type: string,
) => ({
  resourceType: 'Bundle' as const,
  type: 'searchset' as const,
  total: resources.length,
  link: [{ relation: 'self', url: self }],
  entry: resources.map((r) => ({
    fullUrl: `${base}/${type}/${r.id}`,
    resource: r,
    search: { mode: 'match' as const },
  })),
});

// ---- HealthcareService ------------------------------------------------------------------------

async function publishedOffer(c: FhirCall, id: string): Promise<HealthcareService | undefined> {
  const offer = await inTenant(c.db, c.client.kommune, (tx) => getOfferDetail(tx, id));
  // Other municipalities' published offers are readable in the catalog; not through this API.
  if (!offer || offer.status !== 'published' || offer.kommune !== c.client.kommune)
    return undefined;
  return offerToHealthcareService(offer);
}

export async function readHealthcareService(c: FhirCall, id: string): Promise<HealthcareService> {
  if (id === AFKLARENDE_SAMTALE_ID) return afklarendeSamtale(c.kommuneName);
  const s = await publishedOffer(c, id.toLowerCase());
  if (!s) throw notFoundOutcome(`HealthcareService/${id}`);
  return s;
}

export async function searchHealthcareServices(c: FhirCall, query: Record<string, unknown>) {
  const parsed = parseServiceSearch(query);
  if ('problem' in parsed)
    throw fhirError(400, 'not-supported', parsed.problem.message, {
      expression: [parsed.problem.param],
    });
  const { search } = parsed;
  const all = await inTenant(c.db, c.client.kommune, async (tx) => {
    const rows = await listOffersForStaff(tx, c.client.kommune, null);
    const published = rows.filter((x) => x.status === 'published').map((r) => r.id);
    const offers = await getOfferDetails(tx, published);
    return [
      afklarendeSamtale(c.kommuneName),
      ...offers.filter((o) => o.status === 'published').map(offerToHealthcareService),
    ];
  });
  return all.filter((s) => matchesSearch(s, search));
}

// ---- referral in --------------------------------------------------------------------------------

/** Where a referrals-domain field problem points in the Bundle. */
function pathOfField(r: IncomingReferral, field: string, at: { sr: string; task: string }): string {
  const head = field.split('.')[0]!;
  const citizenField = field.startsWith('citizen.') ? field.slice(8) : head;
  const cp = r.citizenPaths[citizenField as keyof IncomingReferral['citizenPaths']];
  if (cp) return cp;
  switch (head) {
    case 'offerId':
    case 'requestedService':
      return r.servicePath;
    case 'reason':
      return `${at.sr}.reasonCode`;
    case 'needs':
      return `${at.sr}.orderDetail`;
    case 'note':
      return `${at.sr}.note`;
    case 'consent':
      return `${at.sr}.authoredOn`;
    case 'identifier':
      return `${at.task}.identifier`;
    default:
      return 'Bundle';
  }
}

const en = translator('en');
/** A message key of another domain in English words (the API's language); else as given. */
const words = (m: string) => {
  const w = en(m);
  return w && w !== m ? w : m;
};

export function toNewReferral(r: IncomingReferral): NewReferral {
  const needs: Partial<ReferralNeeds> = {
    interpreter: r.needs.includes('interpreter'),
    handHeld: r.needs.includes('handHeld'),
    transport: r.needs.includes('transport'),
    mobility: r.needs.includes('mobility'),
  };
  if (needs.interpreter && r.citizen.preferredLanguage !== 'da')
    needs.interpreterLanguage = r.citizen.preferredLanguage;
  return {
    citizen: r.citizen,
    requestedService: r.service.kind,
    ...(r.service.kind === 'offer' ? { offerId: r.service.offerId } : {}),
    reason: {
      topics: r.topics,
      conditions: r.conditions as NonNullable<NewReferral['reason']['conditions']>,
      pregnant: r.pregnant,
    },
    needs,
    note: r.note,
    consentAt: r.consentAt,
    identifier: r.identifier,
  };
}

/**
 * POST /fhir with a transaction Bundle: one referral. A repeated POST with the same Task
 * identifier creates nothing new and answers with the existing resources (200 instead of 201).
 */
export async function postReferralBundle(c: FhirCall, body: unknown) {
  if (c.client.role !== 'referrer')
    throw fhirError(403, 'forbidden', 'Only a referrer client may post referrals');
  const read = readReferralBundle(body);
  if (!read.ok) throw new FhirError(400, issuesOf(read.problems));
  const r = read.referral;
  const entryAt = (type: string) =>
    `Bundle.entry[${r.entries.findIndex((e) => e.resourceType === type)}].resource`;
  const at = { sr: entryAt('ServiceRequest'), task: entryAt('Task') };
  // The citizen as the people domain will read it, so its problems name the Patient's elements.
  const citizen = citizenInputSchema.safeParse(r.citizen);
  if (!citizen.success)
    throw new FhirError(
      422,
      citizen.error.issues.map((i) => ({
        severity: 'error',
        code: 'value',
        diagnostics: words(i.message),
        expression: [pathOfField(r, String(i.path[0] ?? ''), at)],
      })),
    );
  if (r.service.kind === 'offer' && !(await publishedOffer(c, r.service.offerId)))
    throw fhirError(422, 'not-found', `no HealthcareService ${r.service.offerId} here`, {
      expression: [r.servicePath],
    });
  let made: { id: string; version: number; created: boolean };
  try {
    made = await createReferral(c.db, actorOf(c), toNewReferral(r));
  } catch (err) {
    if (err instanceof LighedError && err.code === 'LIGHED_ERR_VALIDATION' && err.problems.length)
      throw new FhirError(
        422,
        err.problems.map((p) => ({
          severity: 'error',
          code: 'value',
          diagnostics: words(p.message),
          expression: [pathOfField(r, p.path, at)],
        })),
      );
    throw toFhirError(err);
  }
  const view = await getReferral(c.db, actorOf(c), made.id);
  const status = made.created ? '201 Created' : '200 OK';
  const lastModified = view.updatedAt.toISOString();
  const location = (type: string) =>
    type === 'Patient'
      ? `Patient/${view.citizenId}`
      : type === 'ServiceRequest'
        ? `ServiceRequest/${view.id}`
        : `Task/${view.id}/_history/${view.version}`;
  return {
    created: made.created,
    bundle: {
      resourceType: 'Bundle' as const,
      type: 'transaction-response' as const,
      entry: r.entries.map((e) => ({
        response: {
          status,
          location: location(e.resourceType),
          ...(e.resourceType === 'Task' ? { etag: etagOf(view.version) } : {}),
          lastModified,
        },
      })),
    },
  };
}

// ---- Task -----------------------------------------------------------------------------------------

const taskOf = (v: ReferralView) => referralToTask({ ...v, closingNote: v.closingNote });

async function view(c: FhirCall, id: string): Promise<ReferralView> {
  try {
    return await getReferral(c.db, actorOf(c), id);
  } catch (err) {
    // Another municipality's, another organisation's, or none: all the same 404.
    if (
      referralErrorCode(err) === 'not_found' ||
      (err as LighedError).code === 'LIGHED_ERR_NOT_FOUND'
    )
      throw notFoundOutcome(`Task/${id}`);
    throw toFhirError(err);
  }
}

export async function readTask(c: FhirCall, id: string) {
  const v = await view(c, id);
  return { task: taskOf(v), version: v.version };
}

export async function searchTasks(c: FhirCall, query: Record<string, unknown>) {
  const parsed = parseTaskSearch(query);
  if (!parsed.ok)
    throw fhirError(400, 'not-supported', parsed.message, { expression: [parsed.param] });
  const s = parsed.search;
  const since = updatedSinceOf(s);
  const list = await listReferrals(c.db, actorOf(c), {
    ...(s.statuses ? { status: s.statuses } : {}),
    ...(since ? { updatedSince: since } : {}),
  });
  return list.filter((r) => matchesTaskSearch(r, s)).map(taskOf);
}

const PATH_OF_TRANSITION_FIELD: Record<string, string> = {
  status: 'Task.status',
  reasonCode: 'Task.statusReason',
  reasonText: 'Task.statusReason.text',
  closingNote: 'Task.output',
  date: 'Task.output',
};

/**
 * PUT /fhir/Task/{id} with If-Match: W/"version". A stale version is 412; a status the
 * client's party may not set from here is 422 naming the transition; a change that only
 * repeats the current status is answered with the Task as it is.
 */
export async function updateTask(
  c: FhirCall,
  id: string,
  ifMatch: number | undefined,
  body: unknown,
) {
  const read = readTaskUpdate(id, body);
  if (!read.ok) throw new FhirError(400, issuesOf(read.problems));
  if (ifMatch === undefined)
    throw fhirError(412, 'conflict', 'Send If-Match: W/"<version>" (the Task\'s meta.versionId)');
  const current = await view(c, id);
  if (current.version !== ifMatch)
    throw fhirError(412, 'conflict', `The Task is at version ${current.version}, not ${ifMatch}`);
  const u = read.update;
  if (u.to === current.status) return { task: taskOf(current), version: current.version };
  try {
    const next = await transitionReferral(c.db, actorOf(c), id, {
      to: u.to,
      expectedVersion: ifMatch,
      ...(u.reasonCode ? { reasonCode: u.reasonCode } : {}),
      ...(u.reasonText ? { reasonText: u.reasonText } : {}),
      ...(u.closingNote ? { detail: { closingNote: u.closingNote } } : {}),
    });
    return { task: taskOf(next), version: next.version };
  } catch (err) {
    const code = referralErrorCode(err);
    if (code === 'referral.stale') {
      const now = (err as ReferralError).current?.version;
      throw fhirError(
        412,
        'conflict',
        `The Task changed meanwhile${now !== undefined ? ` (now version ${now})` : ''}`,
      );
    }
    if (code === 'referral.transition')
      throw fhirError(
        422,
        'business-rule',
        `Transition ${current.status} → ${u.to} is not allowed for this client`,
        { expression: ['Task.status'] },
      );
    if (code === 'not_found') throw notFoundOutcome(`Task/${id}`);
    if (err instanceof LighedError && err.code === 'LIGHED_ERR_VALIDATION')
      throw new FhirError(
        422,
        (err.problems.length ? err.problems : [{ path: 'status', message: err.message }]).map(
          (p) => ({
            severity: 'error' as const,
            code: 'business-rule' as const,
            diagnostics: words(p.message),
            expression: [PATH_OF_TRANSITION_FIELD[p.path] ?? 'Task'],
          }),
        ),
      );
    throw toFhirError(err);
  }
}
