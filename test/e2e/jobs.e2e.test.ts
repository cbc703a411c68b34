/**
 * The admin's background jobs page in Chromium: queues and a failed job, and after "Prøv
 * igen" the confirmation, each with zero axe violations, in Danish and English.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import type { Db } from '../../src/db/db.ts';
import { enqueueJob } from '../../src/platform/jobs/index.ts';

/** A job that gave up: queued, then marked failed as pg-boss would after its last attempt. */
async function failedJob(db: Db, data: object): Promise<void> {
  await db.transaction((tx) => enqueueJob(tx, 'outreach.scan', data));
  await db.asOwner((tx) =>
    tx.query(
      `update pgboss.job set state = 'failed', completed_on = now(), retry_count = 5,
         output = '{"name":"JobFailure","code":"ECONNECTION","errorClass":"Error"}'
       where name = 'outreach.scan' and state = 'created'`,
    ),
  );
}

describeBrowser('the admin’s jobs page in Chromium', () => {
  const s = serveForBrowser({
    prepare: async (db) => {
      await failedJob(db, { kommune: '0265' });
      await failedJob(db, { kommune: '0265' });
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
    it(`lists queues and retries a failed job with no axe violations (${lang})`, async () => {
      const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(10_000);
      try {
        const page = await context.newPage();
        await signIn(page);
        await page.goto(`${s.base}/personale/admin/job?lang=${lang}`);
        expect(await page.locator('main').innerText()).toContain('outbox.dispatch');
        await expectAccessible(page, `${lang} jobs page`);
        const before = await page.locator('form[action$="/igen"] button').count();
        expect(before).toBeGreaterThan(0);
        await page.locator('form[action$="/igen"] button').first().click();
        await page.waitForURL(/igen=1/);
        await page.locator('[role="status"]').waitFor();
        expect(await page.locator('form[action$="/igen"] button').count()).toBe(before - 1);
        await expectAccessible(page, `${lang} jobs page after a retry`);
      } finally {
        await context.close();
      }
    });
  }
});
