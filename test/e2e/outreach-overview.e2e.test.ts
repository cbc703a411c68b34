/**
 * The outreach overview in Chromium: a planner reads it at 1280 px and on a 390 px phone (the
 * tables scroll inside their own regions, the page itself never sideways), with a period in
 * error, and without JavaScript; zero axe violations on each page checked.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { testApp } from '../support/app.ts';
import { seedReferralFixture } from '../support/referrals.ts';
import { inTenant, type Db } from '../../src/db/db.ts';
import type { RouteDeps } from '../../src/platform/deps.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { outreachOverviewRoutes } from '../../src/outreach/overview.routes.tsx';
import { OVERVIEW_PATH } from '../../src/outreach/pages/overview-page.tsx';

/** Referrals to the walk (some dropped out, some brought back) and unanswered ones, in 2025. */
async function seedOverview(db: Db, walkId: string): Promise<void> {
  await inTenant(db, '0265', async (tx) => {
    await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
    const one = async (i: number, kind: 'done' | 'dropped' | 'back' | 'unanswered') => {
      const male = kind === 'unanswered';
      const [c] = await tx.query<{ id: string }>(
        `insert into citizen (kommune, name, birth_date, sex, preferred_language, interpreter_needed)
         values ('0265', 'Testborger', $1, $2, $3, $4) returning id`,
        [male ? '1950-01-01' : '1985-01-01', male ? 'male' : 'female', male ? 'ar' : 'da', male],
      );
      const created = `2025-0${1 + (i % 5)}-10T09:00:00Z`;
      const [r] = await tx.query<{ id: string }>(
        `insert into referral (kommune, citizen_id, status, source, requested_service, offer_id,
                               consent_at, contacted_at, enrolled_on, closing_outcome, created_at)
         values ('0265', $1, $2, 'referrer', $3, $4, $5, $6, $7, $8, $5) returning id`,
        [
          c!.id,
          kind === 'done' ? 'completed' : kind === 'unanswered' ? 'requested' : 'in-progress',
          kind === 'unanswered' ? 'afklarende_samtale' : 'offer',
          kind === 'unanswered' ? null : walkId,
          created,
          kind === 'unanswered' ? null : created,
          kind === 'unanswered' ? null : created.slice(0, 10),
          kind === 'done' ? 'goal_met' : null,
        ],
      );
      if (kind === 'done') return;
      const back = kind === 'back';
      await tx.query(
        `insert into outreach_case (kommune, citizen_id, status, reason, referral_id, detected_at,
                                    outcome, closed_at)
         values ('0265', $1, $2, $3, $4, '2025-06-01T09:00:00Z', $5, $6)`,
        [
          c!.id,
          back ? 'closed' : 'open',
          kind === 'unanswered' ? 'referral_unanswered' : 'missed_sessions',
          r!.id,
          back ? 'reengaged' : null,
          back ? '2025-06-10T09:00:00Z' : null,
        ],
      );
    };
    const plan: ['done' | 'dropped' | 'back' | 'unanswered', number][] = [
      ['done', 14],
      ['back', 7],
      ['dropped', 3],
      ['unanswered', 6],
    ];
    let i = 0;
    for (const [kind, n] of plan) for (let k = 0; k < n; k++) await one(i++, kind);
  });
}

async function withOverview(db: Db): Promise<FastifyInstance> {
  const app = await testApp(db);
  if (!app.hasRoute({ method: 'GET', url: OVERVIEW_PATH }))
    await app.register(outreachOverviewRoutes, { db, clock: systemClock } as RouteDeps);
  return app;
}

describeBrowser('outreach overview in Chromium', () => {
  const s = serveForBrowser({
    seed: false,
    prepare: async (db) => {
      const f = await seedReferralFixture(db);
      await seedOverview(db, f.walkId);
    },
    build: withOverview,
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function planner(width: number, javaScriptEnabled = true): Promise<Page> {
    const ctx = await s.browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled,
    });
    contexts.push(ctx);
    const p = await ctx.newPage();
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('planner@test.dk');
    await p.locator('#f-password').fill('test-password-1');
    await Promise.all([
      p.waitForURL(/\/personale$/),
      p.locator('form[method="post"] button[type="submit"]').click(),
    ]);
    return p;
  }

  it('at 1280 px: the funnel, fall-out and groups, small numbers hidden', async () => {
    const p = await planner(1280);
    await p.goto(`${s.base}${OVERVIEW_PATH}?fra=2025-01&til=2025-06`);
    expect(await p.locator('h1').textContent()).toBe('Opsøgning: overblik');
    const main = (await p.locator('main').textContent()) ?? '';
    expect(main).toContain('Tal under 5 vises ikke');
    expect(main).toContain('færre end 5');
    expect(main).not.toContain('Testborger');
    expect(await p.locator('table caption').count()).toBe(7);
    await expectAccessible(p, 'outreach overview at 1280 px');
  }, 120_000);

  it('at 390 px: the period form, no sideways page scroll, a period in error', async () => {
    const p = await planner(390);
    await p.goto(`${s.base}${OVERVIEW_PATH}`);
    await expectAccessible(p, 'outreach overview at 390 px');
    await p.locator('#f-fra').fill('2025-01');
    await p.locator('#f-til').fill('2025-06');
    await Promise.all([
      p.waitForURL(/fra=2025-01&til=2025-06/),
      p.getByRole('button', { name: 'Vis perioden' }).click(),
    ]);
    expect(await p.locator('table').count()).toBe(7);
    const wide = await p.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(wide).toBeLessThanOrEqual(390);
    await expectAccessible(p, 'outreach overview with a period at 390 px');

    await p.locator('#f-fra').fill('januar');
    await Promise.all([
      p.waitForURL(/fra=januar/),
      p.getByRole('button', { name: 'Vis perioden' }).click(),
    ]);
    expect(await p.title()).toMatch(/^Fejl:/);
    expect(await p.locator('.lighed-error-summary li a').allTextContents()).toEqual([
      'Skriv fra-måneden som ÅÅÅÅ-MM, fx 2025-01',
    ]);
    await expectAccessible(p, 'outreach overview with an error at 390 px');
  }, 120_000);

  it('works without JavaScript', async () => {
    const p = await planner(390, false);
    await p.goto(`${s.base}${OVERVIEW_PATH}`);
    await p.locator('#f-fra').fill('2025-02');
    await p.locator('#f-til').fill('2025-06');
    await Promise.all([
      p.waitForURL(/fra=2025-02&til=2025-06/),
      p.getByRole('button', { name: 'Vis perioden' }).click(),
    ]);
    expect(await p.locator('table').count()).toBe(7);
    expect(await p.locator('a[href$=".csv?fra=2025-02&til=2025-06"]').count()).toBe(1);
  }, 120_000);
});
