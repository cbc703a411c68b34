/**
 * The demo's HEAT Plus dataset: synthetic register figures for Roskilde, Lejre, Region Sjælland
 * and Denmark (childhood vaccination and overweight at school start, by parents' education and
 * origin), loaded as the demo municipality's own dataset, so `npm start` shows a file's figures
 * beside the survey's, small-cell suppression included (Lejre's smallest groups). Labelled
 * synthetic on every page.
 */
import { readFileSync } from 'node:fs';
import { inTenant, type Db } from '../../db/db.ts';
import { hasDatasetFile } from '../microdata/dataset.store.ts';
import { templateDataset } from '../heatplus/dataset.ts';
import { storeHeatPlusDataset } from '../heatplus/dataset.service.ts';
import { readTemplateCsv } from '../heatplus/template.read.ts';

export const DEMO_HEATPLUS_FILE = 'syntetiske-registertal-heatplus.csv';
const FIXTURE = new URL('../heatplus/fixtures/demo-registers.csv', import.meta.url);

/** Loads the demo's HEAT Plus file once; false when it is already there. */
export async function seedDemoHeatPlus(db: Db, kommune: string): Promise<boolean> {
  if (await inTenant(db, kommune, (tx) => hasDatasetFile(tx, DEMO_HEATPLUS_FILE))) return false;
  const mapped = templateDataset(readTemplateCsv(readFileSync(FIXTURE, 'utf8')), {
    name: 'Registertal for børn (syntetisk, HEAT Plus)',
    synthetic: true,
  });
  if (!mapped.ok) throw new Error('The demo HEAT Plus file is invalid');
  await storeHeatPlusDataset(
    db,
    { kommune, actorId: null, actorRole: 'system', requestId: 'demo' },
    mapped.dataset,
    DEMO_HEATPLUS_FILE,
  );
  return true;
}
