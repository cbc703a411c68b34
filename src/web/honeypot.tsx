/**
 * Anti-automation on public forms without a CAPTCHA (decision 0010): a honeypot field that
 * people never see or reach by Tab, and the notice a refused form shows beside its button.
 * Screen reader users meet the field in browse mode, so its label tells them to leave it empty.
 */
import { fieldId, type Problems } from './form.tsx';
import type { Translate } from './i18n.ts';

/** A name no browser or password manager autofills. */
export const HONEYPOT_FIELD = 'lighed_hp';
/** The path of a problem with the whole form (too many sent, honeypot filled). */
export const FORM_RETRY = 'form-retry';

/** True when the honeypot came back with anything in it: a robot filled every field. */
export function honeypotFilled(body: unknown): boolean {
  const v = (body as Record<string, unknown> | undefined)?.[HONEYPOT_FIELD];
  return typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null;
}

/** Place just before the submit button: the hidden field, and the notice of a refusal. */
export function Honeypot({ problems, t }: { problems: Problems; t: Translate }) {
  const id = fieldId(HONEYPOT_FIELD);
  const retry = problems.find((p) => p.path === FORM_RETRY);
  return (
    <>
      <div class="sr-only">
        <label for={id}>{t('form.honeypot')}</label>
        <input
          type="text"
          id={id}
          name={HONEYPOT_FIELD}
          value=""
          autocomplete="off"
          tabIndex={-1}
        />
      </div>
      {retry && (
        <p class="form-error-message" id={fieldId(FORM_RETRY)}>
          <span class="sr-only">{t('form.errorPrefix')} </span>
          {t(retry.message)}
        </p>
      )}
    </>
  );
}
