/**
 * `lighed monitor import-heatplus <file>`: a HEAT Plus file as a monitor dataset from the
 * command line, without the upload page's size limits. Problems go to stderr by line and
 * column (Danish, then English); the new dataset's id to stdout.
 */
import { basename } from 'node:path';
import type { Db } from '../../db/db.ts';
import { listTenants } from '../../platform/tenant.store.ts';
import { normaliseKommuneCode } from '../microdata/kommuner.ts';
import type { CliOutput } from '../microdata/microdata.cli.ts';
import { importHeatPlusFile } from './dataset.service.ts';
import { formatTemplateProblem } from './template.validate.ts';

const processOutput: CliOutput = { out: (l) => console.log(l), err: process.stderr };

export async function monitorImportHeatPlus(
  db: Db,
  file: string,
  options: { kommune: string; name?: string | undefined },
  io: CliOutput = processOutput,
): Promise<number> {
  const kommune = normaliseKommuneCode(options.kommune);
  if (!(await listTenants(db)).some((t) => t.kommune === kommune)) {
    io.err.write(
      `Kommunen ${kommune} findes ikke i databasen / The municipality ${kommune} is not set up.\n`,
    );
    return 1;
  }
  const fileName = basename(file);
  const result = await importHeatPlusFile(
    db,
    { kommune, actorId: null, actorRole: 'system', requestId: 'cli' },
    file,
    fileName,
    options.name ? { name: options.name } : {},
  );
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  for (const p of warnings.slice(0, 50)) io.err.write(`${formatTemplateProblem(p, 'da')}\n`);
  if (result.datasetId) {
    io.out(`Importeret / imported: ${fileName}, datasæt ${result.datasetId}`);
    return 0;
  }
  io.err.write(`Filen ${fileName} har ${errors.length} fejl; intet er gemt.\n`);
  for (const p of errors.slice(0, 50))
    io.err.write(`  ${formatTemplateProblem(p, 'da')}\n  ${formatTemplateProblem(p, 'en')}\n`);
  return 1;
}
