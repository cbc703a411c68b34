import { describe, expect, it } from 'vitest';
import {
  CANCEL_LINK_DAYS,
  cancelPath,
  cancelState,
  hashCancelToken,
  newCancelToken,
  readCancelToken,
} from './signup-cancel.ts';

const now = new Date('2026-03-02T09:00:00Z');

describe('the cancel link on a receipt', () => {
  it('is a fresh 256-bit token each time, stored only as its SHA-256, expiring after the set days', () => {
    const a = newCancelToken(now);
    const b = newCancelToken(now);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashCancelToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    expect(a.expiresAt.getTime() - now.getTime()).toBe(CANCEL_LINK_DAYS * 86_400_000);
  });

  it('reads only a well-formed token from the link', () => {
    const { token } = newCancelToken(now);
    expect(readCancelToken(token)).toBe(token);
    expect(readCancelToken(` ${token} `)).toBe(token);
    expect(readCancelToken(token.slice(1))).toBeNull();
    expect(readCancelToken(`${token.slice(1)}=`)).toBeNull();
    expect(readCancelToken("' or 1=1 --")).toBeNull();
    expect(readCancelToken(['x'])).toBeNull();
    expect(readCancelToken(undefined)).toBeNull();
  });

  it('is valid until it expires, used once cancelled, unknown when forged', () => {
    const expires = new Date(now.getTime() + 1000);
    const row = { status: 'new', cancel_expires_at: expires, cancelled_at: null };
    expect(cancelState(row, now)).toBe('valid');
    // Expired: at and after the moment.
    expect(cancelState(row, expires)).toBe('expired');
    expect(cancelState(row, new Date(expires.getTime() + 1))).toBe('expired');
    // Reused: once cancelled it never works again, expired or not.
    expect(cancelState({ ...row, cancelled_at: now, status: 'cancelled' }, now)).toBe('used');
    expect(cancelState({ ...row, status: 'cancelled' }, now)).toBe('used');
    // Forged (no row has its hash) or a sign-up made before links existed.
    expect(cancelState(null, now)).toBe('unknown');
    expect(cancelState({ ...row, cancel_expires_at: null }, now)).toBe('unknown');
  });

  it('does not find a forged token: a token differing in one character hashes elsewhere', () => {
    const { token, hash } = newCancelToken(now);
    const forged = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expect(hashCancelToken(forged)).not.toBe(hash);
  });

  it('carries the token in the query string, never in the path the logs keep', () => {
    const { token } = newCancelToken(now);
    const path = cancelPath('3f1c', token);
    expect(path.split('?')[0]).toBe('/tilbud/3f1c/afmeld');
    expect(new URL(path, 'http://x').searchParams.get('noegle')).toBe(token);
  });
});
