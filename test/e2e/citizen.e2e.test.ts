/**
 * A citizen's journeys in a real browser (Debian's Chromium): every page has zero axe
 * violations at WCAG 2.1 AA in Danish and Arabic, the whole way works by keyboard alone and
 * with JavaScript off, and fits a small phone.
 */
import { expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';

describeBrowser('citizen journeys in Chromium', () => {
  const s = serveForBrowser();

  async function newContext(
    lang: 'da' | 'ar',
    opts: { javaScriptEnabled?: boolean } = {},
  ): Promise<BrowserContext> {
    const context = await s.browser.newContext({
      javaScriptEnabled: opts.javaScriptEnabled ?? true,
      viewport: { width: 1024, height: 800 },
    });
    // Fail fast with the locator's name rather than at the test's own time-out.
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await page.goto(`${s.base}/?lang=${lang}`);
    await page.close();
    return context;
  }

  for (const lang of ['da', 'ar'] as const) {
    it(`has no axe violations on the finder, results, offer page and sign-up (${lang})`, async () => {
      const context = await newContext(lang);
      const page = await context.newPage();
      await page.goto(`${s.base}/`);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(page, `${lang} empty finder`);

      await page.goto(`${s.base}/?q=g%C3%A5tur&postnummer=4000&gratis=ja`);
      await expectAccessible(page, `${lang} results`);

      await page.goto(`${s.base}/?postnummer=40`);
      await expectAccessible(page, `${lang} finder with an error`);

      await page.goto(`${s.base}/tilbud/${s.fx.walkId}`);
      await expectAccessible(page, `${lang} offer page`);

      await page.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld`);
      await expectAccessible(page, `${lang} empty sign-up`);
      await page.getByRole('button').last().click();
      await page.waitForURL(/tilmeld$/);
      expect(await page.locator('.lighed-error-summary').count()).toBe(1);
      await expectAccessible(page, `${lang} sign-up with errors`);
      await page.locator('#f-name').fill('Test Person');
      await page.locator('#f-email').fill('test@example.dk');
      await page.locator('label[for="f-consent"]').click();
      await page.locator('form[method="post"] button[type="submit"]').click();
      await page.waitForURL(/tilmeldt$/);
      await expectAccessible(page, `${lang} sign-up done`);

      await page.goto(`${s.base}/tilbud/${s.fx.walkId}/fejl`);
      await expectAccessible(page, `${lang} error report`);

      await page.goto(`${s.base}/tilgaengelighed`);
      await expectAccessible(page, `${lang} accessibility statement`);
      await page.goto(`${s.base}/findes-ikke`);
      await expectAccessible(page, `${lang} not found`);
      await context.close();
    });
  }

  it('lets a citizen find a free walking group near 4000 in Arabic, make a mistake, fix it and get a receipt (JavaScript off)', async () => {
    const context = await newContext('ar', { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${s.base}/`);
    await page.locator('#f-postnummer').fill('4000');
    await page.locator('details.lighed-filters summary').click();
    // DKFDS draws its own checkbox; people click the label, as here.
    await page.locator('input[name="gratis"] + label').click();
    expect(await page.locator('input[name="gratis"]').isChecked()).toBe(true);
    await page.locator('form[role="search"] button[type="submit"]').click();
    await page.waitForURL(/postnummer=4000/);
    expect(page.url()).toContain('gratis=ja');
    await page.getByRole('link', { name: 'نزهة مشي في إيبلهافن' }).click();
    await page.locator(`a[href="/tilbud/${s.fx.walkId}/tilmeld"]`).click();

    await page.locator('#f-name').fill('أمينة');
    await page.locator('#f-phone').fill('1234');
    await page.locator('form[method="post"] button[type="submit"]').click();
    expect(await page.locator('.lighed-error-summary').count()).toBe(1);
    expect(await page.locator('#f-phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-name').inputValue()).toBe('أمينة');
    // No axe here: axe runs as page script, which this context forbids. The same pages are
    // checked with JavaScript on in the per-language test above.

    await page.locator('#f-phone').fill('12 34 56 78');
    await page.locator('label[for="f-consent"]').click();
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/tilmeldt$/);
    const receipt = await page.locator('.lighed-receipt').textContent();
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(page.url()).not.toContain('12345678');
    await context.close();
  });

  it('works from search to sign-up with the keyboard alone', async () => {
    const context = await newContext('da');
    const page = await context.newPage();
    await page.goto(`${s.base}/`);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } } })
            .document.activeElement.textContent,
      ),
    ).toContain('Gå til indhold');
    const focusOn = async (selector: string, max = 60) => {
      for (let i = 0; i < max; i++) {
        if (
          await page
            .locator(selector)
            .evaluate((el) => el === (el.ownerDocument.activeElement as unknown))
        )
          return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${selector} with Tab`);
    };
    await focusOn('#f-q');
    await page.keyboard.type('gåtur');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=g/);
    await focusOn(`a[href="/tilbud/${s.fx.walkId}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/tilbud/${s.fx.walkId}$`));
    await focusOn(`a[href="/tilbud/${s.fx.walkId}/tilmeld"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/tilmeld$/);
    await focusOn('#f-name');
    await page.keyboard.type('Kim Tastatur');
    await focusOn('#f-email');
    await page.keyboard.type('kim@example.dk');
    await focusOn('#f-consent');
    await page.keyboard.press('Space');
    await focusOn('form[method="post"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/tilmeldt$/);
    expect(await page.locator('h1').textContent()).toContain('Tak, du er tilmeldt');
    await context.close();
  });

  it('fits a small phone without sideways scrolling', async () => {
    const context = await s.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of [
      '/?lang=ar&q=g%C3%A5tur&postnummer=4000',
      `/tilbud/${s.fx.walkId}`,
      `/tilbud/${s.fx.walkId}/tilmeld`,
    ]) {
      await page.goto(`${s.base}${path}`);
      const overflow = await page.evaluate(() => {
        const el = (
          globalThis as unknown as {
            document: { scrollingElement: { scrollWidth: number; clientWidth: number } };
          }
        ).document.scrollingElement;
        return el.scrollWidth - el.clientWidth;
      });
      expect(overflow, path).toBeLessThanOrEqual(1);
    }
    await context.close();
  });

  it('has no axe violations on the staff sign-in, offer editing with a warning, and the component gallery', async () => {
    const context = await newContext('da');
    const page = await context.newPage();
    await page.goto(`${s.base}/personale/log-ind`);
    await expectAccessible(page, 'sign-in');
    await page.locator('#f-email').fill('provider@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);
    await expectAccessible(page, 'staff home');
    await page.goto(`${s.base}/personale/tilbud/${s.fx.walkId}`);
    await page.locator('#f-title').fill('Gåtur for arbejdsløse');
    await page.locator('form[novalidate] button[type="submit"]').last().click();
    await page.waitForURL(/gemt=ja/);
    expect(await page.locator('.lighed-stigma').count()).toBe(1);
    await expectAccessible(page, 'offer edit with stigma warning');
    await page.goto(`${s.base}/personale/tilbud`);
    await expectAccessible(page, 'offer list');
    await page.goto(`${s.base}/dev/komponenter`);
    await expectAccessible(page, 'component gallery');
    await context.close();
  });
});
