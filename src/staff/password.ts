import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from Node's own crypto: memory-hard, no native add-on to build. Parameters are
// stored with each hash (`scrypt$N$r$p$salt$key`), so they can be raised without breaking old
// hashes; a sign-in with an older hash stores a new one (staff.service.ts).

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's Password Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB, ~0.2-0.5 s a hash). */
export const SCRYPT_DEFAULT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
const KEYLEN = 32;

let current: Readonly<ScryptParams> = SCRYPT_DEFAULT;

/**
 * Tests only: a cheaper cost for new hashes and the rehash check, so suites that sign in
 * hundreds of times stay fast. Production never calls it.
 */
export function useScryptCostForTests(params: ScryptParams = SCRYPT_DEFAULT): void {
  current = Object.freeze({ ...params });
}

export const scryptParams = (): Readonly<ScryptParams> => current;

// scrypt needs 128 * N * r bytes; Node refuses anything over `maxmem` (32 MiB by default).
const maxmem = ({ N, r, p }: ScryptParams) => 128 * N * r + 128 * r * p + 1024 * 1024;

function scrypt(
  password: string,
  salt: Buffer,
  keylen: number,
  opts: ScryptOptions & ScryptParams,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(
      password.normalize('NFKC'),
      salt,
      keylen,
      { ...opts, maxmem: maxmem(opts) },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(
  password: string,
  params: ScryptParams = current,
): Promise<string> {
  const { N, r, p } = params;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, rr, pp, salt, key] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(rr), p: Number(pp) };
  // Refuse absurd stored costs rather than let a bad row exhaust memory.
  const sane =
    Number.isInteger(params.N) &&
    params.N >= 2 &&
    params.N <= 2 ** 20 &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  return sane
    ? { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') }
    : undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h || h.key.length === 0) return false;
  const actual = await scrypt(password, h.salt, h.key.length, h.params);
  return timingSafeEqual(h.key, actual);
}

/** True when the hash was made with other parameters than today's: store a new one. */
export function needsRehash(stored: string, params: ScryptParams = current): boolean {
  const h = parse(stored);
  return !h || h.params.N !== params.N || h.params.r !== params.r || h.params.p !== params.p;
}

/** A hash no password matches, at today's cost, so an unknown e-mail takes as long. */
export const dummyHash = (params: ScryptParams = current): string =>
  `scrypt$${params.N}$${params.r}$${params.p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`;
