/**
 * The reply link's token (decision 0021), pure. A link is `/svar/<token>`, the token 75
 * characters of base64url over 56 bytes:
 *
 *   32 random bytes | expiry (seconds since 1970, 4 bytes) | kommune (4 ASCII digits) | MAC (16)
 *
 * The MAC is HMAC-SHA-256 with the server's link secret over the first 40 bytes, cut to 128
 * bits: a forged, altered or expired link is refused here, before the database is asked. The
 * database keeps only the SHA-256 of the random part, which makes the link single use and
 * lets it be revoked. The kommune rides along (a public code, nothing about the citizen) so a
 * link works whichever host name LIGHED_PUBLIC_URL uses.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const RANDOM = 32;
const BODY = RANDOM + 4 + 4;
const MAC = 16;
const TOKEN = /^[A-Za-z0-9_-]{75}$/;
const DOMAIN = 'lighed reply link v1';

/** Days a link without an appointment works. */
export const LINK_DAYS = 30;

export interface IssuedToken {
  /** Goes into the message, never stored. */
  token: string;
  /** Stored: SHA-256 (hex) of the random part. */
  hash: string;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; hash: string; kommune: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'expired'; kommune?: string; hash?: string };

const mac = (secret: Uint8Array, body: Buffer) =>
  createHmac('sha256', secret).update(DOMAIN).update(body).digest().subarray(0, MAC);

const hashOf = (random: Buffer) => createHash('sha256').update(random).digest('hex');

/**
 * When a link made at `now` stops working: a day after the appointment (a citizen who missed
 * it can still ask for a new time), else after LINK_DAYS; never sooner than an hour from now.
 */
export function linkExpiry(now: Date, startsAt?: Date): Date {
  const soonest = now.getTime() + 3_600_000;
  const at = startsAt ? startsAt.getTime() + 86_400_000 : now.getTime() + LINK_DAYS * 86_400_000;
  return new Date(Math.max(at, soonest));
}

export function issueToken(
  secret: Uint8Array,
  kommune: string,
  expiresAt: Date,
  random: Buffer = randomBytes(RANDOM),
): IssuedToken {
  if (!/^\d{4}$/.test(kommune)) throw new Error('kommune must be 4 digits');
  const body = Buffer.alloc(BODY);
  random.copy(body, 0, 0, RANDOM);
  // Whole seconds, rounded down: the stored expiry and the signed one are the same instant.
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  body.writeUInt32BE(seconds, RANDOM);
  body.write(kommune, RANDOM + 4, 'ascii');
  const token = Buffer.concat([body, mac(secret, body)]).toString('base64url');
  return { token, hash: hashOf(body.subarray(0, RANDOM)), expiresAt: new Date(seconds * 1000) };
}

/** Checks a token as it came in the URL; no I/O. */
export function checkToken(secret: Uint8Array, raw: unknown, now: Date): TokenCheck {
  if (typeof raw !== 'string' || !TOKEN.test(raw)) return { ok: false, reason: 'invalid' };
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== BODY + MAC) return { ok: false, reason: 'invalid' };
  const body = bytes.subarray(0, BODY);
  if (!timingSafeEqual(mac(secret, body), bytes.subarray(BODY)))
    return { ok: false, reason: 'invalid' };
  const kommune = body.toString('ascii', RANDOM + 4, BODY);
  const expiresAt = new Date(body.readUInt32BE(RANDOM) * 1000);
  const hash = hashOf(body.subarray(0, RANDOM));
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', kommune, hash };
  return { ok: true, hash, kommune, expiresAt };
}

/** The secret used when LIGHED_LINK_SECRET is unset: derived from the cookie secret. */
export function deriveLinkSecret(cookieSecret: string): Buffer {
  return createHmac('sha256', cookieSecret).update('lighed reply-link secret v1').digest();
}

export const replyPath = (token: string) => `/svar/${token}`;
