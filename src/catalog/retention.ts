/**
 * Keeping sign-ups no longer than we promise in the consent text: deleted 30 days after their
 * offer is retired, and at the latest a year after sign-up. Runs daily in the server and on
 * demand (`lighed purge`). Each deletion is audited, per municipality (row-level security).
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';

export const RETENTION = { afterRetiredDays: 30, maxDays: 365 } as const;

export async function purgeExpiredSignups(db: Db, now = new Date()): Promise<number> {
  const tenants = await db.query<{ kommune: string }>('select kommune from tenant');
  let total = 0;
  for (const { kommune } of tenants) {
    total += await inTenant(db, kommune, async (tx) => {
      const gone = await tx.query<{ id: string }>(
        `delete from signup s using offer o
          where o.id = s.offer_id
            and (s.created_at < $1::timestamptz - make_interval(days => $2)
                 or (o.status = 'retired' and o.updated_at < $1::timestamptz - make_interval(days => $3)))
          returning s.id`,
        [now.toISOString(), RETENTION.maxDays, RETENTION.afterRetiredDays],
      );
      await audit(
        tx,
        { kommune, actorId: null, actorRole: 'system', requestId: 'retention' },
        gone.map((g) => ({
          action: 'delete' as const,
          entity: 'signup',
          entityId: g.id,
          summary: 'retention period ended',
        })),
      );
      return gone.length;
    });
  }
  return total;
}
