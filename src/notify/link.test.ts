import { describe, expect, it } from 'vitest';
import { checkToken, deriveLinkSecret, issueToken, linkExpiry, LINK_DAYS } from './link.ts';

const secret = Buffer.alloc(32, 7);
const now = new Date('2027-01-01T12:00:00Z');
const later = new Date('2027-01-20T12:00:00Z');

describe('reply link tokens', () => {
  it('round-trips: 75 URL-safe characters carrying the kommune and expiry', () => {
    const t = issueToken(secret, '0265', later);
    expect(t.token).toMatch(/^[A-Za-z0-9_-]{75}$/);
    expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
    const c = checkToken(secret, t.token, now);
    expect(c).toEqual({ ok: true, hash: t.hash, kommune: '0265', expiresAt: later });
  });

  it('is random: two links for the same thing differ', () => {
    const a = issueToken(secret, '0265', later);
    const b = issueToken(secret, '0265', later);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses a forged or altered token before any lookup', () => {
    const t = issueToken(secret, '0265', later);
    expect(checkToken(Buffer.alloc(32, 8), t.token, now)).toEqual({ ok: false, reason: 'invalid' });
    // Flip one character in each part: random, expiry, kommune, MAC.
    for (const i of [0, 44, 50, 70]) {
      const c = t.token[i] === 'A' ? 'B' : 'A';
      const altered = t.token.slice(0, i) + c + t.token.slice(i + 1);
      expect(checkToken(secret, altered, now).ok).toBe(false);
    }
    for (const bad of ['', 'x', t.token.slice(1), `${t.token}A`, 42, null, undefined, '../../etc'])
      expect(checkToken(secret, bad, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('cannot move a link to another municipality or extend it', () => {
    const t = issueToken(secret, '0265', later);
    const bytes = Buffer.from(t.token, 'base64url');
    bytes.write('0350', 36, 'ascii');
    expect(checkToken(secret, bytes.toString('base64url'), now).ok).toBe(false);
    const longer = Buffer.from(t.token, 'base64url');
    longer.writeUInt32BE(longer.readUInt32BE(32) + 86_400, 32);
    expect(checkToken(secret, longer.toString('base64url'), now).ok).toBe(false);
  });

  it('says expired (with kommune and hash, for the number to call) once past its expiry', () => {
    const t = issueToken(secret, '0265', later);
    expect(checkToken(secret, t.token, later)).toEqual({
      ok: false,
      reason: 'expired',
      kommune: '0265',
      hash: t.hash,
    });
  });

  it('expires a day after the appointment, else after 30 days, never within the hour', () => {
    const at = new Date('2027-01-07T09:00:00Z');
    expect(linkExpiry(now, at)).toEqual(new Date('2027-01-08T09:00:00Z'));
    expect(linkExpiry(now)).toEqual(new Date(now.getTime() + LINK_DAYS * 86_400_000));
    expect(linkExpiry(now, new Date('2026-01-01T00:00:00Z'))).toEqual(
      new Date(now.getTime() + 3_600_000),
    );
  });

  it('derives a stable secret from the cookie secret, different from it', () => {
    const a = deriveLinkSecret('x'.repeat(40));
    expect(a.equals(deriveLinkSecret('x'.repeat(40)))).toBe(true);
    expect(a.equals(deriveLinkSecret('y'.repeat(40)))).toBe(false);
    expect(a.toString('utf8')).not.toContain('xxxx');
  });
});
