/**
 * Examples of every form component (CONVENTIONS.md §6): rendered by form.test.tsx, checked
 * with axe in a real browser through the dev-only gallery at /dev/komponenter.
 */
import type { VNode } from 'preact';
import type { Translate } from './i18n.ts';
import { Checkbox, Checkboxes, ErrorSummary, Select, TextField } from './form.tsx';

export function formExamples(t: Translate): { name: string; node: VNode }[] {
  const problem = [{ path: 'phone', message: 'signup.error.phone' }];
  const none = { problems: [], t };
  return [
    { name: 'ErrorSummary', node: <ErrorSummary problems={problem} t={t} /> },
    {
      name: 'TextField',
      node: (
        <TextField name="name" label={t('signup.name')} value="" autocomplete="name" {...none} />
      ),
    },
    {
      name: 'TextField with hint and error',
      node: (
        <TextField
          name="phone"
          label={t('signup.phone')}
          hint={t('signup.phoneHint')}
          value="1234"
          type="tel"
          problems={problem}
          t={t}
        />
      ),
    },
    {
      name: 'TextField multiline',
      node: <TextField name="message" label={t('signup.message')} value="" multiline {...none} />,
    },
    {
      name: 'Select',
      node: (
        <Select
          name="tid"
          label={t('finder.time')}
          value=""
          options={[
            { value: '', label: t('finder.anyTime') },
            { value: 'aften', label: t('finder.time.aften') },
          ]}
          {...none}
        />
      ),
    },
    {
      name: 'Checkboxes',
      node: (
        <Checkboxes
          name="emne"
          label={t('finder.topics')}
          values={['diet']}
          options={[
            { value: 'diet', label: t('topic.diet') },
            { value: 'sleep', label: t('topic.sleep') },
          ]}
          {...none}
        />
      ),
    },
    {
      name: 'Checkbox',
      node: (
        <Checkbox
          name="consent"
          label={t('signup.consent')}
          checked={false}
          problems={[{ path: 'consent', message: 'signup.error.consent' }]}
          t={t}
        />
      ),
    },
  ];
}
