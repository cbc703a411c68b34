/**
 * A referral as a FHIR R4 Task (HL7 SDOH Clinical Care "Task for referral management"), and a
 * provider's PUT of that Task read back into a transition (pure). Task id = ServiceRequest id =
 * the referral's id; the Task's version is the referral's version (ETag W/"version").
 */
import { z } from 'zod';
import { fhirPath, type BundleProblem } from './bundle.ts';
import {
  CLOSING_NOTE_SYSTEM,
  STATUS_REASON_SYSTEM,
  TASK_CODE_SYSTEM,
  type ClosingNotePart,
} from './vocabulary.ts';

export const TASK_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'entered-in-error',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface ClosingNote {
  outcome: string;
  sessionsAttended: number;
  agreed: string;
  nextStep: string;
}

/** What the Task is made from: the fields of the referrals domain's ReferralView it needs. */
export interface ReferralForTask {
  id: string;
  status: string;
  statusReason: { code: string; text?: string | null | undefined } | null;
  version: number;
  requestedService: string;
  offerId: string | null;
  ownerOrgId: string | null;
  requesterOrgId: string | null;
  requesterClientId: string | null;
  identifier: { system: string; value: string } | null;
  citizenId: string;
  createdAt: Date;
  updatedAt: Date;
  closingNote: ClosingNote | null;
}

const outputType = (part: ClosingNotePart) => ({
  coding: [{ system: CLOSING_NOTE_SYSTEM, code: part }],
});

export function closingNoteOutput(note: ClosingNote) {
  return [
    {
      type: outputType('outcome'),
      valueCodeableConcept: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: note.outcome }] },
    },
    { type: outputType('sessions-attended'), valueInteger: note.sessionsAttended },
    ...(note.agreed ? [{ type: outputType('agreed'), valueString: note.agreed }] : []),
    ...(note.nextStep ? [{ type: outputType('next-step'), valueString: note.nextStep }] : []),
  ];
}

export const etagOf = (version: number) => `W/"${version}"`;

export function referralToTask(r: ReferralForTask) {
  return {
    resourceType: 'Task' as const,
    id: r.id,
    meta: {
      versionId: String(r.version),
      lastUpdated: r.updatedAt.toISOString(),
      profile: [
        'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement',
      ],
    },
    ...(r.identifier
      ? { identifier: [{ system: r.identifier.system, value: r.identifier.value }] }
      : {}),
    status: r.status,
    ...(r.statusReason
      ? {
          statusReason: {
            coding: [{ system: STATUS_REASON_SYSTEM, code: r.statusReason.code }],
            ...(r.statusReason.text ? { text: r.statusReason.text } : {}),
          },
        }
      : {}),
    intent: 'order' as const,
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: 'fulfill' }] },
    focus: { reference: `ServiceRequest/${r.id}` },
    for: { reference: `Patient/${r.citizenId}` },
    authoredOn: r.createdAt.toISOString(),
    lastModified: r.updatedAt.toISOString(),
    ...(r.requesterOrgId ? { requester: { reference: `Organization/${r.requesterOrgId}` } } : {}),
    ...(r.ownerOrgId ? { owner: { reference: `Organization/${r.ownerOrgId}` } } : {}),
    ...(r.closingNote && (r.status === 'completed' || r.status === 'failed')
      ? { output: closingNoteOutput(r.closingNote) }
      : {}),
  };
}

// ---- the provider's update ------------------------------------------------------------------

const concept = z.object({
  coding: z
    .array(z.object({ system: z.string().optional(), code: z.string().optional() }))
    .optional(),
  text: z.string().optional(),
});

const outputSchema = z.object({
  type: concept,
  valueString: z.string().optional(),
  valueInteger: z.number().int().min(0).optional(),
  valueCodeableConcept: concept.optional(),
});

const putTaskSchema = z.object({
  resourceType: z.literal('Task'),
  id: z.string(),
  status: z.enum(TASK_STATUSES),
  statusReason: concept.optional(),
  output: z.array(outputSchema).optional(),
});

export interface TaskUpdate {
  to: TaskStatus;
  reasonCode?: string;
  reasonText?: string;
  closingNote?: ClosingNote;
}

const partOf = (o: z.infer<typeof outputSchema>): string | undefined =>
  o.type.coding?.find((c) => c.system === CLOSING_NOTE_SYSTEM)?.code;

/**
 * The PUT body as a transition: the new status, its reason, and on completion or failure the
 * closing note from Task.output. Other elements are not changed (CapabilityStatement says so).
 */
