import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { type Translate } from './i18n.ts';
import { LANGUAGE_NAMES, RTL_LANGUAGES } from './languages.ts';

export interface PageContext {
  lang: UiLanguage;
  t: Translate;
  /** Path and query of this request, for the language switcher. */
  url: string;
  tenantName: string;
  demo: boolean;
  staff: { name: string; role: string } | null;
  csrfToken: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Staff area: adds staff navigation and, unless `wide` says otherwise, the full width. */
  area?: 'citizen' | 'staff';
  /**
   * Full-width main column (tables, charts). Staff pages default to it; the citizen pages keep
   * a reading column.
   */
  wide?: boolean;
  /** Languages the page is offered in (the monitor is Danish and English); all by default. */
  languages?: readonly UiLanguage[];
}

/**
 * Links to the same page in other languages (`?lang=xx` is remembered by a cookie). The URL is
 * parsed once for all of them: this is what `URL` writes after `searchParams.set`.
 */
export function languageHrefs(url: string, langs: readonly UiLanguage[]): Map<UiLanguage, string> {
  const u = new URL(url, 'http://x');
  const params = new URLSearchParams(u.search);
  const hrefs = new Map<UiLanguage, string>();
  for (const lang of langs) {
    params.set('lang', lang);
    hrefs.set(lang, `${u.pathname}?${params.toString()}`);
  }
  return hrefs;
}

export function Layout({
  ctx,
  title,
  children,
  area = 'citizen',
  wide = area === 'staff',
  languages = UI_LANGUAGES,
}: LayoutProps) {
  const { t, lang } = ctx;
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
  const hrefs = languageHrefs(ctx.url, languages);
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name', { kommune: ctx.tenantName })}`}</title>
        <link rel="stylesheet" href="/assets/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/assets/lighed.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/lighed.js" defer></script>
      </head>
      <body class={wide ? 'lighed-wide' : undefined}>
        <a class="skipnav" href="#main">
          {t('layout.skip')}
        </a>
        <header class="header lighed-header">
          <div class="container lighed-header-inner">
            <a class="lighed-brand" href={area === 'staff' ? '/personale' : '/'}>
              {t('site.name', { kommune: ctx.tenantName })}
            </a>
            <nav class="lighed-languages" aria-label={t('layout.languages')}>
              <ul class="nobullet-list">
                {languages.map((l) => (
                  <li>
                    <a
                      href={hrefs.get(l) ?? ctx.url}
                      lang={l}
                      dir={RTL_LANGUAGES.has(l) ? 'rtl' : 'ltr'}
                      hreflang={l}
                      aria-current={l === lang ? 'true' : undefined}
                    >
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          {area === 'staff' && ctx.staff && <StaffNav ctx={ctx} />}
        </header>
        {ctx.demo && (
          <div class="lighed-demo-banner" role="note">
            <div class="container">{t('layout.demo')}</div>
          </div>
        )}
        <main id="main" class="container lighed-main" tabIndex={-1}>
          {children}
        </main>
        <footer class="footer lighed-footer">
          <div class="container">
            <ul class="nobullet-list lighed-footer-links">
              <li>
                <a href="/tilgaengelighed">{t('layout.accessibility')}</a>
              </li>
              <li>
                <a href="/privatliv">{t('layout.privacy')}</a>
              </li>
              <li>
                <a href="/personale">{t('layout.staff')}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * Whether a menu entry is the section the page belongs to: the staff home only on itself, any
 * other entry on its own path and every path below it (a goal's page is in "Planlægning").
 */
export function navCurrent(url: string, href: string): boolean {
  const path = new URL(url, 'http://x').pathname.replace(/\/$/, '');
  if (href === '/personale') return path === href;
  return path === href || path.startsWith(`${href}/`);
}

function StaffNav({ ctx }: { ctx: PageContext }) {
  const { t, staff } = ctx;
  if (!staff) return null;
  // [path, label, roles, other sections shown under this entry]
  const links: [string, string, string[], string[]?][] = [
    [
      '/personale',
      t('staff.nav.home'),
      ['admin', 'planner', 'frontline', 'provider', 'referrer', 'coordinator', 'assessor'],
    ],
    ['/personale/tilbud', t('staff.nav.offers'), ['admin', 'planner', 'frontline', 'provider']],
    ['/personale/organisationer', t('staff.nav.organizations'), ['admin', 'provider']],
    ['/personale/tilmeldinger', t('staff.nav.signups'), ['admin', 'provider']],
    ['/personale/samtaler', t('staff.nav.conversations'), ['admin', 'frontline']],
    [
      '/personale/henvisninger',
      t('staff.nav.referrals'),
      ['admin', 'coordinator', 'referrer', 'frontline', 'provider'],
    ],
    ['/personale/monitor', t('staff.nav.monitor'), ['admin', 'planner']],
    // The planning cycle (src/planning: PLANNING_READERS); a path, as the kernel imports no domain.
    // Impact assessments and the citizens' voice are reached from planning's page.
    [
      '/personale/planlaegning',
      t('staff.nav.planning'),
      ['admin', 'planner'],
      ['/personale/lighedsvurderinger', '/personale/stemme'],
    ],
    ['/personale/lighedsvurderinger', t('assessment.nav'), ['assessor']],
    ['/personale/audit', t('staff.nav.audit'), ['admin']],
  ];
  return (
    <nav class="lighed-staff-nav" aria-label={t('staff.nav.label')}>
      <div class="container">
        {/* DKFDS caps lists at 66ch for reading; a menu bar must not wrap because of it. */}
        <ul class="nobullet-list no-max-width">
          {links
            .filter(([, , roles]) => roles.includes(staff.role))
            .map(([href, label, , also = []]) => (
              <li>
                <a
                  href={href}
                  aria-current={
                    [href, ...also].some((h) => navCurrent(ctx.url, h)) ? 'page' : undefined
                  }
                >
                  {label}
                </a>
              </li>
            ))}
          <li class="lighed-staff-user">
            <form method="post" action="/personale/log-ud">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <span>{staff.name}</span>{' '}
              <button type="submit" class="button button-tertiary">
                {t('staff.signout')}
              </button>
            </form>
          </li>
        </ul>
      </div>
    </nav>
  );
}

export function renderPage(node: preact.VNode): string {
  return '<!doctype html>' + render(node);
}
