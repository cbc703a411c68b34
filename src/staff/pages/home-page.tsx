/** The staff home page: the tasks the signed-in role may do. */
import type { Role } from '../../platform/principal.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';

export function StaffHomePage({ ctx, name, role }: { ctx: PageContext; name: string; role: Role }) {
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
