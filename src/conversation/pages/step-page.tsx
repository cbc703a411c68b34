/**
 * One step of the conversation: one instrument, each question in Danish and beside it in the
 * citizen's language, so no interpreter is needed to read the form. Radio buttons and
 * checkboxes only (no JavaScript); "Vil ikke svare" is always an option.
 */
import type { UiLanguage } from '../../web/languages.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, FieldError, fieldId } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { translator } from '../../web/i18n.ts';
import {
  DECLINED,
  type Answer,
  type Answers,
  type Instrument,
  type Item,
  type LocalizedText,
} from '../instrument.ts';
import { fieldName } from '../flow.ts';
import { STAFF_LANGUAGES } from './present.ts';
import { Bilingual } from './bilingual.tsx';
import { ReachFieldset, type ReachAnswers } from '../../catalog/index.ts';

export interface StepPageProps {
  ctx: PageContext;
  conversationId: string;
  citizen: string;
  citizenLang: UiLanguage;
  step: number;
  steps: number;
  instrument: Instrument;
  items: readonly Item[];
  /** More questions follow once this step's answers are saved (skip logic). */
  more: boolean;
  answers: Answers;
  raw: Record<string, string>;
  problems: readonly FieldProblem[];
  /** The last step of an unfinished conversation: the anonymous reach questions and their values. */
  reach?: ReachAnswers | null;
}

const checkedCode = (a: Answer | undefined, code: string) =>
  a !== undefined &&
  (('code' in a && a.code === code) ||
    ('codes' in a && a.codes.includes(code)) ||
    ('declined' in a && code === DECLINED));

function ItemField({
  item,
  answer,
  raw,
  problems,
  lang,
  ctx,
}: {
  item: Item;
  answer: Answer | undefined;
  raw: Record<string, string>;
  problems: readonly FieldProblem[];
  lang: UiLanguage;
  ctx: PageContext;
}) {
  const { t } = ctx;
  const name = fieldName(item.id);
  const id = fieldId(name);
  const problem = problems.find((p) => p.path === name);
  const citizenT = translator(lang);
  const declined = {
    da: translator('da')('form.declined'),
    [lang]: citizenT('form.declined'),
  } as LocalizedText;
  const declinedBox = (type: 'radio' | 'checkbox') => (
    <li class={type === 'radio' ? 'form-group-radio' : 'form-group-checkbox'}>
      <input
        class={type === 'radio' ? 'form-radio radio-large' : 'form-checkbox checkbox-large'}
        type={type}
        id={`${id}-declined`}
        name={name}
        value={DECLINED}
        checked={checkedCode(answer, DECLINED)}
      />
      <label for={`${id}-declined`} class="lighed-declined">
        <Bilingual text={declined} lang={lang} />
      </label>
    </li>
  );
  const legend = (
    <legend class="form-label">
      <Bilingual text={item.text} lang={lang} />
    </legend>
  );
  if (item.kind === 'choice' || item.kind === 'multiChoice') {
    const type = item.kind === 'choice' ? 'radio' : 'checkbox';
    return (
      <div class={`form-group lighed-item${problem ? ' form-error' : ''}`}>
        <fieldset aria-describedby={problem ? `${id}-error` : undefined}>
          {legend}
          {item.kind === 'multiChoice' && (
            <span class="form-hint">{t('conversation.step.several')}</span>
          )}
          <FieldError problem={problem} id={id} t={t} />
          <ul
            class={`nobullet-list lighed-options${item.options.length > 6 && item.options.every((o) => /^\d+$/.test(o.code)) ? ' lighed-options--scale' : ''}`}
            id={id}
          >
            {item.options.map((o, i) => (
              <li class={type === 'radio' ? 'form-group-radio' : 'form-group-checkbox'}>
                <input
                  class={
                    type === 'radio' ? 'form-radio radio-large' : 'form-checkbox checkbox-large'
                  }
                  type={type}
                  id={`${id}-${i}`}
                  name={name}
                  value={o.code}
                  checked={checkedCode(answer, o.code)}
                />
                <label for={`${id}-${i}`}>
                  <Bilingual text={o.label} lang={lang} />
                </label>
              </li>
            ))}
            {declinedBox(type)}
          </ul>
        </fieldset>
      </div>
    );
  }
  const describedBy =
    [item.unit ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const value =
    raw[name] ??
    (answer && 'value' in answer
      ? String(answer.value).replace('.', ',')
      : answer && 'text' in answer
        ? answer.text
        : '');
  return (
    <div class={`form-group lighed-item${problem ? ' form-error' : ''}`}>
      <fieldset aria-describedby={problem ? `${id}-error` : undefined}>
        {legend}
        {item.unit && (
          <span class="form-hint" id={`${id}-hint`}>
            <Bilingual text={item.unit} lang={lang} />
          </span>
        )}
        <FieldError problem={problem} id={id} t={t} />
        <label class="sr-only" for={id}>
          {item.text.da}
        </label>
        {item.kind === 'number' ? (
          <input
            class="form-input input-width-xs"
            id={id}
            name={name}
            type="text"
            inputMode="decimal"
            value={value}
            aria-describedby={describedBy}
            aria-invalid={problem ? 'true' : undefined}
          />
        ) : (
          <textarea
            class="form-input"
            id={id}
            name={name}
            rows={3}
            aria-describedby={describedBy}
            aria-invalid={problem ? 'true' : undefined}
          >
            {value}
          </textarea>
        )}
        <ul class="nobullet-list">{declinedBox('checkbox')}</ul>
      </fieldset>
    </div>
  );
}

export function StepPage(p: StepPageProps) {
  const { ctx } = p;
  const { t } = ctx;
  const title = `${t('conversation.step.title', { step: p.step, steps: p.steps })}: ${p.instrument.title.da}`;
  const action = `/personale/samtaler/${p.conversationId}/trin/${p.step}`;
  return (
    <Layout
      ctx={ctx}
      title={p.problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <p class="lighed-step-meta">
        <a href={`/personale/samtaler/${p.conversationId}`}>
          {t('conversation.step.toProfile', { citizen: p.citizen })}
        </a>
      </p>
      <p class="lighed-step-count">
        {t('conversation.step.title', { step: p.step, steps: p.steps })}
      </p>
      <h1>
        <Bilingual text={p.instrument.title} lang={p.citizenLang} />
      </h1>
      <p class="form-hint">{t('conversation.step.never')}</p>
      <ErrorSummary problems={p.problems} t={t} />
      <form method="post" action={action} novalidate class="lighed-step-form">
        <CsrfField token={ctx.csrfToken} />
        {p.items.map((item) => (
          <ItemField
            item={item}
            answer={p.answers[item.id]}
            raw={p.raw}
            problems={p.problems}
            lang={p.citizenLang}
            ctx={ctx}
          />
        ))}
        {p.more && <p class="form-hint">{t('conversation.step.more')}</p>}
        {p.reach && <ReachFieldset t={t} values={p.reach} problems={p.problems} staff />}
        <div class="lighed-step-buttons">
          {/* The first button is the one Enter presses: "next". */}
          <button type="submit" name="go" value="next" class="button button-primary">
            {p.step === p.steps ? t('conversation.step.finish') : t('conversation.step.next')}
          </button>
          {p.step > 1 && (
            <button type="submit" name="go" value="back" class="button button-secondary">
              {t('conversation.step.back')}
            </button>
          )}
          <button type="submit" name="go" value="pause" class="button button-tertiary">
            {t('conversation.step.pause')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
