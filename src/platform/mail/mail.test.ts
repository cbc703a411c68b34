import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import {
  addressOf,
  checkMail,
  classifyFailure,
  MAX_ATTEMPTS,
  messageIdFor,
  retryDelaySeconds,
} from './mail.ts';

describe('mail rules', () => {
  it('backs off 1 min, 5 min, 15 min, 1 h … and stops after MAX_ATTEMPTS', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 300, 900, 3600]);
    expect(retryDelaySeconds(MAX_ATTEMPTS + 5)).toBe(retryDelaySeconds(MAX_ATTEMPTS - 1));
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('treats a 5xx for the recipient or message as final, anything else as passing', () => {
    expect(classifyFailure({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' })).toEqual({
      code: 'EENVELOPE 550',
      permanent: true,
    });
    expect(
      classifyFailure({ code: 'EMESSAGE', responseCode: 552, command: 'DATA' }).permanent,
    ).toBe(true);
    expect(
      classifyFailure({ code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' }).permanent,
    ).toBe(false);
    // The sign-in and a refused sender are our configuration: retried until the operator fixes it.
    expect(
      classifyFailure({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }).permanent,
    ).toBe(false);
    expect(
      classifyFailure({ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' }).permanent,
    ).toBe(false);
    expect(classifyFailure({ code: 'ECONNECTION' })).toEqual({
      code: 'ECONNECTION',
      permanent: false,
    });
  });

  it("never records the server's words, only a code", () => {
    const f = classifyFailure({ code: 'borger@example.dk rejected', message: 'borger@example.dk' });
    expect(f.code).toBe('ERROR');
    expect(classifyFailure(new Error('borger@example.dk')).code).toBe('ERROR');
  });

  it('makes the Message-ID from the row id at the sender domain', () => {
    expect(addressOf('Roskilde Kommune <noreply@roskilde.dk>')).toBe('noreply@roskilde.dk');
    expect(messageIdFor('abc', 'noreply@roskilde.dk')).toBe('<abc@roskilde.dk>');
  });

  it('checks a message and names the wrong fields', () => {
    const ok = {
      kommune: '0265',
      to: 'a@b.dk',
      subject: 'Æblegrød',
      text: 'x',
      kind: 'referral.note',
    };
    expect(checkMail(ok).subject).toBe('Æblegrød');
    expect(() => checkMail({ ...ok, subject: 'a\nb' })).toThrow(/subject/);
    expect(() => checkMail({ ...ok, to: 'x', kommune: '265' })).toThrow(/kommune, to|to, kommune/);
  });
});

describe('mail settings', () => {
  it('reads LIGHED_SMTP_URL and LIGHED_MAIL_FROM, and refuses other schemes', () => {
    const c = loadConfig({
      LIGHED_SMTP_URL: 'smtps://u:p@mail.example.dk:465',
      LIGHED_MAIL_FROM: 'Lighed <noreply@roskilde.dk>',
    });
    expect(c.smtpUrl).toBe('smtps://u:p@mail.example.dk:465');
    expect(c.mailFrom).toBe('Lighed <noreply@roskilde.dk>');
    expect(() => loadConfig({ LIGHED_SMTP_URL: 'http://mail.example.dk' })).toThrow(
      /LIGHED_SMTP_URL/,
    );
    expect(() => loadConfig({ LIGHED_MAIL_FROM: 'not an address' })).toThrow(/LIGHED_MAIL_FROM/);
    expect(loadConfig({}).smtpUrl).toBeUndefined();
  });

  it('requires a sender with an SMTP server in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        LIGHED_COOKIE_SECRET: 'x'.repeat(40),
        LIGHED_SMTP_URL: 'smtp://mail.example.dk',
      }),
    ).toThrow(/LIGHED_MAIL_FROM/);
  });
});
