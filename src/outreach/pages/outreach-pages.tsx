/** The outreach lane's pages (staff, Danish and English): queue, case, rules. */
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  FormPage,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { dateText, languageName } from '../../web/present.ts';
import type { UiLanguage } from '../../web/languages.ts';
import type { CaseView, QueueEntry } from '../outreach.service.ts';
import {
  ATTEMPT_METHODS,
  OUTCOMES,
  OUTREACH_EVENTS,
  RULE_SPECS,
  type AttemptForm,
  type OutcomeForm,
  type RulesForm,
} from '../rules.ts';

const LANGS = ['da', 'en'] as const satisfies readonly UiLanguage[];
const QUEUE = '/personale/opsoegning';

function Notice({ ctx, notice }: { ctx: PageContext; notice: string | undefined }) {
  if (!notice) return null;
  const stale = notice === 'forældet';
  const key = { forældet: 'stale', taget: 'taken', forsoeg: 'attempt', lukket: 'closed' }[notice];
  if (!key) return null;
  return (
    <div class={`alert ${stale ? 'alert-warning' : 'alert-success'}`} role="status">
      <div class="alert-body">
        <p class="alert-text">{ctx.t(`outreach.notice.${key}`)}</p>
      </div>
    </div>
  );
}

function KeptText({ ctx, text }: { ctx: PageContext; text: string }) {
  if (!text) return null;
  return (
    <div class="alert alert-info">
      <div class="alert-body">
        <p class="alert-text">{ctx.t('outreach.notice.keptText')}</p>
        <blockquote class="lighed-kept-text">{text}</blockquote>
      </div>
    </div>
  );
}

export function QueuePage(props: {
  ctx: PageContext;
  rows: readonly QueueEntry[];
  notice?: string | undefined;
}) {
  const { ctx, rows } = props;
  const { t, lang } = ctx;
  const canEditRules = ctx.staff?.role === 'coordinator' || ctx.staff?.role === 'admin';
  return (
    <Layout ctx={ctx} title={t('outreach.queue.title')} area="staff" languages={LANGS}>
      <h1>{t('outreach.queue.title')}</h1>
      <p class="font-lead">{t('outreach.queue.lead')}</p>
      <Notice ctx={ctx} notice={props.notice} />
      {canEditRules && (
        <p>
          <a href="/personale/opsoegning/regler">{t('outreach.rules.title')}</a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('outreach.queue.empty')}</p>
      ) : (
        <DataTable
          caption={t('outreach.queue.caption', { count: rows.length })}
          columns={[
            t('outreach.queue.citizen'),
            t('outreach.queue.reason'),
            t('outreach.queue.since'),
            t('outreach.queue.attempts'),
            t('outreach.queue.assigned'),
            t('outreach.queue.action'),
          ]}
          rows={rows}
          cells={(r) => [
            <a href={`${QUEUE}/${r.id}`}>{r.citizenName || t('outreach.case.unknownCitizen')}</a>,
            r.reasons.map((e) => t(`outreach.event.${e}`)).join('; '),
            dateText(r.since, lang),
            String(r.attempts),
            r.assignedName ?? t('outreach.queue.unassigned'),
            r.assignedToMe ? (
              t('outreach.queue.yours')
            ) : (
              <form method="post" action={`${QUEUE}/${r.id}/tag`}>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="version" value={String(r.version)} />
                {/* aria-label, not an sr-only span: an absolutely positioned span escapes the
                    table's scroll region and widens the page on a phone. */}
                <button
                  type="submit"
                  class="button button-secondary"
                  aria-label={`${t('outreach.queue.take')}: ${r.citizenName}`}
                >
                  {t('outreach.queue.take')}
                </button>
              </form>
            ),
          ]}
        />
      )}
    </Layout>
  );
}

