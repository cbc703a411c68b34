/**
 * Worker thread entry: generates the synthetic national survey and sums it (survey.seed.ts), so
 * the hundreds of megabytes of short-lived respondent objects live and die in the worker's heap,
 * not in the server's (issue 16: the first start's footprint).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { aggregateRespondents } from '../microdata/aggregate.memory.ts';
import { demoCodebook, generateSurvey } from './generate.ts';

const { input } = workerData as { input: { respondentsPerWave?: number } };
const codebook = demoCodebook();
parentPort!.postMessage(
  aggregateRespondents(
    codebook,
    generateSurvey(
      codebook,
      input.respondentsPerWave ? { respondentsPerWave: input.respondentsPerWave } : {},
    ),
  ),
);
