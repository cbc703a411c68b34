import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';

eachEngine('sign-ups and error reports: staff', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  it('refuses to sign anyone up to a draft or retired offer, even through a signed-in preview', async () => {
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    const form = {
      name: 'Amina Test',
      phone: '12 34 56 78',
      preferred_language: 'da',
      consent: 'ja',
    };
    const draft = await admin.post(`/tilbud/${fx.draftId}/tilmeld`, form);
    expect(draft.statusCode).toBe(400);
    expect(draft.body).toContain('Tilbuddet er ikke offentliggjort');
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(`update offer set status = 'retired' where id = $1`, [fx.draftId]),
    );
    const retired = await admin.post(`/tilbud/${fx.draftId}/tilmeld`, form);
    expect(retired.statusCode).toBe(400);
    const rows = await inTenant(ctx.db, '0265', (tx) => tx.query('select 1 from signup'));
    expect(rows).toEqual([]);
  });

  it('audits every error report staff are shown, as a read', async () => {
    const [report] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ id: string }>(
        `insert into error_report (kommune, offer_id, message, reporter_email)
         values ('0265', $1, 'Tiden er ændret', 'borger@eksempel.dk') returning id`,
        [fx.walkId],
      ),
    );
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    const page = await provider.get('/personale/tilmeldinger');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tiden er ændret');
    const log = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; actor_role: string }>(
        `select action, actor_role from audit_log where entity = 'error_report' and entity_id = $1`,
        [report!.id],
      ),
    );
    expect(log).toEqual([{ action: 'read', actor_role: 'provider' }]);
  });
});
