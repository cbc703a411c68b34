import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';

eachEngine('citizen finder and sign-up', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  it('answers health and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', engine: ctx.engine });
  });

  it('serves the empty finder in Danish with security headers and no inline script', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="da" dir="ltr">');
    expect(res.body).toContain('Find et tilbud nær dig');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).not.toMatch(/<script>(?!<\/script>)/);
    expect(res.body).toContain('href="/tilgaengelighed"');
  });

  it('finds by Danish stem and prefix, and not drafts', async () => {
    const res = await app.inject('/?q=gåture');
    expect(res.body).toContain('Gåtur i Æblehaven');
    expect(res.body).not.toContain('Hemmelig kladde');
    const prefix = await app.inject('/?q=styrke');
    expect(prefix.body).toContain('Styrketræning i Viby');
    expect(prefix.body).not.toContain('Gåtur i Æblehaven');
  });

  it('tolerates a typo and says so', async () => {
    const res = await app.inject(`/?q=${encodeURIComponent('gåtru')}`);
    expect(res.body).toContain('Gåtur i Æblehaven');
    expect(res.body).toContain('ord, der ligner');
  });

  it('sorts by distance from a postcode and says how far', async () => {
    const res = await app.inject('/?postnummer=4000');
    const near = res.body.indexOf('Gåtur i Æblehaven');
    const far = res.body.indexOf('Styrketræning i Viby');
    expect(near).toBeGreaterThan(0);
    expect(far).toBeGreaterThan(near);
    expect(res.body).toMatch(/\d+,\d km fra 4000 Roskilde/);
    // Within 2 km only the walk remains (online offers of the municipality stay).
    const close = await app.inject('/?postnummer=4000&km=2');
    expect(close.body).toContain('Gåtur i Æblehaven');
    expect(close.body).not.toContain('Styrketræning i Viby');
  });

  it('applies filters from the URL: free, interpreter, language, day, time, online', async () => {
    const free = await app.inject('/?postnummer=4000&gratis=ja');
    expect(free.body).not.toContain('Styrketræning i Viby');
    expect(free.body).toContain('Gåtur i Æblehaven');
    const interpreter = await app.inject('/?tolk=ja');
    expect(interpreter.body).toContain('Gåtur i Æblehaven');
    expect(interpreter.body).not.toContain('Rygestop online');
    const arabic = await app.inject('/?sprog=ar');
    expect(arabic.body).toContain('Gåtur i Æblehaven');
    expect(arabic.body).not.toContain('Styrketræning');
    const thursdayEvening = await app.inject('/?dag=4&tid=aften');
    expect(thursdayEvening.body).toContain('Styrketræning i Viby');
    expect(thursdayEvening.body).not.toContain('Gåtur i Æblehaven');
    const online = await app.inject('/?form=online');
    expect(online.body).toContain('Rygestop online');
    expect(online.body).not.toContain('Gåtur i Æblehaven');
  });

  it('explains a malformed or unknown postcode in the citizen’s language', async () => {
    const bad = await app.inject('/?postnummer=40');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv dit postnummer med 4 cifre');
    expect(bad.body).toContain('href="#f-postnummer"');
    const unknown = await app.inject('/?postnummer=0999');
    expect(unknown.body).toContain('Vi kender ikke det postnummer');
  });

  it('switches language by ?lang, remembers it, and renders Arabic right to left', async () => {
    const c = new Client(app);
    const first = await c.get('/?lang=ar&q=gåtur');
    expect(first.body).toContain('<html lang="ar" dir="rtl">');
    expect(first.body).toContain('نزهة مشي في إيبلهافن');
    const again = await c.get('/');
    expect(again.body).toContain('<html lang="ar" dir="rtl">');
  });

  it('shows an offer page with facts, and hides drafts and internal target groups', async () => {
    const res = await app.inject(`/tilbud/${fx.walkId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Æblehaven 1');
    expect(res.body).toContain('Gratis');
    expect(res.body).toContain('Meld en fejl');
    expect(res.body).not.toContain('ledige');
    expect((await app.inject(`/tilbud/${fx.draftId}`)).statusCode).toBe(404);
    expect((await app.inject('/tilbud/not-a-uuid')).statusCode).toBe(404);
  });

  it('refuses a form post without a valid CSRF token', async () => {
    const c = new Client(app);
    await c.get(`/tilbud/${fx.walkId}/tilmeld`);
    const res = await c.postRaw(`/tilbud/${fx.walkId}/tilmeld`, {
      _csrf: 'forged',
      name: 'X',
      phone: '12345678',
      consent: 'ja',
    });
    expect(res.statusCode).toBe(403);
  });

  it('signs up with a mistake, shows clear errors, keeps values, then gives a receipt and audits it', async () => {
    const c = new Client(app);
    const url = `/tilbud/${fx.walkId}/tilmeld`;
    const bad = await c.post(url, { name: 'Amina Test', phone: '1234', preferred_language: 'ar' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv dit telefonnummer med 8 cifre');
    expect(bad.body).toContain('Sæt kryds, hvis du siger ja');
    expect(bad.body).toContain('value="Amina Test"');
    expect(bad.headers['cache-control']).toBe('no-store');
    const before = await inTenant(ctx.db, '0265', (tx) => tx.query('select 1 from signup'));
    expect(before).toEqual([]);

    const ok = await c.post(url, {
      name: 'Amina Test',
      phone: '12 34 56 78',
      preferred_language: 'ar',
      needs_interpreter: 'ja',
      consent: 'ja',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/tilbud/${fx.walkId}/tilmeldt`);
    expect(ok.headers.location).not.toContain('Amina');
    const receipt = await c.get(ok.headers.location as string);
    expect(receipt.body).toContain('Tak, du er tilmeldt');
    const code = /class="lighed-receipt"[^>]*>(?:\u2066)?([A-Z0-9-]+)/.exec(receipt.body)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const rows = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{
        name: string;
        phone: string;
        needs_interpreter: boolean;
        receipt_code: string;
        id: string;
      }>('select id, name, phone, needs_interpreter, receipt_code from signup'),
    );
    expect(rows).toMatchObject([
      { name: 'Amina Test', phone: '12345678', needs_interpreter: true, receipt_code: code },
    ]);
    const log = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; entity: string; entity_id: string; actor_role: string }>(
        `select action, entity, entity_id, actor_role from audit_log where entity = 'signup'`,
      ),
    );
    expect(log).toContainEqual({
      action: 'create',
      entity: 'signup',
      entity_id: rows[0]!.id,
      actor_role: 'citizen',
    });
    // Another browser cannot see the receipt.
    const stranger = await new Client(app).get(`/tilbud/${fx.walkId}/tilmeldt`);
    expect(stranger.statusCode).toBe(303);
  });

  it('takes a "Meld en fejl" report for the provider', async () => {
    const c = new Client(app);
    const short = await c.post(`/tilbud/${fx.walkId}/fejl`, { message: 'x' });
    expect(short.statusCode).toBe(400);
    const ok = await c.post(`/tilbud/${fx.walkId}/fejl`, {
      message: 'Tiden er ændret til kl. 11',
      email: '',
    });
    expect(ok.statusCode).toBe(303);
    const reports = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ message: string }>('select message from error_report'),
    );
    expect(reports).toEqual([{ message: 'Tiden er ændret til kl. 11' }]);
  });

  it('answers unknown pages with a friendly page in the user’s language, and the API with problem+json', async () => {
    const page = await app.inject({ url: '/findes-ikke?lang=en' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="en"');
    const api = await app.inject('/api/findes-ikke');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 404, code: 'LIGHED_ERR_NOT_FOUND' });
  });
});
