/** `lighed audit verify [--kommune KODE]`: exit code 1 and the first broken link when the chain does not hold. */
import type { Db } from '../db/db.ts';
import { verifyAuditChain } from './chain.service.ts';

const WORDS = {
  changed: 'the row was changed after it was written',
  missing: 'the row is missing (deleted)',
  relinked: 'the row does not link to the one before it (that one was changed or deleted)',
  truncated: 'rows at the end are missing (deleted)',
} as const;

export async function auditVerify(
  db: Db,
  opts: { kommune?: string },
  out: (line: string) => void = (l) => console.log(l),
): Promise<number> {
  const verdicts = await verifyAuditChain(db, opts);
  let failed = 0;
  for (const v of verdicts) {
    if (!v.broken) {
      out(`${v.kommune}: OK, ${v.rows} rows, head seq ${v.headSeq}`);
      continue;
    }
    failed++;
    const b = v.broken;
    out(
      `${v.kommune}: BROKEN at seq ${b.seq}${b.id ? ` (audit_log id ${b.id})` : ''}: ${WORDS[b.problem]}`,
    );
  }
  if (verdicts.length === 0) out('No audit chain to check.');
  return failed > 0 ? 1 : 0;
}
