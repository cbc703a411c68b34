import { describe, expect, it } from 'vitest';
import { channelProblems, citizenInputSchema, phoneE164 } from './citizen.ts';

const base = { name: 'Amal Haddad', preferredLanguage: 'ar' };
const phoneOk = (phone: string) => citizenInputSchema.safeParse({ ...base, phone }).success;

describe('a citizen record’s phone number', () => {
  it('takes a Danish number of 8 digits, with or without the country code', () => {
    for (const p of ['20 30 40 50', '20304050', '+45 20 30 40 50', '0045 20304050', ''])
      expect(phoneOk(p), p).toBe(true);
  });

  it('takes another country’s number with its code', () => {
    expect(phoneOk('+46 70 123 45 67')).toBe(true);
    expect(phoneOk('+90 (532) 123-4567')).toBe(true);
  });

  it('refuses what nobody can call, naming the field', () => {
    for (const p of ['1', '12', '2030405', '203040506', '+4', 'ring efter kl. 16']) {
      const r = citizenInputSchema.safeParse({ ...base, phone: p });
      expect(r.success, p).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ['phone'], message: 'people.error.phone' });
    }
  });
});

describe('contact channels', () => {
  it('an SMS number in E.164, or none', () => {
    expect(phoneE164('20 30 40 50')).toBe('+4520304050');
    expect(phoneE164('0045 20304050')).toBe('+4520304050');
    expect(phoneE164('+45 20-30-40-50')).toBe('+4520304050');
    expect(phoneE164('+46 70 123 45 67')).toBe('+46701234567');
    expect(phoneE164('')).toBeUndefined();
    expect(phoneE164('123')).toBeUndefined();
  });
  it('a channel needs its address', () => {
    expect(channelProblems(['email', 'sms'], { email: true, phone: true, cpr: false })).toEqual([]);
    expect(
      channelProblems(['digital_post', 'email'], { email: false, phone: true, cpr: false }).map(
        (p) => p.message,
      ),
    ).toEqual(['people.channels.error.email', 'people.channels.error.digital_post']);
  });
});
