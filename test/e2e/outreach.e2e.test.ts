/**
 * The outreach lane in Chromium: the outreach worker signs in, reads the queue and a case at
 * 1280 px and on a 390 px phone (the page never scrolls sideways), takes the case and records
 * an attempt with JavaScript off (first with errors named in a summary); zero axe violations
 * on each page checked.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { seedReferralFixture } from '../support/referrals.ts';
import { inTenant, type Db } from '../../src/db/db.ts';
import type { StaffUser } from '../../src/platform/principal.ts';
import { createUser, hashPassword } from '../../src/staff/index.ts';
import {
  createReferral,
  forwardToProvider,
  recordSession,
  transitionReferral,
  type ReferralActor,
} from '../../src/referrals/index.ts';
import { scanOutreach } from '../../src/outreach/index.ts';

const DAY = 864e5;

/** An outreach worker in her team, and a citizen with two no-shows in a row, scanned. */
async function seedOutreach(db: Db): Promise<void> {
  const f = await seedReferralFixture(db);
  const hash = await hashPassword(TEST_PASSWORD);
  await inTenant(db, '0265', async (tx) => {
    const [team] = await tx.query<{ id: string }>(
      `insert into team (kommune, name, arena) values ('0265', 'Opsøgende team', 'own_home') returning id`,
    );
    await createUser(tx, {
      kommune: '0265',
      email: 'outreach@test.dk',
      name: 'Opsøger Lise',
      role: 'outreach',
      organization_id: null,
      team_id: team!.id,
      password_hash: hash,
    });
  });
  const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'e2e' });
  const now = Date.now();
  const ago = (d: number) => new Date(now - d * DAY);
  const r = await createReferral(
    db,
    as(f.users.gp),
    {
      citizen: {
        name: 'Birgit Udeblevet',
        birthDate: '1955-05-05',
        phone: '22 33 44 55',
        preferredLanguage: 'ar',
        interpreterNeeded: true,
      },
      requestedService: 'afklarende_samtale',
      reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
      needs: {},
      note: '',
      consentAt: ago(30),
    },
    { now: ago(30) },
  );
  let v = await forwardToProvider(
    db,
    as(f.users.coordinator),
    r.id,
    { expectedVersion: r.version, offerId: f.walkId },
    { now: ago(30) },
  );
  v = await transitionReferral(
    db,
    as(f.users.provider),
    r.id,
    { to: 'accepted', expectedVersion: v.version },
    { now: ago(29) },
  );
  v = await transitionReferral(
    db,
    as(f.users.provider),
    r.id,
    {
      to: 'in-progress',
      expectedVersion: v.version,
      detail: { enrolledOn: ago(21).toISOString().slice(0, 10) },
    },
    { now: ago(28) },
  );
  for (const d of [14, 7])
    v = await recordSession(
      db,
      as(f.users.provider),
      r.id,
      {
        expectedVersion: v.version,
        heldOn: ago(d).toISOString().slice(0, 10),
        attendance: 'no_show',
      },
      { now: ago(d) },
    );
  await scanOutreach(db, { at: new Date(now), kommune: '0265' });
}

