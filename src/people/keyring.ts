/**
 * Which CPR keyring this process uses. The CLI sets it once at start from configuration
 * (`loadCprKeyring`); the services read it with `cprKeyring()`, so the domain surfaces that
 * other domains call (findOrCreateCitizen) need no key argument.
 *
 * - LIGHED_CPR_KEYS set: that keyring (production's only source).
 * - Not set, outside production: a keyring generated once and kept in the data directory
 *   (`cpr-keys.json`, mode 0600), like the cookie secret, so a development database stays
 *   readable across restarts. Never a key written in the source.
 * - Not set in production: none. Records without a CPR number work; a CPR number is refused.
 * - Never set (tests, a bare buildApp): a random keyring for this process only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from '../platform/config.ts';
import { LighedError } from '../platform/errors.ts';
import { generateKeyring, parseKeyring, type CprKeyring } from './cpr-crypto.ts';

let current: CprKeyring | null | undefined;

export function useCprKeyring(ring: CprKeyring | null): void {
  current = ring;
}

/** The keyring, or null when CPR numbers are not configured (production without keys). */
export function cprKeyring(): CprKeyring | null {
  if (current === undefined)
    current = process.env.NODE_ENV === 'production' ? null : generateKeyring('ephemeral');
  return current;
}

/** The keyring or an error naming the setting: for paths that must store or show a CPR number. */
export function requireCprKeyring(): CprKeyring {
  const ring = cprKeyring();
  if (!ring)
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      'CPR numbers need LIGHED_CPR_KEYS and LIGHED_CPR_INDEX_KEY (docs/operations.md)',
    );
  return ring;
}

const stored = z.object({
  active: z.string(),
  keys: z.record(z.string(), z.string()),
  index: z.string(),
});

/** The keyring configuration asks for (see the module comment); null in production without keys. */
export function loadCprKeyring(config: Config): CprKeyring | null {
  if (config.cpr.keys)
    return parseKeyring({
      keys: config.cpr.keys,
      activeKeyId: config.cpr.activeKeyId,
      indexKey: config.cpr.indexKey,
    });
  if (config.production) return null;
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cpr-keys.json');
  if (!existsSync(file)) {
    const ring = generateKeyring();
    const json = {
      active: ring.activeKeyId,
      keys: Object.fromEntries([...ring.keys].map(([id, k]) => [id, k.toString('base64')])),
      index: ring.indexKey.toString('base64'),
    };
    writeFileSync(file, JSON.stringify(json, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const parsed = stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new LighedError('LIGHED_ERR_CONFIG', `${file} is not a CPR keyring`);
  return parseKeyring({
    keys: Object.entries(parsed.data.keys)
      .map(([id, k]) => `${id}:${k}`)
      .join(','),
    activeKeyId: parsed.data.active,
    indexKey: parsed.data.index,
  });
}
