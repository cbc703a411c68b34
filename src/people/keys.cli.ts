/** `lighed keys rotate [--kommune KODE] [--all]`: prints how many records moved to the active key. */
import type { Db } from '../db/db.ts';
import type { Config } from '../platform/config.ts';
import { LighedError } from '../platform/errors.ts';
import { loadCprKeyring } from './keyring.ts';
import { rotateCprKeys } from './keys.service.ts';

export async function keysRotate(
  db: Db,
  config: Config,
  opts: { kommune?: string; all?: boolean },
  out: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  const ring = loadCprKeyring(config);
  if (!ring) throw new LighedError('LIGHED_ERR_CONFIG', 'No CPR keys configured (LIGHED_CPR_KEYS)');
  const results = await rotateCprKeys(db, ring, opts);
  for (const r of results)
    out(`${r.kommune}: ${r.rotated} CPR number(s) now under key ${ring.activeKeyId}`);
  if (results.length === 0) out('No municipality matched.');
}