export function readTaskUpdate(
  id: string,
  body: unknown,
): { ok: true; update: TaskUpdate } | { ok: false; problems: BundleProblem[] } {
  const parsed = putTaskSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        expression: fhirPath('Task', i.path),
        message: i.message,
        code: i.input === undefined ? 'required' : 'value',
      })),
    };
  const t = parsed.data;
  const problems: BundleProblem[] = [];
  if (t.id !== id)
    problems.push({
      expression: 'Task.id',
      message: 'must be the id in the URL',
      code: 'invariant',
    });
  const update: TaskUpdate = { to: t.status };
  const reason = t.statusReason?.coding?.find((c) => c.system === STATUS_REASON_SYSTEM)?.code;
  if (reason) update.reasonCode = reason;
  if (t.statusReason?.text?.trim()) update.reasonText = t.statusReason.text.trim();
  if (t.statusReason && !reason && update.reasonText)
    // Text only: the fixed list's "other", with the text.
    update.reasonCode = 'other';
  if ((t.status === 'completed' || t.status === 'failed') && t.output?.length) {
    const find = (part: ClosingNotePart) => {
      const i = t.output!.findIndex((o) => partOf(o) === part);
      return { i, o: i >= 0 ? t.output![i] : undefined };
    };
    const outcome = find('outcome');
    const sessions = find('sessions-attended');
    const outcomeCode = outcome.o?.valueCodeableConcept?.coding?.find(
      (c) => c.system === CLOSING_NOTE_SYSTEM,
    )?.code;
    if (!outcomeCode)
      problems.push({
        expression:
          outcome.i >= 0 ? `Task.output[${outcome.i}].valueCodeableConcept` : 'Task.output',
        message: `the closing note needs an output of type ${CLOSING_NOTE_SYSTEM}|outcome with a valueCodeableConcept`,
        code: 'required',
      });
    if (sessions.o?.valueInteger === undefined)
      problems.push({
        expression: sessions.i >= 0 ? `Task.output[${sessions.i}].valueInteger` : 'Task.output',
        message: `the closing note needs an output of type ${CLOSING_NOTE_SYSTEM}|sessions-attended with a valueInteger`,
        code: 'required',
      });
    if (outcomeCode && sessions.o?.valueInteger !== undefined)
      update.closingNote = {
        outcome: outcomeCode,
        sessionsAttended: sessions.o.valueInteger,
        agreed: find('agreed').o?.valueString?.trim() ?? '',
        nextStep: find('next-step').o?.valueString?.trim() ?? '',
      };
  }
  return problems.length ? { ok: false, problems } : { ok: true, update };
}

/** If-Match: W/"3" (or "3") → 3. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header ?? '');
  return m ? Number(m[1]) : undefined;
}

// ---- search ----------------------------------------------------------------------------------

export interface TaskSearch {
  statuses?: TaskStatus[];
  lastUpdated?: { prefix: 'eq' | 'gt' | 'ge' | 'lt' | 'le'; at: Date; precisionMs: number }[];
}

/** `status=a,b` and `_lastUpdated=ge2026-01-01` (repeatable; each must hold). */
export function parseTaskSearch(
  query: Record<string, unknown>,
): { ok: true; search: TaskSearch } | { ok: false; param: string; message: string } {
  const search: TaskSearch = {};
  for (const [key, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (key === 'status') {
      const codes = values.flatMap((v) => v.split(',')).map((s) => s.trim());
      const bad = codes.find((c) => !(TASK_STATUSES as readonly string[]).includes(c));
      if (bad !== undefined)
        return { ok: false, param: key, message: `unknown Task status "${bad}"` };
      search.statuses = codes as TaskStatus[];
    } else if (key === '_lastUpdated') {
      search.lastUpdated = [];
      for (const v of values) {
        const m =
          /^(eq|gt|ge|lt|le)?(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)$/.exec(
            v.trim(),
          );
        const at = m ? new Date(m[2]!.length === 10 ? `${m[2]}T00:00:00Z` : m[2]!) : undefined;
        if (!m || !at || Number.isNaN(at.getTime()))
          return {
            ok: false,
            param: key,
            message: 'use a prefix (eq, gt, ge, lt, le) and a date or dateTime with zone',
          };
        // A date is the whole day; a dateTime to the second.
        const precisionMs = m[2]!.length === 10 ? 86_400_000 : 1000;
        search.lastUpdated.push({ prefix: (m[1] ?? 'eq') as 'eq', at, precisionMs });
      }
    } else if (!['_format', '_count', '_summary'].includes(key)) {
      return { ok: false, param: key, message: `unsupported search parameter ${key}` };
    }
  }
  return { ok: true, search };
}

/** Does a referral pass the search? (`updatedSince` in the store narrows; this decides.) */
export function matchesTaskSearch(r: { status: string; updatedAt: Date }, s: TaskSearch): boolean {
  if (s.statuses && !s.statuses.includes(r.status as TaskStatus)) return false;
  for (const { prefix, at, precisionMs } of s.lastUpdated ?? []) {
    const t = r.updatedAt.getTime();
    const start = at.getTime();
    const end = start + precisionMs;
    const ok =
      prefix === 'gt'
        ? t >= end
        : prefix === 'ge'
          ? t >= start
          : prefix === 'lt'
            ? t < start
            : prefix === 'le'
              ? t < end
              : t >= start && t < end;
    if (!ok) return false;
  }
  return true;
}

/** The earliest time a match can have been updated, for the store's `updatedSince`. */
export function updatedSinceOf(s: TaskSearch): Date | undefined {
  const lows = (s.lastUpdated ?? [])
    .filter((l) => l.prefix !== 'lt' && l.prefix !== 'le')
    .map((l) => (l.prefix === 'gt' ? l.at.getTime() + l.precisionMs : l.at.getTime()));
  return lows.length ? new Date(Math.max(...lows)) : undefined;
}
