/**
 * Consent per channel on the sign-up form, in Chromium: an Arabic citizen on a 390 px phone
 * without JavaScript ticks both channels with no phone, is told in Arabic, at the field, that
 * SMS needs one, keeps only e-mail, signs up, and has the confirmation queued in Arabic. The
 * same pages are checked with axe (which needs script in the page) at 390 px, and the provider
 * sees the sign-up with its message log. Zero axe violations on every page on the way.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { serveForBrowser } from './support/served.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { inTenant } from '../../src/db/db.ts';

interface G {
  document: { scrollingElement: { scrollWidth: number; clientWidth: number } };
}

describeBrowser('sign-up with consent per channel in Chromium', () => {
  const s = serveForBrowser();

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const el = (globalThis as unknown as G).document.scrollingElement;
      return el.scrollWidth - el.clientWidth;
    });

  /** The form at 390 px in Arabic: both channels ticked without a phone, then only e-mail. */
  async function signUpArabic(page: Page, email: string, check: (what: string) => Promise<void>) {
    await page.goto(`${s.base}/?lang=ar`);
    await page.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const legend = page.locator('fieldset legend', { hasText: 'تأكيدًا وتذكيرًا' });
    expect(await legend.count()).toBe(1);
    await check('ar 390 sign-up form');

    await page.locator('#f-name').fill('أمينة');
    await page.locator('#f-email').fill(email);
    await page.locator('label[for="f-contact_channels-0"]').click();
    await page.locator('label[for="f-contact_channels-1"]').click();
    await page.locator('label[for="f-consent"]').click();
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForLoadState();
    // The SMS box needs the phone field: said in Arabic, linked to the field.
    const summary = page.locator('.lighed-error-summary a[href="#f-phone"]');
    expect(await summary.textContent()).toBe('اكتب رقم هاتفك إذا كنت تريد أن نرسل لك رسائل نصية');
    expect(await page.locator('#f-contact_channels-0').isChecked()).toBe(true);
    await check('ar 390 sign-up form with errors');

    // Only e-mail, then: signed up.
    await page.locator('label[for="f-contact_channels-1"]').click();
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/tilmeldt$/);
    await check('ar 390 receipt');
  }

  const confirmations = (email: string) =>
    inTenant(s.db, '0265', (tx) =>
      tx.query<{ channel: string; kind: string; body_text: string }>(
        `select o.channel, o.kind, o.body_text from outbox o
           join signup s on s.id = o.about_id
          where s.email = $1`,
        [email],
      ),
    );

  it('an Arabic citizen signs up choosing e-mail at 390 px without JavaScript', async () => {
    const context = await s.browser.newContext({
      viewport: { width: 390, height: 900 },
      javaScriptEnabled: false,
    });
    context.setDefaultTimeout(8000);
    try {
      // No script runs in the page, so no axe here either: the next test checks the same pages.
      await signUpArabic(await context.newPage(), 'amina.e2e@example.dk', async () => {});
      const sent = await confirmations('amina.e2e@example.dk');
      expect(sent.map((m) => [m.channel, m.kind])).toEqual([['email', 'signup.confirmation']]);
      expect(sent[0]!.body_text).toMatch(/[\u0600-\u06ff]/);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('the same pages at 390 px in Arabic have zero axe violations and fit the screen', async () => {
    const context = await s.browser.newContext({ viewport: { width: 390, height: 900 } });
    context.setDefaultTimeout(8000);
    try {
      const page = await context.newPage();
      await signUpArabic(page, 'amina.axe@example.dk', async (what) => {
        await expectAccessible(page, what);
        expect(await overflow(page), `${what} overflow`).toBeLessThanOrEqual(1);
      });
      expect(await confirmations('amina.axe@example.dk')).toHaveLength(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the provider sees the sign-up, the citizen’s answers and the message log', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    try {
      await page.goto(`${s.base}/personale/log-ind`);
      await page.locator('#f-email').fill('provider@test.dk');
      await page.locator('#f-password').fill(TEST_PASSWORD);
      await page.locator('#f-password').press('Enter');
      await page.waitForURL(/\/personale$/);
      await page.goto(`${s.base}/personale/tilmeldinger`);
      await expectAccessible(page, 'provider sign-ups');
      const [row] = await inTenant(s.db, '0265', (tx) =>
        tx.query<{ id: string }>(`select id from signup where email = 'amina.e2e@example.dk'`),
      );
      await page.locator(`a[href="/personale/tilmeldinger/${row!.id}"]`).click();
      await page.waitForURL(new RegExp(`/personale/tilmeldinger/${row!.id}$`));
      expect(await page.locator('table').count()).toBeGreaterThanOrEqual(1);
      await expectAccessible(page, 'provider sign-up detail');
    } finally {
      await context.close();
    }
  }, 90_000);
});
