import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';

const NUL = '\u0000';

/** PostgreSQL refuses U+0000 in text: every form and parameter that reached SQL gave a 500. */
eachEngine('a NUL byte at the border', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  const count = async (table: string) =>
    (
      await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ n: number }>(`select count(*)::int as n from ${table}`),
      )
    )[0]?.n;

  it('refuses a citizen sign-up with 400 and a page in the reader’s language, storing nothing', async () => {
    const c = new Client(app);
    await c.get('/?lang=en');
    const res = await c.post(`/tilbud/${fx.walkId}/tilmeld`, {
      name: `Amina${NUL}Test`,
      phone: '12 34 56 78',
      preferred_language: 'da',
      consent: 'ja',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('The text contains an invalid character');
    expect(res.body).not.toContain('Amina');
    expect(await count('signup')).toBe(0);
  });

  it('refuses a "Meld en fejl" report', async () => {
    const c = new Client(app);
    const res = await c.post(`/tilbud/${fx.walkId}/fejl`, {
      message: `Tiden er ændret${NUL} til kl. 11`,
      email: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Teksten indeholder et ugyldigt tegn');
    expect(await count('error_report')).toBe(0);
  });

  it('refuses the HSDS search with problem+json naming the parameter', async () => {
    for (const url of [
      '/api/hsds/services?search=%00',
      '/api/hsds/organizations?search=a%00b',
      '/api/hsds/service_at_locations?search=%00',
      `/api/hsds/services/${fx.walkId}%00`,
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({
        status: 400,
        code: 'LIGHED_ERR_VALIDATION',
        errors: [{ path: url.includes('search') ? 'search' : 'id' }],
      });
    }
  });

  it('refuses the finder query and an offer address in Arabic when asked', async () => {
    const finder = await app.inject('/?q=g%C3%A5tur%00&lang=ar');
    expect(finder.statusCode).toBe(400);
    expect(finder.body).toContain('<html lang="ar" dir="rtl"');
    expect(finder.body).toContain('النص يحتوي على حرف غير صالح');
    expect((await app.inject(`/tilbud/${fx.walkId}%00`)).statusCode).toBe(400);
  });

  it('refuses the staff offer form, the conversation start and the audit search', async () => {
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    const offers = await count('offer');
    const offer = await admin.post('/personale/tilbud/ny', {
      organization_id: fx.orgId,
      title: `Madklub${NUL}`,
      summary: 'Vi laver mad sammen.',
      location_ids: fx.locationId,
    });
    expect(offer.statusCode).toBe(400);
    expect(offer.body).toContain('Teksten indeholder et ugyldigt tegn');
    expect(await count('offer')).toBe(offers);

    const audit = await admin.get('/personale/audit?type=signup%00');
    expect(audit.statusCode).toBe(400);

    const worker = new Client(app);
    await worker.signIn('frontline@test.dk');
    const started = await worker.post(
      '/personale/samtaler',
      { mode: 'named', consent: 'ja', citizen_name: `Amal${NUL}`, language: 'ar' },
      '/personale/samtaler/ny',
    );
    expect(started.statusCode).toBe(400);
    expect(started.body).toContain('Teksten indeholder et ugyldigt tegn');
    expect(await count('conversation')).toBe(0);
  });

  it('lets the same requests through without the NUL', async () => {
    expect((await app.inject('/?q=g%C3%A5tur')).statusCode).toBe(200);
    expect((await app.inject('/api/hsds/services?search=g%C3%A5tur')).statusCode).toBe(200);
    expect((await app.inject(`/tilbud/${fx.walkId}`)).statusCode).toBe(200);
  });
});
