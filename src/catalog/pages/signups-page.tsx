/**
 * The staff's sign-ups (each with the citizen's answers to our messages, a link to what was
 * sent, and a delete button for a citizen's request) and error reports; one sign-up's page
 * with its messages and whether they were delivered.
 */
import type { ComponentChildren } from 'preact';
import type { MessageRecord } from '../../platform/mail/index.ts';
import { CsrfField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { MessageLog } from '../../web/message-log.tsx';
import { dateText, languageName, listText } from '../../web/present.ts';
import { DataTable } from '../../web/table.tsx';
import { replyStatus } from '../signup-notices.ts';
import type { ErrorReportRow, SignupRow } from '../signup.store.ts';

/** The citizen's answers, newest first, each with its date; nothing when there are none. */
function ReplyStatus({ ctx, s }: { ctx: PageContext; s: SignupRow }) {
  const { t, lang } = ctx;
  const list = replyStatus(s);
  return (
    <ul class="nobullet-list lighed-signup-status">
      {list.length === 0 ? <li>{t('signup.status.none')}</li> : null}
      {list.map((r) => (
        <li>
          <strong>{t(r.key)}</strong> {dateText(r.at, lang)}
        </li>
      ))}
    </ul>
  );
}

/** "e-mail, sms", or that the citizen wants no messages. */
function channelsText(ctx: PageContext, s: SignupRow): string {
  if (s.contact_channels.length === 0) return ctx.t('signup.status.noChannels');
  return listText(
    s.contact_channels.map((c) => ctx.t(`signup.status.channel.${c}`)),
    ctx.lang,
  );
}

export function SignupsPage({
  ctx,
  signups,
  reports,
}: {
  ctx: PageContext;
  signups: SignupRow[];
  reports: ErrorReportRow[];
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signups.title')} area="staff">
      <h1>{t('signups.title')}</h1>
      {signups.length === 0 ? (
        <p>{t('signups.none')}</p>
      ) : (
        <DataTable
          caption={t('signups.title')}
          hiddenCaption
          columns={[
            t('signups.col.when'),
            t('signups.col.offer'),
            t('signups.col.name'),
            t('signups.col.contact'),
            t('signups.col.language'),
            t('signups.col.receipt'),
            t('signup.status.heading'),
            <span class="sr-only">{t('signups.col.actions')}</span>,
          ]}
          rows={signups}
          cells={(s) => [
            dateText(s.created_at, lang),
            s.offer_title,
            s.name,
            <>
              {s.phone}
              {s.phone && s.email ? <br /> : null}
              {s.email}
            </>,
            <>
              {languageName(s.preferred_language, lang)}
              {s.needs_interpreter ? ` · ${t('signups.interpreter')}` : ''}
            </>,
            s.receipt_code,
            <>
              <ReplyStatus ctx={ctx} s={s} />
              <a href={`/personale/tilmeldinger/${s.id}`}>
                {t('signup.status.messagesLink')}
                <span class="sr-only"> {t('signup.status.messagesOf', { name: s.name })}</span>
              </a>
            </>,
            <form method="post" action={`/personale/tilmeldinger/${s.id}/slet`}>
              <CsrfField token={ctx.csrfToken} />
              <button
                type="submit"
                class="button button-tertiary"
                aria-label={t('signups.deleteLabel', { name: s.name })}
              >
                {t('signups.delete')}
              </button>
            </form>,
          ]}
        />
      )}
      <h2>{t('reports.title')}</h2>
      {reports.length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <li>
              <strong>{r.offer_title}</strong> ({dateText(r.created_at, lang)}): {r.message}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** One sign-up: who, for what, the citizen's answers, and every message sent about it. */
export function SignupDetailPage({
  ctx,
  signup: s,
  messages,
}: {
  ctx: PageContext;
  signup: SignupRow;
  messages: readonly MessageRecord[];
}) {
  const { t, lang } = ctx;
  const title = t('signup.status.detailTitle', { code: s.receipt_code });
  const rows: [string, ComponentChildren][] = [
    [t('signups.col.offer'), s.offer_title],
    [t('signups.col.name'), s.name],
    [t('signups.col.contact'), [s.phone, s.email].filter(Boolean).join(' · ')],
    [t('signups.col.when'), dateText(s.created_at, lang)],
    [t('signup.status.heading'), <ReplyStatus ctx={ctx} s={s} />],
    [t('signup.status.channels'), channelsText(ctx, s)],
  ];
  return (
    <Layout ctx={ctx} title={title} area="staff">
      <p>
        <a class="lighed-back" href="/personale/tilmeldinger">
          {t('signup.status.back')}
        </a>
      </p>
      <h1>{title}</h1>
      <dl class="lighed-summary">
        {rows.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      <MessageLog messages={messages} t={t} lang={lang} headingLevel={2} />
    </Layout>
  );
}
