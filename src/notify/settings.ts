/**
 * The two settings notify needs wherever a notice is written (a request, a job, a CLI command):
 * the public address links point to and the link secret. `sendNotice` keeps the contract's
 * signature (no settings argument), so the process configures them once: the reply routes do
 * when the app is built, and a process without the app calls `configureNotify` itself. Until
 * then they are read from the environment as the server would.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../platform/config.ts';
import { deriveLinkSecret } from './link.ts';

export interface NotifySettings {
  /** No trailing slash. */
  publicUrl: string;
  linkSecret: Buffer;
}

let current: NotifySettings | null = null;

/** From the configuration: LIGHED_LINK_SECRET, else derived from the cookie secret. */
export function settingsFrom(
  config: Pick<Config, 'publicUrl' | 'linkSecret'>,
  cookieSecret: string | undefined,
): NotifySettings {
  const linkSecret = config.linkSecret
    ? Buffer.from(config.linkSecret, 'utf8')
    : cookieSecret
      ? deriveLinkSecret(cookieSecret)
      : // Development without any secret: links work for this process's lifetime only, like
        // the server's own per-process cookie secret (src/cli.ts). Production requires one.
        randomBytes(32);
  return { publicUrl: config.publicUrl.replace(/\/$/, ''), linkSecret };
}

export function configureNotify(settings: NotifySettings): void {
  current = settings;
}

export function notifySettings(): NotifySettings {
  if (!current) {
    const config = loadConfig(process.env);
    current = settingsFrom(config, config.cookieSecret ?? dataDirCookieSecret(config));
  }
  return current;
}

/** The embedded server's cookie secret, kept in its data directory (src/cli.ts), if there is one. */
function dataDirCookieSecret(config: Config): string | undefined {
  if (config.databaseUrl) return undefined;
  try {
    return readFileSync(join(config.dataDir, 'cookie-secret'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
