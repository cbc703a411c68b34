/** The planning start page: where each part of the planning cycle begins. */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { INTERVENTIONS_PATH, RECOMMENDATIONS_PATH } from '../paths.ts';
import { COMMITTEE_PATH } from './recommendation-pages.tsx';
import { SHARED_PATH } from './intervention-pages.tsx';
import { LANGS } from './shared.tsx';

export function PlanningStartPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  // Each part of the planning cycle adds its line here (goals, reach, portfolio, report).
  const links: [string, string, string][] = [
    [INTERVENTIONS_PATH, t('planning.start.interventions'), t('planning.start.interventionsText')],
    [
      RECOMMENDATIONS_PATH,
      t('planning.start.recommendations'),
      t('planning.start.recommendationsText'),
    ],
    [COMMITTEE_PATH, t('planning.start.committee'), t('planning.start.committeeText')],
    [SHARED_PATH, t('planning.start.shared'), t('planning.start.sharedText')],
    ['/personale/planlaegning/maal', t('planning.start.goals'), t('planning.start.goalsText')],
    [
      '/personale/planlaegning/raekkevidde',
      t('planning.start.reach'),
      t('planning.start.reachText'),
    ],
    [
      '/personale/planlaegning/portefolje',
      t('planning.start.portfolio'),
      t('planning.start.portfolioText'),
    ],
    ['/personale/planlaegning/rapport', t('planning.start.report'), t('planning.start.reportText')],
    ['/api', t('api.start.link'), t('api.start.text')],
    // Equity impact assessment (src/assessment/, which imports planning: a path, not an import).
    ['/personale/lighedsvurderinger', t('assessment.start.link'), t('assessment.start.text')],
    // The citizens' voice (src/voice/): feedback, suggestions, panels.
    ['/personale/stemme', t('voice.staff.start.link'), t('voice.staff.start.text')],
  ];
  return (
    <Layout ctx={ctx} title={t('planning.start.title')} area="staff" languages={LANGS}>
      <h1>{t('planning.start.title')}</h1>
      <p class="font-lead">{t('planning.start.lead')}</p>
      <ul>
        {links.map(([href, label, text]) => (
          <li>
            <a href={href}>{label}</a>: {text}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
