/** The team's conversations, and the start form with consent first. */
import { ARENAS, TIMES_OF_DAY } from '../../catalog/index.ts';
import { UI_LANGUAGES } from '../../web/languages.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkbox,
  Checkboxes,
  Field,
  fieldId,
  FormPage,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import { translator } from '../../web/i18n.ts';
import { isUiLanguage, LANGUAGE_NAMES } from '../../web/languages.ts';
import type { LocalizedText } from '../instrument.ts';
import { Bilingual } from './bilingual.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { dateText, weekdayName } from '../../web/present.ts';
import { CONVERSATION_RETENTION, type ConversationListRow } from '../conversation.store.ts';
import type { StartFormValues } from '../start-form.ts';
import type { InstrumentSet } from '../instruments/sets.ts';
import { citizenLabel, STAFF_LANGUAGES } from './present.ts';

export function ListPage({
  ctx,
  rows,
  teamName,
}: {
  ctx: PageContext;
  rows: ConversationListRow[];
  teamName: string | null;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('conversation.list.title')} area="staff" languages={STAFF_LANGUAGES}>
      <h1>{t('conversation.list.title')}</h1>
      <p class="font-lead">
        {teamName
          ? t('conversation.list.lead', { team: teamName })
          : t('conversation.list.leadAdmin')}
      </p>
      {teamName && (
        <p>
          <a class="button button-primary" href="/personale/samtaler/ny">
            {t('conversation.list.new')}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('conversation.list.none')}</p>
      ) : (
        <div
          class="lighed-table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('conversation.list.title')}
        >
          <table class="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t('conversation.list.citizen')}</th>
                <th scope="col">{t('conversation.list.status')}</th>
                <th scope="col">{t('conversation.list.worker')}</th>
                <th scope="col">{t('conversation.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/personale/samtaler/${r.id}`}>{citizenLabel(r, t)}</a>
                  </td>
                  <td>{t(`conversation.status.${r.status}`, { step: r.step, steps: r.steps })}</td>
                  <td>{r.worker_name ?? ''}</td>
                  <td>{dateText(r.updated_at, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function StartPage({
  ctx,
  values,
  sets,
  problems,
}: {
  ctx: PageContext;
  values: StartFormValues;
  /** The instrument sets the worker may start; a choice only when there is more than one. */
  sets: readonly InstrumentSet[];
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const citizenLang = isUiLanguage(values.language) ? values.language : 'da';
  // Consent in Danish, read aloud by the worker, and beside it in the citizen's language.
  const both = (key: string, v?: Record<string, number>) =>
    ({
      da: translator('da')(key, v),
      [citizenLang]: translator(citizenLang)(key, v),
    }) as LocalizedText;
  const modeProblem = problems.find((p) => p.path === 'mode');
  const modeId = fieldId('mode');
  return (
    <FormPage
      ctx={ctx}
      title={t('conversation.start.title')}
      back={{ href: '/personale/samtaler', label: t('conversation.list.title') }}
      problems={problems}
      action="/personale/samtaler"
      area="staff"
      languages={STAFF_LANGUAGES}
      lead={
        // A plain GET form, so the consent text changes language without JavaScript.
        <form method="get" action="/personale/samtaler/ny" class="lighed-language-form">
          <Select
            name="sprog"
            label={t('conversation.start.consentLanguage')}
            value={citizenLang}
            options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            problems={[]}
            t={t}
          />
          <button type="submit" class="button button-secondary">
            {t('conversation.start.consentLanguageSubmit')}
          </button>
        </form>
      }
    >
      <SetChoice sets={sets} value={values.set} problems={problems} ctx={ctx} />
      <Field id={modeId} label={t('conversation.start.mode')} problem={modeProblem} t={t} fieldset>
        <ul class="nobullet-list" id={modeId}>
          {(['named', 'anonymous'] as const).map((m) => (
            <li class="form-group-radio">
              <input
                class="form-radio radio-large"
                type="radio"
                id={`${modeId}-${m}`}
                name="mode"
                value={m}
                checked={values.mode === m}
                aria-describedby={`${modeId}-${m}-hint`}
              />
              <label for={`${modeId}-${m}`}>{t(`conversation.start.mode.${m}`)}</label>
              <span class="form-hint" id={`${modeId}-${m}-hint`}>
                {t(`conversation.start.mode.${m}.hint`, {
                  hours: CONVERSATION_RETENTION.anonymousHours,
                })}
              </span>
            </li>
          ))}
        </ul>
      </Field>
      <section class="lighed-consent" aria-labelledby="consent-heading">
        <h2 id="consent-heading" class="h3">
          <Bilingual text={both('consent.heading')} lang={citizenLang} />
        </h2>
        <p class="form-hint">{t('conversation.consent.readAloud')}</p>
        <ul>
          <li>
            <Bilingual text={both('consent.what')} lang={citizenLang} />
          </li>
          <li>
            <Bilingual text={both('consent.who')} lang={citizenLang} />
          </li>
          <li>
            <Bilingual
              text={both('consent.howLong', { days: CONVERSATION_RETENTION.namedDays })}
              lang={citizenLang}
            />
          </li>
          <li>
            <Bilingual text={both('consent.rights')} lang={citizenLang} />
          </li>
          <li>
            <Bilingual
              text={both('consent.anonymous', { hours: CONVERSATION_RETENTION.anonymousHours })}
              lang={citizenLang}
            />
          </li>
        </ul>
        <Checkbox
          name="consent"
          label={t('conversation.consent.yes')}
          checked={values.consent}
          problems={problems}
          t={t}
        />
      </section>
      <TextField
        name="citizen_name"
        label={t('conversation.start.name')}
        hint={t('conversation.start.nameHint')}
        value={values.citizen_name}
        autocomplete="off"
        problems={problems}
        t={t}
      />
      <TextField
        name="birth_year"
        label={t('conversation.start.birthYear')}
        hint={t('conversation.start.optional')}
        value={values.birth_year}
        inputmode="numeric"
        width="xs"
        autocomplete="off"
        problems={problems}
        t={t}
      />
      <Select
        name="sex"
        label={t('conversation.start.sex')}
        hint={t('conversation.start.sexHint')}
        value={values.sex}
        options={[
          { value: '', label: t('conversation.start.sexUnknown') },
          { value: 'female', label: t('conversation.start.female') },
          { value: 'male', label: t('conversation.start.male') },
        ]}
        problems={problems}
        t={t}
      />
      <TextField
        name="postcode"
        label={t('conversation.start.postcode')}
        hint={t('conversation.start.postcodeHint')}
        value={values.postcode}
        inputmode="numeric"
        width="xs"
        autocomplete="off"
        problems={problems}
        t={t}
      />
      <Select
        name="language"
        label={t('conversation.start.language')}
        hint={t('conversation.start.languageHint')}
        value={values.language}
        options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        problems={problems}
        t={t}
      />
      <Checkbox
        name="interpreter_needed"
        label={t('conversation.start.interpreter')}
        checked={values.interpreter_needed}
        problems={problems}
        t={t}
      />
      <Select
        name="arena"
        label={t('conversation.start.arena')}
        value={values.arena}
        options={ARENAS.map((a) => ({ value: a, label: t(`arena.${a}`) }))}
        problems={problems}
        t={t}
      />
      <Checkbox
        name="brings_children"
        label={t('conversation.start.children')}
        checked={values.brings_children}
        problems={problems}
        t={t}
      />
      <Checkboxes
        name="days"
        label={t('conversation.start.days')}
        hint={t('conversation.start.daysHint')}
        values={values.days}
        inline
        options={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d, ctx.lang) }))}
        problems={problems}
        t={t}
      />
      <Checkboxes
        name="times"
        label={t('conversation.start.times')}
        values={values.times}
        inline
        options={TIMES_OF_DAY.map((x) => ({ value: x, label: t(`finder.time.${x}`) }))}
        problems={problems}
        t={t}
      />
      <SubmitButton>{t('conversation.start.submit')}</SubmitButton>
    </FormPage>
  );
}

/** Which questions the conversation asks (e.g. the health visitor's first one in pregnancy). */
function SetChoice({
  sets,
  value,
  problems,
  ctx,
}: {
  sets: readonly InstrumentSet[];
  value: string;
  problems: FieldProblem[];
  ctx: PageContext;
}) {
  if (sets.length < 2) return null;
  const { t } = ctx;
  const id = fieldId('set');
  const words = (x: InstrumentSet['title']) => (ctx.lang === 'da' ? x.da : x.en);
  return (
    <Field
      id={id}
      label={t('conversation.start.set')}
      problem={problems.find((p) => p.path === 'set')}
      t={t}
      fieldset
    >
      <ul class="nobullet-list" id={id}>
        {sets.map((s) => (
          <li class="form-group-radio">
            <input
              class="form-radio radio-large"
              type="radio"
              id={`${id}-${s.id}`}
              name="set"
              value={s.id}
              checked={value === s.id}
              aria-describedby={`${id}-${s.id}-hint`}
            />
            <label for={`${id}-${s.id}`}>{words(s.title)}</label>
            <span class="form-hint" id={`${id}-${s.id}-hint`}>
              {words(s.purpose)}
            </span>
          </li>
        ))}
      </ul>
    </Field>
  );
}
