/** Worker thread entry: reads, checks and maps one HEAT Plus file (dataset.read.ts) off the event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { readTemplateDataset, type DatasetReadInput } from './dataset.read.ts';

const { input } = workerData as { input: DatasetReadInput };
parentPort!.postMessage(await readTemplateDataset(input));
