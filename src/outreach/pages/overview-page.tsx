/**
 * The outreach overview (coordinators, planners, admins): the period, how small numbers are
 * hidden, the pathway funnel, where citizens fell out and how many came back, then the same by
 * arena, offer, sex, age and language. Counts only; Danish and English.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { ErrorSummary, SubmitButton, TextField } from '../../web/form.tsx';
import type { Translate } from '../../web/i18n.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import {
  groupLabel,
  shareText,
  shownText,
  type Overview,
  type Period,
  type Shown,
  type ShownCases,
} from '../overview.ts';

export const OVERVIEW_PATH = '/personale/opsoegning/overblik';
export const OVERVIEW_CSV_PATH = '/personale/opsoegning/overblik.csv';

const LANGUAGES = ['da', 'en'] as const;

/** "april 2024" from "2024-04", in the page's language. */
function monthName(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function Figure({ value, t, lang }: { value: Shown; t: Translate; lang: string }) {
  const text = shownText(value, t, lang);
  return value.kind === 'count' ? <>{text}</> : <span class="lighed-suppressed">{text}</span>;
}

function Share(props: { share: number | null; base: Shown; t: Translate; lang: string }) {
  const { share, base, t, lang } = props;
  // A share of nothing is no hidden figure: a dash, not "not shown".
  if (base.kind === 'count' && base.value === 0) return <>–</>;
  const text = shareText(share, lang);
  return text === null ? (
    <span class="lighed-suppressed">{t('outreach.overview.noShare')}</span>
  ) : (
    <>{text}</>
  );
}

export function OverviewPage(props: {
  ctx: PageContext;
  form: { fra: string; til: string };
  problems: readonly FieldProblem[];
  /** Null while the period has problems. */
  result: { period: Period; overview: Overview } | null;
}) {
  const { ctx, form, problems, result } = props;
  const { t } = ctx;
  const title = t('outreach.overview.title');
  const none = { problems, t };
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={LANGUAGES}
    >
      <h1>{title}</h1>
      <p>{t('outreach.overview.lead')}</p>
      <ErrorSummary problems={problems} t={t} />
      <form method="get" action={OVERVIEW_PATH} class="lighed-overview-period" novalidate>
        <TextField
          name="fra"
          label={t('outreach.overview.from')}
          hint={t('outreach.overview.monthHint')}
          value={form.fra}
          width="s"
          {...none}
        />
        <TextField
          name="til"
          label={t('outreach.overview.to')}
          hint={t('outreach.overview.monthHint')}
          value={form.til}
          width="s"
          {...none}
        />
        <SubmitButton>{t('outreach.overview.show')}</SubmitButton>
      </form>
      {result && <Tables ctx={ctx} {...result} />}
    </Layout>
  );
}

function Tables({
  ctx,
  period,
  overview,
}: {
  ctx: PageContext;
  period: Period;
  overview: Overview;
}) {
  const { t, lang } = ctx;
  const when = t('outreach.overview.period', {
    from: monthName(period.from, lang),
    to: monthName(period.to, lang),
  });
  const csv = `${OVERVIEW_CSV_PATH}?fra=${period.from}&til=${period.to}`;
  const caseColumns = [
    t('outreach.overview.col.cases'),
    t('outreach.overview.col.reengaged'),
    t('outreach.overview.col.declined'),
    t('outreach.overview.col.unreachable'),
    t('outreach.overview.col.open'),
    t('outreach.overview.col.reengagedShare'),
  ];
  const caseCells = (c: ShownCases) => [
    <Figure value={c.cases} t={t} lang={lang} />,
    <Figure value={c.reengaged} t={t} lang={lang} />,
    <Figure value={c.declined} t={t} lang={lang} />,
    <Figure value={c.unreachable} t={t} lang={lang} />,
    <Figure value={c.open} t={t} lang={lang} />,
    <Share share={c.reengagedShare} base={c.cases} t={t} lang={lang} />,
  ];
  return (
    <>
      <p>
        <a href={csv} download>
          {t('outreach.overview.csv.link')}
        </a>
      </p>
      <div class="alert alert-info">
        <div class="alert-body">
          <h2 class="alert-heading">{t('outreach.overview.method.heading')}</h2>
          <p class="alert-text">{t('outreach.overview.method')}</p>
          <p class="alert-text">
            {t('outreach.overview.hiddenCount', {
              few: overview.hidden.few,
              complementary: overview.hidden.complementary,
            })}
          </p>
        </div>
      </div>

      <h2>{t('outreach.overview.funnel.heading')}</h2>
      <DataTable
        class="lighed-overview"
        caption={t('outreach.overview.funnel.caption', { period: when })}
        columns={[
          t('outreach.overview.col.step'),
          t('outreach.overview.col.referrals'),
          t('outreach.overview.col.share'),
        ]}
        rows={overview.funnel}
        cells={(f) => [
          t(`outreach.overview.step.${f.step}`),
          <Figure value={f.count} t={t} lang={lang} />,
          f.step === 'received' ? (
            ''
          ) : (
            <Share share={f.share} base={overview.funnel[0]!.count} t={t} lang={lang} />
          ),
        ]}
      />

      <h2>{t('outreach.overview.fallout.heading')}</h2>
      <DataTable
        class="lighed-overview"
        caption={t('outreach.overview.fallout.caption', { period: when })}
        columns={[t('outreach.overview.col.step'), ...caseColumns]}
        rows={[
          ...overview.fallout.map((f) => ({
            label: t(`outreach.overview.fallout.${f.step}`),
            cases: f.cases,
          })),
          { label: t('outreach.overview.total'), cases: overview.total },
        ]}
        cells={(r) => [r.label, ...caseCells(r.cases)]}
      />

      <h2>{t('outreach.overview.groups.heading')}</h2>
      <p>{t('outreach.overview.groups.lead')}</p>
      {overview.groups.map((g) => (
        <>
          <h3>{t(`outreach.overview.by.${g.dimension}`)}</h3>
          <DataTable
            class="lighed-overview"
            caption={t(`outreach.overview.caption.${g.dimension}`, { period: when })}
            columns={[
              t(`outreach.overview.col.group.${g.dimension}`),
              t('outreach.overview.col.referrals'),
              ...caseColumns,
            ]}
            rows={[
              ...g.rows.map((r) => ({ label: groupLabel(t, g.dimension, r), row: r })),
              {
                label: t('outreach.overview.total'),
                row: { referrals: overview.funnel[0]!.count, ...overview.total },
              },
            ]}
            cells={({ label, row }) => [
              // Offer titles are written in Danish.
              g.dimension === 'offer' && 'key' in row && row.key !== 'none' && lang !== 'da' ? (
                <span lang="da">{label}</span>
              ) : (
                label
              ),
              <Figure value={row.referrals} t={t} lang={lang} />,
              ...caseCells(row),
            ]}
          />
        </>
      ))}
    </>
  );
}
