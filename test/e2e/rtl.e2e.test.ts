/**
 * Right to left and the citizen pages' small print, in Chromium: Danish text, addresses, phone
 * numbers and postcodes inside Arabic pages keep their own left-to-right order; an offer
 * described only in Danish says so in the page's language; the sign-up error summary counts
 * and takes focus; the accessibility statement is complete and its heading does not break
 * mid-word on a phone; the site has a favicon.
 */
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeBrowser, expectAccessible } from './support/browser.ts';
import { serveForBrowser } from './support/served.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { inTenant } from '../../src/db/db.ts';
import { saveOffer } from '../../src/catalog/offer.store.ts';
import { translator } from '../../src/web/i18n.ts';
import { UI_LANGUAGES } from '../../src/web/languages.ts';

const CONTACT = 'tilgaengelighed@roskilde.example';

/** What the page's global scope looks like to the evaluated functions (no DOM lib here). */
interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(sel: string): El | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
  childNodes: ArrayLike<Node>;
}
interface Node {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}
interface Doc {
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  activeElement: El | null;
  createRange(): {
    setStart(n: Node, o: number): void;
    setEnd(n: Node, o: number): void;
    getBoundingClientRect(): { left: number; right: number; top: number };
    getClientRects(): ArrayLike<{ top: number; width: number }>;
  };
}
interface G {
  document: Doc;
  getComputedStyle(el: El): Record<string, string>;
}

