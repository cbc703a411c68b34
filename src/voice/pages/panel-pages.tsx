/**
 * Planners' panel pages (Danish and English): the panels and a new one; one panel with its
 * join link, status, make-up against the population, members (removable on request) and the
 * invitation form.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Select, SubmitButton, TextField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { dateText, languageName } from '../../web/present.ts';
import { DataTable } from '../../web/table.tsx';
import { invitationWhen } from '../invitation.ts';
import { missingGroups } from '../makeup.ts';
import type { PanelDetail } from '../panel.service.ts';
import { JOIN_PATH, PANELS_PATH } from '../paths.ts';
import type { PanelRecord } from '../voice.store.ts';
import { PANEL_KINDS, PANEL_STATUSES, type InviteForm, type PanelForm } from '../voice.ts';
import { STAFF_LANGUAGES, VoiceStaffPage } from './feedback-page.tsx';

const percent = (x: number | null, lang: string) =>
  x === null
    ? '–'
    : new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
        style: 'percent',
        maximumFractionDigits: 0,
      }).format(x);

export function PanelsPage(props: {
  ctx: PageContext;
  panels: PanelRecord[];
  form: PanelForm;
  problems: readonly FieldProblem[];
}) {
  const { ctx, panels, form, problems } = props;
  const { t } = ctx;
  const title = t('voice.staff.panels.title');
  return (
    <VoiceStaffPage ctx={ctx} title={title} current={PANELS_PATH} problems={problems}>
      <p>{t('voice.staff.panels.lead')}</p>
      <ErrorSummary problems={problems} t={t} />
      {panels.length === 0 ? (
        <p>{t('voice.staff.panels.none')}</p>
      ) : (
        <DataTable
          caption={title}
          hiddenCaption
          columns={[
            t('voice.staff.col.name'),
            t('voice.staff.col.kind'),
            t('voice.staff.col.status'),
            t('voice.staff.col.members'),
          ]}
          rows={panels}
          cells={(p) => [
            <a href={`${PANELS_PATH}/${p.id}`} lang="da">
              {p.name}
            </a>,
            t(`voice.staff.kind.${p.kind}`),
            t(`voice.staff.panelStatus.${p.status}`),
            String(p.members),
          ]}
        />
      )}
      <h2>{t('voice.staff.panels.new')}</h2>
      <form method="post" action={PANELS_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="name"
          label={t('voice.staff.panel.name')}
          value={form.name}
          problems={problems}
          t={t}
        />
        <Select
          name="kind"
          label={t('voice.staff.col.kind')}
          value={form.kind}
          options={PANEL_KINDS.map((k) => ({ value: k, label: t(`voice.staff.kind.${k}`) }))}
          problems={problems}
          t={t}
        />
        <TextField
          name="purpose"
          label={t('voice.staff.panel.purpose')}
          hint={t('voice.staff.panel.purposeHint')}
          value={form.purpose}
          multiline
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('voice.staff.panels.create')}</SubmitButton>
      </form>
    </VoiceStaffPage>
  );
}

export function PanelPage(props: {
  ctx: PageContext;
  detail: PanelDetail;
  joinUrl: string;
  invite: InviteForm;
  problems: readonly FieldProblem[];
  notice: string | null;
}) {
  const { ctx, detail, invite, problems } = props;
  const { panel, members, makeup } = detail;
  const { t, lang } = ctx;
  const base = `${PANELS_PATH}/${panel.id}`;
  const missing = missingGroups(makeup);
  const title = t('voice.staff.panel.title');
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <p>
        <a href={PANELS_PATH} class="lighed-back">
          {t('voice.staff.panel.back')}
        </a>
      </p>
      <h1>
        {title}: <span lang="da">{panel.name}</span>
      </h1>
      {props.notice && (
        <p class="alert alert-success lighed-note" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary problems={problems} t={t} />
      <dl class="lighed-facts">
        <dt>{t('voice.staff.col.kind')}</dt>
        <dd>{t(`voice.staff.kind.${panel.kind}`)}</dd>
        <dt>{t('voice.staff.col.status')}</dt>
        <dd>{t(`voice.staff.panelStatus.${panel.status}`)}</dd>
        <dt>{t('voice.staff.panel.joinLink')}</dt>
        <dd>
          {panel.status === 'closed' ? (
            t('voice.staff.panel.joinClosed')
          ) : (
            <a href={`${JOIN_PATH}/${panel.id}`} dir="ltr">
              {props.joinUrl}
            </a>
          )}
        </dd>
      </dl>
      <form method="post" action={`${base}/status`} class="lighed-overview-period" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(panel.version)} />
        <Select
          name="status"
          label={t('voice.staff.panel.changeStatus')}
          value={panel.status}
          options={PANEL_STATUSES.map((s) => ({
            value: s,
            label: t(`voice.staff.panelStatus.${s}`),
          }))}
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('voice.staff.save')}</SubmitButton>
      </form>

      <h2>{t('voice.staff.makeup.title')}</h2>
      <p>{t('voice.staff.makeup.lead')}</p>
      {!detail.hasPopulation && <p class="lighed-muted">{t('voice.staff.makeup.noPopulation')}</p>}
      {missing.length > 0 && (
        <p>
          <strong>{t('voice.staff.makeup.recruit')}</strong>{' '}
          {missing.map((m) => `${t(`voice.${m.dimension}.${m.code}`)} (${m.short})`).join(', ')}
        </p>
      )}
      {makeup.map((d) => (
        <DataTable
          caption={`${t(`voice.staff.dimension.${d.dimension}`)} · ${t('voice.staff.makeup.notGiven', { count: d.notGiven })}`}
          columns={[
            t('voice.staff.col.group'),
            t('voice.staff.col.members'),
            t('voice.staff.col.memberShare'),
            t('voice.staff.col.populationShare'),
            t('voice.staff.col.short'),
          ]}
          rows={d.rows}
          cells={(r) => [
            t(`voice.${d.dimension}.${r.code}`),
            String(r.members),
            percent(r.memberShare, lang),
            percent(r.populationShare, lang),
            r.short > 0 ? String(r.short) : '–',
          ]}
        />
      ))}

      <h2>{t('voice.staff.members.title', { count: members.length })}</h2>
      <p>{t('voice.staff.members.lead')}</p>
      {members.length > 0 && (
        <DataTable
          caption={t('voice.staff.members.title', { count: members.length })}
          hiddenCaption
          columns={[
            t('voice.staff.col.name'),
            t('voice.staff.col.contact'),
            t('voice.staff.col.language'),
            t('voice.staff.col.consent'),
            t('voice.staff.col.retain'),
            t('voice.staff.col.remove'),
          ]}
          rows={members}
          cells={(m) => [
            <span dir="auto">{m.name}</span>,
            <span dir="ltr">{[m.email, m.phone].filter(Boolean).join(', ')}</span>,
            languageName(m.language, lang),
            dateText(new Date(m.consent_at), lang),
            dateText(new Date(`${m.retain_until}T12:00:00Z`), lang),
            <form method="post" action={`${base}/medlemmer/${m.id}/slet`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button button-secondary">
                {t('voice.staff.members.remove')}
                <span class="sr-only"> {m.name}</span>
              </button>
            </form>,
          ]}
        />
      )}

      <h2>{t('voice.staff.invite.title')}</h2>
      <p>{t('voice.staff.invite.lead')}</p>
      {detail.invitations.length > 0 && (
        <ul>
          {detail.invitations.map((i) => (
            <li>
              {t('voice.staff.invite.sentLine', {
                when: invitationWhen(new Date(i.starts_at), lang),
                count: i.sent,
              })}{' '}
              <span lang="da">{i.place}</span>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/inviter`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="date"
          label={t('voice.staff.invite.date')}
          hint={t('voice.staff.invite.dateHint')}
          value={invite.date}
          width="s"
          problems={problems}
          t={t}
        />
        <TextField
          name="time"
          label={t('voice.staff.invite.time')}
          hint={t('voice.staff.invite.timeHint')}
          value={invite.time}
          width="xs"
          problems={problems}
          t={t}
        />
        <TextField
          name="place"
          label={t('voice.staff.invite.place')}
          value={invite.place}
          problems={problems}
          t={t}
        />
        <TextField
          name="address"
          label={t('voice.staff.invite.address')}
          value={invite.address}
          problems={problems}
          t={t}
        />
        <TextField
          name="contact"
          label={t('voice.staff.invite.contact')}
          hint={t('voice.staff.invite.contactHint')}
          value={invite.contact}
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('voice.staff.invite.send')}</SubmitButton>
      </form>
    </Layout>
  );
}
