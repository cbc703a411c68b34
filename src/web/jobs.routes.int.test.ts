/**
 * The admin's jobs page over HTTP: admins only, a failed job listed by name, id and error code
 * (never its data), and "Prøv igen" (with CSRF) queues it again.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import type { Db } from '../db/db.ts';
import { enqueueJob } from '../platform/jobs/index.ts';

/** A job that gave up: queued, then marked failed as pg-boss would after its last attempt. */
async function failedJob(db: Db, data: object): Promise<string> {
  await db.transaction((tx) => enqueueJob(tx, 'outreach.scan', data));
  const [row] = await db.asOwner((tx) =>
    tx.query<{ id: string }>(
      `update pgboss.job set state = 'failed', completed_on = now(), retry_count = 5,
         output = '{"name":"JobFailure","code":"ECONNECTION","errorClass":"Error"}'
       where name = 'outreach.scan' and state = 'created' returning id`,
    ),
  );
  return row!.id;
}

eachEngine('jobs page', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });
  afterAll(() => app.close());

  it('is for admins only', async () => {
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    expect((await provider.get('/personale/admin/job')).statusCode).toBe(403);
    expect((await new Client(app).get('/personale/admin/job')).statusCode).not.toBe(200);
  });

  it('lists a failed job without its data and retries it', async () => {
    const id = await failedJob(ctx.db, { kommune: '0265', ref: 'secret-ref' });
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    const page = await admin.get('/personale/admin/job');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(id);
    expect(page.body).toContain('ECONNECTION');
    expect(page.body).toContain('Prøv igen');
    expect(page.body).not.toContain('secret-ref');

    // Without the CSRF token the form post is refused.
    expect((await admin.postRaw(`/personale/admin/job/${id}/igen`, {})).statusCode).toBe(403);
    const res = await admin.post(`/personale/admin/job/${id}/igen`, {}, '/personale/admin/job');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/personale/admin/job?igen=1');
    const after = await admin.get('/personale/admin/job?igen=1');
    expect(after.body).toContain('Jobbet er sat i kø igen');
    expect(after.body).not.toContain(`${id}/igen`);
    const again = await admin.post(`/personale/admin/job/${id}/igen`, {}, '/personale/admin/job');
    expect(again.headers.location).toBe('/personale/admin/job?igen=0');
  });
});
