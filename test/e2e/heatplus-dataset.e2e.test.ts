/**
 * A planner loads a HEAT Plus file as a dataset in Chromium: a wrong file is reported by line
 * and column, a good one opens on the indicator page with the file's figures beside the
 * survey's. Every page has zero axe violations at WCAG 2.1 AA.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { seedSurvey } from '../support/monitor.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../src/monitor/heatplus/fixtures/${name}`, import.meta.url));

describeBrowser('a HEAT Plus file as a monitor dataset in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db) => {
      await seedSurvey(db, { shared: true });
    },
  });

  it('reports a wrong file, loads a good one and shows its indicator page', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    await page.goto(`${s.base}/personale/log-ind?lang=da`);
    await page.locator('#f-email').fill('planner@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);

    await page.goto(`${s.base}/personale/monitor/data`);
    await page.getByRole('link', { name: /Indlæs en HEAT Plus-fil som datasæt/ }).click();
    await expectAccessible(page, 'HEAT Plus dataset upload');
    await page.setInputFiles('#skabelon', fixture('anc-wealth.csv'));
    await page.getByRole('button', { name: 'Indlæs som datasæt' }).click();
    await page.waitForSelector('.lighed-problems li');
    expect(await page.locator('.lighed-problems li').first().textContent()).toContain(
      'Linje 2, kolonne «setting»',
    );
    await expectAccessible(page, 'HEAT Plus dataset problems');

    await page.setInputFiles('#skabelon', fixture('demo-registers.csv'));
    await page.locator('#f-navn').fill('Registertal for børn');
    await page.getByRole('button', { name: 'Indlæs som datasæt' }).click();
    await page.waitForURL(/\/personale\/monitor\/indikator\?datasaet=/);
    expect(await page.locator('h1').textContent()).toContain('MFR-vaccination');
    expect(await page.locator('.alert-info').textContent()).toContain(
      'Tallene kommer fra HEAT Plus-filen demo-registers.csv',
    );
    await expectAccessible(page, 'HEAT Plus dataset indicator page');
    await context.close();
  });
});
