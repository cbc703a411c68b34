/**
 * Goals' pages (planners and admins, Danish and English): the list with each goal's state in
 * words and a small chart with its table, the form that sets a goal, and one goal's page.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Select, SubmitButton, TextField } from '../../web/form.tsx';
import type { Translate } from '../../web/i18n.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { formatValue, pathValue, type GoalForm, type GoalView, type TrendMarker } from '../goal.ts';
import type { GoalFormOptions } from '../goal.service.ts';

export const GOALS_PATH = '/personale/planlaegning/maal';
const LANGUAGES = ['da', 'en'] as const;
type Lang = 'da' | 'en';

const fmt = (g: GoalView, v: number | null, lang: Lang, t: Translate) =>
  v === null ? t('goals.tooFew') : formatValue(g.measure, v, lang);

function title(g: GoalView, lang: Lang, t: Translate) {
  const ind = lang === 'da' ? g.indicatorLabel : g.labelsEn.indicator;
  const grp = lang === 'da' ? g.groupLabel : g.labelsEn.group;
  if (g.kind === 'gap') return t('goals.title.gap', { measure: g.measure, indicator: ind });
  if (g.kind === 'reach') return t('goals.title.reach', { group: grp ?? '' });
  return grp ? t('goals.title.group', { indicator: ind, group: grp }) : ind;
}

function trendText(m: TrendMarker, t: Translate) {
  if (m.kind === 'not_calculated') return t('goals.trend.notCalculated');
  if (m.kind === 'no_change') return t('goals.trend.noChange');
  return t(`goals.trend.${m.kind}.${m.better ? 'better' : 'worse'}`);
}

function State({ g, t }: { g: GoalView; t: Translate }) {
  return <strong>{t(`goals.state.${g.state}`)}</strong>;
}

/**
 * The years the x axis names: every wave and the target year, left to right. A wave too close
 * to the one before it (or to the target, which always keeps its label) is left unnamed, so
 * labels never overlap; the table under the chart has every year anyway.
 */
export function axisYears(
  waves: readonly number[],
  targetYear: number,
  x: (year: number) => number,
  minGap: number,
): number[] {
  const all = [...new Set([...waves, targetYear])].sort((a, b) => a - b);
  const kept: number[] = [];
  for (const year of all) {
    const last = kept[kept.length - 1];
    if (last !== undefined && x(year) - x(last) < minGap) {
      if (year !== targetYear) continue;
      kept.pop();
    }
    kept.push(year);
  }
  return kept;
}

const strip = (s: string) => s.replace(/ ?procentpoint| ?percentage points/, '');

/**
 * The goal's chart: the measured waves with 95 % whiskers, the path as a dashed line, the
 * target as a ring, every wave named on the x axis. It scales with its column (viewBox, CSS
 * width 100 %) and is drawn at the size it is read on a laptop, so its 13-unit labels stay
 * legible; the legend under it says what the marks mean.
 */
