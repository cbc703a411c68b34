/** The staff home: links whose text the page's language lacks are marked as Danish. */
import { expect, it } from 'vitest';
import { renderPage, type PageContext } from '../../web/layout.tsx';
import { translator } from '../../web/i18n.ts';
import { StaffHomePage } from './home-page.tsx';

const ctx = (role: string): PageContext => ({
  lang: 'da',
  t: translator('da'),
  url: '/personale',
  tenantName: 'Roskilde',
  demo: false,
  staff: { name: 'Test', role },
  csrfToken: 'x',
});

it('marks staff home links shown in Danish on a page in another language', () => {
  const page = (lang: 'da' | 'ar') =>
    renderPage(
      <StaffHomePage
        ctx={{ ...ctx('planner'), lang, t: translator(lang), url: `/personale?lang=${lang}` }}
        name="Test"
        role="planner"
      />,
    );
  const ar = page('ar');
  // The planning link has no Arabic text: Danish, marked and isolated left to right.
  expect(ar).toMatch(/<a href="\/personale\/planlaegning" lang="da" dir="ltr">/);
  expect(page('da')).toMatch(/<a href="\/personale\/planlaegning">/);
});
