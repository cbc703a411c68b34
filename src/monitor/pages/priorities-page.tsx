/**
 * The priority finder: where in this municipality would extra resources move the most? Each row
 * is a clear gap (intervals apart) between a group and the best-off group of the same breakdown,
 * ranked by how many people it concerns, explained in plain words.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { approxPeople, describeSkipped, type PriorityResult } from '../publish/priority.ts';
import { MONITOR_LANGUAGES_LIST } from './languages.ts';
import { MonitorNav } from './monitor-nav.tsx';
import { choiceQuery, Picker, SyntheticNotice } from './picker.tsx';
import type { ResolvedChoice } from '../estimates/choice.service.ts';
import { fmt, fmtInt, type MonitorLang } from './present.ts';

const SHOWN = 25;

export function PrioritiesPage(
  props: ResolvedChoice & {
    ctx: PageContext & { lang: MonitorLang };
    result: PriorityResult & { crude: boolean };
  },
) {
  const { ctx, choice, result } = props;
  const { t, lang } = ctx;
  const cb = choice.dataset.codebook;
  const areaName = result.rows[0]?.areaName ?? choice.area;
  const title = t('monitor.priorities.title', { year: choice.year });
  const rows = result.rows.slice(0, SHOWN);
  const dimLabel = cb.dimensions[choice.dim - 1]?.label[lang] ?? '';
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
      <h1>{title}</h1>
      <MonitorNav t={t} choice={choice} current="priorities" />
      <SyntheticNotice t={t} dataset={choice.dataset} />
      <p class="lead">{t('monitor.priorities.lead')}</p>
      <p>
        {t('monitor.priorities.within', {
          dimension: dimLabel.toLowerCase(),
        })}{' '}
        {result.crude && t('monitor.priorities.crude')}
      </p>
      <Picker
        t={t}
        lang={lang}
        action="/personale/monitor/prioriteter"
        choice={choice}
        datasets={props.datasets}
        areas={props.areas}
      />
      {rows.length === 0 ? (
        <p>{t('monitor.priorities.none')}</p>
      ) : (
        <ol class="lighed-priorities">
          {rows.map((r) => {
            const indicator = cb.indicators.findIndex((i) => i.key === r.indicatorKey) + 1;
            const dim = cb.dimensions.findIndex((d) => d.key === r.dimensionKey) + 1;
            const href = `/personale/monitor/indikator?${choiceQuery({ ...choice, indicator, dim })}`;
            return (
              <li class="lighed-priority">
                <h2 class="h4">
                  <a href={href}>
                    {r.indicatorLabel[lang]}: {r.groupLabel[lang]}
                  </a>
                </h2>
                <p>{r.explanation[lang]}</p>
                <p class="form-hint">
                  {t('monitor.priorities.facts', {
                    gap: fmt(r.gap, lang),
                    people: fmtInt(approxPeople(r.people), lang),
                    dimension: r.dimensionLabel[lang].toLowerCase(),
                  })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <p>
        {t('monitor.priorities.skipped', { area: areaName })}{' '}
        {describeSkipped(result.skipped)[lang]}
      </p>
      <h2>{t('monitor.priorities.howHeading')}</h2>
      <p>{t('monitor.priorities.how')}</p>
    </Layout>
  );
}
