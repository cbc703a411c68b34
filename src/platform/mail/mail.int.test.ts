/**
 * The outbox against a real SMTP conversation: an smtp-server in the test receives what the
 * sender sends (nodemailer over TCP), on both engines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eachEngine, freshDb } from '../../../test/support/db.ts';
import { inTenant, type Db } from '../../db/db.ts';
import { LighedError } from '../errors.ts';
import { enqueueMail, MAX_ATTEMPTS, outboxCounts, sendPending, transportFor } from './index.ts';
import { smtpTransport, fileTransport, noTransport } from './transport.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server; `reject` makes it refuse recipients with that code. */
async function smtp(opts: { reject?: number } = {}) {
  const received: Received[] = [];
  let reject = opts.reject;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (reject) {
        const e = new Error('Mailbox unavailable') as Error & { responseCode: number };
        e.responseCode = reject;
        return cb(e);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setReject: (code: number | undefined) => (reject = code),
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}

/** A header's value, unfolded, with RFC 2047 encoded words decoded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const FROM = 'Roskilde Kommune <noreply@roskilde.dk>';
const subject = 'Afslutning på forløbet: læs notatet i Lighed (æøå ÆØÅ)';

async function queue(db: Db, n = 1, to = 'borger@example.dk') {
  const ids: string[] = [];
  await inTenant(db, '0265', async (tx) => {
    for (let i = 0; i < n; i++)
      ids.push(
        (
          await enqueueMail(tx, {
            kommune: '0265',
            to,
            subject,
            text: `Log ind for at læse notatet: https://lighed.example/henvisning/${i}`,
            html: `<p>Log ind for at læse <a href="https://lighed.example/henvisning/${i}">notatet</a>.</p>`,
            kind: 'referral.closing-note',
          })
        ).id,
      );
  });
  return ids;
}

async function row(db: Db, id: string) {
  const [r] = await inTenant(db, '0265', (tx) =>
    tx.query<{ status: string; attempts: number; last_error: string | null; due: boolean }>(
      `select status, attempts, last_error, next_attempt_at <= now() as due from outbox where id = $1`,
      [id],
    ),
  );
  return r!;
}

const makeDue = (db: Db) =>
  inTenant(db, '0265', (tx) =>
    tx.query(
      `update outbox set next_attempt_at = now() - interval '1 second' where status = 'queued'`,
    ),
  );

eachEngine('mail outbox', (ctx) => {
  beforeAll(async () => {
    await ctx.db.execAsOwner(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde'), ('0350', 'Lejre') on conflict do nothing`,
    );
  });
  afterEach(async () => {
    await ctx.db.asOwner((tx) => tx.query('delete from outbox'));
  });

  it('sends a queued message over SMTP with a UTF-8 Danish subject, Message-ID and Date', async () => {
    const server = await smtp();
    const t = smtpTransport(server.url, FROM);
    try {
      const [id] = await queue(ctx.db);
      const before = Date.now();
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
      const m = server.received[0]!;
      expect(m.from).toBe('noreply@roskilde.dk');
      expect(m.to).toEqual(['borger@example.dk']);
      expect(header(m.raw, 'Subject')).toBe(subject);
      // Non-ASCII travels encoded (RFC 2047), not as raw 8-bit header bytes.
      expect(m.raw.split(/\r?\n\r?\n/)[0]).not.toMatch(/[æøå]/);
      expect(header(m.raw, 'Message-ID')).toBe(`<${id}@roskilde.dk>`);
      const date = Date.parse(header(m.raw, 'Date')!);
      expect(date).toBeGreaterThan(before - 2000);
      expect(date).toBeLessThan(Date.now() + 2000);
      expect(header(m.raw, 'From')).toBe(FROM);
      expect(header(m.raw, 'Auto-Submitted')).toBe('auto-generated');
      expect(m.raw).toMatch(/multipart\/alternative/);
      expect((await row(ctx.db, id!)).status).toBe('sent');
      // Sent once: a second run finds nothing due.
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
    } finally {
      t.close();
      await server.close();
    }
  });

  it('leaves a message queued when the server fails, and sends it on a later attempt', async () => {
    const server = await smtp({ reject: 451 });
    const t = smtpTransport(server.url, FROM);
    try {
      const [id] = await queue(ctx.db);
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let r = await row(ctx.db, id!);
      expect(r).toMatchObject({ status: 'queued', attempts: 1, due: false });
      // The code and SMTP status only, never the server's words (they may quote the address).
      expect(r.last_error).toBe('EENVELOPE 451');
      // Not due yet: nothing is tried.
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      server.setReject(undefined);
      await makeDue(ctx.db);
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      r = await row(ctx.db, id!);
      expect(r).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
      expect(server.received).toHaveLength(1);
    } finally {
      t.close();
      await server.close();
    }
  });

  it('retries when no server answers, and gives up after the last attempt', async () => {
    // A port nobody listens on: connection refused.
    const gone = await smtp();
    const url = gone.url;
    await gone.close();
    const t = smtpTransport(url, FROM);
    try {
      const [id] = await queue(ctx.db);
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        expect(await sendPending(ctx.db, t)).toEqual({ sent: 0, retrying: 1, failed: 0 });
        expect(await row(ctx.db, id!)).toMatchObject({ status: 'queued', attempts: i });
        await makeDue(ctx.db);
      }
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 0, retrying: 0, failed: 1 });
      const r = await row(ctx.db, id!);
      expect(r).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      expect(r.last_error).toMatch(/^ECONNECTION|^ESOCKET/);
    } finally {
      t.close();
    }
  });

  it('fails a message at once when the server refuses the recipient for good (5xx)', async () => {
    const server = await smtp({ reject: 550 });
    const t = smtpTransport(server.url, FROM);
    try {
      const [id] = await queue(ctx.db);
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 0, retrying: 0, failed: 1 });
      expect(await row(ctx.db, id!)).toMatchObject({
        status: 'failed',
        last_error: 'EENVELOPE 550',
      });
      expect(await outboxCounts(ctx.db)).toMatchObject({ queued: 0, failed: 1 });
    } finally {
      t.close();
      await server.close();
    }
  });

  it('refuses a malformed message, naming the field, and stores nothing', async () => {
    const bad = async (m: Record<string, unknown>) => {
      const err = await inTenant(ctx.db, '0265', (tx) =>
        enqueueMail(tx, {
          kommune: '0265',
          to: 'a@example.dk',
          subject: 'Hej',
          text: 'Tekst',
          kind: 'test',
          ...m,
        }),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LighedError);
      return (err as LighedError).problems.map((p) => p.path);
    };
    expect(await bad({ to: 'ikke en adresse' })).toEqual(['to']);
    expect(await bad({ subject: 'Hej\r\nBcc: x@example.dk' })).toEqual(['subject']);
    expect(await bad({ kind: 'Ikke Gyldig' })).toEqual(['kind']);
    expect((await outboxCounts(ctx.db)).queued).toBe(0);
  });

  it("keeps a municipality's messages to itself (row-level security)", async () => {
    const err = await inTenant(ctx.db, '0350', (tx) =>
      enqueueMail(tx, {
        kommune: '0265',
        to: 'a@example.dk',
        subject: 'x',
        text: 'y',
        kind: 'test',
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    await queue(ctx.db);
    const seen = await inTenant(ctx.db, '0350', (tx) => tx.query('select id from outbox'));
    expect(seen).toHaveLength(0);
  });

  it('writes .eml files without SMTP outside production, and keeps mail queued in production', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'lighed-mail-'));
    try {
      expect(
        transportFor({ smtpUrl: undefined, mailFrom: FROM, dataDir: dir, production: true }).kind,
      ).toBe('none');
      const [id] = await queue(ctx.db);
      expect(await sendPending(ctx.db, noTransport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect((await row(ctx.db, id!)).status).toBe('queued');
      const t = transportFor({
        smtpUrl: undefined,
        mailFrom: FROM,
        dataDir: dir,
        production: false,
      });
      expect(t.kind).toBe('files');
      expect(await sendPending(ctx.db, t)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const files = readdirSync(join(dir, 'mail'));
      expect(files).toHaveLength(1);
      const raw = readFileSync(join(dir, 'mail', files[0]!), 'utf8');
      expect(header(raw, 'Subject')).toBe(subject);
      expect(header(raw, 'Message-ID')).toBe(`<${id}@roskilde.dk>`);
      expect(fileTransport(dir, FROM).kind).toBe('files');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Two senders at once (two app servers, or the server and the CLI) send each message once.
// PostgreSQL only: embedded PGlite is one process with one connection.
describe.runIf(!!process.env.DATABASE_URL)('mail outbox: two senders [postgres]', () => {
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    a = await freshDb('postgres');
    await a.execAsOwner(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde') on conflict do nothing`,
    );
    // A second pool on the same database: another process's connections.
    const [{ current_database: name }] = (await a.query<{ current_database: string }>(
      'select current_database()',
    )) as [{ current_database: string }];
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    const { openPostgres } = await import('../../db/postgres.ts');
    b = openPostgres(u.toString(), 5);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('sends each of 40 messages exactly once', async () => {
    const server = await smtp();
    const ta = smtpTransport(server.url, FROM);
    const tb = smtpTransport(server.url, FROM);
    try {
      const ids = await queue(a, 40);
      const [ra, rb] = await Promise.all([sendPending(a, ta), sendPending(b, tb)]);
      expect(ra.sent + rb.sent).toBe(40);
      expect(server.received).toHaveLength(40);
      const got = server.received.map((m) => header(m.raw, 'Message-ID')).sort();
      expect(new Set(got).size).toBe(40);
      expect(got).toEqual(ids.map((id) => `<${id}@roskilde.dk>`).sort());
      expect(await outboxCounts(a)).toMatchObject({ queued: 0, sent: 40 });
    } finally {
      ta.close();
      tb.close();
      await server.close();
    }
  });
});
