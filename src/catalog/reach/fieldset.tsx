/**
 * The reach questions as one fieldset, in the page's language: three optional selects (nothing
 * chosen = not answered) with "vil ikke svare", and a hint that says what happens to the
 * answers. Used on the finder's sign-up form, the provider's enrolment and the conversation.
 */
import { Select, type Problems } from '../../web/form.tsx';
import type { Translate } from '../../web/i18n.ts';
import { PREFER_NOT, REACH_QUESTIONS, type ReachAnswers } from './questions.ts';

export function ReachFieldset(props: {
  t: Translate;
  values: ReachAnswers;
  problems: Problems;
  /** Staff enter the answers with the citizen: the hint speaks of "the citizen". */
  staff?: boolean;
}) {
  const { t } = props;
  return (
    <fieldset class="lighed-reach" aria-describedby="reach-hint">
      <legend class="h3">{t('reach.legend')}</legend>
      <p class="form-hint" id="reach-hint">
        {t(props.staff ? 'reach.staff.fieldsetHint' : 'reach.hint')}
      </p>
      {REACH_QUESTIONS.map((q) => (
        <Select
          name={q.field}
          label={t(`reach.${q.dimension}.label`)}
          value={props.values[q.dimension]}
          options={[
            { value: '', label: t('reach.unanswered') },
            ...q.codes.map((c) => ({ value: c, label: t(`reach.${q.dimension}.${c}`) })),
            { value: PREFER_NOT, label: t('reach.preferNot') },
          ]}
          problems={props.problems}
          t={t}
        />
      ))}
    </fieldset>
  );
}
