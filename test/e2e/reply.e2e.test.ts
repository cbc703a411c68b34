/**
 * The reply link's pages in Chromium, in Danish and Arabic at 390 and 1280 px: zero axe
 * violations on the form, its error, the receipt and the pages of a used or unknown link;
 * nothing wider than the screen; Danish names marked on the Arabic page; and the whole
 * choice with JavaScript off. The subject is a fake of the test's own (notify/ knows no
 * domain); the routes are mounted under /e2e beside whatever app.ts mounts at /svar.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { serveForBrowser } from './support/served.ts';
import { buildApp } from '../../src/app.ts';
import { inTenant, type Db } from '../../src/db/db.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { tenantResolver } from '../../src/platform/tenant.ts';
import { offlineGeocoder } from '../../src/platform/geo/geocoder.ts';
import { sendNotice, type ReplyFacts, type ReplyHandler } from '../../src/notify/index.ts';
import { replyRoutes } from '../../src/notify/reply.routes.tsx';

const subjects = new Map<string, ReplyFacts>();
const applied: string[] = [];
const fake: ReplyHandler = {
  subject: 'signup',
  acceptsNote: true,
  describe: (_tx, _kommune, id) => Promise.resolve(subjects.get(id) ?? null),
  apply: (_tx, _kommune, id, choice) => {
    applied.push(`${id}:${choice}`);
    return Promise.resolve();
  },
};

async function build(db: Db) {
  const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent' });
  const cookieSecret = 'x'.repeat(40);
  const app = await buildApp({ db, config, cookieSecret, logger: false });
  await app.register(replyRoutes, {
    prefix: '/e2e',
    db,
    config,
    clock: systemClock,
    geocoder: offlineGeocoder(db),
    tenants: tenantResolver(db, '0265'),
    replyHandlers: [fake],
    cookieSecret,
  });
  return app;
}

interface G {
  document: { scrollingElement: { scrollWidth: number; clientWidth: number } };
}

describeBrowser('reply link pages in Chromium', () => {
  const s = serveForBrowser({ build });

  /** A reminder for a session in three days; returns the reply page's path. */
  async function link(lang: string): Promise<string> {
    const id = randomUUID();
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const facts = {
      placeName: 'Æblehavens beboerhus',
      address: 'Æblehaven 1, 4000 Roskilde',
      startsAt,
      contactPhone: '+45 4634 1000',
    };
    subjects.set(id, { ...facts, open: true });
    const text = await inTenant(s.db, '0265', async (tx) => {
      await sendNotice(tx, {
        kommune: '0265',
        kind: 'signup.reminder',
        recipient: { email: 'amal@example.dk', channels: ['email'], language: lang },
        facts,
        about: { type: 'signup', id },
        reply: ['confirm', 'cancel', 'new_time'],
      });
      const [row] = await tx.query<{ body_text: string }>(
        `select body_text from outbox where about_id = $1`,
        [id],
      );
      return row!.body_text;
    });
    const token = /\/svar\/([A-Za-z0-9_-]{75})/.exec(text)![1]!;
    return `/e2e/svar/${token}`;
  }

  async function open(width: number, javaScriptEnabled = true) {
    const context = await s.browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled,
    });
    context.setDefaultTimeout(8000);
    return { context, page: await context.newPage() };
  }

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const el = (globalThis as unknown as G).document.scrollingElement;
      return el.scrollWidth - el.clientWidth;
    });

  for (const lang of ['da', 'ar'] as const) {
    for (const width of [390, 1280]) {
      it(`form, error, receipt and used link have no axe violations (${lang}, ${width} px)`, async () => {
        const path = await link(lang);
        const { context, page } = await open(width);
        const res = await page.goto(`${s.base}${path}`);
        expect(res?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        if (lang === 'ar')
          expect(await page.locator('dd[lang="da"]').first().textContent()).toBe(
            'Æblehavens beboerhus',
          );
        await expectAccessible(page, `${lang} ${width} reply form`);
        expect(await overflow(page), 'form overflow').toBeLessThanOrEqual(1);

        // Nothing chosen: the error summary names the field, in the page's language.
        await page.locator('main form button[type="submit"]').click();
        await page.waitForSelector('.lighed-error-summary');
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectAccessible(page, `${lang} ${width} reply error`);

        await page.locator('label[for="f-valg-new_time"]').click();
        await page
          .locator('#f-oenske')
          .fill(lang === 'ar' ? 'بعد الظهر' : 'Gerne om eftermiddagen');
        await page.locator('main form button[type="submit"]').click();
        await page.waitForSelector('.alert-success');
        expect(await page.locator('h1').textContent()).toBe(
          lang === 'ar' ? 'شكرًا. سنجد لك موعدًا جديدًا' : 'Tak. Vi finder en ny tid til dig',
        );
        await expectAccessible(page, `${lang} ${width} reply receipt`);
        expect(await overflow(page), 'receipt overflow').toBeLessThanOrEqual(1);

        const again = await page.goto(`${s.base}${path}`);
        expect(again?.status()).toBe(410);
        await expectAccessible(page, `${lang} ${width} used link`);
        await context.close();
      });
    }
  }

  it('the whole choice works with JavaScript off', async () => {
    const path = await link('da');
    const { context, page } = await open(390, false);
    await page.goto(`${s.base}${path}`);
    await page.locator('#f-valg-cancel').check();
    await page.locator('main form button[type="submit"]').click();
    await page.waitForSelector('.alert-success');
    expect(await page.locator('h1').textContent()).toBe('Tak. Vi har aflyst din tid');
    expect(applied.some((a) => a.endsWith(':cancel'))).toBe(true);
    await context.close();
  });

  it('an unknown link has a clear page with no axe violations (da and ar)', async () => {
    for (const lang of ['da', 'ar']) {
      const { context, page } = await open(390);
      const res = await page.goto(`${s.base}/e2e/svar/${'A'.repeat(75)}?lang=${lang}`);
      expect(res?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectAccessible(page, `${lang} unknown link`);
      await context.close();
    }
  });
});
