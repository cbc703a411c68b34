/**
 * Reach in Chromium: the sign-up form's anonymous questions in Danish and Arabic (right to
 * left), a sign-up with answers posted with JavaScript off, and the planner's reach pages in
 * Danish and English; zero axe violations on each page (axe itself runs with JavaScript on).
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { seedSurvey } from '../support/monitor.ts';
import { inTenant } from '../../src/db/db.ts';
import { recordReachAnswers, setReachOfferTarget } from '../../src/catalog/index.ts';
import { REACH_PATH } from '../../src/planning/index.ts';

describeBrowser('reach in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db, fx) => {
      await seedSurvey(db);
      await inTenant(db, '0265', async (tx) => {
        await setReachOfferTarget(tx, '0265', fx.walkId, 'dagligryger', 0);
        const deal: [string, number][] = [
          ['1', 6],
          ['2', 30],
          ['3', 40],
          ['4', 30],
        ];
        for (const [uddannelse, n] of deal)
          for (let i = 0; i < n; i++)
            await recordReachAnswers(
              tx,
              '0265',
              { offerId: fx.walkId, context: 'signup' },
              { uddannelse, arbejdsmarked: '1', herkomst: '1' },
            );
      });
    },
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  /** axe runs in the page, so it needs JavaScript; the sign-up is posted without it. */
  async function page(javaScriptEnabled: boolean): Promise<Page> {
    const ctx = await s.browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled,
    });
    contexts.push(ctx);
    ctx.setDefaultTimeout(20_000);
    return ctx.newPage();
  }

  it('the sign-up form asks the questions in Danish and signs up with answers', async () => {
    const withJs = await page(true);
    await withJs.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld?lang=da`);
    await expectAccessible(withJs, 'sign-up with reach questions, da');
    const p = await page(false);
    await p.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld?lang=da`);
    expect(await p.locator('fieldset.lighed-reach legend').textContent()).toBe(
      'Om dig (frivilligt)',
    );
    await p.locator('#f-name').fill('Reach Borger');
    await p.locator('#f-phone').fill('12345678');
    await p.locator('#f-reach_uddannelse').selectOption('2');
    await p.locator('#f-reach_herkomst').selectOption('prefer_not');
    await p.locator('#f-consent').check();
    await Promise.all([
      p.waitForURL(/\/tilmeldt$/),
      p.locator('main form[method="post"] button[type="submit"]').click(),
    ]);
    const [row] = await inTenant(s.db, '0265', (tx) =>
      tx.query<{ n: number }>(
        `select n from reach_answer_count where context = 'signup' and uddannelse = '2'
            and herkomst = 'prefer_not'`,
      ),
    );
    expect(row?.n).toBe(1);
  }, 120_000);

  it('the sign-up form in Arabic, right to left', async () => {
    const p = await page(true);
    await p.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld?lang=ar`);
    expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await p.locator('fieldset.lighed-reach legend').textContent()).toBe(
      'معلومات عنك (اختياري)',
    );
    expect(await p.locator('#f-reach_uddannelse option[value="prefer_not"]').textContent()).toBe(
      'أفضّل عدم الإجابة',
    );
    await expectAccessible(p, 'sign-up with reach questions, ar');
  }, 120_000);

  it('the planner’s reach pages in Danish and English', async () => {
    const p = await page(true);
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('planner@test.dk');
    await p.locator('#f-password').fill(TEST_PASSWORD);
    await Promise.all([
      p.waitForURL(/\/personale$/),
      p.locator('main form[method="post"] button[type="submit"]').click(),
    ]);
    await p.goto(`${s.base}${REACH_PATH}?lang=da`);
    expect(await p.locator('h1').textContent()).toBe('Rækkevidde');
    await expectAccessible(p, 'reach list, da');
    await p.goto(`${s.base}${REACH_PATH}/tilbud/${s.fx.walkId}?lang=da`);
    expect(await p.locator('main').textContent()).toContain(
      'forholdsvis færre med grundskole som højeste uddannelse',
    );
    await expectAccessible(p, 'offer reach, da');
    await p.goto(`${s.base}${REACH_PATH}/tilbud/${s.fx.walkId}?lang=en`);
    expect(await p.locator('main').textContent()).toContain('relatively fewer people with primary');
    await expectAccessible(p, 'offer reach, en');
    await p.goto(`${s.base}${REACH_PATH}?lang=en`);
    await expectAccessible(p, 'reach list, en');
  }, 180_000);
});
