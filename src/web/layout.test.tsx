/**
 * The staff menu: which entries a role sees (planners and admins find "Planlægning" there) and
 * which one is marked as the current section.
 */
import { expect, it } from 'vitest';
import { Layout, navCurrent, renderPage, type PageContext } from './layout.tsx';
import { translator } from './i18n.ts';

const ctx = (role: string, url = '/personale'): PageContext => ({
  lang: 'da',
  t: translator('da'),
  url,
  tenantName: 'Roskilde',
  demo: false,
  staff: { name: 'Test', role },
  csrfToken: 'x',
});

const menu = (c: PageContext) => {
  const html = renderPage(
    <Layout ctx={c} title="x" area="staff">
      <p>x</p>
    </Layout>,
  );
  const nav = html.slice(
    html.indexOf('lighed-staff-nav'),
    html.indexOf('</nav>', html.indexOf('lighed-staff-nav')),
  );
  return [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map((m) => ({
    href: m[1],
    current: m[2] !== undefined,
    label: m[3],
  }));
};

it('shows "Planlægning" to planners and admins only', () => {
  for (const role of ['planner', 'admin'])
    expect(
      menu(ctx(role)).map((l) => l.label),
      role,
    ).toContain('Planlægning');
  for (const role of ['frontline', 'provider', 'referrer', 'coordinator', 'assessor'])
    expect(
      menu(ctx(role)).map((l) => l.href),
      role,
    ).not.toContain('/personale/planlaegning');
});

it('marks the section of the page, and the home only on itself', () => {
  const onGoal = menu(ctx('planner', '/personale/planlaegning/maal/1?lang=da'));
  expect(onGoal.filter((l) => l.current).map((l) => l.href)).toEqual(['/personale/planlaegning']);
  expect(
    menu(ctx('planner'))
      .filter((l) => l.current)
      .map((l) => l.href),
  ).toEqual(['/personale']);
  // Assessments and the voice are reached from planning: its entry is marked there too, for
  // those who have no entry of their own for them (the assessor has one).
  for (const url of ['/personale/lighedsvurderinger/1', '/personale/stemme'])
    expect(
      menu(ctx('planner', url))
        .filter((l) => l.current)
        .map((l) => l.href),
      url,
    ).toEqual(['/personale/planlaegning']);
  expect(
    menu(ctx('assessor', '/personale/lighedsvurderinger/1'))
      .filter((l) => l.current)
      .map((l) => l.href),
  ).toEqual(['/personale/lighedsvurderinger']);
  expect(navCurrent('/personale/planlaegningx', '/personale/planlaegning')).toBe(false);
  expect(navCurrent('/personale/', '/personale')).toBe(true);
});
