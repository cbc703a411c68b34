import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cprBlindIndex,
  decryptCpr,
  encryptCpr,
  generateKeyring,
  parseKeyring,
} from './cpr-crypto.ts';

const where = { kommune: '0265', citizenId: '11111111-1111-4111-8111-111111111111' };
const b64 = (n = 32) => randomBytes(n).toString('base64');

describe('CPR encryption', () => {
  it('round-trips under the active key, with a fresh IV each time', () => {
    const ring = generateKeyring('k1');
    const a = encryptCpr(ring, '0101901234', where);
    const b = encryptCpr(ring, '0101901234', where);
    expect(a.keyId).toBe('k1');
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.ciphertext.includes(Buffer.from('0101901234'))).toBe(false);
    expect(decryptCpr(ring, a, where)).toBe('0101901234');
  });

  it('fails with a wrong key, a missing key, a changed byte or another row', () => {
    const ring = generateKeyring('k1');
    const sealed = encryptCpr(ring, '0101901234', where);
    const other = { ...generateKeyring('k1') };
    expect(() => decryptCpr(other, sealed, where)).toThrow(/does not open with key "k1"/);
    expect(() => decryptCpr(ring, { ...sealed, keyId: 'k9' }, where)).toThrow(
      /"k9" is not configured/,
    );
    const bent = Buffer.from(sealed.ciphertext);
    bent[14] = bent[14]! ^ 1;
    expect(() => decryptCpr(ring, { ...sealed, ciphertext: bent }, where)).toThrow();
    expect(() =>
      decryptCpr(ring, sealed, { ...where, citizenId: '22222222-2222-4222-8222-222222222222' }),
    ).toThrow();
    expect(() => decryptCpr(ring, sealed, { ...where, kommune: '0350' })).toThrow();
  });

  it('never puts the number in an error message', () => {
    const ring = generateKeyring('k1');
    const sealed = encryptCpr(ring, '0101901234', where);
    try {
      decryptCpr(generateKeyring('k1'), sealed, where);
    } catch (err) {
      expect(String((err as Error).message)).not.toMatch(/0101901234|010190/);
    }
  });

  it('keeps old keys readable after rotation to a new active key', () => {
    const k1 = b64();
    const k2 = b64();
    const idx = b64();
    const old = parseKeyring({ keys: `k1:${k1}`, indexKey: idx });
    const sealed = encryptCpr(old, '0101901234', where);
    const both = parseKeyring({ keys: `k1:${k1},k2:${k2}`, activeKeyId: 'k2', indexKey: idx });
    expect(decryptCpr(both, sealed, where)).toBe('0101901234');
    const again = encryptCpr(both, decryptCpr(both, sealed, where), where);
    expect(again.keyId).toBe('k2');
    const onlyNew = parseKeyring({ keys: `k2:${k2}`, indexKey: idx });
    expect(decryptCpr(onlyNew, again, where)).toBe('0101901234');
    expect(() => decryptCpr(onlyNew, sealed, where)).toThrow(/"k1" is not configured/);
  });
});

describe('the blind index', () => {
  it('is stable for one index key, and differs by key and municipality', () => {
    const idx = b64();
    const r1 = parseKeyring({ keys: `a:${b64()}`, indexKey: idx });
    const r2 = parseKeyring({ keys: `b:${b64()}`, indexKey: idx });
    expect(cprBlindIndex(r1, '0265', '0101901234')).toBe(cprBlindIndex(r2, '0265', '0101901234'));
    expect(cprBlindIndex(r1, '0265', '0101901234')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cprBlindIndex(r1, '0265', '0101901234')).not.toBe(
      cprBlindIndex(r1, '0350', '0101901234'),
    );
    expect(cprBlindIndex(r1, '0265', '0101901234')).not.toBe(
      cprBlindIndex(r1, '0265', '0101901235'),
    );
    const r3 = parseKeyring({ keys: `a:${b64()}`, indexKey: b64() });
    expect(cprBlindIndex(r3, '0265', '0101901234')).not.toBe(
      cprBlindIndex(r1, '0265', '0101901234'),
    );
  });
});

describe('parseKeyring', () => {
  it('names the setting that is wrong, never a key', () => {
    const key = b64();
    expect(() => parseKeyring({ keys: '', indexKey: b64() })).toThrow(
      /LIGHED_CPR_KEYS has no keys/,
    );
    expect(() => parseKeyring({ keys: `k1:${b64(16)}`, indexKey: b64() })).toThrow(
      /must be 32 bytes/,
    );
    expect(() => parseKeyring({ keys: `k1:${key},k2:${b64()}`, indexKey: b64() })).toThrow(
      /LIGHED_CPR_ACTIVE_KEY must name/,
    );
    expect(() => parseKeyring({ keys: `k1:${key}`, activeKeyId: 'k2', indexKey: b64() })).toThrow(
      /"k2" is not in/,
    );
    expect(() => parseKeyring({ keys: `k1:${key}`, indexKey: undefined })).toThrow(
      /INDEX_KEY is required/,
    );
    expect(() => parseKeyring({ keys: `k1:${key},k1:${key}`, indexKey: b64() })).toThrow(/twice/);
    try {
      parseKeyring({ keys: `k1:${b64(16)}`, indexKey: b64() });
    } catch (err) {
      expect((err as Error).message).not.toContain(key);
    }
  });
});
