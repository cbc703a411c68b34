/**
 * "Træk samtykke tilbage" on the admin's citizen card: a POST per active consent (CSRF checked,
 * admin only), audited, setting withdrawn_at, which the card and the insight export then show;
 * a consent withdrawn already, or another citizen's, is not found.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTenant } from '../db/db.ts';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { findOrCreateCitizen, inPeopleScope } from './index.ts';

const system = { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'seed' };
const scope = { kommune: '0265', role: 'system', organization_id: null, team_id: null };

eachEngine('withdrawing a consent', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let citizenId: string;
  let otherId: string;
  const consents = (id: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
      return tx.query<{ id: string; purpose: string; withdrawn_at: Date | null }>(
        'select id, purpose, withdrawn_at from citizen_consent where citizen_id = $1 order by given_at, purpose',
        [id],
      );
    });

  beforeAll(async () => {
    await seedFixture(ctx.db);
    app = await testApp(ctx.db);
    const make = (name: string, purpose: string) =>
      inPeopleScope(ctx.db, scope, (tx) =>
        findOrCreateCitizen(tx, system, {
          name,
          birthDate: '1980-06-06',
          preferredLanguage: 'da',
          interpreterNeeded: false,
          consent: { purpose, version: 'v1' },
        }),
      );
    citizenId = (await make('Samtykke Borger', 'referral')).id;
    // A second consent for the same citizen (matched on name and birth date).
    await make('Samtykke Borger', 'conversation');
    otherId = (await make('Anden Borger', 'referral')).id;
    admin = new Client(app);
    await admin.signIn('admin@test.dk');
  });
  afterAll(() => app?.close());

  it('offers a button per active consent, withdraws one (audited), and shows it withdrawn', async () => {
    const [referral, conversation] = await consents(citizenId);
    expect([referral!.purpose, conversation!.purpose]).toEqual(['referral', 'conversation']);
    const card = await admin.get(`/personale/borgere/${citizenId}`);
    const action = (id: string) => `/personale/borgere/${citizenId}/samtykke/${id}/traek-tilbage`;
    expect(card.body).toContain(`action="${action(referral!.id)}"`);
    expect(card.body).toContain(`action="${action(conversation!.id)}"`);
    expect(card.body).toContain('Træk samtykke tilbage');
    expect(card.body).toContain('(formål Henvisning til et forebyggelsestilbud, version v1)');

    // Without the CSRF token: refused, nothing changed.
    const forged = await admin.postRaw(action(referral!.id), {});
    expect(forged.statusCode).toBe(403);
    expect((await consents(citizenId))[0]!.withdrawn_at).toBeNull();

    const res = await admin.post(action(referral!.id), {}, `/personale/borgere/${citizenId}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/personale/borgere/${citizenId}?samtykke=trukket`);
    const after = await consents(citizenId);
    expect(after[0]!.withdrawn_at).toBeInstanceOf(Date);
    expect(after[1]!.withdrawn_at).toBeNull();

    const shown = await admin.get(String(res.headers.location));
    expect(shown.body).toMatch(/role="status"[\s\S]*Samtykket er trukket tilbage/);
    expect(shown.body).not.toContain(`action="${action(referral!.id)}"`);
    expect(shown.body).toContain(`action="${action(conversation!.id)}"`);
    const withdrawnOn = new Intl.DateTimeFormat('da', {
      dateStyle: 'short',
      timeZone: 'Europe/Copenhagen',
    }).format(after[0]!.withdrawn_at!);
    expect(shown.body).toContain(withdrawnOn);

    const audit = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; summary: string; actor_role: string }>(
        `select action, summary, actor_role from audit_log
          where entity = 'citizen' and entity_id = $1 and summary like 'consent withdrawn%'`,
        [citizenId],
      ),
    );
    expect(audit).toEqual([
      { action: 'update', summary: 'consent withdrawn for referral', actor_role: 'admin' },
    ]);

    // The insight export carries the withdrawal.
    const json = JSON.parse(
      (await admin.get(`/personale/borgere/${citizenId}/indsigt.json`)).body,
    ) as {
      consents: { purpose: string; withdrawnAt: string | null }[];
    };
    expect(json.consents).toEqual([
      expect.objectContaining({ purpose: 'referral', withdrawnAt: expect.any(String) as unknown }),
      expect.objectContaining({ purpose: 'conversation', withdrawnAt: null }),
    ]);
    const en = await admin.get(`/personale/borgere/${citizenId}?lang=en`);
    expect(en.body).toContain('Withdraw consent');
    await admin.get('/personale/borgere?lang=da');
  });

  it('refuses a consent withdrawn already, another citizen’s, and anyone but the admin', async () => {
    const [referral, conversation] = await consents(citizenId);
    const url = (c: string, id: string) => `/personale/borgere/${c}/samtykke/${id}/traek-tilbage`;
    const card = `/personale/borgere/${citizenId}`;
    expect((await admin.post(url(citizenId, referral!.id), {}, card)).statusCode).toBe(404);
    expect((await admin.post(url(otherId, conversation!.id), {}, card)).statusCode).toBe(404);
    expect((await admin.post(url(citizenId, 'not-a-uuid'), {}, card)).statusCode).toBe(404);
    for (const email of ['provider@test.dk', 'frontline@test.dk', 'referrer@test.dk']) {
      const c = new Client(app);
      await c.signIn(email);
      const res = await c.post(url(citizenId, conversation!.id), {}, '/personale');
      expect(res.statusCode, email).toBe(403);
    }
    expect((await consents(citizenId))[1]!.withdrawn_at).toBeNull();
    expect((await consents(otherId))[0]!.withdrawn_at).toBeNull();
  });
});
