/**
 * A conversation and a sign-up point to the citizen record (issue 10, migration 0016): an
 * afklarende samtale booked from a referral carries the referral's citizen, and a sign-up made
 * from it too; the citizen's insight export (over the admin's page) lists both, and erasure
 * deletes both, each deletion audited in the erasure's transaction.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import {
  bookAfklarendeSamtale,
  createReferral,
  transitionReferral,
  type ReferralActor,
} from '../referrals/index.ts';
import type { Worker } from './access.ts';
import { signUp } from './offers.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });

const workerOf = (s: StaffUser): Worker => ({
  team: { id: s.id, kommune: s.kommune, role: s.role, team_id: s.team_id },
  actor: { kommune: s.kommune, actorId: s.id, actorRole: s.role, requestId: 'test' },
});

interface Exported {
  sections: {
    conversations: {
      id: string;
      status: string;
      name: string;
      instruments: string[];
      answered: Record<string, number>;
      offers: { id: string; signedUp: boolean }[];
    }[];
    signups: { id: string; offer: { id: string }; name: string; status: string }[];
  };
}

eachEngine('conversations and sign-ups in the citizen’s insight and erasure', (ctx) => {
  let app: FastifyInstance;
  let f: ReferralFixture;
  let admin: Client;

  /** As the system sees it: the links to the citizen, and the audit rows of an erasure. */
  const look = (referralId: string, conversationId: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
      const [r] = await tx.query<{ citizen_id: string }>(
        'select citizen_id from referral where id = $1',
        [referralId],
      );
      const [c] = await tx.query<{ citizen_id: string | null }>(
        'select citizen_id from conversation where id = $1',
        [conversationId],
      );
      const signups = await tx.query<{ id: string; citizen_id: string | null }>(
        `select s.id, s.citizen_id from signup s
           join conversation_offer co on co.signup_id = s.id where co.conversation_id = $1`,
        [conversationId],
      );
      return { referral: r?.citizen_id, conversation: c?.citizen_id, signups };
    });

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    app = await testApp(ctx.db);
    admin = new Client(app);
    await admin.signIn('admin@test.dk');
  });
  afterAll(() => app?.close());

  it('a booked conversation and its sign-up point to the citizen; export lists them; erasure deletes them, audited', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), {
      citizen: {
        name: 'Samtale Henvist',
        birthDate: '1975-05-05',
        phone: '50 50 50 50',
        preferredLanguage: 'da',
        interpreterNeeded: false,
      },
      requestedService: 'afklarende_samtale',
      reason: { topics: ['physical_activity'] },
      needs: {},
      note: '',
      consentAt: new Date(),
    });
    const booked = await bookAfklarendeSamtale(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: r.version,
    });
    const conversationId = booked.conversationId!;
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);

    const signed = await signUp(ctx.db, workerOf(f.users.afklarende), conversationId, f.walkId, {
      name: 'Samtale Henvist',
      phone: '50 50 50 50',
      email: '',
      preferred_language: 'da',
      needs_interpreter: false,
      message: '',
      consent: true,
    });
    expect(signed.kind).toBe('done');

    const linked = await look(r.id, conversationId);
    const citizenId = linked.referral!;
    expect(citizenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(linked.conversation).toBe(citizenId);
    expect(linked.signups).toHaveLength(1);
    expect(linked.signups[0]!.citizen_id).toBe(citizenId);
    const signupId = linked.signups[0]!.id;

    const json = await admin.get(`/personale/borgere/${citizenId}/indsigt.json`);
    expect(json.statusCode).toBe(200);
    const data = JSON.parse(json.body) as Exported;
    expect(data.sections.conversations).toHaveLength(1);
    const conv = data.sections.conversations[0]!;
    expect(conv).toMatchObject({
      id: conversationId,
      status: 'in_progress',
      name: 'Samtale Henvist',
      offers: [{ id: f.walkId, signedUp: true }],
    });
    expect(conv.instruments.length).toBeGreaterThan(0);
    expect(Object.keys(conv.answered)).toEqual(conv.instruments);
    expect(data.sections.signups).toEqual([
      expect.objectContaining({
        id: signupId,
        offer: expect.objectContaining({ id: f.walkId }) as unknown,
        name: 'Samtale Henvist',
        status: 'new',
      }),
    ]);
    const page = await admin.get(`/personale/borgere/${citizenId}/indsigt`);
    expect(page.body).toContain('<h2>Sundhedssamtaler</h2>');
    expect(page.body).toContain('<h2>Tilmeldinger</h2>');

    // The accepted referral holds the erasure; once cancelled, everything may go.
    await transitionReferral(ctx.db, as(f.users.gp), r.id, {
      to: 'cancelled',
      expectedVersion: booked.version,
      reasonCode: 'got_help_elsewhere',
    });
    const done = await admin.post(
      `/personale/borgere/${citizenId}/slet`,
      {},
      `/personale/borgere/${citizenId}/slet`,
    );
    expect(done.statusCode, done.body.slice(0, 300)).toBe(303);
    expect(await look(r.id, conversationId)).toEqual({
      referral: undefined,
      conversation: undefined,
      signups: [],
    });
    const left = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from signup where id = $1', [signupId]),
    );
    expect(left[0]!.n).toBe(0);
    const audit = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ entity: string; entity_id: string; summary: string; actor_role: string }>(
        `select entity, entity_id, summary, actor_role from audit_log
          where action = 'delete' and entity_id = any($1::text[]) order by seq`,
        [[conversationId, signupId, citizenId]],
      ),
    );
    expect(audit).toEqual([
      {
        entity: 'conversation',
        entity_id: conversationId,
        summary: 'deleted with the citizen on request',
        actor_role: 'admin',
      },
      {
        entity: 'signup',
        entity_id: signupId,
        summary: 'deleted with the citizen on request',
        actor_role: 'admin',
      },
      {
        entity: 'citizen',
        entity_id: citizenId,
        summary: 'erased on request',
        actor_role: 'admin',
      },
    ]);
  });
});
