/**
 * Worker thread entry for a survey import (reader.ts starts it): reads and checks the file and
 * sums it as it goes, handing over the respondents in chunks, one asked for at a time and as
 * large as asked for, and then their sums. All parsing, checking, summing and formatting
 * happen here, off the event loop: a chunk arrives as a few strings, one PostgreSQL array
 * literal per column (import.batch.ts), so the parent only writes what it is handed. A problem
 * anywhere in the file ends the reading with the file's problem report (the parent then
 * deletes what it wrote: the dataset was never ready).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { chunkSource, type ChunkSize } from './import.batch.ts';
import { MicrodataInvalid, readRespondents } from './read.ts';
import type { ReaderInput, ReaderMessage } from './reader.ts';

const { input } = workerData as { input: ReaderInput };
const port = parentPort!;
const post = (m: ReaderMessage) => port.postMessage(m);

// The file's rows, estimated from the bytes read so far; sent with each chunk.
let estimate = 0;

const source = chunkSource(
  input.codebook,
  readRespondents(input.source, input.codebook, {
    limits: input.limits,
    progressEvery: 25,
    onProgress: (_done, total) => (estimate = total),
  }),
);

port.on('message', (m: { type: 'next'; size: ChunkSize }) => {
  if (m.type !== 'next') return;
  source.next(m.size).then(
    (chunk) => {
      post(chunk ? { type: 'chunk', chunk, estimate } : { type: 'end' });
      if (!chunk) port.close();
    },
    (e: unknown) => {
      if (!(e instanceof MicrodataInvalid)) throw e;
      post({ type: 'invalid', problems: e.problems, problemCount: e.problemCount, rows: e.rows });
      port.close();
    },
  );
});
