import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import {
  Client,
  seedFixture,
  TEST_PASSWORD,
  testApp,
  type Fixture,
} from '../../test/support/app.ts';
import { hashPassword } from './password.ts';
import { createUser } from './staff.store.ts';
import { inTenant } from '../db/db.ts';

const offerFields = (over: Record<string, string | string[]> = {}) => ({
  organization_id: '',
  title: 'Gåtur i Æblehaven',
  summary: 'Vi går en tur sammen.',
  description: 'En rolig tur.',
  arena: 'housing_area',
  offer_type: 'group',
  mode: 'in_person',
  languages: ['da', 'ar'],
  flags: ['free', 'interpreter_available'],
  schedule_0_weekday: '2',
  schedule_0_start: '10:00',
  schedule_0_end: '11:30',
  ...over,
});

eachEngine('staff sign-in, roles and offer editing', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  it('sends anonymous visitors of staff pages to sign-in', async () => {
    const res = await app.inject('/personale/tilbud');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/personale/log-ind?next=%2Fpersonale%2Ftilbud');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const c = new Client(app);
    const res = await c.post('/personale/log-ind', { email: 'admin@test.dk', password: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('E-mail eller adgangskode er forkert');
    const unknown = await c.post('/personale/log-ind', {
      email: 'ghost@test.dk',
      password: 'nope',
    });
    expect(unknown.body).toContain('E-mail eller adgangskode er forkert');
  });

  it('stores only a hash of the session token, with a secure, http-only cookie', async () => {
    const c = new Client(app);
    const res = await c.signIn('admin@test.dk');
    const cookie = (
      res.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string }[]
    ).find((x) => x.name === 'lighed_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const stored = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ token_hash: string }>('select token_hash from staff_session'),
    );
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
  });

  it('checks roles on the server for every staff route', async () => {
    const referrer = new Client(app);
    await referrer.signIn('referrer@test.dk');
    expect((await referrer.get('/personale')).statusCode).toBe(200);
    expect((await referrer.get('/personale/tilbud')).statusCode).toBe(403);
    expect((await referrer.get('/personale/audit')).statusCode).toBe(403);
    expect((await referrer.get('/personale/tilmeldinger')).statusCode).toBe(403);
    const planner = new Client(app);
    await planner.signIn('planner@test.dk');
    expect((await planner.get('/personale/audit')).statusCode).toBe(403);
    expect((await planner.get('/personale/tilbud')).statusCode).toBe(200);
  });

  it('offers on the home page only what each role may open', async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    await inTenant(ctx.db, '0265', (tx) =>
      createUser(tx, {
        kommune: '0265',
        email: 'coordinator-home@test.dk',
        name: 'Koordinator',
        role: 'coordinator',
        organization_id: null,
        password_hash: hash,
      }),
    );
    const emails = [
      'admin@test.dk',
      'planner@test.dk',
      'provider@test.dk',
      'referrer@test.dk',
      'frontline@test.dk',
      'coordinator-home@test.dk',
    ];
    for (const email of emails) {
      const c = new Client(app);
      await c.signIn(email);
      const home = await c.get('/personale');
      const links = [...home.body.matchAll(/<li><a href="(\/personale\/[^"]+)">/g)].map(
        (m) => m[1]!,
      );
      expect(links.length, email).toBeGreaterThan(0);
      for (const href of new Set(links)) {
        // A link may land on the role's own view (e.g. /henvisninger → the provider's inbox).
        let res = await c.get(href);
        if (res.statusCode === 303) res = await c.get(String(res.headers.location));
        expect(res.statusCode, `${email} → ${href}`).toBe(200);
      }
    }
  });

  it('lets a provider edit only its own organisation’s offers', async () => {
    const other = new Client(app);
    await other.signIn('other-provider@test.dk');
    expect((await other.get(`/personale/tilbud/${fx.walkId}`)).statusCode).toBe(403);
    const list = await other.get('/personale/tilbud');
    expect(list.body).not.toContain('Gåtur i Æblehaven');
    expect(list.body).toContain('Styrketræning i Viby');
  });

  it('saves a provider’s edit, and warns (without blocking) about a stigmatising title', async () => {
    const c = new Client(app);
    await c.signIn('provider@test.dk');
    const url = `/personale/tilbud/${fx.walkId}`;
    const bad = await c.post(
      url,
      offerFields({ organization_id: fx.orgId, title: '', location_ids: fx.locationId }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv en titel med mindst 3 tegn');

    const res = await c.post(
      url,
      offerFields({
        organization_id: fx.orgId,
        title: 'Stavgang for arbejdsløse motionister',
        location_ids: fx.locationId,
      }),
    );
    expect(res.statusCode).toBe(303);
    const page = await c.get(res.headers.location as string);
    expect(page.body).toContain('Tilbuddet er gemt.');
    expect(page.body).toContain('Overvej navnet på tilbuddet');
    expect(page.body).toMatch(/arbejdsløse/);
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ title: string }>('select title from offer where id = $1', [fx.walkId]),
    );
    expect(row?.title).toBe('Stavgang for arbejdsløse motionister');

    const fixed = await c.post(
      url,
      offerFields({
        organization_id: fx.orgId,
        title: 'Gåtur i Æblehaven',
        location_ids: fx.locationId,
      }),
    );
    const clean = await c.get(fixed.headers.location as string);
    expect(clean.body).not.toContain('Overvej navnet på tilbuddet');
  });

  it('creates, publishes and retires an offer, and audits each change', async () => {
    const c = new Client(app);
    await c.signIn('admin@test.dk');
    const created = await c.post(
      '/personale/tilbud/ny',
      offerFields({
        organization_id: fx.orgId,
        title: 'Madklub i Musicon',
        location_ids: fx.locationId,
      }),
    );
    expect(created.statusCode).toBe(303);
    const id = /\/personale\/tilbud\/([0-9a-f-]{36})/.exec(created.headers.location as string)?.[1];
    expect(id).toBeDefined();
    expect((await app.inject(`/tilbud/${id}`)).statusCode).toBe(404);
    await c.post(
      `/personale/tilbud/${id}/status`,
      { status: 'published' },
      `/personale/tilbud/${id}`,
    );
    expect((await app.inject(`/tilbud/${id}`)).statusCode).toBe(200);
    await c.post(
      `/personale/tilbud/${id}/status`,
      { status: 'retired', confirm: 'ja' },
      `/personale/tilbud/${id}/afslut`,
    );
    expect((await app.inject(`/tilbud/${id}`)).statusCode).toBe(404);
    const log = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; summary: string }>(
        `select action, summary from audit_log where entity = 'offer' and entity_id = $1 order by id`,
        [id],
      ),
    );
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'update']);
  });

  it('shows sign-ups to the offer’s provider and admins only, and audits each read', async () => {
    const citizen = new Client(app);
    await citizen.post(`/tilbud/${fx.walkId}/tilmeld`, {
      name: 'Ole Test',
      email: 'ole@example.dk',
      preferred_language: 'da',
      consent: 'ja',
    });
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    const page = await provider.get('/personale/tilmeldinger');
    expect(page.body).toContain('Ole Test');
    expect(page.headers['cache-control']).toBe('no-store');
    const other = new Client(app);
    await other.signIn('other-provider@test.dk');
    expect((await other.get('/personale/tilmeldinger')).body).not.toContain('Ole Test');
    const reads = await inTenant(ctx.db, '0265', (tx) =>
      tx.query(
        `select 1 from audit_log where entity = 'signup' and action = 'read' and actor_role = 'provider'`,
      ),
    );
    expect(reads.length).toBeGreaterThan(0);
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    const audit = await admin.get('/personale/audit?type=signup&handling=read');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('provider (arrangør)');
  });

  it('deletes a sign-up on request: the offer’s provider may, another provider may not', async () => {
    const citizen = new Client(app);
    await citizen.post(`/tilbud/${fx.walkId}/tilmeld`, {
      name: 'Slet Mig',
      phone: '87654321',
      preferred_language: 'da',
      consent: 'ja',
    });
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ id: string }>(`select id from signup where name = 'Slet Mig'`),
    );
    const other = new Client(app);
    await other.signIn('other-provider@test.dk');
    expect(
      (await other.post(`/personale/tilmeldinger/${row!.id}/slet`, {}, '/personale/tilmeldinger'))
        .statusCode,
    ).toBe(404);
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    expect(
      (
        await provider.post(
          `/personale/tilmeldinger/${row!.id}/slet`,
          {},
          '/personale/tilmeldinger',
        )
      ).statusCode,
    ).toBe(303);
    expect(
      await inTenant(ctx.db, '0265', (tx) =>
        tx.query(`select 1 from signup where name = 'Slet Mig'`),
      ),
    ).toEqual([]);
    const log = await inTenant(ctx.db, '0265', (tx) =>
      tx.query(
        `select 1 from audit_log where action = 'delete' and entity = 'signup' and entity_id = $1`,
        [row!.id],
      ),
    );
    expect(log).toHaveLength(1);
  });

  it('signs out and ends the session on the server', async () => {
    const c = new Client(app);
    await c.signIn('planner@test.dk');
    const out = await c.post('/personale/log-ud', {}, '/personale');
    expect(out.statusCode).toBe(303);
    expect((await c.get('/personale')).statusCode).toBe(302);
  });

  it('rate-limits sign-in attempts', async () => {
    const c = new Client(app);
    const page = await c.get('/personale/log-ind');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (
          await c.postRaw('/personale/log-ind', {
            _csrf: token,
            email: 'admin@test.dk',
            password: 'wrong',
          })
        ).statusCode,
      );
    }
    expect(codes).toContain(429);
  });
});
