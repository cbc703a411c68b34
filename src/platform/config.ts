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
  LIGHED_DEMO: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('Seed the demo municipality on start: auto = when the database is empty'),
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
  LIGHED_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  defaultKommune: string;
  cookieSecret: string | undefined;
  secureCookies: boolean;
  demo: 'auto' | 'true' | 'false';
  geocoder: 'none' | 'dawa';
  monitorMinRespondents: number;
  monitorMinCount: number;
  dawaUrl: string;
  logLevel: Env['LIGHED_LOG_LEVEL'];
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
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LIGHED_DATA_DIR,
    defaultKommune: e.LIGHED_KOMMUNE,
    cookieSecret: e.LIGHED_COOKIE_SECRET,
    secureCookies: e.LIGHED_SECURE_COOKIES ? e.LIGHED_SECURE_COOKIES === 'true' : production,
    demo: e.LIGHED_DEMO,
    geocoder: e.LIGHED_GEOCODER,
    monitorMinRespondents: e.LIGHED_MONITOR_MIN_RESPONDENTS,
    monitorMinCount: e.LIGHED_MONITOR_MIN_COUNT,
    dawaUrl: e.LIGHED_DAWA_URL,
    logLevel: e.LIGHED_LOG_LEVEL,
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
