import type { AuditAction } from '../platform/audit.store.ts';

/** The actions the audit search filters on, in the order its select lists them. */
export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
] as const satisfies readonly AuditAction[];
