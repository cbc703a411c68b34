/** What a planner page shows when no dataset is readable yet: a way to load one. */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';

export function NoDataPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout
      ctx={ctx}
      title={ctx.t('monitor.title')}
      area="staff"
      languages={MONITOR_LANGUAGES_LIST}
    >
      <h1>{ctx.t('monitor.title')}</h1>
      <p>{ctx.t('monitor.empty')}</p>
      <p>
        <a href="/personale/monitor/data">{ctx.t('monitor.data.title')}</a>
      </p>
    </Layout>
  );
}