export function GoalChart({ g, t, lang }: { g: GoalView; t: Translate; lang: Lang }) {
  const W = 480;
  const H = 220;
  const L = 56;
  const R = 20;
  const T = 14;
  const B = 30;
  const FONT = 13;
  const shown = g.series.filter((p) => p.value !== null);
  const years = [...g.series.map((p) => p.year), g.baseline.year, g.target.year];
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const vals = [
    g.baseline.value,
    g.target.value,
    ...shown.flatMap((p) => [p.lo ?? p.value!, p.hi ?? p.value!]),
  ];
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  const pad = (hi - lo) * 0.1 || 1;
  lo -= pad;
  hi += pad;
  if (g.measure === 'prevalence' || g.measure === 'reach_ratio') lo = Math.max(0, lo);
  const x = (yr: number) => L + ((yr - y0) / Math.max(1, y1 - y0)) * (W - L - R);
  const y = (v: number) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  // "2030" at 13 units is about 30 wide: a little air between two labels.
  const ticks = axisYears(
    g.series.map((p) => p.year),
    g.target.year,
    x,
    FONT * 3,
  );
  const label = t('goals.chart.alt', {
    title: title(g, lang, t),
    baseline: formatValue(g.measure, g.baseline.value, lang),
    baselineYear: g.baseline.year,
    target: formatValue(g.measure, g.target.value, lang),
    targetYear: g.target.year,
  });
  return (
    <figure class="lighed-goal-figure">
      <svg
        class="lighed-goal-chart"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        font-size={FONT}
        fill="#1a1a1a"
      >
        <line x1={L} y1={H - B} x2={W - R} y2={H - B} stroke="#767676" />
        <line x1={L} y1={T} x2={L} y2={H - B} stroke="#767676" />
        <text x={L - 6} y={y(hi) + 4} text-anchor="end">
          {strip(formatValue(g.measure, hi, lang))}
        </text>
        <text x={L - 6} y={y(lo)} text-anchor="end">
          {strip(formatValue(g.measure, lo, lang))}
        </text>
        {ticks.map((yr) => (
          <g>
            <line x1={x(yr)} x2={x(yr)} y1={H - B} y2={H - B + 4} stroke="#767676" />
            <text
              x={x(yr)}
              y={H - 10}
              // The first and last labels stay inside the frame.
              text-anchor={yr === y0 ? 'start' : yr === y1 ? 'end' : 'middle'}
            >
              {yr}
            </text>
          </g>
        ))}
        <line
          x1={x(g.baseline.year)}
          y1={y(g.baseline.value)}
          x2={x(g.target.year)}
          y2={y(pathValue(g.baseline, g.target, g.target.year))}
          stroke="#1a1a1a"
          stroke-dasharray="5 4"
        />
        <circle
          cx={x(g.target.year)}
          cy={y(g.target.value)}
          r="6"
          fill="none"
          stroke="#1a1a1a"
          stroke-width="2"
        />
        {shown.map((p) => (
          <g>
            {p.lo !== null && p.hi !== null && (
              <line
                x1={x(p.year)}
                x2={x(p.year)}
                y1={y(p.lo)}
                y2={y(p.hi)}
                stroke="#0059b3"
                stroke-width="2"
              />
            )}
            <rect x={x(p.year) - 4} y={y(p.value!) - 4} width="8" height="8" fill="#0059b3" />
          </g>
        ))}
      </svg>
      {/* The marks in words; the chart's label already says this to a screen reader. */}
      <figcaption class="lighed-goal-legend" aria-hidden="true">
        <span>
          <svg width="14" height="14" viewBox="0 0 14 14">
            <line x1="7" x2="7" y1="0" y2="14" stroke="#0059b3" stroke-width="2" />
            <rect x="3" y="3" width="8" height="8" fill="#0059b3" />
          </svg>{' '}
          {t('goals.chart.legend.measured')}
        </span>
        <span>
          <svg width="24" height="14" viewBox="0 0 24 14">
            <line x1="0" x2="24" y1="7" y2="7" stroke="#1a1a1a" stroke-dasharray="5 4" />
          </svg>{' '}
          {t('goals.chart.legend.path')}
        </span>
        <span>
          <svg width="14" height="14" viewBox="0 0 14 14">
            <circle cx="7" cy="7" r="5" fill="none" stroke="#1a1a1a" stroke-width="2" />
          </svg>{' '}
          {t('goals.chart.legend.target')}
        </span>
      </figcaption>
    </figure>
  );
}

/** The chart's numbers: each wave with its interval, the path's value and the state. */
function GoalTable({ g, t, lang }: { g: GoalView; t: Translate; lang: Lang }) {
  return (
    <DataTable
      caption={t('goals.table.caption', { title: title(g, lang, t) })}
      // Numbers with their unit on one line ("35,0 %"): the table scrolls on a phone instead.
      class="lighed-figures"
      columns={[
        t('goals.table.year'),
        t('goals.table.value'),
        t('goals.table.interval'),
        t('goals.table.path'),
      ]}
      rows={g.series}
      cells={(p) => [
        String(p.year),
        fmt(g, p.value, lang, t),
        p.lo !== null && p.hi !== null
          ? `${formatValue(g.measure, p.lo, lang)} – ${formatValue(g.measure, p.hi, lang)}`
          : '–',
        p.year >= g.baseline.year
          ? formatValue(g.measure, pathValue(g.baseline, g.target, p.year), lang)
          : '–',
      ]}
    />
  );
}

