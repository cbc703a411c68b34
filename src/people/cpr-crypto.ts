/**
 * CPR numbers at rest: AES-256-GCM under a named key (the key id is stored beside each
 * ciphertext, so keys rotate), bound to its row by the associated data, and a keyed
 * HMAC-SHA256 blind index under a separate key for lookups and the duplicate check. No I/O:
 * the keyring comes from configuration (keyring.ts).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { LighedError } from '../platform/errors.ts';

export interface CprKeyring {
  /** The key new ciphertexts use. */
  activeKeyId: string;
  /** Every key that may still be needed to decrypt: id → 32 bytes. */
  keys: ReadonlyMap<string, Buffer>;
  /** The blind index's HMAC key (at least 32 bytes). */
  indexKey: Buffer;
}

export interface SealedCpr {
  ciphertext: Buffer;
  keyId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_.-]{1,40}$/;

/** Binds a ciphertext to its row: moved to another citizen or municipality, it fails to open. */
const aad = (kommune: string, citizenId: string) =>
  Buffer.from(`lighed:cpr:v1:${kommune}:${citizenId}`, 'utf8');

export function encryptCpr(
  ring: CprKeyring,
  digits: string,
  where: { kommune: string; citizenId: string },
): SealedCpr {
  const key = ring.keys.get(ring.activeKeyId);
  if (!key) throw new LighedError('LIGHED_ERR_CONFIG', 'The active CPR key is not in the keyring');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(where.kommune, where.citizenId));
  const body = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]), keyId: ring.activeKeyId };
}

/** Opens a sealed CPR number; a missing key or a wrong one (or a moved ciphertext) throws. */
export function decryptCpr(
  ring: CprKeyring,
  sealed: SealedCpr,
  where: { kommune: string; citizenId: string },
): string {
  const key = ring.keys.get(sealed.keyId);
  if (!key)
    throw new LighedError('LIGHED_ERR_CONFIG', `CPR key "${sealed.keyId}" is not configured`);
  const c = sealed.ciphertext;
  if (c.length < IV_BYTES + TAG_BYTES)
    throw new LighedError('LIGHED_ERR_INTERNAL', 'CPR ciphertext is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, c.subarray(0, IV_BYTES));
  decipher.setAAD(aad(where.kommune, where.citizenId));
  decipher.setAuthTag(c.subarray(c.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(c.subarray(IV_BYTES, c.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // The message of the underlying error says nothing useful and nothing personal either.
    throw new LighedError(
      'LIGHED_ERR_INTERNAL',
      `CPR ciphertext does not open with key "${sealed.keyId}"`,
    );
  }
}

/**
 * The blind index: HMAC-SHA256 over the municipality and the ten digits, base64url. Stable for
 * one index key, and different per municipality, so two tenants' indexes cannot be joined.
 */
export function cprBlindIndex(ring: CprKeyring, kommune: string, digits: string): string {
  return createHmac('sha256', ring.indexKey).update(`${kommune}:${digits}`).digest('base64url');
}

function decodeKey(what: string, b64: string, min: number, max = min): Buffer {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length < min || key.length > max)
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      `${what} must be ${min === max ? min : `${min}–${max}`} bytes, base64-encoded (got ${key.length})`,
    );
  return key;
}

/**
 * The keyring from configuration: LIGHED_CPR_KEYS "id:base64,id:base64" (32-byte keys),
 * LIGHED_CPR_ACTIVE_KEY (which one encrypts; may be left out when there is only one) and
 * LIGHED_CPR_INDEX_KEY (base64, 32–64 bytes). Errors name the setting, never a key.
 */
export function parseKeyring(settings: {
  keys: string;
  activeKeyId?: string | undefined;
  indexKey: string | undefined;
}): CprKeyring {
  const keys = new Map<string, Buffer>();
  for (const item of settings.keys
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = item.indexOf(':');
    const id = at > 0 ? item.slice(0, at) : '';
    if (!KEY_ID.test(id))
      throw new LighedError(
        'LIGHED_ERR_CONFIG',
        'LIGHED_CPR_KEYS: each key must be "id:base64" with an id of letters, digits, . _ -',
      );
    if (keys.has(id))
      throw new LighedError('LIGHED_ERR_CONFIG', `LIGHED_CPR_KEYS: key id "${id}" appears twice`);
    keys.set(id, decodeKey(`LIGHED_CPR_KEYS key "${id}"`, item.slice(at + 1), 32));
  }
  if (keys.size === 0) throw new LighedError('LIGHED_ERR_CONFIG', 'LIGHED_CPR_KEYS has no keys');
  const activeKeyId = settings.activeKeyId ?? (keys.size === 1 ? [...keys.keys()][0]! : undefined);
  if (!activeKeyId)
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      'LIGHED_CPR_ACTIVE_KEY must name one of LIGHED_CPR_KEYS when there are several',
    );
  if (!keys.has(activeKeyId))
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      `LIGHED_CPR_ACTIVE_KEY "${activeKeyId}" is not in LIGHED_CPR_KEYS`,
    );
  if (!settings.indexKey)
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      'LIGHED_CPR_INDEX_KEY is required with LIGHED_CPR_KEYS',
    );
  return {
    activeKeyId,
    keys,
    indexKey: decodeKey('LIGHED_CPR_INDEX_KEY', settings.indexKey, 32, 64),
  };
}

/** A fresh random keyring (development data directories, tests). */
export function generateKeyring(
  keyId = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`,
): CprKeyring {
  return {
    activeKeyId: keyId,
    keys: new Map([[keyId, randomBytes(32)]]),
    indexKey: randomBytes(32),
  };
}
