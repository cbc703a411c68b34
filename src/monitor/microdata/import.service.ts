/**
 * Planners load survey microdata: an uploaded file with its codebook (or the standard one)
 * becomes an import job. The import runs after the response, so the job page can show its
 * progress; a wrong file ends the job with a precise report and nothing stored.
 *
 * The file is read, checked and summed in a worker thread (reader.ts), never on the event loop;
 * only a valid file is written, in short transactions (import.store.ts writeDataset). The CLI
 * imports the same way. A job beats while it runs, so one whose process was killed is marked
 * interrupted at the next start, or within minutes by the imports.recover job of any server
 * still running (recoverImports).
 */
import { readFileSync } from 'node:fs';
import { inTenant, type Db } from '../../db/db.ts';
import type { AuditActor } from '../../platform/audit.store.ts';
import { listTenants } from '../../platform/tenant.store.ts';
import { SURVEY_LIMITS, type UploadFile } from '../upload.ts';
import { WorkerFailed } from '../worker.ts';
import { parseCodebook, type Codebook } from './codebook.ts';
import { listDatasets, type DatasetInfo } from './dataset.store.ts';
import {
  beatJob,
  deleteDataset,
  discardDataset,
  failStaleJobs,
  finishJob,
  JOB_STALE_SECONDS,
  linkJobDataset,
  startJob,
  updateJob,
  writeDataset,
  type DeleteOutcome,
  type ImportPhase,
} from './import.store.ts';
import { MicrodataInvalid, type MicrodataSource } from './read.ts';
import { readInWorker } from './reader.ts';

/** Where an import reports a failure of ours (the server's logger, or stderr in the CLI). */
export interface ImportLog {
  error(obj: object, msg: string): void;
}

/** The survey codebook planners get when they upload no codebook of their own. */
const STANDARD_CODEBOOK = new URL('../../../examples/monitor/codebook.json', import.meta.url);
export function standardCodebook(): Codebook {
  const parsed = parseCodebook(JSON.parse(readFileSync(STANDARD_CODEBOOK, 'utf8')));
  if (!parsed.ok) throw new Error('The standard codebook is invalid');
  return parsed.codebook;
}

/**
 * What is wrong with an upload, by field. A codebook rule's message is a message key (our own
 * rules) or an English sentence (zod's built-in ones); the page words it.
 */
export type UploadProblem =
  | { field: 'fil'; code: 'noFile' }
  | { field: 'fil' | 'kodebog'; code: 'tooLarge'; megabytes: number }
  | { field: 'kodebog'; code: 'codebookNotJson' }
  | { field: 'kodebog'; code: 'codebookProblem'; path: string; message: string };

/** The datasets this municipality can read, the shared (national) ones first. */
export function datasetsOf(
  db: Db,
  kommune: string,
  opts: { sharedFirst?: boolean } = {},
): Promise<DatasetInfo[]> {
  return inTenant(db, kommune, (tx) => listDatasets(tx, opts));
}

/** Checks the upload and starts its import job; the problems instead when the upload is wrong. */
export async function startImport(
  db: Db,
  log: ImportLog,
  actor: AuditActor,
  upload: { file: UploadFile | null; codebookFile: UploadFile | null },
): Promise<{ jobId: string } | { problems: UploadProblem[] }> {
  const { file, codebookFile } = upload;
  const problems: UploadProblem[] = [];
  let codebook: Codebook | null = null;
  const megabytes = Math.round(SURVEY_LIMITS.bytes / (1024 * 1024));
  if (!file) problems.push({ field: 'fil', code: 'noFile' });
  else if (file.truncated) problems.push({ field: 'fil', code: 'tooLarge', megabytes });
  if (codebookFile?.truncated) problems.push({ field: 'kodebog', code: 'tooLarge', megabytes });
  else if (codebookFile) {
    let json: unknown = null;
    try {
      json = JSON.parse(codebookFile.data.toString('utf8'));
    } catch {
      problems.push({ field: 'kodebog', code: 'codebookNotJson' });
    }
    if (json !== null) {
      const parsed = parseCodebook(json);
      if (parsed.ok) codebook = parsed.codebook;
      else
        for (const p of parsed.problems.slice(0, 20))
          problems.push({
            field: 'kodebog',
            code: 'codebookProblem',
            path: p.path,
            message: p.message,
          });
    }
  } else codebook = standardCodebook();
  if (problems.length > 0 || !file || !codebook) return { problems };
  const jobId = await startJob(db, actor.kommune, file.name, actor.actorId);
  void runImport(db, log, {
    jobId,
    source: { name: file.name, data: file.data },
    codebook,
    fileName: file.name,
    actor,
  });
  return { jobId };
}

export type ImportOutcome =
  { ok: true; datasetId: string; rows: number } | { ok: false; invalid: MicrodataInvalid | null };

