/** The audit page's one use case: search the municipality's audit log. */
import { inTenant, type Db } from '../db/db.ts';
import { searchAudit, type AuditRow, type AuditSearch } from './audit.store.ts';

export function searchAuditLog(db: Db, kommune: string, search: AuditSearch): Promise<AuditRow[]> {
  return inTenant(db, kommune, (tx) => searchAudit(tx, search));
}
