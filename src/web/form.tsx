/**
 * The GOV.UK form pattern in DKFDS markup (CONVENTIONS.md §4): an error summary linking to
 * each field, the message again beside the field with a hidden "Fejl:" prefix, values kept.
 */
import type { ComponentChildren } from 'preact';
import { Layout, type PageContext } from './layout.tsx';
import type { FieldProblem } from '../platform/errors.ts';
import type { UiLanguage } from './languages.ts';
import type { Translate } from './i18n.ts';

export type Problems = readonly FieldProblem[];

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const problemFor = (problems: Problems, name: string) => problems.find((p) => p.path === name);

export function ErrorSummary({ problems, t }: { problems: Problems; t: Translate }) {
  if (problems.length === 0) return null;
  return (
    // The heading counts the problems ("Der er 2 fejl"), as the GOV.UK pattern does.
    <ErrorSummaryBox heading={t('form.errorCount', { count: problems.length })}>
      <ul class="nobullet-list">
        {problems.map((p) => (
          <li>
            <a href={`#${fieldId(p.path)}`}>{t(p.message)}</a>
          </li>
        ))}
      </ul>
    </ErrorSummaryBox>
  );
}

/** The error summary's box, for lists whose problems are already in the reader's words (file reports). */
export function ErrorSummaryBox({
  heading,
  children,
}: {
  heading: string;
  children: ComponentChildren;
}) {
  return (
    <div
      class="alert alert-error lighed-error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
    >
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-title">
          {heading}
        </h2>
        {children}
      </div>
    </div>
  );
}

interface FieldBase {
  name: string;
  label: string;
  hint?: string | undefined;
  problems: Problems;
  t: Translate;
}

export function FieldError({
  problem,
  id,
  t,
}: {
  problem: FieldProblem | undefined;
  id: string;
  t: Translate;
}) {
  if (!problem) return null;
  return (
    <span class="form-error-message" id={`${id}-error`}>
      <span class="sr-only">{t('form.errorPrefix')} </span>
      {t(problem.message)}
    </span>
  );
}

