/** Planners' pages for the citizens' suggestions (Danish and English): the list and one suggestion. */
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkbox,
  Checkboxes,
  FormPage,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import type { PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { STAFF_SUGGESTIONS_PATH, SUGGESTIONS_PATH } from '../paths.ts';
import type { SuggestionRecord } from '../voice.store.ts';
import {
  SUGGESTION_STATUSES,
  SUGGESTION_TAGS,
  tagLabelKey,
  type SuggestionEdit,
  type SuggestionStatus,
} from '../voice.ts';
import { monthText } from './citizen-pages.tsx';
import { STAFF_LANGUAGES, VoiceStaffPage } from './feedback-page.tsx';

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function SuggestionsStaffPage(props: {
  ctx: PageContext;
  suggestions: SuggestionRecord[];
  status: SuggestionStatus | '';
}) {
  const { ctx, suggestions, status } = props;
  const { t, lang } = ctx;
  const title = t('voice.staff.suggestions.title');
  return (
    <VoiceStaffPage ctx={ctx} title={title} current={STAFF_SUGGESTIONS_PATH}>
      <p>
        {t('voice.staff.suggestions.lead')}{' '}
        <a href={SUGGESTIONS_PATH}>{t('voice.staff.suggestions.publicList')}</a>
      </p>
      <form method="get" action={STAFF_SUGGESTIONS_PATH} class="lighed-overview-period" novalidate>
        <Select
          name="status"
          label={t('voice.staff.col.status')}
          value={status}
          options={[
            { value: '', label: t('voice.staff.suggestions.all') },
            ...SUGGESTION_STATUSES.map((s) => ({ value: s, label: t(`voice.status.${s}`) })),
          ]}
          problems={[]}
          t={t}
        />
        <SubmitButton>{t('voice.staff.show')}</SubmitButton>
      </form>
      {suggestions.length === 0 ? (
        <p>{t('voice.staff.suggestions.none')}</p>
      ) : (
        <DataTable
          caption={title}
          hiddenCaption
          columns={[
            t('voice.staff.col.received'),
            t('voice.staff.col.what'),
            t('voice.staff.col.place'),
            t('voice.staff.col.status'),
            t('voice.staff.col.tags'),
            t('voice.staff.col.published'),
          ]}
          rows={suggestions}
          cells={(s) => [
            monthText(s.received_month, lang),
            <a href={`${STAFF_SUGGESTIONS_PATH}/${s.id}`} dir="auto">
              {clip(s.what)}
            </a>,
            <span dir="auto">{s.place}</span>,
            t(`voice.status.${s.status}`),
            s.tags.map((tag) => t(tagLabelKey(tag))).join(', '),
            t(s.published ? 'voice.staff.yes' : 'voice.staff.no'),
          ]}
        />
      )}
    </VoiceStaffPage>
  );
}

export function SuggestionEditPage(props: {
  ctx: PageContext;
  suggestion: SuggestionRecord;
  form: SuggestionEdit;
  problems: readonly FieldProblem[];
  saved: boolean;
}) {
  const { ctx, suggestion: s, form, problems } = props;
  const { t, lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t('voice.staff.suggestion.title')}
      area="staff"
      languages={STAFF_LANGUAGES}
      back={{ href: STAFF_SUGGESTIONS_PATH, label: t('voice.staff.suggestion.back') }}
      lead={
        <>
          {props.saved && (
            <p class="alert alert-success lighed-note" role="status">
              {t('voice.staff.saved')}
            </p>
          )}
          <dl class="lighed-facts">
            <dt>{t('voice.staff.col.received')}</dt>
            <dd>{monthText(s.received_month, lang)}</dd>
            <dt>{t('voice.staff.col.what')}</dt>
            <dd dir="auto">{s.what}</dd>
            <dt>{t('voice.staff.col.place')}</dt>
            <dd dir="auto">{s.place || '–'}</dd>
            <dt>{t('voice.staff.col.forWhom')}</dt>
            <dd dir="auto">{s.for_whom || '–'}</dd>
          </dl>
        </>
      }
      problems={problems}
      action={`${STAFF_SUGGESTIONS_PATH}/${s.id}`}
    >
      <input type="hidden" name="version" value={String(form.version)} />
      <Select
        name="status"
        label={t('voice.staff.col.status')}
        value={form.status}
        options={SUGGESTION_STATUSES.map((x) => ({ value: x, label: t(`voice.status.${x}`) }))}
        problems={problems}
        t={t}
      />
      <Checkboxes
        name="tags"
        label={t('voice.staff.col.tags')}
        values={form.tags}
        inline
        options={SUGGESTION_TAGS.map((x) => ({ value: x, label: t(tagLabelKey(x)) }))}
        problems={problems}
        t={t}
      />
      <TextField
        name="answer"
        label={t('voice.staff.suggestion.answer')}
        hint={t('voice.staff.suggestion.answerHint')}
        value={form.answer}
        multiline
        problems={problems}
        t={t}
      />
      <Checkbox
        name="published"
        label={t('voice.staff.suggestion.publish')}
        hint={t('voice.staff.suggestion.publishHint')}
        checked={form.published}
        problems={problems}
        t={t}
      />
      <SubmitButton>{t('voice.staff.save')}</SubmitButton>
    </FormPage>
  );
}
