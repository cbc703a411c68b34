import { isIP } from 'node:net';
import { z } from 'zod';
import { LighedError } from './errors.ts';

/**
 * Every setting Lighed reads, with its default and meaning, checked once at start-up.
 * docs/operations.md lists them for operators.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('localhost').describe('Interface to listen on (0.0.0.0 in containers)'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .describe('PostgreSQL server; without it Lighed uses embedded PGlite'),
  LIGHED_APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .describe(
      'PostgreSQL login for requests (role lighed_app, not the owner); default DATABASE_URL as lighed_app without password',
    ),
  LIGHED_DATA_DIR: z.string().default('./data').describe('PGlite data directory (embedded mode)'),
  LIGHED_KOMMUNE: z
    .string()
    .regex(/^\d{4}$/, 'must be a 4-digit kommunekode')
    .default('0265')
    .describe('Default municipality for hosts not mapped to a tenant'),
  LIGHED_COOKIE_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('Signs cookies; required in production, generated per data directory otherwise'),
  LIGHED_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .describe('Secure flag on cookies; default true when NODE_ENV=production'),
  LIGHED_TRUST_PROXY: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseTrustProxy(v) !== undefined, {
      message:
        'must be a hop count (1) or a comma-separated list of proxy addresses or CIDR ranges',
    })
    .describe(
      'Reverse proxies whose X-Forwarded-For is believed: a hop count or addresses/CIDRs; off by default',
    ),
  LIGHED_DEMO: z
    .enum(['auto', 'yes', 'no', 'true', 'false'])
    .default('auto')
    .describe(
      'Demo municipality on start: yes (also in production), no, or auto = when the database is empty, never in production (true/false = yes/no)',
    ),
  LIGHED_MONITOR_MIN_RESPONDENTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe('Equity monitor: no estimate is shown from fewer respondents than this'),
  LIGHED_MONITOR_MIN_COUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Equity monitor: no count (with or without the condition) below this is shown'),
  LIGHED_GEOCODER: z
    .enum(['none', 'dawa'])
    .default('none')
    .describe('Address geocoding for full addresses; postcodes always work offline'),
  LIGHED_DAWA_URL: z
    .string()
    .url()
    .default('https://api.dataforsyningen.dk')
    .describe('DAWA base URL'),
  LIGHED_ACCESSIBILITY_EMAIL: z
    .string()
    .email()
    .optional()
    .describe("Accessibility statement: where people write about the site's accessibility"),
  LIGHED_WAS_STATEMENT_URL: z
    .string()
    .url()
    .optional()
    .describe(
      "Accessibility statement: the municipality's statement in Digitaliseringsstyrelsen's WAS-Tool",
    ),
  LIGHED_CPR_KEYS: z
    .string()
    .optional()
    .describe(
      'CPR encryption keys "id:base64,id:base64" (32 bytes each, AES-256-GCM); unset outside production: a generated keyring in the data directory',
    ),
  LIGHED_CPR_ACTIVE_KEY: z
    .string()
    .optional()
    .describe(
      'The CPR key id new numbers are encrypted with (lighed keys rotate moves old rows to it)',
    ),
  LIGHED_CPR_INDEX_KEY: z
    .string()
    .optional()
    .describe('CPR blind index HMAC key, base64 (32-64 bytes), separate from the encryption keys'),
  LIGHED_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must start with smtp:// or smtps:// and name a host')
    .optional()
    .describe(
      'Mail server for outgoing mail (smtp://user:pass@host:587 uses STARTTLS when offered; smtps:// is TLS from the start); unset: mail is written as .eml files to the data directory (development) or stays queued (production)',
    ),
  LIGHED_MAIL_FROM: z
    .string()
    .regex(
      /^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'must be an address, optionally as "Name <address>"',
    )
    .optional()
    .describe(
      'Sender of outgoing mail, e.g. "Roskilde Kommune <noreply@roskilde.dk>"; required with LIGHED_SMTP_URL in production',
    ),
  LIGHED_SMS_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional()
    .describe(
      'SMS gateway (GatewayAPI), e.g. https://gatewayapi.com/rest/mtsms; unset: SMS are written as .txt files to the data directory (development) or stay queued (production)',
    ),
  LIGHED_SMS_TOKEN: z
    .string()
    .min(1)
    .optional()
    .describe('GatewayAPI API token; required with LIGHED_SMS_URL'),
  LIGHED_SMS_SENDER: z
    .string()
    .regex(/^([A-Za-z0-9 ]{1,11}|\d{1,15})$/, 'must be up to 11 letters and digits, or 15 digits')
    .optional()
    .describe('Sender shown on the SMS, e.g. "Roskilde" (up to 11 characters)'),
  LIGHED_SMS_WEBHOOK_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .describe(
      "GatewayAPI webhook's authentication token: delivery reports must carry a JWT signed with it; required for delivery reports in production",
    ),
  LIGHED_PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/]+\/?$/,
      'must be an http(s) address without a path, e.g. https://lighed.roskilde.dk',
    )
    .optional()
    .describe(
      'The public address links in messages point to (reply links); default http://localhost:PORT',
    ),
  LIGHED_LINK_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Signs the reply links in messages to citizens; unset: derived from the cookie secret (changing that then breaks links already sent)',
    ),
  LIGHED_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Env = z.infer<typeof schema>;

/**
 * LIGHED_TRUST_PROXY: a hop count, or proxies by address or CIDR range (proxy-addr's names
 * loopback, linklocal and uniquelocal too). Never "true": believing any X-Forwarded-For lets a
 * client choose its own address and so its own rate-limit budget. Undefined when invalid.
 */
