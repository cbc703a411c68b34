/**
 * What the citizens said about the offers (providers: their own; planners: all), Danish and
 * English: counts by offer, arena and barrier through the monitor's suppression, and an
 * offer's free texts only from FREE_TEXT_MIN_RESPONSES responses (summary.ts).
 */
import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../../platform/errors.ts';
import { ErrorSummary, SubmitButton, TextField } from '../../web/form.tsx';
import type { Translate } from '../../web/i18n.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { PANELS_PATH, STAFF_SUGGESTIONS_PATH, VOICE_PATH } from '../paths.ts';
import {
  FREE_TEXT_MIN_RESPONSES,
  MIN_COUNT,
  type FeedbackGroup,
  type FeedbackSummary,
  type Shown,
} from '../summary.ts';
import { BARRIERS, RATINGS, type Period } from '../voice.ts';
import { monthText } from './citizen-pages.tsx';

export const STAFF_LANGUAGES = ['da', 'en'] as const;

export function shownText(s: Shown, t: Translate, lang: string): string {
  if (s.kind === 'few') return t('voice.staff.few', { min: MIN_COUNT });
  if (s.kind === 'hidden') return t('voice.staff.hidden');
  return s.value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
}

/** A staff page of the voice: its title (marked when the form has problems), heading and nav. */
export function VoiceStaffPage(props: {
  ctx: PageContext;
  title: string;
  current: string;
  problems?: readonly FieldProblem[];
  children: ComponentChildren;
}) {
  const { ctx, title } = props;
  const marked = props.problems?.length ? `${ctx.t('form.errorTitlePrefix')} ${title}` : title;
  return (
    <Layout ctx={ctx} title={marked} area="staff" languages={STAFF_LANGUAGES}>
      <h1>{title}</h1>
      <VoiceNav ctx={ctx} current={props.current} />
      {props.children}
    </Layout>
  );
}

/** The voice's pages, for planners (providers see only the feedback). */
export function VoiceNav({ ctx, current }: { ctx: PageContext; current: string }) {
  const { t } = ctx;
  const planner = ctx.staff?.role === 'planner' || ctx.staff?.role === 'admin';
  if (!planner) return null;
  const links: [string, string][] = [
    [VOICE_PATH, t('voice.staff.nav.feedback')],
    [STAFF_SUGGESTIONS_PATH, t('voice.staff.nav.suggestions')],
    [PANELS_PATH, t('voice.staff.nav.panels')],
  ];
  return (
    <nav aria-label={t('voice.staff.nav.label')}>
      <ul class="nobullet-list lighed-inline-options">
        {links.map(([href, label]) => (
          <li>
            {href === current ? (
              <a href={href} aria-current="page">
                <strong>{label}</strong>
              </a>
            ) : (
              <a href={href}>{label}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function FeedbackOverviewPage(props: {
  ctx: PageContext;
  form: { fra: string; til: string };
  problems: readonly FieldProblem[];
  result: { period: Period; summary: FeedbackSummary } | null;
}) {
  const { ctx, form, problems, result } = props;
  const { t } = ctx;
  const title = t('voice.staff.feedback.title');
  const none = { problems, t };
  return (
    <VoiceStaffPage ctx={ctx} title={title} current={VOICE_PATH} problems={problems}>
      <p>{t('voice.staff.feedback.lead')}</p>
      <p class="lighed-muted">
        {t('voice.staff.feedback.rules', { min: MIN_COUNT, texts: FREE_TEXT_MIN_RESPONSES })}
      </p>
      <ErrorSummary problems={problems} t={t} />
      <form method="get" action={VOICE_PATH} class="lighed-overview-period" novalidate>
        <TextField
          name="fra"
          label={t('voice.staff.from')}
          hint={t('voice.staff.monthHint')}
          value={form.fra}
          width="s"
          {...none}
        />
        <TextField
          name="til"
          label={t('voice.staff.to')}
          hint={t('voice.staff.monthHint')}
          value={form.til}
          width="s"
          {...none}
        />
        <SubmitButton>{t('voice.staff.show')}</SubmitButton>
      </form>
      {result && <Tables ctx={ctx} {...result} />}
    </VoiceStaffPage>
  );
}

function Tables({
  ctx,
  period,
  summary,
}: {
  ctx: PageContext;
  period: Period;
  summary: FeedbackSummary;
}) {
  const { t, lang } = ctx;
  const show = (s: Shown) =>
    s.kind === 'count' ? (
      shownText(s, t, lang)
    ) : (
      <span class="lighed-suppressed">{shownText(s, t, lang)}</span>
    );
  const when = t('voice.staff.period', {
    from: monthText(period.from, lang),
    to: monthText(period.to, lang),
  });
  if (summary.total.responses.kind === 'count' && summary.total.responses.value === 0)
    return (
      <>
        <h2>{when}</h2>
        <p>{t('voice.staff.feedback.none')}</p>
      </>
    );
  const columns = (first: string) => [
    first,
    t('voice.staff.col.responses'),
    ...RATINGS.map((r) => t(`voice.rating.${r}`)),
    ...BARRIERS.map((b) => t(`voice.staff.barrier.${b}`)),
  ];
  const cells = (label: preact.ComponentChildren) => (g: FeedbackGroup) => [
    label ?? g.label,
    show(g.responses),
    ...g.ratings.map(show),
    ...BARRIERS.map((b) => show(g.barriers[b])),
  ];
  return (
    <>
      <h2>{when}</h2>
      <p>
        {t('voice.staff.hiddenNote', {
          few: summary.hidden.few,
          complementary: summary.hidden.complementary,
        })}
      </p>
      <DataTable
        caption={t('voice.staff.feedback.byOffer')}
        columns={columns(t('voice.staff.col.offer'))}
        rows={[...summary.offers, summary.total]}
        cells={(g) =>
          cells(g.key === 'all' ? <strong>{g.label}</strong> : <span lang="da">{g.label}</span>)(g)
        }
      />
      {summary.arenas.length > 0 && (
        <DataTable
          caption={t('voice.staff.feedback.byArena')}
          columns={columns(t('voice.staff.col.arena'))}
          rows={[...summary.arenas, summary.total]}
          cells={(g) =>
            cells(
              g.key === 'all' ? (
                <strong>{g.label}</strong>
              ) : (
                t(`arena.${g.key.slice('arena:'.length)}`)
              ),
            )(g)
          }
        />
      )}
      <DataTable
        caption={t('voice.staff.feedback.byBarrier')}
        columns={[t('voice.staff.col.barrier'), t('voice.staff.col.named')]}
        rows={[...BARRIERS]}
        cells={(b) => [t(`voice.barrier.${b}`), show(summary.total.barriers[b])]}
      />
      <h2>{t('voice.staff.feedback.comments')}</h2>
      {summary.offers.map((o) => (
        <section>
          <h3 lang="da">{o.label}</h3>
          {o.comments === null ? (
            <p class="lighed-muted">
              {t('voice.staff.feedback.commentsWithheld', { min: FREE_TEXT_MIN_RESPONSES })}
            </p>
          ) : o.comments.length === 0 ? (
            <p class="lighed-muted">{t('voice.staff.feedback.noComments')}</p>
          ) : (
            <ul>
              {o.comments.map((c) => (
                <li dir="auto">{c}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
