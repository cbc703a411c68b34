/**
 * The monitor's choices (dataset, area, year, dimension, measures) as one GET form, so every
 * view is a plain link that can be bookmarked and works with JavaScript off.
 */
import type { Translate } from '../../web/i18n.ts';
import { Checkboxes, Select } from '../../web/form.tsx';
import type { Choice } from '../estimates/choice.service.ts';
import type { DatasetInfo } from '../microdata/dataset.store.ts';
import type { MeasureCode } from '../measures/types.ts';
import { DEFAULT_METHOD, MEASURE_METHODS } from '../measures/method.ts';
import { label, type MonitorLang } from './present.ts';
import { HeatPlusOrigin } from './heatplus-origin.tsx';

/** Query string of a view, in Danish parameter names (the planner sees them in the address bar). */
export function choiceQuery(c: Choice, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    datasaet: c.dataset.id,
    omraade: c.area,
    aar: String(c.year),
    dimension: c.dataset.codebook.dimensions[c.dim - 1]?.key ?? '',
    ...(c.indicator
      ? { indikator: c.dataset.codebook.indicators[c.indicator - 1]?.key ?? '' }
      : {}),
    ...(c.method !== DEFAULT_METHOD ? { metode: c.method } : {}),
    ...extra,
  });
  for (const m of c.measures) q.append('maal', m);
  return q.toString();
}

export function Picker(props: {
  t: Translate;
  lang: MonitorLang;
  action: string;
  choice: Choice;
  datasets: DatasetInfo[];
  areas: { code: string; name: string }[];
  measureOptions?: readonly MeasureCode[];
  /** Offer the choice of method for the summary measures (the indicator page). */
  methodChoice?: boolean;
}) {
  const { t, lang, choice } = props;
  const cb = choice.dataset.codebook;
  return (
    <form method="get" action={props.action} class="lighed-monitor-picker">
      <div class="lighed-monitor-picker-fields">
        <Select
          t={t}
          problems={[]}
          name="datasaet"
          label={t('monitor.pick.dataset')}
          value={choice.dataset.id}
          options={props.datasets.map((d) => ({
            value: d.id,
            label: label(d.codebook.name, lang),
          }))}
        />
        <Select
          t={t}
          problems={[]}
          name="omraade"
          label={t('monitor.pick.area')}
          value={choice.area}
          options={props.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Select
          t={t}
          problems={[]}
          name="aar"
          label={t('monitor.pick.year')}
          value={String(choice.year)}
          options={[...choice.dataset.years]
            .reverse()
            .map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          t={t}
          problems={[]}
          name="dimension"
          label={t('monitor.pick.dimension')}
          value={cb.dimensions[choice.dim - 1]?.key ?? ''}
          options={cb.dimensions.map((d) => ({ value: d.key, label: label(d.label, lang) }))}
        />
        {choice.indicator !== undefined && (
          <Select
            t={t}
            problems={[]}
            name="indikator"
            label={t('monitor.pick.indicator')}
            value={cb.indicators[choice.indicator - 1]?.key ?? ''}
            options={cb.indicators.map((d) => ({ value: d.key, label: label(d.label, lang) }))}
          />
        )}
        {props.methodChoice && (
          <Select
            t={t}
            problems={[]}
            name="metode"
            label={t('monitor.pick.method')}
            value={choice.method}
            options={MEASURE_METHODS.map((m) => ({ value: m, label: t(`monitor.method.${m}`) }))}
          />
        )}
      </div>
      {props.measureOptions && (
        <Checkboxes
          t={t}
          problems={[]}
          name="maal"
          label={t('monitor.pick.measures')}
          inline
          values={choice.measures}
          options={props.measureOptions.map((m) => ({
            value: m,
            label: `${m}: ${t(`monitor.measure.${m}`)}`,
          }))}
        />
      )}
      <button type="submit" class="button button-secondary">
        {t('monitor.pick.show')}
      </button>
    </form>
  );
}

/**
 * Every monitor page says so when its figures are synthetic, and where a HEAT Plus file's
 * figures come from and how they were treated.
 */
export function SyntheticNotice({ t, dataset }: { t: Translate; dataset: DatasetInfo }) {
  const origin =
    dataset.kind === 'heatplus' ? (
      <HeatPlusOrigin t={t} fileName={dataset.fileName} source={dataset.codebook.source} />
    ) : null;
  if (!dataset.synthetic) return origin;
  return (
    <>
      <div class="alert alert-warning" role="note">
        <div class="alert-body">
          <p class="alert-text">{t('monitor.synthetic')}</p>
        </div>
      </div>
      {origin}
    </>
  );
}
