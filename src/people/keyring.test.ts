import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { loadCprKeyring } from './keyring.ts';

const dir = mkdtempSync(join(tmpdir(), 'lighed-keyring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadCprKeyring', () => {
  it('outside production generates a keyring once in the data directory, private, and reuses it', () => {
    const config = loadConfig({ LIGHED_DATA_DIR: dir });
    const a = loadCprKeyring(config)!;
    const b = loadCprKeyring(config)!;
    expect(a.activeKeyId).toBe(b.activeKeyId);
    expect(a.keys.get(a.activeKeyId)!.equals(b.keys.get(b.activeKeyId)!)).toBe(true);
    expect(a.indexKey.equals(b.indexKey)).toBe(true);
    expect(statSync(join(dir, 'cpr-keys.json')).mode & 0o777).toBe(0o600);
  });

  it('in production uses only configured keys, and none when unset', () => {
    const prod = {
      NODE_ENV: 'production',
      LIGHED_COOKIE_SECRET: 'x'.repeat(40),
      LIGHED_DATA_DIR: dir,
    };
    expect(loadCprKeyring(loadConfig(prod))).toBeNull();
    const key = Buffer.alloc(32, 7).toString('base64');
    const ring = loadCprKeyring(
      loadConfig({ ...prod, LIGHED_CPR_KEYS: `p1:${key}`, LIGHED_CPR_INDEX_KEY: key }),
    )!;
    expect(ring.activeKeyId).toBe('p1');
  });
});
