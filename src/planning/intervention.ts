/**
 * Interventions (indsatser): the vocabulary and the form's rules, pure. An intervention is a
 * programme or a policy owned by one department; structural ones (smoke-free school hours) have
 * no sign-up.
 */
import type { FieldProblem } from '../platform/errors.ts';
import type { Translate } from '../web/i18n.ts';

export const DEPARTMENTS = [
  'health',
  'employment',
  'social',
  'children_youth',
  'schools',
  'culture_leisure',
  'planning_environment',
  'elderly',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const isDepartment = (v: unknown): v is Department =>
  typeof v === 'string' && (DEPARTMENTS as readonly string[]).includes(v);

export function departmentLabel(d: Department, t: Translate): string {
  return t(`planning.department.${d}`);
}

export const INTERVENTION_TYPES = ['individual', 'group', 'structural'] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

export const INTERVENTION_STATUSES = ['idea', 'planned', 'running', 'ended', 'stopped'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const EVIDENCE_LEVELS = ['none', 'weak', 'moderate', 'strong'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** The health administration's roles (Sundhedsstyrelsen 2009). */
export const HEALTH_ROLES = ['faglig_ressource', 'facilitator', 'tilrettelaegger'] as const;
export type HealthRole = (typeof HEALTH_ROLES)[number];

export interface TargetGroup {
  dimension?: string;
  group?: string;
  riskFactor?: string;
}

export interface InterventionSummary {
  id: string;
  name: string;
  purpose: string;
  department: Department;
  type: InterventionType;
  status: InterventionStatus;
  offerIds: string[];
  recommendationIds: string[];
  evidenceLevel: EvidenceLevel;
  hasEvaluation: boolean;
  published: boolean;
  targetGroups: TargetGroup[];
}

export interface InterventionDetail extends InterventionSummary {
  arenas: string[];
  healthRoles: HealthRole[];
  evidenceSources: string;
  startDate: string | null;
  endDate: string | null;
  evaluation: string;
  version: number;
  publishedAt: string | null;
  /** Set when the intervention was copied from another municipality's published one. */
  copiedFrom: { kommune: string; id: string } | null;
  updatedAt: string;
}

/** What create and edit take. Minimal valid input: name, purpose, department, type. */
export interface InterventionInput {
  name: string;
  purpose: string;
  department: Department;
  type: InterventionType;
  status?: InterventionStatus;
  arenas?: string[];
  targetGroups?: TargetGroup[];
  offerIds?: string[];
  healthRoles?: HealthRole[];
  evidenceLevel?: EvidenceLevel;
  evidenceSources?: string;
  startDate?: string | null;
  endDate?: string | null;
  evaluation?: string;
}

// ---- the form ------------------------------------------------------------------------------------

/** The intervention form as posted: strings and lists of strings, kept as typed on an error. */
export interface InterventionForm {
  name: string;
  purpose: string;
  department: string;
  type: string;
  status: string;
  arenas: string[];
  /** `dimension:group` codes of the monitor's social groups. */
  groups: string[];
  riskFactors: string[];
  offerIds: string[];
  healthRoles: string[];
  evidenceLevel: string;
  evidenceSources: string;
  startDate: string;
  endDate: string;
  evaluation: string;
  version: string;
}

const str = (b: Record<string, unknown>, k: string) =>
  typeof b[k] === 'string' ? b[k].trim() : '';
const list = (b: Record<string, unknown>, k: string): string[] => {
  const v = b[k];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(all.filter((x): x is string => typeof x === 'string' && x !== ''))];
};

export function readInterventionForm(b: Record<string, unknown>): InterventionForm {
  return {
    name: str(b, 'name'),
    purpose: str(b, 'purpose'),
    department: str(b, 'department'),
    type: str(b, 'type'),
    status: str(b, 'status') || 'idea',
    arenas: list(b, 'arenas'),
    groups: list(b, 'groups'),
    riskFactors: list(b, 'riskFactors'),
    offerIds: list(b, 'offerIds'),
    healthRoles: list(b, 'healthRoles'),
    evidenceLevel: str(b, 'evidenceLevel') || 'none',
    evidenceSources: str(b, 'evidenceSources'),
    startDate: str(b, 'startDate'),
    endDate: str(b, 'endDate'),
    evaluation: str(b, 'evaluation'),
    version: str(b, 'version'),
  };
}

export const emptyInterventionForm = (department = ''): InterventionForm => ({
  name: '',
  purpose: '',
  department,
  type: '',
  status: 'idea',
  arenas: [],
  groups: [],
  riskFactors: [],
  offerIds: [],
  healthRoles: [],
  evidenceLevel: 'none',
  evidenceSources: '',
  startDate: '',
  endDate: '',
  evaluation: '',
  version: '',
});

/** Groups and risk factors as the form's two lists (the reverse of `targetGroupsOf`). */
export function formOfIntervention(d: InterventionDetail): InterventionForm {
  const groups = new Set<string>();
  const risks = new Set<string>();
  for (const g of d.targetGroups) {
    if (g.dimension && g.group) groups.add(`${g.dimension}:${g.group}`);
    if (g.riskFactor) risks.add(g.riskFactor);
  }
  return {
    name: d.name,
    purpose: d.purpose,
    department: d.department,
    type: d.type,
    status: d.status,
    arenas: d.arenas,
    groups: [...groups],
    riskFactors: [...risks],
    offerIds: d.offerIds,
    healthRoles: d.healthRoles,
    evidenceLevel: d.evidenceLevel,
    evidenceSources: d.evidenceSources,
    startDate: d.startDate ?? '',
    endDate: d.endDate ?? '',
    evaluation: d.evaluation,
    version: String(d.version),
  };
}

/**
 * The target groups from the form's two lists: each social group for each risk factor (daily
 * smokers with grundskole as highest education), or either list alone.
 */
export function targetGroupsOf(groups: readonly string[], risks: readonly string[]): TargetGroup[] {
  const gs = groups.map((g) => {
    const i = g.indexOf(':');
    return { dimension: g.slice(0, i), group: g.slice(i + 1) };
  });
  if (gs.length === 0) return risks.map((riskFactor) => ({ riskFactor }));
  if (risks.length === 0) return gs;
  return gs.flatMap((g) => risks.map((riskFactor) => ({ ...g, riskFactor })));
}

const GROUP_CODE = /^[A-Za-z0-9_-]{1,40}:[A-Za-z0-9_.-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const isUuidText = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const oneOf = <T extends string>(all: readonly T[], v: string): v is T =>
  (all as readonly string[]).includes(v);

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Checks the form against the vocabularies; `arenas` and `riskFactors` are the catalog's, passed
 * in so this file stays pure and the catalog's lists stay the one source.
 */
export function checkInterventionForm(
  f: InterventionForm,
  vocab: { arenas: readonly string[]; riskFactors: readonly string[] },
): Checked<InterventionInput> {
  const problems: FieldProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!f.name) bad('name', 'planning.error.nameRequired');
  else if (f.name.length > 200) bad('name', 'planning.error.nameTooLong');
  if (!f.purpose) bad('purpose', 'planning.error.purposeRequired');
  else if (f.purpose.length > 4000) bad('purpose', 'planning.error.tooLong');
  if (!isDepartment(f.department)) bad('department', 'planning.error.departmentRequired');
  if (!oneOf(INTERVENTION_TYPES, f.type)) bad('type', 'planning.error.typeRequired');
  if (!oneOf(INTERVENTION_STATUSES, f.status)) bad('status', 'planning.error.status');
  if (f.arenas.some((a) => !vocab.arenas.includes(a))) bad('arenas', 'planning.error.arenas');
  if (f.groups.some((g) => !GROUP_CODE.test(g))) bad('groups', 'planning.error.groups');
  if (f.riskFactors.some((r) => !vocab.riskFactors.includes(r)))
    bad('riskFactors', 'planning.error.riskFactors');
  if (f.offerIds.some((o) => !isUuidText(o))) bad('offerIds', 'planning.error.offers');
  if (f.type === 'structural' && f.offerIds.length > 0)
    bad('offerIds', 'planning.error.structuralOffers');
  if (f.healthRoles.some((r) => !oneOf(HEALTH_ROLES, r)))
    bad('healthRoles', 'planning.error.healthRoles');
  if (!oneOf(EVIDENCE_LEVELS, f.evidenceLevel)) bad('evidenceLevel', 'planning.error.evidence');
  if (f.evidenceSources.length > 4000) bad('evidenceSources', 'planning.error.tooLong');
  if (f.startDate && !validDate(f.startDate)) bad('startDate', 'planning.error.date');
  if (f.endDate && !validDate(f.endDate)) bad('endDate', 'planning.error.date');
  else if (f.endDate && f.startDate && validDate(f.startDate) && f.endDate < f.startDate)
    bad('endDate', 'planning.error.endBeforeStart');
  if (f.evaluation.length > 8000) bad('evaluation', 'planning.error.tooLong');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: f.name,
      purpose: f.purpose,
      department: f.department as Department,
      type: f.type as InterventionType,
      status: f.status as InterventionStatus,
      arenas: f.arenas,
      targetGroups: targetGroupsOf(f.groups, f.riskFactors),
      offerIds: f.offerIds,
      healthRoles: f.healthRoles as HealthRole[],
      evidenceLevel: f.evidenceLevel as EvidenceLevel,
      evidenceSources: f.evidenceSources,
      startDate: f.startDate || null,
      endDate: f.endDate || null,
      evaluation: f.evaluation,
    },
  };
}

/** A programmatic input (the demo seed, other domains) as the form would have posted it. */
export function formOfInput(i: InterventionInput): InterventionForm {
  const groups = new Set<string>();
  const risks = new Set<string>();
  for (const g of i.targetGroups ?? []) {
    if (g.dimension && g.group) groups.add(`${g.dimension}:${g.group}`);
    if (g.riskFactor) risks.add(g.riskFactor);
  }
  return {
    ...emptyInterventionForm(i.department),
    name: i.name,
    purpose: i.purpose,
    type: i.type,
    status: i.status ?? 'idea',
    arenas: i.arenas ?? [],
    groups: [...groups],
    riskFactors: [...risks],
    offerIds: i.offerIds ?? [],
    healthRoles: i.healthRoles ?? [],
    evidenceLevel: i.evidenceLevel ?? 'none',
    evidenceSources: i.evidenceSources ?? '',
    startDate: i.startDate ?? '',
    endDate: i.endDate ?? '',
    evaluation: i.evaluation ?? '',
  };
}
