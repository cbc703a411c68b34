/**
 * The referral form: a GP, hospital department or midwife (or a frontline worker after a
 * health conversation, prefilled) refers a citizen to the afklarende samtale or a named offer.
 * GOV.UK pattern: error summary first, each problem again at its field, values kept.
 */
import { TOPICS } from '../../catalog/index.ts';
import {
  Checkbox,
  Checkboxes,
  FormPage,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import type { PageContext } from '../../web/layout.tsx';
import { languageName } from '../../web/present.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { CONDITIONS, CONTACT_CHANNELS, NEEDS, type ReferralForm } from '../referral.ts';
import type { OfferChoice } from '../web.service.ts';
import { STAFF_LANGUAGES } from './present.ts';

const CITIZEN_LANGUAGES = [
  'da',
  'en',
  'ar',
  'tr',
  'so',
  'uk',
  'fa',
  'ur',
  'pl',
  'ro',
  'ti',
  'ku',
  'de',
  'sv',
];

export function ReferralFormPage(props: {
  ctx: PageContext;
  form: ReferralForm;
  offers: OfferChoice[];
  problems: readonly FieldProblem[];
  action: string;
  /** A worker's referral after a conversation: where it came from. */
  fromConversation?: { id: string; offers: { id: string; title: string }[] } | null;
}) {
  const { ctx, form: f, problems } = props;
  const { t, lang } = ctx;
  const text = (name: keyof ReferralForm, extra: Record<string, unknown> = {}) => ({
    name,
    label: t(`referral.form.${name}`),
    value: String(f[name]),
    problems,
    t,
    ...extra,
  });
  return (
    <FormPage
      ctx={ctx}
      title={t('referral.form.title')}
      area="staff"
      languages={STAFF_LANGUAGES}
      back={
        props.fromConversation
          ? {
              href: `/personale/samtaler/${props.fromConversation.id}/tilbud`,
              label: t('referral.form.backConversation'),
            }
          : { href: '/personale/henvisninger', label: t('referral.list.mine') }
      }
      lead={<p>{t(props.fromConversation ? 'referral.form.leadWorker' : 'referral.form.lead')}</p>}
      problems={problems}
      action={props.action}
    >
      <h2>{t('referral.form.citizen')}</h2>
      <TextField {...text('name')} autocomplete="off" />
      <TextField
        {...text('cpr')}
        hint={t('referral.form.cprHint')}
        width="s"
        inputmode="numeric"
        autocomplete="off"
      />
      <TextField
        {...text('birthDate')}
        hint={t('referral.form.birthDateHint')}
        width="s"
        autocomplete="off"
      />
      <TextField {...text('phone')} type="tel" width="m" autocomplete="off" />
      <TextField {...text('email')} type="email" width="l" autocomplete="off" />
      <TextField {...text('address')} autocomplete="off" />
      <TextField {...text('postcode')} width="xs" inputmode="numeric" autocomplete="off" />
      <Select
        name="preferredLanguage"
        label={t('referral.form.preferredLanguage')}
        value={f.preferredLanguage}
        options={CITIZEN_LANGUAGES.map((l) => ({ value: l, label: languageName(l, lang) }))}
        problems={problems}
        t={t}
      />
      <Checkboxes
        name="contactChannels"
        label={t('people.channels.question')}
        hint={t('people.channels.hint')}
        values={f.contactChannels}
        options={CONTACT_CHANNELS.map((c) => ({
          value: c,
          label: t(`people.channels.option.${c}`),
        }))}
        problems={problems}
        t={t}
      />

      <h2>{t('referral.form.reason')}</h2>
      <Checkboxes
        name="topics"
        label={t('referral.form.topics')}
        hint={t('referral.form.topicsHint')}
        values={f.topics}
        options={TOPICS.map((x) => ({ value: x, label: t(`topic.${x}`) }))}
        problems={problems}
        t={t}
      />
      <Checkboxes
        name="conditions"
        label={t('referral.form.conditions')}
        values={f.conditions}
        options={CONDITIONS.map((x) => ({ value: x, label: t(`referral.condition.${x}`) }))}
        problems={problems}
        t={t}
      />
      <Checkbox
        name="pregnant"
        label={t('referral.form.pregnant')}
        checked={f.pregnant}
        problems={problems}
        t={t}
      />

      <h2>{t('referral.form.wanted')}</h2>
      <Select
        name="requestedService"
        label={t('referral.form.requestedService')}
        value={f.requestedService}
        options={[
          { value: 'afklarende_samtale', label: t('referral.service.afklarende_samtale') },
          { value: 'offer', label: t('referral.service.offer') },
        ]}
        problems={problems}
        t={t}
      />
      <Select
        name="offerId"
        label={t('referral.form.offerId')}
        hint={t('referral.form.offerHint')}
        value={f.offerId}
        options={[
          { value: '', label: t('referral.form.noOffer') },
          ...props.offers.map((o) => ({
            value: o.id,
            label: `${o.title} (${o.organization_name})`,
          })),
        ]}
        problems={problems}
        t={t}
      />

      <h2>{t('referral.form.needsHeading')}</h2>
      <Checkboxes
        name="needs"
        label={t('referral.form.needs')}
        values={f.needs}
        options={NEEDS.map((x) => ({ value: x, label: t(`referral.need.${x}`) }))}
        problems={problems}
        t={t}
      />
      <TextField
        {...text('interpreterLanguage')}
        hint={t('referral.form.interpreterLanguageHint')}
        width="xs"
      />

      <h2>{t('referral.form.consentHeading')}</h2>
      <Checkbox
        name="consent"
        label={t('referral.form.consent')}
        hint={t('referral.form.consentHint')}
        checked={f.consent}
        problems={problems}
        t={t}
      />
      <TextField {...text('note')} hint={t('referral.form.noteHint')} multiline />
      <SubmitButton>{t('referral.form.submit')}</SubmitButton>
    </FormPage>
  );
}
