/**
 * OAuth 2.0 client credentials (RFC 6749 §2.3.1, §4.4, §5): the pure parts. Secrets and access
 * tokens are 256-bit random strings, so a fast hash is enough to keep a stolen table useless
 * (a slow hash protects guessable passwords; nobody guesses 2^256): only SHA-256 is stored
 * (docs/decisions/0015-fhir-api-and-oauth.md).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../platform/ids.ts';

/** Seconds an access token lives: short, so a leaked token is soon worthless. */
export const TOKEN_SECONDS = 900;

export const API_CLIENT_ROLES = ['referrer', 'provider'] as const;
export type ApiClientRole = (typeof API_CLIENT_ROLES)[number];

/** A fresh secret or token: 32 random bytes, base64url (43 characters). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (s: string): string =>
  createHash('sha256').update(s, 'utf8').digest('hex');

/** How a client secret is stored: the algorithm named, so it can change later. */
export const hashSecret = (secret: string): string => `sha256$${sha256Hex(secret)}`;

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, stored: string): boolean {
  const [alg, hex] = stored.split('$');
  if (alg !== 'sha256' || !hex || hex.length !== 64) return false;
  return timingSafeEqual(Buffer.from(sha256Hex(secret), 'hex'), Buffer.from(hex, 'hex'));
}

/** The stored key of an access token. */
export const tokenHash = (token: string): string => sha256Hex(token);

/** Only tokens and secrets we could have made (base64url, 43 characters) are looked up. */
export const looksLikeSecret = (s: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(s);

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/** An error response of the token endpoint (RFC 6749 §5.2). */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    /** The client tried HTTP Basic: a 401 then names the scheme (RFC 6749 §5.2). */
    readonly basic = false,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface ClientCredentials {
  clientId: string;
  secret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

/** `application/x-www-form-urlencoded` decoding, as §2.3.1 asks of Basic's user and password. */
function formDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The token request's client authentication: exactly one method, HTTP Basic (the client id and
 * secret form-encoded, §2.3.1) or client_id + client_secret in the body.
 */
export function readTokenRequest(
  authorization: string | undefined,
  body: unknown,
): { credentials: ClientCredentials; grantType: unknown } {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(form))
    if (Array.isArray(v))
      throw new OAuthError('invalid_request', `Parameter ${k} must not be repeated`);
  const bodyId = form.client_id;
  const bodySecret = form.client_secret;
  let credentials: ClientCredentials | undefined;
  const basic = authorization !== undefined && /^basic /i.test(authorization.trim());
  if (authorization !== undefined && !basic)
    throw new OAuthError('invalid_client', 'Use HTTP Basic client authentication', true);
  if (basic) {
    if (bodySecret !== undefined)
      throw new OAuthError(
        'invalid_request',
        'Use one client authentication method, not Basic and client_secret both',
      );
    const decoded = Buffer.from(authorization.trim().slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const id = colon > 0 ? formDecode(decoded.slice(0, colon)) : undefined;
    const secret = colon > 0 ? formDecode(decoded.slice(colon + 1)) : undefined;
    if (!id || !secret) throw new OAuthError('invalid_client', 'Malformed Basic credentials', true);
    if (typeof bodyId === 'string' && bodyId !== id)
      throw new OAuthError('invalid_request', 'client_id differs from the Basic credentials');
    credentials = { clientId: id, secret, method: 'client_secret_basic' };
  } else if (typeof bodyId === 'string' && typeof bodySecret === 'string') {
    credentials = { clientId: bodyId, secret: bodySecret, method: 'client_secret_post' };
  } else {
    throw new OAuthError('invalid_client', 'Client authentication is required', true);
  }
  return { credentials, grantType: form.grant_type };
}

/** After the client is authenticated: the grant must be client credentials (§4.4.2). */
export function checkGrantType(grant: unknown): void {
  if (typeof grant !== 'string' || grant === '')
    throw new OAuthError('invalid_request', 'grant_type is required');
  if (grant !== 'client_credentials')
    throw new OAuthError(
      'unsupported_grant_type',
      'Only grant_type=client_credentials is supported',
    );
}

/** A client id is our uuid, a secret one we made: anything else fails without a lookup. */
export const plausibleCredentials = (c: ClientCredentials): boolean =>
  isUuid(c.clientId) && looksLikeSecret(c.secret);

/** The successful token response (RFC 6749 §5.1). */
export const tokenResponse = (accessToken: string) => ({
  access_token: accessToken,
  token_type: 'Bearer' as const,
  expires_in: TOKEN_SECONDS,
});

/** The bearer token of an Authorization header (RFC 6750 §2.1), or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization ?? '');
  return m?.[1];
}
