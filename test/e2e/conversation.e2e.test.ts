/**
 * The job-centre health conversation in Chromium, on a tablet: a frontline worker holds the
 * conversation in Danish with a citizen who reads the questions in Arabic, walks every step by
 * clicking like a user (skip logic, a bad number, "Vil ikke svare", a pause and a resume), sees
 * a hand-held profile with its reasons and the citizen's resources, gets matched offers with
 * reasons, signs the citizen up, and prints the profile in Arabic (page and PDF). A second
 * context with JavaScript off proves the form needs none. Every page checked has zero axe
 * violations at WCAG 2.1 AA.
 */
import { afterAll, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serveForBrowser } from './support/served.ts';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { GENERAL_SET_ID, setById } from '../../src/conversation/instruments/sets.ts';

// The general health conversation's instruments, in the order asked (the default set).
const ASKED = setById(GENERAL_SET_ID)!.instruments;
const stepOf = (id: string) => ASKED.indexOf(id) + 1;
const STEPS = ASKED.length;
const ARABIC = /\p{Script=Arabic}/u;

describeBrowser('frontline worker holds a health conversation in Chromium', () => {
  const s = serveForBrowser();
  let worker: BrowserContext;
  let page: Page;
  let conversationUrl = '';
  afterAll(() => worker?.close());

  async function signIn(p: Page, email = 'frontline@test.dk') {
    await p.goto(`${s.base}/personale/log-ind`);
    await p.locator('#f-email').fill(email);
    await p.locator('#f-password').fill('test-password-1');
    await p.locator('form[method="post"] button[type="submit"]').click();
    await p.waitForURL(/\/personale$/);
  }

  /** Presses a submit button and waits for the page it leads to (a redirect, or the same step again). */
  async function press(p: Page, name: string) {
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole('button', { name, exact: true }).click(),
    ]);
  }

  /** The label of one option of a question, found by its Danish text (the Arabic sits beside it). */
  function option(p: Page, itemId: string, danish: string): Locator {
    return p
      .locator(`#f-a_${itemId} label`)
      .filter({ has: p.locator('span[lang="da"]').getByText(danish, { exact: true }) });
  }

  /** Clicks the option's label and checks that its radio or checkbox is now checked. */
  async function choose(p: Page, itemId: string, danish: string) {
    const label = option(p, itemId, danish);
    await label.click();
    const id = await label.getAttribute('for');
    expect(await p.locator(`#${id}`).isChecked(), `${itemId}: ${danish}`).toBe(true);
  }

  /** Ticks "Vil ikke svare" for a question, by its label. */
  async function decline(p: Page, itemId: string) {
    await p.locator(`label[for="f-a_${itemId}-declined"]`).click();
    expect(await p.locator(`#f-a_${itemId}-declined`).isChecked()).toBe(true);
  }

  async function expectStep(p: Page, n: number) {
    await p.waitForURL(new RegExp(`/trin/${n}$`));
    expect(await p.locator('.lighed-step-count').textContent()).toBe(`Trin ${n} af ${STEPS}`);
  }

  /** The Arabic text is shown beside the Danish: visible, right to left, in Arabic script. */
  async function expectArabicBeside(p: Page) {
    const arabic = p.locator('main [lang="ar"][dir="rtl"]');
    expect(await arabic.count()).toBeGreaterThan(0);
    expect(await arabic.first().isVisible()).toBe(true);
    expect(await arabic.first().textContent()).toMatch(ARABIC);
    expect(await p.locator('main span[lang="da"]').first().isVisible()).toBe(true);
  }

  it('signs in on a tablet and starts a conversation with consent, after a missing choice is named', async () => {
    // Workers hold the conversation on a tablet.
    worker = await s.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    worker.setDefaultTimeout(10000);
    page = await worker.newPage();
    await signIn(page);
    await page.goto(`${s.base}/personale/samtaler`);
    expect(await page.locator('h1').textContent()).toBe('Sundhedssamtaler');
    expect(await page.locator('main').textContent()).toContain('Jobcenter Roskilde');
    await expectAccessible(page, 'conversation list');

    await page.getByRole('link', { name: 'Start en ny samtale' }).click();
    await page.waitForURL(/\/personale\/samtaler\/ny$/);
    await expectAccessible(page, 'start form');

    // Consent first, in the citizen's language: the worker picks Arabic and the text follows.
    await page.selectOption('#f-sprog', 'ar');
    await press(page, 'Vis');
    expect(await page.locator('.lighed-consent [lang="ar"][dir="rtl"]').first().isVisible()).toBe(
      true,
    );
    expect(await page.locator('#f-language').inputValue()).toBe('ar');
    await expectAccessible(page, 'start form with the consent text in Arabic');

    // Submitted without choosing a mode: the error summary names it.
    await press(page, 'Start samtalen');
    const summary = page.locator('.lighed-error-summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain('Vælg samtale med samtykke eller anonym samtale');
    expect(await page.title()).toMatch(/^Fejl:/);
    await expectAccessible(page, 'start form with errors');

    // Filled in as the worker would, by clicking the labels.
    await page.locator('label[for="f-mode-named"]').click();
    expect(await page.locator('#f-mode-named').isChecked()).toBe(true);
    await page.locator('label[for="f-consent"]').click();
    expect(await page.locator('#f-consent').isChecked()).toBe(true);
    await page.locator('#f-citizen_name').fill('Amal Haddad');
    await page.locator('#f-birth_year').fill('1979');
    await page.locator('#f-postcode').fill('4000');
    await page.selectOption('#f-language', 'ar');
    await page.locator('label[for="f-interpreter_needed"]').click();
    expect(await page.locator('#f-interpreter_needed').isChecked()).toBe(true);
    await page.selectOption('#f-arena', 'job_centre');
    await press(page, 'Start samtalen');
    await expectStep(page, 1);
    conversationUrl = page.url().replace(/\/trin\/1$/, '');
    expect(conversationUrl).toMatch(/\/personale\/samtaler\/[0-9a-f-]{36}$/);
  });

  it('walks every step by clicking, with Arabic beside the Danish, skip logic, a bad number, a pause and a resume', async () => {
    // Step 1: self-rated health, Arabic beside the Danish.
    await expectStep(page, 1);
    expect(await page.locator('html').getAttribute('lang')).toBe('da'); // the worker's page stays Danish
    await expectArabicBeside(page);
    await expectAccessible(page, 'step 1 (self-rated health)');
    await choose(page, 'srh', 'Mindre godt');
    await press(page, 'Næste');

    // WHO-5: every item "Lidt af tiden" (a score of 20 of 100).
    const who5 = stepOf('who-5');
    await expectStep(page, who5);
    await expectArabicBeside(page);
    expect(await page.locator('main').textContent()).toContain(
      'Jeg har været glad og i godt humør',
    );
    await expectAccessible(page, 'WHO-5 step');
    for (let i = 1; i <= 5; i++) await choose(page, `who5-${i}`, 'Lidt af tiden');
    await press(page, 'Næste');

    // Smoking: "every day" reveals "how many a day" once saved; no JavaScript needed.
    const smoking = stepOf('smoking');
    await expectStep(page, smoking);
    expect(await page.locator('#f-a_smoking-per-day').count()).toBe(0);
    await choose(page, 'smoking-status', 'Ja, hver dag');
    await press(page, 'Næste');
    await expectStep(page, smoking); // the same step again, with the follow-up
    expect(await page.locator('#f-a_smoking-status-0').isChecked()).toBe(true);
    expect(await page.locator('#f-a_smoking-per-day').isVisible()).toBe(true);
    await expectAccessible(page, 'smoking step with the follow-up');
    await page.locator('#f-a_smoking-per-day').fill('20');
    await press(page, 'Næste');

    // Alcohol units: a number it cannot read is named in the summary, and kept.
    const units = stepOf('alcohol-units');
    await expectStep(page, units);
    await page.locator('#f-a_alcohol-week').fill('ti');
    await press(page, 'Næste');
    expect(page.url()).toMatch(new RegExp(`/trin/${units}$`));
    expect(await page.title()).toMatch(/^Fejl:/);
    const summary = page.locator('.lighed-error-summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.locator('a[href="#f-a_alcohol-week"]').textContent()).toBe(
      'Skriv et tal, for eksempel 3 eller 2,5',
    );
    expect(await page.locator('#f-a_alcohol-week').inputValue()).toBe('ti');
    expect(await page.locator('#f-a_alcohol-week').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'alcohol step with a bad number');
    await page.locator('#f-a_alcohol-week').fill('3');
    await decline(page, 'alcohol-max-day'); // "Vil ikke svare"
    await press(page, 'Næste');

    // AUDIT-C: never drinks, so the follow-ups stay hidden and the step moves on.
    const auditC = stepOf('audit-c');
    await expectStep(page, auditC);
    await choose(page, 'auditc-1', 'Aldrig');
    await press(page, 'Næste');

    // Physical activity: pause here, then resume from the list and the profile.
    const activity = stepOf('activity');
    await expectStep(page, activity);
    await press(page, 'Gem og hold pause');
    await page.waitForURL(/\/personale\/samtaler$/);
    const row = page.locator('tbody tr', { hasText: 'Amal Haddad' });
    expect(await row.textContent()).toContain(`Sat på pause ved trin ${activity} af ${STEPS}`);
    await expectAccessible(page, 'conversation list with a paused conversation');
    await row.getByRole('link', { name: 'Amal Haddad' }).click();
    await page.waitForURL(conversationUrl);
    await page
      .getByRole('link', { name: `Fortsæt samtalen (trin ${activity} af ${STEPS})` })
      .click();
    await expectStep(page, activity);

    // Nothing is forced: the next steps move on unanswered until loneliness.
    for (let n = activity; n < stepOf('loneliness-3'); n++) {
      await expectStep(page, n);
      await press(page, 'Næste');
    }

    // Loneliness: "Ofte" to all three.
    await expectStep(page, stepOf('loneliness-3'));
    for (const item of ['lonely-1', 'lonely-2', 'lonely-3']) await choose(page, item, 'Ofte');
    await press(page, 'Næste');

    await expectStep(page, stepOf('pss-10'));
    await press(page, 'Næste');

    // Health literacy: often needs help reading.
    await expectStep(page, stepOf('health-literacy-1'));
    await choose(page, 'sils', 'Ofte');
    await press(page, 'Næste');

    await expectStep(page, stepOf('social-needs'));
    await press(page, 'Næste');

    // Resources: nature gives energy.
    await expectStep(page, stepOf('resources'));
    await choose(page, 'resources-energy', 'At være ude i naturen');
    await page.locator('#f-a_resources-successes').fill('Jeg lærte dansk på to år');
    await press(page, 'Næste');

    // Priorities: a multiple choice, two ticked.
    await expectStep(page, stepOf('priorities'));
    await choose(page, 'priorities-domains', 'Bevæge mig mere');
    await choose(page, 'priorities-domains', 'Fællesskab og at være mindre alene');
    expect(await page.locator('#f-a_priorities-domains input:checked').count()).toBe(2);
    await expectAccessible(page, 'priorities step (several choices)');
    await press(page, 'Næste');

    // Motivation: the rulers reveal "why not a lower number?"; the last button finishes.
    const motivation = stepOf('motivation-rulers');
    expect(motivation).toBe(STEPS);
    await expectStep(page, motivation);
    await choose(page, 'importance', '8');
    await choose(page, 'confidence', '2');
    await press(page, 'Færdig: se profilen');
    await expectStep(page, motivation);
    await page.locator('#f-a_importance-why').fill('Mine børn');
    await decline(page, 'confidence-why');
    await press(page, 'Færdig: se profilen');
    await page.waitForURL(conversationUrl);
  });

  it('shows the profile with a hand-held level, its reasons and the resources', async () => {
    await page.goto(conversationUrl);
    const main = page.locator('main');
    expect(await page.locator('.lighed-support-level').textContent()).toBe(
      'Støtteniveau: Håndholdt',
    );
    const reasons = await page.locator('.lighed-support li').allTextContents();
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Du har nogle gange brug for hjælp til at læse information om sundhed.',
        'Du føler dig tit alene.',
        'Du har brug for tolk.',
        expect.stringContaining('Din trivsel (WHO-5) er 20 ud af 100') as unknown as string,
      ]),
    );
    const text = await main.textContent();
    expect(text).toContain('At være ude i naturen');
    expect(text).toContain('Jeg lærte dansk på to år');
    expect(text).toContain('Bevæge mig mere');
    expect(text).toContain('Fællesskab og at være mindre alene');
    expect(text).toContain('Færdig');
    await expectAccessible(page, 'profile');
  });

  it('finds matched offers with reasons and saves the walk', async () => {
    await page.getByRole('link', { name: 'Find tilbud' }).click();
    await page.waitForURL(`${conversationUrl}/tilbud`);
    // The test fixture has only a few published offers; the demo catalogue gives five or more.
    const matches = page.locator('.lighed-match');
    const count = await matches.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      expect(await matches.nth(i).locator(`#m-${i}-why`).textContent()).toMatch(/^Fordi: \S/);
    }
    const walk = matches.filter({ hasText: 'Gåtur i Æblehaven' });
    expect(await walk.count()).toBe(1);
    expect(await walk.locator('[id$="-why"]').textContent()).toContain('på arabisk');
    // The reasons in Arabic too, for the citizen.
    expect(await walk.locator('[lang="ar"][dir="rtl"]').textContent()).toMatch(ARABIC);
    await walk.locator('label').click();
    expect(await walk.locator('input[type="checkbox"]').isChecked()).toBe(true);
    await press(page, 'Gem de valgte tilbud');
    await page.waitForURL(`${conversationUrl}/tilbud?gemt=1`);
    // Saving says so (issue 14).
    expect(await page.locator('[role="status"]').textContent()).toContain(
      '1 tilbud er gemt i samtalen.',
    );
    expect(await page.locator('.lighed-saved').textContent()).toContain('Gåtur i Æblehaven');
    await expectAccessible(page, 'matched offers');
  });

  it('signs the citizen up for the walk, with consent, and shows the receipt', async () => {
    await page
      .locator('.lighed-saved li', { hasText: 'Gåtur i Æblehaven' })
      .getByRole('link', { name: 'Tilmeld' })
      .click();
    await page.waitForURL(/\/tilbud\/[0-9a-f-]{36}\/tilmeld$/);
    expect(await page.locator('#f-name').inputValue()).toBe('Amal Haddad');
    await expectAccessible(page, 'sign-up form');
    await page.locator('#f-phone').fill('12 34 56 78');
    await page.locator('label[for="f-consent"]').click();
    expect(await page.locator('#f-consent').isChecked()).toBe(true);
    await press(page, 'Tilmeld borgeren');
    const receipt = page.locator('.alert-success');
    expect(await receipt.locator('h1').textContent()).toBe(
      'Borgeren er tilmeldt: Gåtur i Æblehaven',
    );
    expect(await receipt.textContent()).toMatch(/Kvitteringsnummer: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    await expectAccessible(page, 'sign-up receipt');

    await page.goto(conversationUrl);
    expect(await page.locator('.lighed-saved').textContent()).toContain('Tilmeldt');
  });

  it('prints the profile in Arabic, right to left, on screen, on paper and as a PDF', async () => {
    await page.goto(conversationUrl);
    await page.getByRole('link', { name: 'Udskriv profilen på arabisk' }).click();
    await page.waitForURL(/\/udskrift\?sprog=ar$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html[lang="ar"][dir="rtl"]').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('ملفي الصحي');
    await expectAccessible(page, 'Arabic print page');

    // On screen the back/PDF links show; on paper they are hidden.
    const screenOnly = page.locator('.print-screen-only');
    expect(await screenOnly.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await screenOnly.isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The PDF, rendered by the server's Chromium, with the worker's session.
    const pdf = await page.request.get(`${conversationUrl}/udskrift.pdf?sprog=ar`, {
      timeout: 60_000,
    });
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 90_000);

  it('works with JavaScript off: an anonymous conversation and the smoking skip logic', async () => {
    const context = await s.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 820, height: 1180 },
    });
    context.setDefaultTimeout(10000);
    try {
      const p = await context.newPage();
      await signIn(p);
      await p.goto(`${s.base}/personale/samtaler/ny`);
      await p.locator('label[for="f-mode-anonymous"]').click();
      expect(await p.locator('#f-mode-anonymous').isChecked()).toBe(true);
      await p.selectOption('#f-language', 'ar');
      await press(p, 'Start samtalen');
      await expectStep(p, 1);
      await expectArabicBeside(p);
      const smoking = stepOf('smoking');
      for (let n = 1; n < smoking; n++) {
        await expectStep(p, n);
        await press(p, 'Næste');
      }
      await expectStep(p, smoking);
      expect(await p.locator('#f-a_smoking-per-day').count()).toBe(0);
      await choose(p, 'smoking-status', 'Ja, hver dag');
      await press(p, 'Næste');
      // The server shows the step again with the follow-up.
      await expectStep(p, smoking);
      expect(await p.locator('#f-a_smoking-per-day').isVisible()).toBe(true);
      await p.locator('#f-a_smoking-per-day').fill('5');
      await press(p, 'Næste');
      await expectStep(p, smoking + 1);
    } finally {
      await context.close();
    }
  });

  it('gives the admin accessible settings: instruments, matching weights and teams', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const p = await context.newPage();
      await signIn(p, 'admin@test.dk');
      await p.goto(`${s.base}/personale/samtaler/indstillinger`);
      await expectAccessible(p, 'settings');
      // A weight out of range is named and the page stays accessible.
      await p.locator('#f-distance').fill('11');
      await press(p, 'Gem vægte');
      await expect
        .poll(() => p.locator('.alert-error, .error-summary, [role="alert"]').count())
        .toBeGreaterThan(0);
      await expectAccessible(p, 'settings with an error');
      await p.goto(`${s.base}/personale/samtaler/teams`);
      await expectAccessible(p, 'teams');
      await p.goto(`${s.base}/personale/samtaler`);
      await expectAccessible(p, 'all conversations (admin)');
    } finally {
      await context.close();
    }
  });
});
