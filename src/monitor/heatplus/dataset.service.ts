/**
 * A planner's HEAT Plus file becomes a dataset of the monitor: read, checked and mapped in a
 * worker thread (dataset.read.ts), then written in short transactions like a survey import, and
 * visible (`ready`) only with its last, audited transaction. A running import job guards the
 * unfinished dataset, so a server start cleans it up only if this process died
 * (microdata/import.service.ts recoverImports). Deletion is the survey's (deleteOwnDataset).
 */
import { readFile } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { inTenant, type Db } from '../../db/db.ts';
import { audit, type AuditActor } from '../../platform/audit.store.ts';
import { discardDataset, finishJob, linkJobDataset, startJob } from '../microdata/import.store.ts';
import { megabytes, HEATPLUS_LIMITS, type UploadFile } from '../upload.ts';
import { runInWorker, transferable, WorkerFailed } from '../worker.ts';
import type { HeatPlusDataset } from './dataset.ts';
import type { DatasetRead, DatasetReadInput } from './dataset.read.ts';
import { createHeatPlusDataset, insertEstimates, markReady } from './dataset.store.ts';
import type { TemplateProblem } from './template.validate.ts';

const WORKER = new URL('./dataset.worker.ts', import.meta.url);

/** Figures per transaction: short, so embedded PGlite keeps answering other requests. */
const BATCH = 2000;

export interface HeatPlusImport {
  /** 201 stored; 400 no file; 413 too large; 422 the file has errors. */
  status: 201 | 400 | 413 | 422;
  fileName?: string;
  datasetId?: string;
  /** Errors (nothing stored) or warnings (stored anyway). */
  problems: TemplateProblem[];
}

const fileProblem = (da: string, en: string): TemplateProblem => ({
  severity: 'error',
  line: 0,
  da,
  en,
});

/** Reads the file in a worker; the dataset or its problems. */
async function readInWorker(input: DatasetReadInput): Promise<DatasetRead> {
  const { bytes, transfer } = transferable(input.bytes);
  try {
    return await runInWorker<DatasetRead>(WORKER, { ...input, bytes }, transfer);
  } catch (e) {
    if (!(e instanceof WorkerFailed)) throw e;
    return {
      ok: false,
      problems: [
        fileProblem(
          'Filen kan ikke læses inden for grænserne for hukommelse og tid. Gem den som CSV, eller del den.',
          'The file cannot be read within the memory and time limits. Save it as CSV, or split it.',
        ),
      ],
    };
  }
}

/** The upload page's use case: an uploaded file, checked and stored, or its problems. */
export async function importHeatPlusUpload(
  db: Db,
  actor: AuditActor,
  file: UploadFile | null,
  opts: { name?: string } = {},
): Promise<HeatPlusImport> {
  if (!file)
    return {
      status: 400,
      problems: [
        fileProblem(
          'Vælg en fil i HEAT Plus-skabelonen.',
          'Choose a file in the HEAT Plus template.',
        ),
      ],
    };
  if (file.truncated)
    return {
      status: 413,
      fileName: file.name,
      problems: [
        fileProblem(
          `Filen er større end ${megabytes(HEATPLUS_LIMITS.bytes)} MB. Del den, eller indlæs den med kommandoen lighed monitor import-heatplus.`,
          `The file is larger than ${megabytes(HEATPLUS_LIMITS.bytes)} MB. Split it, or load it with the command lighed monitor import-heatplus.`,
        ),
      ],
    };
  const read = await readInWorker({
    bytes: file.data,
    ...(opts.name?.trim() ? { name: opts.name.trim().slice(0, 120) } : {}),
  });
  if (!read.ok) return { status: 422, fileName: file.name, problems: read.problems };
  const datasetId = await storeHeatPlusDataset(db, actor, read.dataset, file.name);
  return { status: 201, fileName: file.name, datasetId, problems: read.problems };
}

/** The CLI's use case: a file on disk, without the upload's size limits. */
export async function importHeatPlusFile(
  db: Db,
  actor: AuditActor,
  path: string,
  fileName: string,
  opts: { name?: string; synthetic?: boolean } = {},
): Promise<HeatPlusImport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      status: 400,
      fileName,
      problems: [
        fileProblem(`Filen kan ikke læses (${why}).`, `The file cannot be read (${why}).`),
      ],
    };
  }
  const read = await readInWorker({
    bytes,
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.synthetic ? { synthetic: true } : {}),
    limits: { rows: Infinity, columns: Infinity, xlsxUncompressedBytes: Infinity },
  });
  if (!read.ok) return { status: 422, fileName, problems: read.problems };
  const datasetId = await storeHeatPlusDataset(db, actor, read.dataset, fileName);
  return { status: 201, fileName, datasetId, problems: read.problems };
}

/**
 * Writes a mapped dataset: the dataset row (not ready), its figures in batches, then ready with
 * the audit entry. Anything failing on the way deletes what was written.
 */
export async function storeHeatPlusDataset(
  db: Db,
  actor: AuditActor,
  dataset: HeatPlusDataset,
  fileName: string,
): Promise<string> {
  const { kommune } = actor;
  const jobId = await startJob(db, kommune, fileName, actor.actorId);
  const datasetId = await inTenant(db, kommune, (tx) =>
    createHeatPlusDataset(tx, {
      kommune,
      codebook: dataset.codebook,
      fileName,
      rowCount: dataset.rowCount,
      years: dataset.years,
      createdBy: actor.actorId,
    }),
  );
  try {
    await linkJobDataset(db, kommune, jobId, datasetId);
    for (let i = 0; i < dataset.estimates.length; i += BATCH) {
      const batch = dataset.estimates.slice(i, i + BATCH);
      await inTenant(db, kommune, (tx) => insertEstimates(tx, datasetId, kommune, batch));
      await setImmediate();
    }
    await inTenant(db, kommune, async (tx) => {
      await markReady(tx, datasetId);
      await audit(tx, actor, {
        action: 'create',
        entity: 'monitor_dataset',
        entityId: datasetId,
        summary: `imported HEAT Plus file (${dataset.rowCount} rows)`,
      });
    });
    await finishJob(db, kommune, jobId, { status: 'done', datasetId });
    return datasetId;
  } catch (e) {
    await discardDataset(db, kommune, datasetId).catch(() => undefined);
    await finishJob(db, kommune, jobId, { status: 'failed', failure: 'internal' }).catch(
      () => undefined,
    );
    throw e;
  }
}
