/**
 * The assessment demo on a fresh database with the demo catalog, a small survey and the
 * planning demo: one assessment out for consultation, screened to a full assessment, with a
 * matrix quoting the monitor's figures, mitigations tied to the planning demo's interventions
 * and an indicator tied to its smoking goal; a second run adds nothing.
 */
import { expect, it } from 'vitest';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { eachEngine } from '../../test/support/db.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { seedPlanningDemo } from '../planning/index.ts';
import type { SeriesRow } from '../monitor/index.ts';
import { assessmentView, listAssessments } from './assessment.service.ts';
import { DEMO_ASSESSMENT_TITLE, figureSentence, seedAssessmentDemo } from './demo.seed.ts';

const NOW = new Date('2026-12-07T10:00:00Z');

eachEngine('assessment demo', (ctx) => {
  it('seeds one assessment in consultation, linked to the planning demo, once', async () => {
    const { db } = ctx;
    await seedDemo(db);
    await seedSurvey(db);
    await seedPlanningDemo(db, '0265', NOW);
    const id = await seedAssessmentDemo(db, '0265', NOW);
    expect(id).not.toBeNull();

    const [owner] = await inTenant(db, '0265', (q) =>
      q.query<StaffUser>(
        `select u.id, u.kommune, u.email, u.name, u.role, u.organization_id, u.team_id
           from assessment a join staff_user u on u.id = a.owner_id`,
      ),
    );
    const actor = { staff: owner!, requestId: 't' };
    const view = await assessmentView(db, actor, id!, NOW);
    expect(view.title).toBe(DEMO_ASSESSMENT_TITLE);
    expect(view.state).toBe('consultation');
    expect(view.screening.status).toBe('full');
    expect(view.groups.length).toBeGreaterThanOrEqual(3);
    expect(view.layers.length).toBeGreaterThanOrEqual(2);
    expect(view.cells.some((c) => c.impact === 'negative')).toBe(true);
    // The evidence quotes the monitor: the small survey has smoking by education for Roskilde.
    const smoking = view.cells.find((c) => c.group === 'education' && c.layer === 'lifestyle');
    expect(smoking?.evidence).toMatch(/\d+,\d %/);
    // Every harmed group has a mitigation, and the mitigations point to demo interventions.
    expect(view.unmitigated).toEqual([]);
    expect(view.actions.filter((a) => a.interventionId !== null).length).toBeGreaterThanOrEqual(3);
    expect(view.indicators).toHaveLength(1);
    expect(view.indicators[0]!.goalId).not.toBeNull();
    // In consultation nothing is missing for the final step but the decision itself.
    expect(view.notReady).toEqual([]);

    expect(await seedAssessmentDemo(db, '0265', NOW)).toBeNull();
    expect(await listAssessments(db, actor)).toHaveLength(1);
  });
});

const row = (group: string | null, value: number | null, suppressed = false): SeriesRow => ({
  year: 2025,
  group,
  groupLabel: group,
  labels: null,
  value,
  lo: null,
  hi: null,
  n: suppressed ? 0 : 100,
  suppressed,
  breakBefore: false,
});

it('quotes only shown group figures of the latest wave, never hidden ones', () => {
  const s = figureSentence('Ryger dagligt', [
    { ...row('Grundskole', 20), year: 2021 },
    row(null, 15),
    row('Grundskole', 28.66),
    row('Ikke-vestlig', null, true),
  ]);
  expect(s).toBe('Ryger dagligt, 2025: Grundskole 28,7 % (monitorens tal for området).');
  expect(figureSentence('Ryger dagligt', [row('Ikke-vestlig', null, true)])).toBe('');
});
