/**
 * The citizens' voice in Chromium: every new citizen page (feedback, "Foreslå et tilbud", the
 * answered suggestions, joining a panel) in Danish, English and Arabic at 390 px (never
 * scrolling sideways) and at 1280 px, and loaded with JavaScript off; the feedback form sent
 * without JavaScript in Arabic (an error, then thanks); the staff pages in Danish and English.
 * Zero axe violations on each page checked.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { seedVoiceDemo } from '../../src/voice/index.ts';

describeBrowser('the citizens’ voice in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db) => {
      await seedVoiceDemo(db, '0265');
    },
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function open(width: number, javaScriptEnabled: boolean): Promise<Page> {
    const ctx = await s.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
    contexts.push(ctx);
    return ctx.newPage();
  }

  const sideways = (p: Page) =>
    p.evaluate(() => {
      const el = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return el.scrollWidth - el.clientWidth;
    });

  async function panelPath(): Promise<string> {
    const [row] = await s.db.asOwner((tx) =>
      tx.query<{ id: string }>('select id from voice_panel'),
    );
    return `/panel/${row!.id}`;
  }

  const citizenPages: [string, () => Promise<string>][] = [
    ['feedback', async () => `/tilbud/${s.fx.walkId}/mening`],
    ['suggest', async () => '/foreslaa'],
    ['suggestions', async () => '/forslag'],
    ['join a panel', panelPath],
  ];
  for (const [name, path] of citizenPages)
    it(`${name}: da, en and ar at 390 px and da at 1280 px (axe); without JavaScript too`, async () => {
      const at = await path();
      // axe runs in the page, so it needs JavaScript; the pages themselves do not.
      const phone = await open(390, true);
      for (const lang of ['da', 'en', 'ar'] as const) {
        await phone.goto(`${s.base}${at}?lang=${lang}`);
        expect(await phone.locator('html').getAttribute('lang')).toBe(lang);
        expect(await phone.locator('h1').count()).toBe(1);
        expect(await sideways(phone), `${at} ${lang} scrolls sideways`).toBeLessThanOrEqual(0);
        await expectAccessible(phone, `${at} in ${lang} at 390 px`);
      }
      const desk = await open(1280, true);
      await desk.goto(`${s.base}${at}?lang=da`);
      await expectAccessible(desk, `${at} at 1280 px`);
      const off = await open(390, false);
      await off.goto(`${s.base}${at}?lang=ar`);
      expect(await off.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await off.locator('h1').count()).toBe(1);
    }, 180_000);

  it('the feedback form without JavaScript in Arabic: an error at the field, then thanks', async () => {
    const p = await open(390, false);
    await p.goto(`${s.base}/tilbud/${s.fx.walkId}/mening?lang=ar`);
    const withJs = await open(390, true);
    expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
    await p.locator('label[for="f-barriers-3"]').click();
    expect(await p.locator('label[for="f-barriers-3"]').textContent()).toBe('المواصلات أو المسافة');
    await p.locator('main form button[type="submit"]').click();
    expect(await p.locator('.lighed-error-summary').textContent()).toContain('اختر كيف كان النشاط');
    // The same error page, checked by axe (which needs JavaScript).
    await withJs.goto(`${s.base}/tilbud/${s.fx.walkId}/mening?lang=ar`);
    await withJs.locator('main form button[type="submit"]').click();
    await expectAccessible(withJs, 'feedback with an error in ar');
    await p.locator('label[for="f-rating-5"]').click();
    await p.locator('main form button[type="submit"]').click();
    expect(await p.locator('h1').textContent()).toBe('شكرًا على رأيك');
  }, 180_000);

  it('staff pages in Danish and English: feedback, suggestions, panels', async () => {
    const p = await open(1280, true);
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('planner@test.dk');
    await p.locator('#f-password').fill('test-password-1');
    await Promise.all([
      p.waitForURL(/\/personale$/),
      p.locator('form[method="post"] button[type="submit"]').click(),
    ]);
    await p.goto(`${s.base}/personale/stemme/forslag`);
    const suggestion = await p
      .locator('a[href^="/personale/stemme/forslag/"]')
      .first()
      .getAttribute('href');
    await p.goto(`${s.base}/personale/stemme/paneler`);
    const panel = await p
      .locator('a[href^="/personale/stemme/paneler/"]')
      .first()
      .getAttribute('href');
    const pages = [
      '/personale/stemme',
      '/personale/stemme/forslag',
      suggestion!,
      '/personale/stemme/paneler',
      panel!,
    ];
    for (const lang of ['da', 'en'] as const)
      for (const path of pages) {
        await p.goto(`${s.base}${path}?lang=${lang}`);
        expect(await p.locator('html').getAttribute('lang')).toBe(lang);
        await expectAccessible(p, `${path} in ${lang}`);
      }
    // The feedback page shows the walking group's figures, and its free texts.
    await p.goto(`${s.base}/personale/stemme?lang=da`);
    const main = (await p.locator('main').textContent()) ?? '';
    expect(main).toContain('Gåtur i Æblehaven');
    expect(main).toContain('Jeg bor langt væk, og bussen kører sjældent.');
    // The panel's make-up, its members and the invitation form.
    await p.goto(`${s.base}${panel!}?lang=da`);
    expect(await p.locator('h1').textContent()).toContain('Brugerpanel for sundhedstilbud');
    expect(await p.locator('#f-date').count()).toBe(1);
  }, 180_000);
});
