/**
 * Referrals in the citizen's insight export and erasure (people/'s registry, wired in app.ts),
 * over the admin's pages: the export carries each referral with its history, sessions and
 * closing note; erasure deletes a closed referral with its rows (audited), and is refused, with
 * a clear message and nothing deleted, while a referral is still active.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import {
  createReferral,
  forwardToProvider,
  recordSession,
  transitionReferral,
  type ReferralActor,
} from './index.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });

interface Exported {
  citizen: { id: string; name: string };
  sections: {
    referrals: {
      id: string;
      status: string;
      offer: string | null;
      closingNote: { outcome: string; sessionsAttended: number; agreed: string } | null;
      sessions: { heldOn: string; attendance: string }[];
      history: { kind: string; toStatus: string | null }[];
    }[];
  };
}

eachEngine('referrals in the citizen’s insight and erasure', (ctx) => {
  let app: FastifyInstance;
  let f: ReferralFixture;
  let admin: Client;

  /** A GP's referral for a new citizen; with `close`, taken to completed with a closing note. */
  const referral = async (name: string, close: boolean) => {
    const r = await createReferral(ctx.db, as(f.users.gp), {
      citizen: {
        name,
        birthDate: '1968-02-02',
        phone: '40 40 40 40',
        preferredLanguage: 'da',
        interpreterNeeded: false,
      },
      requestedService: 'afklarende_samtale',
      reason: { topics: ['physical_activity'] },
      needs: {},
      note: 'Vil gerne gå sammen med andre.',
      consentAt: new Date(),
    });
    if (!close) return r;
    let v = await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: r.version,
      offerId: f.walkId,
    });
    const provider = as(f.users.provider);
    v = await transitionReferral(ctx.db, provider, r.id, {
      to: 'accepted',
      expectedVersion: v.version,
    });
    v = await transitionReferral(ctx.db, provider, r.id, {
      to: 'in-progress',
      expectedVersion: v.version,
      detail: { enrolledOn: '2026-11-03' },
    });
    v = await recordSession(ctx.db, provider, r.id, {
      expectedVersion: v.version,
      heldOn: '2026-11-03',
      attendance: 'attended',
    });
    await transitionReferral(ctx.db, provider, r.id, {
      to: 'completed',
      expectedVersion: v.version,
      detail: {
        closingNote: {
          outcome: 'goal_met',
          sessionsAttended: 1,
          agreed: 'Går med hver tirsdag.',
          nextStep: 'Ingen.',
        },
      },
    });
    return r;
  };

  /** The citizen a referral points to, and how many rows of it remain (as the system sees). */
  const rows = (referralId: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
      const [r] = await tx.query<{ citizen_id: string }>(
        'select citizen_id from referral where id = $1',
        [referralId],
      );
      const [n] = await tx.query<{ events: number; sessions: number }>(
        `select (select count(*)::int from referral_event where referral_id = $1) as events,
                (select count(*)::int from referral_session where referral_id = $1) as sessions`,
        [referralId],
      );
      return { citizenId: r?.citizen_id, ...n! };
    });

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    app = await testApp(ctx.db);
    admin = new Client(app);
    await admin.signIn('admin@test.dk');
  });
  afterAll(() => app?.close());

  it('the insight export carries the referrals with history, sessions and closing note', async () => {
    const r = await referral('Indsigt Henvist', true);
    const { citizenId } = await rows(r.id);
    const json = await admin.get(`/personale/borgere/${citizenId}/indsigt.json`);
    expect(json.statusCode).toBe(200);
    const data = JSON.parse(json.body) as Exported;
    expect(data.sections.referrals).toHaveLength(1);
    const x = data.sections.referrals[0]!;
    expect(x).toMatchObject({
      id: r.id,
      status: 'completed',
      offer: 'Gåtur i Æblehaven',
      closingNote: { outcome: 'goal_met', sessionsAttended: 1, agreed: 'Går med hver tirsdag.' },
      sessions: [{ heldOn: '2026-11-03', attendance: 'attended' }],
    });
    expect(x.history.map((h) => h.kind)).toEqual([
      'created',
      'routed',
      'transition',
      'enrolled',
      'session',
      'transition',
    ]);
    const page = await admin.get(`/personale/borgere/${citizenId}/indsigt`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>Henvisninger</h2>');
    expect(page.body).toContain('Går med hver tirsdag.');
  });

  it('erases a citizen whose referral is closed: the referral and its rows go, audited', async () => {
    const r = await referral('Slet Afsluttet', true);
    const before = await rows(r.id);
    expect(before).toMatchObject({ events: 6, sessions: 1 });
    const page = await admin.get(`/personale/borgere/${before.citizenId}/slet`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Slet borgerens oplysninger');
    const done = await admin.post(
      `/personale/borgere/${before.citizenId}/slet`,
      {},
      `/personale/borgere/${before.citizenId}/slet`,
    );
    expect(done.statusCode, done.body.slice(0, 300)).toBe(303);
    expect(await rows(r.id)).toEqual({ citizenId: undefined, events: 0, sessions: 0 });
    expect((await admin.get(`/personale/borgere/${before.citizenId}`)).statusCode).toBe(404);
    const audit = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ entity: string; entity_id: string; summary: string; actor_role: string }>(
        `select entity, entity_id, summary, actor_role from audit_log
          where action = 'delete' and entity_id = any($1::text[]) order by seq`,
        [[r.id, before.citizenId]],
      ),
    );
    expect(audit).toEqual([
      {
        entity: 'referral',
        entity_id: r.id,
        summary: 'erased with the citizen on request',
        actor_role: 'admin',
      },
      {
        entity: 'citizen',
        entity_id: before.citizenId,
        summary: 'erased on request',
        actor_role: 'admin',
      },
    ]);
  });

  it('refuses while a referral is active, says why, deletes nothing; erases once it is cancelled', async () => {
    const r = await referral('Slet Aktiv', false);
    const { citizenId } = await rows(r.id);
    const held = 'Borgeren har en henvisning, der stadig er i gang';
    const page = await admin.get(`/personale/borgere/${citizenId}/slet`);
    expect(page.body).toContain(held);
    expect(page.body).not.toContain('action="/personale/borgere/' + citizenId + '/slet"');
    const refused = await admin.post(
      `/personale/borgere/${citizenId}/slet`,
      {},
      `/personale/borgere/${citizenId}`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(held);
    const en = await admin.get(`/personale/borgere/${citizenId}/slet?lang=en`);
    expect(en.body).toContain('The citizen has a referral that is still active');
    await admin.get('/personale/borgere?lang=da');
    expect(await rows(r.id)).toMatchObject({ citizenId, events: 1 });
    expect((await admin.get(`/personale/borgere/${citizenId}`)).statusCode).toBe(200);

    await transitionReferral(ctx.db, as(f.users.gp), r.id, {
      to: 'cancelled',
      expectedVersion: r.version,
      reasonCode: 'got_help_elsewhere',
    });
    const done = await admin.post(
      `/personale/borgere/${citizenId}/slet`,
      {},
      `/personale/borgere/${citizenId}/slet`,
    );
    expect(done.statusCode).toBe(303);
    expect(await rows(r.id)).toMatchObject({ citizenId: undefined, events: 0 });
  });
});
