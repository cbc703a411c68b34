/**
 * A frontline worker's referral after a health conversation: the form is prefilled from the
 * conversation (name, language, interpreter, chosen offer), and the referral goes straight to
 * the offer's provider. From an afklarende samtale, the same button leads to the referral that
 * booked it (to refer it on), not to a new one.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import type { StaffUser } from '../platform/principal.ts';
import { startConversation } from '../conversation/conversation.service.ts';
import { inTeam, saveOffer } from '../conversation/conversation.store.ts';
import {
  bookAfklarendeSamtale,
  createReferral,
  getReferral,
  listReferrals,
  type ReferralActor,
} from './referral.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });
const worker = (s: StaffUser) => ({
  team: { id: s.id, kommune: s.kommune, role: s.role, team_id: s.team_id },
  actor: { kommune: s.kommune, actorId: s.id, actorRole: s.role, requestId: 'test' },
});

eachEngine('a worker’s referral after a health conversation', (ctx) => {
  let app: FastifyInstance;
  let f: ReferralFixture;
  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    app = await testApp(ctx.db);
  });
  afterAll(() => app?.close());

  it('is prefilled from the conversation and goes straight to the chosen offer’s provider', async () => {
    const w = worker(f.users.frontline);
    const conversationId = await startConversation(ctx.db, w, {
      anonymous: false,
      citizen_name: 'Samira Khalil',
      birth_year: 1980,
      sex: 'female',
      postcode: '4000',
      language: 'ar',
      interpreter_needed: true,
      arena: 'job_centre',
      brings_children: false,
      availability: { days: [], times: [] },
    });
    await inTeam(ctx.db, w.team, (tx) =>
      saveOffer(tx, { id: conversationId, kommune: '0265' }, f.walkId, []),
    );
    const c = new Client(app);
    await c.signIn('frontline@test.dk');
    const page = await c.get(`/personale/henvisninger/ny?samtale=${conversationId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Samira Khalil"');
    expect(page.body).toMatch(new RegExp(`<option value="${f.walkId}" selected`));
    expect(page.body).toMatch(/value="interpreter" checked/);
    // Another team's worker cannot read the conversation through the form.
    const other = new Client(app);
    await other.signIn('frontline2@test.dk');
    expect(
      (await other.get(`/personale/henvisninger/ny?samtale=${conversationId}`)).statusCode,
    ).toBe(404);

    const res = await c.post(
      `/personale/henvisninger/ny?samtale=${conversationId}`,
      {
        name: 'Samira Khalil',
        birthDate: '1980-05-05',
        phone: '30 30 30 30',
        preferredLanguage: 'ar',
        topics: 'physical_activity',
        requestedService: 'offer',
        offerId: f.walkId,
        needs: 'interpreter',
        consent: 'ja',
      },
      `/personale/henvisninger/ny?samtale=${conversationId}`,
    );
    expect(res.statusCode).toBe(303);
    const id = /henvisninger\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    const v = await getReferral(ctx.db, as(f.users.provider), id);
    expect(v).toMatchObject({
      source: 'worker',
      status: 'requested',
      ownerOrgId: f.orgId,
      offerId: f.walkId,
    });
    expect(v.history[0]?.detail).toMatchObject({ conversationId });
    expect((await listReferrals(ctx.db, as(f.users.frontline))).map((r) => r.id)).toContain(id);
  });

  it('from an afklarende samtale, leads to the referral that booked it', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), {
      citizen: {
        name: 'Booked Person',
        birthDate: '1975-01-01',
        phone: '20 30 40 50',
        preferredLanguage: 'da',
        interpreterNeeded: false,
      },
      requestedService: 'afklarende_samtale',
      reason: { topics: ['diet'] },
      needs: {},
      consentAt: new Date(),
    });
    const booked = await bookAfklarendeSamtale(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: 1,
    });
    const c = new Client(app);
    await c.signIn('afklarende@test.dk');
    const res = await c.get(`/personale/henvisninger/ny?samtale=${booked.conversationId}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/personale/henvisninger/${r.id}#h-referOn`);
    const detail = await c.get(`/personale/henvisninger/${r.id}`);
    expect(detail.body).toContain('id="h-referOn"');
  });
});