export function parseTrustProxy(raw: string): false | number | string[] | undefined {
  const v = raw.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : undefined;
  const items = v.split(',').map((x) => x.trim());
  const ok = items.every((x) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(x)) return true;
    const [addr = '', bits, ...rest] = x.split('/');
    const family = isIP(addr);
    if (!family || rest.length) return false;
    if (bits === undefined) return true;
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  });
  return ok && items.length > 0 ? items : undefined;
}

/**
 * The setting as Fastify's `trustProxy`. A hop count becomes a function: Fastify 5.12 trusts
 * nothing for a bare number (it cannot check the nearest peer), so the count trusts the
 * nearest n hops, whoever they are; an address list is the safer choice (docs/operations.md).
 */
export function fastifyTrustProxy(
  setting: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The request pool's login (lighed_app); undefined: derived from databaseUrl. */
  appDatabaseUrl: string | undefined;
  dataDir: string;
  defaultKommune: string;
  cookieSecret: string | undefined;
  secureCookies: boolean;
  /** Fastify's trustProxy: false (the socket's address), a hop count, or proxy addresses. */
  trustProxy: false | number | string[];
  /** Whether to create the demo on start (src/demo/demo-setting.ts); true/false read as yes/no. */
  demo: 'auto' | 'yes' | 'no';
  geocoder: 'none' | 'dawa';
  monitorMinRespondents: number;
  monitorMinCount: number;
  dawaUrl: string;
  logLevel: Env['LIGHED_LOG_LEVEL'];
  /** The accessibility statement's contact address; unset: it names the citizen service. */
  accessibilityEmail: string | undefined;
  /** The statement as published in WAS-Tool, linked when set. */
  wasStatementUrl: string | undefined;
  /** CPR keyring settings (src/people/keyring.ts reads them); unset: see LIGHED_CPR_KEYS. */
  cpr: { keys: string | undefined; activeKeyId: string | undefined; indexKey: string | undefined };
  /** Outgoing mail's SMTP server (src/platform/mail/); undefined: not configured. */
  smtpUrl: string | undefined;
  /** The From of outgoing mail. */
  mailFrom: string;
  /** Where links in messages point (no trailing slash). */
  publicUrl: string;
  /** Signs reply links (src/notify/); undefined: derived from the cookie secret. */
  linkSecret: string | undefined;
  /** SMS through GatewayAPI (src/platform/mail/sms.ts); url undefined: not configured. */
  sms: {
    url: string | undefined;
    token: string | undefined;
    sender: string | undefined;
    webhookSecret: string | undefined;
  };
  production: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new LighedError('LIGHED_ERR_CONFIG', `Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.LIGHED_COOKIE_SECRET) {
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      'LIGHED_COOKIE_SECRET is required when NODE_ENV=production',
    );
  }
  if (production && e.LIGHED_SMTP_URL && !e.LIGHED_MAIL_FROM) {
    throw new LighedError(
      'LIGHED_ERR_CONFIG',
      'LIGHED_MAIL_FROM is required with LIGHED_SMTP_URL when NODE_ENV=production',
    );
  }
  if (e.LIGHED_SMS_URL && !e.LIGHED_SMS_TOKEN) {
    throw new LighedError('LIGHED_ERR_CONFIG', 'LIGHED_SMS_TOKEN is required with LIGHED_SMS_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.LIGHED_APP_DATABASE_URL,
    dataDir: e.LIGHED_DATA_DIR,
    defaultKommune: e.LIGHED_KOMMUNE,
    cookieSecret: e.LIGHED_COOKIE_SECRET,
    secureCookies: e.LIGHED_SECURE_COOKIES ? e.LIGHED_SECURE_COOKIES === 'true' : production,
    trustProxy: e.LIGHED_TRUST_PROXY ? (parseTrustProxy(e.LIGHED_TRUST_PROXY) ?? false) : false,
    demo: e.LIGHED_DEMO === 'true' ? 'yes' : e.LIGHED_DEMO === 'false' ? 'no' : e.LIGHED_DEMO,
    geocoder: e.LIGHED_GEOCODER,
    monitorMinRespondents: e.LIGHED_MONITOR_MIN_RESPONDENTS,
    monitorMinCount: e.LIGHED_MONITOR_MIN_COUNT,
    dawaUrl: e.LIGHED_DAWA_URL,
    logLevel: e.LIGHED_LOG_LEVEL,
    accessibilityEmail: e.LIGHED_ACCESSIBILITY_EMAIL,
    wasStatementUrl: e.LIGHED_WAS_STATEMENT_URL,
    cpr: {
      keys: e.LIGHED_CPR_KEYS,
      activeKeyId: e.LIGHED_CPR_ACTIVE_KEY,
      indexKey: e.LIGHED_CPR_INDEX_KEY,
    },
    smtpUrl: e.LIGHED_SMTP_URL,
    mailFrom: e.LIGHED_MAIL_FROM ?? 'Lighed <noreply@lighed.invalid>',
    publicUrl: (e.LIGHED_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    linkSecret: e.LIGHED_LINK_SECRET,
    sms: {
      url: e.LIGHED_SMS_URL,
      token: e.LIGHED_SMS_TOKEN,
      sender: e.LIGHED_SMS_SENDER,
      webhookSecret: e.LIGHED_SMS_WEBHOOK_SECRET,
    },
    production,
  };
}

/** Settings with their descriptions, for `lighed --help` and docs. */
export function describeSettings(): { key: string; description: string }[] {
  return Object.entries(schema.shape).map(([key, s]) => ({
    key,
    description: s.description ?? '',
  }));
}
