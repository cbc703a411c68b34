/**
 * Where outgoing mail goes (decision 0012):
 * - `smtp`: LIGHED_SMTP_URL, over nodemailer (STARTTLS when the server offers it on smtp://,
 *   TLS from the start on smtps://), one connection per run, bounded timeouts;
 * - `files`: no SMTP server configured outside production (npm start, the demo): each message
 *   is written as an .eml file in `<data directory>/mail/`, where a developer opens it in a
 *   mail program; the addresses stay where the database already keeps them;
 * - `none`: no SMTP server in production: messages stay queued (nothing is lost) until one is
 *   configured, and the server says how many wait.
 * The same MIME message is built for smtp and files, so the .eml is what would have been sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Config } from '../config.ts';
import { messageIdFor } from './mail.ts';
import type { OutboxMessage } from './outbox.store.ts';

export interface MailTransport {
  readonly kind: 'smtp' | 'files' | 'none';
  /** Sends one message; throws nodemailer's error (classifyFailure reads its code). */
  send(m: OutboxMessage): Promise<void>;
  close(): void;
}

const message = (from: string, m: OutboxMessage): SendMailOptions => ({
  from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  ...(m.html ? { html: m.html } : {}),
  messageId: messageIdFor(m.id, from),
  date: new Date(),
  headers: { 'Auto-Submitted': 'auto-generated' },
});

/** SMTP over nodemailer; `url` is smtp:// or smtps:// with optional user:password@. */
export function smtpTransport(url: string, from: string): MailTransport {
  const t = nodemailer.createTransport({
    url,
    // Well inside the claim's lease (mail.ts LEASE_SECONDS): a hung server ends the attempt.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // Never nodemailer's own logger: it would print addresses and bodies.
    logger: false,
    debug: false,
  });
  return {
    kind: 'smtp',
    async send(m) {
      await t.sendMail(message(from, m));
    },
    close: () => t.close(),
  };
}

/** Each message as `<dir>/<created>-<id>.eml`, readable only by the server's user. */
export function fileTransport(dir: string, from: string): MailTransport {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'files',
    async send(m) {
      const info = (await t.sendMail(message(from, m))) as { message: Buffer };
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const stamp = m.createdAt.toISOString().replace(/[:.]/g, '-');
      writeFileSync(join(dir, `${stamp}-${m.id}.eml`), info.message, { mode: 0o600 });
    },
    close: () => t.close(),
  };
}

/** Mail that is never sent: the sender leaves every message queued. */
export const noTransport: MailTransport = {
  kind: 'none',
  send: () => Promise.reject(new Error('no mail transport')),
  close: () => undefined,
};

/** The transport the configuration asks for. */
export function transportFor(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir' | 'production'>,
): MailTransport {
  if (config.smtpUrl) return smtpTransport(config.smtpUrl, config.mailFrom);
  if (config.production) return noTransport;
  return fileTransport(join(resolve(config.dataDir), 'mail'), config.mailFrom);
}
