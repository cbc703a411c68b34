import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { LighedError } from '../errors.ts';
import { ChannelError, checkMessage, maskRecipient, SMS_MAX_LENGTH } from './channels.ts';
import {
  classifySmsNetworkError,
  classifySmsStatus,
  msisdnOf,
  parseDeliveryReport,
  parseUserref,
  signJwtHs256,
  userrefOf,
  verifyJwtHs256,
} from './sms.ts';

const CITIZEN = '6f1c1f0e-3b7a-4c2e-9a51-0d4b8e2f7a10';
const base = {
  kommune: '0265',
  channel: 'sms' as const,
  to: '+4512345678',
  kind: 'signup.reminder',
  subject: 'Påmindelse',
  text: 'Husk i morgen kl. 10 hos Sundhedscenter Roskilde.',
};

const fields = (m: unknown) => {
  try {
    checkMessage(m);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(LighedError);
    return [...new Set((e as LighedError).problems.map((p) => p.path))];
  }
};

describe('messages on channels', () => {
  it('accepts an SMS to an E.164 number, e-mail to an address, a letter to a citizen id', () => {
    expect(checkMessage(base).to).toBe('+4512345678');
    expect(fields({ ...base, channel: 'email', to: 'a@b.dk' })).toEqual([]);
    expect(fields({ ...base, channel: 'digital_post', to: CITIZEN })).toEqual([]);
    expect(
      fields({ ...base, about: { type: 'signup', id: CITIZEN }, dedupeKey: 'x:1:2026-01-07' }),
    ).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(fields({ ...base, to: '12345678' })).toEqual(['to']);
    expect(fields({ ...base, to: '+45 12 34 56 78' })).toEqual(['to']);
    expect(fields({ ...base, to: '+0451234567' })).toEqual(['to']);
    expect(fields({ ...base, text: 'x'.repeat(SMS_MAX_LENGTH + 1) })).toEqual(['text']);
    expect(fields({ ...base, text: 'x'.repeat(SMS_MAX_LENGTH) })).toEqual([]);
    expect(fields({ ...base, html: '<p>x</p>' })).toEqual(['html']);
    expect(fields({ ...base, channel: 'email', to: '+4512345678' })).toEqual(['to']);
    expect(fields({ ...base, channel: 'digital_post', to: '0101011234' })).toEqual(['to']);
    expect(fields({ ...base, channel: 'fax' })).toEqual(['channel']);
    expect(fields({ ...base, about: { type: 'signup', id: 'nope' } })).toEqual(['about.id']);
    expect(fields({ ...base, about: { type: 'offer', id: CITIZEN } })).toEqual(['about.type']);
    expect(fields({ ...base, dedupeKey: 'has space' })).toEqual(['dedupeKey']);
    expect(fields({ ...base, subject: 'a\nb', kommune: '265' })).toEqual(['kommune', 'subject']);
  });

  it('never puts the value in the error message', () => {
    try {
      checkMessage({ ...base, to: '+45 1234 5678' });
    } catch (e) {
      expect((e as Error).message).not.toContain('1234');
    }
  });

  it('masks recipients for the admin', () => {
    expect(maskRecipient('email', 'borger.jensen@example.dk')).toBe('b•••@example.dk');
    expect(maskRecipient('sms', '+4512345678')).toBe('+45•••••78');
    expect(maskRecipient('digital_post', CITIZEN)).toBe('6f1c1f0e…');
    expect(maskRecipient('email', 'broken')).toBe('•••');
  });
});

