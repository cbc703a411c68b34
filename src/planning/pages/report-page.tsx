/**
 * The committee report: the body every form shares (page, print HTML for the PDF), the page with
 * its chooser, downloads and publishing, and the print document. Each chart has its table.
 * Danish and English; the figures' sentences are plain Danish (lang="da").
 */
import { render } from 'preact-render-to-string';
import { Trend, TrendTable, type TrendProps } from '../../monitor/index.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Select, SubmitButton, TextField } from '../../web/form.tsx';
import type { Translate } from '../../web/i18n.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { DEPARTMENTS, departmentLabel, type Department } from '../intervention.ts';
import { goalChartRows, type CommitteeReport, type ReportGoal } from '../report.ts';
import { TableScroll } from './shared.tsx';

export const REPORT_PATH = '/personale/planlaegning/rapport';
export const reportQuery = (d: Department, year: number) => `udvalg=${d}&aar=${year}`;
export const publishedPath = (id: string) => `${REPORT_PATH}/udgivet/${id}`;

const LANGUAGES = ['da', 'en'] as const;
type Lang = 'da' | 'en';

const number = (v: number, lang: Lang, digits = 1) =>
  new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);

export const dateText = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

export function reportTitle(r: Pick<CommitteeReport, 'department' | 'year'>, t: Translate) {
  return t('report.committee.title', {
    department: departmentLabel(r.department, t),
    year: r.year,
  });
}

const goalName = (g: ReportGoal, lang: Lang) => {
  const ind = lang === 'en' ? g.labelsEn.indicator : g.indicatorLabel;
  const grp = lang === 'en' ? g.labelsEn.group : g.groupLabel;
  return grp ? `${ind}: ${grp}` : ind;
};

/** Reach goals are ratios (1 = in proportion): drawn ×100 as an index on the percent axis. */
const scale = (g: ReportGoal) => (g.measure === 'reach_ratio' ? 100 : 1);

export function goalTrendProps(g: ReportGoal, t: Translate, lang: Lang, n: number): TrendProps {
  const rows = goalChartRows(g);
  const k = scale(g);
  const times = (v: number | null | undefined) => (v === null || v === undefined ? null : v * k);
  const name = goalName(g, lang);
  return {
    id: `goal-${n}`,
    title: t('report.committee.chart.title', { goal: name }),
    description: g.sentence,
    caption: t(`report.committee.chart.caption.${g.measure}`, { goal: name }),
    rowHeader: t('report.committee.chart.row'),
    axisLabel: t(`report.committee.chart.axis.${g.measure}`),
    format: (v) => number(v, lang),
    subgroups: [
      { key: 'measured', label: t('report.committee.chart.measured') },
      { key: 'path', label: t('report.committee.chart.path') },
    ],
    waves: rows.map((r) => ({ year: r.year })),
    values: {
      measured: rows.map((r) =>
        r.measured
          ? {
              value: times(r.measured.value),
              lower: times(r.measured.lower),
              upper: times(r.measured.upper),
            }
          : null,
      ),
      path: rows.map((r) => (r.path === null ? null : { value: r.path * k })),
    },
    labels:
      lang === 'en'
        ? {
            suppressed: 'too few answers',
            interval: '95% confidence interval',
            timeBreak: 'Break in the series',
            noData: 'no data / too few answers',
          }
        : undefined,
  };
}

