import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import type { StaffUser } from '../platform/principal.ts';
import { inTenant } from '../db/db.ts';
import {
  bookAfklarendeSamtale,
  createReferral,
  forwardToProvider,
  getReferral,
  listReferrals,
  markContacted,
  recordSession,
  ReferralError,
  transitionReferral,
  type NewReferral,
  type ReferralActor,
} from './referral.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });

let n = 0;
export const referralInput = (over: Partial<NewReferral> = {}): NewReferral => ({
  citizen: {
    name: `Amal Haddad ${++n}`,
    birthDate: '1971-03-04',
    phone: '20 30 40 50',
    preferredLanguage: 'ar',
    interpreterNeeded: true,
  },
  requestedService: 'afklarende_samtale',
  reason: { topics: ['physical_activity'], conditions: ['type2_diabetes'], pregnant: false },
  needs: { interpreter: true, interpreterLanguage: 'ar', handHeld: true },
  note: 'Ønsker hjælp til at komme i gang.',
  consentAt: new Date('2025-06-02T08:00:00Z'),
  ...over,
});

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ReferralError ? e.referralCode : (e as { code?: string }).code;
  }
};

eachEngine('referrals', (ctx) => {
  let f: ReferralFixture;
  const monday = new Date('2025-06-02T08:00:00Z');

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
  });

  it('a GP referral lands in the intake queue, answer due in 2 working days, with history and audit', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), referralInput(), { now: monday });
    expect(r.created).toBe(true);
    expect(r.version).toBe(1);
    const v = await getReferral(ctx.db, as(f.users.gp), r.id, { now: monday });
    expect(v).toMatchObject({
      status: 'requested',
      source: 'referrer',
      requesterOrgId: f.gpOrgId,
      requesterOrgName: 'Lægehuset Algade',
      ownerOrgId: null,
      answerDue: '2025-06-04',
      overdue: false,
      needs: { interpreter: true, interpreterLanguage: 'ar', handHeld: true },
      parties: ['requester'],
      next: ['cancelled', 'entered-in-error'],
    });
    expect(v.citizen?.name).toMatch(/^Amal Haddad/);
    expect(v.citizen?.interpreterNeeded).toBe(true);
    expect(v.history.map((h) => [h.kind, h.toStatus])).toEqual([['created', 'requested']]);
    const queue = await listReferrals(
      ctx.db,
      as(f.users.coordinator),
      {},
      { view: 'queue', now: new Date('2025-06-05T08:00:00Z') },
    );
    const mine = queue.find((q) => q.id === r.id);
    expect(mine?.overdue).toBe(true);
    const audits = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; summary: string }>(
        `select action, summary from audit_log where entity = 'referral' and entity_id = $1 order by id`,
        [r.id],
      ),
    );
    expect(audits[0]).toEqual({
      action: 'create',
      summary: 'referral created (referrer, afklarende_samtale)',
    });
    expect(audits.map((a) => a.summary).join(' ')).not.toMatch(/Amal|Haddad/);
  });

  it('conditional create on the identifier returns the existing referral', async () => {
    const identifier = { system: 'urn:oid:1.2.208.176.1.2', value: `ref-${Date.now()}` };
    const a = await createReferral(ctx.db, as(f.users.hospital), referralInput({ identifier }));
    const b = await createReferral(ctx.db, as(f.users.hospital), referralInput({ identifier }));
    expect(b).toEqual({ id: a.id, version: 1, created: false });
  });

  it('scopes reads: another referrer, a provider and a planner see nothing; coordinator and admin do', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), referralInput());
    for (const u of [f.users.hospital, f.users.provider, f.users.frontline, f.users.afklarende])
      expect(await codeOf(getReferral(ctx.db, as(u), r.id)), u.email).toBe('not_found');
    for (const u of [f.users.coordinator, f.users.admin])
      expect((await getReferral(ctx.db, as(u), r.id)).parties).toEqual(['coordinator']);
    expect((await listReferrals(ctx.db, as(f.users.hospital))).map((x) => x.id)).not.toContain(
      r.id,
    );
    expect((await listReferrals(ctx.db, as(f.users.gp))).map((x) => x.id)).toContain(r.id);
    expect(await listReferrals(ctx.db, as(f.users.provider))).not.toContainEqual(
      expect.objectContaining({ id: r.id }),
    );
    await expect(createReferral(ctx.db, as(f.users.provider), referralInput())).rejects.toThrow(
      /cannot make referrals/,
    );
    await expect(createReferral(ctx.db, as(f.users.planner), referralInput())).rejects.toThrow(
      /cannot make referrals/,
    );
  });

  it('the closed loop: GP → afklarende samtale → walking group → two sessions → completed, note to the GP', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), referralInput());
    const booked = await bookAfklarendeSamtale(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: 1,
    });
    expect(booked).toMatchObject({ status: 'accepted', version: 2, teamId: f.afklarendeTeamId });
    expect(booked.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    // The team holding the afklarende samtale sees it and acts as the visitation.
    const worker = as(f.users.afklarende);
    const seen = await getReferral(ctx.db, worker, r.id);
    expect(seen.parties).toEqual(['coordinator']);
    const started = await transitionReferral(ctx.db, worker, r.id, {
      to: 'in-progress',
      expectedVersion: 2,
    });
    const forwarded = await transitionReferral(ctx.db, worker, r.id, {
      to: 'requested',
      expectedVersion: started.version,
      detail: { offerId: f.walkId },
    });
    expect(forwarded).toMatchObject({
      status: 'requested',
      ownerOrgId: f.orgId,
      offerId: f.walkId,
      requestedService: 'offer',
    });
    const provider = as(f.users.provider);
    expect((await listReferrals(ctx.db, provider)).map((x) => x.id)).toContain(r.id);
    expect(await codeOf(getReferral(ctx.db, as(f.users.otherProvider), r.id))).toBe('not_found');
    let v = await transitionReferral(ctx.db, provider, r.id, {
      to: 'accepted',
      expectedVersion: forwarded.version,
    });
    expect(v.citizen?.name).toMatch(/Amal/);
    v = await markContacted(ctx.db, provider, r.id, { expectedVersion: v.version });
    expect(v.contactedAt).toBeInstanceOf(Date);
    v = await transitionReferral(ctx.db, provider, r.id, {
      to: 'in-progress',
      expectedVersion: v.version,
      detail: { enrolledOn: '2025-06-10' },
    });
    expect(v.enrolledOn).toBe('2025-06-10');
    v = await recordSession(ctx.db, provider, r.id, {
      expectedVersion: v.version,
      heldOn: '2025-06-10',
      attendance: 'attended',
    });
    v = await recordSession(ctx.db, provider, r.id, {
      expectedVersion: v.version,
      heldOn: '2025-06-17',
      attendance: 'attended',
    });
    expect(v.sessions.map((s) => [s.held_on, s.attendance])).toEqual([
      ['2025-06-10', 'attended'],
      ['2025-06-17', 'attended'],
    ]);
    const done = await transitionReferral(ctx.db, provider, r.id, {
      to: 'completed',
      expectedVersion: v.version,
      detail: {
        closingNote: {
          outcome: 'goal_met',
          sessionsAttended: 2,
          agreed: 'Fortsætter selv.',
          nextStep: 'Ingen.',
        },
      },
    });
    expect(done.status).toBe('completed');
    const gpView = await getReferral(ctx.db, as(f.users.gp), r.id);
    expect(gpView.closingNote).toEqual({
      outcome: 'goal_met',
      sessionsAttended: 2,
      agreed: 'Fortsætter selv.',
      nextStep: 'Ingen.',
    });
    expect(gpView.history.map((h) => h.kind)).toEqual([
      'created',
      'booked',
      'transition',
      'routed',
      'transition',
      'contacted',
      'enrolled',
      'session',
      'session',
      'transition',
    ]);
    expect(gpView.version).toBe(10);
    expect(gpView.next).toEqual([]);
    // The announcement: to the GP's referrers, a link only.
    const mails = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ to_address: string; subject: string; body_text: string }>(
        `select to_address, subject, body_text from outbox where kind = 'referral.closing_note' and body_text like $1`,
        [`%${r.id}%`],
      ),
    );
    expect(mails.map((m) => m.to_address)).toEqual(['gp@test.dk']);
    expect(mails[0]!.body_text).toContain(`/personale/henvisninger/${r.id}`);
    for (const m of mails)
      expect(JSON.stringify(m)).not.toMatch(/Amal|Haddad|diabetes|gåtur|Fortsætter/i);
  });

  it('triage: forward a new referral to a provider, or decline it with a reason back to the referrer', async () => {
    const a = await createReferral(
      ctx.db,
      as(f.users.midwife),
      referralInput({
        reason: { topics: ['family'], conditions: [], pregnant: true },
      }),
    );
    const fwd = await forwardToProvider(ctx.db, as(f.users.coordinator), a.id, {
      expectedVersion: 1,
      offerId: f.walkId,
    });
    expect(fwd).toMatchObject({ status: 'requested', ownerOrgId: f.orgId, version: 2 });
    expect(fwd.history.at(-1)?.kind).toBe('routed');
    // Forwarded once, it is no longer the coordinator's to forward.
    expect(
      await codeOf(
        forwardToProvider(ctx.db, as(f.users.coordinator), a.id, {
          expectedVersion: 2,
          offerId: f.walkId,
        }),
      ),
    ).toBe('referral.transition');

    const b = await createReferral(ctx.db, as(f.users.gp), referralInput());
    expect(
      await codeOf(
        transitionReferral(ctx.db, as(f.users.coordinator), b.id, {
          to: 'rejected',
          expectedVersion: 1,
        }),
      ),
    ).toBe('LIGHED_ERR_VALIDATION');
    expect(
      await codeOf(
        transitionReferral(ctx.db, as(f.users.coordinator), b.id, {
          to: 'rejected',
          expectedVersion: 1,
          reasonCode: 'other',
        }),
      ),
    ).toBe('LIGHED_ERR_VALIDATION');
    const declined = await transitionReferral(ctx.db, as(f.users.coordinator), b.id, {
      to: 'rejected',
      expectedVersion: 1,
      reasonCode: 'not_eligible',
    });
    expect(declined.statusReason).toEqual({ code: 'not_eligible', text: '' });
    const back = await getReferral(ctx.db, as(f.users.gp), b.id);
    expect(back.status).toBe('rejected');
    expect(back.history.at(-1)).toMatchObject({
      kind: 'transition',
      fromStatus: 'requested',
      toStatus: 'rejected',
      reasonCode: 'not_eligible',
    });
  });

  it('refuses forbidden moves, and a closing note is required on completed and failed', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), referralInput());
    // The requester cannot accept its own referral; a provider not the owner cannot see it.
    expect(
      await codeOf(
        transitionReferral(ctx.db, as(f.users.gp), r.id, { to: 'accepted', expectedVersion: 1 }),
      ),
    ).toBe('referral.transition');
    expect(
      await codeOf(
        transitionReferral(ctx.db, as(f.users.provider), r.id, {
          to: 'accepted',
          expectedVersion: 1,
        }),
      ),
    ).toBe('not_found');
    await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: 1,
      offerId: f.walkId,
    });
    const acc = await transitionReferral(ctx.db, as(f.users.provider), r.id, {
      to: 'accepted',
      expectedVersion: 2,
    });
    expect(
      await codeOf(
        transitionReferral(ctx.db, as(f.users.provider), r.id, {
          to: 'completed',
          expectedVersion: acc.version,
        }),
      ),
    ).toBe('referral.transition');
    const fail = transitionReferral(ctx.db, as(f.users.provider), r.id, {
      to: 'failed',
      expectedVersion: acc.version,
      reasonCode: 'could_not_contact',
    });
    await expect(fail).rejects.toMatchObject({
      problems: [{ path: 'closingNote', message: 'referral.error.closingNote' }],
    });
    const failed = await transitionReferral(ctx.db, as(f.users.provider), r.id, {
      to: 'failed',
      expectedVersion: acc.version,
      reasonCode: 'could_not_contact',
      detail: {
        closingNote: {
          outcome: 'not_met',
          sessionsAttended: 0,
          agreed: '',
          nextStep: 'Ring igen om et halvt år.',
        },
      },
    });
    expect(failed).toMatchObject({
      status: 'failed',
      statusReason: { code: 'could_not_contact', text: '' },
    });
    expect(failed.closedAt).toBeInstanceOf(Date);
    expect(
      await codeOf(
        transitionReferral(ctx.db, as(f.users.gp), r.id, {
          to: 'cancelled',
          expectedVersion: failed.version,
          reasonCode: 'moved',
        }),
      ),
    ).toBe('referral.transition');
  });

  it('the second of two changes from the same version is told it is stale and sees the new state', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), referralInput());
    await transitionReferral(ctx.db, as(f.users.coordinator), r.id, {
      to: 'rejected',
      expectedVersion: 1,
      reasonCode: 'no_capacity',
    });
    try {
      await transitionReferral(ctx.db, as(f.users.gp), r.id, {
        to: 'cancelled',
        expectedVersion: 1,
        reasonCode: 'got_help_elsewhere',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReferralError);
      const err = e as ReferralError;
      expect(err.referralCode).toBe('referral.stale');
      expect(err.status).toBe(409);
      expect(err.current).toMatchObject({ status: 'rejected', version: 2 });
    }
    const history = (await getReferral(ctx.db, as(f.users.gp), r.id)).history;
    expect(history.map((h) => h.toStatus)).toEqual(['requested', 'rejected']);
  });

  it('an unknown or malformed id is not found', async () => {
    expect(await codeOf(getReferral(ctx.db, as(f.users.coordinator), 'nope'))).toBe('not_found');
    expect(
      await codeOf(
        getReferral(ctx.db, as(f.users.coordinator), '00000000-0000-4000-8000-000000000000'),
      ),
    ).toBe('not_found');
  });

  describe.runIf(ctx.engine === 'postgres')('concurrency', () => {
    it('20 parallel changes from one version: exactly one wins, the rest are stale', async () => {
      const r = await createReferral(ctx.db, as(f.users.gp), referralInput());
      await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
        expectedVersion: 1,
        offerId: f.walkId,
      });
      const acc = await transitionReferral(ctx.db, as(f.users.provider), r.id, {
        to: 'accepted',
        expectedVersion: 2,
      });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          codeOf(
            recordSession(ctx.db, as(f.users.provider), r.id, {
              expectedVersion: acc.version,
              heldOn: `2025-07-${String(i + 1).padStart(2, '0')}`,
              attendance: 'attended',
            }),
          ),
        ),
      );
      expect(results.filter((x) => x === 'ok')).toHaveLength(1);
      expect(results.filter((x) => x === 'referral.stale')).toHaveLength(19);
      const v = await getReferral(ctx.db, as(f.users.provider), r.id);
      expect(v.version).toBe(acc.version + 1);
      expect(v.sessions).toHaveLength(1);
    });

    it('20 parallel changes that retry on stale: no update is lost', async () => {
      const r = await createReferral(ctx.db, as(f.users.gp), referralInput());
      await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
        expectedVersion: 1,
        offerId: f.walkId,
      });
      const acc = await transitionReferral(ctx.db, as(f.users.provider), r.id, {
        to: 'accepted',
        expectedVersion: 2,
      });
      const provider = as(f.users.provider);
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          let version = acc.version;
          for (;;) {
            try {
              await recordSession(ctx.db, provider, r.id, {
                expectedVersion: version,
                heldOn: `2025-08-${String(i + 1).padStart(2, '0')}`,
                attendance: 'attended',
              });
              return;
            } catch (e) {
              if (!(e instanceof ReferralError) || e.referralCode !== 'referral.stale') throw e;
              version = e.current!.version;
            }
          }
        }),
      );
      const v = await getReferral(ctx.db, provider, r.id);
      expect(v.version).toBe(acc.version + 20);
      expect(v.sessions).toHaveLength(20);
      expect(v.history.filter((h) => h.kind === 'session')).toHaveLength(20);
    }, 60_000);
  });
});
