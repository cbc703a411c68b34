/**
 * The sign-up receipt, the cancel link and the results map in Chromium, in Danish and Arabic at
 * 390 and 1280 px: zero axe violations, nothing wider than the screen, left-to-right facts
 * isolated on Arabic pages, a receipt that prints without its buttons and links, and the whole
 * way without JavaScript.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { serveForBrowser } from './support/served.ts';
import { inTenant } from '../../src/db/db.ts';

interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; left: number; right: number };
}
interface G {
  document: {
    scrollingElement: { scrollWidth: number; clientWidth: number };
    querySelector(sel: string): El | null;
  };
  getComputedStyle(el: El, pseudo?: string): Record<string, string>;
}

describeBrowser('sign-up receipt, cancel link and results map in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db, fx) => {
      await inTenant(db, '0265', (tx) =>
        tx.query(`update offer set contact_phone = '+45 4634 1000' where id = $1`, [fx.walkId]),
      );
    },
  });

  async function open(lang: 'da' | 'ar', width: number, javaScriptEnabled = true) {
    const context = await s.browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled,
    });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await page.goto(`${s.base}/?lang=${lang}`);
    return { context, page };
  }

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const el = (globalThis as unknown as G).document.scrollingElement;
      return el.scrollWidth - el.clientWidth;
    });

  async function signUp(page: Page, name: string) {
    await page.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld`);
    await page.locator('#f-name').fill(name);
    await page.locator('#f-email').fill('receipt.e2e@example.dk');
    await page.locator('label[for="f-consent"]').click();
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/tilmeldt$/);
  }

  for (const lang of ['da', 'ar'] as const) {
    for (const width of [390, 1280]) {
      it(`receipt, print, cancel and the results map have no axe violations (${lang}, ${width} px)`, async () => {
        const { context, page } = await open(lang, width);
        await signUp(page, lang === 'ar' ? 'أمينة' : 'Test Kvittering');
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expectAccessible(page, `${lang} ${width} receipt`);
        expect(await overflow(page), 'receipt overflow').toBeLessThanOrEqual(1);

        // What, where, when and the ways on.
        expect(await page.locator('.lighed-receipt').textContent()).toMatch(
          /^[A-Z2-9]{4}-[A-Z2-9]{4}$/,
        );
        const calendar = page.locator('a[href*="/kalender.ics"]');
        expect(await calendar.getAttribute('download')).not.toBeNull();
        expect(await page.locator('a[rel~="external"]').count()).toBeGreaterThanOrEqual(2);
        expect(await page.locator('a[target]').count()).toBe(0);
        // The print button is JavaScript's, shown only with it; the hint goes then.
        expect(await page.locator('.lighed-print').isVisible()).toBe(true);
        expect(await page.locator('.lighed-print-hint').isVisible()).toBe(false);
        if (lang === 'ar') {
          // Address, phone and receipt code keep their left-to-right order.
          const dirs = await page.evaluate(() => {
            const g = globalThis as unknown as G;
            const of = (sel: string) => {
              const el = g.document.querySelector(sel);
              return el ? g.getComputedStyle(el)['direction'] : 'missing';
            };
            return [
              of('.lighed-location p[lang="da"]'),
              of('a[href^="tel:"]'),
              of('.lighed-receipt'),
            ];
          });
          expect(dirs).toEqual(['ltr', 'ltr', 'ltr']);
        }

        // Printed: the receipt without its buttons, directions and the cancel link.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.lighed-receipt').isVisible()).toBe(true);
        expect(await page.locator('.lighed-location h3').first().isVisible()).toBe(true);
        for (const sel of [
          '.lighed-receipt-actions',
          '.lighed-directions-box',
          '.lighed-cancel-online',
          '.lighed-languages',
        ])
          expect(await page.locator(sel).first().isVisible(), `print hides ${sel}`).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        // Cancel: confirmation, done, and the used link.
        const href = await page.locator('a.lighed-cancel-link').getAttribute('href');
        await page.goto(`${s.base}${href}`);
        await expectAccessible(page, `${lang} ${width} cancel confirmation`);
        expect(await overflow(page), 'cancel overflow').toBeLessThanOrEqual(1);
        await page.locator('.lighed-cancel-form button[type="submit"]').click();
        await page.waitForURL(/afmeld$/);
        expect(await page.locator('.alert-success').count()).toBe(1);
        await expectAccessible(page, `${lang} ${width} cancelled`);
        const again = await page.goto(`${s.base}${href}`);
        expect(again?.status()).toBe(410);
        await expectAccessible(page, `${lang} ${width} link used`);

        // The results map above the numbered list, within the column.
        await page.goto(`${s.base}/?postnummer=4000`);
        const map = page.locator('.lighed-results-map svg');
        expect(await map.isVisible()).toBe(true);
        await expectAccessible(page, `${lang} ${width} results with map`);
        expect(await overflow(page), 'results overflow').toBeLessThanOrEqual(1);
        const box = await map.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(Math.min(width, 642));
        expect(await page.locator('.lighed-results-map [data-marker]').count()).toBeGreaterThan(0);
        // The first result's number, as its marker shows it.
        const first = await page.evaluate(() => {
          const g = globalThis as unknown as G;
          const h3 = g.document.querySelector('.lighed-result-list > .lighed-result h3');
          return h3 ? g.getComputedStyle(h3, '::before')['content'] : null;
        });
        expect(first).toBe('counter(lighed-result)');
        expect(await page.locator('.lighed-results-map [data-marker="1"] text').textContent()).toBe(
          '1',
        );
        await context.close();
      });
    }
  }

  it('works without JavaScript: receipt with the print hint, cancel by the form', async () => {
    const { context, page } = await open('ar', 390, false);
    await signUp(page, 'بلا جافاسكربت');
    expect(await page.locator('.lighed-print').isVisible()).toBe(false);
    expect(await page.locator('.lighed-print-hint').isVisible()).toBe(true);
    const href = await page.locator('a.lighed-cancel-link').getAttribute('href');
    await page.goto(`${s.base}${href}`);
    await page.locator('.lighed-cancel-form button[type="submit"]').click();
    await page.waitForURL(/afmeld$/);
    expect(await page.locator('.alert-success h1').textContent()).toBe('تم إلغاء تسجيلك');
    await context.close();
  });
});
