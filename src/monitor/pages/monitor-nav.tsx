/** Links between the monitor's views, keeping the planner's choices. */
import type { Translate } from '../../web/i18n.ts';
import { choiceQuery } from './picker.tsx';
import { type Choice } from '../estimates/choice.service.ts';

export type MonitorView = 'overview' | 'indicator' | 'priorities' | 'data';

export function MonitorNav({
  t,
  choice,
  current,
}: {
  t: Translate;
  choice: Choice | null;
  current: MonitorView;
}) {
  const q = choice ? `?${choiceQuery(choice)}` : '';
  const links: [MonitorView, string, string][] = [
    ['overview', `/personale/monitor${q}`, t('monitor.nav.overview')],
    ['indicator', `/personale/monitor/indikator${q}`, t('monitor.nav.indicator')],
    ['priorities', `/personale/monitor/prioriteter${q}`, t('monitor.nav.priorities')],
    ['data', '/personale/monitor/data', t('monitor.nav.data')],
  ];
  return (
    <nav aria-label={t('monitor.nav.label')} class="lighed-monitor-nav">
      <ul class="nobullet-list">
        {links.map(([view, href, text]) => (
          <li>
            <a href={href} aria-current={view === current ? 'page' : undefined}>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Downloads({
  t,
  choice,
  indicatorOnly,
}: {
  t: Translate;
  choice: Choice;
  indicatorOnly?: boolean;
}) {
  const q = choiceQuery(choice, indicatorOnly ? { omfang: 'indikator' } : {});
  const files: [string, string][] = [
    ['csv', t('monitor.download.csv')],
    ['xlsx', t('monitor.download.xlsx')],
    ['heatplus.csv', t('monitor.download.heatplusCsv')],
    ['heatplus.xlsx', t('monitor.download.heatplusXlsx')],
  ];
  return (
    <section aria-labelledby="downloads-heading" class="lighed-downloads">
      <h2 id="downloads-heading">{t('monitor.download.heading')}</h2>
      <p>{t(indicatorOnly ? 'monitor.download.leadIndicator' : 'monitor.download.lead')}</p>
      <ul>
        {files.map(([format, text]) => (
          <li>
            <a href={`/personale/monitor/download/${format}?${q}`} download>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
