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

/** Link to the same page in another language (`?lang=xx` is remembered by a cookie). */
export function languageHref(url: string, lang: UiLanguage): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return u.pathname + u.search;
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
                      href={languageHref(ctx.url, l)}
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

function StaffNav({ ctx }: { ctx: PageContext }) {
  const { t, staff } = ctx;
  if (!staff) return null;
  const links: [string, string, string[]][] = [
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
            .map(([href, label]) => (
              <li>
                <a href={href}>{label}</a>
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