export function CasePage(props: {
  ctx: PageContext;
  view: CaseView;
  role: string;
  problems: readonly FieldProblem[];
  notice?: string | undefined;
  attempt?: AttemptForm;
  outcome?: OutcomeForm;
}) {
  const { ctx, view, problems } = props;
  const { t, lang } = ctx;
  const c = view.case;
  const citizen = view.citizen;
  const version = String(c.version);
  const attempt: AttemptForm = props.attempt ?? { method: '', reached: '', note: '', version };
  const outcome: OutcomeForm = props.outcome ?? { outcome: '', newOffer: '', note: '', version };
  const name = citizen?.name ?? c.citizen_name ?? t('outreach.case.unknownCitizen');
  const coordinator = props.role === 'coordinator' || props.role === 'admin';
  const title = t('outreach.case.title', { name });
  return (
    <Layout
      ctx={{ ...ctx }}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={LANGS}
    >
      <p>
        <a href={QUEUE} class="lighed-back">
          {t('outreach.case.back')}
        </a>
      </p>
      <h1>
        {t('outreach.case.heading')} <bdi>{name}</bdi>
      </h1>
      <Notice ctx={ctx} notice={props.notice} />
      {c.status !== 'open' && props.notice === 'forældet' && (
        // The forms are gone with the open case: show what was typed so nothing is lost.
        <KeptText ctx={ctx} text={props.attempt?.note || props.outcome?.note || ''} />
      )}
      <ErrorSummary problems={problems} t={t} />
      <p>
        {c.status === 'open'
          ? t('outreach.case.openSince', { date: dateText(c.detected_at, lang) })
          : t('outreach.case.closedOn', {
              date: dateText(c.closed_at ?? c.detected_at, lang),
              outcome: t(`outreach.outcome.${c.outcome ?? 'declined'}`),
            })}{' '}
        {c.assigned_name
          ? t('outreach.case.assignedTo', { name: c.assigned_name })
          : t('outreach.queue.unassigned')}
      </p>

      <h2>{t('outreach.case.reasons')}</h2>
      <ul>
        {view.reasons.map((r) => {
          const ref = view.referrals.find((x) => x.id === r.referral_id);
          const sig = view.signups.find((x) => x.id === r.signup_id);
          return (
            <li>
              {t(`outreach.event.${r.event}`)} ({dateText(r.detected_at, lang)})
              {ref && (
                <>
                  {' – '}
                  {coordinator ? (
                    <a href={`/personale/henvisninger/${ref.id}`}>
                      {t('outreach.case.referral', {
                        offer: ref.offerTitle ?? t('outreach.case.afklarende'),
                      })}
                    </a>
                  ) : (
                    t('outreach.case.referral', {
                      offer: ref.offerTitle ?? t('outreach.case.afklarende'),
                    })
                  )}
                  {`, ${t('outreach.case.referralStatus', { status: t(`referral.status.${ref.status}`) })}`}
                  {ref.requester && `, ${t('outreach.case.referrer', { name: ref.requester })}`}
                  {ref.noShows > 0 && `, ${t('outreach.case.noShows', { count: ref.noShows })}`}
                </>
              )}
              {sig && <> – {t('outreach.case.signup', { offer: sig.offerTitle })}</>}
            </li>
          );
        })}
      </ul>

      <h2>{t('outreach.case.contact')}</h2>
      {citizen ? (
        <dl class="lighed-facts">
          <dt>{t('outreach.case.phone')}</dt>
          <dd>{citizen.phone || '–'}</dd>
          <dt>{t('outreach.case.email')}</dt>
          <dd>{citizen.email || '–'}</dd>
          <dt>{t('outreach.case.address')}</dt>
          <dd>{[citizen.address, citizen.postcode].filter(Boolean).join(', ') || '–'}</dd>
          <dt>{t('outreach.case.language')}</dt>
          <dd>
            {languageName(citizen.preferredLanguage, lang)}
            {citizen.interpreterNeeded ? `, ${t('outreach.case.interpreter')}` : ''}
          </dd>
        </dl>
      ) : (
        <p>{t('outreach.case.noContact')}</p>
      )}

      {view.attempts.length > 0 ? (
        <DataTable
          caption={t('outreach.case.attempts')}
          columns={[
            t('outreach.attempt.when'),
            t('outreach.attempt.method'),
            t('outreach.attempt.reached'),
            t('outreach.attempt.note'),
            t('outreach.attempt.by'),
          ]}
          rows={view.attempts}
          cells={(a) => [
            dateText(a.at, lang),
            t(`outreach.method.${a.method}`),
            a.reached ? t('outreach.attempt.yes') : t('outreach.attempt.no'),
            a.note,
            a.recorded_by_name ?? '',
          ]}
        />
      ) : (
        // No empty table: the caption's words name the section the empty text stands in for.
        <p>
          <strong>{t('outreach.case.attempts')}:</strong> {t('outreach.case.noAttempts')}
        </p>
      )}

      {c.status === 'open' && (
        <>
          <h2>{t('outreach.attempt.title')}</h2>
          <form method="post" action={`${QUEUE}/${c.id}/forsoeg`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={version} />
            <Select
              name="method"
              label={t('outreach.attempt.method')}
              value={attempt.method}
              options={[
                { value: '', label: t('outreach.choose') },
                ...ATTEMPT_METHODS.map((m) => ({ value: m, label: t(`outreach.method.${m}`) })),
              ]}
              problems={problems}
              t={t}
            />
            <Select
              name="reached"
              label={t('outreach.attempt.reached')}
              value={attempt.reached}
              options={[
                { value: '', label: t('outreach.choose') },
                { value: 'ja', label: t('outreach.attempt.yes') },
                { value: 'nej', label: t('outreach.attempt.no') },
              ]}
              problems={problems}
              t={t}
            />
            <TextField
              name="note"
              label={t('outreach.attempt.note')}
              hint={t('outreach.attempt.noteHint')}
              value={attempt.note}
              multiline
              problems={problems}
              t={t}
            />
            <SubmitButton>{t('outreach.attempt.submit')}</SubmitButton>
          </form>

          <h2>{t('outreach.outcome.title')}</h2>
          <form method="post" action={`${QUEUE}/${c.id}/udfald`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={version} />
            <Select
              name="outcome"
              label={t('outreach.outcome.label')}
              hint={t('outreach.outcome.hint')}
              value={outcome.outcome}
              options={[
                { value: '', label: t('outreach.choose') },
                ...OUTCOMES.map((o) => ({ value: o, label: t(`outreach.outcome.${o}`) })),
              ]}
              problems={problems}
              t={t}
            />
            <Select
              name="newOffer"
              label={t('outreach.outcome.newOffer')}
              hint={t('outreach.outcome.newOfferHint')}
              value={outcome.newOffer}
              options={[
                {
                  value: '',
                  label: view.choices.length
                    ? t('outreach.choose')
                    : t('outreach.outcome.noChoices'),
                },
                ...view.choices.map((x) => ({
                  value: x.value,
                  label: `${x.label} (${dateText(x.createdAt, lang)})`,
                })),
              ]}
              problems={problems}
              t={t}
            />
            {coordinator && (
              <p>
                <a href="/personale/henvisninger/ny">{t('outreach.outcome.newReferral')}</a>
              </p>
            )}
            <TextField
              name="outcomeNote"
              label={t('outreach.outcome.note')}
              value={outcome.note}
              multiline
              problems={problems.map((p) =>
                p.path === 'note' ? { ...p, path: 'outcomeNote' } : p,
              )}
              t={t}
            />
            <SubmitButton>{t('outreach.outcome.submit')}</SubmitButton>
          </form>
        </>
      )}
    </Layout>
  );
}

export function RulesPage(props: {
  ctx: PageContext;
  form: RulesForm;
  problems: readonly FieldProblem[];
  saved: boolean;
}) {
  const { ctx, form, problems } = props;
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t('outreach.rules.title')}
      area="staff"
      languages={LANGS}
      back={{ href: QUEUE, label: t('outreach.case.back') }}
      lead={
        props.saved ? (
          <div class="alert alert-success" role="status">
            <div class="alert-body">
              <p class="alert-text">{t('outreach.rules.saved')}</p>
            </div>
          </div>
        ) : (
          <p>{t('outreach.rules.lead')}</p>
        )
      }
      problems={problems}
      action="/personale/opsoegning/regler"
    >
      {OUTREACH_EVENTS.map((e) => {
        const spec = RULE_SPECS[e];
        return (
          <fieldset>
            <legend class="h3">{t(`outreach.event.${e}`)}</legend>
            <Checkbox
              name={`${e}.enabled`}
              label={t('outreach.rules.enabled')}
              checked={form[e].enabled}
              problems={problems}
              t={t}
            />
            <TextField
              name={`${e}.threshold`}
              label={t(`outreach.rules.threshold.${spec.unit}`)}
              hint={t('outreach.rules.range', {
                min: spec.min,
                max: spec.max,
                standard: spec.defaultThreshold,
              })}
              value={form[e].threshold}
              inputmode="numeric"
              width="xs"
              problems={problems}
              t={t}
            />
          </fieldset>
        );
      })}
      <SubmitButton>{t('outreach.rules.submit')}</SubmitButton>
    </FormPage>
  );
}
