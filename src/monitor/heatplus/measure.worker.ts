/** Worker thread entry: measures one HEAT Plus upload (template.measure.ts) off the event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { measureTemplateData } from './template.measure.ts';

const { input } = workerData as { input: { fileName: string; bytes: Uint8Array } };
parentPort!.postMessage(await measureTemplateData(input.fileName, input.bytes));
