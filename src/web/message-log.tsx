/**
 * What was sent to a citizen, for staff (issue 11: "Staff see, for each referral and sign-up,
 * what was sent when and whether it was delivered"), and the admin's page of the outbox:
 * counts per channel and the failed messages with "Prøv igen". Neither shows an address in
 * full nor what a message said.
 */
import type {
  Channel,
  FailedMessage,
  MessageRecord,
  MessageStatus,
  OutboxOverview,
} from '../platform/mail/index.ts';
import { CsrfField } from './form.tsx';
import type { Translate } from './i18n.ts';
import type { UiLanguage } from './languages.ts';
import { Layout, type PageContext } from './layout.tsx';
import { cached } from './present.ts';
import { DataTable } from './table.tsx';

export const OUTBOX_PATH = '/personale/admin/beskeder';

/** Kinds with a name of their own; any other shows as its code. */
const KNOWN_KINDS = new Set([
  'signup.confirmation',
  'signup.reminder',
  'referral.received',
  'referral.appointment',
  'referral.reminder',
  'referral.closed',
  'referral.closing_note',
]);

export function kindText(kind: string, t: Translate) {
  return KNOWN_KINDS.has(kind) ? t(`messages.log.kind.${kind}`) : <code>{kind}</code>;
}

export const channelText = (c: Channel, t: Translate) => t(`messages.log.channel.${c}`);

export function whenText(d: Date, lang: UiLanguage): string {
  return cached(
    `datetime-short:${lang}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Copenhagen',
      }),
  ).format(d);
}

function statusText(m: MessageRecord, t: Translate, lang: UiLanguage): string {
  const s: MessageStatus = m.status;
  if (s === 'delivered' && m.deliveredAt)
    return t('messages.log.status.delivered', { date: whenText(m.deliveredAt, lang) });
  if ((s === 'sent' || s === 'delivered') && m.sentAt)
    return t('messages.log.status.sent', { date: whenText(m.sentAt, lang) });
  if (s === 'queued' && m.attempts > 0) return t('messages.log.status.retrying');
  if (s === 'failed') return t('messages.log.status.failed');
  return t('messages.log.status.queued');
}

/** The messages about one sign-up, referral or outreach case, oldest first. */
export function MessageLog(props: {
  messages: readonly MessageRecord[];
  t: Translate;
  lang: UiLanguage;
  headingLevel?: 2 | 3;
}) {
  const { t, lang } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="lighed-message-log">
      <Heading>{t('messages.log.heading')}</Heading>
      {props.messages.length === 0 ? (
        <p>{t('messages.log.empty')}</p>
      ) : (
        <DataTable
          caption={t('messages.log.heading')}
          hiddenCaption
          columns={[
            t('messages.log.col.when'),
            t('messages.log.col.channel'),
            t('messages.log.col.what'),
            t('messages.log.col.status'),
          ]}
          rows={props.messages}
          cells={(m) => [
            whenText(m.createdAt, lang),
            channelText(m.channel, t),
            kindText(m.kind, t),
            statusText(m, t, lang),
          ]}
        />
      )}
    </section>
  );
}

const STATUSES: readonly MessageStatus[] = ['queued', 'sent', 'delivered', 'failed'];
const CHANNEL_ORDER: readonly Channel[] = ['email', 'sms', 'digital_post'];

/** The admin's outbox: counts per channel and status, the failed messages to retry. */
export function OutboxPage({
  ctx,
  overview,
  retried,
}: {
  ctx: PageContext;
  overview: OutboxOverview;
  /** A message was just queued again (after the redirect). */
  retried: boolean;
}) {
  const { t, lang } = ctx;
  const count = (c: Channel, s: MessageStatus) =>
    overview.counts.find((x) => x.channel === c && x.status === s)?.n ?? 0;
  return (
    <Layout ctx={ctx} title={t('outbox.title')} area="staff">
      <h1>{t('outbox.title')}</h1>
      <p class="font-lead">{t('outbox.lead')}</p>
      {retried && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('outbox.retried')}</p>
          </div>
        </div>
      )}
      <h2>{t('outbox.countsHeading')}</h2>
      <DataTable
        caption={t('outbox.countsHeading')}
        hiddenCaption
        columns={[t('outbox.col.channel'), ...STATUSES.map((s) => t(`outbox.status.${s}`))]}
        rows={CHANNEL_ORDER}
        cells={(c) => [channelText(c, t), ...STATUSES.map((s) => String(count(c, s)))]}
      />
      <h2>{t('outbox.failedHeading')}</h2>
      {overview.failed.length === 0 ? (
        <p>{t('outbox.failedNone')}</p>
      ) : (
        <DataTable
          caption={t('outbox.failedHeading')}
          hiddenCaption
          columns={[
            t('outbox.col.when'),
            t('outbox.col.channel'),
            t('outbox.col.kind'),
            t('outbox.col.recipient'),
            t('outbox.col.attempts'),
            t('outbox.col.error'),
            <span class="sr-only">{t('outbox.col.actions')}</span>,
          ]}
          rows={overview.failed}
          cells={(m: FailedMessage) => [
            whenText(m.finishedAt ?? m.createdAt, lang),
            channelText(m.channel, t),
            kindText(m.kind, t),
            <span dir="ltr">{m.to}</span>,
            String(m.attempts),
            m.lastError ? <code>{m.lastError}</code> : '–',
            <form method="post" action={`${OUTBOX_PATH}/${m.id}/igen`}>
              <CsrfField token={ctx.csrfToken} />
              <button
                type="submit"
                class="button button-secondary"
                aria-label={t('outbox.retryLabel', {
                  kind: KNOWN_KINDS.has(m.kind) ? t(`messages.log.kind.${m.kind}`) : m.kind,
                  date: whenText(m.finishedAt ?? m.createdAt, lang),
                })}
              >
                {t('outbox.retry')}
              </button>
            </form>,
          ]}
        />
      )}
    </Layout>
  );
}
