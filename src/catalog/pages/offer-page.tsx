import { Layout, type PageContext } from '../../web/layout.tsx';
import {
  Checkbox,
  Checkboxes,
  FormPage,
  Select,
  SubmitButton,
  TextField,
  type Problems,
} from '../../web/form.tsx';
import { OFFER_LANGUAGES, offerFeedbackPath, type OfferDetail } from '../offer.ts';
import { UI_LANGUAGES } from '../../web/languages.ts';
import { Honeypot } from '../../web/honeypot.tsx';
import { CONTACT_CHANNELS, type SignupForm } from '../signup.ts';
import { ReachFieldset } from '../reach/fieldset.tsx';
import { NO_REACH_ANSWERS, type ReachAnswers } from '../reach/questions.ts';
import { localText, nextSessionText, priceText, scheduleText } from './present.ts';
import { PlaceBlock } from './place.tsx';
import {
  danishAttrs,
  dateText,
  languageName,
  languagesText,
  ltrIn,
  textAttrs,
} from '../../web/present.ts';

export function OfferPage({ ctx, offer }: { ctx: PageContext; offer: OfferDetail }) {
  const { t, lang } = ctx;
  const text = localText(offer, lang);
  const next = nextSessionText(offer.schedules, lang, t);
  const da = danishAttrs(lang);
  const yesNo: [boolean, string][] = [
    [offer.interpreter_available, t('offer.interpreter')],
    [offer.children_welcome, t('offer.children')],
    [offer.childcare, t('offer.childcare')],
    [offer.wheelchair_accessible, t('offer.wheelchair')],
    [offer.transport_help, t('offer.transport')],
    [offer.welcomes_newcomers, t('offer.newcomers')],
  ];
  return (
    <Layout ctx={ctx} title={text.title}>
      <p>
        <a href="/" class="lighed-back">
          {t('offer.back')}
        </a>
      </p>
      <h1 {...textAttrs(text.langs.title, lang)}>{text.title}</h1>
      {text.danish !== 'none' && (
        <p class="alert alert-info lighed-note lighed-danish-only">
          {t(text.danish === 'all' ? 'offer.danishOnly' : 'offer.partlyDanish')}
        </p>
      )}
      <p class="font-lead" {...textAttrs(text.langs.summary, lang)}>
        {text.summary}
      </p>
      {offer.status !== 'published' && (
        <p class="alert alert-warning lighed-note">{t('offer.notPublished')}</p>
      )}
      <p>
        <a class="button button-primary" href={`/tilbud/${offer.id}/tilmeld`}>
          {t('offer.signup')}
        </a>
      </p>
      <h2>{t('offer.what')}</h2>
      {text.description.split(/\n{2,}/).map((para) => (
        <p {...textAttrs(text.langs.description, lang)}>{para}</p>
      ))}
      {text.how_to_join && (
        <>
          <h2>{t('offer.howToJoin')}</h2>
          <p {...textAttrs(text.langs.how_to_join, lang)}>{text.how_to_join}</p>
        </>
      )}
      <h2>{t('offer.whereWhen')}</h2>
      {next && <p>{next}</p>}
      {offer.schedules.length > 0 && (
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
      )}
      {offer.mode !== 'in_person' && <p>{t('offer.onlineToo')}</p>}
      {offer.locations.map((l) => (
        <PlaceBlock ctx={ctx} place={l}>
          {l.accessibility_note && (
            <p>
              <strong>{t('offer.access')}</strong> <span {...da}>{l.accessibility_note}</span>
            </p>
          )}
        </PlaceBlock>
      ))}
      <h2>{t('offer.practical')}</h2>
      <dl class="lighed-facts">
        <dt>{t('offer.fact.price')}</dt>
        <dd>
          {priceText(offer, lang, t)}
          {offer.price_note ? (
            <>
              {' '}
              (<span {...da}>{offer.price_note}</span>)
            </>
          ) : null}
        </dd>
        <dt>{t('offer.fact.languages')}</dt>
        <dd>{languagesText(offer.languages, lang)}</dd>
        {(offer.min_age !== null || offer.max_age !== null) && (
          <>
            <dt>{t('offer.fact.age')}</dt>
            <dd>
              {t('offer.age', {
                min: offer.min_age ?? 0,
                max: offer.max_age ?? 120,
                hasMax: offer.max_age !== null ? 'yes' : 'no',
              })}
            </dd>
          </>
        )}
        <dt>{t('offer.fact.provider')}</dt>
        <dd>
          <span {...da}>{offer.organization.name}</span>
        </dd>
      </dl>
      <ul class="lighed-checklist">
        {yesNo
          .filter(([on]) => on)
          .map(([, label]) => (
            <li>{label}</li>
          ))}
      </ul>
      {(offer.contact_name || offer.contact_phone || offer.contact_email) && (
        <>
          <h2>{t('offer.contact')}</h2>
          <p>
            {offer.contact_name && <span {...da}>{offer.contact_name}</span>}
            {/* Phone numbers and addresses read left to right in every language:
                without dir, Arabic shows "+45 4634 1000" as "1000 4634 +45". */}
            {offer.contact_phone && (
              <>
                <br />
                {t('offer.phone')}{' '}
                <a href={`tel:${offer.contact_phone.replace(/\s/g, '')}`} dir="ltr">
                  {offer.contact_phone}
                </a>
              </>
            )}
            {offer.contact_email && (
              <>
                <br />
                {t('offer.email')}{' '}
                <a href={`mailto:${offer.contact_email}`} dir="ltr">
                  {offer.contact_email}
                </a>
              </>
            )}
          </p>
        </>
      )}
      {/* Anonymous feedback (src/voice/, decision 0028). */}
      <p>
        {t('voice.offerLink.lead')} <a href={offerFeedbackPath(offer.id)}>{t('voice.offerLink')}</a>
      </p>
      <p class="lighed-muted">
        {offer.last_confirmed_at
          ? t('offer.confirmed', { date: dateText(offer.last_confirmed_at, lang) })
          : t('offer.notConfirmed')}{' '}
        <a href={`/tilbud/${offer.id}/fejl`}>{t('offer.reportError')}</a>
      </p>
    </Layout>
  );
}

