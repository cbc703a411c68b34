/**
 * The admin's API clients page (FHIR) in Chromium: the list, and after a revocation the
 * confirmation, each with zero axe violations, in Danish and English. The secret never shows.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { createApiClient } from '../../src/fhir/oauth.service.ts';

describeBrowser('the admin’s API clients page in Chromium', () => {
  const secrets: string[] = [];
  const s = serveForBrowser({
    prepare: async (db, fx) => {
      const actor = { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'e2e' };
      for (const [name, role, org] of [
        ['EPJ Lægehuset Algade', 'referrer', null],
        ['Sundhedscenter fagsystem', 'provider', fx.orgId],
        ['Ældre Sagen fagsystem', 'provider', fx.otherOrgId],
      ] as const) {
        const c = await createApiClient(db, actor, {
          kommune: '0265',
          name,
          role,
          organizationId: org,
        });
        secrets.push(c.client_secret);
      }
    },
  });

  async function signIn(p: Page) {
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('admin@test.dk');
    await p.locator('#f-password').fill(TEST_PASSWORD);
    await p.locator('#f-password').press('Enter');
    await p.waitForURL(/\/personale$/);
  }

  for (const lang of ['da', 'en'] as const) {
    it(`lists and revokes with no axe violations (${lang})`, async () => {
      const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(10_000);
      try {
        const page = await context.newPage();
        await signIn(page);
        await page.goto(`${s.base}/personale/api-klienter?lang=${lang}`);
        const main = await page.locator('main').innerText();
        expect(main).toContain('EPJ Lægehuset Algade');
        for (const secret of secrets) expect(await page.content()).not.toContain(secret);
        await expectAccessible(page, `${lang} API clients`);
        const before = await page.locator('form[action$="/tilbagekald"] button').count();
        await page.locator('form[action$="/tilbagekald"] button').first().click();
        await page.waitForURL(/tilbagekaldt=1/);
        await page.locator('[role="status"]').waitFor();
        expect(await page.locator('form[action$="/tilbagekald"] button').count()).toBe(before - 1);
        await expectAccessible(page, `${lang} API clients after a revocation`);
      } finally {
        await context.close();
      }
    });
  }
});
