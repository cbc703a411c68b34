/**
 * The reach pages (planners; Danish and English): the list of offers and interventions with
 * how many answered, and one offer's or intervention's reach: the sentences, then per social
 * dimension the participants beside the target population with the reach ratio and interval.
 */
import { CsrfField, ErrorSummary, Select, SubmitButton, type Problems } from '../../web/form.tsx';
import { REACH_QUESTIONS } from '../../catalog/index.ts';
import type { Translate } from '../../web/i18n.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { REACH_PATH, reachSentences, verdict, type ReachGroup, type ReachView } from '../reach.ts';

const LANGUAGES = ['da', 'en'] as const;
const DIMENSIONS = ['uddannelse', 'arbejdsmarked', 'herkomst'] as const;

/** Fewer than this many answers is shown as "fewer than 5" (the monitor's count floor). */
const MIN_COUNT = 5;

const pct = (v: number, lang: string) =>
  new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(v);
const num = (v: number, lang: string) =>
  new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(v);

function Hidden({ t }: { t: Translate }) {
  return <span class="lighed-suppressed">{t('reach.staff.suppressed')}</span>;
}

function answersText(n: number, t: Translate): string {
  return n > 0 && n < MIN_COUNT ? t('reach.staff.fewAnswers') : String(n);
}

export function ReachIndexPage(props: {
  ctx: PageContext;
  index: {
    offers: { id: string; title: string; status: string; answers: number }[];
    interventions: { id: string; name: string; offers: number; answers: number }[];
  };
}) {
  const { ctx, index } = props;
  const { t } = ctx;
  const title = t('reach.staff.title');
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={LANGUAGES}>
      <h1>{title}</h1>
      <p class="font-lead">{t('reach.staff.lead')}</p>
      <p>{t('reach.staff.method')}</p>
      <h2>{t('reach.staff.interventions')}</h2>
      {index.interventions.length === 0 ? (
        <p>{t('reach.staff.noInterventions')}</p>
      ) : (
        <DataTable
          caption={t('reach.staff.interventions')}
          hiddenCaption
          columns={[
            t('reach.staff.col.intervention'),
            t('reach.staff.col.offers'),
            t('reach.staff.col.answers'),
          ]}
          rows={index.interventions}
          cells={(i) => [
            <a href={`${REACH_PATH}/indsats/${i.id}`}>{i.name}</a>,
            String(i.offers),
            answersText(i.answers, t),
          ]}
        />
      )}
      <h2>{t('reach.staff.offers')}</h2>
      <DataTable
        caption={t('reach.staff.offers')}
        hiddenCaption
        columns={[
          t('reach.staff.col.offer'),
          t('reach.staff.col.status'),
          t('reach.staff.col.answers'),
        ]}
        rows={index.offers}
        cells={(o) => [
          <a href={`${REACH_PATH}/tilbud/${o.id}`}>{o.title}</a>,
          t(
            `reach.staff.status.${o.status === 'published' ? 'published' : o.status === 'retired' ? 'retired' : 'draft'}`,
          ),
          answersText(o.answers, t),
        ]}
      />
    </Layout>
  );
}

export interface TargetChooser {
  indicator: string | null;
  version: number;
  indicators: { key: string; label: string; labelEn: string }[];
}

export function ReachPage(props: {
  ctx: PageContext;
  view: ReachView;
  /** Offers only: the planner's choice of target indicator. */
  chooser: TargetChooser | null;
  problems?: Problems;
  notice?: 'saved' | 'stale' | null;
}) {
  const { ctx, view, chooser } = props;
  const { t, lang } = ctx;
  const problems = props.problems ?? [];
  const en = lang === 'en';
  const title = t(
    view.subject === 'offer' ? 'reach.staff.offerTitle' : 'reach.staff.interventionTitle',
    {
      name: view.name,
    },
  );
  const sentences = en ? reachSentences(view, 'en') : view.sentences;
  const pop = view.population;
  const target = pop?.indicatorLabel
    ? t('reach.staff.targetIndicator', { indicator: pop.indicatorLabel })
    : t('reach.staff.targetEveryone');
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={LANGUAGES}
    >
      <p>
        <a href={REACH_PATH}>{t('reach.staff.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice === 'saved' && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('reach.staff.saved')}</p>
          </div>
        </div>
      )}
      {props.notice === 'stale' && (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-text">{t('reach.staff.stale')}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={problems} t={t} />
      <p class="font-lead">{t('reach.staff.answers', { n: answersText(view.answers, t) })}</p>
      <p>{target}</p>
      {pop ? (
        <p>
          {t('reach.staff.source', { dataset: pop.datasetName, year: pop.year })}
          {pop.synthetic ? ` ${t('reach.staff.synthetic')}` : ''}
        </p>
      ) : (
        <p>{t('reach.staff.noPopulation')}</p>
      )}
      {chooser && (
        <form method="post" action={`${REACH_PATH}/tilbud/${view.id}/maalgruppe`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(chooser.version)} />
          <Select
            name="indicator"
            label={t('reach.staff.chooseTarget')}
            hint={t('reach.staff.chooseTargetHint')}
            value={chooser.indicator ?? ''}
            options={[
              { value: '', label: t('reach.staff.everyone') },
              ...chooser.indicators.map((i) => ({ value: i.key, label: en ? i.labelEn : i.label })),
            ]}
            problems={problems}
            t={t}
          />
          <SubmitButton>{t('reach.staff.saveTarget')}</SubmitButton>
        </form>
      )}
      <h2>{t('reach.staff.findings')}</h2>
      <ul>
        {sentences.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      {DIMENSIONS.map((d) => {
        const rows = view.groups.filter((g) => g.dimension === d);
        if (rows.length === 0) return null;
        return (
          <>
            <h2>{t(`reach.staff.dimension.${d}`)}</h2>
            <DataTable
              caption={t('reach.staff.caption', { dimension: t(`reach.staff.dimension.${d}`) })}
              columns={[
                t('reach.staff.col.group'),
                t('reach.staff.col.participants'),
                t('reach.staff.col.participantShare'),
                t('reach.staff.col.populationShare'),
                t('reach.staff.col.ratio'),
                t('reach.staff.col.verdict'),
              ]}
              rows={rows}
              cells={(g) => groupCells(g, t, lang)}
            />
          </>
        );
      })}
    </Layout>
  );
}

function groupCells(g: ReachGroup, t: Translate, lang: string) {
  // The monitor's codes match the questions' (questions.ts); another codebook's label otherwise.
  const known = REACH_QUESTIONS.some(
    (q) => q.dimension === g.dimension && (q.codes as readonly string[]).includes(g.group),
  );
  const label = known ? t(`reach.${g.dimension}.${g.group}`) : g.groupLabel;
  return [
    g.targeted ? (
      <>
        {label} <span class="lighed-tag">{t('reach.staff.targeted')}</span>
      </>
    ) : (
      label
    ),
    g.participantShare === null ? <Hidden t={t} /> : String(g.participants),
    g.participantShare === null ? <Hidden t={t} /> : pct(g.participantShare, lang),
    g.populationShare === null ? <Hidden t={t} /> : pct(g.populationShare, lang),
    g.ratio === null || g.lo === null || g.hi === null ? (
      <Hidden t={t} />
    ) : (
      `${num(g.ratio, lang)} (${num(g.lo, lang)}–${num(g.hi, lang)})`
    ),
    t(`reach.staff.verdict.${verdict(g)}`),
  ];
}
