/** `lighed outreach scan [--at ISO-DATE] [--kommune 0265]`: runs the outreach rules, prints counts. */
import type { Db } from '../db/db.ts';
import { LighedError } from '../platform/errors.ts';
import { scanOutreach } from './outreach.service.ts';

export async function outreachScanCli(
  db: Db,
  opts: { at?: string; kommune?: string },
  print: (line: string) => void = console.log,
): Promise<{ opened: number; added: number }> {
  const at = opts.at ? new Date(opts.at) : new Date();
  if (Number.isNaN(at.getTime()))
    throw new LighedError('LIGHED_ERR_VALIDATION', '--at: not a date (use e.g. 2026-12-07)');
  if (opts.kommune !== undefined && !/^\d{4}$/.test(opts.kommune))
    throw new LighedError('LIGHED_ERR_VALIDATION', '--kommune: four digits (e.g. 0265)');
  const r = await scanOutreach(db, { at, ...(opts.kommune ? { kommune: opts.kommune } : {}) });
  print(
    `Outreach scan at ${at.toISOString()}: ${r.opened} case(s) opened, ${r.added} reason(s) added.`,
  );
  return r;
}
