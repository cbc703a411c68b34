/**
 * The admin's citizen pages over HTTP, with the app's real logger captured: a CPR number never
 * appears in a log line, an address or an audit summary, only on the explicit "vis"; only the
 * admin gets in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture } from '../../test/support/app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { inTenant } from '../db/db.ts';
import { findOrCreateCitizen, inPeopleScope } from './index.ts';

const CPR = '150472-3917';
const DIGITS = [CPR, CPR.replace('-', ''), '3917'];

eachEngine('people pages', (ctx) => {
  let app: FastifyInstance;
  const logs: string[] = [];
  let id: string;

  beforeAll(async () => {
    await seedFixture(ctx.db);
    // The real logger at debug level, written to memory instead of stdout.
    const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'debug' });
    app = await buildApp({
      db: ctx.db,
      config,
      cookieSecret: 'x'.repeat(40),
      logStream: { write: (line: string) => void logs.push(line) },
    });
    id = (
      await inPeopleScope(
        ctx.db,
        { kommune: '0265', role: 'system', organization_id: null, team_id: null },
        (tx) =>
          findOrCreateCitizen(
            tx,
            { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'seed' },
            {
              name: 'Nadia Rahimi',
              cpr: CPR,
              phone: '20304050',
              preferredLanguage: 'ar',
              interpreterNeeded: true,
            },
          ),
      )
    ).id;
  });

  const signedIn = async (email: string) => {
    const c = new Client(app);
    await c.signIn(email);
    return c;
  };

  it('finds the citizen by CPR number with a POST, shows it masked, and "vis" shows it in full', async () => {
    const c = await signedIn('admin@test.dk');
    const empty = await c.get('/personale/borgere');
    expect(empty.statusCode).toBe(200);
    const found = await c.post('/personale/borgere', { cpr: CPR, navn: '', foedselsdato: '' });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('Nadia Rahimi');
    expect(found.body).toContain('150472-xxxx');
    for (const d of DIGITS.slice(0, 2)) expect(found.body).not.toContain(d);

    const card = await c.get(`/personale/borgere/${id}`);
    expect(card.statusCode).toBe(200);
    expect(card.headers['cache-control']).toBe('no-store');
    expect(card.body).toContain('150472-xxxx');
    expect(card.body).not.toContain(CPR);

    const shown = await c.post(`/personale/borgere/${id}/vis-cpr`, {}, `/personale/borgere/${id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(CPR);

    const byName = await c.post('/personale/borgere', {
      cpr: '',
      navn: 'nadia rahimi',
      foedselsdato: '15-04-1972',
    });
    expect(byName.body).toContain(`/personale/borgere/${id}`);
  });

  it('names the field in error, in the reader’s language, without echoing the number', async () => {
    const c = await signedIn('admin@test.dk');
    const bad = await c.post('/personale/borgere', {
      cpr: '320172-3917',
      navn: '',
      foedselsdato: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('CPR-nummeret begynder ikke med en rigtig dato');
    expect(bad.body).toContain('href="#f-cpr"');
    expect(bad.body).not.toContain('320172');
    const none = await c.post('/personale/borgere', { cpr: '', navn: '', foedselsdato: '' });
    expect(none.statusCode).toBe(400);
    const en = await c.get('/personale/borgere?lang=en');
    expect(en.body).toContain('Find a citizen');
  });

  it('exports insight as JSON and as a page, and both are audited', async () => {
    const c = await signedIn('admin@test.dk');
    const json = await c.get(`/personale/borgere/${id}/indsigt.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(json.body) as { citizen: { cpr: string; name: string } };
    expect(data.citizen).toMatchObject({ cpr: CPR, name: 'Nadia Rahimi' });
    const page = await c.get(`/personale/borgere/${id}/indsigt`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nadia Rahimi');
    const rows = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; summary: string }>(
        `select action, summary from audit_log where entity = 'citizen' and entity_id = $1 and action = 'export' order by seq`,
        [id],
      ),
    );
    expect(rows.map((r) => r.summary)).toEqual(['insight export (json)', 'insight export (print)']);
  });

  it('lets only the admin in', async () => {
    for (const email of [
      'provider@test.dk',
      'frontline@test.dk',
      'planner@test.dk',
      'referrer@test.dk',
    ]) {
      const c = await signedIn(email);
      for (const url of [
        '/personale/borgere',
        `/personale/borgere/${id}`,
        `/personale/borgere/${id}/indsigt.json`,
      ])
        expect((await c.get(url)).statusCode, `${email} ${url}`).toBe(403);
      expect(
        (await c.post(`/personale/borgere/${id}/vis-cpr`, {}, '/personale')).statusCode,
        `${email} vis`,
      ).toBe(403);
    }
    expect((await app.inject({ url: `/personale/borgere/${id}` })).statusCode).not.toBe(200);
    const c = await signedIn('admin@test.dk');
    expect((await c.get('/personale/borgere/not-a-uuid')).statusCode).toBe(404);
  });

  it('erases on request, audited, and the card is gone', async () => {
    const c = await signedIn('admin@test.dk');
    const other = await inPeopleScope(
      ctx.db,
      { kommune: '0265', role: 'admin', organization_id: null, team_id: null },
      (tx) =>
        findOrCreateCitizen(
          tx,
          { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'seed' },
          { name: 'Slet Venligst', birthDate: '1990-01-01' },
        ),
    );
    const confirm = await c.get(`/personale/borgere/${other.id}/slet`);
    expect(confirm.statusCode).toBe(200);
    const done = await c.post(
      `/personale/borgere/${other.id}/slet`,
      {},
      `/personale/borgere/${other.id}/slet`,
    );
    expect(done.statusCode).toBe(303);
    expect((await c.get(`/personale/borgere/${other.id}`)).statusCode).toBe(404);
    const rows = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ summary: string }>(
        `select summary from audit_log where entity = 'citizen' and entity_id = $1 and action = 'delete'`,
        [other.id],
      ),
    );
    expect(rows).toEqual([{ summary: 'erased on request' }]);
  });

  describe('afterwards', () => {
    it('no CPR number in any log line, and none in the audit log', async () => {
      expect(logs.length).toBeGreaterThan(20);
      const all = logs.join('\n');
      expect(all).toContain('/personale/borgere');
      for (const d of [...DIGITS.slice(0, 2), '150472', '320172']) expect(all).not.toContain(d);
      const audit = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ summary: string; entity_id: string; request_id: string }>(
          `select summary, entity_id, request_id from audit_log`,
        ),
      );
      const text = JSON.stringify(audit);
      for (const d of [...DIGITS.slice(0, 2), '150472']) expect(text).not.toContain(d);
    });
  });
});
