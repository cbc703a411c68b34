/**
 * Keeping sign-ups no longer than we promise in the consent text: deleted 30 days after their
 * offer is retired, and at the latest a year after sign-up. Runs daily in the server and on
 * demand (`lighed purge`). Each deletion is audited, per municipality (row-level security).
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { deleteExpiredSignups } from './signup.store.ts';

export const RETENTION = { afterRetiredDays: 30, maxDays: 365 } as const;

export async function purgeExpiredSignups(db: Db, now = new Date()): Promise<number> {
  const tenants = await listTenants(db);
  let total = 0;
  for (const { kommune } of tenants) {
    total += await inTenant(db, kommune, async (tx) => {
      const gone = await deleteExpiredSignups(tx, now, RETENTION);
      await audit(
        tx,
        { kommune, actorId: null, actorRole: 'system', requestId: 'retention' },
        gone.map((id) => ({
          action: 'delete' as const,
          entity: 'signup',
          entityId: id,
          summary: 'retention period ended',
        })),
      );
      return gone.length;
    });
  }
  return total;
}
