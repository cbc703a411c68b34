/**
 * One referral: status and answer time, the citizen's card (CPR masked), reason, wishes and
 * special needs, the closing note, sessions and the whole history; below, the actions the
 * viewer's part and the status allow (each a small form carrying the version it was read at).
 */
import type { ComponentChildren } from 'preact';
import { CsrfField, ErrorSummary, Field, fieldId, type Problems } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { languageName } from '../../web/present.ts';
import { MessageLog } from '../../web/message-log.tsx';
import { DataTable } from '../../web/table.tsx';
import { NO_REACH_ANSWERS, ReachFieldset } from '../../catalog/index.ts';
import { appointmentFormOf } from '../appointment.ts';
import { ATTENDANCE, REFERRAL_OUTCOMES, type ActionForm } from '../referral.ts';
import type { ReferralHistoryEntry, ReferralView } from '../referral.service.ts';
import { REASON_CODES } from '../state-machine.ts';
import type { DetailScreen } from '../web.service.ts';
import { base, dayText, STAFF_LANGUAGES, when } from './present.ts';

type Notice = 'sent' | 'saved' | 'stale' | null;

export function ReferralDetailPage(props: {
  ctx: PageContext;
  screen: DetailScreen;
  notice: Notice;
  problems: Problems;
  form?: ActionForm | null;
}) {
  const { ctx, screen, problems } = props;
  const { t } = ctx;
  const r = screen.referral;
  const name = r.citizen?.name ?? t('referral.list.unnamed');
  const title = t('referral.detail.title', { name });
  const failedAction = props.form?.action ?? '';
  // Problems point at the field of the form they came from (ids are unique per action).
  const summary = problems.map((p) => ({
    ...p,
    path: p.path === 'action' ? 'actions' : `${failedAction}-${p.path}`,
  }));
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <p>
        <a class="lighed-back" href="/personale/henvisninger">
          {t('referral.detail.back')}
        </a>
      </p>
      <h1>{title}</h1>
      {props.notice && (
        <div
          class={`alert ${props.notice === 'stale' ? 'alert-warning' : 'alert-success'}`}
          role="status"
        >
          <div class="alert-body">
            <p class="alert-text">{t(`referral.notice.${props.notice}`)}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={summary} t={t} />
      <Overview ctx={ctx} r={r} />
      {r.closingNote && <ClosingNoteBox ctx={ctx} r={r} />}
      <CitizenBox ctx={ctx} r={r} />
      <ReasonBox ctx={ctx} r={r} />
      {r.sessions.length > 0 && (
        <>
          <h2>{t('referral.detail.sessions')}</h2>
          <DataTable
            caption={t('referral.detail.sessions')}
            hiddenCaption
            columns={[t('referral.col.date'), t('referral.col.attendance')]}
            rows={r.sessions}
            cells={(s) => [dayText(s.held_on, ctx.lang), t(`referral.attendance.${s.attendance}`)]}
          />
        </>
      )}
      <h2>{t('referral.detail.history')}</h2>
      <DataTable
        caption={t('referral.detail.history')}
        hiddenCaption
        columns={[
          t('referral.col.when'),
          t('referral.col.who'),
          t('referral.col.what'),
          t('referral.col.why'),
        ]}
        rows={r.history}
        cells={(h) => [when(h.at, ctx.lang), whoText(ctx, h), whatText(ctx, h), whyText(ctx, h)]}
      />
      <MessageLog messages={screen.messages} t={t} lang={ctx.lang} />
      <Actions ctx={ctx} screen={screen} problems={problems} form={props.form ?? null} />
    </Layout>
  );
}

function Rows({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="lighed-summary">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

function Overview({ ctx, r }: { ctx: PageContext; r: ReferralView }) {
  const { t, lang } = ctx;
  const rows: [string, ComponentChildren][] = [
    [
      t('referral.col.status'),
      <>
        <strong>{t(`referral.status.${r.status}`)}</strong>
        {r.statusReason &&
          ` · ${t(`referral.reason.${r.statusReason.code}`)}${r.statusReason.text ? `: ${r.statusReason.text}` : ''}`}
      </>,
    ],
    [
      t('referral.col.wanted'),
      r.requestedService === 'offer'
        ? (r.offerTitle ?? '')
        : t('referral.service.afklarende_samtale'),
    ],
    [t('referral.detail.owner'), r.ownerOrgName ?? t('referral.detail.municipality')],
    [
      t('referral.col.from'),
      [r.requesterOrgName, r.requesterName].filter(Boolean).join(' · ') ||
        t(`referral.source.${r.source}`),
    ],
    [t('referral.detail.created'), when(r.createdAt, lang)],
  ];
  if (r.answerDue && r.status === 'requested')
    rows.push([
      t('referral.col.due'),
      <>
        {dayText(r.answerDue, lang)}
        {r.overdue && <strong class="lighed-overdue"> {t('referral.overdue')}</strong>}
      </>,
    ]);
  if (r.appointment)
    rows.push([
      t('referral.appointment.row'),
      [when(r.appointment.at, lang), r.appointment.place].filter(Boolean).join(', '),
    ]);
  if (r.citizenReply)
    rows.push([
      t('referral.reply.row'),
      <>
        <strong>{t(`referral.reply.mark.${r.citizenReply.reply}`)}</strong>
        {` (${when(r.citizenReply.at, lang)})`}
      </>,
    ]);
  if (r.contactedAt) rows.push([t('referral.detail.contacted'), when(r.contactedAt, lang)]);
  if (r.enrolledOn) rows.push([t('referral.detail.enrolled'), dayText(r.enrolledOn, lang)]);
  if (r.conversationId && r.parties.includes('coordinator') && r.teamId)
    rows.push([
      t('referral.detail.conversation'),
      <a href={`/personale/samtaler/${r.conversationId}`}>
        {t('referral.detail.openConversation')}
      </a>,
    ]);
  return (
    <>
      <h2>{t('referral.detail.overview')}</h2>
      <Rows rows={rows} />
    </>
  );
}

function ClosingNoteBox({ ctx, r }: { ctx: PageContext; r: ReferralView }) {
  const { t } = ctx;
  const n = r.closingNote!;
  return (
    <section aria-labelledby="closing-note">
      <h2 id="closing-note">{t('referral.closing.title')}</h2>
      <Rows
        rows={[
          [t('referral.closing.outcome'), t(`referral.outcome.${n.outcome}`)],
          [t('referral.closing.sessionsAttended'), String(n.sessionsAttended)],
          [t('referral.closing.agreed'), n.agreed || '–'],
          [t('referral.closing.nextStep'), n.nextStep || '–'],
        ]}
      />
    </section>
  );
}

function CitizenBox({ ctx, r }: { ctx: PageContext; r: ReferralView }) {
  const { t, lang } = ctx;
  const c = r.citizen;
  if (!c) return null;
  return (
    <>
      <h2>{t('referral.form.citizen')}</h2>
      <Rows
        rows={[
          [t('referral.form.name'), c.name],
          [t('referral.detail.cpr'), c.cprMasked ?? '–'],
          [t('referral.form.birthDate'), c.birthDate ? dayText(c.birthDate, lang) : '–'],
          [t('referral.form.phone'), c.phone || '–'],
          [t('referral.form.email'), c.email || '–'],
          [t('referral.form.address'), [c.address, c.postcode].filter(Boolean).join(', ') || '–'],
          [t('referral.form.preferredLanguage'), languageName(c.preferredLanguage, lang)],
        ]}
      />
    </>
  );
}

function ReasonBox({ ctx, r }: { ctx: PageContext; r: ReferralView }) {
  const { t, lang } = ctx;
  const reasons = [
    ...r.reason.topics.map((x) => t(`topic.${x}`)),
    ...r.reason.conditions.map((x) => t(`referral.condition.${x}`)),
    ...(r.reason.pregnant ? [t('referral.form.pregnant')] : []),
  ];
  const needs = (['interpreter', 'handHeld', 'transport', 'mobility'] as const)
    .filter((n) => r.needs[n])
    .map((n) =>
      n === 'interpreter' && r.needs.interpreterLanguage
        ? `${t('referral.need.interpreter')} (${languageName(r.needs.interpreterLanguage, lang)})`
        : t(`referral.need.${n}`),
    );
  return (
    <>
      <h2>{t('referral.form.reason')}</h2>
      <Rows
        rows={[
          [t('referral.detail.topics'), reasons.join(', ') || '–'],
          [t('referral.form.needs'), needs.join(', ') || t('referral.detail.noNeeds')],
          [t('referral.form.note'), r.note || '–'],
        ]}
      />
    </>
  );
}

const whoText = (ctx: PageContext, h: ReferralHistoryEntry) =>
  h.actorName ??
  ctx.t(
    h.actorRole === 'citizen'
      ? 'referral.reply.who'
      : h.actorRole.startsWith('api:')
        ? 'referral.who.api'
        : 'referral.who.system',
  );

const REPLY_EVENTS = new Set(['citizen_confirmed', 'citizen_cancelled', 'new_time_requested']);

const detailText = (v: unknown): string => (typeof v === 'string' ? v : '');

function whatText(ctx: PageContext, h: ReferralHistoryEntry): string {
  const { t, lang } = ctx;
  const date = (v: unknown) => (detailText(v) ? dayText(detailText(v), lang) : '');
  if (h.kind === 'session')
    return t('referral.event.session', {
      date: date(h.detail.heldOn),
      status: t(`referral.attendance.${detailText(h.detail.attendance)}`),
    });
  if (h.kind === 'enrolled')
    return t('referral.event.enrolled', { date: date(h.detail.enrolledOn) });
  const at = detailText(h.detail.appointmentAt);
  const agreed = at
    ? t('referral.appointment.event', {
        when: when(new Date(at), lang),
        place: detailText(h.detail.place),
      })
    : '';
  if (h.kind === 'appointment') return agreed;
  if (h.kind === 'booked' && agreed) return `${t('referral.event.booked')} · ${agreed}`;
  if (REPLY_EVENTS.has(h.kind)) return t(`referral.reply.event.${h.kind}`);
  return t(`referral.event.${h.kind}`, {
    status: h.toStatus ? t(`referral.status.${h.toStatus}`) : '',
  });
}

const whyText = (ctx: PageContext, h: ReferralHistoryEntry) =>
  h.reasonCode
    ? `${ctx.t(`referral.reason.${h.reasonCode}`)}${h.reasonText ? `: ${h.reasonText}` : ''}`
    : // The citizen's own wish with a new time.
      h.kind === 'new_time_requested'
      ? h.reasonText
      : '';

// ---- actions --------------------------------------------------------------------------------------

function ActionForm(props: {
  ctx: PageContext;
  r: ReferralView;
  action: string;
  label: string;
  secondary?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={`${base(props.r.id)}/handling`} class="lighed-referral-action">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="version" value={String(props.r.version)} />
      <input type="hidden" name="action" value={props.action} />
      {props.children}
      <button
        type="submit"
        class={`button ${props.secondary ? 'button-secondary' : 'button-primary'}`}
      >
        {props.label}
      </button>
    </form>
  );
}

interface Ctl {
  ctx: PageContext;
  action: string;
  problems: Problems;
  form: ActionForm | null;
}

const problemOf = (c: Ctl, name: string) =>
  c.form?.action === c.action ? c.problems.find((p) => p.path === name) : undefined;
const keep = (c: Ctl, name: Exclude<keyof ActionForm, 'reach'>, fallback = '') =>
  c.form?.action === c.action ? String(c.form[name]) : fallback;

function SelectCtl(
  c: Ctl & {
    name: Exclude<keyof ActionForm, 'reach'>;
    label: string;
    options: { value: string; label: string }[];
    value?: string;
  },
) {
  const id = fieldId(`${c.action}-${c.name}`);
  const problem = problemOf(c, c.name);
  const value = keep(c, c.name, c.value ?? '');
  return (
    <Field id={id} label={c.label} problem={problem} t={c.ctx.t}>
      <select
        class="form-select"
        id={id}
        name={c.name}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
      >
        {c.options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function InputCtl(
  c: Ctl & {
    name: Exclude<keyof ActionForm, 'reach'>;
    label: string;
    type?: 'date' | 'number' | 'text' | 'time';
    value?: string;
    multiline?: boolean;
    hint?: string;
  },
) {
  const id = fieldId(`${c.action}-${c.name}`);
  const problem = problemOf(c, c.name);
  const value = keep(c, c.name, c.value ?? '');
  const described =
    [c.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <Field id={id} label={c.label} hint={c.hint} problem={problem} t={c.ctx.t}>
      {c.multiline ? (
        <textarea
          class="form-input"
          id={id}
          name={c.name}
          rows={3}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described}
        >
          {value}
        </textarea>
      ) : (
        <input
          class={`form-input${c.type === 'text' ? '' : ' input-width-s'}`}
          id={id}
          name={c.name}
          // Preact types each input type separately; the union is safe here.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={(c.type ?? 'text') as 'text'}
          value={value}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described}
        />
      )}
    </Field>
  );
}

/** Day, time and place of an appointment ("Aftal tid", and booking a samtale). */
function AppointmentCtl(c: Ctl & { date: string; time: string; place: string }) {
  const { t } = c.ctx;
  return (
    <>
      <InputCtl
        {...c}
        name="date"
        type="date"
        label={t('referral.appointment.date')}
        value={c.date}
      />
      <InputCtl
        {...c}
        name="time"
        type="time"
        label={t('referral.appointment.time')}
        hint={t('referral.appointment.timeHint')}
        value={c.time}
      />
      <InputCtl
        {...c}
        name="place"
        label={t('referral.appointment.place')}
        hint={t('referral.appointment.placeHint')}
        value={c.place}
      />
    </>
  );
}

function ReasonCtl(c: Ctl & { optional?: boolean }) {
  const { t } = c.ctx;
  return (
    <>
      <SelectCtl
        {...c}
        name="reasonCode"
        label={t('referral.action.reason')}
        options={[
          {
            value: '',
            label: t(c.optional ? 'referral.action.noReason' : 'referral.action.chooseReason'),
          },
          ...REASON_CODES.map((x) => ({ value: x, label: t(`referral.reason.${x}`) })),
        ]}
      />
      <InputCtl
        {...c}
        name="reasonText"
        label={t('referral.action.reasonText')}
        hint={t('referral.action.reasonTextHint')}
      />
    </>
  );
}

function ClosingCtl(c: Ctl & { attended: number }) {
  const { t } = c.ctx;
  return (
    <>
      <SelectCtl
        {...c}
        name="outcome"
        label={t('referral.closing.outcome')}
        options={[
          { value: '', label: t('referral.action.chooseOutcome') },
          ...REFERRAL_OUTCOMES.map((x) => ({ value: x, label: t(`referral.outcome.${x}`) })),
        ]}
      />
      <InputCtl
        {...c}
        name="sessionsAttended"
        type="number"
        label={t('referral.closing.sessionsAttended')}
        value={String(c.attended)}
      />
      <InputCtl {...c} name="agreed" label={t('referral.closing.agreed')} multiline />
      <InputCtl {...c} name="nextStep" label={t('referral.closing.nextStep')} multiline />
    </>
  );
}

function Actions({
  ctx,
  screen,
  problems,
  form,
}: {
  ctx: PageContext;
  screen: DetailScreen;
  problems: Problems;
  form: ActionForm | null;
}) {
  const { t } = ctx;
  const r = screen.referral;
  const coord = r.parties.includes('coordinator');
  const receiver = r.parties.includes('receiver') || coord;
  const can = (to: string) => (r.next as string[]).includes(to);
  const ctl = (action: string): Ctl => ({ ctx, action, problems, form });
  const attended = r.sessions.filter((s) => s.attendance === 'attended').length;
  const offerOptions = [
    { value: '', label: t('referral.action.chooseOffer') },
    ...screen.offers.map((o) => ({ value: o.id, label: `${o.title} (${o.organization_name})` })),
  ];
  const blocks: ComponentChildren[] = [];
  const block = (key: string, children: ComponentChildren, title?: string) =>
    blocks.push(
      <section class="lighed-action-block" aria-labelledby={`h-${key}`}>
        <h3 id={`h-${key}`}>{title ?? t(`referral.action.${key}.title`)}</h3>
        {children}
      </section>,
    );
  const current = appointmentFormOf(r.appointment?.at ?? null, screen.defaultPlace);

  const inTriage = r.status === 'requested' && !r.ownerOrgId && coord;
  if (inTriage) {
    block(
      'book',
      <ActionForm ctx={ctx} r={r} action="book" label={t('referral.action.book.submit')}>
        <SelectCtl
          {...ctl('book')}
          name="teamId"
          label={t('referral.action.team')}
          options={screen.teams.map((x) => ({ value: x.id, label: x.name }))}
          value={r.teamId ?? ''}
        />
        <p class="form-hint">{t('referral.appointment.bookHint')}</p>
        <AppointmentCtl {...ctl('book')} date="" time="" place="" />
      </ActionForm>,
    );
    block(
      'forward',
      <ActionForm ctx={ctx} r={r} action="forward" label={t('referral.action.forward.submit')}>
        <SelectCtl
          {...ctl('forward')}
          name="offerId"
          label={t('referral.form.offerId')}
          options={offerOptions}
          value={r.offerId ?? ''}
        />
      </ActionForm>,
    );
    block(
      'decline',
      <ActionForm
        ctx={ctx}
        r={r}
        action="decline"
        label={t('referral.action.decline.submit')}
        secondary
      >
        <ReasonCtl {...ctl('decline')} />
      </ActionForm>,
    );
  } else if (coord && can('requested')) {
    block(
      'referOn',
      <ActionForm ctx={ctx} r={r} action="forward" label={t('referral.action.referOn.submit')}>
        <SelectCtl
          {...ctl('forward')}
          name="offerId"
          label={t('referral.form.offerId')}
          options={offerOptions}
        />
      </ActionForm>,
    );
  }
  if (!inTriage && receiver && r.status === 'requested' && r.ownerOrgId) {
    if (can('accepted'))
      block(
        'accept',
        <ActionForm ctx={ctx} r={r} action="accept" label={t('referral.action.accept.submit')} />,
      );
    if (can('rejected'))
      block(
        'reject',
        <ActionForm
          ctx={ctx}
          r={r}
          action="reject"
          label={t('referral.action.reject.submit')}
          secondary
        >
          <ReasonCtl {...ctl('reject')} />
        </ActionForm>,
      );
  }
  if (receiver && ['accepted', 'in-progress'].includes(r.status))
    block(
      'appointment',
      <ActionForm
        ctx={ctx}
        r={r}
        action="appointment"
        // The button promises a message only when the citizen has a channel to receive it on.
        label={t(
          r.citizen?.contactChannels.length
            ? 'referral.appointment.submit'
            : 'referral.appointment.submitNoMessage',
        )}
      >
        <AppointmentCtl {...ctl('appointment')} {...current} />
        {!r.citizen?.contactChannels.length && (
          <p class="form-hint">{t('referral.appointment.noChannels')}</p>
        )}
      </ActionForm>,
      t('referral.appointment.title'),
    );
  if (receiver && ['accepted', 'in-progress', 'on-hold'].includes(r.status)) {
    if (!r.contactedAt)
      block(
        'contacted',
        <ActionForm
          ctx={ctx}
          r={r}
          action="contacted"
          label={t('referral.action.contacted.submit')}
        />,
      );
    if (r.status === 'accepted' && can('in-progress'))
      block(
        'enrol',
        <ActionForm ctx={ctx} r={r} action="enrol" label={t('referral.action.enrol.submit')}>
          <InputCtl
            {...ctl('enrol')}
            name="date"
            type="date"
            label={t('referral.action.startDate')}
          />
          <ReachFieldset
            t={t}
            values={(form?.action === 'enrol' && form.reach) || NO_REACH_ANSWERS}
            problems={form?.action === 'enrol' ? problems : []}
            staff
          />
        </ActionForm>,
      );
    block(
      'session',
      <ActionForm ctx={ctx} r={r} action="session" label={t('referral.action.session.submit')}>
        <InputCtl {...ctl('session')} name="date" type="date" label={t('referral.col.date')} />
        <SelectCtl
          {...ctl('session')}
          name="attendance"
          label={t('referral.col.attendance')}
          options={ATTENDANCE.map((a) => ({ value: a, label: t(`referral.attendance.${a}`) }))}
        />
      </ActionForm>,
    );
    if (can('on-hold'))
      block(
        'hold',
        <ActionForm
          ctx={ctx}
          r={r}
          action="hold"
          label={t('referral.action.hold.submit')}
          secondary
        >
          <ReasonCtl {...ctl('hold')} />
        </ActionForm>,
      );
    if (r.status === 'on-hold' && can('in-progress'))
      block(
        'resume',
        <ActionForm ctx={ctx} r={r} action="resume" label={t('referral.action.resume.submit')} />,
      );
    if (can('completed'))
      block(
        'complete',
        <ActionForm ctx={ctx} r={r} action="complete" label={t('referral.action.complete.submit')}>
          <ClosingCtl {...ctl('complete')} attended={attended} />
        </ActionForm>,
      );
    if (can('failed'))
      block(
        'fail',
        <ActionForm
          ctx={ctx}
          r={r}
          action="fail"
          label={t('referral.action.fail.submit')}
          secondary
        >
          <ReasonCtl {...ctl('fail')} />
          <ClosingCtl {...ctl('fail')} attended={attended} />
        </ActionForm>,
      );
  }
  if (r.parties.includes('requester') && can('cancelled'))
    block(
      'cancel',
      <ActionForm
        ctx={ctx}
        r={r}
        action="cancel"
        label={t('referral.action.cancel.submit')}
        secondary
      >
        <ReasonCtl {...ctl('cancel')} />
      </ActionForm>,
    );
  if (blocks.length === 0) return null;
  return (
    <section aria-labelledby="f-actions" class="lighed-referral-actions">
      <h2 id="f-actions" tabIndex={-1}>
        {t('referral.detail.actions')}
      </h2>
      {blocks}
    </section>
  );
}