/** How often a running job renews its heartbeat (JOB_STALE_SECONDS says when it is stale). */
const BEAT_MS = 5000;

/**
 * Reads the file in a worker and writes it; the job row tells the page how far it got. Never
 * throws: the outcome (and the job) says how it ended.
 */
export async function runImport(
  db: Db,
  log: ImportLog,
  job: {
    jobId: string;
    source: MicrodataSource;
    codebook: Codebook;
    fileName: string;
    actor: AuditActor;
    shared?: boolean;
  },
  onProgress?: (phase: ImportPhase, done: number, total: number) => void,
): Promise<ImportOutcome> {
  const { kommune } = job.actor;
  let last = 0;
  let lastPhase = '';
  const progress = (phase: ImportPhase, done: number, total: number) => {
    onProgress?.(phase, done, total);
    const now = Date.now();
    if (now - last < 500 && phase === lastPhase) return;
    last = now;
    lastPhase = phase;
    void updateJob(db, kommune, job.jobId, { phase, rowsDone: done, rowsTotal: total }).catch(
      () => undefined,
    );
  };
  const beat = setInterval(
    () => void beatJob(db, kommune, job.jobId).catch(() => undefined),
    BEAT_MS,
  );
  beat.unref();
  // The reader estimates the file's rows from the bytes read; the writer counts what it wrote.
  let estimate = 0;
  let written = 0;
  const reader = readInWorker(
    {
      source: job.source,
      codebook: job.codebook,
      limits: SURVEY_LIMITS,
    },
    (rows) => (estimate = rows),
  );
  try {
    const result = await writeDataset(db, {
      kommune,
      codebook: job.codebook,
      fileName: job.fileName,
      createdBy: job.actor.actorId,
      actor: job.actor,
      shared: job.shared ?? false,
      source: reader,
      onCreated: (datasetId) => linkJobDataset(db, kommune, job.jobId, datasetId),
      // Rows are read, checked and stored in one pass: one phase, against the reader's estimate.
      onProgress: (phase, done, total) => {
        if (phase === 'inserting') {
          written = done;
          // No estimate before the reader has measured the file: no "100 %" for the first rows.
          if (estimate === 0) return;
          return progress('reading', done, Math.max(done, estimate));
        }
        // Every row is read now: the count is exact.
        if (phase === 'aggregating' && done === 0) progress('reading', written, written);
        progress(phase, done, total);
      },
    });
    await finishJob(db, kommune, job.jobId, { status: 'done', datasetId: result.datasetId });
    return { ok: true, ...result };
  } catch (e) {
    if (e instanceof MicrodataInvalid) {
      await finishJob(db, kommune, job.jobId, {
        status: 'failed',
        failure: 'invalid',
        problems: e.problems,
        problemCount: e.problemCount,
      }).catch(() => undefined);
      return { ok: false, invalid: e };
    }
    // No message: it may quote the file. A dead worker (out of memory) says only that.
    log.error(
      { err: { type: e instanceof Error ? e.name : typeof e }, jobId: job.jobId },
      e instanceof WorkerFailed ? 'monitor import worker failed' : 'monitor import failed',
    );
    await finishJob(db, kommune, job.jobId, { status: 'failed', failure: 'internal' }).catch(
      () => undefined,
    );
    return { ok: false, invalid: null };
  } finally {
    clearInterval(beat);
    await reader.close();
  }
}

/**
 * At server start: jobs whose process is gone are marked interrupted, and the datasets they
 * left unfinished are deleted. Embedded PGlite has one process (the data directory is
 * locked), so every running job is interrupted; on PostgreSQL another server may be running
 * one, so only jobs whose heartbeat stopped are.
 */
export async function recoverImports(
  db: Db,
  opts: { atStart: boolean } = { atStart: true },
): Promise<{ jobs: number; datasets: number }> {
  // At start on PGlite no other process can be importing; otherwise (the periodic
  // imports.recover job, or another server on PostgreSQL) only a stopped heartbeat counts.
  const stale = opts.atStart && db.engine === 'pglite' ? 0 : JOB_STALE_SECONDS;
  let jobs = 0;
  let datasets = 0;
  for (const { kommune } of await listTenants(db)) {
    const found = await failStaleJobs(db, kommune, stale);
    jobs += found.jobs;
    for (const id of found.unfinished) {
      await discardDataset(db, kommune, id);
      datasets++;
    }
  }
  return { jobs, datasets };
}

/**
 * A planner deletes one of the municipality's own datasets. A shared (national) dataset is
 * refused: it belongs to every municipality, and only the operator's CLI removes it.
 */
export function deleteOwnDataset(db: Db, actor: AuditActor, id: string): Promise<DeleteOutcome> {
  return deleteDataset(db, actor.kommune, id, { actor, shared: 'refuse' });
}