describeBrowser('right to left and citizen page details in Chromium', () => {
  let danishId: string;
  const s = serveForBrowser({
    prepare: async (db, fx) => {
      danishId = await inTenant(db, '0265', async (tx) => {
        await tx.query(
          `update location set transport_note = 'Bus 201A til Æblehaven, 2 min. gang.',
             accessibility_note = 'Trappefri adgang.' where id = $1`,
          [fx.locationId],
        );
        return saveOffer(
          tx,
          '0265',
          {
            organization_id: fx.orgId,
            title: 'Hjertemotion på Æblehaven',
            summary: 'Træning for dig med en hjertesygdom. Vi starter roligt!',
            description: 'Vi mødes hver uge.\n\nTag gode sko på.',
            how_to_join: 'Ring til os, eller skriv en e-mail.',
            arena: 'housing_area',
            offer_type: 'group',
            topics: ['physical_activity'],
            life_phases: ['adults'],
            languages: ['da'],
            mode: 'in_person',
            interpreter_available: false,
            free: false,
            price_dkk: 100,
            price_note: 'pr. måned',
            children_welcome: false,
            childcare: false,
            wheelchair_accessible: true,
            welcomes_newcomers: true,
            transport_help: false,
            min_age: 18,
            max_age: null,
            recommendations: [],
            target_groups: [],
            contact_name: 'Sundhedscenter Roskilde, Hanne',
            contact_phone: '+45 4634 1000',
            contact_email: 'hjerte@roskilde.example',
            url: '',
            translations: {},
            location_ids: [fx.locationId],
            schedules: [{ weekday: 3, starts_at: '09:30', ends_at: '10:30', note: 'i salen' }],
          },
          { status: 'published' },
        );
      });
    },
    build: (db) => {
      const config = loadConfig({
        LIGHED_KOMMUNE: '0265',
        LIGHED_LOG_LEVEL: 'silent',
        LIGHED_ACCESSIBILITY_EMAIL: CONTACT,
      });
      return buildApp({ db, config, cookieSecret: 'x'.repeat(40), logger: false });
    },
  });

  async function newContext(lang: string, width = 1024): Promise<BrowserContext> {
    const context = await s.browser.newContext({ viewport: { width, height: 800 } });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await page.goto(`${s.base}/?lang=${lang}`);
    await page.close();
    return context;
  }

  /** Elements with lang="da" (and tel:, mailto: links) whose text may run right to left. */
  const unisolated = (page: Page) =>
    page.evaluate(() => {
      const g = globalThis as unknown as G;
      const bad: string[] = [];
      const all = g.document.querySelectorAll('[lang="da"], a[href^="tel:"], a[href^="mailto:"]');
      for (let i = 0; i < all.length; i++) {
        const el = all[i]!;
        const s = g.getComputedStyle(el);
        const isolated = s['unicodeBidi'] === 'isolate' || s['unicodeBidi'] === 'isolate-override';
        if (s['direction'] !== 'ltr' || !(isolated || el.tagName === 'BDI'))
          bad.push(`${el.tagName} ${s['direction']} ${s['unicodeBidi']}: ${el.textContent ?? ''}`);
      }
      return { count: all.length, bad };
    });

  /**
   * Left edges of `parts` as rendered, in the first element matching `selector` whose text
   * holds them all in this order (one text node).
   */
  const lefts = (page: Page, selector: string, parts: string[]) =>
    page.evaluate(
      ({ selector, parts }) => {
        const g = globalThis as unknown as G;
        const els = g.document.querySelectorAll(selector);
        const texts: Node[] = [];
        const walk = (n: Node) => {
          if (n.nodeType === 3) texts.push(n);
          for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
        };
        for (let i = 0; i < els.length; i++) walk(els[i] as unknown as Node);
        for (const t of texts) {
          const s = t.textContent ?? '';
          let from = 0;
          const at: number[] = [];
          for (const p of parts) {
            const i = s.indexOf(p, from);
            if (i < 0) break;
            at.push(i);
            from = i + p.length;
          }
          if (at.length !== parts.length) continue;
          return at.map((i, k) => {
            const r = g.document.createRange();
            r.setStart(t, i);
            r.setEnd(t, i + parts[k]!.length);
            return r.getBoundingClientRect().left;
          });
        }
        return null;
      },
      { selector, parts },
    );

  const ascending = (xs: number[] | null) => {
    expect(xs).not.toBeNull();
    const v = xs ?? [];
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1]!);
  };

  it('keeps Danish text, addresses, postcodes and phone numbers left to right in Arabic pages', async () => {
    const context = await newContext('ar');
    const page = await context.newPage();

    await page.goto(`${s.base}/?q=hjertemotion&postnummer=4000`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const results = await unisolated(page);
    expect(results.count).toBeGreaterThan(0);
    expect(results.bad).toEqual([]);
    // "4000 Roskilde" in the address and in "… km from 4000 Roskilde" reads in its own order.
    ascending(await lefts(page, '.lighed-result dd', ['4000', 'Roskilde']));
    ascending(await lefts(page, '.lighed-result dd', ['Æblehaven', '1,']));
    // The next session's label is not repeated in its value.
    const next = translator('ar')('offer.fact.next');
    const dd = page.locator(`.lighed-result dt:text-is("${next}") + dd`).first();
    expect(await dd.textContent()).not.toContain(next);
    await expectAccessible(page, 'ar results');

    await page.goto(`${s.base}/tilbud/${danishId}`);
    const offer = await unisolated(page);
    expect(offer.count).toBeGreaterThan(5);
    expect(offer.bad).toEqual([]);
    ascending(await lefts(page, 'a[href^="tel:"]', ['+45', '4634', '1000']));
    ascending(await lefts(page, '.lighed-location', ['4000', 'Roskilde']));
    // Times read left to right inside an Arabic sentence (which itself runs right to left).
    ascending(await lefts(page, 'li', ['09', '30']));
    ascending(await lefts(page, 'li', ['10', '30']));
    // List bullets sit on the start side of each list's own direction.
    const lists = await page.evaluate(() => {
      const g = globalThis as unknown as G;
      const out: string[] = [];
      const uls = g.document.querySelectorAll('main ul:not(.nobullet-list), main ol');
      for (let i = 0; i < uls.length; i++) {
        const s = g.getComputedStyle(uls[i]!);
        const start = s['direction'] === 'rtl' ? s['paddingRight'] : s['paddingLeft'];
        const end = s['direction'] === 'rtl' ? s['paddingLeft'] : s['paddingRight'];
        if (!(parseFloat(start ?? '0') > 10 && parseFloat(end ?? '0') < 10))
          out.push(`${s['direction']} start ${start} end ${end}`);
      }
      return out;
    });
    expect(lists).toEqual([]);
    await expectAccessible(page, 'ar offer page');
    await context.close();
  }, 90_000);

  it('says at the top, in the page language, that an offer is described in Danish only', async () => {
    const context = await newContext('da');
    const page = await context.newPage();
    for (const lang of UI_LANGUAGES) {
      await page.goto(`${s.base}/tilbud/${danishId}?lang=${lang}`);
      const note = page.locator('.lighed-danish-only');
      if (lang === 'da') {
        expect(await note.count()).toBe(0);
      } else {
        expect(await note.textContent(), lang).toContain(translator(lang)('offer.danishOnly'));
        expect(await note.getAttribute('lang')).toBeNull();
        // At the top: right under the heading, before the offer's own (Danish) text.
        expect(
          await page.evaluate(() => {
            const g = globalThis as unknown as G;
            const h1 = g.document.querySelector('main h1') as unknown as {
              nextElementSibling: El | null;
            };
            return h1.nextElementSibling?.getAttribute('class') ?? '';
          }),
        ).toContain('lighed-danish-only');
      }
      // An offer with its title and summary translated (Arabic) but not its description says
      // that part of it is in Danish; in the other languages, all of it.
      await page.goto(`${s.base}/tilbud/${s.fx.walkId}`);
      expect(await page.locator('.lighed-danish-only').count()).toBe(lang === 'da' ? 0 : 1);
      if (lang !== 'da') {
        expect(await page.locator('.lighed-danish-only').textContent()).toContain(
          translator(lang)(lang === 'ar' ? 'offer.partlyDanish' : 'offer.danishOnly'),
        );
      }
    }
    await context.close();
  }, 90_000);

  for (const lang of ['da', 'ar'] as const) {
    it(`counts the sign-up's problems, focuses the summary and spaces the button (${lang})`, async () => {
      const t = translator(lang);
      const context = await newContext(lang);
      const page = await context.newPage();
      await page.goto(`${s.base}/tilbud/${s.fx.walkId}/tilmeld`);
      await page.locator('form[method="post"] button[type="submit"]').click();
      await page.waitForURL(/tilmeld$/);
      const heading = await page.locator('.lighed-error-summary h2').textContent();
      expect(heading).toContain(t('form.errorCount', { count: 3 }));
      if (lang === 'da') expect(heading).toContain('Der er 3 fejl');
      expect(await page.locator('.lighed-error-summary li').count()).toBe(3);
      await page.waitForFunction(() => {
        const g = globalThis as unknown as G;
        return g.document.activeElement?.getAttribute('class')?.includes('lighed-error-summary');
      });
      await expectAccessible(page, `${lang} sign-up errors`);

      for (const path of [`/tilbud/${s.fx.walkId}/tilmeld`, `/tilbud/${s.fx.walkId}/fejl`]) {
        await page.goto(`${s.base}${path}`);
        const gap = await page.evaluate(() => {
          const g = globalThis as unknown as G;
          const button = g.document.querySelector('form[method="post"] button[type="submit"]');
          const groups = g.document.querySelectorAll('form[method="post"] .form-group');
          const last = groups[groups.length - 1];
          if (!button || !last) return -1;
          return button.getBoundingClientRect().top - last.getBoundingClientRect().bottom;
        });
        expect(gap, path).toBeGreaterThanOrEqual(24);
      }
      await context.close();
    }, 90_000);
  }

  for (const lang of ['da', 'ar'] as const) {
    it(`has a complete accessibility statement whose heading keeps its words whole at 390 px (${lang})`, async () => {
      const t = translator(lang);
      const context = await newContext(lang, 390);
      const page = await context.newPage();
      await page.goto(`${s.base}/tilgaengelighed`);
      expect(await page.locator(`main a[href="mailto:${CONTACT}"]`).count()).toBe(1);
      expect(await page.locator('main a[href="https://www.was.digst.dk/"]').count()).toBe(1);
      expect(await page.locator('main a[href="https://www.was.digst.dk/"]').textContent()).toBe(
        t('a11y.complaintLink'),
      );
      expect(await page.locator('main time[datetime]').count()).toBeGreaterThan(0);
      expect(await page.locator('main').textContent()).toContain('WAS-Tool');
      // Each line of the heading ends at a space or a soft hyphen, never inside a word.
      const breaks = await page.evaluate(() => {
        const g = globalThis as unknown as G;
        const h1 = g.document.querySelector('main h1')!;
        const text = h1.childNodes[0]!;
        const s = text.textContent ?? '';
        const out: string[] = [];
        let top = -1;
        for (let i = 0; i < s.length; i++) {
          if (s[i] === ' ' || s[i] === '\u00ad') continue;
          const r = g.document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          // A range at a line's start may also report an empty box at the previous line's end.
          const boxes = Array.from(r.getClientRects()).sort((a, b) => b.width - a.width);
          const y = Math.round(boxes[0]?.top ?? -1);
          if (top >= 0 && y > top + 2 && s[i - 1] !== ' ' && s[i - 1] !== '\u00ad')
            out.push(`${s.slice(0, i)}|${s.slice(i)}`);
          top = y;
        }
        const box = h1.getBoundingClientRect();
        const main = g.document.querySelector('main')!.getBoundingClientRect();
        if (box.right > main.right + 1 || box.left < main.left - 1) out.push('overflows');
        return out;
      });
      expect(breaks).toEqual([]);
      await expectAccessible(page, `${lang} accessibility statement`);
      await context.close();
    }, 90_000);
  }

  it('has an SVG favicon, linked from every page, and answers /favicon.ico', async () => {
    const context = await newContext('da');
    const page = await context.newPage();
    await page.goto(`${s.base}/`);
    const href = await page.getAttribute('link[rel="icon"]', 'href');
    expect(href).toBeTruthy();
    const icon = await page.request.get(`${s.base}${href ?? ''}`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
    const ico = await page.request.get(`${s.base}/favicon.ico`);
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toContain('image/svg+xml');
    await context.close();
  });
});
