/**
 * Goals in Chromium: a planner reads the goals list, a goal and the form, in Danish and English,
 * and submits the form with errors and JavaScript off; zero axe violations on each page.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { seedSurvey } from '../support/monitor.ts';
import { inTenant, type Db } from '../../src/db/db.ts';
import { createGoal } from '../../src/planning/goal.service.ts';
import { goalSetter } from '../../src/planning/goal.store.ts';

const PATH = '/personale/planlaegning/maal';

async function seedGoals(db: Db): Promise<void> {
  await seedSurvey(db, { shared: true });
  const planner = (await inTenant(db, '0265', goalSetter))!;
  const q = { kommune: '0265', area: '0265', indicator: 'dagligryger', dimension: 'uddannelse' };
  await createGoal(db, planner, {
    kind: 'level',
    ...q,
    group: '1',
    baselineYear: 2017,
    targetValue: 0,
    targetYear: 2022,
  });
  await createGoal(db, planner, {
    kind: 'gap',
    ...q,
    measure: 'D',
    targetValue: 5,
    targetYear: 2030,
  });
}

describeBrowser('goals in Chromium', () => {
  const s = serveForBrowser({ prepare: seedGoals });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  /** axe runs in the page, so it needs JavaScript; the form posts are checked without it. */
  async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
    const ctx = await s.browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled,
    });
    contexts.push(ctx);
    ctx.setDefaultTimeout(20_000);
    const p = await ctx.newPage();
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('planner@test.dk');
    await p.locator('#f-password').fill(TEST_PASSWORD);
    await Promise.all([
      p.waitForURL(/\/personale$/),
      p.locator('main form[method="post"] button[type="submit"]').click(),
    ]);
    return p;
  }

  let withJs: Page | undefined;
  const signedInWithJs = async () => (withJs ??= await signedIn(true));

  for (const lang of ['da', 'en'] as const)
    it(`lists goals, shows one and the form (${lang})`, { timeout: 60_000 }, async () => {
      const p = await signedInWithJs();
      await p.goto(`${s.base}${PATH}?lang=${lang}`);
      expect(await p.locator('h1').textContent()).toBe(lang === 'da' ? 'Mål' : 'Goals');
      expect(await p.locator('main').textContent()).toContain(lang === 'da' ? 'Bagud' : 'Behind');
      await expectAccessible(p, `goals list (${lang})`);
      await Promise.all([
        p.waitForURL(new RegExp(`${PATH}/[0-9a-f-]{36}`)),
        p.locator('section.lighed-goal h2 a').first().click(),
      ]);
      await expectAccessible(p, `goal (${lang})`);
      await p.goto(`${s.base}${PATH}/ny?lang=${lang}`);
      await expectAccessible(p, `new goal (${lang})`);
    });

  it('keeps the form with errors at the fields, JavaScript off', { timeout: 60_000 }, async () => {
    const submit = (p: Page) =>
      Promise.all([
        p.waitForNavigation(),
        p.locator('main form[method="post"] button[type="submit"]').click(),
      ]);
    // Without JavaScript: the server answers with the errors at the field, nothing lost.
    const off = await signedIn(false);
    await off.goto(`${s.base}${PATH}/ny?lang=da`);
    await off.locator('#f-targetValue').fill('mange');
    await off.locator('#f-targetYear').fill('2030');
    await submit(off);
    expect(await off.locator('.lighed-error-summary').textContent()).toContain(
      'Skriv målet som et tal',
    );
    expect(await off.locator('#f-targetValue-error').textContent()).toContain(
      'Skriv målet som et tal',
    );
    expect(await off.locator('#f-targetValue').getAttribute('aria-invalid')).toBe('true');
    expect(await off.locator('#f-targetValue').inputValue()).toBe('mange');
    expect(await off.locator('#f-targetYear').inputValue()).toBe('2030');
    // The same answer with JavaScript on, for axe.
    const p = await signedInWithJs();
    await p.goto(`${s.base}${PATH}/ny?lang=da`);
    await p.locator('#f-targetValue').fill('mange');
    await p.locator('#f-targetYear').fill('2030');
    await submit(p);
    expect(await p.locator('.lighed-error-summary').textContent()).toContain(
      'Skriv målet som et tal',
    );
    await expectAccessible(p, 'new goal with errors');
  });
});
