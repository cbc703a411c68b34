/**
 * The admin's outbox page (/personale/admin/beskeder) in Chromium: counts per channel, the
 * failed messages with masked recipients, and "Prøv igen" with its confirmation, each with zero
 * axe violations, in Danish, English and Arabic (right to left, 390 px); and the retry without
 * JavaScript.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD, testApp } from '../support/app.ts';
import { inTenant } from '../../src/db/db.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { offlineGeocoder } from '../../src/platform/geo/geocoder.ts';
import { enqueueMessage } from '../../src/platform/mail/index.ts';
import { tenantResolver } from '../../src/platform/tenant.ts';
import { OUTBOX_PATH } from '../../src/web/message-log.tsx';
import { outboxRoutes } from '../../src/web/outbox.routes.tsx';

const SIGNUP = '11111111-1111-4111-8111-111111111111';

describeBrowser('the admin’s outbox page in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db) => {
      await inTenant(db, '0265', async (tx) => {
        for (let i = 0; i < 3; i++) {
          const m = await enqueueMessage(tx, {
            kommune: '0265',
            channel: i === 0 ? 'email' : 'sms',
            to: i === 0 ? 'borger.hansen@example.dk' : `+45200000${10 + i}`,
            kind: i === 2 ? 'some.other-kind' : 'signup.reminder',
            subject: 'Påmindelse',
            text: 'Husk i morgen kl. 10 hos Sundhedscenter Roskilde.',
            about: { type: 'signup', id: SIGNUP },
          });
          await tx.query(
            `update outbox set status = 'failed', attempts = 8, finished_at = now(),
                    last_error = $2 where id = $1`,
            [m!.id, i === 0 ? 'EENVELOPE 550' : 'SMS 400 0x0203'],
          );
        }
      });
    },
    build: async (db) => {
      const app = await testApp(db);
      if (!app.hasRoute({ method: 'GET', url: OUTBOX_PATH }))
        await app.register(outboxRoutes, {
          db,
          config: loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent' }),
          clock: systemClock,
          geocoder: offlineGeocoder(db),
          tenants: tenantResolver(db, '0265', systemClock),
        });
      return app;
    },
  });

  async function signIn(p: Page) {
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('admin@test.dk');
    await p.locator('#f-password').fill(TEST_PASSWORD);
    await p.locator('#f-password').press('Enter');
    await p.waitForURL(/\/personale$/);
  }

  for (const lang of ['da', 'en', 'ar'] as const) {
    it(`lists and retries with no axe violations (${lang})`, { timeout: 60_000 }, async () => {
      const context = await s.browser.newContext({
        viewport: { width: lang === 'ar' ? 390 : 1280, height: 900 },
      });
      context.setDefaultTimeout(15_000);
      try {
        const page = await context.newPage();
        await signIn(page);
        await page.goto(`${s.base}${OUTBOX_PATH}?lang=${lang}`);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        const html = await page.content();
        expect(html).not.toContain('borger.hansen');
        expect(html).not.toContain('20000011');
        await expectAccessible(page, `${lang} outbox`);
        const buttons = page.locator(`form[action$="/igen"] button`);
        const before = await buttons.count();
        expect(before).toBeGreaterThan(0);
        await buttons.first().click();
        await page.waitForURL(/igen=1/);
        await page.locator('[role="status"]').waitFor();
        expect(await buttons.count()).toBe(before - 1);
        await expectAccessible(page, `${lang} outbox after a retry`);
      } finally {
        await context.close();
      }
    });
  }

  it('retries without JavaScript', { timeout: 60_000 }, async () => {
    await inTenant(s.db, '0265', (tx) =>
      tx.query(`update outbox set status = 'failed', finished_at = now() where status = 'queued'`),
    );
    const context = await s.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${s.base}${OUTBOX_PATH}`);
      const buttons = page.locator(`form[action$="/igen"] button`);
      const before = await buttons.count();
      await buttons.first().click();
      await page.waitForURL(/igen=1/);
      expect(await page.locator('[role="status"]').textContent()).toContain('venter igen');
      expect(await buttons.count()).toBe(before - 1);
    } finally {
      await context.close();
    }
  });
});
