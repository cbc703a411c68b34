/**
 * The sign-up receipt (what, where, when; calendar file, print, directions, how to cancel)
 * and the pages of the cancel link. Everything works without JavaScript; the print button is
 * the only thing lighed.js adds (the browser's own print works the same).
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { danishAttrs, dateText, ltrIn, textAttrs } from '../../web/present.ts';
import type { Location, OfferDetail } from '../offer.ts';
import { directionLinks } from '../signup-receipt.ts';
import type { CancelState } from '../signup-cancel.ts';
import { localText, nextSessionText, scheduleText } from './present.ts';
import { PlaceBlock } from './place.tsx';

export interface ReceiptPageProps {
  ctx: PageContext;
  offer: OfferDetail;
  receiptCode: string;
  /** The .ics link, when the offer has sessions to come. */
  calendarHref: string | null;
  /** The cancel link and until when it works; null for sign-ups made without one. */
  cancel: { href: string; expiresAt: Date } | null;
  now?: Date;
}

export function ReceiptPage({
  ctx,
  offer,
  receiptCode,
  calendarHref,
  cancel,
  now,
}: ReceiptPageProps) {
  const { t, lang } = ctx;
  const text = localText(offer, lang);
  const da = danishAttrs(lang);
  const next = nextSessionText(offer.schedules, lang, t, now);
  const provider = ltrIn(lang, offer.organization.name);
  return (
    <Layout ctx={ctx} title={t('signup.doneTitle')}>
      <div class="lighed-receipt-page">
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <h1 class="alert-heading">{t('signup.doneTitle')}</h1>
            <p class="alert-text">
              {t('signup.doneText')}{' '}
              <strong {...danishAttrs(lang)}>{offer.organization.name}</strong>
            </p>
          </div>
        </div>
        <h2>{t('signup.receipt')}</h2>
        <p class="lighed-receipt" dir="ltr">
          {receiptCode}
        </p>
        <p>{t('signup.receiptHint', { provider })}</p>

        <h2>{t('receipt.what')}</h2>
        <p class="font-lead" {...textAttrs(text.langs.title, lang)}>
          <strong>{text.title}</strong>
        </p>
        {text.summary && <p {...textAttrs(text.langs.summary, lang)}>{text.summary}</p>}

        <h2>{t('receipt.whereWhen')}</h2>
        {next && <p class="lighed-receipt-next">{next}</p>}
        {offer.schedules.length > 0 ? (
          <ul>
            {offer.schedules.map((s) => (
              <li>
                {scheduleText(s, lang, t)}
                {s.note ? (
                  <>
                    {' '}
                    (<span {...da}>{s.note}</span>)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('receipt.noSchedule')}</p>
        )}
        {offer.locations.length === 0 && offer.mode !== 'in_person' && (
          <p>{t('receipt.onlineOnly')}</p>
        )}
        {offer.locations.map((l) => (
          <Place ctx={ctx} place={l} />
        ))}

        <div class="lighed-receipt-actions">
          {calendarHref && (
            <p>
              <a class="button button-primary" href={calendarHref} download>
                {t('receipt.calendar')}
              </a>
              <span class="form-hint lighed-receipt-hint">{t('receipt.calendarHint')}</span>
            </p>
          )}
          <p class="lighed-print-box">
            {/* Shown and wired by lighed.js; without JavaScript the hint says what to do. */}
            <button type="button" class="button button-secondary lighed-print" hidden>
              {t('receipt.print')}
            </button>
            <span class="form-hint lighed-print-hint">{t('receipt.printHint')}</span>
          </p>
        </div>

        <h2>{t('receipt.cancelHeading')}</h2>
        {cancel && (
          <div class="lighed-cancel-online">
            <p>{t('receipt.cancelText', { date: dateText(cancel.expiresAt, lang) })}</p>
            <p>
              <a href={cancel.href} class="lighed-cancel-link">
                {t('receipt.cancelLink')}
              </a>
            </p>
          </div>
        )}
        <p>{t('receipt.cancelContact', { provider })}</p>
        <ProviderContact ctx={ctx} offer={offer} />

        <h2>{t('signup.whatNext')}</h2>
        <p>{t('signup.whatNextText')}</p>
        <p class="lighed-receipt-back">
          <a href={`/tilbud/${offer.id}`}>{t('signup.backToOffer')}</a> ·{' '}
          <a href="/">{t('error.backToFinder')}</a>
        </p>
      </div>
    </Layout>
  );
}

function Place({ ctx, place }: { ctx: PageContext; place: Location }) {
  const { t, lang } = ctx;
  const name = ltrIn(lang, place.name);
  return (
    <PlaceBlock ctx={ctx} place={place}>
      <div class="lighed-directions-box">
        <h4 class="h5">{t('receipt.directions')}</h4>
        <p class="form-hint">{t('receipt.directionsHint')}</p>
        <ul class="lighed-directions">
          {directionLinks(place).map((link) => (
            <li>
              <a href={link.href} rel="external noopener noreferrer">
                {t(`receipt.directions.${link.service}`, { place: name })}
              </a>{' '}
              <span class="lighed-external">{t('receipt.external', { host: link.host })}</span>
            </li>
          ))}
        </ul>
      </div>
    </PlaceBlock>
  );
}

function ProviderContact({ ctx, offer }: { ctx: PageContext; offer: OfferDetail }) {
  const { t, lang } = ctx;
  const da = danishAttrs(lang);
  const phone = offer.contact_phone || offer.organization.phone || '';
  const email = offer.contact_email || offer.organization.email || '';
  if (!phone && !email && !offer.contact_name) return null;
  return (
    <p class="lighed-receipt-contact">
      {offer.contact_name && <span {...da}>{offer.contact_name}</span>}
      {/* Phone numbers and e-mail addresses read left to right in every language. */}
      {phone && (
        <>
          {offer.contact_name && <br />}
          {t('offer.phone')}{' '}
          <a href={`tel:${phone.replace(/\s/g, '')}`} dir="ltr">
            {phone}
          </a>
        </>
      )}
      {email && (
        <>
          <br />
          {t('offer.email')}{' '}
          <a href={`mailto:${email}`} dir="ltr">
            {email}
          </a>
        </>
      )}
    </p>
  );
}

export interface CancelPageProps {
  ctx: PageContext;
  offer: OfferDetail;
  /** `valid` with `done` false asks for confirmation; `done` says it is cancelled. */
  state: CancelState;
  done: boolean;
  receiptCode: string | null;
  token: string | null;
}

/** The cancel link's page: confirm, done, or why the link does not work (with whom to call). */
export function CancelPage({ ctx, offer, state, done, receiptCode, token }: CancelPageProps) {
  const { t, lang } = ctx;
  const text = localText(offer, lang);
  const provider = ltrIn(lang, offer.organization.name);
  const titleLine = (
    <p class="font-lead" {...textAttrs(text.langs.title, lang)}>
      <strong>{text.title}</strong>
    </p>
  );
  if (done) {
    return (
      <Layout ctx={ctx} title={t('receipt.cancel.doneTitle')}>
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <h1 class="alert-heading">{t('receipt.cancel.doneTitle')}</h1>
            <p class="alert-text">{t('receipt.cancel.doneText', { provider })}</p>
          </div>
        </div>
        {titleLine}
        <p>
          <a href={`/tilbud/${offer.id}`}>{t('signup.backToOffer')}</a> ·{' '}
          <a href="/">{t('error.backToFinder')}</a>
        </p>
      </Layout>
    );
  }
  if (state !== 'valid') {
    const key =
      state === 'used'
        ? 'receipt.cancel.used'
        : state === 'expired'
          ? 'receipt.cancel.expired'
          : 'receipt.cancel.unknown';
    return (
      <Layout ctx={ctx} title={t(`${key}Title`)}>
        <h1>{t(`${key}Title`)}</h1>
        {titleLine}
        <p>{t(`${key}Text`, { provider })}</p>
        {state !== 'used' && <ProviderContact ctx={ctx} offer={offer} />}
        <p>
          <a href={`/tilbud/${offer.id}`}>{t('signup.backToOffer')}</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={t('receipt.cancel.title')}>
      <h1>{t('receipt.cancel.title')}</h1>
      <p>{t('receipt.cancel.lead')}</p>
      {titleLine}
      {receiptCode && (
        <dl class="lighed-facts">
          <dt>{t('receipt.cancel.code')}</dt>
          <dd dir="ltr">{receiptCode}</dd>
        </dl>
      )}
      <form method="post" action={`/tilbud/${offer.id}/afmeld`} class="lighed-cancel-form">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="noegle" value={token ?? ''} />
        <button type="submit" class="button button-primary">
          {t('receipt.cancel.confirm')}
        </button>
      </form>
      <p>
        <a href={`/tilbud/${offer.id}`}>{t('receipt.cancel.keep')}</a>
      </p>
    </Layout>
  );
}
