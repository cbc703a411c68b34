import { describe, expect, it } from 'vitest';
import {
  noticeLanguage,
  normalisePhone,
  readSignupForm,
  receiptCode,
  smsNumber,
  validateSignup,
} from './signup.ts';

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

describe('consent per channel for the confirmation and the reminder', () => {
  it('reads one ticked box or several, and drops unknown channels', () => {
    expect(readSignupForm({ ...valid, contact_channels: 'sms' }).contact_channels).toEqual(['sms']);
    expect(
      readSignupForm({ ...valid, contact_channels: ['email', 'fax', 'sms'] }).contact_channels,
    ).toEqual(['email', 'sms']);
    expect(readSignupForm(valid).contact_channels).toEqual([]);
  });

  it('nothing ticked is valid: nothing will be sent', () => {
    const { input, problems } = validateSignup(readSignupForm(valid));
    expect(problems).toEqual([]);
    expect(input?.contact_channels).toEqual([]);
  });

  it('a ticked channel without its address names the field it needs', () => {
    const email = validateSignup(readSignupForm({ ...valid, contact_channels: ['email'] }));
    expect(email.problems).toEqual([{ path: 'email', message: 'signup.channels.error.email' }]);
    const sms = validateSignup(
      readSignupForm({ ...valid, phone: '', email: 'a@b.dk', contact_channels: 'sms' }),
    );
    expect(sms.problems).toEqual([{ path: 'phone', message: 'signup.channels.error.sms' }]);
  });

  it('with no contact at all, the contact error stands and the e-mail box names the e-mail', () => {
    const { problems } = validateSignup(
      readSignupForm({ ...valid, phone: '', contact_channels: ['email', 'sms'] }),
    );
    expect(problems).toEqual([
      { path: 'phone', message: 'signup.error.contact' },
      { path: 'email', message: 'signup.channels.error.email' },
    ]);
  });

  it('keeps the ticked channels with their addresses', () => {
    const { input } = validateSignup(
      readSignupForm({ ...valid, email: 'a@b.dk', contact_channels: ['sms', 'email'] }),
    );
    expect(input?.contact_channels).toEqual(['email', 'sms']);
  });

  it('writes messages in the language the citizen would rather speak, if we have it', () => {
    expect(noticeLanguage('ar', 'da')).toBe('ar');
    expect(noticeLanguage('fa', 'en')).toBe('en');
    expect(smsNumber('12 34 56 78')).toBe('+4512345678');
    expect(smsNumber('')).toBeUndefined();
  });
});