/** The report itself, without page chrome: the page and the print HTML both render it. */
export function ReportBody({
  report: r,
  t,
  lang,
}: {
  report: CommitteeReport;
  t: Translate;
  lang: Lang;
}) {
  return (
    <>
      <p>
        {t('report.committee.intro', {
          kommune: r.municipality,
          date: dateText(r.generatedOn, lang),
        })}
      </p>
      <h2>{t('report.committee.goals')}</h2>
      {r.goals.length === 0 && <p>{t('report.committee.noGoals')}</p>}
      {r.goals.map((g, i) => {
        const props = goalTrendProps(g, t, lang, i + 1);
        return (
          <section class="lighed-report-goal" aria-labelledby={`goal-${i + 1}-h`}>
            <h3 id={`goal-${i + 1}-h`}>{goalName(g, lang)}</h3>
            <p>
              <strong>{t(`report.committee.state.${g.state}`)}.</strong>{' '}
              <span lang="da">{g.sentence}</span>
            </p>
            <Trend {...props} />
            <TableScroll labelledBy={`goal-${i + 1}-h`}>
              <TrendTable {...props} />
            </TableScroll>
          </section>
        );
      })}
      <h2>{t('report.committee.gaps')}</h2>
      {!r.gaps || r.gaps.rows.length === 0 ? (
        <p>{t('report.committee.noGaps')}</p>
      ) : (
        <>
          <p>{t('report.committee.gapsLead', { year: r.gaps.year })}</p>
          <TableScroll labelledBy="report-gaps">
            <table class="table table--zebra">
              <caption id="report-gaps">
                {t('report.committee.gapsCaption', { year: r.gaps.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.committee.col.rank')}</th>
                  <th scope="col">{t('report.committee.col.indicator')}</th>
                  <th scope="col">{t('report.committee.col.group')}</th>
                  <th scope="col">{t('report.committee.col.groupValue')}</th>
                  <th scope="col">{t('report.committee.col.bestValue')}</th>
                  <th scope="col">{t('report.committee.col.people')}</th>
                </tr>
              </thead>
              <tbody>
                {r.gaps.rows.map((x) => (
                  <tr>
                    <td>{x.rank}</td>
                    <td>{x.indicator[lang]}</td>
                    <td>
                      {x.group[lang]} ({x.dimension[lang]})
                    </td>
                    <td>{`${number(x.groupEstimate, lang)} %`}</td>
                    <td>{`${number(x.bestEstimate, lang)} % (${x.best[lang]})`}</td>
                    <td>{number(x.people, lang, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <h2>{t('report.committee.recommendations')}</h2>
      {r.recommendations.length === 0 ? (
        <p>{t('report.committee.noRecommendations')}</p>
      ) : (
        <TableScroll labelledBy="report-recommendations">
          <table class="table table--zebra">
            <caption id="report-recommendations">
              {t('report.committee.recommendationsCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('report.committee.col.recommendation')}</th>
                <th scope="col">{t('report.committee.col.state')}</th>
                <th scope="col">{t('report.committee.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {r.recommendations.map((x) => (
                <tr>
                  <td lang="da">
                    {x.code}. {x.title}
                  </td>
                  <td>{t(`report.committee.recState.${x.state}`)}</td>
                  <td>
                    {x.note ? (
                      <>
                        <span lang="da">{x.note}</span>
                        {x.noteDate && ` (${dateText(x.noteDate, lang)})`}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t('report.committee.reach')}</h2>
      {r.interventions.length === 0 ? (
        <p>{t('report.committee.noInterventions')}</p>
      ) : (
        <ul>
          {r.interventions.map((i) => (
            <li>
              <strong lang="da">{i.name}</strong>
              {i.lowReach && ` ${t('report.committee.lowReach')}`}
              {i.reach.length === 0 ? (
                <> {t('report.committee.noReach')}</>
              ) : (
                <ul>
                  {i.reach.map((s) => (
                    <li lang="da">{s}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('report.committee.decisions')}</h2>
      {r.decisions.length === 0 ? (
        <p>{t('report.committee.noDecisions', { year: r.year })}</p>
      ) : (
        <TableScroll labelledBy="report-decisions">
          <table class="table table--zebra">
            <caption id="report-decisions">
              {t('report.committee.decisionsCaption', { year: r.year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('report.committee.col.date')}</th>
                <th scope="col">{t('report.committee.col.subject')}</th>
                <th scope="col">{t('report.committee.col.decision')}</th>
                <th scope="col">{t('report.committee.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {r.decisions.map((d) => (
                <tr>
                  <td>{dateText(d.decidedOn, lang)}</td>
                  <td lang="da">{d.name}</td>
                  <td>{t(`report.portfolio.decision.${d.decision}`)}</td>
                  <td lang="da">{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function ReportPage(props: {
  ctx: PageContext & { lang: Lang };
  report: CommitteeReport;
  published: { id: string; department: Department; year: number; publishedOn: string }[];
  pdf: boolean;
  problems?: readonly FieldProblem[];
}) {
  const { ctx, report: r, published } = props;
  const problems = props.problems ?? [];
  const { t, lang } = ctx;
  const q = reportQuery(r.department, r.year);
  const title = reportTitle(r, t);
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={LANGUAGES}
    >
      <h1>{title}</h1>
      <ErrorSummary problems={problems} t={t} />
      <form method="get" action={REPORT_PATH} novalidate class="lighed-report-chooser">
        <Select
          name="udvalg"
          label={t('report.committee.committee')}
          value={r.department}
          options={DEPARTMENTS.map((d) => ({ value: d, label: departmentLabel(d, t) }))}
          problems={[]}
          t={t}
        />
        <TextField
          name="aar"
          label={t('report.committee.year')}
          value={String(r.year)}
          width="xs"
          inputmode="numeric"
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('report.committee.show')}</SubmitButton>
      </form>
      <ul class="lighed-report-downloads">
        {props.pdf && (
          <li>
            <a href={`${REPORT_PATH}.pdf?${q}`}>{t('report.committee.pdf')}</a>
          </li>
        )}
        <li>
          <a href={`${REPORT_PATH}.docx?${q}`}>{t('report.committee.docx')}</a>
        </li>
        <li>
          <a href={`${REPORT_PATH}/udskrift?${q}`}>{t('report.committee.print')}</a>
        </li>
      </ul>
      <ReportBody report={r} t={t} lang={lang} />
      <h2>{t('report.committee.publish')}</h2>
      <p>{t('report.committee.publishLead')}</p>
      <form method="post" action={`${REPORT_PATH}/udgiv?${q}`}>
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton>{t('report.committee.publishButton')}</SubmitButton>
      </form>
      <h2>{t('report.committee.published')}</h2>
      {published.length === 0 ? (
        <p>{t('report.committee.nonePublished')}</p>
      ) : (
        <DataTable
          caption={t('report.committee.published')}
          hiddenCaption
          columns={[t('report.committee.col.date'), t('report.committee.committee')]}
          rows={published}
          cells={(p) => [
            <a href={publishedPath(p.id)}>{dateText(p.publishedOn, lang)}</a>,
            `${departmentLabel(p.department, t)} ${p.year}`,
          ]}
        />
      )}
    </Layout>
  );
}

export function PublishedReportPage(props: {
  ctx: PageContext & { lang: Lang };
  id: string;
  publishedOn: string;
  report: CommitteeReport;
  pdf: boolean;
}) {
  const { ctx, report: r, id } = props;
  const { t, lang } = ctx;
  const title = reportTitle(r, t);
  const base = publishedPath(id);
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={LANGUAGES}>
      <p>
        <a class="lighed-back" href={`${REPORT_PATH}?${reportQuery(r.department, r.year)}`}>
          {t('report.committee.back')}
        </a>
      </p>
      <h1>{title}</h1>
      <p class="font-lead">
        {t('report.committee.publishedOn', { date: dateText(props.publishedOn, lang) })}
      </p>
      <ul class="lighed-report-downloads">
        {props.pdf && (
          <li>
            <a href={`${base}/pdf`}>{t('report.committee.pdf')}</a>
          </li>
        )}
        <li>
          <a href={`${base}/docx`}>{t('report.committee.docx')}</a>
        </li>
      </ul>
      <ReportBody report={r} t={t} lang={lang} />
    </Layout>
  );
}

/** The print document (no navigation): a stylesheet link on screen, inlined CSS for the PDF. */
export function renderReportPrint(p: {
  report: CommitteeReport;
  t: Translate;
  lang: Lang;
  inlineCss?: string;
}): string {
  const title = reportTitle(p.report, p.t);
  return (
    '<!doctype html>' +
    render(
      <html lang={p.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${p.report.municipality}`}</title>
          {p.inlineCss !== undefined ? (
            <style dangerouslySetInnerHTML={{ __html: p.inlineCss }} />
          ) : (
            <link rel="stylesheet" href="/assets/committee-report.css" />
          )}
        </head>
        <body>
          <main class="report-print">
            <h1>{title}</h1>
            <ReportBody report={p.report} t={p.t} lang={p.lang} />
          </main>
        </body>
      </html>,
    )
  );
}
