/** The staff home page: the tasks the signed-in role may do. */
import type { Role } from '../../platform/principal.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { HomeNotice } from '../../web/home-notices.ts';
import { messageLanguage } from '../../web/i18n.ts';

export function StaffHomePage({
  ctx,
  name,
  role,
  notices = [],
}: {
  ctx: PageContext;
  name: string;
  role: Role;
  /** What other domains ask this person to see to (app.ts passes the providers). */
  notices?: readonly HomeNotice[];
}) {
  const { t } = ctx;
  // [path, message key, shown]
  const tasks: [string, string, boolean][] = [
    [
      '/personale/tilbud',
      'staff.home.offers',
      role !== 'referrer' && role !== 'coordinator' && role !== 'outreach',
    ],
    ['/personale/tilmeldinger', 'staff.home.signups', role === 'admin' || role === 'provider'],
    [
      '/personale/organisationer',
      'staff.home.organizations',
      role === 'admin' || role === 'provider',
    ],
    ['/personale/samtaler', 'staff.home.conversations', role === 'frontline' || role === 'admin'],
    ['/personale/samtaler/indstillinger', 'staff.home.conversationSettings', role === 'admin'],
    ['/personale/henvisninger', 'staff.home.referrals', role !== 'planner' && role !== 'outreach'],
    [
      '/personale/opsoegning',
      'outreach.homeLink',
      role === 'outreach' || role === 'coordinator' || role === 'admin',
    ],
    [
      '/personale/opsoegning/overblik',
      'staff.home.outreachOverview',
      role === 'coordinator' || role === 'planner' || role === 'admin',
    ],
    [
      '/personale/lighedsvurderinger',
      'assessment.homeLink',
      role === 'assessor' || role === 'planner' || role === 'admin',
    ],
    // The citizens' voice (src/voice/): providers their offers' feedback, planners all of it.
    [
      '/personale/stemme',
      role === 'provider' ? 'voice.staff.homeProvider' : 'voice.staff.home',
      role === 'provider' || role === 'planner' || role === 'admin',
    ],
    ['/personale/planlaegning', 'planning.homeLink', role === 'planner' || role === 'admin'],
    ['/personale/borgere', 'staff.home.people', role === 'admin'],
    ['/personale/audit', 'staff.home.audit', role === 'admin'],
    ['/personale/api-klienter', 'staff.home.apiClients', role === 'admin'],
    ['/personale/admin/beskeder', 'staff.home.outbox', role === 'admin'],
    ['/personale/admin/job', 'staff.home.jobs', role === 'admin'],
    ['/', 'staff.home.finder', true],
  ];
  return (
    <Layout ctx={ctx} title={t('staff.home.title')} area="staff">
      <h1>{t('staff.home.title')}</h1>
      <p class="font-lead">{t('staff.home.lead', { name, role: t(`role.${role}`) })}</p>
      {notices.length > 0 && (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <ul class="alert-text nobullet-list">
              {notices.map((n) => (
                <li>
                  <a href={n.href}>{n.text}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <ul>
        {tasks
          .filter(([, , show]) => show)
          .map(([href, key]) => {
            // Staff-only texts fall back to Danish: marked so, on a page in another language.
            const shownIn = messageLanguage(ctx.lang, key);
            return (
              <li>
                <a href={href} {...(shownIn === ctx.lang ? {} : { lang: shownIn, dir: 'ltr' })}>
                  {t(key)}
                </a>
              </li>
            );
          })}
      </ul>
    </Layout>
  );
}
