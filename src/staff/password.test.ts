import { describe, expect, it, vi } from 'vitest';
import {
  SCRYPT_DEFAULT,
  dummyHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './password.ts';

describe('password hashing', () => {
  it('uses OWASP’s scrypt cost by default: N=2^17, r=8, p=1', async () => {
    expect(SCRYPT_DEFAULT).toEqual({ N: 131072, r: 8, p: 1 });
    // A fresh instance of the module, as production loads it (test files share a worker, and
    // test/support lowers the cost for the suites that sign in often).
    vi.resetModules();
    const fresh = await import('./password.ts');
    expect(fresh.scryptParams()).toEqual(SCRYPT_DEFAULT);
    const hash = await fresh.hashPassword('korrekt hest batteri');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await fresh.verifyPassword('korrekt hest batteri', hash)).toBe(true);
    expect(fresh.needsRehash(hash)).toBe(false);
  }, 60_000);

  it('still verifies a hash made with older parameters, and asks for a new one', async () => {
    const old = await hashPassword('gammel', { N: 2 ** 10, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('gammel', old)).toBe(true);
    expect(await verifyPassword('forkert', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses malformed and absurd stored hashes without trying them', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$3000$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', `scrypt$${2 ** 30}$8$1$AAAA$AAAA`)).toBe(false);
    expect(await verifyPassword('x', dummyHash({ N: 1024, r: 8, p: 1 }))).toBe(false);
  });
});
