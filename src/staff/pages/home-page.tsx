/** The staff home page: the tasks the signed-in role may do. */
import type { Role } from '../../platform/principal.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { HomeNotice } from '../../web/home-notices.ts';

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
  const tasks: [string, string, boolean][] = [
    [
      '/personale/tilbud',
      t('staff.home.offers'),
      role !== 'referrer' && role !== 'coordinator' && role !== 'outreach',
    ],
    ['/personale/tilmeldinger', t('staff.home.signups'), role === 'admin' || role === 'provider'],
    [
      '/personale/organisationer',
      t('staff.home.organizations'),
      role === 'admin' || role === 'provider',
    ],
    [
      '/personale/samtaler',
      t('staff.home.conversations'),
      role === 'frontline' || role === 'admin',
    ],
    ['/personale/samtaler/indstillinger', t('staff.home.conversationSettings'), role === 'admin'],
    [
      '/personale/henvisninger',
      t('staff.home.referrals'),
      role !== 'planner' && role !== 'outreach',
    ],
    [
      '/personale/opsoegning',
      t('outreach.homeLink'),
      role === 'outreach' || role === 'coordinator' || role === 'admin',
    ],
    [
      '/personale/opsoegning/overblik',
      t('staff.home.outreachOverview'),
      role === 'coordinator' || role === 'planner' || role === 'admin',
    ],
    [
      '/personale/lighedsvurderinger',
      t('assessment.homeLink'),
      role === 'assessor' || role === 'planner' || role === 'admin',
    ],
    // The citizens' voice (src/voice/): providers their offers' feedback, planners all of it.
    [
      '/personale/stemme',
      t(role === 'provider' ? 'voice.staff.homeProvider' : 'voice.staff.home'),
      role === 'provider' || role === 'planner' || role === 'admin',
    ],
    ['/personale/planlaegning', t('planning.homeLink'), role === 'planner' || role === 'admin'],
    ['/personale/borgere', t('staff.home.people'), role === 'admin'],
    ['/personale/audit', t('staff.home.audit'), role === 'admin'],
    ['/personale/api-klienter', t('staff.home.apiClients'), role === 'admin'],
    ['/personale/admin/beskeder', t('staff.home.outbox'), role === 'admin'],
    ['/personale/admin/job', t('staff.home.jobs'), role === 'admin'],
    ['/', t('staff.home.finder'), true],
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
          .map(([href, label]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
      </ul>
    </Layout>
  );
}
