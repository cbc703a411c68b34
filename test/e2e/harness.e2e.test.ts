/**
 * Proves the browser harness: Chromium starts, axe-core runs under our strict CSP, finds real
 * violations (so a11y tests can fail), passes a clean page, and the keyboard works.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeElementId,
  browserMode,
  checkA11y,
  describeBrowser,
  formatViolations,
  launchBrowser,
} from './support/browser.ts';

const CSP = "default-src 'self'; script-src 'self'";

const pages: Record<string, string> = {
  '/': `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Find et tilbud - Lighed</title></head>
<body>
<a id="skip" href="#indhold">Gå til indhold</a>
<main id="indhold">
<h1>Find et tilbud</h1>
<form action="/" method="get">
<label for="sted">Postnummer eller by</label>
<input id="sted" name="sted" type="text" autocomplete="postal-code">
<button id="sog" type="submit">Søg</button>
</form>
</main>
</body>
</html>`,
  '/broken': `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>Ødelagt side</title></head>
<body>
<main>
<h1>Ødelagt</h1>
<img src="/logo.png">
<input id="uden-label" type="text">
</main>
</body>
</html>`,
};

describe('browserMode', () => {
  it('runs when Chromium is there, skips when missing, fails when missing but required', () => {
    expect(browserMode(true, false)).toBe('run');
    expect(browserMode(true, true)).toBe('run');
    expect(browserMode(false, false)).toBe('skip');
    expect(browserMode(false, true)).toBe('fail');
  });
});

describeBrowser('browser harness', () => {
  let server: Server;
  let base = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = pages[new URL(req.url ?? '/', 'http://localhost').pathname];
      if (body === undefined) {
        res.writeHead(404, {
          'content-type': 'text/plain; charset=utf-8',
          'content-security-policy': CSP,
        });
        res.end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CSP,
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function open(path: string): Promise<Page> {
    if (!browser) throw new Error('browser not started');
    const page = await browser.newPage();
    const res = await page.goto(base + path);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toBe(CSP);
    return page;
  }

  it('finds no violations on an accessible page served with a strict CSP', async () => {
    const page = await open('/');
    const violations = await checkA11y(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    // Checking twice on one page reuses the injected axe.
    expect(await checkA11y(page, 'main')).toEqual([]);
    await page.close();
  });

  it('reports violations on a broken page, in a readable form', async () => {
    const page = await open('/broken');
    const violations = await checkA11y(page);
    const ids = violations.map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('label');
    const text = formatViolations(violations);
    expect(text).toMatch(/image-alt \[critical\]/);
    expect(text).toContain('#uden-label');
    expect(text).toContain('https://dequeuniversity.com/');
    await page.close();
  });

  it('moves focus with the keyboard in document order', async () => {
    const page = await open('/');
    expect(await activeElementId(page)).toBeUndefined();
    await page.keyboard.press('Tab');
    expect(await activeElementId(page)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await activeElementId(page)).toBe('sted');
    await page.keyboard.type('4000');
    await page.keyboard.press('Tab');
    expect(await activeElementId(page)).toBe('sog');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sted=4000/);
    await page.close();
  });
});

describe('formatViolations', () => {
  it('says so when there are none', () => {
    expect(formatViolations([])).toBe('no accessibility violations');
  });
});
