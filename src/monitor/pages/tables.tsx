/** The monitor's data tables: every chart has one beside it, and they carry the exact numbers. */
import type { Translate } from '../../web/i18n.ts';
import type { Table } from '../estimates/tables.ts';
import type { MeasureResult } from '../measures/types.ts';
import { fmt, fmtInt, label, pctWithInterval, uncertain, type MonitorLang } from './present.ts';

/** One scope's subgroups for one year: estimate with interval, respondents, uncertainty flags. */
export function FigureTable({
  t,
  lang,
  table,
  caption,
}: {
  t: Translate;
  lang: MonitorLang;
  table: Table;
  caption: string;
}) {
  const rows = [...table.groups, table.total];
  return (
    <table class="table table--compact lighed-figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label(table.dimension.label, lang)}</th>
          <th scope="col">{t('monitor.col.estimate')}</th>
          <th scope="col">{t('monitor.col.respondents')}</th>
          <th scope="col">{t('monitor.col.population')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => {
          const text = pctWithInterval(g.prevalence, lang);
          return (
            <tr>
              <th scope="row">
                {label(g.label, lang)}
                {g.reference && ` (${t('monitor.reference')})`}
              </th>
              <td>
                {g.suppressed ? (
                  <span class="lighed-suppressed">{t('monitor.suppressed')}</span>
                ) : text === null ? (
                  t('monitor.noEstimate')
                ) : (
                  <>
                    {text}
                    {uncertain(g.prevalence) && (
                      <span class="lighed-uncertain"> {t('monitor.uncertain')}</span>
                    )}
                  </>
                )}
              </td>
              {/* A HEAT Plus file gives no respondents, only populations. */}
              <td>
                {g.suppressed || g.prevalence.method === 'heatplus'
                  ? '–'
                  : fmtInt(g.prevalence.n, lang)}
              </td>
              <td>
                {g.suppressed || (g.prevalence.method === 'heatplus' && !g.prevalence.population)
                  ? '–'
                  : fmtInt(g.prevalence.population, lang)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function MeasuresTable(props: {
  t: Translate;
  lang: MonitorLang;
  measures: MeasureResult[];
  caption: string;
  /** Show how each interval was computed (the indicator page does; the overview doesn't). */
  methods?: boolean;
}) {
  const { t, lang, measures } = props;
  return (
    <table class="table table--compact lighed-measures">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.col.measure')}</th>
          <th scope="col">{t('monitor.col.value')}</th>
          <th scope="col">{t('monitor.col.interval')}</th>
          {props.methods && <th scope="col">{t('monitor.col.method')}</th>}
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <tr>
            <th scope="row">
              <abbr title={t(`monitor.measure.${m.code}`)}>{m.code}</abbr>{' '}
              <span class="lighed-measure-name">{t(`monitor.measure.${m.code}`)}</span>
            </th>
            <td>{measureValue(m.value, lang)}</td>
            <td>
              {Number.isFinite(m.lower) && Number.isFinite(m.upper)
                ? `${measureValue(m.lower, lang)} – ${measureValue(m.upper, lang)}`
                : '–'}
            </td>
            {props.methods && (
              <td class="lighed-method">
                <MethodText t={t} measure={m} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * How a measure and its interval were computed, in plain words (message keys), with the formula
 * as the code states it behind a details element for those who want it.
 */
export function MethodText({ t, measure }: { t: Translate; measure: MeasureResult }) {
  return (
    <>
      {t(`monitor.measureText.${measure.code}`)} {t(`monitor.interval.${measure.interval}`)}
      <details class="lighed-details">
        <summary>{t('monitor.method.formula')}</summary>
        <code lang="en">{measure.method}</code>
      </details>
    </>
  );
}

/** Measures span 0.001 to 1000: two decimals, three below 1. */
export function measureValue(v: number, lang: MonitorLang): string {
  if (!Number.isFinite(v)) return '–';
  return fmt(v, lang, Math.abs(v) < 1 ? 3 : 2);
}

/** Why a table has no summary measures. */
export function MeasuresNote({ t, note }: { t: Translate; note: Table['measuresNote'] }) {
  if (!note) return null;
  return <p class="lighed-measures-note">{t(`monitor.measuresNote.${note}`)}</p>;
}
