/**
 * Referrals in Chromium: a GP fills in the referral form (empty, with errors, sent), the
 * coordinator triages it from the intake queue to a walking group, the provider answers it from
 * the inbox (accept, contacted, a time agreed, enrolled, two sessions, a closing note first left
 * incomplete), and the GP reads the closing note. Every page has zero axe violations at WCAG
 * 2.1 AA.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { seedReferralFixture } from '../support/referrals.ts';

describeBrowser('referrals: form, triage, provider inbox and closing note in Chromium', () => {
  const s = serveForBrowser({
    seed: false,
    prepare: async (db) => {
      await seedReferralFixture(db);
    },
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });
  let referralUrl = '';

  async function as(email: string): Promise<Page> {
    const ctx = await s.browser.newContext();
    contexts.push(ctx);
    const p = await ctx.newPage();
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill(email);
    await p.locator('#f-password').fill('test-password-1');
    await p.locator('form[method="post"] button[type="submit"]').click();
    await p.waitForURL(/\/personale$/);
    return p;
  }

  async function press(p: Page, form: string, name: string) {
    await Promise.all([
      p.waitForNavigation(),
      p.locator(form).getByRole('button', { name, exact: true }).click(),
    ]);
  }

  let gp: Page;

  it('the referrer form: empty, with errors named in a summary, and sent', async () => {
    gp = await as('gp@test.dk');
    await gp.goto(`${s.base}/personale/henvisninger/ny`);
    expect(await gp.locator('h1').textContent()).toBe('Ny henvisning');
    await expectAccessible(gp, 'referral form, empty');

    await press(gp, 'main form', 'Send henvisning');
    const summary = gp.locator('.lighed-error-summary');
    expect(await summary.isVisible()).toBe(true);
    const items = await summary.locator('li a').allTextContents();
    expect(items).toEqual([
      'Skriv borgerens navn',
      'Skriv borgerens fødselsdato eller CPR-nummer',
      'Skriv et telefonnummer eller en e-mailadresse',
      'Vælg mindst ét emne, en kronisk sygdom eller graviditet',
      'Borgeren skal give samtykke til henvisningen',
    ]);
    expect(await gp.title()).toMatch(/^Fejl:/);
    await expectAccessible(gp, 'referral form with errors');
    // Each summary link leads to its field.
    expect(await summary.locator('li a').first().getAttribute('href')).toBe('#f-name');

    await gp.locator('#f-name').fill('Amal Haddad');
    await gp.locator('#f-birthDate').fill('1971-03-04');
    await gp.locator('#f-phone').fill('20 30 40 50');
    await gp.locator('#f-preferredLanguage').selectOption('ar');
    await gp.getByLabel('Bevægelse', { exact: true }).check();
    await gp.getByLabel('Type 2-diabetes', { exact: true }).check();
    await gp.getByLabel('Tolk', { exact: true }).check();
    await gp.getByLabel('Håndholdt støtte', { exact: true }).check();
    await gp.locator('#f-interpreterLanguage').fill('ar');
    await gp.locator('label[for="f-consent"]').click();
    await gp.locator('#f-note').fill('Ønsker hjælp til at komme i gang.');
    await press(gp, 'main form', 'Send henvisning');
    await gp.waitForURL(/\/personale\/henvisninger\/[0-9a-f-]{36}\?besked=sendt$/);
    referralUrl = gp.url().replace(/\?.*$/, '');
    expect(await gp.locator('[role="status"]').textContent()).toContain('Henvisningen er sendt');
    expect(await gp.locator('main').textContent()).toContain('Tolk (arabisk)');
    await expectAccessible(gp, 'referral sent');
    // No personal data in the URL.
    expect(gp.url()).not.toMatch(/Amal|Haddad|1971/);
  });

  it('triage: the coordinator sees it in the intake queue, names a missing reason, and forwards it', async () => {
    const c = await as('coordinator@test.dk');
    await c.goto(`${s.base}/personale/henvisninger/visitation`);
    await expectAccessible(c, 'intake queue');
    await Promise.all([
      c.waitForNavigation(),
      c.getByRole('link', { name: 'Amal Haddad' }).click(),
    ]);
    expect(c.url()).toBe(referralUrl);
    await expectAccessible(c, 'referral in triage');
    // Declining needs a reason: the error is named and linked to the field.
    await press(c, 'form:has(input[name="action"][value="decline"])', 'Afvis');
    expect(await c.locator('.lighed-error-summary li a').allTextContents()).toEqual([
      'Vælg en begrundelse',
    ]);
    expect(await c.locator('.lighed-error-summary li a').getAttribute('href')).toBe(
      '#f-decline-reasonCode',
    );
    await expectAccessible(c, 'triage with an error');
    await c
      .locator('#f-forward-offerId')
      .selectOption({ label: 'Gåtur i Æblehaven (Sundhedscenter Roskilde)' });
    await press(c, 'form:has(input[name="action"][value="forward"])', 'Send videre');
    expect(await c.locator('[role="status"]').textContent()).toContain('Ændringen er gemt');
    expect(await c.locator('main').textContent()).toContain('Sendt videre til tilbuddet');
  });

  it('the provider inbox: accept, contacted, enrolled, two sessions, and a closing note', async () => {
    const p = await as('provider@test.dk');
    await p.goto(`${s.base}/personale/henvisninger/indbakke`);
    await expectAccessible(p, 'provider inbox');
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole('link', { name: 'Amal Haddad' }).click(),
    ]);
    await expectAccessible(p, 'referral at the provider');
    await press(p, 'form:has(input[name="action"][value="accept"])', 'Tag imod');
    await press(p, 'form:has(input[name="action"][value="contacted"])', 'Registrér kontakt');
    // "Aftal tid" (issue 11): a missing time is named; then the time is agreed and shown.
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const agree = 'form:has(input[name="action"][value="appointment"])';
    await p.locator('#f-appointment-date').fill(day);
    // This citizen agreed to no messages: the form says the time is not sent, and promises none.
    expect(await p.locator(agree).textContent()).toContain('så tiden sendes ikke');
    await press(p, agree, 'Gem tiden');
    expect(await p.locator('.lighed-error-summary li a').allTextContents()).toEqual([
      'Skriv et klokkeslæt, for eksempel 10:00',
    ]);
    await expectAccessible(p, 'appointment with an error');
    await p.locator('#f-appointment-time').fill('10:00');
    await press(p, agree, 'Gem tiden');
    expect(await p.locator('main').textContent()).toContain('Tid aftalt');
    expect(await p.locator('.lighed-message-log').isVisible()).toBe(true);
    await expectAccessible(p, 'referral with an appointment');
    await p.locator('#f-enrol-date').fill('2026-12-08');
    await press(p, 'form:has(input[name="action"][value="enrol"])', 'Registrér start');
    for (const d of ['2026-12-08', '2026-12-15']) {
      await p.locator('#f-session-date').fill(d);
      await p.locator('#f-session-attendance').selectOption('attended');
      await press(p, 'form:has(input[name="action"][value="session"])', 'Registrér fremmøde');
    }
    expect(await p.locator('main').textContent()).toContain('Startet i forløbet');
    await expectAccessible(p, 'referral in progress');
    // The closing note without an outcome: named, kept, fixed.
    await p.locator('#f-complete-agreed').fill('Går nu fast med sin makker.');
    await press(p, 'form:has(input[name="action"][value="complete"])', 'Afslut');
    expect(await p.locator('.lighed-error-summary li a').allTextContents()).toEqual([
      'Vælg resultatet',
    ]);
    expect(await p.locator('#f-complete-agreed').inputValue()).toBe('Går nu fast med sin makker.');
    await expectAccessible(p, 'closing note with an error');
    await p.locator('#f-complete-outcome').selectOption('goal_met');
    expect(await p.locator('#f-complete-sessionsAttended').inputValue()).toBe('2');
    await p.locator('#f-complete-nextStep').fill('Fortsætter selv.');
    await press(p, 'form:has(input[name="action"][value="complete"])', 'Afslut');
    expect(await p.locator('main').textContent()).toContain('Afslutningsnotat');
  });

  it('the GP sees the status, the history and the closing note', async () => {
    await gp.goto(referralUrl);
    const main = (await gp.locator('main').textContent()) ?? '';
    expect(main).toContain('Afsluttet');
    expect(main).toContain('Målet er nået');
    expect(main).toContain('Går nu fast med sin makker.');
    expect(await gp.locator('#closing-note').isVisible()).toBe(true);
    expect(await gp.locator('form:has(input[name="action"])').count()).toBe(0);
    await expectAccessible(gp, 'closing note for the referrer');
    await gp.goto(`${s.base}/personale/henvisninger`);
    await expectAccessible(gp, 'my referrals');
  });

  it('the municipality’s settings page, and its error', async () => {
    const a = await as('admin@test.dk');
    await a.goto(`${s.base}/personale/henvisninger/indstillinger`);
    await expectAccessible(a, 'referral settings');
    await a.locator('#f-answerDays').fill('20');
    await press(a, 'main form', 'Gem indstillinger');
    expect(await a.locator('.lighed-error-summary li a').allTextContents()).toEqual([
      'Skriv svarfristen som et helt tal fra 0 til 14',
    ]);
    await expectAccessible(a, 'referral settings with an error');
  });
});
