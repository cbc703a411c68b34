/**
 * Staff pages at 1280 px (issue 14): tables and charts fit their container (no clipping, no
 * horizontal scrolling of the page), the staff pages use the full width rather than the
 * citizen column, and the header keeps the name and "Log ud" at the end of one line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { checkA11y, describeBrowser, formatViolations, launchBrowser } from './support/browser.ts';
import { freshDb } from '../support/db.ts';
import { Client, seedFixture, testApp } from '../support/app.ts';
import { seedSurvey } from '../support/monitor.ts';
import type { Db } from '../../src/db/db.ts';

interface Overflow {
  what: string;
  box: number;
  content: number;
  container: number;
}

/**
 * Every table and chart on the page whose content is wider than the element that holds it, or
 * that sticks out of the main column; and whether the page itself scrolls sideways.
 */
async function overflows(page: Page): Promise<{ items: Overflow[]; pageScrolls: boolean }> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const mainBox = main?.getBoundingClientRect();
    const items: { what: string; box: number; content: number; container: number }[] = [];
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}`;
    for (const el of Array.from(document.querySelectorAll('main table, main svg[role="img"]'))) {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement;
      if (!parent || box.width === 0) continue;
      const holder = parent.getBoundingClientRect();
      // A table wider than its own box is cut off; an element past its holder or past main sticks out.
      const content = el instanceof HTMLTableElement ? el.scrollWidth : box.width;
      const over =
        content > box.width + 1 ||
        box.right > holder.right + 1 ||
        box.left < holder.left - 1 ||
        (mainBox !== undefined && (box.right > mainBox.right + 1 || box.left < mainBox.left - 1));
      // A holder that scrolls sideways hides part of the table.
      const scrolls = parent.scrollWidth > parent.clientWidth + 1;
      if (over || scrolls)
        items.push({ what: label(el), box: box.width, content, container: holder.width });
    }
    const pageScrolls = document.documentElement.scrollWidth > window.innerWidth + 1;
    return { items, pageScrolls };
  });
}

describeBrowser('staff pages at 1280 px', () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let datasetId: string;
  let context: BrowserContext;

  beforeAll(async () => {
    db = await freshDb('pglite');
    await seedFixture(db);
    datasetId = (await seedSurvey(db, { shared: true })).datasetId;
    app = await testApp(db);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    // A conversation so the list has a row.
    const worker = new Client(app);
    await worker.signIn('frontline@test.dk');
    const started = await worker.post(
      '/personale/samtaler',
      { mode: 'anonymous', language: 'ar', arena: 'job_centre' },
      '/personale/samtaler/ny',
    );
    expect(started.statusCode).toBe(303);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    await page.goto(`${base}/personale/log-ind`);
    await page.locator('#f-email').fill('admin@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);
    await page.close();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const pages = (): [string, string][] => {
    const q = `datasaet=${datasetId}&omraade=0265&aar=2021&dimension=uddannelse`;
    return [
      ['monitor overview', `/personale/monitor?${q}`],
      ['monitor indicator', `/personale/monitor/indikator?${q}&indikator=dagligryger`],
      ['conversation list', '/personale/samtaler'],
      ['audit log', '/personale/audit'],
      ['offers list', '/personale/tilbud'],
    ];
  };

  it('no table or chart overflows its container, and the main column uses the width', async () => {
    const page = await context.newPage();
    for (const [what, path] of pages()) {
      await page.goto(base + path);
      expect(await page.locator('main table, main svg[role="img"]').count(), what).toBeGreaterThan(
        0,
      );
      const { items, pageScrolls } = await overflows(page);
      expect(items, `${what}: ${JSON.stringify(items)}`).toEqual([]);
      expect(pageScrolls, `${what} scrolls sideways`).toBe(false);
      // The citizen column is ~60rem; a staff page has room for wide tables.
      const width = await page.locator('main').evaluate((m) => m.getBoundingClientRect().width);
      expect(width, `${what} main width`).toBeGreaterThan(1100);
    }
    await page.close();
  });

  it('on a phone (390 px) a wide staff table scrolls in its own focusable region, not the page', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${base}/personale/log-ind`);
    await page.locator('#f-email').fill('admin@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);
    for (const [what, path] of pages().filter(([w]) => !w.startsWith('monitor'))) {
      await page.goto(base + path);
      const pageScrolls = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1,
      );
      expect(pageScrolls, `${what} scrolls sideways at 390 px`).toBe(false);
      const regions = page.locator('main .lighed-table-scroll[role="region"][tabindex="0"]');
      expect(await regions.count(), `${what}: table in a scroll region`).toBeGreaterThan(0);
      const violations = await checkA11y(page);
      expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
    }
    await phone.close();
  });

  it('charts scale with their container (viewBox, width 100%)', async () => {
    const page = await context.newPage();
    await page.goto(base + pages()[1]![1]);
    const charts = page.locator('main svg[role="img"]');
    expect(await charts.count()).toBeGreaterThan(0);
    for (const chart of await charts.all()) {
      expect(await chart.getAttribute('viewBox')).toMatch(/^0 0 \d/);
      const { svg, holder } = await chart.evaluate((el) => ({
        svg: el.getBoundingClientRect().width,
        holder: el.parentElement?.getBoundingClientRect().width ?? 0,
      }));
      expect(svg).toBeLessThanOrEqual(holder + 1);
    }
    // Narrower window, same page: the charts follow.
    await page.setViewportSize({ width: 700, height: 900 });
    const { items } = await overflows(page);
    expect(
      items.filter((i) => i.what.startsWith('svg')),
      JSON.stringify(items),
    ).toEqual([]);
    await page.close();
  });

  it('the admin header: one line of navigation, name and "Log ud" at the end', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/personale/audit`);
    const items = page.locator('.lighed-staff-nav li');
    const boxes = await items.evaluateAll((els) =>
      els.map((e) => ({
        top: e.getBoundingClientRect().top,
        bottom: e.getBoundingClientRect().bottom,
      })),
    );
    // One line: every item starts above the point where every other ends.
    const lowestTop = Math.max(...boxes.map((b) => b.top));
    const highestBottom = Math.min(...boxes.map((b) => b.bottom));
    expect(lowestTop, 'the menu wraps').toBeLessThan(highestBottom);
    const user = page.locator('.lighed-staff-user');
    expect(await user.textContent()).toContain('Log ud');
    const [userBox, navBox] = await Promise.all([
      user.boundingBox(),
      page.locator('.lighed-staff-nav .container').boundingBox(),
    ]);
    // At the end of the bar (right in left-to-right).
    expect(userBox!.x + userBox!.width).toBeGreaterThan(navBox!.x + navBox!.width - 40);
    const violations = await checkA11y(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });

  it('a 403 page keeps the staff navigation and says what to do next', async () => {
    const planner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await planner.newPage();
    await page.goto(`${base}/personale/log-ind`);
    await page.locator('#f-email').fill('planner@test.dk');
    await page.locator('#f-password').fill('test-password-1');
    await page.locator('form[method="post"] button[type="submit"]').click();
    await page.waitForURL(/\/personale$/);
    const res = await page.goto(`${base}/personale/audit`);
    expect(res?.status()).toBe(403);
    expect(await page.locator('.lighed-staff-nav').count()).toBe(1);
    expect(await page.locator('main a[href="/personale"]').count()).toBe(1);
    const violations = await checkA11y(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await planner.close();
  });
});
