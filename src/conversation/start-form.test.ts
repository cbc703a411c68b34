import { describe, expect, it } from 'vitest';
import { readStartForm, validateStartForm } from './start-form.ts';

const now = new Date('2026-11-24T10:00:00Z');
const named = {
  mode: 'named',
  consent: 'ja',
  citizen_name: 'Amal Haddad',
  birth_year: '1979',
  sex: 'female',
  postcode: '4000',
  language: 'ar',
  interpreter_needed: 'ja',
  arena: 'job_centre',
  days: ['2', '4'],
  times: 'morgen',
};

describe('the start form', () => {
  it('a named conversation with consent gives the stored details', () => {
    const { input, problems } = validateStartForm(readStartForm(named), now);
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      anonymous: false,
      citizen_name: 'Amal Haddad',
      birth_year: 1979,
      sex: 'female',
      postcode: '4000',
      language: 'ar',
      interpreter_needed: true,
      availability: { days: [2, 4], times: ['morgen'] },
    });
  });

  it('consent comes first: a named conversation without it is refused, naming the field', () => {
    const { input, problems } = validateStartForm(
      readStartForm({ ...named, consent: undefined }),
      now,
    );
    expect(input).toBeNull();
    expect(problems).toEqual([{ path: 'consent', message: 'conversation.error.consent' }]);
  });

  it('an anonymous conversation stores no name or birth year, even if typed', () => {
    const { input } = validateStartForm(
      readStartForm({ ...named, mode: 'anonymous', consent: undefined }),
      now,
    );
    expect(input).toMatchObject({ anonymous: true, citizen_name: null, birth_year: null });
  });

  it('names each bad field', () => {
    const { problems } = validateStartForm(
      readStartForm({ mode: '', postcode: '40', language: 'xx', arena: 'moon', sex: 'x' }),
      now,
    );
    expect(problems.map((p) => p.path)).toEqual(['mode', 'sex', 'postcode', 'language', 'arena']);
    expect(
      validateStartForm(readStartForm({ ...named, birth_year: '2024' }), now).problems.map(
        (p) => p.path,
      ),
    ).toEqual(['birth_year']);
  });
});
