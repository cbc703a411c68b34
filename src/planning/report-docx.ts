/**
 * The committee report as a Word file (committee papers are written in Word): the same sections
 * as the page, each goal's chart as a PNG with alternative text and its table beside it.
 */
import { renderDocx, type DocBlock } from '../platform/docx.ts';
import { svgToPng, trendSvg } from '../monitor/index.ts';
import type { Translate } from '../web/i18n.ts';
import { goalChartRows, type CommitteeReport } from './report.ts';
import { dateText, goalTrendProps, reportTitle } from './pages/report-page.tsx';

type Lang = 'da' | 'en';

const number = (v: number, lang: Lang, digits = 1) =>
  new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);

const sizeOf = (svg: string) => {
  const w = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1];
  const h = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1];
  return { width: Number(w ?? 720), height: Number(h ?? 400) };
};

export async function reportDocx(r: CommitteeReport, t: Translate, lang: Lang): Promise<Buffer> {
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t('report.committee.intro', {
        kommune: r.municipality,
        date: dateText(r.generatedOn, lang),
      }),
    },
    { kind: 'heading', level: 1, text: t('report.committee.goals') },
  ];
  if (r.goals.length === 0) blocks.push({ kind: 'paragraph', text: t('report.committee.noGoals') });
  for (const [i, g] of r.goals.entries()) {
    const props = goalTrendProps(g, t, lang, i + 1);
    const svg = trendSvg(props);
    const { width, height } = sizeOf(svg);
    const fmt = (v: number | null | undefined) =>
      v === null || v === undefined ? '–' : number(v, lang);
    blocks.push(
      { kind: 'heading', level: 2, text: props.title },
      { kind: 'paragraph', text: `${t(`report.committee.state.${g.state}`)}. ${g.sentence}` },
      {
        kind: 'image',
        png: await svgToPng(svg),
        widthPx: width,
        heightPx: height,
        alt: g.sentence,
      },
      {
        kind: 'table',
        caption: props.caption,
        head: [
          t('report.committee.chart.row'),
          t('report.committee.chart.measured'),
          t('report.committee.chart.interval'),
          t('report.committee.chart.path'),
        ],
        rows: goalChartRows(g).map((row) => [
          String(row.year),
          row.measured
            ? row.measured.value === null
              ? t('report.committee.suppressed')
              : fmt(row.measured.value)
            : '–',
          row.measured && row.measured.value !== null
            ? `${fmt(row.measured.lower)}–${fmt(row.measured.upper)}`
            : '–',
          fmt(row.path),
        ]),
      },
    );
  }
  blocks.push({ kind: 'heading', level: 1, text: t('report.committee.gaps') });
  if (!r.gaps || r.gaps.rows.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('report.committee.noGaps') });
  } else {
    blocks.push(
      { kind: 'paragraph', text: t('report.committee.gapsLead', { year: r.gaps.year }) },
      {
        kind: 'table',
        caption: t('report.committee.gapsCaption', { year: r.gaps.year }),
        head: [
          t('report.committee.col.rank'),
          t('report.committee.col.indicator'),
          t('report.committee.col.group'),
          t('report.committee.col.groupValue'),
          t('report.committee.col.bestValue'),
          t('report.committee.col.people'),
        ],
        rows: r.gaps.rows.map((x) => [
          x.rank,
          x.indicator[lang],
          `${x.group[lang]} (${x.dimension[lang]})`,
          `${number(x.groupEstimate, lang)} %`,
          `${number(x.bestEstimate, lang)} % (${x.best[lang]})`,
          number(x.people, lang, 0),
        ]),
      },
    );
  }
  blocks.push({ kind: 'heading', level: 1, text: t('report.committee.recommendations') });
  blocks.push(
    r.recommendations.length === 0
      ? { kind: 'paragraph', text: t('report.committee.noRecommendations') }
      : {
          kind: 'table',
          caption: t('report.committee.recommendationsCaption'),
          head: [
            t('report.committee.col.recommendation'),
            t('report.committee.col.state'),
            t('report.committee.col.note'),
          ],
          rows: r.recommendations.map((x) => [
            `${x.code}. ${x.title}`,
            t(`report.committee.recState.${x.state}`),
            x.note ? `${x.note}${x.noteDate ? ` (${dateText(x.noteDate, lang)})` : ''}` : '–',
          ]),
        },
  );
  blocks.push({ kind: 'heading', level: 1, text: t('report.committee.reach') });
  blocks.push(
    r.interventions.length === 0
      ? { kind: 'paragraph', text: t('report.committee.noInterventions') }
      : {
          kind: 'bullets',
          items: r.interventions.map(
            (i) =>
              `${i.name}${i.lowReach ? ` ${t('report.committee.lowReach')}` : ''}: ${
                i.reach.length ? i.reach.join(' ') : t('report.committee.noReach')
              }`,
          ),
        },
  );
  blocks.push({ kind: 'heading', level: 1, text: t('report.committee.decisions') });
  blocks.push(
    r.decisions.length === 0
      ? { kind: 'paragraph', text: t('report.committee.noDecisions', { year: r.year }) }
      : {
          kind: 'table',
          caption: t('report.committee.decisionsCaption', { year: r.year }),
          head: [
            t('report.committee.col.date'),
            t('report.committee.col.subject'),
            t('report.committee.col.decision'),
            t('report.committee.col.reason'),
          ],
          rows: r.decisions.map((d) => [
            dateText(d.decidedOn, lang),
            d.name,
            t(`report.portfolio.decision.${d.decision}`),
            d.reason,
          ]),
        },
  );
  return renderDocx({ title: reportTitle(r, t), subtitle: r.municipality, lang, blocks });
}
