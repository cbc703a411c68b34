/**
 * `lighed monitor import | list | delete`: microdata from the command line. Progress goes to
 * stderr (an in-place line on a terminal, a line per 10 % in a log), results to stdout.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../../db/db.ts';
import { listTenants } from '../../platform/tenant.store.ts';
import { parseCodebook } from './codebook.ts';
import { deleteDataset, startJob, type ImportPhase } from './import.store.ts';
import { datasetsOf, runImport } from './import.service.ts';
import { normaliseKommuneCode } from './kommuner.ts';
import { formatProblems } from './read.ts';

/** Where the commands write: stdout for results, stderr for progress and problems. */
export interface CliOutput {
  out: (line: string) => void;
  err: { write: (s: string) => void; isTTY?: boolean };
}

const processOutput: CliOutput = { out: (l) => console.log(l), err: process.stderr };

const num = (n: number) => n.toLocaleString('da-DK');

const PHASE_LABEL: Record<ImportPhase, string> = {
  reading: 'Læser',
  inserting: 'Gemmer',
  aggregating: 'Beregner summer',
  done: 'Færdig',
};

/**
 * "Læser  412.000 / 1.000.000 rækker  41 %": rewritten in place on a terminal; otherwise one
 * line each time another 10 % is done, so logs stay short.
 */
export function progressReporter(err: CliOutput['err']): {
  report: (phase: ImportPhase, done: number, total: number) => void;
  end: () => void;
} {
  // The highest decile already logged per phase (the estimated total can move back a little).
  const logged = new Map<ImportPhase, number>();
  let drawn = false;
  return {
    report(phase, done, total) {
      if (phase === 'done') return;
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      const text =
        phase === 'aggregating'
          ? PHASE_LABEL[phase] + ' …'
          : `${PHASE_LABEL[phase]}  ${num(done)} / ${num(total)} rækker  ${pct} %`;
      if (err.isTTY) {
        err.write(`\r${text.padEnd(60)}`);
        drawn = true;
        return;
      }
      const decile = phase === 'reading' ? Math.floor(pct / 10) : 0;
      if ((logged.get(phase) ?? -1) < decile) {
        err.write(text + '\n');
        logged.set(phase, decile);
      }
    },
    end() {
      if (drawn) err.write('\n');
      drawn = false;
    },
  };
}

export interface MonitorImportOptions {
  codebook: string;
  kommune: string;
  shared?: boolean;
}

/** Imports a microdata file; returns the exit code (1 with a problem report when the file is bad). */
export async function monitorImport(
  db: Db,
  file: string,
  options: MonitorImportOptions,
  io: CliOutput = processOutput,
): Promise<number> {
  const opts = { ...options, kommune: normaliseKommuneCode(options.kommune) };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(opts.codebook, 'utf8'));
  } catch (e) {
    io.err.write(
      `Kodebogen ${opts.codebook} kan ikke læses / The codebook cannot be read: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
  const parsed = parseCodebook(json);
  if (!parsed.ok) {
    io.err.write(`Kodebogen ${opts.codebook} er ugyldig / The codebook is invalid:\n`);
    for (const p of parsed.problems.slice(0, 50))
      io.err.write(`  ${p.path || '(rod)'}: ${p.message}\n`);
    return 1;
  }
  const tenants = await listTenants(db);
  if (!tenants.some((t) => t.kommune === opts.kommune)) {
    io.err.write(
      `Kommunen ${opts.kommune} findes ikke i databasen / The municipality ${opts.kommune} is not set up.\n`,
    );
    return 1;
  }
  const progress = progressReporter(io.err);
  // The same path as an upload: a job (so a killed import is cleaned up at the next start),
  // the file read in a worker thread, the rows written in short transactions.
  const fileName = basename(file);
  const jobId = await startJob(db, opts.kommune, fileName);
  const outcome = await runImport(
    db,
    { error: (_obj, msg) => io.err.write(`${msg}\n`) },
    {
      jobId,
      source: { path: file },
      codebook: parsed.codebook,
      fileName,
      actor: { kommune: opts.kommune, actorId: null, actorRole: 'system', requestId: 'cli' },
      shared: opts.shared ?? false,
    },
    (phase, done, total) => progress.report(phase, done, total),
  );
  progress.end();
  if (outcome.ok) {
    io.out(`Importeret / imported: ${num(outcome.rows)} rækker, datasæt ${outcome.datasetId}`);
    return 0;
  }
  if (outcome.invalid) {
    const e = outcome.invalid;
    io.err.write(`Filen ${fileName} har ${num(e.problemCount)} fejl; intet er gemt.\n`);
    io.err.write(formatProblems(e.problems, e.problemCount, 'da', 50) + '\n');
  } else io.err.write(`Filen ${fileName} blev ikke indlæst (intern fejl); intet er gemt.\n`);
  return 1;
}

export async function monitorList(
  db: Db,
  code: string,
  io: CliOutput = processOutput,
): Promise<number> {
  const kommune = normaliseKommuneCode(code);
  const list = await datasetsOf(db, kommune);
  if (list.length === 0) io.out('Ingen datasæt / no datasets.');
  for (const d of list) {
    const flags = [
      d.shared ? 'delt' : '',
      d.synthetic ? 'syntetisk' : '',
      d.kommune !== kommune ? `fra ${d.kommune}` : '',
    ].filter(Boolean);
    io.out(
      `${d.id}  ${d.createdAt.toISOString().slice(0, 10)}  ${num(d.rowCount).padStart(10)} rækker  ${d.years.join(',')}  ${d.fileName}` +
        (flags.length > 0 ? `  (${flags.join(', ')})` : ''),
    );
  }
  return 0;
}

export async function monitorDelete(
  db: Db,
  code: string,
  id: string,
  io: CliOutput = processOutput,
): Promise<number> {
  const kommune = normaliseKommuneCode(code);
  // The operator may remove a shared (national) dataset too; a planner's page may not.
  if ((await deleteDataset(db, kommune, id, { shared: 'allow' })) === 'deleted') {
    io.out(`Slettet / deleted: ${id}`);
    return 0;
  }
  io.err.write(`Datasæt ${id} findes ikke i kommune ${kommune} / no such dataset.\n`);
  return 1;
}
