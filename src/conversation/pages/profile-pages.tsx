/**
 * The worker's view of a conversation: the profile (where the citizen stands per domain, in
 * words and not only colour; resources; priorities; the support level with its reasons and an
 * override with a note), the matched offers with reasons, and sign-up with consent.
 */
import type { UiLanguage } from '../../web/languages.ts';
import { localText, type SignupForm } from '../../catalog/index.ts';
import { languageName } from '../../web/present.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import { translator } from '../../web/i18n.ts';
import { LANGUAGE_NAMES } from '../../web/languages.ts';
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Conversation, SavedOffer } from '../conversation.store.ts';
import type { Match } from '../matching.ts';
import { addressOf, SUPPORT_LEVELS, type Profile, type SupportDecision } from '../profile.ts';
import type { OfferText } from '../matching.store.ts';
import { ResourceLists } from './resources.tsx';
import { citizenLabel, dirOf, reasonsText, splitDomains, STAFF_LANGUAGES } from './present.ts';

const base = (c: { id: string }) => `/personale/samtaler/${c.id}`;

export function SupportBox({ ctx, support }: { ctx: PageContext; support: SupportDecision }) {
  const { t, lang } = ctx;
  return (
    <div class="lighed-support">
      <p class="lighed-support-level">
        <strong>
          {t('conversation.profile.level', { level: t(`support.level.${support.level}`) })}
        </strong>
      </p>
      <p>{support.computed.summary[lang]}</p>
      {support.computed.reasons.length > 0 && (
        <>
          <h3 class="h5">{t('conversation.profile.reasons')}</h3>
          <ul>
            {support.computed.reasons.map((r) => (
              <li>{r.text[lang]}</li>
            ))}
          </ul>
        </>
      )}
      {support.override && (
        <p>
          {t('conversation.profile.overridden', {
            computed: t(`support.level.${support.computed.level}`),
          })}{' '}
          <q>{support.override.note}</q>
        </p>
      )}
    </div>
  );
}

export interface ProfilePageProps {
  ctx: PageContext;
  conversation: Conversation;
  profile: Profile;
  support: SupportDecision;
  saved: SavedOffer[];
  problems: FieldProblem[];
  overrideValues: { level: string; note: string };
}

