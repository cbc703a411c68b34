/**
 * Interventions and recommendations in Chromium (issue 12): the planner reaches planning from
 * the staff home page; the start page, interventions (list, detail, form), shared ones, the
 * recommendations, one recommendation and the committee view have zero axe violations in Danish
 * and in English; with JavaScript off the planner creates an intervention (first with errors
 * named in a summary), links it to recommendation 7 and sets the recommendation's state.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { seedPlanningFrameworksDemo } from '../../src/planning/index.ts';

describeBrowser('planning: interventions and recommendations in Chromium', () => {
  const s = serveForBrowser({ prepare: (db) => seedPlanningFrameworksDemo(db, '0265') });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function signedIn(javaScriptEnabled = true): Promise<Page> {
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
    await p.locator('form[method="post"] button[type="submit"]').click();
    await p.waitForURL(/\/personale$/);
    return p;
  }

  it('every page in Danish and English, zero axe violations', async () => {
    const p = await signedIn();
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole('link', { name: /Planlægning: indsatser/ }).click(),
    ]);
    expect(p.url()).toBe(`${s.base}/personale/planlaegning`);

    await p.goto(`${s.base}/personale/planlaegning/indsatser`);
    const first = await p.locator('table a').first().getAttribute('href');
    await p.goto(`${s.base}/personale/planlaegning/anbefalinger`);
    const rec = await p
      .getByRole('link', { name: 'Sæt ambitiøse mål for sundhed' })
      .getAttribute('href');
    await p.goto(`${s.base}/personale/planlaegning/delte-indsatser`);
    const shared = await p.locator('table a').first().getAttribute('href');
    const pages = [
      '/personale/planlaegning',
      '/personale/planlaegning/indsatser?afdeling=schools',
      first!,
      '/personale/planlaegning/indsatser/ny',
      '/personale/planlaegning/anbefalinger',
      rec!,
      '/personale/planlaegning/udvalg?afdeling=health',
      '/personale/planlaegning/delte-indsatser',
      shared!,
    ];
    for (const lang of ['da', 'en'])
      for (const url of pages) {
        await p.goto(`${s.base}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(await p.locator('html').getAttribute('lang')).toBe(lang);
        await expectAccessible(p, `${url} (${lang})`);
      }
    // The form with its errors (axe runs here, where the page's scripts run as in use).
    await p.goto(`${s.base}/personale/planlaegning/indsatser/ny?lang=da`);
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Gem' }).click()]);
    expect(await p.locator('.lighed-error-summary li').count()).toBe(4);
    await expectAccessible(p, 'intervention form with errors');
    await p.goto(`${s.base}/personale/planlaegning/udvalg?afdeling=schools&lang=da`);
    expect(await p.locator('main').textContent()).toContain('Røgfri skoletid på alle folkeskoler');
  }, 240_000);

  it('without JavaScript: create with errors, then saved, linked to 7 and a state set', async () => {
    const p = await signedIn(false);
    await p.goto(`${s.base}/personale/planlaegning/indsatser/ny`);
    await p.locator('#f-purpose').fill('Rygestop i beboerhuset');
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Gem' }).click()]);
    const summary = p.locator('.lighed-error-summary');
    expect(await summary.locator('li a').allTextContents()).toEqual([
      'Skriv indsatsens navn',
      'Vælg den forvaltning, der ejer indsatsen',
      'Vælg indsatstype',
    ]);
    expect(await p.locator('#f-purpose').inputValue()).toBe('Rygestop i beboerhuset');

    await p.locator('#f-name').fill('Rygestop i Hedeboparken');
    await p.locator('#f-department').selectOption('health');
    await p.locator('#f-type').selectOption('group');
    await p.getByLabel('Boligområde').check();
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Gem' }).click()]);
    expect(p.url()).toMatch(/\/indsatser\/[0-9a-f-]{36}\?besked=oprettet$/);
    const label = await p
      .locator('#f-recommendationId option', { hasText: '7. Sæt ambitiøse mål' })
      .first()
      .getAttribute('value');
    await p.locator('#f-recommendationId').selectOption(label);
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Kobl' }).click()]);
    expect(await p.locator('[role="status"]').textContent()).toContain('Koblingen er gemt');
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole('link', { name: /7\. Sæt ambitiøse mål for sundhed/ }).click(),
    ]);
    expect(await p.locator('main').textContent()).toContain('Rygestop i Hedeboparken');
    await p.locator('#f-state').selectOption('in_place');
    await p.locator('#f-note').fill('Målet er vedtaget');
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Gem' }).click()]);
    expect(await p.locator('[role="status"]').textContent()).toContain('Ændringerne er gemt');
    expect(await p.locator('#f-state').inputValue()).toBe('in_place');
  }, 120_000);
});
