/**
 * The page behind `lighed admin create`'s one-time link, in Chromium: no axe violations in
 * Danish and Arabic (empty, with errors, and the used-link page), and the keyboard-only way
 * from the link to the staff home page.
 */
import { expect, it } from 'vitest';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { createAdmin } from '../../src/staff/admin.service.ts';

describeBrowser('the first administrator’s set-password page in Chromium', () => {
  const s = serveForBrowser({ seed: false });

  for (const lang of ['da', 'ar'] as const) {
    it(`has no axe violations and works by keyboard (${lang})`, async () => {
      const made = await createAdmin(s.db, {
        kommune: '0265',
        kommuneName: 'Roskilde',
        email: `admin-${lang}@roskilde.dk`,
        name: `Admin ${lang}`,
      });
      const context = await s.browser.newContext({ viewport: { width: 1024, height: 800 } });
      context.setDefaultTimeout(8000);
      try {
        const page = await context.newPage();
        await page.goto(`${s.base}${made.link}&lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectAccessible(page, `${lang} set-password page`);

        // Keyboard only: mismatched passwords, then the right ones.
        await page.locator('#f-password').focus();
        await page.keyboard.type('fire ord i en sætning');
        await page.keyboard.press('Tab');
        await page.keyboard.type('noget helt andet her');
        await page.keyboard.press('Enter');
        // Enter starts a navigation; wait for the answer page, not just the current load state.
        await page.locator('.lighed-error-summary').waitFor({ timeout: 10_000 });
        expect(await page.locator('.lighed-error-summary').count()).toBe(1);
        await expectAccessible(page, `${lang} set-password page with errors`);

        await page.locator('#f-password').fill('fire ord i en sætning');
        await page.locator('#f-confirm').fill('fire ord i en sætning');
        await page.locator('#f-confirm').press('Enter');
        await page.waitForURL(/\/personale$/);
        expect(await page.locator('main').innerText()).toContain(`Admin ${lang}`);

        await page.goto(`${s.base}${made.link}`);
        expect(await page.locator('h1').innerText()).not.toBe('');
        await expectAccessible(page, `${lang} used-link page`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});
