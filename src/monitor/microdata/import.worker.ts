/**
 * Worker thread entry for a survey import (reader.ts starts it): reads and checks the file and
 * sums it as it goes, handing over the respondents in chunks, one asked for at a time, and then
 * their sums. All parsing, checking and summing happen here, off the event loop; the parent
 * only writes what it is handed. A problem anywhere in the file ends the reading with the
 * file's problem report (the parent then deletes what it wrote: the dataset was never ready).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SumAccumulator } from './aggregate.memory.ts';
import type { Respondent } from './codebook.ts';
import type { DatasetChunk } from './import.store.ts';
import { MicrodataInvalid, readRespondents } from './read.ts';
import type { ReaderInput, ReaderMessage } from './reader.ts';

const { input } = workerData as { input: ReaderInput };
const port = parentPort!;
const post = (m: ReaderMessage) => port.postMessage(m);

// The file's rows, estimated from the bytes read so far; sent with each chunk.
let estimate = 0;

async function* chunks(): AsyncGenerator<DatasetChunk> {
  const acc = new SumAccumulator(input.codebook);
  let batch: Respondent[] = [];
  for await (const r of readRespondents(input.source, input.codebook, {
    limits: input.limits,
    progressEvery: 100,
    onProgress: (_done, total) => (estimate = total),
  })) {
    acc.add(r);
    batch.push(r);
    if (batch.length === input.batch) {
      yield { respondents: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { respondents: batch };
  const sums = acc.rows();
  const size = input.batch * 2;
  for (let i = 0; i < sums.length; i += size) yield { sums: sums.slice(i, i + size) };
}

const it = chunks();
port.on('message', (m: { type: 'next' }) => {
  if (m.type !== 'next') return;
  it.next().then(
    (r) => {
      post(r.done ? { type: 'end' } : { type: 'chunk', chunk: r.value, estimate });
      if (r.done) port.close();
    },
    (e: unknown) => {
      if (!(e instanceof MicrodataInvalid)) throw e;
      post({ type: 'invalid', problems: e.problems, problemCount: e.problemCount, rows: e.rows });
      port.close();
    },
  );
});
