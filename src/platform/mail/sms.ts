/**
 * SMS through GatewayAPI (gatewayapi.com, decision 0020): `POST /rest/mtsms` with JSON
 * `{ sender, message, recipients: [{ msisdn }], userref }` and the API token as the Basic user
 * (an empty password). The reply's `ids[0]` is the gateway's message id; its delivery reports
 * come back to POST /webhooks/sms/gatewayapi signed as an HS256 JWT in `X-Gwapi-Signature`.
 *
 * Without LIGHED_SMS_URL outside production each SMS is written as a .txt file in
 * `<data directory>/sms/` (like the .eml files of e-mail); in production SMS stay queued.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { isUuid } from '../ids.ts';
import { ChannelError } from './channels.ts';
import type { OutboxMessage } from './outbox.store.ts';

export interface SmsTransport {
  readonly kind: 'gateway' | 'files' | 'none';
  /** Sends one SMS; throws ChannelError. Returns the gateway's message id when it gives one. */
  send(m: OutboxMessage): Promise<{ providerRef?: string }>;
  close(): void;
}

/** Where GatewayAPI posts delivery reports (src/web/outbox.routes.tsx). */
export const SMS_WEBHOOK_PATH = '/webhooks/sms/gatewayapi';

/** Well inside the claim's lease (mail.ts LEASE_SECONDS). */
const TIMEOUT_MS = 30_000;

/** The msisdn GatewayAPI wants: the E.164 number's digits, without the plus. */
export function msisdnOf(e164: string): number {
  return Number(e164.replace(/^\+/, ''));
}

/**
 * What ties a delivery report back to our row: the municipality (the webhook is shared by all,
 * and each row is behind its municipality's row-level security) and the outbox id.
 */
export const userrefOf = (m: { kommune: string; id: string }) => `${m.kommune}:${m.id}`;

export function parseUserref(v: unknown): { kommune: string; id: string } | null {
  const m = typeof v === 'string' ? /^(\d{4}):([0-9a-f-]{36})$/i.exec(v) : null;
  return m && isUuid(m[2]) ? { kommune: m[1]!, id: m[2] } : null;
}

/**
 * A refused request is final when the gateway refuses the message itself (400 invalid
 * arguments such as a number that is not one, 413, 422 a body it cannot read): sending it again
 * changes nothing. 401/403 (the token, an IP allow-list), 404 (the URL), 408, 429 and 5xx are
 * our configuration or the gateway's trouble, so the message is tried again.
 */
export function classifySmsStatus(status: number, gatewayCode?: unknown): ChannelError {
  const permanent = status === 400 || status === 413 || status === 422;
  // GatewayAPI's own error code (e.g. "0x0203") is safe to keep; its message is not.
  const code =
    typeof gatewayCode === 'string' && /^0x[0-9a-f]{1,6}$/i.test(gatewayCode)
      ? ` ${gatewayCode}`
      : '';
  return new ChannelError(`SMS ${status}${code}`, permanent);
}