export function SignupPage({
  ctx,
  offer,
  form,
  reach = NO_REACH_ANSWERS,
  problems,
}: {
  ctx: PageContext;
  offer: OfferDetail;
  form: SignupForm;
  /** The voluntary, anonymous reach questions' values (reach/). */
  reach?: ReachAnswers;
  problems: Problems;
}) {
  const { t, lang } = ctx;
  const text = localText(offer, lang);
  const languages = [...new Set([...UI_LANGUAGES, ...offer.languages, ...OFFER_LANGUAGES])];
  const title = t('signup.title', {
    offer: text.textLang === lang ? text.title : ltrIn(lang, text.title),
  });
  return (
    <FormPage
      ctx={ctx}
      title={title}
      heading={t('signup.heading')}
      lead={
        <p class="font-lead" {...textAttrs(text.textLang, lang)}>
          {text.title}
        </p>
      }
      back={{ href: `/tilbud/${offer.id}`, label: t('signup.back') }}
      problems={problems}
      action={`/tilbud/${offer.id}/tilmeld`}
    >
      <TextField
        name="name"
        label={t('signup.name')}
        value={form.name}
        autocomplete="name"
        problems={problems}
        t={t}
      />
      <p class="form-hint" id="contact-hint">
        {t('signup.contactHint')}
      </p>
      <TextField
        name="phone"
        label={t('signup.phone')}
        hint={t('signup.phoneHint')}
        value={form.phone}
        type="tel"
        autocomplete="tel"
        width="m"
        problems={problems}
        t={t}
      />
      <TextField
        name="email"
        label={t('signup.email')}
        value={form.email}
        type="email"
        autocomplete="email"
        problems={problems}
        t={t}
      />
      {/* Consent per channel for the confirmation and the reminder (signup-notices.ts). */}
      <Checkboxes
        name="contact_channels"
        label={t('signup.channels.legend')}
        hint={t('signup.channels.hint')}
        values={form.contact_channels ?? []}
        options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`signup.channels.${c}`) }))}
        problems={problems}
        t={t}
      />
      <Select
        name="preferred_language"
        label={t('signup.language')}
        value={form.preferred_language || lang}
        options={languages.map((l) => ({ value: l, label: languageName(l, lang) }))}
        problems={problems}
        t={t}
      />
      <Checkbox
        name="needs_interpreter"
        label={t('signup.interpreter')}
        checked={form.needs_interpreter}
        problems={problems}
        t={t}
      />
      <TextField
        name="message"
        label={t('signup.message')}
        hint={t('signup.messageHint')}
        value={form.message}
        multiline
        problems={problems}
        t={t}
      />
      <ReachFieldset t={t} values={reach} problems={problems} />
      <h2 class="h3">{t('signup.consentHeading')}</h2>
      <p>{t('signup.consentText', { provider: ltrIn(lang, offer.organization.name) })}</p>
      <Checkbox
        name="consent"
        label={t('signup.consent')}
        checked={form.consent}
        problems={problems}
        t={t}
      />
      <Honeypot problems={problems} t={t} />
      <SubmitButton>{t('signup.submit')}</SubmitButton>
    </FormPage>
  );
}

export function ReportPage({
  ctx,
  offer,
  form,
  problems,
  done,
}: {
  ctx: PageContext;
  offer: OfferDetail;
  form: { message: string; email: string };
  problems: Problems;
  done: boolean;
}) {
  const { t, lang } = ctx;
  const text = localText(offer, lang);
  if (done) {
    return (
      <Layout ctx={ctx} title={t('report.doneTitle')}>
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <h1 class="alert-heading">{t('report.doneTitle')}</h1>
            <p class="alert-text">{t('report.doneText')}</p>
          </div>
        </div>
        <p>
          <a href={`/tilbud/${offer.id}`}>{t('signup.backToOffer')}</a>
        </p>
      </Layout>
    );
  }
  const title = t('report.title');
  return (
    <FormPage
      ctx={ctx}
      title={title}
      lead={
        <p class="font-lead" {...textAttrs(text.textLang, lang)}>
          {text.title}
        </p>
      }
      back={{ href: `/tilbud/${offer.id}`, label: t('signup.back') }}
      problems={problems}
      action={`/tilbud/${offer.id}/fejl`}
    >
      <TextField
        name="message"
        label={t('report.message')}
        hint={t('report.messageHint')}
        value={form.message}
        multiline
        problems={problems}
        t={t}
      />
      <TextField
        name="email"
        label={t('report.email')}
        hint={t('report.emailHint')}
        value={form.email}
        type="email"
        autocomplete="email"
        problems={problems}
        t={t}
      />
      <Honeypot problems={problems} t={t} />
      <SubmitButton>{t('report.submit')}</SubmitButton>
    </FormPage>
  );
}
