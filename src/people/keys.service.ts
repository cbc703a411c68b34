/**
 * `lighed keys rotate`: every CPR number sealed under an older key is opened and sealed again
 * under the active key, and its blind index recomputed (so a new LIGHED_CPR_INDEX_KEY takes
 * effect with `--all`). In batches, one transaction each, audited per record as the system.
 */
import type { Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { cprRowsToRotate, updateCpr } from './citizen.store.ts';
import { cprBlindIndex, decryptCpr, encryptCpr, type CprKeyring } from './cpr-crypto.ts';
import { inPeopleScope } from './citizen.service.ts';

const NIL = '00000000-0000-0000-0000-000000000000';

export interface RotationResult {
  kommune: string;
  rotated: number;
}

export async function rotateCprKeys(
  db: Db,
  ring: CprKeyring,
  opts: { kommune?: string; all?: boolean; batch?: number } = {},
): Promise<RotationResult[]> {
  const tenants = (await db.transaction((tx) => listTenants(tx)))
    .map((t) => t.kommune)
    .filter((k) => !opts.kommune || k === opts.kommune)
    .sort();
  const results: RotationResult[] = [];
  for (const kommune of tenants) {
    let after = NIL;
    let rotated = 0;
    for (;;) {
      const scope = { kommune, role: 'system', organization_id: null, team_id: null };
      const done = await inPeopleScope(db, scope, async (tx) => {
        const rows = await cprRowsToRotate(
          tx,
          ring.activeKeyId,
          opts.all ?? false,
          after,
          opts.batch ?? 200,
        );
        for (const r of rows) {
          const where = { kommune: r.kommune, citizenId: r.id };
          const digits = decryptCpr(
            ring,
            { ciphertext: r.cpr_ciphertext, keyId: r.cpr_key_id },
            where,
          );
          const sealed = encryptCpr(ring, digits, where);
          await updateCpr(tx, r.id, { ...sealed, index: cprBlindIndex(ring, r.kommune, digits) });
        }
        await audit(
          tx,
          { kommune, actorId: null, actorRole: 'system', requestId: 'lighed keys rotate' },
          rows.map((r) => ({
            action: 'update' as const,
            entity: 'citizen',
            entityId: r.id,
            summary: `CPR number re-encrypted with key ${ring.activeKeyId}`,
          })),
        );
        return rows;
      });
      rotated += done.length;
      if (done.length === 0) break;
      after = done[done.length - 1]!.id;
    }
    results.push({ kommune, rotated });
  }
  return results;
}