/** A request that got no answer: a timeout, a refused or reset connection. Tried again. */
export function classifySmsNetworkError(err: unknown): ChannelError {
  const e = err as { name?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return new ChannelError('ETIMEDOUT', false);
  const code = e?.cause?.code;
  return new ChannelError(
    typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'ECONNECTION',
    false,
  );
}

export function gatewayApiTransport(opts: {
  url: string;
  token: string;
  sender?: string | undefined;
}): SmsTransport {
  const auth = `Basic ${Buffer.from(`${opts.token}:`).toString('base64')}`;
  return {
    kind: 'gateway',
    async send(m) {
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({
            ...(opts.sender ? { sender: opts.sender } : {}),
            message: m.text,
            recipients: [{ msisdn: msisdnOf(m.to) }],
            userref: userrefOf(m),
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw classifySmsNetworkError(err);
      }
      const json = (await res.json().catch(() => null)) as {
        ids?: unknown;
        code?: unknown;
      } | null;
      if (!res.ok) throw classifySmsStatus(res.status, json?.code);
      const ids: unknown = json?.ids;
      const id: unknown = Array.isArray(ids) ? (ids as unknown[])[0] : undefined;
      return typeof id === 'number' || typeof id === 'string' ? { providerRef: String(id) } : {};
    },
    close: () => undefined,
  };
}

/** Each SMS as `<dir>/<created>-<id>.txt`, readable only by the server's user. */
export function fileSmsTransport(dir: string, sender = 'Lighed'): SmsTransport {
  return {
    kind: 'files',
    send(m) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const stamp = m.createdAt.toISOString().replace(/[:.]/g, '-');
      const text = `From: ${sender}\nTo: ${m.to}\nKind: ${m.kind}\nId: ${m.id}\n\n${m.text}\n`;
      writeFileSync(join(dir, `${stamp}-${m.id}.txt`), text, { mode: 0o600 });
      return Promise.resolve({});
    },
    close: () => undefined,
  };
}

export const noSmsTransport: SmsTransport = {
  kind: 'none',
  send: () => Promise.reject(new ChannelError('NO_TRANSPORT', false)),
  close: () => undefined,
};

export function smsTransportFor(
  config: Pick<Config, 'sms' | 'dataDir' | 'production'>,
): SmsTransport {
  const { url, token, sender } = config.sms;
  if (url && token) return gatewayApiTransport({ url, token, sender });
  if (config.production) return noSmsTransport;
  return fileSmsTransport(join(resolve(config.dataDir), 'sms'), sender);
}

// --- Delivery reports --------------------------------------------------------------------

const b64url = (b: Buffer) => b.toString('base64url');

/** An HS256 JWT over `payload` (tests and the local gateway stand-in sign with it). */
export function signJwtHs256(payload: object, secret: string): string {
  const head = b64url(Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })));
  const body = b64url(Buffer.from(JSON.stringify(payload)));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  return `${head}.${body}.${b64url(sig)}`;
}

/**
 * The payload of an HS256 JWT signed with `secret`, or null: a wrong signature, another
 * algorithm (never "none"), a malformed token, or an `exp` in the past.
 */
export function verifyJwtHs256(
  token: string,
  secret: string,
  now: Date = new Date(),
): Record<string, unknown> | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !secret) return null;
  const [head, body, sig] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as {
      alg?: unknown;
    };
    if (header.alg !== 'HS256') return null;
    const want = createHmac('sha256', secret).update(`${head}.${body}`).digest();
    const got = Buffer.from(sig, 'base64url');
    if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp === 'number' && exp * 1000 < now.getTime()) return null;
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** GatewayAPI's final states: the phone has it, or it never will. Others (ENROUTE…) wait. */
const DELIVERED = new Set(['DELIVERED']);
const UNDELIVERED = new Set(['UNDELIVERABLE', 'REJECTED', 'EXPIRED', 'DELETED', 'SKIPPED']);

export interface DeliveryReport {
  /** The gateway's message id. */
  providerRef: string;
  /** Our row, from the userref we sent. */
  ref: { kommune: string; id: string } | null;
  outcome: 'delivered' | 'failed' | null;
  /** e.g. "DLR UNDELIVERABLE 0x0203"; the gateway's error text is never kept. */
  code: string;
  at: Date;
}

/** A delivery status notification as GatewayAPI posts it (or as its JWT carries it). */
export function parseDeliveryReport(p: Record<string, unknown>, now: Date): DeliveryReport | null {
  const id = p.id;
  const status = typeof p.status === 'string' ? p.status.toUpperCase() : '';
  if ((typeof id !== 'number' && typeof id !== 'string') || !/^[A-Z_]{2,20}$/.test(status))
    return null;
  const time = typeof p.time === 'number' ? new Date(p.time * 1000) : now;
  const gwCode =
    typeof p.code === 'string' && /^0x[0-9a-f]{1,6}$/i.test(p.code) ? ` ${p.code}` : '';
  return {
    providerRef: String(id),
    ref: parseUserref(p.userref),
    outcome: DELIVERED.has(status) ? 'delivered' : UNDELIVERED.has(status) ? 'failed' : null,
    code: `DLR ${status}${gwCode}`,
    at: Number.isNaN(time.getTime()) ? now : time,
  };
}
