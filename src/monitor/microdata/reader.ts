/**
 * A survey file read in a worker thread (import.worker.ts): its respondents and then their
 * sums as chunks, one asked for at a time and of the size the writer asks for (the next is
 * read while the current one is written, and no more than that waits in memory). A file with
 * problems ends the chunks by throwing MicrodataInvalid with the whole file's report.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, transferable, WorkerFailed } from '../worker.ts';
import type { Codebook } from './codebook.ts';
import type { ChunkSize, ChunkSource, DatasetChunk } from './import.batch.ts';
import { MicrodataInvalid, type MicrodataSource, type ReadLimits } from './read.ts';
import type { RowProblem } from './validate.ts';

export interface ReaderInput {
  source: MicrodataSource;
  codebook: Codebook;
  limits: ReadLimits;
}

export type ReaderMessage =
  | { type: 'invalid'; problems: RowProblem[]; problemCount: number; rows: number }
  | { type: 'chunk'; chunk: DatasetChunk; estimate: number }
  | { type: 'end' };

const ENTRY = new URL('./import.worker.ts', import.meta.url);

export interface FileReader extends ChunkSource {
  /**
   * The next chunk (respondents, then their sums), or null at the end; throws MicrodataInvalid
   * for a bad file. The chunk after it is read meanwhile, of the same size.
   */
  next(size: ChunkSize): Promise<DatasetChunk | null>;
  /** Ends the worker (also when the import stops half-way). */
  close(): Promise<void>;
}

/** Starts reading `source` in a worker; an upload's bytes are handed over, not copied. */
export function readInWorker(
  input: ReaderInput,
  /** The file's estimated rows, with each chunk. */
  onEstimate?: (rows: number) => void,
): FileReader {
  let source = input.source;
  const transfer = [];
  if ('data' in source) {
    const t = transferable(source.data);
    source = { name: source.name, data: t.bytes };
    transfer.push(...t.transfer);
  }
  const worker: Worker = startWorker(ENTRY, { ...input, source }, transfer);
  // Answers waiting for chunks() to take them.
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let ended = false;
  const fail = (e: Error) => {
    failure ??= e;
    wake?.();
  };
  worker.on('message', (m: ReaderMessage) => {
    if (m.type !== 'chunk') ended = true;
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => fail(new WorkerFailed(e instanceof Error ? e.name : 'worker error')));
  worker.on('exit', (code) => {
    if (!ended) fail(new WorkerFailed(`worker exited (${code})`));
  });
  const receive = async (): Promise<ReaderMessage> => {
    for (;;) {
      const m = queue.shift();
      if (m) return m;
      if (failure) throw failure;
      await new Promise<void>((res) => (wake = res));
      wake = null;
    }
  };
  let asked = false;
  let done = false;
  return {
    async next(size) {
      if (done) return null;
      if (!asked) worker.postMessage({ type: 'next', size });
      asked = false;
      const m = await receive();
      if (m.type === 'end') {
        done = true;
        return null;
      }
      if (m.type === 'invalid') {
        done = true;
        throw new MicrodataInvalid(m.problems, m.problemCount, m.rows);
      }
      onEstimate?.(m.estimate);
      // Ask for the next chunk before this one is written: reading and writing overlap.
      worker.postMessage({ type: 'next', size });
      asked = true;
      return m.chunk;
    },
    async close() {
      await worker.terminate();
    },
  };
}
