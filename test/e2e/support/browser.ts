/**
 * Browser test harness: Debian's Chromium driven by playwright-core, and axe-core for WCAG 2.1 AA.
 *
 * - `LIGHED_CHROMIUM`: the Chromium binary (default `/usr/bin/chromium`, Debian's `chromium`
 *   package). Never a downloaded browser: none can be fetched on our machines.
 * - `LIGHED_REQUIRE_BROWSER=1`: a missing Chromium fails the browser tests instead of skipping
 *   them (CI sets it, so browser tests can never silently not run).
 *
 * Use:
 *   describeBrowser('offer page', () => {
 *     let browser: Browser;
 *     beforeAll(async () => { browser = await launchBrowser(); });
 *     afterAll(async () => { await browser?.close(); });
 *     it('has no axe violations', async () => {
 *       const page = await browser.newPage();
 *       await page.goto(url);
 *       const violations = await checkA11y(page);
 *       expect(violations, formatViolations(violations)).toEqual([]);
 *     });
 *   });
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Result } from 'axe-core';
import { beforeAll, describe, expect } from 'vitest';

/** One axe-core rule that failed, with the nodes it failed on. */
export type AxeViolation = Result;

/** The axe tags every page must pass: WCAG 2.0 and 2.1, levels A and AA (Danish law). */
export const WCAG_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const chromiumPath: string = process.env.LIGHED_CHROMIUM ?? '/usr/bin/chromium';

/** True when LIGHED_REQUIRE_BROWSER is set to anything but '', '0' or 'false'. */
export const browserRequired: boolean = isTruthy(process.env.LIGHED_REQUIRE_BROWSER);

export const browserAvailable: boolean = isExecutable(chromiumPath);

function isTruthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const missingMessage =
  `Chromium not found at ${chromiumPath}: browser tests skipped; install Debian's chromium ` +
  `(apt-get install chromium) or point LIGHED_CHROMIUM at a Chromium binary`;

/** What describeBrowser does: pure, so it can be tested without touching the machine. */
export function browserMode(available: boolean, required: boolean): 'run' | 'skip' | 'fail' {
  if (available) return 'run';
  return required ? 'fail' : 'skip';
}

let warned = false;

/**
 * `describe` for tests that need Chromium. Chromium present: runs. Missing: skips with a
 * message, or, when LIGHED_REQUIRE_BROWSER=1, runs the suite with a hook that fails every test.
 */
export function describeBrowser(name: string, fn: () => void): void {
  switch (browserMode(browserAvailable, browserRequired)) {
    case 'run':
      describe(name, fn);
      return;
    case 'skip':
      if (!warned) {
        warned = true;
        console.warn(missingMessage);
      }
      describe.skip(name, fn);
      return;
    case 'fail':
      describe(name, () => {
        // Registered first, so it fails before the suite's own hooks try to launch anything.
        beforeAll(() => {
          throw new Error(
            `Chromium not found at ${chromiumPath} and LIGHED_REQUIRE_BROWSER is set: ` +
              `browser tests cannot run; install Debian's chromium (apt-get install chromium)`,
          );
        });
        fn();
      });
      return;
  }
}

/**
 * Flags on top of playwright-core's own. Playwright already passes --headless (Chromium's new
 * headless mode; the old one no longer ships in Chromium), --no-sandbox (needed as root),
 * --no-first-run, --disable-background-networking and --disable-component-update, so they are
 * not repeated here. Never pass --disable-features/--enable-features: Chromium keeps only the
 * last one, which would drop Playwright's list.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install Debian's chromium or set LIGHED_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

let axeSource: string | undefined;

function getAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** What the page's global scope looks like to the evaluated functions (no DOM lib in tsconfig). */
interface PageGlobal {
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
  document: unknown;
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page and returns the violations.
 * `context` is an optional CSS selector limiting the check to part of the page (axe's
 * "context"); by default the whole document is checked.
 *
 * axe is injected with page.evaluate of its source, which goes through the DevTools protocol
 * and so works on pages whose Content-Security-Policy forbids inline scripts (our own pages:
 * `script-src 'self'`); page.addScriptTag({ content }) is blocked by such a policy.
 */
export async function checkA11y(page: Page, context?: string): Promise<AxeViolation[]> {
  await requireScriptTimers(page);
  const loaded = await page.evaluate(
    () => typeof (globalThis as unknown as PageGlobal).axe === 'object',
  );
  if (!loaded) await page.evaluate(getAxeSource());
  return page.evaluate(
    async ({ include, tags }) => {
      const g = globalThis as unknown as PageGlobal;
      if (!g.axe) throw new Error('axe-core did not load in the page');
      const results = await g.axe.run(include ?? g.document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations;
    },
    { include: context ?? null, tags: [...WCAG_TAGS] },
  );
}

/**
 * axe.run waits on timers, and in a context made with `javaScriptEnabled: false` timers never
 * fire (page.evaluate itself still works), so axe would hang until the test times out. A
 * setTimeout(0) that has not fired within a few seconds means exactly that: fail clearly.
 */
async function requireScriptTimers(page: Page, withinMs = 5_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fired = await Promise.race([
    page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0))),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs))),
  ]).finally(() => clearTimeout(timer));
  if (!fired)
    throw new Error(
      'axe needs JavaScript: use a JS-on context (javaScriptEnabled: true) for expectAccessible ' +
        'and checkA11y; do the JavaScript-off checks in a separate context',
    );
}

/** Fails the test with axe's violations on the page, named by `what`. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await checkA11y(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** A readable, multi-line account of violations, for assertion messages. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return 'no accessibility violations';
  const lines = [`${violations.length} accessibility violation(s):`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown impact'}]: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      const target = node.target
        .map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t)))
        .join(' | ');
      const html = node.html.length > 120 ? `${node.html.slice(0, 117)}...` : node.html;
      lines.push(`    at ${target}: ${html}`);
      if (node.failureSummary) {
        for (const s of node.failureSummary.split('\n'))
          if (s.trim()) lines.push(`      ${s.trim()}`);
      }
    }
  }
  return lines.join('\n');
}

/** The id of the element that has keyboard focus, or undefined (body or no id). */
export async function activeElementId(page: Page): Promise<string | undefined> {
  const id = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { id: string } | null } })
      .document;
    return doc.activeElement?.id ?? '';
  });
  return id === '' ? undefined : id;
}
