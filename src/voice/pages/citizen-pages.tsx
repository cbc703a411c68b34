/**
 * The citizens' pages of the voice (all six languages): feedback on an offer, "Foreslå et
 * tilbud", the public list of answered suggestions, and joining a panel. No sign-in; nothing
 * asks who the citizen is, except joining a panel (with consent).
 */
import type { OfferDetail } from '../../catalog/index.ts';
import { localText } from '../../catalog/index.ts';
import {
  Checkbox,
  Checkboxes,
  Field,
  fieldId,
  FormPage,
  Select,
  SubmitButton,
  TextField,
  type Problems,
} from '../../web/form.tsx';
import { Honeypot } from '../../web/honeypot.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { UI_LANGUAGES } from '../../web/languages.ts';
import { danishAttrs, languageName, ltrIn, textAttrs } from '../../web/present.ts';
import type { PanelRecord } from '../voice.store.ts';
import type { SuggestionRecord } from '../voice.store.ts';
import {
  BARRIERS,
  JOIN_CHANNELS,
  PANEL_DIMENSIONS,
  PANEL_DIMENSION_KEYS,
  RATINGS,
  tagLabelKey,
  type FeedbackForm,
  type JoinForm,
  type SuggestionForm,
} from '../voice.ts';
import { feedbackPath, JOIN_PATH, SUGGEST_PATH, SUGGESTIONS_PATH } from '../paths.ts';

/** A citizen's own words, whatever their language and direction: dir="auto". */
const own = { dir: 'auto' as const };

function Done(props: {
  ctx: PageContext;
  title: string;
  text: string;
  back: { href: string; label: string };
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <div class="alert alert-success" role="status">
        <div class="alert-body">
          <h1 class="alert-heading">{props.title}</h1>
          <p class="alert-text">{props.text}</p>
        </div>
      </div>
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
    </Layout>
  );
}

export function FeedbackPage(props: {
  ctx: PageContext;
  offer: OfferDetail;
  form: FeedbackForm;
  problems: Problems;
  done: boolean;
}) {
  const { ctx, offer, form, problems } = props;
  const { t, lang } = ctx;
  const back = { href: `/tilbud/${offer.id}`, label: t('signup.backToOffer') };
  if (props.done)
    return (
      <Done
        ctx={ctx}
        title={t('voice.feedback.doneTitle')}
        text={t('voice.feedback.doneText')}
        back={back}
      />
    );
  const text = localText(offer, lang);
  const id = fieldId('rating');
  const ratingProblem = problems.find((p) => p.path === 'rating');
  return (
    <FormPage
      ctx={ctx}
      title={t('voice.feedback.title')}
      lead={
        <>
          <p class="font-lead" {...textAttrs(text.textLang, lang)}>
            {text.title}
          </p>
          <p>{t('voice.feedback.lead')}</p>
        </>
      }
      back={{ href: `/tilbud/${offer.id}`, label: t('signup.back') }}
      problems={problems}
      action={feedbackPath(offer.id)}
    >
      <Field id={id} label={t('voice.feedback.rating')} problem={ratingProblem} t={t} fieldset>
        <ul class="nobullet-list" id={id}>
          {[...RATINGS].reverse().map((r) => (
            <li class="form-group-radio">
              <input
                class="form-radio radio-large"
                type="radio"
                id={`${id}-${r}`}
                name="rating"
                value={String(r)}
                checked={form.rating === String(r)}
              />
              <label for={`${id}-${r}`}>{t(`voice.rating.${r}`)}</label>
            </li>
          ))}
        </ul>
      </Field>
      <Checkboxes
        name="barriers"
        label={t('voice.feedback.barriers')}
        hint={t('voice.feedback.barriersHint')}
        values={form.barriers}
        options={BARRIERS.map((b) => ({ value: b, label: t(`voice.barrier.${b}`) }))}
        problems={problems}
        t={t}
      />
      <TextField
        name="comment"
        label={t('voice.feedback.comment')}
        hint={t('voice.feedback.commentHint')}
        value={form.comment}
        multiline
        problems={problems}
        t={t}
      />
      <Honeypot problems={problems} t={t} />
      <SubmitButton>{t('voice.feedback.submit')}</SubmitButton>
    </FormPage>
  );
}

export function SuggestPage(props: {
  ctx: PageContext;
  form: SuggestionForm;
  problems: Problems;
  done: boolean;
}) {
  const { ctx, form, problems } = props;
  const { t } = ctx;
  if (props.done)
    return (
      <Done
        ctx={ctx}
        title={t('voice.suggest.doneTitle')}
        text={t('voice.suggest.doneText')}
        back={{ href: SUGGESTIONS_PATH, label: t('voice.suggest.seeList') }}
      />
    );
  return (
    <FormPage
      ctx={ctx}
      title={t('voice.suggest.title')}
      lead={<p class="font-lead">{t('voice.suggest.lead')}</p>}
      back={{ href: '/', label: t('offer.back') }}
      problems={problems}
      action={SUGGEST_PATH}
    >
      <TextField
        name="what"
        label={t('voice.suggest.what')}
        hint={t('voice.suggest.whatHint')}
        value={form.what}
        multiline
        problems={problems}
        t={t}
      />
      <TextField
        name="place"
        label={t('voice.suggest.place')}
        hint={t('voice.suggest.placeHint')}
        value={form.place}
        problems={problems}
        t={t}
      />
      <TextField
        name="for_whom"
        label={t('voice.suggest.forWhom')}
        hint={t('voice.suggest.forWhomHint')}
        value={form.for_whom}
        problems={problems}
        t={t}
      />
      <Honeypot problems={problems} t={t} />
      <SubmitButton>{t('voice.suggest.submit')}</SubmitButton>
      <p>
        <a href={SUGGESTIONS_PATH}>{t('voice.suggest.seeList')}</a>
      </p>
    </FormPage>
  );
}

