/**
 * The admin's citizen pages in Chromium: search (empty, with an error, with a hit), the card
 * with the masked CPR number, the explicit "vis", the insight page and the erasure page, each
 * with zero axe violations, in Danish and English; the CPR number never in an address.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { findOrCreateCitizen, grantCitizenAccess, inPeopleScope } from '../../src/people/index.ts';

const CPR = '240385-4927';

describeBrowser('the admin’s citizen pages in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db, fx) => {
      const scope = { kommune: '0265', role: 'system', organization_id: null, team_id: null };
      const actor = { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'e2e' };
      await inPeopleScope(db, scope, async (tx) => {
        const { id } = await findOrCreateCitizen(tx, actor, {
          name: 'Leyla Yilmaz',
          cpr: CPR,
          phone: '22334455',
          postcode: '4000',
          address: 'Algade 1',
          preferredLanguage: 'tr',
          interpreterNeeded: true,
          consent: { purpose: 'referral', version: '2025-01' },
        });
        await grantCitizenAccess(tx, {
          citizenId: id,
          kommune: '0265',
          organizationId: fx.orgId,
          via: 'referral',
          viaId: '7b0c8f1e-2d3a-4c5b-9e6f-1a2b3c4d5e6f',
        });
      });
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
    it(`search, card, vis, insight and erasure have no axe violations (${lang})`, async () => {
      const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(10_000);
      const urls: string[] = [];
      try {
        const page = await context.newPage();
        page.on('request', (r) => urls.push(r.url()));
        await signIn(page);
        await page.goto(`${s.base}/personale/borgere?lang=${lang}`);
        await expectAccessible(page, `${lang} search page`);

        await page.locator('#f-cpr').fill('320385-4927');
        await page.locator('#f-cpr').press('Enter');
        await page.locator('.lighed-error-summary').waitFor();
        await expectAccessible(page, `${lang} search page with an error`);

        await page.locator('#f-cpr').fill(CPR);
        await page.locator('#f-cpr').press('Enter');
        await page.locator('table a').waitFor();
        expect(await page.locator('main').innerText()).toContain('240385-xxxx');
        await expectAccessible(page, `${lang} search result`);

        await page.locator('table a').click();
        await page.waitForURL(/\/personale\/borgere\/[0-9a-f-]{36}$/);
        const main = await page.locator('main').innerText();
        expect(main).toContain('Leyla Yilmaz');
        expect(main).not.toContain(CPR);
        await expectAccessible(page, `${lang} citizen card`);
        const cardUrl = page.url();

        await page.locator('form[action$="/vis-cpr"] button').click();
        await page.waitForLoadState();
        await page.locator('strong', { hasText: CPR }).waitFor();
        await expectAccessible(page, `${lang} citizen card with the CPR number shown`);

        await page.goto(`${cardUrl}/indsigt`);
        expect(await page.locator('main').innerText()).toContain(CPR);
        await expectAccessible(page, `${lang} insight page`);

        await page.goto(`${cardUrl}/slet`);
        await expectAccessible(page, `${lang} erasure page`);
        if (lang === 'en') {
          await page.locator('main form button[type="submit"]').click();
          await page.waitForURL(/\/personale\/borgere\?slettet=1$/);
          await expectAccessible(page, 'search page after an erasure');
        }
        for (const u of urls) {
          expect(u).not.toContain(CPR.replace('-', ''));
          expect(u).not.toContain(CPR);
        }
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
