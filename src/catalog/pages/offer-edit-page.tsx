import { Layout, type PageContext } from '../../web/layout.tsx';
import {
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import { LANGUAGE_NAMES } from '../../web/languages.ts';
import {
  ARENAS,
  FLAGS,
  TRANSLATION_LANGUAGES,
  LIFE_PHASES,
  MODES,
  OFFER_LANGUAGES,
  OFFER_TYPES,
  RECOMMENDATIONS,
  TOPICS,
} from '../offer.ts';
import { SCHEDULE_ROWS, type OfferEditState } from '../offer-form.ts';
import { explainStigma, type StigmaFinding } from '../stigma.ts';
import { languageName, weekdayName } from '../../web/present.ts';

export type OfferEditProps = OfferEditState & { ctx: PageContext };

export function OfferEditPage({
  ctx,
  id,
  status,
  values,
  problems,
  saved,
  findings,
  canChooseOrganization,
  options,
}: OfferEditProps) {
  const { t, lang } = ctx;
  const v = (k: string) => {
    const x = values[k];
    return typeof x === 'string' ? x : '';
  };
  const many = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? x : typeof x === 'string' && x ? [x] : [];
  };
  const field = { problems, t };
  const title = id ? t('offerForm.editTitle', { title: v('title') }) : t('offerForm.newTitle');
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
    >
      <p>
        <a href="/personale/tilbud" class="lighed-back">
          {t('offerForm.back')}
        </a>
      </p>
      <h1>{title}</h1>
      {saved && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('offerForm.saved')}</p>
          </div>
        </div>
      )}
      {findings.length > 0 && <StigmaWarning ctx={ctx} findings={findings} />}
      <ErrorSummary problems={problems} t={t} />
      {id && (
        <div class="lighed-status-bar">
          <p>
            {t('offerForm.status')} <strong>{t(`status.${status}`)}</strong> ·{' '}
            <a href={`/tilbud/${id}`}>{t('offerForm.preview')}</a>
          </p>
          <div class="lighed-inline-form">
            <form
              method="post"
              action={`/personale/tilbud/${id}/status`}
              class="lighed-inline-form"
            >
              <CsrfField token={ctx.csrfToken} />
              {status !== 'published' && (
                <button
                  type="submit"
                  name="status"
                  value="published"
                  class="button button-secondary"
                >
                  {t('offerForm.publish')}
                </button>
              )}
            </form>
            {status !== 'retired' && (
              // Ending asks first, on a page of its own (no JavaScript needed).
              <a href={`/personale/tilbud/${id}/afslut`} class="button button-tertiary">
                {t('offerForm.retire')}
              </a>
            )}
          </div>
        </div>
      )}
      <form
        method="post"
        action={id ? `/personale/tilbud/${id}` : '/personale/tilbud/ny'}
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <h2>{t('offerForm.section.text')}</h2>
        <TextField
          name="title"
          label={t('offerForm.title')}
          hint={t('offerForm.titleHint')}
          value={v('title')}
          {...field}
        />
        <TextField
          name="summary"
          label={t('offerForm.summary')}
          hint={t('offerForm.summaryHint')}
          value={v('summary')}
          {...field}
        />
        <TextField
          name="description"
          label={t('offerForm.description')}
          value={v('description')}
          multiline
          {...field}
        />
        <TextField
          name="how_to_join"
          label={t('offerForm.howToJoin')}
          value={v('how_to_join')}
          multiline
          {...field}
        />
        <h2>{t('offerForm.section.kind')}</h2>
        {canChooseOrganization ? (
          <Select
            name="organization_id"
            label={t('offerForm.organization')}
            value={v('organization_id')}
            options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
            {...field}
          />
        ) : (
          <input type="hidden" name="organization_id" value={options.organizations[0]?.id ?? ''} />
        )}
        <Select
          name="arena"
          label={t('offerForm.arena')}
          value={v('arena')}
          options={[
            { value: '', label: t('offerForm.choose') },
            ...ARENAS.map((a) => ({ value: a, label: t(`arena.${a}`) })),
          ]}
          {...field}
        />
        <Select
          name="offer_type"
          label={t('offerForm.offerType')}
          value={v('offer_type')}
          options={[
            { value: '', label: t('offerForm.choose') },
            ...OFFER_TYPES.map((a) => ({ value: a, label: t(`offerType.${a}`) })),
          ]}
          {...field}
        />
        <Select
          name="mode"
          label={t('offerForm.mode')}
          value={v('mode')}
          options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          {...field}
        />
        <Checkboxes
          name="topics"
          label={t('offerForm.topics')}
          values={many('topics')}
          options={TOPICS.map((x) => ({ value: x, label: t(`topic.${x}`) }))}
          inline
          {...field}
        />
        <Checkboxes
          name="life_phases"
          label={t('offerForm.lifePhases')}
          values={many('life_phases')}
          options={LIFE_PHASES.map((x) => ({ value: x, label: t(`lifePhase.${x}`) }))}
          inline
          {...field}
        />
        <Checkboxes
          name="languages"
          label={t('offerForm.languages')}
          values={many('languages')}
          options={OFFER_LANGUAGES.map((x) => ({ value: x, label: languageName(x, lang) }))}
          inline
          {...field}
        />
        <Checkboxes
          name="flags"
          label={t('offerForm.flags')}
          values={many('flags')}
          options={FLAGS.map((x) => ({ value: x, label: t(`flag.${x}`) }))}
          {...field}
        />
        <TextField
          name="price_dkk"
          label={t('offerForm.price')}
          hint={t('offerForm.priceHint')}
          value={v('price_dkk')}
          inputmode="numeric"
          width="s"
          {...field}
        />
        <TextField
          name="price_note"
          label={t('offerForm.priceNote')}
          value={v('price_note')}
          {...field}
        />
        <TextField
          name="min_age"
          label={t('offerForm.minAge')}
          value={v('min_age')}
          inputmode="numeric"
          width="xs"
          {...field}
        />
        <TextField
          name="max_age"
          label={t('offerForm.maxAge')}
          value={v('max_age')}
          inputmode="numeric"
          width="xs"
          {...field}
        />
        <h2>{t('offerForm.section.where')}</h2>
        <Checkboxes
          name="location_ids"
          label={t('offerForm.locations')}
          values={many('location_ids')}
          options={options.locations.map((l) => ({
            value: l.id,
            label: `${l.name}, ${l.address_1}, ${l.postal_code} ${l.city}`,
          }))}
          {...field}
        />
        <fieldset class="lighed-schedules">
          <legend class="form-label">{t('offerForm.schedules')}</legend>
          <p class="form-hint">{t('offerForm.schedulesHint')}</p>
          {Array.from({ length: SCHEDULE_ROWS }, (_, i) => (
            <div class="lighed-schedule-row">
              <Select
                name={`schedule_${i}_weekday`}
                label={t('offerForm.weekday', { n: i + 1 })}
                value={v(`schedule_${i}_weekday`)}
                options={[
                  { value: '', label: t('offerForm.noDay') },
                  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                    value: String(d),
                    label: weekdayName(d, lang),
                  })),
                ]}
                {...field}
              />
              <TextField
                name={`schedule_${i}_start`}
                label={t('offerForm.start', { n: i + 1 })}
                value={v(`schedule_${i}_start`)}
                width="xs"
                {...field}
              />
              <TextField
                name={`schedule_${i}_end`}
                label={t('offerForm.end', { n: i + 1 })}
                value={v(`schedule_${i}_end`)}
                width="xs"
                {...field}
              />
            </div>
          ))}
        </fieldset>
        <h2>{t('offerForm.section.contact')}</h2>
        <TextField
          name="contact_name"
          label={t('offerForm.contactName')}
          value={v('contact_name')}
          {...field}
        />
        <TextField
          name="contact_phone"
          label={t('offerForm.contactPhone')}
          value={v('contact_phone')}
          type="tel"
          {...field}
        />
        <TextField
          name="contact_email"
          label={t('offerForm.contactEmail')}
          value={v('contact_email')}
          type="email"
          {...field}
        />
        <TextField name="url" label={t('offerForm.url')} value={v('url')} type="url" {...field} />
        <h2>{t('offerForm.section.internal')}</h2>
        <TextField
          name="target_groups"
          label={t('offerForm.targetGroups')}
          hint={t('offerForm.targetGroupsHint')}
          value={v('target_groups')}
          {...field}
        />
        <Checkboxes
          name="recommendations"
          label={t('offerForm.recommendations')}
          values={many('recommendations')}
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`recommendation.${r}`) }))}
          {...field}
        />
        <h2>{t('offerForm.section.translations')}</h2>
        <p class="form-hint">{t('offerForm.translationsHint')}</p>
        {TRANSLATION_LANGUAGES.map((l) => (
          <details
            class="details"
            open={
              Boolean(v(`tr_${l}_title`)) || problems.some((p) => p.path.startsWith(`tr_${l}_`))
            }
          >
            <summary class="details-summary">
              <span class="details-summary-text" lang={l}>
                {LANGUAGE_NAMES[l]}
              </span>
            </summary>
            <div class="details-text" lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
              <TextField
                name={`tr_${l}_title`}
                label={t('offerForm.trTitle', { language: LANGUAGE_NAMES[l] })}
                value={v(`tr_${l}_title`)}
                {...field}
              />
              <TextField
                name={`tr_${l}_summary`}
                label={t('offerForm.trSummary', { language: LANGUAGE_NAMES[l] })}
                value={v(`tr_${l}_summary`)}
                {...field}
              />
              <TextField
                name={`tr_${l}_description`}
                label={t('offerForm.trDescription', { language: LANGUAGE_NAMES[l] })}
                value={v(`tr_${l}_description`)}
                multiline
                {...field}
              />
            </div>
          </details>
        ))}
        <SubmitButton>{t('offerForm.save')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** A warning, not a block: the offer is saved; the panel stays while the words are there. */
function StigmaWarning({ ctx, findings }: { ctx: PageContext; findings: StigmaFinding[] }) {
  const { t, lang } = ctx;
  const categories = [...new Set(findings.map((f) => f.category))];
  return (
    <div class="alert alert-warning lighed-stigma" role="region" aria-labelledby="stigma-heading">
      <div class="alert-body">
        <h2 class="alert-heading" id="stigma-heading">
          {t('stigma.heading')}
        </h2>
        <p class="alert-text">{t('stigma.intro')}</p>
        <ul>
          {findings.map((f) => (
            <li>
              {t('stigma.finding', {
                term: f.term,
                field: t(`offerForm.field.${f.field.replace(/^tr_(\w+)_(\w+)$/, 'tr.$2')}`),
              })}
            </li>
          ))}
        </ul>
        {categories.map((c) => {
          const e = explainStigma(c, lang);
          return (
            <p class="alert-text">
              {e.explanation} {e.suggestion}
            </p>
          );
        })}
      </div>
    </div>
  );
}

/** "Afslut tilbuddet?": what ending means, a confirming button and a way back. */
export function RetireOfferPage({
  ctx,
  id,
  status,
  values,
}: { ctx: PageContext } & Pick<OfferEditState, 'id' | 'status' | 'values'>) {
  const { t } = ctx;
  const title = typeof values.title === 'string' ? values.title : '';
  const back = `/personale/tilbud/${id ?? ''}`;
  return (
    <Layout ctx={ctx} title={t('offerForm.retireConfirm.title')} area="staff">
      <p>
        <a href={back} class="lighed-back">
          {t('offerForm.retireConfirm.no')}
        </a>
      </p>
      <h1>{t('offerForm.retireConfirm.title')}</h1>
      {status === 'retired' ? (
        <p class="font-lead">{t('offerForm.retireConfirm.already', { title })}</p>
      ) : (
        <>
          <p class="font-lead">{t('offerForm.retireConfirm.lead', { title })}</p>
          <ul>
            <li>{t('offerForm.retireConfirm.search')}</li>
            <li>{t('offerForm.retireConfirm.signups')}</li>
          </ul>
          <form method="post" action={`/personale/tilbud/${id ?? ''}/status`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="status" value="retired" />
            <input type="hidden" name="confirm" value="ja" />
            <div class="lighed-inline-form">
              <button type="submit" class="button button-primary">
                {t('offerForm.retireConfirm.yes')}
              </button>
              <a href={back} class="button button-secondary">
                {t('offerForm.retireConfirm.no')}
              </a>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
