/**
 * Equity impact assessment in Chromium: every page (list, new, overview, proposal, screening,
 * scope, matrix with the monitor's figures, actions, report, template, and a form with errors)
 * in Danish and English, zero axe violations on each.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { seedSurvey } from '../support/monitor.ts';
import { inTenant, type Db } from '../../src/db/db.ts';
import { createUser, hashPassword } from '../../src/staff/index.ts';
import type { StaffUser } from '../../src/platform/principal.ts';
import {
  addAction,
  addIndicator,
  assessmentView,
  createAssessment,
  saveCells,
  saveScope,
  saveScreening,
} from '../../src/assessment/assessment.service.ts';
import { DEFAULT_TEMPLATE } from '../../src/assessment/template.ts';

const BASE = '/personale/lighedsvurderinger';
let assessmentId = '';

async function seedAssessment(db: Db): Promise<void> {
  await seedSurvey(db);
  const hash = await hashPassword(TEST_PASSWORD);
  const staff: StaffUser = await inTenant(db, '0265', (tx) =>
    createUser(tx, {
      kommune: '0265',
      email: 'assessor@test.dk',
      name: 'Vurderer Vera',
      role: 'assessor',
      organization_id: null,
      team_id: null,
      password_hash: hash,
    }),
  );
  const actor = { staff, requestId: 'e2e' };
  const r = await createAssessment(db, actor, {
    title: 'Lokalplan 512',
    proposalType: 'lokalplan',
    department: 'planning_environment',
    description: 'Nye boliger ved Søndertorv.',
    decision: 'Teknik- og Miljøudvalget',
    decisionDate: '2026-09-15',
    objective: '',
    area: '0265',
  });
  if (!r.ok) throw new Error('seed: assessment');
  assessmentId = r.id;
  const version = async () => (await assessmentView(db, actor, r.id, new Date())).version;
  const answers = Object.fromEntries(DEFAULT_TEMPLATE.questions.map((q) => [q.key, 'no']));
  await saveScreening(db, actor, r.id, { ...answers, disadvantaged: 'yes' }, await version());
  await saveScope(
    db,
    actor,
    r.id,
    ['education', 'origin'],
    ['conditions', 'networks'],
    await version(),
  );
  await saveCells(
    db,
    actor,
    r.id,
    [
      {
        group: 'education',
        layer: 'conditions',
        impact: 'negative',
        evidence: 'Bussen flyttes.',
        confidence: 'high',
      },
      { group: 'origin', layer: 'networks', impact: 'uncertain', evidence: '', confidence: 'low' },
    ],
    await version(),
  );
  await addAction(
    db,
    actor,
    r.id,
    { kind: 'mitigate', group: 'education', text: 'Behold busstoppestedet.' },
    await version(),
  );
  await addIndicator(
    db,
    actor,
    r.id,
    { indicator: 'dagligryger', dimension: 'uddannelse', description: '' },
    await version(),
  );
}

describeBrowser('equity impact assessment in Chromium', () => {
  const s = serveForBrowser({ prepare: (db) => seedAssessment(db) });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const ctx = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    ctx.setDefaultTimeout(20_000);
    const p = await ctx.newPage();
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill(email);
    await p.locator('#f-password').fill(TEST_PASSWORD);
    await p.locator('form[method="post"] button[type="submit"]').click();
    await p.waitForURL(/\/personale$/);
    return p;
  }

  it('every assessor page in Danish and English', async () => {
    const p = await signedIn('assessor@test.dk');
    const a = `${BASE}/${assessmentId}`;
    const pages = [
      BASE,
      `${BASE}/ny`,
      a,
      `${a}/forslag`,
      `${a}/screening`,
      `${a}/afgraensning`,
      `${a}/vurdering`,
      `${a}/handlinger`,
      `${a}/rapport`,
    ];
    for (const lang of ['da', 'en'] as const) {
      for (const path of pages) {
        const res = await p.goto(`${s.base}${path}?lang=${lang}`);
        expect(res?.status(), path).toBe(200);
        expect(await p.locator('html').getAttribute('lang')).toBe(lang);
        await expectAccessible(p, `${path} (${lang})`);
      }
    }
    // The matrix page carries the monitor's figures.
    await p.goto(`${s.base}${a}/vurdering?lang=da`);
    expect(await p.locator('main').textContent()).toContain('Ryger dagligt');
  }, 240_000);

  it('a form with errors, and the template page', async () => {
    const p = await signedIn('assessor@test.dk');
    await p.goto(`${s.base}${BASE}/ny?lang=da`);
    await p.locator('button[type="submit"].lighed-submit').click();
    await p.waitForLoadState();
    expect(await p.locator('.lighed-error-summary').count()).toBe(1);
    await expectAccessible(p, 'new assessment with errors');

    const planner = await signedIn('planner@test.dk');
    for (const lang of ['da', 'en'] as const) {
      const res = await planner.goto(`${s.base}${BASE}/skabelon?lang=${lang}`);
      expect(res?.status()).toBe(200);
      await expectAccessible(planner, `template (${lang})`);
    }
  }, 120_000);
});
