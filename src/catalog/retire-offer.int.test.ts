/**
 * Ending an offer asks first (issue 14): the "Afslut tilbuddet" button leads to a confirmation
 * page without JavaScript; only the confirmed form ends the offer, and the page says so after.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { needsConfirmation } from './offer-editing.service.ts';

eachEngine('ending an offer asks for confirmation', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  it('needs "ja" only for retiring', () => {
    expect(needsConfirmation('retired', undefined)).toBe(true);
    expect(needsConfirmation('retired', 'nej')).toBe(true);
    expect(needsConfirmation('retired', 'ja')).toBe(false);
    expect(needsConfirmation('published', undefined)).toBe(false);
  });

  it('the edit page links to a confirmation page; an unconfirmed post changes nothing', async () => {
    const c = new Client(app);
    await c.signIn('admin@test.dk');
    const edit = await c.get(`/personale/tilbud/${fx.walkId}`);
    expect(edit.body).toContain(`href="/personale/tilbud/${fx.walkId}/afslut"`);
    // No button on the edit page ends the offer at once.
    expect(edit.body).not.toContain('value="retired"');

    const unconfirmed = await c.post(
      `/personale/tilbud/${fx.walkId}/status`,
      { status: 'retired' },
      `/personale/tilbud/${fx.walkId}`,
    );
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`/personale/tilbud/${fx.walkId}/afslut`);
    expect((await app.inject(`/tilbud/${fx.walkId}`)).statusCode).toBe(200);

    const confirm = await c.get(`/personale/tilbud/${fx.walkId}/afslut`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('<h1>Afslut tilbuddet?</h1>');
    expect(confirm.body).toContain('name="confirm" value="ja"');
    expect(confirm.body).toContain(`href="/personale/tilbud/${fx.walkId}"`);

    const done = await c.post(
      `/personale/tilbud/${fx.walkId}/status`,
      { status: 'retired', confirm: 'ja' },
      `/personale/tilbud/${fx.walkId}/afslut`,
    );
    expect(done.headers.location).toBe(`/personale/tilbud/${fx.walkId}?gemt=ja`);
    expect((await app.inject(`/tilbud/${fx.walkId}`)).statusCode).toBe(404);
    expect((await c.get(String(done.headers.location))).body).toContain('Tilbuddet er gemt.');
  });

  it("another provider's offer: refused, as the edit page is", async () => {
    const c = new Client(app);
    await c.signIn('other-provider@test.dk');
    expect((await c.get(`/personale/tilbud/${fx.walkId}/afslut`)).statusCode).toBe(403);
  });
});
