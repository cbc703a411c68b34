/**
 * Seeds the synthetic national health survey (generate.ts) as a shared dataset: every
 * municipality sees its sums, labelled synthetic. Sums are computed while the rows stream past
 * (../microdata/aggregate.memory.ts); the 900,000 rows themselves are never stored.
 */
import { inTenant, type Db } from '../../db/db.ts';
import type { aggregateRespondents } from '../microdata/aggregate.memory.ts';
import { hasDatasetFile } from '../microdata/dataset.store.ts';
import { importAggregates } from '../microdata/import.store.ts';
import { runInWorker } from '../worker.ts';
import { demoCodebook } from './generate.ts';
import { seedDemoHeatPlus } from './heatplus.seed.ts';

export const DEMO_SURVEY_FILE = 'syntetisk-national-sundhedsundersoegelse';

export async function hasDemoSurvey(db: Db, kommune: string): Promise<boolean> {
  return inTenant(db, kommune, (tx) => hasDatasetFile(tx, DEMO_SURVEY_FILE));
}

type SurveySums = ReturnType<typeof aggregateRespondents>;

/**
 * Generates and sums the survey in a worker thread (its garbage goes when the worker ends).
 * Needs no database, so a first start runs it beside the catalog's seeding (issue 16).
 */
export function generateDemoSurvey(
  opts: { respondentsPerWave?: number } = {},
): Promise<SurveySums> {
  return runInWorker<SurveySums>(
    new URL('./survey.worker.ts', import.meta.url),
    { respondentsPerWave: opts.respondentsPerWave },
    [],
    600_000,
  );
}

/**
 * Generates and stores the national survey once; returns false when it is already there.
 * `generated`: sums already being made (generateDemoSurvey), used instead of making them here.
 */
export async function seedDemoSurvey(
  db: Db,
  kommune: string,
  opts: { respondentsPerWave?: number; generated?: Promise<SurveySums> } = {},
): Promise<boolean> {
  if (await hasDemoSurvey(db, kommune)) return false;
  const codebook = demoCodebook();
  const sums = await (opts.generated ?? generateDemoSurvey(opts));
  await importAggregates(db, {
    kommune,
    codebook,
    fileName: DEMO_SURVEY_FILE,
    rows: sums.rows,
    respondents: sums.respondents,
    years: sums.years,
    shared: true,
  });
  // With a new demo survey, the demo's own HEAT Plus file beside it (not again once deleted).
  await seedDemoHeatPlus(db, kommune);
  return true;
}
