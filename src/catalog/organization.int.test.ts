import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';

eachEngine('organisations and places', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  it('lets an admin create an organisation, naming what is missing first', async () => {
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    const bad = await admin.post('/personale/organisationer/ny', { name: 'X', kind: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv organisationens navn');
    expect(bad.body).toContain('<title>Fejl:');
    const ok = await admin.post('/personale/organisationer/ny', {
      name: 'Roskilde Roklub',
      kind: 'civil_society',
      email: 'info@roklub.example',
    });
    expect(ok.statusCode).toBe(303);
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ kind: string }>(`select kind from organization where name = 'Roskilde Roklub'`),
    );
    expect(row?.kind).toBe('civil_society');
  });

  it('lets a provider edit only its own organisation, and not create others', async () => {
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    expect((await provider.get('/personale/organisationer/ny')).statusCode).toBe(403);
    expect((await provider.get(`/personale/organisationer/${fx.otherOrgId}`)).statusCode).toBe(403);
    const res = await provider.post(`/personale/organisationer/${fx.orgId}`, {
      name: 'Sundhedscenter Roskilde',
      kind: 'municipal',
      phone: '+45 46 31 00 00',
      status: 'active',
    });
    expect(res.statusCode).toBe(303);
  });

  it('places a new place at its postcode’s centre when no coordinates are given', async () => {
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    const res = await provider.post('/personale/steder/ny', {
      organization_id: fx.orgId,
      name: 'Jyllinge Hallen',
      address_1: 'Bygaden 1',
      postal_code: '4040',
      city: 'Jyllinge',
    });
    expect(res.statusCode).toBe(303);
    const [place] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ latitude: number; longitude: number }>(
        `select latitude, longitude from location where name = 'Jyllinge Hallen'`,
      ),
    );
    const [centre] = await ctx.db.query<{ latitude: number; longitude: number }>(
      `select latitude, longitude from postcode where postnummer = '4040'`,
    );
    expect(place).toEqual(centre);
    const bad = await provider.post('/personale/steder/ny', {
      organization_id: fx.otherOrgId,
      name: 'Fremmed',
      address_1: 'Vej 1',
      postal_code: '4000',
      city: 'Roskilde',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vælg en arrangør fra listen');
  });
});
