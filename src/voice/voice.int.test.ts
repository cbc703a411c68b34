/**
 * The citizens' voice over HTTP on both engines: anonymous storage (no personal columns, the
 * month only), the honeypot and the shared rate limit, suppression and free texts, role
 * checks, suggestions with a version check, panels (consent, audit, invitation in the member's
 * language, removal, retention), and issue 13's done-when: a citizen reading Somali gives
 * feedback on a walking group, transport the barrier; the provider and the planner see it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { inTenant } from '../db/db.ts';
import { giveFeedback } from './feedback.service.ts';
import { purgeVoice } from './panel.service.ts';

eachEngine('the citizens’ voice', (ctx) => {
  let app: FastifyInstance;
  let f: Fixture;
  const as: Record<string, Client> = {};
  let panelUrl = '';

  const owner = <T>(sql: string, params: unknown[] = []) =>
    ctx.db.asOwner((tx) => tx.query<T>(sql, params));

  /** A citizen's post from her own address, with the form's CSRF token. */
  async function postFrom(ip: string, url: string, fields: Record<string, string | string[]>) {
    const page = await app.inject({ method: 'GET', url, remoteAddress: ip });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const body = new URLSearchParams({ _csrf: token });
    for (const [k, v] of Object.entries(fields))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return app.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }

  beforeAll(async () => {
    f = await seedFixture(ctx.db);
    // The monitor's survey: the panel's make-up is compared with Roskilde's population.
    await seedSurvey(ctx.db);
    app = await testApp(ctx.db);
    for (const who of ['planner', 'provider', 'other-provider', 'referrer']) {
      as[who] = new Client(app);
      await as[who].signIn(`${who}@test.dk`);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores feedback and suggestions without any personal column, with the month only', async () => {
    const cols = await owner<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_name in ('voice_feedback', 'voice_suggestion') order by table_name, column_name`,
    );
    const of = (t: string) => cols.filter((c) => c.table_name === t).map((c) => c.column_name);
    expect(of('voice_feedback')).toEqual([
      'barriers',
      'comment',
      'id',
      'kommune',
      'offer_id',
      'rating',
      'received_month',
    ]);
    expect(of('voice_suggestion')).not.toEqual(
      expect.arrayContaining(['ip', 'created_at', 'email', 'name', 'citizen_id']),
    );
  });

  it('done when: a citizen reading Somali says transport was the barrier; provider and planner see it', async () => {
    // Eleven earlier answers for the walking group: five named transport.
    for (let i = 0; i < 11; i++)
      await giveFeedback(
        ctx.db,
        { id: f.walkId, kommune: '0265' },
        {
          rating: 4,
          barriers: i < 5 ? ['transport'] : [],
          comment: i === 0 ? 'Fin tur, men bussen er dyr.' : '',
        },
        new Date(),
      );
    const citizen = new Client(app);
    const url = `/tilbud/${f.walkId}/mening`;
    const page = await citizen.get(`${url}?lang=so`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="so"');
    expect(page.body).toContain('Gaadiidka ama masaafada');
    // The offer's Danish title is marked as Danish on the Somali page.
    expect(page.body).toMatch(/lang="da"[^>]*>Gåtur i Æblehaven/);
    // Without a rating: the error at the field, in Somali, nothing stored.
    const bad = await citizen.post(url, { barriers: 'transport' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dooro sidii ay ahayd');
    const ok = await citizen.post(url, {
      rating: '4',
      barriers: 'transport',
      comment: 'Baska ayaa dheer.',
    });
    expect(ok.statusCode).toBe(303);
    expect((await citizen.get(ok.headers.location as string)).body).toContain(
      'Waad ku mahadsan tahay fikirkaaga',
    );
    const [stored] = await owner<{ n: number; day: number }>(
      `select count(*)::int as n, max(extract(day from received_month))::int as day
         from voice_feedback where offer_id = $1`,
      [f.walkId],
    );
    expect(stored).toEqual({ n: 12, day: 1 });

    for (const who of ['provider', 'planner']) {
      const seen = await as[who]!.get('/personale/stemme?lang=da');
      expect(seen.statusCode).toBe(200);
      const row = /<tr>\s*<td><span lang="da">Gåtur i Æblehaven<\/span><\/td>(.*?)<\/tr>/s.exec(
        seen.body,
      );
      const cells = [...(row?.[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
      // Responses 12; ratings 0 0 0 12 0; barriers practical time money transport mental.
      expect(cells).toEqual(['12', '0', '0', '0', '12', '0', '0', '0', '0', '6', '0']);
      // Twelve answers: the free texts are shown, with no date beside them.
      expect(seen.body).toContain('<li dir="auto">Baska ayaa dheer.</li>');
    }
    // Another provider sees none of it.
    const other = await as['other-provider']!.get('/personale/stemme');
    expect(other.body).not.toContain('Gåtur i Æblehaven');
    expect(other.body).not.toContain('Baska ayaa dheer.');
  });

  it('refuses a filled honeypot and a flood from one address, without storing', async () => {
    const before = await owner<{ n: number }>('select count(*)::int as n from voice_feedback');
    const url = `/tilbud/${f.walkId}/mening`;
    const trap = await postFrom('203.0.113.7', url, { rating: '5', lighed_hp: 'http://spam' });
    expect(trap.statusCode).toBe(400);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await postFrom('203.0.113.8', url, { rating: '5' })).statusCode);
    expect(codes).toEqual([303, 303, 303, 303, 303, 303, 429]);
    const after = await owner<{ n: number }>('select count(*)::int as n from voice_feedback');
    expect(after[0]!.n - before[0]!.n).toBe(6);
    // The counters hold a hash, never the address.
    const keys = await owner<{ key: string }>('select key from rate_limit');
    expect(keys.some((k) => k.key.includes('203.0.113'))).toBe(false);
  });

  it('checks roles on every staff page', async () => {
    expect((await as.referrer!.get('/personale/stemme')).statusCode).toBe(403);
    expect((await as.provider!.get('/personale/stemme/forslag')).statusCode).toBe(403);
    expect((await as.provider!.get('/personale/stemme/paneler')).statusCode).toBe(403);
    expect((await new Client(app).get('/personale/stemme/paneler')).statusCode).toBe(302);
  });

  it('takes a suggestion; the planner tags, answers and publishes it; a stale save is refused', async () => {
    const citizen = new Client(app);
    const sent = await citizen.post('/foreslaa?lang=ar', {
      what: 'مجموعة مشي للنساء في المساء',
      place: 'Musicon',
      for_whom: '',
    });
    expect(sent.statusCode).toBe(303);
    const list = await as.planner!.get('/personale/stemme/forslag');
    expect(list.body).toContain('مجموعة مشي للنساء في المساء');
    const id = /\/personale\/stemme\/forslag\/([0-9a-f-]{36})/.exec(list.body)![1]!;
    const edit = `/personale/stemme/forslag/${id}`;
    const noAnswer = await as.planner!.post(edit, {
      status: 'planned',
      published: 'ja',
      version: '1',
    });
    expect(noAnswer.statusCode).toBe(400);
    const saved = await as.planner!.post(edit, {
      status: 'planned',
      tags: ['physical_activity', 'adults'],
      answer: 'Vi starter et aftenhold efter sommerferien.',
      published: 'ja',
      version: '1',
    });
    expect(saved.statusCode).toBe(303);
    const stale = await as.planner!.post(edit, { status: 'done', answer: 'x', version: '1' });
    expect(stale.statusCode).toBe(409);
    const pub = await new Client(app).get('/forslag?lang=ar');
    expect(pub.body).toContain('مجموعة مشي للنساء في المساء');
    expect(pub.body).toContain('Vi starter et aftenhold efter sommerferien.');
  });

  it('recruits a panel with consent, audits its members, invites in their language, removes on request', async () => {
    const made = await as.planner!.post('/personale/stemme/paneler', {
      name: 'Brugerpanel for sundhed',
      kind: 'user_panel',
      purpose: 'Vi taler om tilbuddene.',
    });
    expect(made.statusCode).toBe(303);
    panelUrl = made.headers.location as string;
    const panelId = panelUrl.split('/').pop()!;
    const citizen = new Client(app);
    const join = `/panel/${panelId}`;
    const noConsent = await citizen.post(`${join}?lang=ar`, {
      name: 'أمينة',
      email: 'amina@example.org',
      channels: 'email',
      language: 'ar',
    });
    expect(noConsent.statusCode).toBe(400);
    const joined = await citizen.post(join, {
      name: 'أمينة',
      email: 'amina@example.org',
      channels: 'email',
      language: 'ar',
      education: '1',
      born_dk: 'no',
      consent: 'ja',
    });
    expect(joined.statusCode).toBe(303);
    const page = await as.planner!.get(panelUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('amina@example.org');
    expect(page.body).not.toContain('Monitoren har ingen befolkningstal');
    expect(page.body).toMatch(/<td>\d+\s?%<\/td>/);
    const [member] = await owner<{ id: string; consent_text: string }>(
      'select id, consent_text from voice_panel_member where panel_id = $1',
      [panelId],
    );
    expect(member!.consent_text).toMatch(/consent/);
    const audits = await owner<{ action: string; actor_role: string }>(
      `select action, actor_role from audit_log where entity = 'panel_member' and entity_id = $1 order by id`,
      [member!.id],
    );
    expect(audits).toEqual([
      { action: 'create', actor_role: 'citizen' },
      { action: 'read', actor_role: 'planner' },
    ]);
    // A request without the planner's role reads no members, whatever the SQL says.
    const hidden = await inTenant(ctx.db, '0265', (tx) =>
      tx.query('select id from voice_panel_member'),
    );
    expect(hidden).toEqual([]);

    const soon = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);
    const invited = await as.planner!.post(
      `${panelUrl}/inviter`,
      { date: soon, time: '17:00', place: 'Roskilde Rådhus', address: '', contact: '46 31 30 00' },
      panelUrl,
    );
    expect(invited.statusCode).toBe(303);
    const [mail] = await owner<{ subject: string; body_text: string }>(
      `select subject, body_text from outbox where kind = 'voice.panel-invitation' and to_address = 'amina@example.org'`,
    );
    expect(mail!.subject).toMatch(/[\u0600-\u06ff]/);
    expect(mail!.body_text).toContain('\u2066Roskilde Rådhus\u2069');

    const removed = await as.planner!.post(
      `${panelUrl}/medlemmer/${member!.id}/slet`,
      {},
      panelUrl,
    );
    expect(removed.statusCode).toBe(303);
    expect(await owner('select id from voice_panel_member where id = $1', [member!.id])).toEqual(
      [],
    );
  });

  it('deletes members past their retention date, audited as the system', async () => {
    const panelId = panelUrl.split('/').pop()!;
    await new Client(app).post(`/panel/${panelId}`, {
      name: 'Ole',
      phone: '20304050',
      channels: 'sms',
      language: 'da',
      consent: 'ja',
    });
    const gone = await purgeVoice(ctx.db, new Date(Date.now() + 4 * 365 * 864e5));
    expect(gone).toBeGreaterThanOrEqual(1);
    expect(await owner('select id from voice_panel_member where panel_id = $1', [panelId])).toEqual(
      [],
    );
  });
});