describeBrowser('the outreach lane in Chromium', () => {
  const s = serveForBrowser({ seed: false, prepare: seedOutreach });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function signedIn(width: number, javaScriptEnabled = true): Promise<Page> {
    const ctx = await s.browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled,
    });
    contexts.push(ctx);
    // Fail at the step that hangs, not at the test's timeout.
    ctx.setDefaultTimeout(20_000);
    const p = await ctx.newPage();
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill('outreach@test.dk');
    await p.locator('#f-password').fill(TEST_PASSWORD);
    await p.locator('form[method="post"] button[type="submit"]').click();
    await p.waitForURL(/\/personale$/);
    return p;
  }

  /** How far the page scrolls sideways, and what sticks out (to name it when it fails). */
  const sideways = (p: Page) =>
    p.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            documentElement: { scrollWidth: number; clientWidth: number };
            querySelectorAll(s: string): ArrayLike<{
              tagName: string;
              className: string;
              getBoundingClientRect(): { right: number };
              closest(s: string): unknown;
            }>;
          };
        }
      ).document;
      const el = doc.documentElement;
      const out = Array.from(doc.querySelectorAll('body *'))
        .filter(
          (e) =>
            e.getBoundingClientRect().right > el.clientWidth + 1 &&
            !e.closest('.lighed-table-scroll'),
        )
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}`);
      return { over: el.scrollWidth - el.clientWidth, out };
    });

  let caseUrl = '';

  it('the queue and the case at 1280 px', async () => {
    const p = await signedIn(1280);
    // The staff home page leads the outreach worker to the queue.
    await Promise.all([
      p.waitForNavigation(),
      p
        .getByRole('link', { name: /Opsøgende indsats/ })
        .first()
        .click(),
    ]);
    expect(p.url()).toBe(`${s.base}/personale/opsoegning`);
    expect(await p.locator('h1').textContent()).toBe('Opsøgende indsats');
    expect(await p.locator('main').textContent()).toContain('Udeblev fra gange i træk');
    await expectAccessible(p, 'outreach queue');
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole('link', { name: 'Birgit Udeblevet' }).click(),
    ]);
    caseUrl = p.url();
    expect(caseUrl).toMatch(/\/personale\/opsoegning\/[0-9a-f-]{36}$/);
    const main = await p.locator('main').textContent();
    expect(main).toContain('22 33 44 55');
    expect(main).toContain('har brug for tolk');
    await expectAccessible(p, 'outreach case');
    // No personal data in the URL.
    expect(p.url()).not.toMatch(/Birgit|1955/);
  }, 120_000);

  it('the queue and the case on a 390 px phone: nothing scrolls sideways', async () => {
    const p = await signedIn(390);
    await p.goto(`${s.base}/personale/opsoegning`);
    expect(await sideways(p)).toEqual({ over: 0, out: [] });
    await expectAccessible(p, 'outreach queue, 390 px');
    await p.goto(caseUrl);
    expect(await sideways(p)).toEqual({ over: 0, out: [] });
    await expectAccessible(p, 'outreach case, 390 px');
  }, 120_000);

  it('without JavaScript: take the case, an attempt with errors, then recorded', async () => {
    const p = await signedIn(1280, false);
    await p.goto(`${s.base}/personale/opsoegning`);
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole('button', { name: /Tag sagen/ }).click(),
    ]);
    expect(p.url()).toBe(`${caseUrl}?besked=taget`);
    expect(await p.locator('[role="status"]').textContent()).toContain('Du har taget sagen');

    const attempt = p.locator('form[action$="/forsoeg"]');
    await p.locator('#f-note').fill('Ringede kl. 10, ingen svar');
    await Promise.all([
      p.waitForNavigation(),
      attempt.getByRole('button', { name: 'Gem forsøget' }).click(),
    ]);
    const summary = p.locator('.lighed-error-summary');
    expect(await summary.locator('li a').allTextContents()).toEqual([
      'Vælg hvordan du prøvede at få kontakt',
      'Vælg om du fik kontakt',
    ]);
    expect(await summary.locator('li a').first().getAttribute('href')).toBe('#f-method');
    expect(await p.title()).toMatch(/^Fejl:/);
    // What was written is kept.
    expect(await p.locator('#f-note').inputValue()).toBe('Ringede kl. 10, ingen svar');

    await p.locator('#f-method').selectOption('phone');
    await p.locator('#f-reached').selectOption('nej');
    await Promise.all([
      p.waitForNavigation(),
      p.locator('form[action$="/forsoeg"]').getByRole('button', { name: 'Gem forsøget' }).click(),
    ]);
    expect(p.url()).toBe(`${caseUrl}?besked=forsoeg`);
    expect(await p.locator('[role="status"]').textContent()).toContain('Forsøget er gemt');
    expect(await p.locator('main table').textContent()).toContain('Ringede kl. 10, ingen svar');
  }, 90_000);

  // No script runs in a page without JavaScript, so axe cannot either: the same pages here.
  it('the case with errors and with an attempt recorded: zero axe violations', async () => {
    const p = await signedIn(1280);
    await p.goto(caseUrl);
    await Promise.all([
      p.waitForNavigation(),
      p.locator('form[action$="/forsoeg"]').getByRole('button', { name: 'Gem forsøget' }).click(),
    ]);
    expect(await p.locator('.lighed-error-summary li a').count()).toBe(2);
    await expectAccessible(p, 'attempt with errors');
    await p.goto(`${caseUrl}?besked=forsoeg`);
    await expectAccessible(p, 'attempt recorded');
  }, 120_000);
});
