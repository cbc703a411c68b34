/**
 * The demo survey as shipped (full size, default seed, all five waves) with the demo goals, on
 * PGlite only: seeding it takes a while, and the figures are the same on both engines (the
 * monitor's own parity tests cover that). Roskilde's grundskole smoking stalls after 2021, and
 * the goal "from 27 % in 2021 to 18 % in 2030" comes out behind its path in 2025.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { freshDb } from '../../test/support/db.ts';
import { seedFixture } from '../../test/support/app.ts';
import { indicatorSeries } from '../monitor/index.ts';
import { WAVES } from '../monitor/demo/calibration.ts';
import { seedDemoSurvey } from '../monitor/demo/survey.seed.ts';
import { listGoals } from './goal.service.ts';
import { seedGoalsDemo } from './demo-goals.seed.ts';

let db: Db;
beforeAll(async () => {
  db = await freshDb('pglite');
  await seedFixture(db);
  await seedDemoSurvey(db, '0265');
}, 600_000);
afterAll(async () => db?.close());

const now = new Date('2026-06-01T10:00:00Z');

it('shows Roskilde’s grundskole smoking stalling: about 27 % in 2021, 2025 wholly above 22.8 %', async () => {
  const rows = await indicatorSeries(db, {
    kommune: '0265',
    area: '0265',
    indicator: 'dagligryger',
    dimension: 'uddannelse',
  });
  const basic = rows.filter((r) => r.group === '1');
  expect(basic.map((r) => r.year)).toEqual([...WAVES]);
  const at = (y: number) => basic.find((r) => r.year === y)!;
  expect(at(2021).value).toBeGreaterThan(25);
  expect(at(2021).value).toBeLessThan(29);
  expect(at(2025).value).toBeGreaterThanOrEqual(at(2021).value!);
  expect(at(2025).lo).toBeGreaterThan(22.8);
});

it('seeds the issue’s goal from 2021 and judges it behind its path with the 2025 wave', async () => {
  expect((await seedGoalsDemo(db, '0265')).length).toBeGreaterThan(0);
  const goals = await listGoals(db, '0265', { now });
  const goal = goals.find(
    (g) => g.kind === 'level' && g.indicator === 'dagligryger' && g.group === '1',
  )!;
  expect(goal.baseline.year).toBe(2021);
  expect(goal.target).toEqual({ year: 2030, value: 18 });
  expect(goal.latest?.year).toBe(2025);
  expect(goal.pathValue).toBeCloseTo(goal.baseline.value - (4 / 9) * (goal.baseline.value - 18), 6);
  expect(goal.state).toBe('behind');
});
