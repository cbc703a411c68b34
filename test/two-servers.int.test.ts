/**
 * Two Lighed servers behind one load balancer share one PostgreSQL database and nothing else
 * (docs/operations.md, "Scale past one machine"): each app here has its own connection pool, as
 * two processes would. A staff session started on one is valid on the other and ends on both;
 * sign-in throttling counts attempts made on either. Scheduled jobs firing once across
 * processes is src/platform/jobs/jobs-processes.int.test.ts (two real OS processes) and
 * jobs.int.test.ts (one cron schedule on two instances).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { seedFixture, testApp, TEST_PASSWORD } from './support/app.ts';
import { serverDatabaseUrl } from './support/db.ts';

const cookiesOf = (res: LightMyRequestResponse) =>
  (res.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`);

/** A browser's sign-in on `app`: the form's CSRF token and cookie, then the POST. */
async function signIn(app: FastifyInstance, email: string, password: string) {
  const page = await app.inject({ method: 'GET', url: '/personale/log-ind' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const pageCookies = cookiesOf(page);
  const res = await app.inject({
    method: 'POST',
    url: '/personale/log-ind',
    headers: {
      cookie: pageCookies.join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: token, email, password }).toString(),
  });
  const jar = new Map(pageCookies.map((c) => c.split('=', 2) as [string, string]));
  for (const c of cookiesOf(res)) {
    const [k, v] = c.split('=', 2) as [string, string];
    jar.set(k, v);
  }
  return { status: res.statusCode, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
}

describe.skipIf(!process.env.DATABASE_URL)('two servers on one database [postgres]', () => {
  let dbA: Db;
  let dbB: Db;
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    const url = await serverDatabaseUrl('two');
    dbA = openPostgres(url, 3);
    dbB = openPostgres(url, 3);
    await seedFixture(dbA);
    a = await testApp(dbA);
    b = await testApp(dbB);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dbA?.close();
    await dbB?.close();
  });

  it('a session started on one server is valid on the other, and sign-out ends it on both', async () => {
    const session = await signIn(a, 'planner@test.dk', TEST_PASSWORD);
    expect(session.status).toBe(303);
    const home = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: '/personale', headers: { cookie: session.cookie } });
    expect((await home(b)).statusCode).toBe(200);
    expect((await home(b)).body).toContain('planner');

    const page = await home(b);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const out = await b.inject({
      method: 'POST',
      url: '/personale/log-ud',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    });
    expect(out.statusCode).toBe(303);
    const after = await home(a);
    expect(after.statusCode).not.toBe(200);
  });

  it('throttles sign-in attempts made on either server together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn(i % 2 ? b : a, 'admin@test.dk', 'wrong password')).status);
    // Five wrong passwords, whichever server took them, then the account is held (decision 0010).
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect((await signIn(a, 'admin@test.dk', TEST_PASSWORD)).status).toBe(429);
    expect((await signIn(b, 'admin@test.dk', TEST_PASSWORD)).status).toBe(429);
  });
});