/** "marts 2026" in the reader's language. */
export function monthText(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

export function SuggestionsPage(props: { ctx: PageContext; suggestions: SuggestionRecord[] }) {
  const { ctx, suggestions } = props;
  const { t, lang } = ctx;
  const da = danishAttrs(lang);
  return (
    <Layout ctx={ctx} title={t('voice.suggestions.title')}>
      <p>
        <a href="/" class="lighed-back">
          {t('offer.back')}
        </a>
      </p>
      <h1>{t('voice.suggestions.title')}</h1>
      <p class="font-lead">{t('voice.suggestions.lead')}</p>
      <p>
        <a class="button button-secondary" href={SUGGEST_PATH}>
          {t('voice.suggest.link')}
        </a>
      </p>
      {suggestions.length === 0 && <p>{t('voice.suggestions.none')}</p>}
      {suggestions.map((s) => (
        <article class="lighed-voice-suggestion">
          <h2 class="h3">
            {t('voice.suggestions.received', { month: monthText(s.received_month, lang) })}
          </h2>
          <p {...own}>{s.what}</p>
          <dl class="lighed-facts">
            {s.place && (
              <>
                <dt>{t('voice.suggest.placeShort')}</dt>
                <dd {...own}>{s.place}</dd>
              </>
            )}
            {s.for_whom && (
              <>
                <dt>{t('voice.suggest.forWhomShort')}</dt>
                <dd {...own}>{s.for_whom}</dd>
              </>
            )}
            {s.tags.length > 0 && (
              <>
                <dt>{t('voice.suggestions.tags')}</dt>
                <dd>{s.tags.map((tag) => t(tagLabelKey(tag))).join(', ')}</dd>
              </>
            )}
            <dt>{t('voice.suggestions.status')}</dt>
            <dd>{t(`voice.status.${s.status}`)}</dd>
            <dt>{t('voice.suggestions.answer')}</dt>
            <dd {...da}>{s.answer}</dd>
          </dl>
        </article>
      ))}
    </Layout>
  );
}

export function JoinPage(props: {
  ctx: PageContext;
  panel: PanelRecord;
  form: JoinForm;
  problems: Problems;
  done: boolean;
}) {
  const { ctx, panel, form, problems } = props;
  const { t, lang } = ctx;
  const da = danishAttrs(lang);
  if (props.done)
    return (
      <Done
        ctx={ctx}
        title={t('voice.join.doneTitle')}
        text={t('voice.join.doneText')}
        back={{ href: '/', label: t('offer.back') }}
      />
    );
  const none = { value: '', label: t('voice.category.none') };
  return (
    <FormPage
      ctx={ctx}
      title={t(`voice.join.title.${panel.kind}`)}
      lead={
        <>
          <p class="font-lead" {...da}>
            {panel.name}
          </p>
          {panel.purpose && <p {...da}>{panel.purpose}</p>}
          <p>{t('voice.join.lead')}</p>
        </>
      }
      problems={problems}
      action={`${JOIN_PATH}/${panel.id}`}
    >
      <TextField
        name="name"
        label={t('voice.join.name')}
        value={form.name}
        autocomplete="name"
        problems={problems}
        t={t}
      />
      <p class="form-hint">{t('voice.join.contactHint')}</p>
      <TextField
        name="email"
        label={t('voice.join.email')}
        value={form.email}
        type="email"
        autocomplete="email"
        problems={problems}
        t={t}
      />
      <TextField
        name="phone"
        label={t('voice.join.phone')}
        value={form.phone}
        type="tel"
        autocomplete="tel"
        width="m"
        problems={problems}
        t={t}
      />
      <Checkboxes
        name="channels"
        label={t('voice.join.channels')}
        values={form.channels}
        options={JOIN_CHANNELS.map((c) => ({ value: c, label: t(`voice.join.channel.${c}`) }))}
        problems={problems}
        t={t}
      />
      <Select
        name="language"
        label={t('voice.join.language')}
        value={form.language || lang}
        options={UI_LANGUAGES.map((l) => ({ value: l, label: languageName(l, lang) }))}
        problems={problems}
        t={t}
      />
      <h2 class="h3">{t('voice.join.aboutHeading')}</h2>
      <p>{t('voice.join.aboutText')}</p>
      {PANEL_DIMENSION_KEYS.map((d) => (
        <Select
          name={d}
          label={t(`voice.join.${d}`)}
          value={form[d]}
          options={[
            none,
            ...PANEL_DIMENSIONS[d].codes.map((c) => ({ value: c, label: t(`voice.${d}.${c}`) })),
          ]}
          problems={problems}
          t={t}
        />
      ))}
      <h2 class="h3">{t('voice.join.consentHeading')}</h2>
      <p>{t('voice.join.consentText', { kommune: ltrIn(lang, ctx.tenantName) })}</p>
      <Checkbox
        name="consent"
        label={t('voice.join.consent')}
        checked={form.consent}
        problems={problems}
        t={t}
      />
      <Honeypot problems={problems} t={t} />
      <SubmitButton>{t('voice.join.submit')}</SubmitButton>
    </FormPage>
  );
}