export function describedBy(id: string, hint: unknown, problem: FieldProblem | undefined) {
  const ids = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/**
 * The frame every field shares: the group (marked when in error), its label or legend, hint
 * and error message, then the control. The control itself sets `aria-describedby` with
 * `describedBy(id, hint, problem)`; in a fieldset the fieldset carries it.
 */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren | undefined;
  problem?: FieldProblem | undefined;
  t: Translate;
  /** A group of options: a fieldset with a legend instead of a label. */
  fieldset?: boolean;
  class?: string;
  children: ComponentChildren;
}) {
  const { id, problem } = props;
  const cls = `form-group${props.class ? ` ${props.class}` : ''}${problem ? ' form-error' : ''}`;
  const inner = (
    <>
      {props.hint && (
        <span class="form-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <FieldError problem={problem} id={id} t={props.t} />
      {props.children}
    </>
  );
  if (props.fieldset) {
    return (
      <div class={cls}>
        <fieldset aria-describedby={describedBy(id, props.hint, problem)}>
          <legend class="form-label">{props.label}</legend>
          {inner}
        </fieldset>
      </div>
    );
  }
  return (
    <div class={cls}>
      <label class="form-label" for={id}>
        {props.label}
      </label>
      {inner}
    </div>
  );
}

/** A file upload; `id` is also the field's name. */
export function FileField(props: {
  id: string;
  label: string;
  hint?: string;
  accept: string;
  required?: boolean;
  problem?: FieldProblem | undefined;
  t: Translate;
}) {
  const { id } = props;
  return (
    <Field id={id} label={props.label} hint={props.hint} problem={props.problem} t={props.t}>
      <input
        class="form-input"
        type="file"
        id={id}
        name={id}
        accept={props.accept}
        required={props.required}
        aria-describedby={describedBy(id, props.hint, props.problem)}
        aria-invalid={props.problem ? 'true' : undefined}
      />
    </Field>
  );
}

export function TextField(
  props: FieldBase & {
    value: string;
    type?: 'text' | 'email' | 'tel' | 'search' | 'password' | 'url' | 'number';
    autocomplete?: string;
    inputmode?: 'numeric' | 'text' | 'tel' | 'email';
    required?: boolean;
    width?: 'xs' | 's' | 'm' | 'l';
    multiline?: boolean;
  },
) {
  const id = fieldId(props.name);
  const problem = problemFor(props.problems, props.name);
  const cls = `form-input${props.width ? ` input-width-${props.width}` : ''}`;
  return (
    <Field id={id} label={props.label} hint={props.hint} problem={problem} t={props.t}>
      {props.multiline ? (
        <textarea
          class="form-input"
          id={id}
          name={props.name}
          rows={5}
          aria-describedby={describedBy(id, props.hint, problem)}
          aria-invalid={problem ? 'true' : undefined}
        >
          {props.value}
        </textarea>
      ) : (
        <input
          class={cls}
          id={id}
          name={props.name}
          // Preact types each input type separately; the union is safe here.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={(props.type ?? 'text') as 'text'}
          value={props.value}
          autocomplete={props.autocomplete}
          inputMode={props.inputmode}
          required={props.required}
          aria-describedby={describedBy(id, props.hint, problem)}
          aria-invalid={problem ? 'true' : undefined}
        />
      )}
    </Field>
  );
}

export function Select(
  props: FieldBase & { value: string; options: { value: string; label: string }[] },
) {
  const id = fieldId(props.name);
  const problem = problemFor(props.problems, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} problem={problem} t={props.t}>
      <select
        class="form-select"
        id={id}
        name={props.name}
        aria-describedby={describedBy(id, props.hint, problem)}
        aria-invalid={problem ? 'true' : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group of checkboxes (or one) in a fieldset with a legend. */
export function Checkboxes(
  props: FieldBase & {
    values: readonly string[];
    /** An option with its own `name` is its own parameter (e.g. `gratis=ja`). */
    options: { value: string; label: string; lang?: string; name?: string }[];
    inline?: boolean;
  },
) {
  const id = fieldId(props.name);
  const problem = problemFor(props.problems, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} problem={problem} t={props.t} fieldset>
      <ul class={`nobullet-list${props.inline ? ' lighed-inline-options' : ''}`} id={id}>
        {props.options.map((o, i) => (
          <li class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id={`${id}-${i}`}
              name={o.name ?? props.name}
              value={o.name ? 'ja' : o.value}
              checked={props.values.includes(o.value)}
            />
            <label for={`${id}-${i}`} lang={o.lang}>
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </Field>
  );
}

/** One yes/no checkbox. */
export function Checkbox(props: FieldBase & { checked: boolean; value?: string }) {
  const id = fieldId(props.name);
  const problem = problemFor(props.problems, props.name);
  return (
    <div class={`form-group${problem ? ' form-error' : ''}`}>
      <FieldError problem={problem} id={id} t={props.t} />
      <div class="form-group-checkbox">
        <input
          class="form-checkbox"
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'ja'}
          checked={props.checked}
          aria-describedby={describedBy(id, props.hint, problem)}
          aria-invalid={problem ? 'true' : undefined}
        />
        <label for={id}>{props.label}</label>
        {props.hint && (
          <span class="form-hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        )}
      </div>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A password input: never echoes a value back, and tells password managers what it is for. */
export function PasswordField(
  props: FieldBase & { autocomplete: 'current-password' | 'new-password' },
) {
  return <TextField {...props} value="" type="password" />;
}

export function SubmitButton({ children }: { children: ComponentChildren }) {
  return (
    <button type="submit" class="button button-primary lighed-submit">
      {children}
    </button>
  );
}

/**
 * A page that is one form: title (prefixed "Fejl:" when there are problems, so screen readers
 * hear it first), a back link, the error summary, and a CSRF-protected post form.
 */
export function FormPage(props: {
  ctx: PageContext;
  title: string;
  /** The h1, when it differs from the document title. */
  heading?: string;
  /** Shown under the heading, e.g. which offer the form is about. */
  lead?: ComponentChildren;
  /** A back link above the heading; a form reached from nowhere (sign-in) has none. */
  back?: { href: string; label: string };
  problems: Problems;
  action: string;
  area?: 'citizen' | 'staff';
  /** Languages the page is offered in; all by default. */
  languages?: readonly UiLanguage[];
  children: ComponentChildren;
}) {
  const { ctx, title, problems } = props;
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${ctx.t('form.errorTitlePrefix')} ${title}` : title}
      area={props.area ?? 'citizen'}
      {...(props.languages ? { languages: props.languages } : {})}
    >
      {props.back && (
        <p>
          <a href={props.back.href} class="lighed-back">
            {props.back.label}
          </a>
        </p>
      )}
      <h1>{props.heading ?? title}</h1>
      {props.lead}
      <ErrorSummary problems={problems} t={ctx.t} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.children}
      </form>
    </Layout>
  );
}
