/**
 * The receipt after a sign-up, its calendar file, and the cancel link, through the real app on
 * both engines: what the citizen sees, what is stored and what is audited.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';

const form = {
  name: 'Amina Receipt',
  phone: '',
  email: 'amina.receipt@example.dk',
  preferred_language: 'ar',
  consent: 'ja',
};

eachEngine('sign-up receipt and cancel link', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
  });

  /** Signs up as a fresh citizen; returns the client, the receipt page and its links. */
  async function signUp(offerId = fx.walkId) {
    const citizen = new Client(app);
    const posted = await citizen.post(`/tilbud/${offerId}/tilmeld`, form);
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/tilbud/${offerId}/tilmeldt`);
    const receipt = await citizen.get(`/tilbud/${offerId}/tilmeldt`);
    expect(receipt.statusCode).toBe(200);
    const code = /class="lighed-receipt" dir="ltr">([A-Z0-9-]+)</.exec(receipt.body)?.[1] ?? '';
    const cancel = /href="(\/tilbud\/[^"]+\/afmeld\?noegle=[^"]+)"/.exec(receipt.body)?.[1] ?? '';
    const calendar = /href="(\/tilbud\/[^"]+\/kalender\.ics[^"]*)"/.exec(receipt.body)?.[1] ?? '';
    return { citizen, receipt, code, cancel: cancel.replace(/&amp;/g, '&'), calendar };
  }

  const signupRow = (code: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      const [row] = await tx.query<{
        id: string;
        status: string;
        cancelled_at: Date | null;
        cancel_token_hash: string | null;
      }>('select id, status, cancelled_at, cancel_token_hash from signup where receipt_code = $1', [
        code,
      ]);
      return row!;
    });

  const auditOf = (id: string) =>
    inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; actor_role: string; summary: string }>(
        `select action, actor_role, summary from audit_log where entity = 'signup' and entity_id = $1 order by id`,
        [id],
      ),
    );

  it('shows what, where and when, the calendar file, directions and how to cancel', async () => {
    const { receipt, code, cancel, calendar } = await signUp();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(receipt.headers['cache-control']).toBe('no-store');
    const html = receipt.body;
    expect(html).toContain('Gåtur i Æblehaven');
    expect(html).toContain('Æblehaven 1');
    expect(html).toContain('Hver tirsdag kl. 10:00-11:30');
    expect(html).toContain('Tilføj til kalender');
    expect(calendar).toBe(`/tilbud/${fx.walkId}/kalender.ics?kvittering=${code}`);
    // Directions leave the site only when followed, and say where they go.
    expect(html).toMatch(
      /href="https:\/\/www\.rejseplanen\.dk\/bin\/query\.exe\/mn\?ZADR=1&amp;Z=[^"]+" rel="external noopener noreferrer"/,
    );
    expect(html).toContain('(anden hjemmeside: rejseplanen.dk)');
    expect(html).toContain('https://www.openstreetmap.org/?mlat=55.64690&amp;mlon=12.06310');
    expect(html).not.toContain('target="_blank"');
    expect(cancel).toMatch(new RegExp(`^/tilbud/${fx.walkId}/afmeld\\?noegle=[A-Za-z0-9_-]{43}$`));
    // The token is shown, its hash is stored: never the token itself.
    const row = await signupRow(code);
    const token = new URL(cancel, 'http://x').searchParams.get('noegle')!;
    expect(row.cancel_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.cancel_token_hash).not.toBe(token);
    // Nothing the citizen typed is on the receipt or in its links.
    expect(html).not.toContain('Amina Receipt');
    expect(html).not.toContain('amina.receipt@example.dk');
  });

  it('serves the calendar as text/calendar with a file name, without personal data', async () => {
    const { citizen, calendar, code } = await signUp();
    const ics = await citizen.get(calendar);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers['content-disposition']).toBe(
      'attachment; filename="gaatur-i-aeblehaven.ics"',
    );
    expect(ics.headers['cache-control']).toBe('private, no-store');
    expect(ics.body).toContain('DTSTART;TZID=Europe/Copenhagen:');
    expect(ics.body).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(ics.body).toContain(`Kvitteringsnummer: ${code}`);
    expect(ics.body).not.toMatch(/Amina|amina\.receipt/);
    // Without the code it is the offer's public calendar; a made-up code is not echoed.
    const plain = await new Client(app).get(`/tilbud/${fx.walkId}/kalender.ics`);
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain('Kvitteringsnummer');
    const odd = await new Client(app).get(`/tilbud/${fx.walkId}/kalender.ics?kvittering=<script>`);
    expect(odd.body).not.toContain('<script>');
    expect(odd.body).not.toContain('Kvitteringsnummer');
  });

  it('shows a receipt only to whoever signed up', async () => {
    const stranger = await new Client(app).get(`/tilbud/${fx.walkId}/tilmeldt`);
    expect(stranger.statusCode).toBe(303);
    expect(stranger.headers.location).toBe(`/tilbud/${fx.walkId}`);
  });

  it('cancels once with the link, after a confirmation page, audited as the citizen', async () => {
    const { citizen, code, cancel } = await signUp();
    const before = await signupRow(code);

    const confirm = await citizen.get(cancel);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.headers['cache-control']).toBe('no-store');
    expect(confirm.body).toContain('Afmeld din tilmelding');
    expect(confirm.body).toContain(code);
    expect(confirm.body).toContain('Ja, afmeld mig');
    // Opening the link changes nothing.
    expect((await signupRow(code)).status).toBe('new');

    const token = new URL(cancel, 'http://x').searchParams.get('noegle')!;
    const done = await citizen.post(`/tilbud/${fx.walkId}/afmeld`, { noegle: token }, cancel);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Du er afmeldt');
    const after = await signupRow(code);
    expect(after.status).toBe('cancelled');
    expect(after.cancelled_at).toBeInstanceOf(Date);

    // Reused: the same link now says so, and changes nothing more.
    const again = await citizen.get(cancel);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Tilmeldingen er allerede afmeldt');
    // (The used link's page has no form: a CSRF token from the sign-up form.)
    const twice = await citizen.post(
      `/tilbud/${fx.walkId}/afmeld`,
      { noegle: token },
      `/tilbud/${fx.walkId}/tilmeld`,
    );
    expect(twice.statusCode).toBe(410);
    expect((await signupRow(code)).cancelled_at).toEqual(after.cancelled_at);

    // Each opening of the link is a read (the test client opens it again for the form's
    // CSRF token), the cancel one update, the refused second post a read.
    expect(await auditOf(before.id)).toEqual([
      { action: 'create', actor_role: 'citizen', summary: `sign-up for offer ${fx.walkId}` },
      { action: 'read', actor_role: 'citizen', summary: 'opened the cancel link' },
      { action: 'read', actor_role: 'citizen', summary: 'opened the cancel link' },
      {
        action: 'update',
        actor_role: 'citizen',
        summary: 'cancelled by the citizen with the receipt link',
      },
      { action: 'read', actor_role: 'citizen', summary: 'opened the cancel link' },
      { action: 'read', actor_role: 'citizen', summary: 'opened the cancel link' },
    ]);

    // The provider sees the cancellation.
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    const list = await provider.get('/personale/tilmeldinger');
    expect(list.body).toMatch(
      new RegExp(
        `${code}</td><td><ul class="nobullet-list lighed-signup-status"><li><strong>Afmeldt af borgeren</strong> `,
      ),
    );
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ cancelled_by: string }>(
        'select cancelled_by from signup where receipt_code = $1',
        [code],
      ),
    );
    expect(row!.cancelled_by).toBe('citizen');
  });

  it('refuses an expired link, and tells the citizen whom to contact', async () => {
    const { citizen, code, cancel } = await signUp();
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(
        `update signup set cancel_expires_at = now() - interval '1 minute' where receipt_code = $1`,
        [code],
      ),
    );
    const page = await citizen.get(cancel);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Linket virker ikke længere');
    expect(page.body).toContain('Sundhedscenter Roskilde');
    const token = new URL(cancel, 'http://x').searchParams.get('noegle')!;
    const post = await citizen.post(
      `/tilbud/${fx.walkId}/afmeld`,
      { noegle: token },
      `/tilbud/${fx.walkId}/tilmeld`,
    );
    expect(post.statusCode).toBe(410);
    expect((await signupRow(code)).status).toBe('new');
  });

  it('refuses a forged or altered token, and a token on another offer, reading nothing', async () => {
    const { citizen, code, cancel } = await signUp();
    const row = await signupRow(code);
    const token = new URL(cancel, 'http://x').searchParams.get('noegle')!;
    const forged = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const url of [
      `/tilbud/${fx.walkId}/afmeld?noegle=${forged}`,
      `/tilbud/${fx.walkId}/afmeld?noegle=kort`,
      `/tilbud/${fx.walkId}/afmeld`,
    ]) {
      const page = await citizen.get(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.body).toContain('Linket virker ikke');
    }
    const page = await citizen.get(cancel);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const post = await citizen.postRaw(`/tilbud/${fx.walkId}/afmeld`, {
      _csrf: csrf,
      noegle: forged,
    });
    expect(post.statusCode).toBe(404);
    // The right token on another offer's path finds nothing either.
    const other = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ id: string }>(`select id from offer where title = 'Styrketræning i Viby'`),
    );
    const elsewhere = await citizen.get(`/tilbud/${other[0]!.id}/afmeld?noegle=${token}`);
    expect(elsewhere.statusCode).toBe(404);
    expect((await signupRow(code)).status).toBe('new');
    // Only the genuine link's one opening was read.
    const reads = (await auditOf(row.id)).filter((a) => a.action === 'read');
    expect(reads).toHaveLength(1);
  });

  it('draws a map of nearby offers above the numbered results, only with a searched place', async () => {
    const near = await new Client(app).get('/?postnummer=4000');
    expect(near.statusCode).toBe(200);
    const map = near.body.indexOf('class="lighed-results-map"');
    const list = near.body.indexOf('lighed-result-list');
    expect(map).toBeGreaterThan(0);
    expect(map).toBeLessThan(list);
    expect(near.body).toContain('data-kommune="0265"');
    expect(near.body).toMatch(/data-marker="1" data-offer="[0-9a-f-]{36}"/);
    const noPlace = await new Client(app).get('/?q=g%C3%A5tur');
    expect(noPlace.body).not.toContain('lighed-results-map');
  });
});
