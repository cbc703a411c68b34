/**
 * The public forms' anti-automation in a real browser (decision 0010): the honeypot is out of
 * sight and of the tab order, a person whose browser filled it can send again, and the refusal
 * pages have no axe violations, in Danish and Arabic.
 */
import { expect, it } from 'vitest';
import {
  activeElementId,
  checkA11y,
  describeBrowser,
  formatViolations,
} from './support/browser.ts';
import { serveForBrowser } from './support/served.ts';

describeBrowser('anti-automation on public forms in Chromium', () => {
  const s = serveForBrowser();

  it('hides the honeypot, lets a person send again, and explains a refusal in Danish and Arabic', async () => {
    // axe needs JavaScript; the no-JavaScript sign-up (honeypot included) is in citizen.e2e.
    const context = await s.browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const url = (lang: string) => `${s.base}/tilbud/${s.fx.walkId}/tilmeld?lang=${lang}`;
    const expectAccessible = async (what: string) => {
      const violations = await checkA11y(page);
      expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
    };
    const fillAndSend = async (name: string, honeypot?: string) => {
      await page.locator('#f-name').fill(name);
      await page.locator('#f-phone').fill('12345678');
      await page.locator('label[for="f-consent"]').click();
      // As an autofill would: the field is out of reach for a person.
      if (honeypot)
        await page.locator('#f-lighed_hp').fill(honeypot, { force: true, timeout: 2000 });
      await page.locator('form[method="post"] button[type="submit"]').click();
      await page.waitForLoadState();
    };

    await page.goto(url('da'));
    // Clipped to one pixel by DKFDS's sr-only wrapper: out of sight, not out of the page.
    const box = await page.locator('.sr-only:has(#f-lighed_hp)').boundingBox();
    expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    // Tab from the consent box goes straight to the button, past the honeypot.
    await page.locator('#f-consent').focus();
    await page.keyboard.press('Tab');
    expect(await activeElementId(page)).toBeUndefined();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document
            .activeElement.tagName,
      ),
    ).toBe('BUTTON');

    // An autofilled honeypot: refused, nothing lost, and sending again works.
    await fillAndSend('Fælde da', 'autofill');
    expect(await page.locator('#f-name').inputValue()).toBe('Fælde da');
    expect(await page.locator('#f-form-retry').count()).toBe(1);
    await expectAccessible('da honeypot refused');
    expect(await page.locator('#f-consent').isChecked()).toBe(true);
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/tilmeldt$/);

    // Use up this address's budget (10 in 10 minutes) without the s.browser, then refuse.
    await page.goto(url('da'));
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    for (let i = 0; i < 9; i++) {
      await page.request.post(`${s.base}/tilbud/${s.fx.walkId}/tilmeld`, {
        form: {
          _csrf: token,
          name: `Mange ${i}`,
          phone: '12345678',
          consent: 'ja',
          preferred_language: 'da',
        },
        maxRedirects: 0,
      });
    }
    await fillAndSend('Mange da');
    expect(await page.locator('#f-form-retry').count()).toBe(1);
    expect(await page.locator('#f-phone').inputValue()).toBe('12345678');
    await expectAccessible('da too many');

    await page.goto(url('ar'));
    await fillAndSend('Mange ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('#f-form-retry').count()).toBe(1);
    await expectAccessible('ar too many');
    await page.goto(url('ar'));
    await fillAndSend('Fælde ar', 'autofill');
    await expectAccessible('ar honeypot refused');
    await context.close();
  }, 180_000);
});
