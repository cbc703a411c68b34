import { describe, expect, it } from 'vitest';
import { normalisePhone, readSignupForm, receiptCode, validateSignup } from './signup.ts';

const valid = { name: 'Amina', phone: '+45 12 34 56 78', preferred_language: 'ar', consent: 'ja' };

describe('sign-up rules', () => {
  it('accepts Danish phone numbers in the ways people write them', () => {
    expect(normalisePhone('12345678')).toBe('12345678');
    expect(normalisePhone('+45 12 34 56 78')).toBe('12345678');
    expect(normalisePhone('0045-1234-5678')).toBe('12345678');
    expect(normalisePhone('1234567')).toBeNull();
    expect(normalisePhone('+46 12345678')).toBeNull();
  });

  it('accepts a complete form and normalises the phone', () => {
    const { input, problems } = validateSignup(readSignupForm(valid));
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      name: 'Amina',
      phone: '12345678',
      preferred_language: 'ar',
      needs_interpreter: false,
    });
  });

  it('names every field that is wrong, with a message key', () => {
    const { input, problems } = validateSignup(
      readSignupForm({ name: 'A', phone: '12', email: 'nope', preferred_language: 'xx' }),
    );
    expect(input).toBeNull();
    expect(problems.map((p) => p.path)).toEqual([
      'name',
      'phone',
      'email',
      'preferred_language',
      'consent',
    ]);
  });

  it('needs a phone number or an e-mail', () => {
    const { problems } = validateSignup(readSignupForm({ ...valid, phone: '' }));
    expect(problems).toEqual([{ path: 'phone', message: 'signup.error.contact' }]);
  });

  it('makes receipt codes without look-alike characters', () => {
    for (let i = 0; i < 50; i++)
      expect(receiptCode()).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });
});
