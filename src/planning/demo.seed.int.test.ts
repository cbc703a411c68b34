/**
 * The planning demo on a fresh PGlite with the demo catalog and a small survey: it runs, leaves
 * decisions and one published report for the health committee, and a second run adds nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTenant, type Db } from '../db/db.ts';
import { freshDb } from '../../test/support/db.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { seedPlanningDemo } from './demo.seed.ts';
import { listDecisions } from './portfolio.store.ts';
import { listReports } from './report.store.ts';

let db: Db;
beforeAll(async () => {
  db = await freshDb('pglite');
  await seedDemo(db);
  await seedSurvey(db);
});
afterAll(async () => db?.close());

const counts = () =>
  inTenant(db, '0265', async (tx) => ({
    decisions: (await listDecisions(tx, '0265')).length,
    reports: (await listReports(tx, '0265')).map((r) => r.department),
  }));

it('seeds decisions and one published health report, once', async () => {
  await seedPlanningDemo(db, '0265');
  const first = await counts();
  expect(first.decisions).toBeGreaterThan(0);
  expect(first.reports).toEqual(['health']);
  await seedPlanningDemo(db, '0265');
  expect(await counts()).toEqual(first);
});