export function ProfilePage(p: ProfilePageProps) {
  const { ctx, conversation: c, profile } = p;
  const { t, lang } = ctx;
  const title = t('conversation.profile.title', { citizen: citizenLabel(c, t) });
  const steps = c.instruments.length;
  const { said, notDiscussed } = splitDomains(profile, lang);
  return (
    <Layout
      ctx={ctx}
      title={p.problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <p>
        <a href="/personale/samtaler" class="lighed-back">
          {t('conversation.list.title')}
        </a>
      </p>
      <h1>{title}</h1>
      <p class="font-lead">
        {t(`conversation.status.${c.status}`, { step: c.step, steps })} ·{' '}
        {t('conversation.profile.readsIn', { language: languageName(c.language, lang) })}
        {c.interpreter_needed ? ` · ${t('conversation.profile.interpreter')}` : ''}
      </p>
      {c.status !== 'finished' && (
        <p>
          <a class="button button-primary" href={`${base(c)}/trin/${c.step}`}>
            {t('conversation.profile.resume', { step: c.step, steps })}
          </a>
        </p>
      )}
      <ErrorSummary problems={p.problems} t={t} />
      <nav aria-label={t('conversation.profile.actions')} class="lighed-actions">
        <ul class="nobullet-list lighed-inline-options">
          <li>
            <a class="button button-secondary" href={`${base(c)}/tilbud`}>
              {t('conversation.profile.findOffers')}
            </a>
          </li>
          <li>
            <a class="button button-secondary" href={`${base(c)}/udskrift?sprog=${c.language}`}>
              {t('conversation.profile.print', { language: languageName(c.language, lang) })}
            </a>
          </li>
          {c.language !== 'da' && (
            <li>
              <a class="button button-tertiary" href={`${base(c)}/udskrift?sprog=da`}>
                {t('conversation.profile.print', { language: languageName('da', lang) })}
              </a>
            </li>
          )}
        </ul>
      </nav>

      <h2>{t('conversation.profile.support')}</h2>
      <SupportBox ctx={ctx} support={p.support} />
      <details class="lighed-details" open={p.problems.length > 0}>
        <summary>{t('conversation.profile.override')}</summary>
        <form method="post" action={`${base(c)}/stoetteniveau`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Select
            name="level"
            label={t('conversation.profile.overrideLevel')}
            value={p.overrideValues.level}
            options={[
              { value: '', label: t('conversation.profile.overrideNone') },
              ...SUPPORT_LEVELS.map((l) => ({ value: l, label: t(`support.level.${l}`) })),
            ]}
            problems={p.problems}
            t={t}
          />
          <TextField
            name="note"
            label={t('conversation.profile.overrideNote')}
            hint={t('conversation.profile.overrideNoteHint')}
            value={p.overrideValues.note}
            multiline
            problems={p.problems}
            t={t}
          />
          <SubmitButton>{t('conversation.profile.overrideSave')}</SubmitButton>
        </form>
      </details>

      <h2>{t('conversation.profile.standing')}</h2>
      {said.length === 0 && !notDiscussed && <p>{t('conversation.profile.noAnswers')}</p>}
      {said.length > 0 && (
        <dl class="lighed-profile-domains">
          {said.map((d) => (
            <>
              <dt>{t(`profile.domain.${d.domain}`)}</dt>
              {d.statements.map((s) => (
                <dd class={s.attention ? 'lighed-attention' : undefined}>
                  {s.attention && (
                    <span class="lighed-attention-label">
                      {t('conversation.profile.attention')}:{' '}
                    </span>
                  )}
                  {s.text[lang]}
                </dd>
              ))}
            </>
          ))}
        </dl>
      )}
      {notDiscussed && <p>{notDiscussed}</p>}

      <h2>{t('profile.domain.resources')}</h2>
      <Resources ctx={ctx} profile={profile} lang={lang} />

      <h2>{t('profile.domain.priorities')}</h2>
      {profile.priorities.domains.length === 0 && !profile.priorities.other ? (
        <p>{t('print.noPriorities')}</p>
      ) : (
        <ul>
          {profile.priorities.domains.map((d) => (
            <li>{d.label[lang]}</li>
          ))}
          {profile.priorities.other && <li>{profile.priorities.other}</li>}
        </ul>
      )}

      <h2>{t('conversation.profile.saved')}</h2>
      <SavedList ctx={ctx} c={c} saved={p.saved} />

      <h2>{t('conversation.profile.delete')}</h2>
      <p>{t('conversation.profile.deleteLead')}</p>
      <p>
        <a class="button button-secondary" href={`${base(c)}/slet`}>
          {t('conversation.profile.delete')}
        </a>
      </p>
    </Layout>
  );
}

export function Resources({
  ctx,
  profile,
  lang,
}: {
  ctx: PageContext;
  profile: Profile;
  lang: UiLanguage;
}) {
  const r = profile.resources;
  if (r.energy.length === 0 && r.people.length === 0 && r.notes.length === 0)
    return <p>{ctx.t('conversation.profile.noResources')}</p>;
  return <ResourceLists resources={r} lang={lang} t={ctx.t} headingClass="h5" />;
}

function SavedList({ ctx, c, saved }: { ctx: PageContext; c: Conversation; saved: SavedOffer[] }) {
  const { t, lang } = ctx;
  if (saved.length === 0) return <p>{t('conversation.profile.noSaved')}</p>;
  return (
    <ul class="lighed-saved">
      {saved.map((s) => (
        <li>
          <a href={`/tilbud/${s.offer_id}`}>{s.title}</a>
          <span>: {reasonsText(s.reasons, lang)}</span>
          {s.signup_id ? (
            <span class="lighed-signed-up"> · {t('conversation.offers.signedUp')}</span>
          ) : (
            <>
              {' · '}
              <a href={`${base(c)}/tilbud/${s.offer_id}/tilmeld`}>
                {t('conversation.offers.signUp')}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function OffersPage({
  ctx,
  conversation: c,
  matches,
  texts,
  saved,
  savedCount = null,
}: {
  ctx: PageContext;
  conversation: Conversation;
  matches: Match[];
  texts: Map<string, OfferText>;
  saved: SavedOffer[];
  /** Just saved: how many offers are saved now (a success notice). */
  savedCount?: number | null;
}) {
  const { t, lang } = ctx;
  const title = t('conversation.offers.title', { citizen: citizenLabel(c, t) });
  const savedIds = new Set(saved.map((s) => s.offer_id));
  const citizenLang = c.language;
  const sex = addressOf(c.sex);
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={STAFF_LANGUAGES}>
      <p>
        <a href={base(c)} class="lighed-back">
          {t('conversation.offers.back')}
        </a>
      </p>
      <h1>{title}</h1>
      {savedCount !== null && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('conversation.offers.savedNotice', { count: savedCount })}</p>
          </div>
        </div>
      )}
      <p class="font-lead">{t('conversation.offers.lead')}</p>
      {matches.length === 0 ? (
        <p>{t('conversation.offers.none')}</p>
      ) : (
        <form method="post" action={`${base(c)}/tilbud`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ol class="lighed-matches">
            {matches.map((m, i) => {
              const o = m.offer;
              const text = texts.get(o.id) ?? { title: o.title, summary: '', translations: {} };
              const own = localText(text, lang);
              const theirs = localText(text, citizenLang);
              return (
                <li class="lighed-match">
                  <div class="form-group-checkbox">
                    <input
                      class="form-checkbox checkbox-large"
                      type="checkbox"
                      id={`m-${i}`}
                      name="offer"
                      value={o.id}
                      checked={savedIds.has(o.id)}
                      aria-describedby={`m-${i}-why`}
                    />
                    <label for={`m-${i}`}>
                      <strong lang={own.textLang} dir={dirOf(own.textLang)}>
                        {own.title}
                      </strong>
                    </label>
                  </div>
                  <p lang={own.langs.summary} dir={dirOf(own.langs.summary)}>
                    {own.summary}
                  </p>
                  <p id={`m-${i}-why`}>
                    {t('conversation.offers.why')} {reasonsText(m.reasons, lang)}.
                  </p>
                  {citizenLang !== lang && (
                    <p lang={citizenLang} dir={dirOf(citizenLang)} class="lighed-bilingual-other">
                      {/* The title as the citizen reads it, where the offer is translated. */}
                      {theirs.textLang === citizenLang && (
                        <>
                          <strong>{theirs.title}</strong>
                          {': '}
                        </>
                      )}
                      {reasonsText(m.reasons, citizenLang, sex)}
                    </p>
                  )}
                  <p>
                    <a href={`/tilbud/${o.id}`}>
                      {t('conversation.offers.read', { title: own.title })}
                    </a>
                  </p>
                </li>
              );
            })}
          </ol>
          <SubmitButton>{t('conversation.offers.save')}</SubmitButton>
        </form>
      )}
      <h2>{t('conversation.profile.saved')}</h2>
      <SavedList ctx={ctx} c={c} saved={saved} />
      {!c.anonymous && (
        <p>
          <a class="button button-secondary" href={`/personale/henvisninger/ny?samtale=${c.id}`}>
            {t('conversation.offers.refer')}
          </a>
        </p>
      )}
    </Layout>
  );
}

export function SignupPage({
  ctx,
  conversation: c,
  offerTitle,
  offerId,
  provider,
  values,
  problems,
}: {
  ctx: PageContext;
  conversation: Conversation;
  offerTitle: string;
  offerId: string;
  provider: string;
  values: SignupForm;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t('conversation.signup.title', { offer: offerTitle });
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <p>
        <a href={`${base(c)}/tilbud`} class="lighed-back">
          {t('conversation.offers.title', { citizen: citizenLabel(c, t) })}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{c.anonymous ? t('conversation.signup.anonymousLead') : t('conversation.signup.lead')}</p>
      <ErrorSummary problems={problems} t={t} />
      <form method="post" action={`${base(c)}/tilbud/${offerId}/tilmeld`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="name"
          label={t('conversation.signup.name')}
          value={values.name}
          autocomplete="off"
          problems={problems}
          t={t}
        />
        <TextField
          name="phone"
          label={t('signup.phone')}
          value={values.phone}
          type="tel"
          autocomplete="off"
          problems={problems}
          t={t}
        />
        <TextField
          name="email"
          label={t('signup.email')}
          value={values.email}
          type="email"
          autocomplete="off"
          problems={problems}
          t={t}
        />
        <Select
          name="preferred_language"
          label={t('signup.language')}
          value={values.preferred_language}
          options={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))}
          problems={problems}
          t={t}
        />
        <Checkbox
          name="needs_interpreter"
          label={t('signup.interpreter')}
          checked={values.needs_interpreter}
          problems={[]}
          t={t}
        />
        <TextField
          name="message"
          label={t('signup.message')}
          value={values.message}
          multiline
          problems={problems}
          t={t}
        />
        <div class={`form-group${problems.some((p) => p.path === 'consent') ? ' form-error' : ''}`}>
          {problems.some((p) => p.path === 'consent') && (
            <span class="form-error-message" id="f-consent-error">
              <span class="sr-only">{t('form.errorPrefix')}</span> {t('signup.error.consent')}
            </span>
          )}
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id="f-consent"
              name="consent"
              value="ja"
              checked={values.consent}
              aria-describedby={
                problems.some((p) => p.path === 'consent')
                  ? 'f-consent-error f-consent-hint'
                  : 'f-consent-hint'
              }
            />
            <label for="f-consent">{t('conversation.signup.consent')}</label>
            <span class="form-hint" id="f-consent-hint">
              {t('conversation.signup.consentText', { provider })}
              {c.language !== 'da' && c.language !== ctx.lang && (
                // What the citizen agrees to, in the citizen's own language.
                <span class="lighed-bilingual-other" lang={c.language} dir={dirOf(c.language)}>
                  {' '}
                  {translator(c.language)('signup.consentText', { provider })}
                </span>
              )}
            </span>
          </div>
        </div>
        <SubmitButton>{t('conversation.signup.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function SignupDonePage({
  ctx,
  conversation: c,
  offerTitle,
  receipt,
}: {
  ctx: PageContext;
  conversation: Conversation;
  offerTitle: string;
  receipt: string;
}) {
  const { t } = ctx;
  const title = t('conversation.signup.done', { offer: offerTitle });
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={STAFF_LANGUAGES}>
      <div class="alert alert-success" role="status">
        <div class="alert-body">
          <h1 class="alert-heading h2">{title}</h1>
          <p class="alert-text">{t('conversation.signup.receipt', { code: receipt })}</p>
        </div>
      </div>
      <p>
        <a href={base(c)}>{t('conversation.offers.back')}</a>
      </p>
    </Layout>
  );
}