export function GoalsPage(props: {
  ctx: PageContext;
  goals: GoalView[];
  canEdit: boolean;
  notice?: string | undefined;
}) {
  const { ctx, goals } = props;
  const t = ctx.t;
  const lang: Lang = ctx.lang === 'da' ? 'da' : 'en';
  return (
    <Layout ctx={ctx} title={t('goals.list.title')} area="staff" languages={LANGUAGES}>
      <h1>{t('goals.list.title')}</h1>
      <p>{t('goals.list.lead')}</p>
      {props.notice === 'oprettet' && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('goals.notice.created')}</p>
          </div>
        </div>
      )}
      {props.canEdit && (
        <p>
          <a class="button button-secondary" href={`${GOALS_PATH}/ny`}>
            {t('goals.list.new')}
          </a>
        </p>
      )}
      {goals.length === 0 && <p>{t('goals.list.none')}</p>}
      {goals.map((g) => (
        <section class="lighed-goal" aria-labelledby={`goal-${g.id}`}>
          <h2 id={`goal-${g.id}`} class="h3">
            <a href={`${GOALS_PATH}/${g.id}`}>{title(g, lang, t)}</a>
          </h2>
          <p>
            {t('goals.target', {
              baseline: formatValue(g.measure, g.baseline.value, lang),
              baselineYear: g.baseline.year,
              target: formatValue(g.measure, g.target.value, lang),
              targetYear: g.target.year,
            })}
          </p>
          <p>
            {t('goals.stateLabel')} <State g={g} t={t} />
          </p>
          <p lang="da">{g.sentence}</p>
          <GoalChart g={g} t={t} lang={lang} />
          <GoalTable g={g} t={t} lang={lang} />
        </section>
      ))}
    </Layout>
  );
}

