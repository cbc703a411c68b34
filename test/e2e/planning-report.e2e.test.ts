/**
 * The open API's reference page, the portfolio review and the committee report in Chromium, in
 * Danish and English (plain pages and forms, no script of their own); zero axe violations on
 * each page checked. axe runs in the page, so JavaScript stays on here.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { seedSurvey } from '../support/monitor.ts';
import { PORTFOLIO_PATH, REPORT_PATH } from '../../src/planning/index.ts';

describeBrowser('API reference, portfolio and committee report in Chromium', () => {
  const s = serveForBrowser({ prepare: async (db) => void (await seedSurvey(db)) });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function page(signIn: boolean): Promise<Page> {
    const ctx = await s.browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(ctx);
    const p = await ctx.newPage();
    if (!signIn) return p;
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('planner@test.dk');
    await p.locator('#f-password').fill('test-password-1');
    await Promise.all([
      p.waitForURL(/\/personale$/),
      p.locator('form[method="post"] button[type="submit"]').click(),
    ]);
    return p;
  }

  it('the API reference page, in Danish and English', async () => {
    const p = await page(false);
    await p.goto(`${s.base}/api`);
    expect(await p.locator('h1').textContent()).toBe('Åbent API');
    expect(await p.locator('main').textContent()).toContain('GET /api/v1/figures');
    await expectAccessible(p, 'API reference (da)');
    await p.goto(`${s.base}/api?lang=en`);
    expect(await p.locator('h1').textContent()).toBe('Open API');
    await expectAccessible(p, 'API reference (en)');
  });

  it('the portfolio, a decision in error and saved, in Danish and English', async () => {
    const p = await page(true);
    await p.goto(`${s.base}${PORTFOLIO_PATH}`);
    expect(await p.locator('h1').textContent()).toBe('Porteføljegennemgang');
    await expectAccessible(p, 'portfolio (da)');
    await p.locator('table a', { hasText: 'Gåtur i Æblehaven' }).click();
    await p.locator('button[type="submit"]', { hasText: 'Gem beslutningen' }).click();
    expect(await p.locator('.lighed-error-summary').count()).toBe(1);
    await expectAccessible(p, 'portfolio decision with errors (da)');
    await p.locator('#f-decision').selectOption('continue');
    await p.locator('#f-reason').fill('Godt fremmøde i foråret.');
    await p.locator('button[type="submit"]', { hasText: 'Gem beslutningen' }).click();
    expect(await p.locator('main').textContent()).toContain('Godt fremmøde i foråret.');
    await p.goto(`${p.url().split('?')[0]}?lang=en`);
    expect(await p.locator('main').textContent()).toContain('Continues');
    await expectAccessible(p, 'portfolio item (en)');
    await p.goto(`${s.base}${PORTFOLIO_PATH}?vis=all`);
    await expectAccessible(p, 'portfolio (en)');
  });

  it('the health committee’s report, published, in Danish and English', async () => {
    const p = await page(true);
    await p.goto(`${s.base}${REPORT_PATH}?udvalg=health&aar=2026&lang=da`);
    expect(await p.locator('h1').textContent()).toContain('2026');
    await expectAccessible(p, 'committee report (da)');
    await p.locator('button[type="submit"]', { hasText: 'Udgiv rapporten' }).click();
    expect(p.url()).toContain('/udgivet/');
    await expectAccessible(p, 'published report (da)');
    await p.goto(`${s.base}${REPORT_PATH}?udvalg=health&aar=2026&lang=en`);
    expect(await p.locator('main').textContent()).toContain('The largest gaps');
    await expectAccessible(p, 'committee report (en)');
  });
});
