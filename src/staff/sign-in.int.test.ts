/**
 * Sign-in throttling (decision 0010): per account and per address, in the database so app
 * servers share it, with the client address trusted from X-Forwarded-For only as configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { seedFixture, TEST_PASSWORD } from '../../test/support/app.ts';
import { buildApp } from '../app.ts';
import { inTenant, type Db } from '../db/db.ts';
import { openPostgres } from '../db/postgres.ts';
import { fixedClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { hashPassword, SCRYPT_DEFAULT, useScryptCostForTests } from './password.ts';
import { createUser } from './staff.store.ts';

const start = new Date('2026-03-02T09:00:00Z');

async function makeApp(db: Db, clock = fixedClock(start), env: Record<string, string> = {}) {
  const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent', ...env });
  return buildApp({ db, config, cookieSecret: 'x'.repeat(40), logger: false, clock });
}

interface Try {
  email: string;
  password?: string;
  ip?: string;
  forwardedFor?: string;
}

/** One sign-in from a fresh browser at `ip` (the socket address), optionally with a header. */
async function attempt(app: FastifyInstance, t: Try) {
  const ip = t.ip ?? '127.0.0.1';
  const headers: Record<string, string> = t.forwardedFor
    ? { 'x-forwarded-for': t.forwardedFor }
    : {};
  const page = await app.inject({
    method: 'GET',
    url: '/personale/log-ind',
    remoteAddress: ip,
    headers,
  });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = (page.cookies as { name: string; value: string }[])
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const body = new URLSearchParams({
    _csrf: token,
    email: t.email,
    password: t.password ?? 'wrong password',
  });
  return app.inject({
    method: 'POST',
    url: '/personale/log-ind',
    remoteAddress: ip,
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

async function codes(app: FastifyInstance, tries: Try[]) {
  const out: number[] = [];
  for (const t of tries) out.push((await attempt(app, t)).statusCode);
  return out;
}

async function addUser(db: Db, email: string, hash?: string) {
  await inTenant(db, '0265', (tx) =>
    createUser(tx, {
      kommune: '0265',
      email,
      name: email.split('@')[0]!,
      role: 'planner',
      organization_id: null,
      password_hash: hash ?? null,
    }),
  );
}

eachEngine('sign-in throttling', (ctx) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let hash: string;
  beforeAll(async () => {
    await seedFixture(ctx.db);
    clock = fixedClock(start);
    app = await makeApp(ctx.db, clock);
    hash = await hashPassword(TEST_PASSWORD);
    for (const name of ['xff', 'spaces', 'fresh', 'expiry', 'shared', 'parallel', 'good'])
      await addUser(ctx.db, `${name}@test.dk`, hash);
  });
  afterAll(async () => {
    await app.close();
  });

  it('ignores X-Forwarded-For unless LIGHED_TRUST_PROXY is set: rotating it resets nothing', async () => {
    const tries = Array.from({ length: 8 }, (_, i) => ({
      email: 'xff@test.dk',
      ip: '10.9.0.1',
      forwardedFor: `203.0.113.${i + 1}`,
    }));
    expect(await codes(app, tries)).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);

    // The address budget too: 31 different accounts, each with a new header, one socket.
    const spray = Array.from({ length: 31 }, (_, i) => ({
      email: `nobody${i}@test.dk`,
      ip: '10.9.0.2',
      forwardedFor: `198.51.100.${i + 1}`,
    }));
    const sprayed = await codes(app, spray);
    expect(sprayed.slice(0, 30).every((c) => c === 400)).toBe(true);
    expect(sprayed[30]).toBe(429);
  });

  it('believes X-Forwarded-For from the configured proxies only', async () => {
    const proxied = await makeApp(ctx.db, clock, { LIGHED_TRUST_PROXY: '10.8.0.1' });
    try {
      // Through the proxy, each client has its own address budget ...
      const spray = Array.from({ length: 31 }, (_, i) => ({
        email: `proxied${i}@test.dk`,
        ip: '10.8.0.1',
        forwardedFor: i < 30 ? '192.0.2.10' : '192.0.2.11',
      }));
      const res = await codes(proxied, spray);
      expect(res.slice(0, 30).every((c) => c === 400)).toBe(true);
      expect(res[30]).toBe(400);
      expect((await attempt(proxied, { ...spray[0]!, email: 'other@test.dk' })).statusCode).toBe(
        429,
      );
      // ... but a client that is not the proxy cannot choose its address.
      const direct = await codes(
        proxied,
        Array.from({ length: 31 }, (_, i) => ({
          email: `direct${i}@test.dk`,
          ip: '10.7.0.1',
          forwardedFor: `192.0.2.${100 + i}`,
        })),
      );
      expect(direct[30]).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('counts leading spaces and capitals against the same account', async () => {
    const variants = [
      ' spaces@test.dk',
      '  spaces@test.dk',
      'SPACES@test.dk',
      'spaces@test.dk ',
      '\tSpaces@Test.DK',
    ];
    const tries = variants.map((email, i) => ({ email, ip: `10.1.0.${i + 1}` }));
    expect(await codes(app, tries)).toEqual([400, 400, 400, 400, 400]);
    const right = await attempt(app, {
      email: '   Spaces@test.dk',
      password: TEST_PASSWORD,
      ip: '10.1.0.9',
    });
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('For mange forsøg på at logge ind');
    expect(right.headers['retry-after']).toBe('60');
  });

  it('refuses the right password from a fresh address while the account is locked', async () => {
    const tries = Array.from({ length: 5 }, () => ({ email: 'fresh@test.dk', ip: '10.2.0.1' }));
    await codes(app, tries);
    const res = await attempt(app, {
      email: 'fresh@test.dk',
      password: TEST_PASSWORD,
      ip: '10.2.0.99',
    });
    expect(res.statusCode).toBe(429);
    expect(
      (res.cookies as { name: string }[]).find((c) => c.name === 'lighed_session'),
    ).toBeUndefined();
    // The e-mail typed is kept in the form.
    expect(res.body).toContain('value="fresh@test.dk"');
  });

  it('lifts the lock after a minute, doubles the next, and forgets all on a good sign-in', async () => {
    const wrong = { email: 'expiry@test.dk', ip: '10.3.0.1' };
    const right = { ...wrong, password: TEST_PASSWORD };
    clock.set(start);
    await codes(
      app,
      Array.from({ length: 5 }, () => wrong),
    );
    clock.set(new Date(start.getTime() + 30_000));
    expect((await attempt(app, right)).statusCode).toBe(429);
    clock.set(new Date(start.getTime() + 61_000));
    // Free again; five more misses lock it for two minutes this time.
    expect(
      await codes(
        app,
        Array.from({ length: 6 }, () => wrong),
      ),
    ).toEqual([400, 400, 400, 400, 400, 429]);
    clock.set(new Date(start.getTime() + 61_000 + 90_000));
    expect((await attempt(app, right)).statusCode).toBe(429);
    clock.set(new Date(start.getTime() + 61_000 + 121_000));
    expect((await attempt(app, right)).statusCode).toBe(303);
    // The good sign-in forgot the strikes: the next lock is a minute again.
    await codes(
      app,
      Array.from({ length: 5 }, () => wrong),
    );
    const locked = await attempt(app, right);
    expect(locked.headers['retry-after']).toBe('60');
    clock.set(start);
  });

  it('shares one budget between two app servers on one database', async () => {
    // On PostgreSQL the second server has its own connection pool, as a second process would.
    let second: Db | undefined;
    if (ctx.engine === 'postgres') {
      const [{ name }] = (await ctx.db.query<{ name: string }>(
        'select current_database() as name',
      )) as [{ name: string }];
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      second = openPostgres(url.toString(), 5);
    }
    const other = await makeApp(second ?? ctx.db, clock);
    try {
      const wrong = { email: 'shared@test.dk', ip: '10.4.0.1' };
      expect(await codes(app, [wrong, wrong, wrong])).toEqual([400, 400, 400]);
      expect(await codes(other, [wrong, wrong])).toEqual([400, 400]);
      expect(
        (await attempt(app, { ...wrong, password: TEST_PASSWORD, ip: '10.4.0.2' })).statusCode,
      ).toBe(429);
      expect(
        (await attempt(other, { ...wrong, password: TEST_PASSWORD, ip: '10.4.0.3' })).statusCode,
      ).toBe(429);

      // Parallel guesses through both servers: only five are let through to the password.
      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          attempt(i % 2 ? app : other, { email: 'parallel@test.dk', ip: `10.5.0.${i + 1}` }),
        ),
      );
      const statuses = burst.map((r) => r.statusCode);
      expect(statuses.filter((c) => c === 400)).toHaveLength(5);
      expect(statuses.filter((c) => c === 429)).toHaveLength(11);
    } finally {
      await other.close();
      await second?.close();
    }
  });

  it('replaces an old password hash at the next good sign-in (production cost)', async () => {
    const old = await hashPassword(TEST_PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
    await addUser(ctx.db, 'oldhash@test.dk', old);
    useScryptCostForTests(SCRYPT_DEFAULT);
    try {
      const res = await attempt(app, {
        email: 'oldhash@test.dk',
        password: TEST_PASSWORD,
        ip: '10.6.0.1',
      });
      expect(res.statusCode).toBe(303);
    } finally {
      useScryptCostForTests({ N: 2 ** 12, r: 8, p: 1 });
    }
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ password_hash: string }>(
        `select password_hash from staff_user where email = 'oldhash@test.dk'`,
      ),
    );
    expect(row?.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    // And the new hash still lets the user in.
    const again = await attempt(app, {
      email: 'oldhash@test.dk',
      password: TEST_PASSWORD,
      ip: '10.6.0.1',
    });
    expect(again.statusCode).toBe(303);
  }, 60_000);

  it('keeps no e-mail or address in clear in the counters, and removes expired rows', async () => {
    const rows = await ctx.db.query<{ key: string }>('select key from rate_limit');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => /@|10\.\d+\.\d+\.\d+/.test(r.key))).toBe(false);
    // A day and more later, the next write sweeps old rows away.
    clock.set(new Date(start.getTime() + 3 * 24 * 3600 * 1000));
    await attempt(app, { email: 'good@test.dk', password: TEST_PASSWORD, ip: '10.6.0.2' });
    const left = await ctx.db.query<{ n: number }>('select count(*)::int as n from rate_limit');
    expect(left[0]!.n).toBeLessThan(rows.length);
    clock.set(start);
  });
});

describe('LIGHED_TRUST_PROXY', () => {
  it('is off by default and takes a hop count or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LIGHED_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ LIGHED_TRUST_PROXY: '10.0.0.0/8, ::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
    expect(() => loadConfig({ LIGHED_TRUST_PROXY: 'true' })).toThrow(/LIGHED_TRUST_PROXY/);
    expect(() => loadConfig({ LIGHED_TRUST_PROXY: '10.0.0.0/40' })).toThrow(/LIGHED_TRUST_PROXY/);
  });
});