export function GoalPage(props: {
  ctx: PageContext;
  goal: GoalView;
  options: GoalFormOptions;
  canEdit: boolean;
  form: GoalForm;
  problems: FieldProblem[];
  notice?: string | undefined;
}) {
  const { ctx, goal: g, options, form, problems } = props;
  const t = ctx.t;
  const lang: Lang = ctx.lang === 'da' ? 'da' : 'en';
  const rec = options.recommendations.find((r) => r.id === g.recommendationId);
  const int = options.interventions.find((i) => i.id === g.interventionId);
  const heading = title(g, lang, t);
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${heading}` : heading}
      area="staff"
      languages={LANGUAGES}
    >
      <a href={GOALS_PATH}>{t('goals.back')}</a>
      <h1>{heading}</h1>
      {props.notice === 'gemt' && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('goals.notice.saved')}</p>
          </div>
        </div>
      )}
      {props.notice === 'forældet' && (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-text">{t('goals.notice.stale')}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={problems} t={t} />
      <p>
        {t('goals.stateLabel')} <State g={g} t={t} />
      </p>
      <p lang="da">{g.sentence}</p>
      <dl class="lighed-facts">
        <dt>{t('goals.field.target')}</dt>
        <dd>
          {t('goals.target', {
            baseline: formatValue(g.measure, g.baseline.value, lang),
            baselineYear: g.baseline.year,
            target: formatValue(g.measure, g.target.value, lang),
            targetYear: g.target.year,
          })}
        </dd>
        <dt>{t('goals.trend.label')}</dt>
        <dd>{trendText(g.trend, t)}</dd>
        <dt>{t('goals.field.recommendation')}</dt>
        <dd>{rec?.label ?? t('goals.none')}</dd>
        <dt>{t('goals.field.intervention')}</dt>
        <dd>{int?.label ?? t('goals.none')}</dd>
      </dl>
      <GoalChart g={g} t={t} lang={lang} />
      <GoalTable g={g} t={t} lang={lang} />
      {props.canEdit && (
        <form method="post" action={`${GOALS_PATH}/${g.id}`} novalidate>
          <h2>{t('goals.edit.title')}</h2>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={form.version} />
          <TargetFields form={form} problems={problems} t={t} measure={g.measure} />
          <LinkFields form={form} problems={problems} t={t} options={options} />
          <SubmitButton>{t('goals.edit.submit')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}

function TargetFields(props: {
  form: GoalForm;
  problems: readonly FieldProblem[];
  t: Translate;
  measure?: GoalView['measure'];
}) {
  const { form, problems, t } = props;
  return (
    <>
      <TextField
        name="targetValue"
        label={t('goals.field.targetValue')}
        hint={t('goals.hint.targetValue')}
        value={form.targetValue}
        problems={problems}
        t={t}
        width="xs"
        inputmode="text"
      />
      <TextField
        name="targetYear"
        label={t('goals.field.targetYear')}
        value={form.targetYear}
        problems={problems}
        t={t}
        width="xs"
        inputmode="numeric"
      />
    </>
  );
}

function LinkFields(props: {
  form: GoalForm;
  problems: readonly FieldProblem[];
  t: Translate;
  options: GoalFormOptions;
}) {
  const { form, problems, t, options } = props;
  const none = { value: '', label: t('goals.none') };
  return (
    <>
      <Select
        name="recommendationId"
        label={t('goals.field.recommendation')}
        value={form.recommendationId}
        options={[none, ...options.recommendations.map((r) => ({ value: r.id, label: r.label }))]}
        problems={problems}
        t={t}
      />
      <Select
        name="interventionId"
        label={t('goals.field.intervention')}
        value={form.interventionId}
        options={[none, ...options.interventions.map((r) => ({ value: r.id, label: r.label }))]}
        problems={problems}
        t={t}
      />
      <TextField
        name="note"
        label={t('goals.field.note')}
        value={form.note}
        problems={problems}
        t={t}
        multiline
      />
    </>
  );
}

export function NewGoalPage(props: {
  ctx: PageContext;
  options: GoalFormOptions;
  form: GoalForm;
  problems: FieldProblem[];
}) {
  const { ctx, options, form, problems } = props;
  const t = ctx.t;
  const lang: Lang = ctx.lang === 'da' ? 'da' : 'en';
  const heading = t('goals.new.title');
  const none = { value: '', label: t('goals.choose') };
  const groupOptions = options.dimensions.flatMap((d) =>
    d.groups.map((g) => ({
      value: `${d.key}:${g.code}`,
      label: `${d.label[lang]}: ${g.label[lang]}`,
    })),
  );
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${heading}` : heading}
      area="staff"
      languages={LANGUAGES}
    >
      <a href={GOALS_PATH}>{t('goals.back')}</a>
      <h1>{heading}</h1>
      <p>{t('goals.new.lead')}</p>
      {options.dataset && (
        <p>
          {t('goals.new.source', {
            dataset: options.dataset.fileName,
            area: options.dataset.areas.find((a) => a.code === options.dataset!.area)?.name ?? '',
          })}
        </p>
      )}
      <ErrorSummary problems={problems} t={t} />
      <form method="post" action={GOALS_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select
          name="kind"
          label={t('goals.field.kind')}
          hint={t('goals.hint.kind')}
          value={form.kind}
          options={(['level', 'gap', 'reach'] as const).map((k) => ({
            value: k,
            label: t(`goals.kind.${k}`),
          }))}
          problems={problems}
          t={t}
        />
        <Select
          name="indicator"
          label={t('goals.field.indicator')}
          value={form.indicator}
          options={[
            none,
            ...options.indicators.map((i) => ({ value: i.key, label: i.label[lang] })),
          ]}
          problems={problems}
          t={t}
        />
        <Select
          name="dimension"
          label={t('goals.field.dimension')}
          hint={t('goals.hint.dimension')}
          value={form.dimension}
          options={[
            { value: '', label: t('goals.everyone') },
            ...options.dimensions.map((d) => ({ value: d.key, label: d.label[lang] })),
          ]}
          problems={problems}
          t={t}
        />
        <Select
          name="group"
          label={t('goals.field.group')}
          hint={t('goals.hint.group')}
          value={form.dimension && form.group ? `${form.dimension}:${form.group}` : ''}
          options={[{ value: '', label: t('goals.everyone') }, ...groupOptions]}
          problems={problems}
          t={t}
        />
        <Select
          name="measure"
          label={t('goals.field.measure')}
          hint={t('goals.hint.measure')}
          value={form.measure}
          options={[
            { value: 'D', label: t('goals.measure.D') },
            { value: 'SII', label: t('goals.measure.SII') },
          ]}
          problems={problems}
          t={t}
        />
        <Select
          name="offerId"
          label={t('goals.field.offer')}
          hint={t('goals.hint.offer')}
          value={form.offerId}
          options={[
            { value: '', label: t('goals.none') },
            ...options.offers.map((o) => ({ value: o.id, label: o.label })),
          ]}
          problems={problems}
          t={t}
        />
        <TextField
          name="baselineYear"
          label={t('goals.field.baselineYear')}
          hint={t('goals.hint.baselineYear', {
            years: options.dataset?.years.join(', ') ?? '',
          })}
          value={form.baselineYear}
          problems={problems}
          t={t}
          width="xs"
          inputmode="numeric"
        />
        <TargetFields form={form} problems={problems} t={t} />
        <LinkFields form={form} problems={problems} t={t} options={options} />
        <SubmitButton>{t('goals.new.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
