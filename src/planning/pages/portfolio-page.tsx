/**
 * The portfolio review (planners): offers and interventions with what to look at again, and
 * one subject's page with its decisions and the decision form. Danish and English.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Select, SubmitButton, TextField } from '../../web/form.tsx';
import type { Translate } from '../../web/i18n.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { departmentLabel } from '../intervention.ts';
import {
  DECISIONS,
  currentDecision,
  type DecisionForm,
  type PortfolioItem,
  type Subject,
} from '../portfolio.ts';

export const PORTFOLIO_PATH = '/personale/planlaegning/portefolje';
const SLUG: Record<Subject, string> = { offer: 'tilbud', intervention: 'indsats' };
export const subjectOfSlug = (s: string): Subject | null =>
  s === 'tilbud' ? 'offer' : s === 'indsats' ? 'intervention' : null;
export const portfolioItemPath = (subject: Subject, id: string) =>
  `${PORTFOLIO_PATH}/${SLUG[subject]}/${id}`;

const LANGUAGES = ['da', 'en'] as const;

const dateText = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

function DecisionText({ item, t, lang }: { item: PortfolioItem; t: Translate; lang: string }) {
  const d = currentDecision(item);
  if (!d) return <>{t('report.portfolio.noDecision')}</>;
  return (
    <>
      {t(`report.portfolio.decision.${d.decision}`)} ({dateText(d.decidedOn, lang)})
    </>
  );
}

function Flags({ item, t }: { item: PortfolioItem; t: Translate }) {
  if (item.flags.length === 0) return <>{t('report.portfolio.noFlags')}</>;
  return (
    <ul class="nobullet-list">
      {item.flags.map((f) => (
        <li>{t(`report.portfolio.flag.${f}`)}</li>
      ))}
    </ul>
  );
}

export function PortfolioPage(props: {
  ctx: PageContext;
  items: PortfolioItem[];
  show: 'flagged' | 'all';
}) {
  const { ctx, items, show } = props;
  const { t, lang } = ctx;
  const title = t('report.portfolio.title');
  const shown = show === 'all' ? items : items.filter((i) => i.flags.length > 0);
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={LANGUAGES}>
      <h1>{title}</h1>
      <p class="font-lead">{t('report.portfolio.lead')}</p>
      <ul>
        {(
          [
            'low_participation',
            'low_reach',
            'weak_evidence',
            'no_evaluation',
            'not_confirmed',
          ] as const
        ).map((f) => (
          <li>
            <strong>{t(`report.portfolio.flag.${f}`)}:</strong>{' '}
            {t(`report.portfolio.flagHelp.${f}`)}
          </li>
        ))}
      </ul>
      <form method="get" action={PORTFOLIO_PATH} novalidate>
        <Select
          name="vis"
          label={t('report.portfolio.show')}
          value={show}
          options={[
            { value: 'flagged', label: t('report.portfolio.show.flagged') },
            { value: 'all', label: t('report.portfolio.show.all') },
          ]}
          problems={[]}
          t={t}
        />
        <SubmitButton>{t('report.portfolio.showButton')}</SubmitButton>
      </form>
      <DataTable
        caption={t('report.portfolio.caption', { count: shown.length, of: items.length })}
        columns={[
          t('report.portfolio.col.name'),
          t('report.portfolio.col.kind'),
          t('report.portfolio.col.department'),
          t('report.portfolio.col.signups'),
          t('report.portfolio.col.flags'),
          t('report.portfolio.col.decision'),
        ]}
        rows={shown}
        cells={(i) => [
          <a href={portfolioItemPath(i.subject, i.id)}>{i.name}</a>,
          t(`report.portfolio.subject.${i.subject}`),
          i.department ? departmentLabel(i.department, t) : '–',
          i.signups === null ? '–' : String(i.signups),
          <Flags item={i} t={t} />,
          <DecisionText item={i} t={t} lang={lang} />,
        ]}
      />
    </Layout>
  );
}

export function PortfolioItemPage(props: {
  ctx: PageContext;
  item: PortfolioItem;
  form: DecisionForm;
  problems: readonly FieldProblem[];
  /** Someone else recorded a decision while this form was open. */
  stale?: boolean;
  saved?: boolean;
}) {
  const { ctx, item, form, problems } = props;
  const { t, lang } = ctx;
  const title = item.name;
  const action = portfolioItemPath(item.subject, item.id);
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={LANGUAGES}
    >
      <p>
        <a href={PORTFOLIO_PATH} class="lighed-back">
          {t('report.portfolio.back')}
        </a>
      </p>
      <h1>{title}</h1>
      {props.saved && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('report.portfolio.saved')}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={problems} t={t} />
      {props.stale && (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-text">{t('report.portfolio.stale')}</p>
          </div>
        </div>
      )}
      <dl class="lighed-facts">
        <dt>{t('report.portfolio.col.kind')}</dt>
        <dd>{t(`report.portfolio.subject.${item.subject}`)}</dd>
        <dt>{t('report.portfolio.col.department')}</dt>
        <dd>{item.department ? departmentLabel(item.department, t) : '–'}</dd>
        <dt>{t('report.portfolio.col.signups')}</dt>
        <dd>{item.signups === null ? '–' : String(item.signups)}</dd>
        {item.evidenceLevel && (
          <>
            <dt>{t('report.portfolio.evidence')}</dt>
            <dd>{t(`report.portfolio.evidence.${item.evidenceLevel}`)}</dd>
          </>
        )}
        {item.lastConfirmedAt && (
          <>
            <dt>{t('report.portfolio.confirmed')}</dt>
            <dd>{dateText(item.lastConfirmedAt, lang)}</dd>
          </>
        )}
      </dl>
      <h2>{t('report.portfolio.col.flags')}</h2>
      <Flags item={item} t={t} />
      {item.reach.length > 0 && (
        <>
          <h2>{t('report.portfolio.reach')}</h2>
          <ul>
            {item.reach.map((s) => (
              <li lang="da">{s}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('report.portfolio.history')}</h2>
      {item.history.length === 0 ? (
        <p>{t('report.portfolio.noDecision')}</p>
      ) : (
        <DataTable
          caption={t('report.portfolio.history')}
          hiddenCaption
          columns={[
            t('report.portfolio.col.date'),
            t('report.portfolio.col.decision'),
            t('report.portfolio.col.reason'),
          ]}
          rows={item.history}
          cells={(d) => [
            dateText(d.decidedOn, lang),
            t(`report.portfolio.decision.${d.decision}`),
            d.reason,
          ]}
        />
      )}
      <h2>{t('report.portfolio.record')}</h2>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="seen" value={String(item.history.length)} />
        <Select
          name="decision"
          label={t('report.portfolio.col.decision')}
          value={form.decision}
          options={[
            { value: '', label: t('report.portfolio.choose') },
            ...DECISIONS.map((d) => ({ value: d, label: t(`report.portfolio.decision.${d}`) })),
          ]}
          problems={problems}
          t={t}
        />
        <TextField
          name="reason"
          label={t('report.portfolio.col.reason')}
          hint={t('report.portfolio.reasonHint')}
          value={form.reason}
          multiline
          problems={problems}
          t={t}
        />
        <TextField
          name="decidedOn"
          label={t('report.portfolio.col.date')}
          hint={t('report.portfolio.dateHint')}
          value={form.decidedOn}
          width="s"
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('report.portfolio.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
