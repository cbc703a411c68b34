/**
 * The planner's journey in Chromium: sign in, upload a broken survey file (precise report) and
 * a good one, see the smoking gap by education in Roskilde against the country with SII/RII,
 * find the top priorities and download WHO's HEAT Plus template. Every page has zero axe
 * violations at WCAG 2.1 AA, in Danish and English.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { seedSurvey } from '../support/monitor.ts';

const example = (name: string) =>
  fileURLToPath(new URL(`../../examples/monitor/${name}`, import.meta.url));

describeBrowser('planner journey through the equity monitor in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db) => {
      datasetId = (await seedSurvey(db, { shared: true })).datasetId;
    },
  });
  let datasetId: string;

  async function plannerContext(lang: 'da' | 'en'): Promise<BrowserContext> {
    const context = await s.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(10000);
    const page = await context.newPage();
    await page.goto(`${s.base}/personale/log-ind?lang=${lang}`);
    await page.locator('#f-email').fill('planner@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);
    await page.close();
    return context;
  }

  it('uploads a broken file and gets a report by line and column, then a good one', async () => {
    const context = await plannerContext('da');
    const page = await context.newPage();
    await page.goto(`${s.base}/personale/monitor/data`);
    await expectAccessible(page, 'data and upload');
    await page.setInputFiles('#fil', example('roskilde-2025-med-fejl.csv'));
    await page.getByRole('button', { name: 'Kontrollér og indlæs' }).click();
    await page.waitForSelector('h1:has-text("Filen blev ikke indlæst")', { timeout: 20000 });
    expect(await page.locator('.lighed-problems li').count()).toBeGreaterThan(0);
    expect(await page.locator('.lighed-problems li').first().textContent()).toMatch(/^Linje \d+/);
    await expectAccessible(page, 'failed import report');

    await page.goto(`${s.base}/personale/monitor/data`);
    await page.setInputFiles('#fil', example('roskilde-2025.csv'));
    await page.getByRole('button', { name: 'Kontrollér og indlæs' }).click();
    await page.waitForSelector('h1:has-text("Data er indlæst")', { timeout: 30000 });
    await expectAccessible(page, 'import done');

    await page.goto(`${s.base}/personale/monitor/heatplus`);
    await expectAccessible(page, 'HEAT Plus upload');
    await page.setInputFiles(
      '#skabelon',
      fileURLToPath(new URL('../../src/monitor/heatplus/fixtures/anc-wealth.csv', import.meta.url)),
    );
    await page.getByRole('button', { name: 'Beregn' }).click();
    await page.waitForSelector('#results-heading');
    await expectAccessible(page, 'HEAT Plus measures');
    await context.close();
  });

  for (const lang of ['da', 'en'] as const) {
    it(`shows the smoking gap by education in Roskilde against the country, with SII and RII (${lang})`, async () => {
      const context = await plannerContext(lang);
      const page = await context.newPage();
      const q = `datasaet=${datasetId}&omraade=0265&aar=2021&dimension=uddannelse`;
      await page.goto(`${s.base}/personale/monitor?${q}`);
      await expectAccessible(page, `${lang} overview`);

      await page.goto(`${s.base}/personale/monitor/indikator?${q}&indikator=dagligryger`);
      const main = page.locator('main');
      await expect
        .poll(() => main.textContent())
        // Three municipalities of 98: named for what they sum, never "the whole country".
        .toContain(
          lang === 'da' ? 'de 3 kommuner i datasættet' : 'the 3 municipalities in the dataset',
        );
      expect(await page.locator('abbr', { hasText: /^SII$/ }).count()).toBeGreaterThan(0);
      expect(await page.locator('abbr', { hasText: /^RII$/ }).count()).toBeGreaterThan(0);
      expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
      await expectAccessible(page, `${lang} indicator page`);

      await page.goto(
        `${s.base}/personale/monitor/prioriteter?datasaet=${datasetId}&omraade=0265&aar=2017`,
      );
      expect(await page.locator('.lighed-priority').count()).toBeGreaterThanOrEqual(1);
      await expectAccessible(page, `${lang} priorities`);
      await context.close();
    });
  }

  it('changes the view with the form, with JavaScript off', async () => {
    const context = await s.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${s.base}/personale/log-ind`);
    await page.locator('#f-email').fill('planner@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);
    await page.goto(`${s.base}/personale/monitor/indikator?datasaet=${datasetId}`);
    await page.selectOption('#f-dimension', 'herkomst');
    await page.selectOption('#f-indikator', 'dagligryger');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/dimension=herkomst/);
    expect(await page.locator('main').textContent()).toContain('For få svar');
    // PHE's SII/RII through the same GET form (issue 14).
    await page.selectOption('#f-dimension', 'uddannelse');
    await page.selectOption('#f-metode', 'phe');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/metode=phe/);
    expect(await page.locator('main').textContent()).toContain("som i PHE's Fingertips");
    await context.close();
  });

  it('downloads the HEAT Plus template', async () => {
    const context = await plannerContext('da');
    const page = await context.newPage();
    await page.goto(`${s.base}/personale/monitor?datasaet=${datasetId}&omraade=0265&aar=2021`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'WHO HEAT Plus-skabelon (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/heatplus\.csv$/);
    await context.close();
  });
});
