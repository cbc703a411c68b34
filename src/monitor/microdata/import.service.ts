/**
 * Planners load survey microdata: an uploaded file with its codebook (or the standard one)
 * becomes an import job. The import runs after the response, so the job page can show its
 * progress; a wrong file ends the job with a precise report and nothing stored.
 */
import { readFileSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import { inTenant, type Db } from '../../db/db.ts';
import type { AuditActor } from '../../platform/audit.store.ts';
import type { UploadFile } from '../upload.ts';
import { parseCodebook, type Codebook } from './codebook.ts';
import { listDatasets, type DatasetInfo } from './dataset.store.ts';
import { finishJob, importMicrodata, startJob, updateJob } from './import.store.ts';
import { readRespondents, MicrodataInvalid, type MicrodataSource } from './read.ts';

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
  log: FastifyBaseLogger,
  actor: AuditActor,
  upload: { file: UploadFile | null; codebookFile: UploadFile | null },
): Promise<{ jobId: string } | { problems: UploadProblem[] }> {
  const { file, codebookFile } = upload;
  const problems: UploadProblem[] = [];
  let codebook: Codebook | null = null;
  if (!file) problems.push({ field: 'fil', code: 'noFile' });
  if (codebookFile) {
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
  const fileName = file.name;
  const jobId = await startJob(db, actor.kommune, fileName, actor.actorId);
  const source: MicrodataSource = { name: fileName, data: new Uint8Array(file.data) };
  void runImport(db, log, {
    kommune: actor.kommune,
    jobId,
    source,
    codebook,
    fileName,
    createdBy: actor.actorId,
    actor,
  });
  return { jobId };
}

/** Reads and stores the file in one transaction; the job row tells the page how far it got. */
export async function runImport(
  db: Db,
  log: FastifyBaseLogger,
  job: {
    kommune: string;
    jobId: string;
    source: MicrodataSource;
    codebook: Codebook;
    fileName: string;
    createdBy: string | null;
    actor: AuditActor;
  },
): Promise<void> {
  let last = 0;
  let lastPhase = '';
  const progress = (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (now - last < 500 && phase === lastPhase) return;
    last = now;
    lastPhase = phase;
    void updateJob(db, job.kommune, job.jobId, { phase, rowsDone: done, rowsTotal: total }).catch(
      () => undefined,
    );
  };
  try {
    const respondents = readRespondents(job.source, job.codebook, {
      onProgress: (d, tot) => progress('reading', d, tot),
    });
    const result = await importMicrodata(db, {
      kommune: job.kommune,
      codebook: job.codebook,
      fileName: job.fileName,
      respondents,
      createdBy: job.createdBy,
      // The reader reports rows read against the file's size; the store adds the later phases.
      onProgress: (phase, done, total) => {
        if (phase !== 'reading') progress(phase, done, total);
      },
    });
    await finishJob(db, job.kommune, job.jobId, { status: 'done', datasetId: result.datasetId });
  } catch (e) {
    if (e instanceof MicrodataInvalid) {
      await finishJob(db, job.kommune, job.jobId, {
        status: 'failed',
        problems: e.problems,
        problemCount: e.problemCount,
      });
      return;
    }
    log.error({ err: e, jobId: job.jobId }, 'monitor import failed');
    await finishJob(db, job.kommune, job.jobId, {
      status: 'failed',
      problems: [{ line: 0, column: '', code: 'unreadable_file', value: 'internal error' }],
      problemCount: 1,
    }).catch(() => undefined);
  }
}