describe('GatewayAPI', () => {
  it('sends the number without the plus, and ties reports back by municipality and id', () => {
    expect(msisdnOf('+4512345678')).toBe(4512345678);
    const ref = userrefOf({ kommune: '0265', id: CITIZEN });
    expect(ref).toBe(`0265:${CITIZEN}`);
    expect(parseUserref(ref)).toEqual({ kommune: '0265', id: CITIZEN });
    expect(parseUserref('0265:not-a-uuid-but-thirty-six-chars-xx')).toBeNull();
    expect(parseUserref(null)).toBeNull();
  });

  it('fails for good when the gateway refuses the message, retries otherwise', () => {
    const c = (s: number, code?: string) => {
      const e = classifySmsStatus(s, code);
      return [e.code, e.permanent];
    };
    expect(c(400, '0x0203')).toEqual(['SMS 400 0x0203', true]);
    expect(c(422)).toEqual(['SMS 422', true]);
    expect(c(401)).toEqual(['SMS 401', false]);
    expect(c(403)).toEqual(['SMS 403', false]);
    expect(c(429)).toEqual(['SMS 429', false]);
    expect(c(500)).toEqual(['SMS 500', false]);
    expect(c(503)).toEqual(['SMS 503', false]);
    // The gateway's words are never kept, only a code of its shape.
    expect(c(400, 'Invalid msisdn 4512345678')).toEqual(['SMS 400', true]);
  });

  it('retries a request that got no answer', () => {
    expect(classifySmsNetworkError(new DOMException('t', 'TimeoutError'))).toMatchObject({
      code: 'ETIMEDOUT',
      permanent: false,
    });
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' },
    });
    expect(classifySmsNetworkError(refused).code).toBe('ECONNREFUSED');
    expect(classifySmsNetworkError(new Error('+4512345678'))).toBeInstanceOf(ChannelError);
    expect(classifySmsNetworkError(new Error('+4512345678')).code).toBe('ECONNECTION');
  });

  // The example token in GatewayAPI's documentation, signed with the webhook secret "secret".
  const DOCS_TOKEN =
    'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6MjM4MTcwMywibXNpc2RuIjo0NTQyNjA5MDQ1LCJ0aW1lIjoxNTIyNzY0MDYyLCJzdGF0dXMiOiJERUxJVkVSRUQiLCJlcnJvciI6bnVsbCwiY29kZSI6bnVsbCwidXNlcnJlZiI6bnVsbCwiY2FsbGJhY2tfdXJsIjoiaHR0cDovL2JiYWY3MTQyLm5ncm9rLmlvIiwiYXBpIjo0fQ.KdfDH65bnQtgxEkFnpAQodOciAJedZFB13r9wEo8t3Y';

  it("verifies the documentation's known delivery-report JWT", () => {
    const claims = verifyJwtHs256(DOCS_TOKEN, 'secret');
    expect(claims).toMatchObject({ id: 2381703, status: 'DELIVERED', time: 1522764062 });
    expect(verifyJwtHs256(DOCS_TOKEN, 'Secret')).toBeNull();
    expect(verifyJwtHs256(DOCS_TOKEN, '')).toBeNull();
  });

  it('refuses a tampered, unsigned, expired or malformed token', () => {
    const [h, , s] = DOCS_TOKEN.split('.');
    const forged = Buffer.from(JSON.stringify({ id: 1, status: 'DELIVERED' })).toString(
      'base64url',
    );
    expect(verifyJwtHs256(`${h}.${forged}.${s}`, 'secret')).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyJwtHs256(`${none}.${forged}.`, 'secret')).toBeNull();
    const now = new Date('2026-01-07T10:00:00Z');
    const expired = signJwtHs256(
      { id: 1, status: 'DELIVERED', exp: now.getTime() / 1000 - 1 },
      'k',
    );
    expect(verifyJwtHs256(expired, 'k', now)).toBeNull();
    const fresh = signJwtHs256({ id: 1, status: 'DELIVERED', exp: now.getTime() / 1000 + 60 }, 'k');
    expect(verifyJwtHs256(fresh, 'k', now)).toMatchObject({ id: 1 });
    expect(verifyJwtHs256('a.b', 'k')).toBeNull();
    expect(verifyJwtHs256('###.###.###', 'k')).toBeNull();
  });

  it('reads a delivery report: delivered, failed for good, or still on its way', () => {
    const now = new Date('2026-01-07T10:00:00Z');
    const userref = `0265:${CITIZEN}`;
    expect(
      parseDeliveryReport({ id: 7, status: 'DELIVERED', time: 1767780000, userref }, now),
    ).toEqual({
      providerRef: '7',
      ref: { kommune: '0265', id: CITIZEN },
      outcome: 'delivered',
      code: 'DLR DELIVERED',
      at: new Date(1767780000 * 1000),
    });
    const failed = parseDeliveryReport(
      { id: 7, status: 'UNDELIVERABLE', code: '0x0203', error: 'bad number +4512345678' },
      now,
    );
    expect(failed).toMatchObject({
      outcome: 'failed',
      code: 'DLR UNDELIVERABLE 0x0203',
      ref: null,
      at: now,
    });
    expect(parseDeliveryReport({ id: 7, status: 'REJECTED' }, now)?.outcome).toBe('failed');
    expect(parseDeliveryReport({ id: 7, status: 'EXPIRED' }, now)?.outcome).toBe('failed');
    expect(parseDeliveryReport({ id: 7, status: 'ENROUTE' }, now)?.outcome).toBeNull();
    expect(parseDeliveryReport({ status: 'DELIVERED' }, now)).toBeNull();
    expect(parseDeliveryReport({ id: 7, status: 'DROP TABLE' }, now)).toBeNull();
  });
});

describe('SMS settings', () => {
  it('reads the gateway settings and refuses wrong ones', () => {
    const c = loadConfig({
      LIGHED_SMS_URL: 'https://gatewayapi.com/rest/mtsms',
      LIGHED_SMS_TOKEN: 'tok',
      LIGHED_SMS_SENDER: 'Roskilde',
      LIGHED_SMS_WEBHOOK_SECRET: 'w'.repeat(32),
    });
    expect(c.sms).toEqual({
      url: 'https://gatewayapi.com/rest/mtsms',
      token: 'tok',
      sender: 'Roskilde',
      webhookSecret: 'w'.repeat(32),
    });
    expect(loadConfig({}).sms.url).toBeUndefined();
    expect(() => loadConfig({ LIGHED_SMS_URL: 'https://gatewayapi.com/rest/mtsms' })).toThrow(
      /LIGHED_SMS_TOKEN/,
    );
    expect(() => loadConfig({ LIGHED_SMS_URL: 'ftp://x' })).toThrow(/LIGHED_SMS_URL/);
    expect(() => loadConfig({ LIGHED_SMS_SENDER: 'Roskilde Kommune' })).toThrow(
      /LIGHED_SMS_SENDER/,
    );
    expect(() => loadConfig({ LIGHED_SMS_WEBHOOK_SECRET: 'short' })).toThrow(
      /LIGHED_SMS_WEBHOOK_SECRET/,
    );
  });
});
